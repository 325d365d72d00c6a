"""Which tenant a request is for.

An authenticated request's tenant is the verified token's; a tenant the request names
(``X-Tenant`` header or host) may only confirm it. Unauthenticated requests (login,
register) name theirs by ``X-Tenant`` (slug), the host (a tenant's custom domain, or
``<slug>.<base domain>``) or the body's ``tenant_slug``. Nothing resolvable, an unknown
slug or an inactive tenant is TENANT_ERROR; the default tenant exists only if configured.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

from fastapi import Request

from mentora.config import Settings
from mentora.contract import AuthenticationError, TenantError, ValidationFailedError

TENANT_HEADER = "x-tenant"


@dataclass(frozen=True, slots=True)
class TenantRef:
    id: str
    slug: str
    name: str
    is_active: bool
    is_platform: bool = False
    domain: str | None = None
    settings: Mapping[str, Any] = field(default_factory=dict)
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
        self._base_suffix = "." + settings.base_domain.lower() if settings.base_domain else None
        self._ttl = ttl_seconds
        self._cache: dict[tuple[str, str], tuple[float, TenantRef | None]] = {}
        self._origins: tuple[float, Mapping[str, frozenset[str]]] = (0.0, {})
        # Bumped by invalidate(): a lookup that started before a change must not cache its result.
        self._generation = 0

    def invalidate(self) -> None:
        self._generation += 1
        self._cache.clear()
        self._origins = (0.0, {})

    async def tenants_allowing(self, origin: str) -> frozenset[str]:
        """The slugs of the active tenants whose ``allowed_origins`` include ``origin``."""
        expires, origins = self._origins
        now = time.monotonic()
        if expires <= now:
            generation = self._generation
            origins = await self._directory.origins()
            if generation == self._generation:
                self._origins = (now + max(self._ttl, 0.0), origins)
        return origins.get(origin.lower(), frozenset())

    async def _cached(self, kind: str, value: str) -> TenantRef | None:
        key = (kind, value)
        now = time.monotonic()
        cached = self._cache.get(key)
        if cached is not None and cached[0] > now:
            return cached[1]
        generation = self._generation
        if kind == "slug":
            tenant = await self._directory.find_by_slug(value)
        elif kind == "domain":
            tenant = await self._directory.find_by_domain(value)
        else:
            tenant = await self._directory.find_by_id(value)
        if self._ttl > 0 and generation == self._generation:
            if len(self._cache) > 10_000:
                self._cache.clear()
            self._cache[key] = (now + self._ttl, tenant)
        return tenant

    async def by_id(self, tenant_id: str) -> TenantRef | None:
        return await self._cached("id", tenant_id)

    async def by_slug(self, slug: str) -> TenantRef | None:
        return await self._cached("slug", slug)

    async def _named_by_request(self, request: Request) -> TenantRef | str | None:
        """The tenant the request's header or host names: a TenantRef, an unknown slug, or None."""
        slug = request.headers.get(TENANT_HEADER)
        if slug:
            return await self._cached("slug", slug.strip().lower()) or slug
        host = request.headers.get("host", "").split(":", 1)[0].lower()
        if not host:
            return None
        if self._base_suffix and host.endswith(self._base_suffix):
            label = host[: -len(self._base_suffix)]
            if label and "." not in label:
                return await self._cached("slug", label) or label
        return await self._cached("domain", host)

    async def resolve_unauthenticated(self, request: Request, body_slug: str | None = None) -> TenantRef:
        named = await self._named_by_request(request)
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

    async def confirm(self, request: Request, tenant_id: str) -> None:
        """A tenant named by the request must be the token's own.

        An explicit ``X-Tenant`` must match; a host only counts when it is a known
        tenant's (an API host like ``api.<base domain>`` names nobody).
        """
        named = await self._named_by_request(request)
        if named is None or (isinstance(named, str) and TENANT_HEADER not in request.headers):
            return
        if isinstance(named, str) or named.id != tenant_id:
            raise AuthenticationError("Access token is not valid for this tenant")
