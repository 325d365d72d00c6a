"""The user store behind ``platform.security.principal``: one query per cache miss."""

from __future__ import annotations

from mentora.auth.repository import AuthRepository
from mentora.platform.db import Database
from mentora.platform.security.principal import PrincipalState
from mentora.roles.service import permissions_of


class SqlPrincipalStore:
    def __init__(self, database: Database) -> None:
        self._database = database

    async def load(self, user_id: str, tenant_id: str, session_id: str) -> PrincipalState | None:
        async with self._database.reading() as session:
            role = await AuthRepository(session).role_in_live_sign_in(user_id, tenant_id, session_id)
        if role is None:
            return None
        return PrincipalState(role=role.name, permissions=permissions_of(role))
