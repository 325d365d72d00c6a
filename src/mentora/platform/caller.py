"""Who is calling, worked out once per request: the bearer token and what verifying it
found, the tenant the request names and how it names it, and the client's address.

``CallerMiddleware`` reads the headers and host once, just inside the request context,
and keeps a ``Caller`` on the scope; CORS, the anonymous rate limit, tenancy, the
principal and idempotency all read that one (``caller_of``). The token is verified here
and nowhere else: its claims, or the error that refused it, wait for the principal,
which checks the rest (tenant, user, session) and only then judges expiry. The client
address is the server's (``scope["client"]``), which uvicorn takes from
``X-Forwarded-For`` only when the peer is one of ``trusted_proxies``.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from starlette.types import ASGIApp, Receive, Scope, Send

from mentora.contract import AuthenticationError, bearer_token_in
from mentora.platform.security.tokens import AccessClaims, TokenService

# Where the scope keeps the request's caller.
CALLER_KEY = "mentora.caller"
NO_ADDRESS = "-"


class TenantNaming(StrEnum):
    HEADER = "header"  # X-Tenant: a slug
    SUBDOMAIN = "subdomain"  # the host is <slug>.<base domain>
    DOMAIN = "domain"  # any other host: perhaps a tenant's custom domain


@dataclass(frozen=True, slots=True)
class NamedTenant:
    naming: TenantNaming
    name: str  # a slug, or the host for DOMAIN


@dataclass(frozen=True, slots=True)
class Caller:
    client_ip: str
    # X-Tenant as sent, trimmed and lower-cased ("" when sent empty); None when not sent.
    tenant_header: str | None = None
    named_tenant: NamedTenant | None = None
    token: str | None = None  # the bearer token, when the request sent one
    claims: AccessClaims | None = None  # correctly signed; perhaps expired
    token_error: AuthenticationError | None = None  # why the token was refused

    @property
    def holds_valid_token(self) -> bool:
        """A correctly signed token, not expired (the principal checks the rest)."""
        return self.claims is not None and not self.claims.expired


class CallerReader:
    def __init__(self, tokens: TokenService, base_domain: str | None) -> None:
        self._tokens = tokens
        self._base_suffix = "." + base_domain.lower() if base_domain else None

    def read(self, scope: Scope) -> Caller:
        authorization: bytes | None = None
        tenant_header: bytes | None = None
        host = b""
        for name, value in scope["headers"]:
            # The first of each, as ``Request.headers.get`` would read it.
            if name == b"authorization" and authorization is None:
                authorization = value
            elif name == b"x-tenant" and tenant_header is None:
                tenant_header = value
            elif name == b"host" and not host:
                host = value
        slug = tenant_header.decode("latin-1").strip().lower() if tenant_header is not None else None
        token = bearer_token_in(authorization.decode("latin-1")) if authorization is not None else None
        claims, token_error = None, None
        if token is not None:
            try:
                claims = self._tokens.verify_access(token)
            except AuthenticationError as exc:
                token_error = exc
        client = scope.get("client")
        return Caller(
            client_ip=str(client[0]) if client else NO_ADDRESS,
            tenant_header=slug,
            named_tenant=self._named_tenant(slug, host.decode("latin-1")),
            token=token,
            claims=claims,
            token_error=token_error,
        )

    def _named_tenant(self, slug: str | None, host_header: str) -> NamedTenant | None:
        if slug:
            return NamedTenant(TenantNaming.HEADER, slug)
        host = host_header.split(":", 1)[0].lower()
        if not host:
            return None
        if self._base_suffix and host.endswith(self._base_suffix):
            label = host[: -len(self._base_suffix)]
            if label and "." not in label:
                return NamedTenant(TenantNaming.SUBDOMAIN, label)
        return NamedTenant(TenantNaming.DOMAIN, host)


class CallerMiddleware:
    def __init__(self, app: ASGIApp, *, reader: CallerReader) -> None:
        self.app = app
        self._reader = reader

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            scope[CALLER_KEY] = self._reader.read(scope)
        await self.app(scope, receive, send)


def caller_of(scope: Scope) -> Caller:
    """The request's caller, as ``CallerMiddleware`` read it."""
    caller: Caller = scope[CALLER_KEY]
    return caller
