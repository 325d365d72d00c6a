from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from sqlalchemy.ext.asyncio import AsyncSession

from mentora.contract import EmptyEnvelope, ErrorCode, TenantError, ValidationFailedError, error_responses, id_links
from mentora.platform.db import DatabaseDep, ReadSessionDep, SessionDep
from mentora.platform.pagination import Page
from mentora.platform.ratelimit.middleware import count_as_anonymous
from mentora.platform.security.permissions import Action, Module, SystemRole, permission
from mentora.platform.security.principal import Principal, RequirePermission
from mentora.platform.services import Services, ServicesDep
from mentora.tenants.repository import TenantRepository
from mentora.tenants.schemas import (
    FirstAdminIn,
    InstitutionUpdate,
    PublicInstitutionEnvelope,
    TenantCreate,
    TenantEnvelope,
    TenantListEnvelope,
    TenantUpdate,
)
from mentora.tenants.service import TenantService, public_institution_out, tenant_out
from mentora.users.schemas import InvitedUserEnvelope, InvitedUserOut, UserInvite
from mentora.users.service import UserService, user_out

# Platform-scoped: tenants are the operator's to manage, across the whole deployment.
router = APIRouter(prefix="/v1/console/tenants", tags=["console-tenants"])

TenantViewer = Annotated[Principal, Depends(RequirePermission(permission(Module.TENANT_MANAGEMENT, Action.VIEW)))]
TenantCreator = Annotated[Principal, Depends(RequirePermission(permission(Module.TENANT_MANAGEMENT, Action.CREATE)))]
TenantEditor = Annotated[Principal, Depends(RequirePermission(permission(Module.TENANT_MANAGEMENT, Action.EDIT)))]
TenantDeleter = Annotated[Principal, Depends(RequirePermission(permission(Module.TENANT_MANAGEMENT, Action.DELETE)))]
NOT_FOUND = error_responses(ErrorCode.NOT_FOUND)
CREATED_LINKS = id_links(
    dict.fromkeys(
        (
            "get_tenant",
            "update_tenant",
            "deactivate_tenant",
            "create_tenant_admin",
        ),
        "tenant_id",
    )
)


def tenant_service(session: AsyncSession, services: Services) -> TenantService:
    return TenantService(session, services.secrets, forget_identity_state=services.forget_identity_state)


@router.get("")
async def list_tenants(
    caller: TenantViewer, session: ReadSessionDep, services: ServicesDep, page: Page, include_inactive: bool = False
) -> TenantListEnvelope:
    """Every institution; deactivated ones only with ``include_inactive``."""
    tenants, total = await tenant_service(session, services).list(
        include_inactive=include_inactive, skip=page.skip, limit=page.limit
    )
    return TenantListEnvelope.page_of([tenant_out(t) for t in tenants], total=total, skip=page.skip, limit=page.limit)


@router.post("", status_code=201, responses={**error_responses(ErrorCode.CONFLICT), **CREATED_LINKS})
async def create_tenant(
    data: TenantCreate, caller: TenantCreator, session: SessionDep, services: ServicesDep
) -> TenantEnvelope:
    """Add an institution. Secrets in ``ai_config``/``lms_config`` are stored encrypted and never returned."""
    tenant = await tenant_service(session, services).create(data)
    return TenantEnvelope(data=tenant_out(tenant), message="Tenant created")


@router.get("/{tenant_id}", responses=NOT_FOUND)
async def get_tenant(
    tenant_id: str, caller: TenantViewer, session: ReadSessionDep, services: ServicesDep
) -> TenantEnvelope:
    """One institution."""
    return TenantEnvelope(data=tenant_out(await tenant_service(session, services).get(tenant_id)))


@router.patch("/{tenant_id}", responses=error_responses(ErrorCode.NOT_FOUND, ErrorCode.CONFLICT))
async def update_tenant(
    tenant_id: str, data: TenantUpdate, caller: TenantEditor, session: SessionDep, services: ServicesDep
) -> TenantEnvelope:
    """Change an institution; an omitted secret keeps its stored value, a null one clears it."""
    tenant = await tenant_service(session, services).update(tenant_id, data)
    return TenantEnvelope(data=tenant_out(tenant), message="Tenant updated")


@router.delete("/{tenant_id}", responses=NOT_FOUND)
async def deactivate_tenant(
    tenant_id: str, caller: TenantDeleter, session: SessionDep, services: ServicesDep
) -> EmptyEnvelope:
    """Deactivate an institution (soft delete): its users' tokens stop working."""
    await tenant_service(session, services).deactivate(tenant_id)
    return EmptyEnvelope(data=None, message="Tenant deactivated")


@router.post("/{tenant_id}/admins", status_code=201, responses=error_responses(ErrorCode.NOT_FOUND, ErrorCode.CONFLICT))
async def create_tenant_admin(
    tenant_id: str, data: FirstAdminIn, caller: TenantCreator, session: SessionDep, services: ServicesDep
) -> InvitedUserEnvelope:
    """Give an institution an administrator (its first, typically)."""
    tenant = await tenant_service(session, services).get(tenant_id)
    invite = UserInvite(email=data.email, name=data.name, password=data.password, role=SystemRole.ADMIN)
    user, temporary = await UserService(session, tenant.id, services.passwords).invite(invite, caller)
    invited = InvitedUserOut(**user_out(user).model_dump(), temporary_password=temporary)
    return InvitedUserEnvelope(data=invited, message="Administrator created")


# Before signing in: which institution the sign-in screen is for, found as login finds it.
public_router = APIRouter(prefix="/v1/institution", tags=["auth"])


@public_router.get("", responses=error_responses(ErrorCode.TENANT_ERROR))
async def find_institution(
    request: Request,
    database: DatabaseDep,
    services: ServicesDep,
    slug: Annotated[
        str | None, Query(max_length=100, description="What the person typed; unset: the host or X-Tenant")
    ] = None,
) -> PublicInstitutionEnvelope:
    """The institution a sign-in names (host, ``X-Tenant`` or ``slug``): its name, branding and
    whether students may register; ``null`` when nothing names one. TENANT_ERROR as login
    answers it: ``unknown``, ``inactive``."""
    # A valid token lets a request past the anonymous limit; this route reads no token, so it counts anyway.
    await count_as_anonymous(request.scope, services)
    try:
        named = await services.tenants.resolve_unauthenticated(request, slug)
    except ValidationFailedError as exc:  # login's message, on this route's own parameter
        raise ValidationFailedError.for_field("query.slug", next(iter(exc.details.values()))) from None
    except TenantError as exc:
        # "Nothing names one" is this question's answer, not a failure (browsers log every 4xx).
        if exc.details.get("reason") == "missing":
            return PublicInstitutionEnvelope(data=None)
        raise
    async with database.reading() as session:
        tenant = await TenantRepository(session).find_by_id(named.id)
    if tenant is None:  # removed since the resolver cached it
        raise TenantError("unknown", "Unknown tenant")
    return PublicInstitutionEnvelope(data=public_institution_out(tenant))


# The caller's own tenant, for its administrators (SETTINGS): no id, so no other tenant's is reachable.
institution_router = APIRouter(prefix="/v1/console/institution", tags=["console-tenants"])

SettingsViewer = Annotated[Principal, Depends(RequirePermission(permission(Module.SETTINGS, Action.VIEW)))]
SettingsEditor = Annotated[Principal, Depends(RequirePermission(permission(Module.SETTINGS, Action.EDIT)))]


@institution_router.get("", responses=NOT_FOUND)
async def get_institution(caller: SettingsViewer, session: ReadSessionDep, services: ServicesDep) -> TenantEnvelope:
    """The caller's own institution; secrets show only as ``api_key_set`` and ``credentials_set``.
    NOT_FOUND for the platform operators, whose tenant is no institution."""
    return TenantEnvelope(data=tenant_out(await tenant_service(session, services).get(caller.tenant_id)))


@institution_router.patch("", responses=NOT_FOUND)
async def update_institution(
    data: InstitutionUpdate, caller: SettingsEditor, session: SessionDep, services: ServicesDep
) -> TenantEnvelope:
    """Change the caller's own institution as the operator would, but for its slug, domain and
    activation. An omitted secret keeps its stored value, a null one clears it; a new AI or
    LMS URL drops the stored secret unless the request sends one."""
    tenant = await tenant_service(session, services).update(caller.tenant_id, data, keep_secrets_for_new_urls=False)
    return TenantEnvelope(data=tenant_out(tenant), message="Institution updated")
