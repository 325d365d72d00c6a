from __future__ import annotations

from sqlalchemy import Select

from mentora.platform.db.repository import TenantScopedRepository
from mentora.platform.inputs import normalize_email
from mentora.users.models import User


class UserRepository(TenantScopedRepository[User]):
    model = User

    async def find_by_email(self, email: str) -> User | None:
        statement = self.base_statement().where(User.email == normalize_email(email))
        return (await self.session.execute(statement)).scalar_one_or_none()

    def matching(self, *, role_id: str | None, is_active: bool | None, text: str | None) -> Select[User]:
        """The tenant's users, oldest first, narrowed by role, status and part of the email or name."""
        statement = self.base_statement().order_by(User.created_at, User.id)
        if role_id is not None:
            statement = statement.where(User.role_id == role_id)
        if is_active is not None:
            statement = statement.where(User.is_active.is_(is_active))
        if text:
            pattern = f"%{text.lower()}%"
            statement = statement.where(User.email.like(pattern) | User.name.ilike(pattern))
        return statement
