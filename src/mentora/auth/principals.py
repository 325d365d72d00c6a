"""The user store behind ``platform.security.principal``: one query per cache miss."""

from __future__ import annotations

from sqlalchemy import select

from mentora.auth.models import RefreshFamily
from mentora.platform.db import Database
from mentora.platform.security.principal import PrincipalState
from mentora.roles.models import Role
from mentora.roles.service import permissions_of
from mentora.tenants.models import Tenant
from mentora.users.models import User


class SqlPrincipalStore:
    def __init__(self, database: Database) -> None:
        self._database = database

    async def load(self, user_id: str, tenant_id: str, session_id: str) -> PrincipalState | None:
        statement = (
            select(Role)
            .join(User, User.role_id == Role.id)
            .join(Tenant, Tenant.id == User.tenant_id)
            .join(RefreshFamily, RefreshFamily.user_id == User.id)
            .where(
                User.id == user_id,
                User.tenant_id == tenant_id,
                User.is_active.is_(True),
                Tenant.is_active.is_(True),
                RefreshFamily.id == session_id,
                RefreshFamily.revoked_at.is_(None),
            )
        )
        async with self._database.reading() as session:
            role = (await session.execute(statement)).scalar_one_or_none()
        if role is None:
            return None
        return PrincipalState(role=role.name, permissions=permissions_of(role))
