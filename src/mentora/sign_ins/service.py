"""The stored side of a sign-in: its family, the refresh tokens rotated within it, and its end.

Sign-ins end on logout, on refresh-token reuse, when a user or a tenant is deactivated,
or when a password changes. Revoked sign-ins stay revoked: reactivating a user does not
bring their old tokens back.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from mentora.config import Settings
from mentora.platform.db.types import utcnow
from mentora.platform.security.principal import SignIn
from mentora.platform.security.tokens import hash_refresh_token, new_refresh_token
from mentora.sign_ins.models import RefreshFamily, RefreshToken, RevocationReason
from mentora.sign_ins.repository import SignInRepository


def sign_in_of(family: RefreshFamily) -> SignIn:
    return SignIn(family.user_id, family.tenant_id, family.id)


class SignInService:
    def __init__(self, session: AsyncSession, settings: Settings) -> None:
        self.sign_ins = SignInRepository(session)
        self.refresh_lifetime = timedelta(days=settings.refresh_token_days)
        self.reuse_grace = timedelta(seconds=settings.refresh_reuse_grace_seconds)

    async def start(self, *, tenant_id: str, user_id: str) -> RefreshFamily:
        return await self.sign_ins.add(RefreshFamily(tenant_id=tenant_id, user_id=user_id))

    async def new_refresh_token(self, family: RefreshFamily) -> str:
        """A refresh token of this sign-in; only its hash is stored."""
        token = new_refresh_token()
        await self.sign_ins.add_token(
            RefreshToken(
                family_id=family.id,
                token_hash=hash_refresh_token(token),
                expires_at=utcnow() + self.refresh_lifetime,
            )
        )
        return token

    async def claim(self, refresh_token: str, at: datetime) -> bool:
        """Mark the refresh token used; True unless it already was (or is unknown).

        The write comes before any read, so two racing refreshes of one token serialize here."""
        return await self.sign_ins.claim(hash_refresh_token(refresh_token), at)

    @staticmethod
    def is_live(token: RefreshToken, family: RefreshFamily, at: datetime) -> bool:
        return family.revoked_at is None and token.expires_at > at

    def is_replay(self, token: RefreshToken, *, claimed: bool, at: datetime) -> bool:
        """An already rotated token come back after the grace window. Within it, a client's
        burst of parallel refreshes is no attack."""
        if claimed:
            return False
        assert token.rotated_at is not None
        return at - token.rotated_at > self.reuse_grace

    async def end(self, family: RefreshFamily, reason: RevocationReason) -> SignIn:
        await self.sign_ins.revoke(reason=reason, tenant_id=family.tenant_id, family_id=family.id)
        return sign_in_of(family)

    async def end_by_refresh_token(self, refresh_token: str, reason: RevocationReason) -> SignIn | None:
        """End the sign-in the token belongs to, and name it; an unknown token changes nothing."""
        family = await self.sign_ins.family_of_token(hash_refresh_token(refresh_token))
        if family is None:
            return None
        return await self.end(family, reason)
