from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any, Protocol, cast

from sqlalchemy import bindparam, func, select

from mentora.platform.db.repository import TenantScopedRepository
from mentora.platform.inputs import normalize_email
from mentora.roles.models import Role
from mentora.users.models import User


class UserFacts(Protocol):
    """A user as a profile shows it: a ``User``, or a row of ``PROFILE`` below."""

    id: str
    email: str
    name: str
    role_id: str
    is_active: bool
    settings: dict[str, Any]
    created_at: datetime
    updated_at: datetime
    last_login_at: datetime | None

    @property
    def role_name(self) -> str: ...


_users, _roles = User.__table__.c, Role.__table__.c
# What a user's profile shows, as plain columns: loading User entities with their joined
# Role costs more than twice the CPU of these rows (bench/read_paths.py).
PROFILE = select(
    _users.id,
    _users.email,
    _users.name,
    _roles.name.label("role_name"),
    _users.role_id,
    _users.is_active,
    _users.settings,
    _users.created_at,
    _users.updated_at,
    _users.last_login_at,
).join_from(User.__table__, Role.__table__, _roles.id == _users.role_id)
# Built once: building a statement per request, and its cache key, costs more than the query.
_PROFILE_BY_ID = PROFILE.where(_users.tenant_id == bindparam("tenant_id"), _users.id == bindparam("user_id"))


class UserRepository(TenantScopedRepository[User]):
    model = User

    async def find_by_email(self, email: str) -> User | None:
        statement = self.base_statement().where(User.email == normalize_email(email))
        return (await self.session.execute(statement)).scalar_one_or_none()

    async def profile(self, user_id: str) -> UserFacts | None:
        found = await self.session.execute(_PROFILE_BY_ID, {"tenant_id": self.tenant_id, "user_id": user_id})
        return cast(UserFacts | None, found.one_or_none())

    async def profiles(
        self, *, role_id: str | None, is_active: bool | None, text: str | None, skip: int, limit: int
    ) -> tuple[Sequence[UserFacts], int]:
        """A page of the tenant's users, oldest first, narrowed by role, status and part of the
        email or name; and how many match."""
        conditions = [_users.tenant_id == self.tenant_id]
        if role_id is not None:
            conditions.append(_users.role_id == role_id)
        if is_active is not None:
            conditions.append(_users.is_active.is_(is_active))
        if text:
            pattern = f"%{text.lower()}%"
            conditions.append(_users.email.like(pattern) | _users.name.ilike(pattern))
        total = (await self.session.execute(select(func.count()).where(*conditions))).scalar_one()
        page = PROFILE.where(*conditions).order_by(_users.created_at, _users.id).offset(skip).limit(limit)
        return cast(Sequence[UserFacts], (await self.session.execute(page)).all()), total
