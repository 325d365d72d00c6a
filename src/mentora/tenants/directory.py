"""The tenant directory the platform's tenant resolution reads (``platform.tenancy``)."""

from __future__ import annotations

from sqlalchemy import select

from mentora.platform.db import Database
from mentora.platform.tenancy import TenantRef
from mentora.tenants.models import Tenant
from mentora.tenants.schemas import TenantSettings


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
        settings=TenantSettings.model_validate(tenant.settings).model_dump(mode="json"),
        allowed_origins=tuple(tenant.allowed_origins),
    )


class SqlTenantDirectory:
    def __init__(self, database: Database) -> None:
        self._database = database

    async def _one(self, condition: object) -> TenantRef | None:
        async with self._database.reading() as session:
            tenant = (await session.execute(select(Tenant).where(condition))).scalar_one_or_none()  # type: ignore[arg-type]
            return tenant_ref(tenant) if tenant is not None else None

    async def find_by_slug(self, slug: str) -> TenantRef | None:
        return await self._one(Tenant.slug == slug)

    async def find_by_domain(self, domain: str) -> TenantRef | None:
        return await self._one(Tenant.domain == domain)

    async def find_by_id(self, tenant_id: str) -> TenantRef | None:
        return await self._one(Tenant.id == tenant_id)

    async def origins(self) -> dict[str, frozenset[str]]:
        statement = select(Tenant.slug, Tenant.allowed_origins).where(Tenant.is_active.is_(True))
        allowing: dict[str, set[str]] = {}
        async with self._database.reading() as session:
            for slug, origins in await session.execute(statement):
                for origin in origins:
                    allowing.setdefault(origin.lower(), set()).add(slug)
        return {origin: frozenset(slugs) for origin, slugs in allowing.items()}
