"""The refresh token in a cookie, for browser apps (OAuth 2.0 for Browser-Based Apps).

A browser app keeps its access token in memory only. Its refresh token rides in
``mentora_refresh``: HttpOnly, so no script of the page (nor one injected into it) can
read it, and scoped to ``/v1/auth``, so refresh and logout receive it and no other route
ever does. A browser attaches a cookie by itself, so a request that uses it must also
show that the app's own page sent it (double-submit): ``mentora_csrf``, a cookie the
page can read, echoed in ``X-CSRF-Token``.

The CSRF token is an HMAC of the refresh token, under a key derived from the secrets
key for this purpose alone: nobody without the key can compute it, it fits one refresh
token only (a new one with every rotation, useless with another sign-in), and nothing
is stored. With the cookie, also an ``Origin`` (when the browser sends one) must be the
API's own: the app is served from the API's origin, and the API's CORS grants no other
origin credentials or this header, so a page elsewhere could not use the answer anyway.
A request that fails these checks is refused before anything changes.

Bodies that carry a refresh token are answered as always, without cookies.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
from typing import Any
from urllib.parse import urlsplit

from fastapi import Request, Response
from fastapi.routing import APIRoute
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from mentora.auth.schemas import TokenPair
from mentora.contract import AuthenticationError, AuthorizationError
from mentora.platform.secrets import SecretBox

AUTH_PATH = "/v1/auth"
REFRESH_COOKIE = "mentora_refresh"
CSRF_COOKIE = "mentora_csrf"
CSRF_HEADER = "X-CSRF-Token"
BAD_CSRF = "Missing or invalid CSRF token"
FOREIGN_ORIGIN = "Cross-origin request refused"
NO_REFRESH_TOKEN = "No refresh token"  # noqa: S105 (a message)
# What a refused cookie request lacked, in AUTHORIZATION_ERROR's ``details.required``.
SAME_ORIGIN = "same-origin"

_CSRF_KEY_PURPOSE = b"mentora refresh cookie csrf key"
_DEFAULT_PORTS = {"http": 80, "https": 443}
# Set on a request whose refresh cookie was accepted: an AUTHENTICATION_ERROR to it clears the cookies.
_COOKIE_USED = "mentora.refresh_cookie_used"


def _cookie(name: str, value: str, *, path: str, http_only: bool, max_age: int) -> str:
    """A ``Set-Cookie`` value. Written out rather than through ``http.cookies`` so the
    attributes read exactly as documented (``SameSite=Strict``)."""
    attributes = [f"{name}={value}", f"Path={path}"]
    if http_only:
        attributes.append("HttpOnly")
    attributes += ["Secure", "SameSite=Strict", f"Max-Age={max_age}"]
    return "; ".join(attributes)


def _cleared() -> list[str]:
    return [
        _cookie(REFRESH_COOKIE, "", path=AUTH_PATH, http_only=True, max_age=0),
        _cookie(CSRF_COOKIE, "", path="/", http_only=False, max_age=0),
    ]


def _origin_key(origin: str) -> tuple[str, str, int] | None:
    try:
        parts = urlsplit(origin)
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS or not parts.hostname:
        return None  # "null" (a sandboxed page, a file) or no origin at all
    return scheme, parts.hostname, port or _DEFAULT_PORTS[scheme]


def _from_own_origin(request: Request) -> bool:
    """No ``Origin`` (not a browser's cross-origin request), or the API's own: its scheme
    as the server sees it (a trusted proxy's ``X-Forwarded-Proto`` included) and its Host."""
    origin = request.headers.get("origin")
    if origin is None:
        return True
    own = _origin_key(f"{request.url.scheme}://{request.url.netloc}")
    return own is not None and _origin_key(origin) == own


class RefreshCookies:
    """The two cookies of one sign-in: set, cleared, and checked on the way in."""

    def __init__(self, secrets: SecretBox, *, lifetime_days: int) -> None:
        # HMAC under the secrets key's own digest key, as a key derivation: the CSRF key
        # is shared by every worker and host, and is no key used for anything else.
        self._csrf_key = bytes.fromhex(secrets.digest(_CSRF_KEY_PURPOSE))
        self._max_age = lifetime_days * 24 * 60 * 60

    def csrf_token(self, refresh_token: str) -> str:
        mac = hmac.new(self._csrf_key, refresh_token.encode(), hashlib.sha256).digest()
        return base64.urlsafe_b64encode(mac).rstrip(b"=").decode("ascii")

    def deliver(self, response: Response, pair: TokenPair) -> TokenPair:
        """Put the pair's refresh token in the cookies; what the body carries then has none."""
        assert pair.refresh_token is not None
        token = pair.refresh_token
        response.headers.append(
            "set-cookie", _cookie(REFRESH_COOKIE, token, path=AUTH_PATH, http_only=True, max_age=self._max_age)
        )
        response.headers.append(
            "set-cookie",
            _cookie(CSRF_COOKIE, self.csrf_token(token), path="/", http_only=False, max_age=self._max_age),
        )
        return pair.model_copy(update={"refresh_token": None})

    @staticmethod
    def clear(response: Response) -> None:
        for value in _cleared():
            response.headers.append("set-cookie", value)

    def accept(self, request: Request, cookie: str | None, csrf: str | None) -> str | None:
        """The refresh token of the cookie (None without one), once this request has shown
        that the app's own page sent it; AUTHORIZATION_ERROR otherwise."""
        if not cookie:
            return None
        if not _from_own_origin(request):
            raise AuthorizationError(FOREIGN_ORIGIN, details={"required": SAME_ORIGIN})
        # Compared as bytes: compare_digest refuses non-ASCII text, and a header may hold some.
        if csrf is None or not hmac.compare_digest(csrf.encode(), self.csrf_token(cookie).encode()):
            raise AuthorizationError(BAD_CSRF, details={"required": CSRF_HEADER})
        request.scope[_COOKIE_USED] = True
        return cookie


def missing_refresh_token() -> AuthenticationError:
    return AuthenticationError(NO_REFRESH_TOKEN, details={"reason": "missing"})


def _clearing_rejected_cookies(app: ASGIApp) -> ASGIApp:
    async def clearing_app(scope: Scope, receive: Receive, send: Send) -> None:
        async def send_clearing(message: Message) -> None:
            if message["type"] == "http.response.start" and message["status"] == 401 and scope.get(_COOKIE_USED):
                cleared = [(b"set-cookie", value.encode("latin-1")) for value in _cleared()]
                message = {**message, "headers": [*message.get("headers", ()), *cleared]}
            await send(message)

        await app(scope, receive, send_clearing)

    return clearing_app


class RefreshCookieRoute(APIRoute):
    """A route whose AUTHENTICATION_ERROR to a request with an accepted refresh cookie
    (expired, revoked, replayed) also clears the cookies, so the browser stops sending a
    dead one. The error response is built by the contract's handler after the endpoint
    raised and its transaction ended (rolled back, or a revocation kept); only the route's
    own ASGI app still sees that response, so the headers are added there."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.app = _clearing_rejected_cookies(self.app)
