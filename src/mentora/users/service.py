"""Users of one tenant: their own account, and user management in the console."""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from mentora.contract import AuthorizationError, ConflictError, NotFoundError, ValidationFailedError
from mentora.platform.auth.passwords import PasswordService
from mentora.platform.auth.permissions import SystemRole
from mentora.platform.auth.principal import Principal
from mentora.roles.models import Role
from mentora.roles.service import RoleService, permissions_of
from mentora.users.models import User
from mentora.users.repository import UserRepository, normalize_email
from mentora.users.schemas import MeUpdate, UserInvite, UserOut, UserSettings, UserUpdate


def user_out(user: User) -> UserOut:
    return UserOut(
        id=user.id,
        email=user.email,
        name=user.name,
        role=user.role.name,
        role_id=user.role_id,
        is_active=user.is_active,
        settings=UserSettings.model_validate(user.settings),
        created_at=user.created_at,
        updated_at=user.updated_at,
        last_login_at=user.last_login_at,
    )


class UserService:
    def __init__(self, session: AsyncSession, tenant_id: str, passwords: PasswordService) -> None:
        self.session = session
        self.tenant_id = tenant_id
        self.users = UserRepository(session, tenant_id)
        self.roles = RoleService(session, tenant_id)
        self.passwords = passwords

    async def get(self, user_id: str) -> User:
        user = await self.users.get(user_id)
        if user is None:
            raise NotFoundError("User not found")
        return user

    async def find_by_email(self, email: str) -> User | None:
        return await self.users.find_by_email(email)

    async def list(
        self, *, skip: int, limit: int, role: str | None = None, is_active: bool | None = None, q: str | None = None
    ) -> tuple[Sequence[User], int]:
        statement = self.users.base_statement().order_by(User.created_at, User.id)
        if role is not None:
            found = await self.roles.find(role)
            statement = statement.where(User.role_id == (found.id if found else role))
        if is_active is not None:
            statement = statement.where(User.is_active.is_(is_active))
        if q:
            pattern = f"%{q.lower()}%"
            statement = statement.where(User.email.like(pattern) | User.name.ilike(pattern))
        return await self.users.page(statement, skip=skip, limit=limit)

    async def create(
        self, *, email: str, name: str, password: str, role: Role, settings: dict[str, Any] | None = None
    ) -> User:
        """Create a user; a taken email is CONFLICT (checked here, and by the database under a race)."""
        email = normalize_email(email)
        if await self.users.find_by_email(email) is not None:
            raise ConflictError("Email already registered", details={"email": "already registered"})
        user = User(
            email=email,
            name=name,
            password_hash=await self.passwords.hash(password),
            role_id=role.id,
            settings=settings or {},
        )
        user.role = role
        return await self.users.add(user)

    async def invite(self, data: UserInvite, caller: Principal) -> tuple[User, str | None]:
        role = await self._assignable_role(data.role, caller)
        temporary = None if data.password else secrets.token_urlsafe(12)
        user = await self.create(
            email=data.email,
            name=data.name,
            password=data.password or temporary or "",
            role=role,
            settings=data.settings.model_dump(exclude_none=True),
        )
        return user, temporary

    async def update(self, user_id: str, data: UserUpdate, caller: Principal) -> User:
        user = await self.get(user_id)
        if data.role is not None:
            if user.id == caller.user_id:
                raise ConflictError(details={"role": "you cannot change your own role"})
            role = await self._assignable_role(data.role, caller)
            user.role_id, user.role = role.id, role
        if data.is_active is not None:
            if user.id == caller.user_id and not data.is_active:
                raise ConflictError(details={"is_active": "you cannot deactivate yourself"})
            user.is_active = data.is_active
        if data.name is not None:
            user.name = data.name
        if data.settings is not None:
            user.settings = data.settings.model_dump(exclude_none=True)
        await self.session.flush()
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
        user = await self.get(user_id)
        if user.id == caller.user_id:
            raise ConflictError(details={"user_id": "you cannot delete yourself"})
        await self.users.delete(user)

    async def change_password(self, user_id: str, current: str, new: str) -> None:
        user = await self.get(user_id)
        if not await self.passwords.verify(user.password_hash, current):
            raise ValidationFailedError.for_field("current_password", "password is incorrect")
        user.password_hash = await self.passwords.hash(new)
        await self.session.flush()

    async def _assignable_role(self, name_or_id: str, caller: Principal) -> Role:
        """A role the caller may hand out: one of the tenant's, granting nothing the caller lacks."""
        role = await self.roles.find(name_or_id)
        if role is None:
            raise ValidationFailedError.for_field("role", "unknown role")
        if role.is_system and role.name == SystemRole.SUPER_ADMIN and caller.role != SystemRole.SUPER_ADMIN:
            raise AuthorizationError.missing_permission("TENANT_MANAGEMENT.can_create")
        missing = permissions_of(role) - caller.permissions
        if missing:
            raise AuthorizationError.missing_permission(sorted(missing)[0])
        return role
