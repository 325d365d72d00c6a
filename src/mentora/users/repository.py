from __future__ import annotations

from mentora.platform.db.repository import TenantScopedRepository
from mentora.platform.inputs import normalize_email
from mentora.users.models import User


class UserRepository(TenantScopedRepository[User]):
    model = User

    async def find_by_email(self, email: str) -> User | None:
        statement = self.base_statement().where(User.email == normalize_email(email))
        return (await self.session.execute(statement)).scalar_one_or_none()
