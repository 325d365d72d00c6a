from __future__ import annotations

from sqlalchemy import Select, column, func, or_, select, table
from sqlalchemy.ext.asyncio import AsyncSession

from mentora.platform.db.repository import Repository
from mentora.roles.models import Role

# Only the column this module reads: users depend on roles, not the other way round.
_USERS = table("users", column("role_id"))


class RoleRepository(Repository[Role]):
    """The roles a tenant can see: the system roles and its own custom ones."""

    model = Role

    def __init__(self, session: AsyncSession, tenant_id: str) -> None:
        super().__init__(session)
        self.tenant_id = tenant_id

    def base_statement(self) -> Select[Role]:
        return select(Role).where(or_(Role.tenant_id.is_(None), Role.tenant_id == self.tenant_id))

    async def find_by_name(self, name: str) -> Role | None:
        statement = self.base_statement().where(Role.name == name)
        # A custom role cannot take a system role's name, so at most one row matches.
        return (await self.session.execute(statement)).scalar_one_or_none()

    async def holders(self, role_id: str) -> int:
        """How many users hold the role."""
        return (await self.session.execute(select(func.count()).where(_USERS.c.role_id == role_id))).scalar_one()
