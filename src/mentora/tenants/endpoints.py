from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends

from mentora.contract import EmptyEnvelope, ErrorCode, error_responses, id_links
from mentora.platform.auth.permissions import Action, Module, SystemRole, permission
from mentora.platform.auth.principal import Principal, RequirePermission
from mentora.platform.db import SessionDep
from mentora.platform.db.session import after_commit
from mentora.platform.pagination import Page
from mentora.platform.services import ServicesDep
from mentora.tenants.schemas import FirstAdminIn, TenantCreate, TenantEnvelope, TenantListEnvelope, TenantUpdate
from mentora.tenants.service import TenantService, tenant_out
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


@router.get("")
async def list_tenants(
    caller: TenantViewer, session: SessionDep, services: ServicesDep, page: Page, include_inactive: bool = False
) -> TenantListEnvelope:
    """Every institution; deactivated ones only with ``include_inactive``."""
    tenants, total = await TenantService(session, services.secrets).list(
        include_inactive=include_inactive, skip=page.skip, limit=page.limit
    )
    return TenantListEnvelope.page_of([tenant_out(t) for t in tenants], total=total, skip=page.skip, limit=page.limit)


@router.post("", status_code=201, responses={**error_responses(ErrorCode.CONFLICT), **CREATED_LINKS})
async def create_tenant(
    data: TenantCreate, caller: TenantCreator, session: SessionDep, services: ServicesDep
) -> TenantEnvelope:
    """Add an institution. Secrets in ``ai_config``/``lms_config`` are stored encrypted and never returned."""
    tenant = await TenantService(session, services.secrets).create(data)
    return TenantEnvelope(data=tenant_out(tenant), message="Tenant created")


@router.get("/{tenant_id}", responses=NOT_FOUND)
async def get_tenant(
    tenant_id: str, caller: TenantViewer, session: SessionDep, services: ServicesDep
) -> TenantEnvelope:
    """One institution."""
    return TenantEnvelope(data=tenant_out(await TenantService(session, services.secrets).get(tenant_id)))


@router.patch("/{tenant_id}", responses=error_responses(ErrorCode.NOT_FOUND, ErrorCode.CONFLICT))
async def update_tenant(
    tenant_id: str, data: TenantUpdate, caller: TenantEditor, session: SessionDep, services: ServicesDep
) -> TenantEnvelope:
    """Change an institution; an omitted secret keeps its stored value, a null one clears it."""
    tenant = await TenantService(session, services.secrets).update(tenant_id, data)
    after_commit(session, services.forget_identity_state)
    return TenantEnvelope(data=tenant_out(tenant), message="Tenant updated")


@router.delete("/{tenant_id}", responses=NOT_FOUND)
async def deactivate_tenant(
    tenant_id: str, caller: TenantDeleter, session: SessionDep, services: ServicesDep
) -> EmptyEnvelope:
    """Deactivate an institution (soft delete): its users' tokens stop working."""
    await TenantService(session, services.secrets).deactivate(tenant_id)
    after_commit(session, services.forget_identity_state)
    return EmptyEnvelope(data=None, message="Tenant deactivated")


@router.post("/{tenant_id}/admins", status_code=201, responses=error_responses(ErrorCode.NOT_FOUND, ErrorCode.CONFLICT))
async def create_tenant_admin(
    tenant_id: str, data: FirstAdminIn, caller: TenantCreator, session: SessionDep, services: ServicesDep
) -> InvitedUserEnvelope:
    """Give an institution an administrator (its first, typically)."""
    tenant = await TenantService(session, services.secrets).get(tenant_id)
    invite = UserInvite(email=data.email, name=data.name, password=data.password, role=SystemRole.ADMIN)
    user, temporary = await UserService(session, tenant.id, services.passwords).invite(invite, caller)
    invited = InvitedUserOut(**user_out(user).model_dump(), temporary_password=temporary)
    return InvitedUserEnvelope(data=invited, message="Administrator created")
