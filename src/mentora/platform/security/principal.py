"""Who is calling: the token ``platform.caller`` verified, confirmed against the named
tenant and the current user state.

Each worker keeps a user's state (active, role, permissions, session not revoked) for
``principal_cache_seconds``, so an authenticated request costs no database round trip;
a change made through this worker clears its cache at once, and with Redis every other
worker's a moment later (``mentora.platform.invalidation``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Annotated, Protocol

from fastapi import Depends, Request

from mentora.contract import (
    AuthenticationError,
    AuthorizationError,
    ErrorCode,
    TokenExpiredError,
    raises,
)
from mentora.platform.cache import TtlCache
from mentora.platform.caller import Caller, caller_of
from mentora.platform.ratelimit import PolicyName
from mentora.platform.ratelimit.middleware import count_as_anonymous
from mentora.platform.security.tokens import AccessClaims
from mentora.platform.tenancy import TenantResolver

if TYPE_CHECKING:
    from mentora.platform.services import Services

AUTHENTICATION_CODES = (ErrorCode.AUTHENTICATION_ERROR, ErrorCode.TOKEN_EXPIRED)


@dataclass(frozen=True, slots=True)
class Principal:
    user_id: str
    tenant_id: str
    role: str
    permissions: frozenset[str]
    session_id: str

    def can(self, permission: str) -> bool:
        return permission in self.permissions


@dataclass(frozen=True, slots=True)
class PrincipalState:
    """What the user store says about a token's user right now."""

    role: str
    permissions: frozenset[str]


@dataclass(frozen=True, slots=True)
class SignIn:
    """One sign-in: its user, their tenant, and the session id its access tokens carry."""

    user_id: str
    tenant_id: str
    session_id: str


class PrincipalStore(Protocol):
    async def load(self, user_id: str, tenant_id: str, session_id: str) -> PrincipalState | None:
        """The user's state, or None when the user, the tenant or the session is no longer active."""


class PrincipalResolver:
    def __init__(self, store: PrincipalStore, ttl_seconds: float) -> None:
        self._store = store
        self._cache: TtlCache[tuple[str, str, str], PrincipalState | None] = TtlCache(ttl_seconds, max_entries=100_000)

    async def resolve(self, claims: AccessClaims) -> Principal:
        key = (claims.user_id, claims.tenant_id, claims.session_id)
        state = await self._cache.get(key, lambda: self._store.load(*key))
        if state is None:
            raise AuthenticationError("Access token is no longer valid")
        return Principal(
            user_id=claims.user_id,
            tenant_id=claims.tenant_id,
            role=state.role,
            permissions=state.permissions,
            session_id=claims.session_id,
        )

    def invalidate(self) -> None:
        self._cache.invalidate()

    def forget(self, sign_in: SignIn) -> None:
        self._cache.forget((sign_in.user_id, sign_in.tenant_id, sign_in.session_id))


# Where a request keeps its principal once resolved: a route may ask for it twice (a
# permission and the caller), and the rate limits must count the request once.
PRINCIPAL_KEY = "mentora.principal"


@raises(*AUTHENTICATION_CODES, ErrorCode.RATE_LIMIT_EXCEEDED)
async def get_principal(request: Request) -> Principal:
    state = request.scope.setdefault("state", {})
    known: Principal | None = state.get(PRINCIPAL_KEY)
    if known is not None:
        return known
    principal = await _resolve_principal(request)
    state[PRINCIPAL_KEY] = principal
    return principal


async def _resolve_principal(request: Request) -> Principal:
    # ``Services`` imports this module, so it is known here by its annotation only.
    services: Services = request.app.state.services
    limiter, tenants = services.limiter, services.tenants
    try:
        principal = await _authenticate(caller_of(request.scope), tenants, services.principals)
    except TokenExpiredError:
        raise
    except AuthenticationError:
        # A bad token is an anonymous request: it counts against the caller's IP.
        await count_as_anonymous(request.scope, services)
        raise
    if limiter.enabled:
        tenant_settings = await tenants.settings_of(principal.tenant_id)
        scope, tenant_id = request.scope, principal.tenant_id
        # Tenant first, user last: the response's RateLimit headers report the user's policy.
        await limiter.enforce(scope, PolicyName.TENANT, tenant_id, tenant_settings=tenant_settings, report=False)
        await limiter.enforce(scope, PolicyName.USER, tenant_id, principal.user_id, tenant_settings=tenant_settings)
    return principal


async def _authenticate(caller: Caller, tenants: TenantResolver, resolver: PrincipalResolver) -> Principal:
    """Every check of the token, its tenant and its user; only then may it be TOKEN_EXPIRED,
    so a foreign, revoked or deactivated token never sends a client into a refresh loop."""
    if caller.token_error is not None:
        raise caller.token_error
    claims = caller.claims
    if claims is None:
        raise AuthenticationError("Authentication required")
    await tenants.confirm(caller, claims.tenant_id)
    principal = await resolver.resolve(claims)
    if claims.expired:
        raise TokenExpiredError()
    return principal


CurrentPrincipal = Annotated[Principal, Depends(get_principal)]


class RequirePermission:
    """A dependency that admits callers whose role has ``permission`` (shown in the spec)."""

    def __init__(self, permission: str) -> None:
        self.permission = permission
        self.error_codes: tuple[ErrorCode, ...] = (
            *AUTHENTICATION_CODES,
            ErrorCode.AUTHORIZATION_ERROR,
            ErrorCode.RATE_LIMIT_EXCEEDED,
        )

    # Takes the request, not CurrentPrincipal: each level of dependencies costs FastAPI
    # ~8 us a request to solve, and this one is on nearly every route.
    async def __call__(self, request: Request) -> Principal:
        principal = await get_principal(request)
        if self.permission not in principal.permissions:
            raise AuthorizationError.missing_permission(self.permission)
        return principal

    def __repr__(self) -> str:
        return f"RequirePermission({self.permission!r})"
