"""The per-IP limit on anonymous requests: those without a valid access token, a bad or
expired token included. Requests with a valid token are counted per user and per tenant
once their principal is resolved (``platform.security.principal``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from starlette.types import ASGIApp, Receive, Scope, Send

from mentora.contract import AuthenticationError, RateLimitExceededError, bearer_token_in, response_for
from mentora.platform.ratelimit.limiter import RateLimiter
from mentora.platform.ratelimit.policies import PolicyName

if TYPE_CHECKING:
    from mentora.platform.security.tokens import TokenService
    from mentora.platform.tenancy import TenantResolver

# Probes and documents: a load balancer's health checks must never be refused.
EXEMPT_PATHS = frozenset({"/healthz", "/readyz", "/openapi.json", "/docs", "/docs/oauth2-redirect"})
NO_TENANT = "-"
# Set once a request has been counted as anonymous, so no later check counts it again.
COUNTED_KEY = "mentora.ratelimit.anonymous"


def client_ip(scope: Scope) -> str:
    client = scope.get("client")
    return str(client[0]) if client else "-"


async def count_as_anonymous(scope: Scope, tenant_slug: str | None = None) -> None:
    """Count a request against its IP's anonymous policy (in the tenant it names, if any),
    once however many places ask; RATE_LIMIT_EXCEEDED when over."""
    state = scope.setdefault("state", {})
    if state.get(COUNTED_KEY):
        return
    state[COUNTED_KEY] = True
    services = scope["app"].state.services
    limiter: RateLimiter = services.limiter
    tenant_id, tenant_settings = NO_TENANT, None
    if tenant_slug:
        resolver: TenantResolver = services.tenants
        tenant = await resolver.by_slug(tenant_slug)
        if tenant is not None:
            tenant_id, tenant_settings = tenant.id, tenant.settings
    await limiter.enforce(scope, PolicyName.ANONYMOUS, tenant_id, client_ip(scope), tenant_settings=tenant_settings)


def holds_valid_token(authorization: str, tokens: TokenService) -> bool:
    """A bearer token that is correctly signed and not expired (the principal checks the rest)."""
    token = bearer_token_in(authorization)
    if token is None:
        return False
    try:
        return not tokens.verify_access(token).expired
    except AuthenticationError:
        return False


class AnonymousRateLimitMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] in EXEMPT_PATHS:
            await self.app(scope, receive, send)
            return
        named_tenant, authorization = None, None
        for name, value in scope["headers"]:
            if name == b"authorization" and authorization is None:  # the one the principal reads
                authorization = value.decode("latin-1")
            elif name == b"x-tenant":
                named_tenant = value.decode("latin-1").strip().lower()
        if authorization is not None and holds_valid_token(authorization, scope["app"].state.services.tokens):
            await self.app(scope, receive, send)
            return
        try:
            await count_as_anonymous(scope, named_tenant)
        except RateLimitExceededError as exc:
            await response_for(exc)(scope, receive, send)
            return
        await self.app(scope, receive, send)
