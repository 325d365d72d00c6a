"""Tenants: managed by the platform operator, their own settings also by their administrators.

Secrets are sealed at rest and never returned.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from mentora.contract import ConflictError, NotFoundError
from mentora.platform.db import after_commit
from mentora.platform.secrets import SecretBox
from mentora.platform.tenant_settings import AIConfig, LMSConfig, TenantSettings
from mentora.sign_ins.models import RevocationReason
from mentora.sign_ins.repository import SignInRepository
from mentora.tenants.models import Tenant
from mentora.tenants.repository import TenantRepository
from mentora.tenants.schemas import (
    AIConfigIn,
    AIConfigOut,
    Branding,
    InstitutionUpdate,
    LMSConfigIn,
    LMSConfigOut,
    PublicInstitutionOut,
    TenantCreate,
    TenantOut,
)

PLATFORM_SLUG = "platform"
# Where each configuration's secret is sent: the AI key with every call to the provider,
# the LMS's API token to its base URL and its signed client assertion to its token URL.
AI_URLS = ("base_url",)
LMS_URLS = ("base_url", "token_url")


def _sealed(
    data: AIConfigIn | LMSConfigIn,
    secret_field: str,
    previous: dict[str, Any],
    seal: Callable[[Any], Any],
    bound_to: tuple[str, ...],
) -> dict[str, Any]:
    """The config to store: secrets sealed; an omitted secret keeps the stored one, a null one clears it.

    An omitted secret is dropped instead when a URL named in ``bound_to`` now points
    somewhere new: the stored secret is never sent to a host it was not given for.
    """
    stored = data.model_dump(mode="json", exclude={secret_field})
    sealed_key = f"{secret_field}_sealed"
    if secret_field not in data.model_fields_set:
        moved = any(stored[url] is not None and stored[url] != previous.get(url) for url in bound_to)
        if sealed_key in previous and not moved:
            stored[sealed_key] = previous[sealed_key]
    elif (secret := getattr(data, secret_field)) is not None:
        stored[sealed_key] = seal(secret)
    return stored


def _sealed_ai_config(
    data: AIConfigIn, previous: dict[str, Any], secrets: SecretBox, bound_to: tuple[str, ...] = ()
) -> dict[str, Any]:
    return _sealed(data, "api_key", previous, lambda key: secrets.seal(key.get_secret_value()), bound_to)


def _sealed_lms_config(
    data: LMSConfigIn, previous: dict[str, Any], secrets: SecretBox, bound_to: tuple[str, ...] = ()
) -> dict[str, Any]:
    return _sealed(
        data,
        "credentials",
        previous,
        lambda credentials: {name: secrets.seal(value.get_secret_value()) for name, value in credentials.items()},
        bound_to,
    )


def tenant_out(tenant: Tenant) -> TenantOut:
    """The tenant as the API shows it: its columns, with the secrets only named."""
    columns = {field: getattr(tenant, field) for field in TenantOut.model_fields}
    return TenantOut.model_validate(
        {
            **columns,
            "ai_config": AIConfigOut.of(AIConfig.of(tenant.ai_config)),
            "lms_config": LMSConfigOut.of(LMSConfig.of(tenant.lms_config)),
        }
    )


def public_institution_out(tenant: Tenant) -> PublicInstitutionOut:
    return PublicInstitutionOut(
        slug=tenant.slug,
        name=tenant.name,
        branding=Branding.model_validate(tenant.branding),
        # Operators are created by an operator, never by sign-up (register refuses the platform tenant).
        registration_open=TenantSettings.of(tenant.settings).registration_open and not tenant.is_platform,
    )


class TenantService:
    def __init__(
        self,
        session: AsyncSession,
        secrets: SecretBox,
        *,
        forget_identity_state: Callable[[], None] | None = None,
    ) -> None:
        """``forget_identity_state``: drops every worker's cached tenant and user state once a
        change to a tenant has committed (None: this process caches none)."""
        self.session = session
        self.tenants = TenantRepository(session)
        self.secrets = secrets
        self.forget_identity_state = forget_identity_state

    async def list(self, *, include_inactive: bool, skip: int, limit: int) -> tuple[Sequence[Tenant], int]:
        statement = self.tenants.base_statement().order_by(Tenant.created_at, Tenant.id)
        if not include_inactive:
            statement = statement.where(Tenant.is_active.is_(True))
        return await self.tenants.page(statement, skip=skip, limit=limit)

    async def get(self, tenant_id: str) -> Tenant:
        tenant = await self.tenants.get(tenant_id)
        if tenant is None:
            raise NotFoundError("Tenant not found")
        return tenant

    async def create(self, data: TenantCreate, *, is_platform: bool = False) -> Tenant:
        if data.slug == PLATFORM_SLUG and not is_platform:
            raise ConflictError(details={"slug": "already exists"})
        tenant = Tenant(
            name=data.name,
            slug=data.slug,
            domain=data.domain,
            lms_type=data.lms_type,
            is_platform=is_platform,
            branding=data.branding.model_dump(mode="json"),
            ai_config=_sealed_ai_config(data.ai_config, {}, self.secrets),
            lms_config=_sealed_lms_config(data.lms_config, {}, self.secrets),
            allowed_origins=data.allowed_origins,
            settings=data.settings.model_dump(mode="json"),
        )
        return await self.tenants.add(tenant)

    async def update(
        self, tenant_id: str, data: InstitutionUpdate, *, keep_secrets_for_new_urls: bool = True
    ) -> Tenant:
        """Apply a ``TenantUpdate`` (the operator) or an ``InstitutionUpdate`` (its own administrators).

        ``keep_secrets_for_new_urls=False``: pointing the AI or LMS configuration at another
        host drops its stored secret unless the same request sends one. An administrator may
        not be whoever entered the key, so they may not redirect it to a host of their choosing.
        """
        tenant = await self.get(tenant_id)
        changes = data.model_dump(exclude_unset=True)
        if changes.get("slug") == PLATFORM_SLUG:
            raise ConflictError(details={"slug": "already exists"})
        if changes.get("is_active") is False and tenant.is_active:
            await SignInRepository(self.session).revoke(reason=RevocationReason.TENANT_DEACTIVATED, tenant_id=tenant.id)
        for field in ("name", "slug", "lms_type", "is_active"):
            if changes.get(field) is not None:
                setattr(tenant, field, changes[field])
        if "domain" in changes:
            tenant.domain = changes["domain"]
        ai_urls, lms_urls = ((), ()) if keep_secrets_for_new_urls else (AI_URLS, LMS_URLS)
        if data.branding is not None:
            tenant.branding = data.branding.model_dump(mode="json")
        if data.ai_config is not None:
            tenant.ai_config = _sealed_ai_config(data.ai_config, tenant.ai_config, self.secrets, ai_urls)
        if data.lms_config is not None:
            tenant.lms_config = _sealed_lms_config(data.lms_config, tenant.lms_config, self.secrets, lms_urls)
        if data.allowed_origins is not None:
            tenant.allowed_origins = data.allowed_origins
        if data.settings is not None:
            tenant.settings = data.settings.model_dump(mode="json")
        await self.session.flush()
        self._forget_after_commit()
        return tenant

    async def deactivate(self, tenant_id: str) -> Tenant:
        tenant = await self.get(tenant_id)
        await SignInRepository(self.session).revoke(reason=RevocationReason.TENANT_DEACTIVATED, tenant_id=tenant.id)
        tenant.is_active = False
        await self.session.flush()
        self._forget_after_commit()
        return tenant

    def _forget_after_commit(self) -> None:
        if self.forget_identity_state is not None:
            after_commit(self.session, self.forget_identity_state)

    async def ensure_platform_tenant(self) -> Tenant:
        tenant = await self.tenants.find_by_slug(PLATFORM_SLUG)
        if tenant is None:
            tenant = await self.create(TenantCreate(name="Platform operators", slug=PLATFORM_SLUG), is_platform=True)
        return tenant
