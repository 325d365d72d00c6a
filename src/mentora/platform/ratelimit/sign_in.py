"""Sign-in limits: attempts per address, and failed logins per account from every address.

Per address (``login_ip``; ``login`` per address and email) every attempt counts, before
any password is checked. Per account (``login_account``) only failures count, from all
addresses together, so a crowd of addresses cannot guess one password either.

So that anyone cannot lock an account's owner out by failing on purpose, an address the
account signed in from (within ``refresh_token_days``) is exempt from the account limit:
its failures are not counted, and it is not refused when the limit is reached. Only
addresses new to the account wait, and only for that account, for at most the window.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING

from starlette.types import Scope

from mentora.contract import AuthenticationError
from mentora.platform.inputs import normalize_email
from mentora.platform.ratelimit.limiter import RateLimiter
from mentora.platform.ratelimit.middleware import client_ip
from mentora.platform.ratelimit.policies import PolicyName

if TYPE_CHECKING:
    from mentora.platform.tenant_settings import TenantSettings


@asynccontextmanager
async def sign_in_limited(
    limiter: RateLimiter, scope: Scope, tenant_id: str, email: str, tenant_settings: TenantSettings | None
) -> AsyncIterator[None]:
    """Around a login or a registration: refuse what is over a limit, then count how it ended
    (an AuthenticationError raised inside is a failed login)."""
    # The form the account is looked up in: every spelling that signs in to it counts as it.
    ip, account = client_ip(scope), normalize_email(email)
    await limiter.enforce(scope, PolicyName.LOGIN_IP, tenant_id, ip, tenant_settings=tenant_settings, report=False)
    await limiter.enforce(scope, PolicyName.LOGIN, tenant_id, ip, account, tenant_settings=tenant_settings)
    failures = limiter.policy(PolicyName.LOGIN_ACCOUNT, tenant_settings)
    known = await limiter.is_exhausted(limiter.known_address, tenant_id, account, ip)
    if not known:
        await limiter.check(failures, tenant_id, account)
    try:
        yield
    except AuthenticationError:
        if not known:
            await limiter.hit(failures, tenant_id, account, report=False)
        raise
    if not known:
        await limiter.hit(limiter.known_address, tenant_id, account, ip, report=False)
