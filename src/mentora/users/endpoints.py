from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request

from mentora.contract import EmptyEnvelope, ErrorCode, error_responses, id_links
from mentora.platform.db import ReadSessionDep, SessionDep
from mentora.platform.pagination import Page
from mentora.platform.ratelimit import PolicyName
from mentora.platform.security.permissions import Action, Module, permission
from mentora.platform.security.principal import CurrentPrincipal, Principal, RequirePermission
from mentora.platform.services import Services, ServicesDep
from mentora.users.schemas import (
    ChangePasswordIn,
    InvitedUserEnvelope,
    InvitedUserOut,
    MeEnvelope,
    MeOut,
    MeUpdate,
    UserEnvelope,
    UserInvite,
    UserListEnvelope,
    UserUpdate,
)
from mentora.users.service import UserService, user_out

me_router = APIRouter(prefix="/v1/users/me", tags=["users"])
console_router = APIRouter(prefix="/v1/console/users", tags=["console-users"])

UserViewer = Annotated[Principal, Depends(RequirePermission(permission(Module.USER_MANAGEMENT, Action.VIEW)))]
UserCreator = Annotated[Principal, Depends(RequirePermission(permission(Module.USER_MANAGEMENT, Action.CREATE)))]
UserEditor = Annotated[Principal, Depends(RequirePermission(permission(Module.USER_MANAGEMENT, Action.EDIT)))]
UserDeleter = Annotated[Principal, Depends(RequirePermission(permission(Module.USER_MANAGEMENT, Action.DELETE)))]
NOT_FOUND = error_responses(ErrorCode.NOT_FOUND)
CREATED_LINKS = id_links(
    dict.fromkeys(
        (
            "get_user",
            "update_user",
            "deactivate_user",
            "delete_user",
        ),
        "user_id",
    )
)


def user_service(session: SessionDep, services: Services, caller: Principal) -> UserService:
    return UserService(
        session, caller.tenant_id, services.passwords, forget_identity_state=services.forget_identity_state
    )


@me_router.get("")
async def get_me(caller: CurrentPrincipal, session: ReadSessionDep, services: ServicesDep) -> MeEnvelope:
    """The signed-in user, with the permissions they hold now."""
    user = await user_service(session, services, caller).profile(caller.user_id)
    return MeEnvelope(data=MeOut(**user.model_dump(), permissions=sorted(caller.permissions)))


@me_router.patch("")
async def update_me(
    data: MeUpdate, caller: CurrentPrincipal, session: SessionDep, services: ServicesDep
) -> UserEnvelope:
    """Change your own profile (name). Role, tenant, status and limits are not yours to set."""
    user = await user_service(session, services, caller).update_me(caller.user_id, data)
    return UserEnvelope(data=user_out(user), message="Profile updated")


@me_router.post("/change-password")
async def change_password(
    data: ChangePasswordIn, request: Request, caller: CurrentPrincipal, session: SessionDep, services: ServicesDep
) -> EmptyEnvelope:
    """Change your password; your current one must be given."""
    # Checking the current password is a sign-in: a stolen access token must not guess it
    # at the pace of ordinary requests.
    await services.limiter.enforce(
        request.scope,
        PolicyName.LOGIN,
        caller.tenant_id,
        "change-password",
        caller.user_id,
        tenant_settings=await services.tenants.settings_of(caller.tenant_id),
        report=False,
    )
    await user_service(session, services, caller).change_password(
        caller.user_id,
        data.current_password,
        data.new_password,
        reader=services.database,
        current_sign_in=caller.session_id,
    )
    return EmptyEnvelope(data=None, message="Password changed")


@console_router.get("")
async def list_users(
    caller: UserViewer,
    session: ReadSessionDep,
    services: ServicesDep,
    page: Page,
    role: Annotated[str | None, Query(max_length=50, description="Role name or id")] = None,
    is_active: bool | None = None,
    q: Annotated[str | None, Query(max_length=100, description="Part of the email or name")] = None,
) -> UserListEnvelope:
    """The tenant's users."""
    users, total = await user_service(session, services, caller).list(
        skip=page.skip, limit=page.limit, role=role, is_active=is_active, q=q
    )
    return UserListEnvelope.page_of(users, total=total, skip=page.skip, limit=page.limit)


@console_router.post("", status_code=201, responses={**error_responses(ErrorCode.CONFLICT), **CREATED_LINKS})
async def invite_user(
    data: UserInvite, caller: UserCreator, session: SessionDep, services: ServicesDep
) -> InvitedUserEnvelope:
    """Add a user to the tenant, with a role the caller may grant."""
    user, temporary = await user_service(session, services, caller).invite(data, caller)
    invited = InvitedUserOut(**user_out(user).model_dump(), temporary_password=temporary)
    return InvitedUserEnvelope(data=invited, message="User created")


@console_router.get("/{user_id}", responses=NOT_FOUND)
async def get_user(user_id: str, caller: UserViewer, session: ReadSessionDep, services: ServicesDep) -> UserEnvelope:
    """One user of the tenant."""
    return UserEnvelope(data=await user_service(session, services, caller).profile(user_id))


@console_router.patch("/{user_id}", responses=error_responses(ErrorCode.NOT_FOUND, ErrorCode.CONFLICT))
async def update_user(
    user_id: str, data: UserUpdate, caller: UserEditor, session: SessionDep, services: ServicesDep
) -> UserEnvelope:
    """Change a user's name, role, status or session limit."""
    user = await user_service(session, services, caller).update(user_id, data, caller)
    return UserEnvelope(data=user_out(user), message="User updated")


@console_router.post("/{user_id}/deactivate", responses=error_responses(ErrorCode.NOT_FOUND, ErrorCode.CONFLICT))
async def deactivate_user(user_id: str, caller: UserEditor, session: SessionDep, services: ServicesDep) -> UserEnvelope:
    """Deactivate a user: their tokens stop working on their next request."""
    user = await user_service(session, services, caller).deactivate(user_id, caller)
    return UserEnvelope(data=user_out(user), message="User deactivated")


@console_router.delete("/{user_id}", responses=error_responses(ErrorCode.NOT_FOUND, ErrorCode.CONFLICT))
async def delete_user(user_id: str, caller: UserDeleter, session: SessionDep, services: ServicesDep) -> EmptyEnvelope:
    """Delete a user for good."""
    await user_service(session, services, caller).delete(user_id, caller)
    return EmptyEnvelope(data=None, message="User deleted")
