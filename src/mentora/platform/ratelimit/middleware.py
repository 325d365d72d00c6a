"""The per-IP limit on anonymous requests: those without a valid access token, a bad or
expired token included. Requests with a valid token are counted per user and per tenant
once their principal is resolved (``platform.security.principal``). Anonymous requests
count in the tenant they name (header or host; see ``platform.caller``).

The same middleware writes the RateLimit headers of the policy that applied last
(``STATE_KEY``) on every successful answer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from mentora.contract import RateLimitExceededError, response_for
from mentora.platform.caller import caller_of
from mentora.platform.ratelimit.limiter import STATE_KEY, RateLimiter, RateLimitState
from mentora.platform.ratelimit.policies import PolicyName
from mentora.platform.tenancy import TenantRef, TenantResolver

if TYPE_CHECKING:
    from mentora.platform.services import Services

# Probes and documents: a load balancer's health checks must never be refused.
EXEMPT_PATHS = frozenset({"/healthz", "/readyz", "/openapi.json", "/docs", "/docs/oauth2-redirect"})
NO_TENANT = "-"
# Set once a request has been counted as anonymous, so no later check counts it again.
COUNTED_KEY = "mentora.ratelimit.anonymous"


def client_ip(scope: Scope) -> str:
    return caller_of(scope).client_ip


async def count_as_anonymous(scope: Scope, services: Services) -> None:
    """Count a request against its IP's anonymous policy (in the tenant it names, if any),
    once however many places ask; RATE_LIMIT_EXCEEDED when over."""
    await _count_as_anonymous(scope, services.limiter, services.tenants)


async def _count_as_anonymous(scope: Scope, limiter: RateLimiter, tenants: TenantResolver) -> None:
    state = scope.setdefault("state", {})
    if state.get(COUNTED_KEY):
        return
    state[COUNTED_KEY] = True
    caller = caller_of(scope)
    tenant_id, tenant_settings = NO_TENANT, None
    named = await tenants.named_by(caller)
    if isinstance(named, TenantRef):
        tenant_id, tenant_settings = named.id, named.settings
    await limiter.enforce(scope, PolicyName.ANONYMOUS, tenant_id, caller.client_ip, tenant_settings=tenant_settings)


class AnonymousRateLimitMiddleware:
    def __init__(self, app: ASGIApp, *, limiter: RateLimiter, tenants: TenantResolver) -> None:
        self.app = app
        self._limiter = limiter
        self._tenants = tenants

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["path"] in EXEMPT_PATHS:
            await self.app(scope, receive, send)
            return
        if not caller_of(scope).holds_valid_token:
            try:
                await _count_as_anonymous(scope, self._limiter, self._tenants)
            except RateLimitExceededError as exc:
                await response_for(exc)(scope, receive, send)
                return

        async def send_with_rate_limit(message: Message) -> None:
            if message["type"] == "http.response.start" and message["status"] < 400:
                reported: RateLimitState | None = scope.get("state", {}).get(STATE_KEY)
                if reported is not None:
                    message["headers"] = [*message.get("headers", ()), *reported.headers()]
            await send(message)

        await self.app(scope, receive, send_with_rate_limit)
