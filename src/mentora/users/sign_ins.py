"""Ending sign-ins: on logout, on refresh-token reuse, when a user or a tenant is
deactivated, or when a password changes. Revoked sign-ins stay revoked: reactivating a
user does not bring their old tokens back.
"""

from __future__ import annotations

from sqlalchemy import DateTime, String, column, table, update
from sqlalchemy.ext.asyncio import AsyncSession

from mentora.platform.db.types import utcnow

# The auth domain owns this table; these are the only columns revocation touches.
_FAMILIES = table(
    "refresh_families",
    column("id", String),
    column("tenant_id", String),
    column("user_id", String),
    column("revoked_at", DateTime(timezone=True)),
    column("revoked_reason", String),
)


async def revoke_sign_ins(
    session: AsyncSession,
    *,
    reason: str,
    tenant_id: str,
    user_id: str | None = None,
    family_id: str | None = None,
    keep: str | None = None,
) -> None:
    """Revoke the live sign-ins of a tenant, of one user in it (except ``keep``), or one sign-in."""
    families = _FAMILIES.c
    statement = update(_FAMILIES).where(families.tenant_id == tenant_id, families.revoked_at.is_(None))
    if user_id is not None:
        statement = statement.where(families.user_id == user_id)
    if family_id is not None:
        statement = statement.where(families.id == family_id)
    if keep is not None:
        statement = statement.where(families.id != keep)
    await session.execute(statement.values(revoked_at=utcnow(), revoked_reason=reason))
