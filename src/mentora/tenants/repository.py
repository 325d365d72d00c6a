from __future__ import annotations

from sqlalchemy import Select, func, select

from mentora.platform.db.repository import Repository
from mentora.tenants.models import Tenant


class TenantRepository(Repository[Tenant]):
    """Institutions only: the operators' own platform tenant is not managed here."""

    model = Tenant

    def base_statement(self) -> Select[Tenant]:
        return select(Tenant).where(Tenant.is_platform.is_(False))

    async def has_institutions(self) -> bool:
        """Whether there is an institution at all."""
        count = select(func.count()).select_from(self.base_statement().subquery())
        return bool((await self.session.execute(count)).scalar_one())

    async def find_by_slug(self, slug: str) -> Tenant | None:
        """Any tenant, the platform's too."""
        return await self._any_where(Tenant.slug == slug)

    async def find_by_domain(self, domain: str) -> Tenant | None:
        return await self._any_where(Tenant.domain == domain)

    async def find_by_id(self, tenant_id: str) -> Tenant | None:
        """Any tenant by id, the platform's too (``get`` finds institutions only)."""
        return await self._any_where(Tenant.id == tenant_id)

    async def _any_where(self, condition: object) -> Tenant | None:
        result = await self.session.execute(select(Tenant).where(condition))  # type: ignore[arg-type]
        return result.scalar_one_or_none()

    async def origins(self) -> dict[str, frozenset[str]]:
        """Each allowed origin (lower case) -> the slugs of the active tenants that allow it."""
        statement = select(Tenant.slug, Tenant.allowed_origins).where(Tenant.is_active.is_(True))
        allowing: dict[str, set[str]] = {}
        for slug, origins in await self.session.execute(statement):
            for origin in origins:
                allowing.setdefault(origin.lower(), set()).add(slug)
        return {origin: frozenset(slugs) for origin, slugs in allowing.items()}
