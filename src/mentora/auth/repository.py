"""Whether a sign-in is still live: the queries that see sign-ins, users, roles and tenants at once."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from mentora.platform.security.tokens import hash_refresh_token
from mentora.roles.models import Role
from mentora.sign_ins.models import RefreshFamily, RefreshToken
from mentora.tenants.models import Tenant
from mentora.users.models import User


class AuthRepository:
    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def refresh_token_of_active_user(self, refresh_token: str) -> tuple[RefreshToken, RefreshFamily, User] | None:
        """The refresh token, its sign-in and its user, while the user and their tenant are active."""
        statement = (
            select(RefreshToken, RefreshFamily, User)
            .join(RefreshFamily, RefreshFamily.id == RefreshToken.family_id)
            .join(User, User.id == RefreshFamily.user_id)
            .join(Tenant, Tenant.id == User.tenant_id)
            .where(
                RefreshToken.token_hash == hash_refresh_token(refresh_token),
                User.is_active.is_(True),
                Tenant.is_active.is_(True),
            )
        )
        row = (await self.session.execute(statement)).one_or_none()
        return None if row is None else (row[0], row[1], row[2])

    async def role_in_live_sign_in(self, user_id: str, tenant_id: str, session_id: str) -> Role | None:
        """The user's role while the user, their tenant and this sign-in are all still active."""
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
        return (await self.session.execute(statement)).scalar_one_or_none()
