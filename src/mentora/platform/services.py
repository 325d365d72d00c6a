"""The process-wide services a request may need, built once per app (``create_app``), handed
to the middleware that needs them and kept on the app's state for routes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request
from starlette.requests import HTTPConnection

from mentora.config import Settings
from mentora.platform.caller import CallerReader
from mentora.platform.db import Database
from mentora.platform.invalidation import EVERYTHING, Invalidation, InvalidationBus
from mentora.platform.outbound.client import OutboundClient
from mentora.platform.ratelimit import RateLimiter
from mentora.platform.secrets import SecretBox
from mentora.platform.security.passwords import PasswordService
from mentora.platform.security.principal import PrincipalResolver, PrincipalStore, SignIn
from mentora.platform.security.tokens import TokenService
from mentora.platform.tenancy import TenantDirectory, TenantResolver


@dataclass(frozen=True, slots=True)
class Services:
    settings: Settings
    database: Database
    tokens: TokenService
    passwords: PasswordService
    secrets: SecretBox
    tenants: TenantResolver
    principals: PrincipalResolver
    limiter: RateLimiter
    ai: OutboundClient
    lms: OutboundClient
    invalidations: InvalidationBus
    callers: CallerReader

    @classmethod
    def build(
        cls, settings: Settings, database: Database, *, directory: TenantDirectory, principal_store: PrincipalStore
    ) -> Services:
        tokens = TokenService(settings)
        return cls(
            settings=settings,
            database=database,
            tokens=tokens,
            passwords=PasswordService(settings),
            secrets=SecretBox(settings),
            tenants=TenantResolver(directory, settings, ttl_seconds=settings.principal_cache_seconds),
            principals=PrincipalResolver(principal_store, ttl_seconds=settings.principal_cache_seconds),
            limiter=RateLimiter(settings),
            ai=OutboundClient("ai", settings),
            lms=OutboundClient("lms", settings),
            invalidations=InvalidationBus(settings),
            callers=CallerReader(tokens, settings.base_domain),
        )

    async def start(self) -> None:
        """Hear the changes other workers announce (with Redis), before serving requests."""
        await self.invalidations.start(self.drop_cached)

    async def close(self) -> None:
        await self.invalidations.close()
        await self.ai.close()
        await self.lms.close()

    def forget_identity_state(self) -> None:
        """After a committed change to tenants, roles or users: drop every worker's cached
        tenant and user state (this worker's at once, the others' through Redis)."""
        self._forget(EVERYTHING)

    def forget_sign_in(self, sign_in: SignIn) -> None:
        """After a sign-in ended (logout, a replayed refresh token): its access tokens stop
        working on every worker."""
        self._forget(Invalidation(sign_in))

    def _forget(self, change: Invalidation) -> None:
        self.drop_cached(change)
        self.invalidations.publish(change)

    def drop_cached(self, change: Invalidation) -> None:
        """Drop this worker's cached state that ``change`` concerns."""
        if change.sign_in is None:
            self.tenants.invalidate()
            self.principals.invalidate()
        else:
            self.principals.forget(change.sign_in)


def services_of(connection: HTTPConnection) -> Services:
    """The app's services, as ``create_app`` built them."""
    services: Services = connection.app.state.services
    return services


async def get_services(request: Request) -> Services:
    return services_of(request)


ServicesDep = Annotated[Services, Depends(get_services)]
