"""The tenant directory the platform's tenant resolution reads (``platform.tenancy``)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from mentora.platform.db import Database
from mentora.platform.tenancy import TenantRef
from mentora.platform.tenant_settings import TenantSettings
from mentora.tenants.models import Tenant
from mentora.tenants.repository import TenantRepository


def tenant_ref(tenant: Tenant) -> TenantRef:
    return TenantRef(
        id=tenant.id,
        slug=tenant.slug,
        name=tenant.name,
        is_active=tenant.is_active,
        is_platform=tenant.is_platform,
        domain=tenant.domain,
        # Every setting, stored or defaulted, so readers (auth, rate limits, quotas) need no
        # defaults of their own, and a setting added later reads right for older tenants.
        settings=TenantSettings.of(tenant.settings),
        allowed_origins=tuple(tenant.allowed_origins),
    )


class SqlTenantDirectory:
    def __init__(self, database: Database) -> None:
        self._database = database

    async def _one(self, find: Callable[[TenantRepository], Awaitable[Tenant | None]]) -> TenantRef | None:
        async with self._database.reading() as session:
            tenant = await find(TenantRepository(session))
            return tenant_ref(tenant) if tenant is not None else None

    async def find_by_slug(self, slug: str) -> TenantRef | None:
        return await self._one(lambda tenants: tenants.find_by_slug(slug))

    async def find_by_domain(self, domain: str) -> TenantRef | None:
        return await self._one(lambda tenants: tenants.find_by_domain(domain))

    async def find_by_id(self, tenant_id: str) -> TenantRef | None:
        return await self._one(lambda tenants: tenants.find_by_id(tenant_id))

    async def origins(self) -> dict[str, frozenset[str]]:
        async with self._database.reading() as session:
            return await TenantRepository(session).origins()
