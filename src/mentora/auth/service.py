"""Sign-in and sessions: register, login, refresh-token rotation with reuse detection, logout."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from sqlalchemy.ext.asyncio import AsyncSession

from mentora.auth.repository import AuthRepository
from mentora.auth.schemas import RegisterIn, TokenPair
from mentora.config import Settings
from mentora.contract import AuthenticationError, TenantError
from mentora.platform.db import Database, after_commit, keep_changes_on_error
from mentora.platform.db.types import utcnow
from mentora.platform.security.passwords import PasswordService
from mentora.platform.security.permissions import SystemRole
from mentora.platform.security.principal import SignIn
from mentora.platform.security.tokens import TokenService
from mentora.platform.tenancy import TenantRef
from mentora.roles.service import RoleService
from mentora.sign_ins.models import RefreshFamily, RevocationReason
from mentora.sign_ins.service import SignInService
from mentora.users.models import User
from mentora.users.service import UserService

BAD_CREDENTIALS = "Invalid email or password"
BAD_REFRESH = "Invalid refresh token"


class AuthService:
    def __init__(
        self,
        session: AsyncSession,
        *,
        tokens: TokenService,
        passwords: PasswordService,
        settings: Settings,
        forget_sign_in: Callable[[SignIn], None],
    ) -> None:
        """``forget_sign_in``: drops an ended sign-in from every worker's cache, so its
        access tokens stop working; called once the revocation has committed."""
        self.session = session
        self.tokens = tokens
        self.passwords = passwords
        self.sign_ins = SignInService(session, settings)
        self.forget_sign_in = forget_sign_in

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
        family = await self.sign_ins.start(tenant_id=user.tenant_id, user_id=user.id)
        return await self._issue(user, family)

    async def _issue(self, user: User, family: RefreshFamily) -> TokenPair:
        refresh = await self.sign_ins.new_refresh_token(family)
        access = self.tokens.issue_access(
            user_id=user.id, tenant_id=user.tenant_id, role=user.role.name, session_id=family.id
        )
        return TokenPair(access_token=access.token, refresh_token=refresh, expires_in=access.expires_in)

    async def refresh(self, refresh_token: str) -> TokenPair:
        """Rotate: each refresh token works once. A replay revokes its sign-in, except
        within a short grace window, so a client's burst of parallel refreshes is safe."""
        now = utcnow()
        claimed = await self.sign_ins.claim(refresh_token, now)
        found = await AuthRepository(self.session).refresh_token_of_active_user(refresh_token)
        if found is None:
            raise AuthenticationError(BAD_REFRESH)
        token, family, user = found
        if not self.sign_ins.is_live(token, family, now):
            raise AuthenticationError(BAD_REFRESH)
        if self.sign_ins.is_replay(token, claimed=claimed, at=now):
            ended = await self.sign_ins.end(family, RevocationReason.REUSE)
            # The revocation is committed although the request fails; then its tokens stop working.
            keep_changes_on_error(self.session)
            after_commit(self.session, partial(self.forget_sign_in, ended))
            raise AuthenticationError(BAD_REFRESH)
        return await self._issue(user, family)

    async def logout(self, refresh_token: str) -> None:
        """End the sign-in the token belongs to; an unknown token changes nothing."""
        ended = await self.sign_ins.end_by_refresh_token(refresh_token, RevocationReason.LOGOUT)
        if ended is not None:
            after_commit(self.session, partial(self.forget_sign_in, ended))
