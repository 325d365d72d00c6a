"""Which tenant a request is for.

An authenticated request's tenant is the verified token's; a tenant the request names
(``X-Tenant`` header or host) may only confirm it. Unauthenticated requests (login,
register) name theirs by ``X-Tenant`` (slug), the host (a tenant's custom domain, or
``<slug>.<base domain>``) or the body's ``tenant_slug``. Nothing resolvable, an unknown
slug or an inactive tenant is TENANT_ERROR; the default tenant exists only if configured.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Protocol

from fastapi import Request

from mentora.config import Settings
from mentora.contract import AuthenticationError, TenantError, ValidationFailedError
from mentora.platform.cache import TtlCache
from mentora.platform.caller import Caller, TenantNaming, caller_of
from mentora.platform.tenant_settings import TenantSettings


@dataclass(frozen=True, slots=True)
class TenantRef:
    id: str
    slug: str
    name: str
    is_active: bool
    is_platform: bool = False
    domain: str | None = None
    settings: TenantSettings = field(default_factory=TenantSettings)
    allowed_origins: tuple[str, ...] = ()


class TenantDirectory(Protocol):
    async def find_by_slug(self, slug: str) -> TenantRef | None: ...

    async def origins(self) -> Mapping[str, frozenset[str]]:
        """Each allowed origin -> the slugs of the active tenants that allow it."""
        ...

    async def find_by_domain(self, domain: str) -> TenantRef | None: ...

    async def find_by_id(self, tenant_id: str) -> TenantRef | None: ...


class TenantResolver:
    def __init__(self, directory: TenantDirectory, settings: Settings, ttl_seconds: float) -> None:
        self._directory = directory
        self._default = settings.default_tenant
        self._tenants: TtlCache[tuple[str, str], TenantRef | None] = TtlCache(ttl_seconds, max_entries=10_000)
        self._origins: TtlCache[None, Mapping[str, frozenset[str]]] = TtlCache(ttl_seconds, max_entries=1)

    def invalidate(self) -> None:
        self._tenants.invalidate()
        self._origins.invalidate()

    async def tenants_allowing(self, origin: str) -> frozenset[str]:
        """The slugs of the active tenants whose ``allowed_origins`` include ``origin``."""
        origins = await self._origins.get(None, self._directory.origins)
        return origins.get(origin.lower(), frozenset())

    async def _cached(self, kind: str, value: str) -> TenantRef | None:
        finders = {
            "slug": self._directory.find_by_slug,
            "domain": self._directory.find_by_domain,
            "id": self._directory.find_by_id,
        }
        return await self._tenants.get((kind, value), lambda: finders[kind](value))

    async def by_id(self, tenant_id: str) -> TenantRef | None:
        return await self._cached("id", tenant_id)

    async def settings_of(self, tenant_id: str) -> TenantSettings | None:
        """A tenant's settings (its rate-limit overrides, quotas), or None when it is gone."""
        tenant = await self.by_id(tenant_id)
        return tenant.settings if tenant else None

    async def by_slug(self, slug: str) -> TenantRef | None:
        return await self._cached("slug", slug)

    async def named_by(self, caller: Caller) -> TenantRef | str | None:
        """The tenant a request's header or host names: a TenantRef, an unknown slug, or None
        (nothing named, or a host that is no tenant's domain)."""
        named = caller.named_tenant
        if named is None:
            return None
        if named.naming is TenantNaming.DOMAIN:
            return await self._cached("domain", named.name)
        return await self._cached("slug", named.name) or named.name

    async def resolve_unauthenticated(self, request: Request, body_slug: str | None = None) -> TenantRef:
        named = await self.named_by(caller_of(request.scope))
        if body_slug:
            from_body = await self._cached("slug", body_slug.strip().lower())
            if named is not None and named != from_body:
                raise ValidationFailedError.for_field("tenant_slug", "does not match the tenant named by the request")
            named = from_body or body_slug
        if named is None and self._default:
            named = await self._cached("slug", self._default) or self._default
        if named is None:
            raise TenantError("missing", "No tenant given: send the X-Tenant header or tenant_slug")
        if isinstance(named, str):
            raise TenantError("unknown", "Unknown tenant")
        if not named.is_active:
            raise TenantError("inactive", "This tenant is not active")
        return named

    async def confirm(self, caller: Caller, tenant_id: str) -> None:
        """A tenant named by the request must be the token's own.

        An explicit ``X-Tenant`` must match; a host only counts when it is a known
        tenant's (an API host like ``api.<base domain>`` names nobody).
        """
        named = await self.named_by(caller)
        if named is None or (isinstance(named, str) and caller.tenant_header is None):
            return
        if isinstance(named, str) or named.id != tenant_id:
            raise AuthenticationError("Access token is not valid for this tenant")
