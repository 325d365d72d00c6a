"""The policies: what is counted, per what, and how many are allowed."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from typing import TYPE_CHECKING

from limits import RateLimitItem, parse

from mentora.config import Settings

if TYPE_CHECKING:
    from mentora.platform.tenant_settings import TenantSettings


class PolicyName(StrEnum):
    ANONYMOUS = "anonymous"  # per IP
    LOGIN = "login"  # per IP and email
    LOGIN_IP = "login_ip"  # per IP
    LOGIN_ACCOUNT = "login_account"  # failed logins per email, from addresses it never signed in from
    USER = "user"  # per user
    TENANT = "tenant"  # per tenant
    AI_TURNS = "ai_turns"  # per user


# The ``scope`` a 429 reports, so a client knows what it ran into.
SCOPES: dict[PolicyName, str] = {
    PolicyName.ANONYMOUS: "ip",
    PolicyName.LOGIN: "login",
    PolicyName.LOGIN_IP: "ip",
    PolicyName.LOGIN_ACCOUNT: "login_account",
    PolicyName.USER: "user",
    PolicyName.TENANT: "tenant",
    PolicyName.AI_TURNS: "ai",
}
# Not configurable: marks the addresses an account signed in from (see ratelimit.sign_in).
KNOWN_ADDRESS = "login_known"
LOGIN_POLICIES = frozenset({PolicyName.LOGIN, PolicyName.LOGIN_IP, PolicyName.LOGIN_ACCOUNT, KNOWN_ADDRESS})


@dataclass(frozen=True, slots=True)
class Policy:
    name: str
    scope: str
    item: RateLimitItem
    guards_login: bool = False

    @property
    def limit(self) -> int:
        return int(self.item.amount)

    @property
    def window(self) -> int:
        return int(self.item.get_expiry())


@lru_cache(maxsize=1024)
def policy_from_string(name: str, limit: str) -> Policy:
    """``policy_from_string("login", "10/minute")``; raises ValueError for a malformed limit."""
    try:
        item = parse(limit)
    except ValueError as exc:
        raise ValueError(f"not a rate limit: {limit!r} (expected e.g. 10/minute)") from exc
    policy_name = PolicyName(name) if name in PolicyName._value2member_map_ else None
    scope = SCOPES[policy_name] if policy_name else name
    return Policy(name=name, scope=scope, item=item, guards_login=name in LOGIN_POLICIES)


def configured_policy(settings: Settings, name: PolicyName, tenant_settings: TenantSettings | None) -> Policy:
    """The tenant's override of a policy if it has one, else the deployment's."""
    override = getattr(tenant_settings.rate_limits, name.value) if tenant_settings else None
    limit = override or getattr(settings, f"rate_limit_{name.value}")
    return policy_from_string(name.value, str(limit))


def known_address_policy(days: int) -> Policy:
    """One hit marks an address an account signed in from; the mark lasts ``days``."""
    return policy_from_string(KNOWN_ADDRESS, f"1/{days} days")


def daily_quota_policy(quota: int) -> Policy:
    return policy_from_string("daily_messages", f"{max(quota, 1)}/day")
