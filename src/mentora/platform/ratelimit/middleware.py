"""The per-IP limit on unauthenticated requests (authenticated ones are counted per user
and per tenant once their token is verified, in ``platform.auth.principal``)."""

from __future__ import annotations

from starlette.types import ASGIApp, Receive, Scope, Send

from mentora.contract import RateLimitExceededError, response_for
from mentora.platform.ratelimit.limiter import RateLimiter
from mentora.platform.ratelimit.policies import PolicyName
from mentora.platform.tenancy import TenantResolver

# Probes and documents: a load balancer's health checks must never be refused.
EXEMPT_PATHS = frozenset({"/healthz", "/readyz", "/openapi.json", "/docs", "/docs/oauth2-redirect"})
NO_TENANT = "-"


def client_ip(scope: Scope) -> str:
    client = scope.get("client")
    return str(client[0]) if client else "-"


class AnonymousRateLimitMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] in EXEMPT_PATHS:
            await self.app(scope, receive, send)
            return
        named_tenant = None
        for name, value in scope["headers"]:
            if name == b"authorization":
                await self.app(scope, receive, send)
                return
            if name == b"x-tenant":
                named_tenant = value.decode("latin-1").strip().lower()
        services = scope["app"].state.services
        limiter: RateLimiter = services.limiter
        tenant_id, tenant_settings = NO_TENANT, None
        if named_tenant:
            resolver: TenantResolver = services.tenants
            tenant = await resolver.by_slug(named_tenant)
            if tenant is not None:
                tenant_id, tenant_settings = tenant.id, tenant.settings
        try:
            await limiter.enforce(
                scope, PolicyName.ANONYMOUS, tenant_id, client_ip(scope), tenant_settings=tenant_settings
            )
        except RateLimitExceededError as exc:
            await response_for(exc)(scope, receive, send)
            return
        await self.app(scope, receive, send)
