from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends

from mentora.contract import EmptyEnvelope, ErrorCode, error_responses, id_links
from mentora.platform.db import ReadSessionDep, SessionDep
from mentora.platform.pagination import Page
from mentora.platform.security.permissions import Action, Module, permission
from mentora.platform.security.principal import Principal, RequirePermission
from mentora.platform.services import ServicesDep
from mentora.roles.schemas import RoleCreate, RoleEnvelope, RoleListEnvelope, RoleUpdate
from mentora.roles.service import RoleService, role_out

router = APIRouter(prefix="/v1/console/roles", tags=["console-roles"])

RoleViewer = Annotated[Principal, Depends(RequirePermission(permission(Module.ROLE_MANAGEMENT, Action.VIEW)))]
RoleCreator = Annotated[Principal, Depends(RequirePermission(permission(Module.ROLE_MANAGEMENT, Action.CREATE)))]
RoleEditor = Annotated[Principal, Depends(RequirePermission(permission(Module.ROLE_MANAGEMENT, Action.EDIT)))]
RoleDeleter = Annotated[Principal, Depends(RequirePermission(permission(Module.ROLE_MANAGEMENT, Action.DELETE)))]
CREATED_LINKS = id_links(dict.fromkeys(("get_role", "update_role", "delete_role"), "role_id"))


@router.get("")
async def list_roles(caller: RoleViewer, session: ReadSessionDep, page: Page) -> RoleListEnvelope:
    """The system roles and the tenant's custom roles, with their permissions."""
    roles, total = await RoleService(session, caller.tenant_id).list(skip=page.skip, limit=page.limit)
    return RoleListEnvelope.page_of([role_out(r) for r in roles], total=total, skip=page.skip, limit=page.limit)


@router.post("", status_code=201, responses={**error_responses(ErrorCode.CONFLICT), **CREATED_LINKS})
async def create_role(data: RoleCreate, caller: RoleCreator, session: SessionDep) -> RoleEnvelope:
    """Add a custom role to the tenant."""
    role = await RoleService(session, caller.tenant_id).create(data, caller.permissions)
    return RoleEnvelope(data=role_out(role), message="Role created")


@router.get("/{role_id}", responses=error_responses(ErrorCode.NOT_FOUND))
async def get_role(role_id: str, caller: RoleViewer, session: ReadSessionDep) -> RoleEnvelope:
    """One role."""
    return RoleEnvelope(data=role_out(await RoleService(session, caller.tenant_id).get(role_id)))


@router.patch("/{role_id}", responses=error_responses(ErrorCode.NOT_FOUND, ErrorCode.CONFLICT))
async def update_role(
    role_id: str, data: RoleUpdate, caller: RoleEditor, session: SessionDep, services: ServicesDep
) -> RoleEnvelope:
    """Change a custom role; its users' permissions follow on their next request."""
    roles = RoleService(session, caller.tenant_id, forget_identity_state=services.forget_identity_state)
    role = await roles.update(role_id, data, caller)
    return RoleEnvelope(data=role_out(role), message="Role updated")


@router.delete("/{role_id}", responses=error_responses(ErrorCode.NOT_FOUND, ErrorCode.CONFLICT))
async def delete_role(role_id: str, caller: RoleDeleter, session: SessionDep) -> EmptyEnvelope:
    """Delete a custom role that no user holds."""
    await RoleService(session, caller.tenant_id).delete(role_id, caller)
    return EmptyEnvelope(data=None, message="Role deleted")
