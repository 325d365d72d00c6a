"""The process-wide services a request may need, built once per app and kept on its state."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, Request

from mentora.config import Settings
from mentora.platform.auth.passwords import PasswordService
from mentora.platform.auth.principal import PrincipalResolver, PrincipalStore
from mentora.platform.auth.tokens import TokenService
from mentora.platform.db import Database
from mentora.platform.outbound.client import OutboundClient
from mentora.platform.ratelimit import RateLimiter
from mentora.platform.secrets import SecretBox
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

    @classmethod
    def build(
        cls, settings: Settings, database: Database, *, directory: TenantDirectory, principal_store: PrincipalStore
    ) -> Services:
        return cls(
            settings=settings,
            database=database,
            tokens=TokenService(settings),
            passwords=PasswordService(settings),
            secrets=SecretBox(settings),
            tenants=TenantResolver(directory, settings, ttl_seconds=settings.principal_cache_seconds),
            principals=PrincipalResolver(principal_store, ttl_seconds=settings.principal_cache_seconds),
            limiter=RateLimiter(settings),
            ai=OutboundClient("ai", settings),
            lms=OutboundClient("lms", settings),
        )

    async def close(self) -> None:
        await self.ai.close()
        await self.lms.close()

    def forget_identity_state(self) -> None:
        """Drop this worker's cached tenant and user state after a change to either."""
        self.tenants.invalidate()
        self.principals.invalidate()


async def get_services(request: Request) -> Services:
    services: Services = request.app.state.services
    return services


ServicesDep = Annotated[Services, Depends(get_services)]
