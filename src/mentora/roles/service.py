"""Roles and what they allow."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Protocol

from sqlalchemy.ext.asyncio import AsyncSession

from mentora.contract import AuthorizationError, ConflictError, NotFoundError
from mentora.platform.db import after_commit
from mentora.platform.security.permissions import SYSTEM_ROLE_PERMISSIONS, SystemRole
from mentora.roles.models import Role
from mentora.roles.repository import RoleRepository
from mentora.roles.schemas import RoleCreate, RoleOut, RoleUpdate

# Fixed by migration 0002.
SYSTEM_ROLE_IDS: dict[SystemRole, str] = {
    SystemRole.STUDENT: "00000000-0000-4000-8000-000000000001",
    SystemRole.FACULTY: "00000000-0000-4000-8000-000000000002",
    SystemRole.ADMIN: "00000000-0000-4000-8000-000000000003",
    SystemRole.SUPER_ADMIN: "00000000-0000-4000-8000-000000000004",
}
_SYSTEM_NAMES = {role.value for role in SystemRole}


class RoleHolder(Protocol):
    @property
    def role(self) -> str: ...

    @property
    def permissions(self) -> frozenset[str]: ...


def check_grantable(permissions: Iterable[str], caller_permissions: frozenset[str]) -> None:
    """Nobody hands out, or takes away, a permission they do not hold themselves."""
    missing = sorted(set(permissions) - caller_permissions)
    if missing:
        raise AuthorizationError.missing_permission(missing[0])


def permissions_of(role: Role) -> frozenset[str]:
    if role.is_system:
        return SYSTEM_ROLE_PERMISSIONS[SystemRole(role.name)]
    return frozenset(role.permissions)


def role_out(role: Role) -> RoleOut:
    return RoleOut(
        id=role.id,
        name=role.name,
        description=role.description,
        permissions=sorted(permissions_of(role)),
        is_system=role.is_system,
        created_at=role.created_at,
        updated_at=role.updated_at,
    )


class RoleService:
    def __init__(
        self, session: AsyncSession, tenant_id: str, *, forget_identity_state: Callable[[], None] | None = None
    ) -> None:
        """``forget_identity_state``: drops every worker's cached user state once a change to
        what a role allows has committed (None: this process caches none)."""
        self.session = session
        self.roles = RoleRepository(session, tenant_id)
        self.tenant_id = tenant_id
        self.forget_identity_state = forget_identity_state

    async def list(self, *, skip: int, limit: int) -> tuple[Sequence[Role], int]:
        statement = self.roles.base_statement().order_by(Role.is_system.desc(), Role.name)
        return await self.roles.page(statement, skip=skip, limit=limit)

    async def get(self, role_id: str) -> Role:
        role = await self.roles.get(role_id)
        if role is None:
            raise NotFoundError("Role not found")
        return role

    async def find(self, name_or_id: str) -> Role | None:
        return await self.roles.find_by_name(name_or_id) or await self.roles.get(name_or_id)

    async def create(self, data: RoleCreate, caller_permissions: frozenset[str]) -> Role:
        self._check_name(data.name)
        check_grantable(data.permissions, caller_permissions)
        role = Role(
            tenant_id=self.tenant_id, name=data.name, description=data.description, permissions=data.permissions
        )
        return await self.roles.add(role)

    async def update(self, role_id: str, data: RoleUpdate, caller: RoleHolder) -> Role:
        role = await self._custom(role_id)
        if role.name == caller.role:
            raise ConflictError(
                "You cannot change the role you hold", details={"role_id": "you cannot change the role you hold"}
            )
        # Changing a role changes what its holders may do: only someone who holds all of
        # its permissions, before and after, may do that.
        check_grantable([*permissions_of(role), *(data.permissions or [])], caller.permissions)
        changes = data.model_dump(exclude_unset=True)
        if changes.get("name") is not None:
            self._check_name(changes["name"])
        for field, value in changes.items():
            if value is not None:
                setattr(role, field, value)
        await self.session.flush()
        if self.forget_identity_state is not None:  # its holders' permissions follow
            after_commit(self.session, self.forget_identity_state)
        return role

    async def delete(self, role_id: str, caller: RoleHolder) -> None:
        role = await self._custom(role_id)
        check_grantable(permissions_of(role), caller.permissions)
        in_use = await self.roles.holders(role.id)
        if in_use:
            raise ConflictError(
                "The role is still assigned to users", details={"role_id": f"assigned to {in_use} users"}
            )
        await self.roles.delete(role)

    async def _custom(self, role_id: str) -> Role:
        role = await self.get(role_id)
        if role.is_system:
            raise ConflictError("System roles cannot be changed", details={"role_id": "system roles cannot be changed"})
        return role

    @staticmethod
    def _check_name(name: str) -> None:
        if name in _SYSTEM_NAMES:
            raise ConflictError(details={"name": "already exists"})
