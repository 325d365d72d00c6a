"""The web app (``web/``, built by Vite) served beside the API, from the same origin.

What a GET (or HEAD) of a path outside the API's namespaces answers:

- ``/assets/<file>``: the file; its name carries a hash of its content, so it is cached
  for a year. Absent, the API answers it (the contract's NOT_FOUND), never the page.
- ``/<file>`` (``favicon.svg``, ``robots.txt``): the file, cached for an hour, because
  its name stays the same from one build to the next.
- ``/`` and any other path a browser navigates to (``Accept: text/html``):
  ``index.html``, which routes on the client (``/sign-in``, ``/admin/users``).

Anything else (another method, an API client's unknown path, every path in a namespace
of the API's routes) goes on to the API, unchanged. The namespaces are the first path
segments of the router's own routes, so a new API route can never be shadowed by the page.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from fastapi import FastAPI
from starlette.datastructures import Headers
from starlette.exceptions import HTTPException
from starlette.responses import FileResponse, Response
from starlette.routing import BaseRoute
from starlette.staticfiles import NotModifiedResponse, StaticFiles
from starlette.types import ASGIApp, Receive, Scope, Send

from mentora.config import Settings

logger = logging.getLogger("mentora.web_app")

PACKAGED_BUILD = Path(__file__).parent / "_web"
INDEX = "index.html"
ASSETS = "assets"
READ_METHODS = frozenset({"GET", "HEAD"})

IMMUTABLE = "public, max-age=31536000, immutable"
# Stable names: a short cache bounds how stale a favicon gets after a deploy, and a page
# load does not ask for them again.
SHORT_CACHE = "public, max-age=3600"
# Revalidated on every load (a cheap 304 by its ETag), so a new build's asset names are
# picked up at once; unlike no-store it leaves the back/forward cache working.
NO_CACHE = "no-cache"

# style-src allows inline styles because Mantine writes its CSS variables into a style
# element and style attributes; scripts stay strictly same-origin files.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; "
    "object-src 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",  # frame-ancestors' counterpart for browsers without CSP 2
    "Cross-Origin-Opener-Policy": "same-origin",
    # Spoken turns will record from the microphone; nothing needs the camera or location.
    "Permissions-Policy": "microphone=(self), camera=(), geolocation=()",
}
# Whether a path answers with the page depends on Accept: caches must keep both answers apart.
VARY_ACCEPT = {"Vary": "Accept"}

NO_BUILD_HINT = (
    "No web app build found in %s; serving the API alone. Run ./scripts/serve with Node >= 20 "
    "(or `npm --prefix web ci && npm --prefix web run build`) to build it"
)


def add_web_app(app: FastAPI, settings: Settings) -> None:
    """Serve the built app ahead of the middleware added before this call (the anonymous
    limit, idempotency) and of the router, or say once why there is none."""
    build = settings.web_dir or PACKAGED_BUILD
    if (build / INDEX).is_file():
        app.add_middleware(WebAppMiddleware, build=build)
    else:
        logger.info(NO_BUILD_HINT, build)


def api_namespaces(routes: list[BaseRoute]) -> frozenset[str]:
    """The first path segment of every route (``v1``, ``docs``, ``healthz``, ...)."""
    namespaces = set()
    for route in routes:
        path = getattr(route, "path", "")
        first = _first_segment(path)
        if path.startswith("/") and first and "{" not in first:
            namespaces.add(first)
    return frozenset(namespaces)


def _first_segment(path: str) -> str:
    end = path.find("/", 1)
    return path[1:] if end < 0 else path[1:end]


def _accepts_html(scope: Scope) -> bool:
    return any(name == b"accept" and b"text/html" in value for name, value in scope["headers"])


class _BuildFiles(StaticFiles):
    def file_response(
        self, full_path: str | os.PathLike[str], stat_result: os.stat_result, scope: Scope, status_code: int = 200
    ) -> Response:
        # A module script in any other type is refused under nosniff, and the guessed type
        # depends on the host (Python < 3.12, or the Windows registry, may say otherwise).
        if str(full_path).endswith((".js", ".mjs")):
            response = FileResponse(
                full_path, status_code=status_code, stat_result=stat_result, media_type="text/javascript"
            )
            if self.is_not_modified(response.headers, Headers(scope=scope)):
                return NotModifiedResponse(response.headers)
            return response
        return super().file_response(full_path, stat_result, scope, status_code)


class WebAppMiddleware:
    def __init__(self, app: ASGIApp, *, build: Path) -> None:
        self.app = app
        self.files = _BuildFiles(directory=build, check_dir=False)
        self._namespaces: frozenset[str] = frozenset()
        self._routes_seen = -1

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope["method"] in READ_METHODS:
            response = await self._response(scope)
            if response is not None:
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)

    def _is_api_path(self, scope: Scope) -> bool:
        routes = scope["app"].router.routes
        if len(routes) != self._routes_seen:  # routes can be added after the app is built
            self._namespaces = api_namespaces(routes)
            self._routes_seen = len(routes)
        return _first_segment(scope["path"]) in self._namespaces

    async def _response(self, scope: Scope) -> Response | None:
        if self._is_api_path(scope):
            return None
        path: str = scope["path"]
        segments = path[1:].split("/")
        # No file of the build, and no page of the app, is named by a path that climbs.
        if any(segment in (".", "..") or "\\" in segment for segment in segments):
            return None
        if segments[0] == ASSETS:
            return await self._file(path[1:], scope, IMMUTABLE) if all(segments) else None
        if len(segments) == 1 and segments[0]:
            found = await self._file(segments[0], scope, NO_CACHE if segments[0] == INDEX else SHORT_CACHE)
            if found is not None:
                return found
        if path == "/" or _accepts_html(scope):
            return await self._file(INDEX, scope, NO_CACHE, VARY_ACCEPT)
        return None

    async def _file(
        self, relative: str, scope: Scope, cache_control: str, extra_headers: dict[str, str] | None = None
    ) -> Response | None:
        """The build's file at ``relative`` (StaticFiles: no way out of the folder, ETags,
        ranges), or None when there is none."""
        try:
            response = await self.files.get_response(relative, scope)
        except HTTPException:
            return None
        response.headers.update({"Cache-Control": cache_control, **SECURITY_HEADERS, **(extra_headers or {})})
        return response
