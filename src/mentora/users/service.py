"""Users of one tenant: their own account, and user management in the console."""

from __future__ import annotations

import secrets
from collections.abc import Callable
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from mentora.contract import AuthorizationError, ConflictError, NotFoundError, ValidationFailedError
from mentora.platform.db import Database, after_commit
from mentora.platform.inputs import normalize_email
from mentora.platform.security.passwords import PasswordService
from mentora.platform.security.permissions import SystemRole
from mentora.platform.security.principal import Principal
from mentora.roles.models import Role
from mentora.roles.service import RoleService, check_grantable, permissions_of
from mentora.sign_ins.models import RevocationReason
from mentora.sign_ins.repository import SignInRepository
from mentora.users.models import User
from mentora.users.repository import UserFacts, UserRepository
from mentora.users.schemas import MeUpdate, UserInvite, UserOut, UserSettings, UserUpdate

SUPER_ADMIN_PLATFORM_ONLY = "SUPER_ADMIN belongs to the platform tenant only"


def check_role_fits_tenant(role_name: str, *, platform_tenant: bool) -> None:
    """SUPER_ADMIN is held by the platform's operators, in the platform tenant only."""
    if role_name == SystemRole.SUPER_ADMIN and not platform_tenant:
        raise ValidationFailedError.for_field("role", SUPER_ADMIN_PLATFORM_ONLY)


def user_out(user: UserFacts) -> UserOut:
    return UserOut(
        id=user.id,
        email=user.email,
        name=user.name,
        role=user.role_name,
        role_id=user.role_id,
        is_active=user.is_active,
        settings=UserSettings.of(user.settings),
        created_at=user.created_at,
        updated_at=user.updated_at,
        last_login_at=user.last_login_at,
    )


def _nothing_cached() -> None:
    """Command-line work: this process caches no user state."""


class UserService:
    def __init__(
        self,
        session: AsyncSession,
        tenant_id: str,
        passwords: PasswordService,
        *,
        forget_identity_state: Callable[[], None] = _nothing_cached,
    ) -> None:
        """``forget_identity_state``: drops the cached tenant and user state of every worker;
        called once a change that concerns it has committed."""
        self.session = session
        self.tenant_id = tenant_id
        self.users = UserRepository(session, tenant_id)
        self.roles = RoleService(session, tenant_id)
        self.passwords = passwords
        self.forget_identity_state = forget_identity_state

    async def get(self, user_id: str) -> User:
        user = await self.users.get(user_id)
        if user is None:
            raise NotFoundError("User not found")
        return user

    async def profile(self, user_id: str) -> UserOut:
        """What ``get`` finds, read for showing only."""
        row = await self.users.profile(user_id)
        if row is None:
            raise NotFoundError("User not found")
        return user_out(row)

    async def find_by_email(self, email: str) -> User | None:
        return await self.users.find_by_email(email)

    async def list(
        self, *, skip: int, limit: int, role: str | None = None, is_active: bool | None = None, q: str | None = None
    ) -> tuple[list[UserOut], int]:
        role_id = None
        if role is not None:
            found = await self.roles.find(role)
            role_id = found.id if found else role
        rows, total = await self.users.profiles(role_id=role_id, is_active=is_active, text=q, skip=skip, limit=limit)
        return [user_out(row) for row in rows], total

    async def create(
        self, *, email: str, name: str, password_hash: str, role: Role, settings: dict[str, Any] | None = None
    ) -> User:
        """Create a user; a taken email is CONFLICT (checked here, and by the database under a race).
        The role is the caller's to check (``check_role_fits_tenant``, ``_assignable_role``).

        The password is hashed by the caller before its transaction's first statement, so
        the slow hash never runs while the embedded database's write lock is held.
        """
        email = normalize_email(email)
        if await self.users.find_by_email(email) is not None:
            raise ConflictError("Email already registered", details={"email": "already registered"})
        user = User(
            email=email,
            name=name,
            password_hash=password_hash,
            role_id=role.id,
            settings=settings or {},
        )
        user.role = role
        return await self.users.add(user)

    async def invite(self, data: UserInvite, caller: Principal) -> tuple[User, str | None]:
        temporary = None if data.password else secrets.token_urlsafe(12)
        password_hash = await self.passwords.hash(data.password or temporary or "")
        role = await self._assignable_role(data.role, caller)
        user = await self.create(
            email=data.email,
            name=data.name,
            password_hash=password_hash,
            role=role,
            settings=data.settings.model_dump(exclude_none=True),
        )
        return user, temporary

    async def update(self, user_id: str, data: UserUpdate, caller: Principal) -> User:
        user = await self._manageable(user_id, caller)
        if data.role is not None:
            if user.id == caller.user_id:
                raise ConflictError(
                    "You cannot change your own role", details={"role": "you cannot change your own role"}
                )
            role = await self._assignable_role(data.role, caller)
            user.role_id, user.role = role.id, role
        if data.is_active is not None:
            if user.id == caller.user_id and not data.is_active:
                raise ConflictError(
                    "You cannot deactivate your own account", details={"is_active": "you cannot deactivate yourself"}
                )
            if user.is_active and not data.is_active:
                await SignInRepository(self.session).revoke(
                    reason=RevocationReason.USER_DEACTIVATED, tenant_id=self.tenant_id, user_id=user.id
                )
            user.is_active = data.is_active
        if data.name is not None:
            user.name = data.name
        if data.settings is not None:
            user.settings = data.settings.model_dump(exclude_none=True)
        await self.session.flush()
        after_commit(self.session, self.forget_identity_state)
        return user

    async def update_me(self, user_id: str, data: MeUpdate) -> User:
        user = await self.get(user_id)
        if data.name is not None:
            user.name = data.name
        await self.session.flush()
        return user

    async def deactivate(self, user_id: str, caller: Principal) -> User:
        return await self.update(user_id, UserUpdate(is_active=False), caller)

    async def delete(self, user_id: str, caller: Principal) -> None:
        user = await self._manageable(user_id, caller)
        if user.id == caller.user_id:
            raise ConflictError("You cannot delete your own account", details={"user_id": "you cannot delete yourself"})
        await self.users.delete(user)
        after_commit(self.session, self.forget_identity_state)

    async def change_password(
        self, user_id: str, current: str, new: str, *, reader: Database, current_sign_in: str
    ) -> None:
        """Verify and hash outside the request's transaction (see ``create``); every other
        sign-in of the user ends, since whoever knew the old password may hold one."""
        async with reader.reading() as session:
            stored = await UserRepository(session, self.tenant_id).get(user_id)
            stored_hash = stored.password_hash if stored else None
        if not await self.passwords.verify(stored_hash, current):
            raise ValidationFailedError.for_field("current_password", "password is incorrect")
        new_hash = await self.passwords.hash(new)
        user = await self.get(user_id)
        user.password_hash = new_hash
        await SignInRepository(self.session).revoke(
            reason=RevocationReason.PASSWORD_CHANGED,
            tenant_id=self.tenant_id,
            user_id=user_id,
            keep=current_sign_in,
        )
        await self.session.flush()
        after_commit(self.session, self.forget_identity_state)

    async def _manageable(self, user_id: str, caller: Principal) -> User:
        """A user the caller may change: one holding no permission the caller lacks."""
        user = await self.get(user_id)
        check_grantable(permissions_of(user.role), caller.permissions)
        return user

    async def _assignable_role(self, name_or_id: str, caller: Principal) -> Role:
        """A role the caller may hand out: one of the tenant's, granting nothing the caller lacks."""
        role = await self.roles.find(name_or_id)
        if role is None:
            raise ValidationFailedError.for_field("role", "unknown role")
        if role.is_system and role.name == SystemRole.SUPER_ADMIN:
            if caller.role != SystemRole.SUPER_ADMIN:
                raise AuthorizationError.missing_permission("TENANT_MANAGEMENT.can_create")
            # Operators are the platform tenant's users: theirs is the platform tenant, no other.
            check_role_fits_tenant(role.name, platform_tenant=self.tenant_id == caller.tenant_id)
        check_grantable(permissions_of(role), caller.permissions)
        return role
