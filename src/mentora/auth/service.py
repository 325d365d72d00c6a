"""Sign-in and sessions: register, login, refresh-token rotation with reuse detection, logout."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from mentora.auth.models import RefreshFamily, RefreshToken
from mentora.auth.schemas import RegisterIn, TokenPair
from mentora.config import Settings
from mentora.contract import AuthenticationError, TenantError
from mentora.platform.db import Database, keep_changes_on_error
from mentora.platform.db.types import utcnow
from mentora.platform.security.passwords import PasswordService
from mentora.platform.security.permissions import SystemRole
from mentora.platform.security.principal import SignIn
from mentora.platform.security.tokens import TokenService, hash_refresh_token, new_refresh_token
from mentora.platform.tenancy import TenantRef
from mentora.roles.service import RoleService
from mentora.tenants.models import Tenant
from mentora.users.models import User
from mentora.users.service import UserService
from mentora.users.sign_ins import revoke_sign_ins

BAD_CREDENTIALS = "Invalid email or password"
BAD_REFRESH = "Invalid refresh token"


class RefreshTokenReplayedError(AuthenticationError):
    """A rotated refresh token came back after the grace window: its sign-in is revoked."""

    def __init__(self, sign_in: SignIn) -> None:
        super().__init__(BAD_REFRESH)
        self.sign_in = sign_in


class AuthService:
    def __init__(
        self,
        session: AsyncSession,
        *,
        tokens: TokenService,
        passwords: PasswordService,
        settings: Settings,
    ) -> None:
        self.session = session
        self.tokens = tokens
        self.passwords = passwords
        self.refresh_lifetime = timedelta(days=settings.refresh_token_days)
        self.reuse_grace = timedelta(seconds=settings.refresh_reuse_grace_seconds)

    async def register(self, tenant: TenantRef, data: RegisterIn) -> TokenPair:
        if tenant.is_platform:  # operators are created by an operator, never by sign-up
            raise TenantError("unknown", "Unknown tenant")
        password_hash = await self.passwords.hash(data.password)  # before the transaction starts
        users = UserService(self.session, tenant.id, self.passwords)
        student = await RoleService(self.session, tenant.id).find(SystemRole.STUDENT)
        assert student is not None, "system roles are created by migration 0002"
        user = await users.create(email=data.email, name=data.name, password_hash=password_hash, role=student)
        return await self.start_session(user)

    async def login(self, tenant: TenantRef, email: str, password: str, *, reader: Database) -> TokenPair:
        # Read in a short session of its own, then verify with no transaction open: the
        # slow hash never holds the embedded database's write lock.
        async with reader.reading() as session:
            found = await UserService(session, tenant.id, self.passwords).find_by_email(email)
            user_id, stored_hash = (found.id, found.password_hash) if found and found.is_active else (None, None)
        # Verified even for an unknown email, against a dummy hash: same answer, same time.
        valid = await self.passwords.verify(stored_hash, password)
        if user_id is None or stored_hash is None or not valid:
            raise AuthenticationError(BAD_CREDENTIALS)
        new_hash = await self.passwords.hash(password) if self.passwords.needs_rehash(stored_hash) else None
        user = await UserService(self.session, tenant.id, self.passwords).get(user_id)
        if new_hash is not None:
            user.password_hash = new_hash
        user.last_login_at = utcnow()
        return await self.start_session(user)

    async def start_session(self, user: User) -> TokenPair:
        family = RefreshFamily(tenant_id=user.tenant_id, user_id=user.id)
        self.session.add(family)
        await self.session.flush()
        return await self._issue(user, family)

    async def _issue(self, user: User, family: RefreshFamily) -> TokenPair:
        refresh = new_refresh_token()
        self.session.add(
            RefreshToken(
                family_id=family.id,
                token_hash=hash_refresh_token(refresh),
                expires_at=utcnow() + self.refresh_lifetime,
            )
        )
        await self.session.flush()
        access = self.tokens.issue_access(
            user_id=user.id, tenant_id=user.tenant_id, role=user.role.name, session_id=family.id
        )
        return TokenPair(access_token=access.token, refresh_token=refresh, expires_in=access.expires_in)

    async def refresh(self, refresh_token: str) -> TokenPair:
        """Rotate: each refresh token works once. A replay revokes its family, except
        within a short grace window, so a client's burst of parallel refreshes is safe."""
        now = utcnow()
        token_hash = hash_refresh_token(refresh_token)
        # Claim first: the write comes before any read, so two racing refreshes serialize here.
        claimed = await self.session.execute(
            update(RefreshToken)
            .where(RefreshToken.token_hash == token_hash, RefreshToken.rotated_at.is_(None))
            .values(rotated_at=now)
        )
        row = (
            await self.session.execute(
                select(RefreshToken, RefreshFamily, User)
                .join(RefreshFamily, RefreshFamily.id == RefreshToken.family_id)
                .join(User, User.id == RefreshFamily.user_id)
                .join(Tenant, Tenant.id == User.tenant_id)
                .where(RefreshToken.token_hash == token_hash, User.is_active.is_(True), Tenant.is_active.is_(True))
            )
        ).one_or_none()
        if row is None:
            raise AuthenticationError(BAD_REFRESH)
        token, family, user = row
        if family.revoked_at is not None or token.expires_at <= now:
            raise AuthenticationError(BAD_REFRESH)
        if claimed.rowcount != 1:  # type: ignore[attr-defined]
            assert token.rotated_at is not None
            if now - token.rotated_at > self.reuse_grace:
                await revoke_sign_ins(self.session, reason="reuse", tenant_id=family.tenant_id, family_id=family.id)
                keep_changes_on_error(self.session)
                raise RefreshTokenReplayedError(SignIn(family.user_id, family.tenant_id, family.id))
        return await self._issue(user, family)

    async def logout(self, refresh_token: str) -> SignIn | None:
        """Revoke the sign-in the token belongs to, and name it; an unknown token changes nothing."""
        family = (
            await self.session.execute(
                select(RefreshFamily)
                .join(RefreshToken, RefreshToken.family_id == RefreshFamily.id)
                .where(RefreshToken.token_hash == hash_refresh_token(refresh_token))
            )
        ).scalar_one_or_none()
        if family is None:
            return None
        await revoke_sign_ins(self.session, reason="logout", tenant_id=family.tenant_id, family_id=family.id)
        return SignIn(family.user_id, family.tenant_id, family.id)
