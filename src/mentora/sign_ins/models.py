from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from mentora.platform.db import Base
from mentora.platform.db.types import IdMixin, TenantOwnedMixin, UTCDateTime, utcnow


class RevocationReason(StrEnum):
    """Why a sign-in ended, as stored in ``refresh_families.revoked_reason``."""

    LOGOUT = "logout"
    REUSE = "reuse"  # a rotated refresh token came back after the grace window
    USER_DEACTIVATED = "deactivated"
    # By the user (their other sign-ins end) or by an operator (all of them end).
    PASSWORD_CHANGED = "password changed"  # noqa: S105 (a reason)
    PASSWORD_SET_BY_OPERATOR = "password set by operator"  # noqa: S105 (a reason)
    TENANT_DEACTIVATED = "tenant deactivated"


class RefreshFamily(IdMixin, TenantOwnedMixin, Base):
    """One sign-in: every refresh token rotated from it, and the access tokens they issue (``sid``)."""

    __tablename__ = "refresh_families"

    user_id: Mapped[str] = mapped_column(String(36), ForeignKey("users.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    revoked_reason: Mapped[str | None] = mapped_column(String(50))  # a RevocationReason


class RefreshToken(IdMixin, Base):
    __tablename__ = "refresh_tokens"

    family_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("refresh_families.id", ondelete="CASCADE"), index=True
    )
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())
    rotated_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
