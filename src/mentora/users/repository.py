from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from functools import cache
from typing import Any, Protocol, cast

from sqlalchemy import bindparam, select

from mentora.platform.db.repository import Listing, TenantScopedRepository, of_the_tenant
from mentora.platform.inputs import normalize_email
from mentora.roles.models import Role
from mentora.users.models import User


class UserFacts(Protocol):
    """A user as a profile shows it: a ``User``, or a row of ``PROFILES`` below."""

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
PROFILES = (
    select(
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
    )
    .join_from(User.__table__, Role.__table__, _roles.id == _users.role_id)
    .where(of_the_tenant(User))
)
_PROFILE = PROFILES.where(_users.id == bindparam("user_id"))


@cache
def _profiles(*, by_role: bool, by_status: bool, by_text: bool) -> Listing:
    """The users listing for one combination of filters, built once."""
    statement = PROFILES.order_by(_users.created_at, _users.id)
    if by_role:
        statement = statement.where(_users.role_id == bindparam("role_id"))
    if by_status:
        statement = statement.where(_users.is_active == bindparam("is_active"))
    if by_text:
        statement = statement.where(_users.email.like(bindparam("pattern")) | _users.name.ilike(bindparam("pattern")))
    return Listing.of(statement)


class UserRepository(TenantScopedRepository[User]):
    model = User

    async def find_by_email(self, email: str) -> User | None:
        statement = self.base_statement().where(User.email == normalize_email(email))
        return (await self.session.execute(statement)).scalar_one_or_none()

    async def profile(self, user_id: str) -> UserFacts | None:
        found = await self.read(_PROFILE, user_id=user_id)
        return cast(UserFacts, found[0]) if found else None

    async def profiles(
        self, *, role_id: str | None, is_active: bool | None, text: str | None, skip: int, limit: int
    ) -> tuple[Sequence[UserFacts], int]:
        """A page of the tenant's users, oldest first, narrowed by role, status and part of the
        email or name; and how many match."""
        listing = _profiles(by_role=role_id is not None, by_status=is_active is not None, by_text=bool(text))
        pattern = f"%{text.lower()}%" if text else None
        rows, total = await self.read_page(
            listing, skip=skip, limit=limit, role_id=role_id, is_active=is_active, pattern=pattern
        )
        return cast(Sequence[UserFacts], rows), total
