"""The users service, below the routes: what it tells the caches, and whom SUPER_ADMIN fits."""

from __future__ import annotations

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from mentora.config import Settings
from mentora.contract import ValidationFailedError
from mentora.platform.db import Database
from mentora.platform.security.passwords import PasswordService
from mentora.platform.security.permissions import SYSTEM_ROLE_PERMISSIONS, SystemRole
from mentora.platform.security.principal import Principal
from mentora.users.schemas import UserInvite
from mentora.users.service import UserService
from tests.support.identity import Identity


def principal(identity: Identity, role: SystemRole, *, tenant_id: str | None = None) -> Principal:
    user_id = identity.operator_id if role == SystemRole.SUPER_ADMIN else identity.a.user_ids[role]
    return Principal(
        user_id=user_id,
        tenant_id=tenant_id or identity.a.id,
        role=role,
        permissions=SYSTEM_ROLE_PERMISSIONS[role],
        session_id="a sign-in",
    )


async def test_cached_identity_state_is_dropped_once_the_change_commits(settings: Settings, identity: Identity) -> None:
    forgotten: list[str] = []
    passwords = PasswordService(settings)
    admin = principal(identity, SystemRole.ADMIN)

    def users(session: AsyncSession) -> UserService:
        return UserService(session, identity.a.id, passwords, forget_identity_state=lambda: forgotten.append("all"))

    async def deactivate_then_fail() -> None:
        async with database.transaction() as session:
            await users(session).deactivate(identity.a.user_ids[SystemRole.FACULTY], admin)
            raise RuntimeError("the request fails after the change")

    database = Database.from_settings(settings)
    try:
        with pytest.raises(RuntimeError):
            await deactivate_then_fail()
        assert forgotten == []  # rolled back: nothing changed
        async with database.transaction() as session:
            await users(session).deactivate(identity.a.user_ids[SystemRole.FACULTY], admin)
            assert forgotten == []  # other workers would reload the state still committed
        assert forgotten == ["all"]
    finally:
        await database.dispose()


async def test_an_operator_adds_operators_to_the_platform_tenant_only(settings: Settings, identity: Identity) -> None:
    """Operators are the platform tenant's users; one acting in an institution adds no operator there."""
    operator_in_alpha = principal(identity, SystemRole.SUPER_ADMIN, tenant_id="the platform tenant")
    invite = UserInvite(email="op@alpha.example.com", name="Op", password="long enough", role=SystemRole.SUPER_ADMIN)
    database = Database.from_settings(settings)
    try:
        async with database.transaction() as session:
            users = UserService(session, identity.a.id, PasswordService(settings))
            with pytest.raises(ValidationFailedError) as refused:
                await users.invite(invite, operator_in_alpha)
        assert refused.value.details == {"role": "SUPER_ADMIN belongs to the platform tenant only"}
    finally:
        await database.dispose()
