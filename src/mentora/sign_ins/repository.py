"""Every query of sign-ins: refresh families and their tokens."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select, update

from mentora.platform.db.repository import Repository
from mentora.platform.db.types import utcnow
from mentora.sign_ins.models import RefreshFamily, RefreshToken, RevocationReason


class SignInRepository(Repository[RefreshFamily]):
    model = RefreshFamily

    async def add_token(self, token: RefreshToken) -> RefreshToken:
        self.session.add(token)
        await self.session.flush()
        return token

    async def claim(self, token_hash: str, at: datetime) -> bool:
        """Mark the token rotated, unless it already was: True for the one caller that did."""
        claimed = await self.session.execute(
            update(RefreshToken)
            .where(RefreshToken.token_hash == token_hash, RefreshToken.rotated_at.is_(None))
            .values(rotated_at=at)
        )
        return bool(claimed.rowcount == 1)  # type: ignore[attr-defined]

    async def family_of_token(self, token_hash: str) -> RefreshFamily | None:
        statement = (
            select(RefreshFamily)
            .join(RefreshToken, RefreshToken.family_id == RefreshFamily.id)
            .where(RefreshToken.token_hash == token_hash)
        )
        return (await self.session.execute(statement)).scalar_one_or_none()

    async def revoke(
        self,
        *,
        reason: RevocationReason,
        tenant_id: str,
        user_id: str | None = None,
        family_id: str | None = None,
        keep: str | None = None,
    ) -> None:
        """Revoke the live families of a tenant, of one user in it (except ``keep``), or one family."""
        statement = update(RefreshFamily).where(
            RefreshFamily.tenant_id == tenant_id, RefreshFamily.revoked_at.is_(None)
        )
        if user_id is not None:
            statement = statement.where(RefreshFamily.user_id == user_id)
        if family_id is not None:
            statement = statement.where(RefreshFamily.id == family_id)
        if keep is not None:
            statement = statement.where(RefreshFamily.id != keep)
        await self.session.execute(statement.values(revoked_at=utcnow(), revoked_reason=reason))
