from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Boolean, ForeignKey, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from mentora.platform.db import Base
from mentora.platform.db.types import IdMixin, TenantOwnedMixin, TimestampMixin, UTCDateTime
from mentora.roles.models import Role


class User(IdMixin, TenantOwnedMixin, TimestampMixin, Base):
    __tablename__ = "users"
    # Emails are stored lower-cased, so this is unique case-insensitively, also under races.
    __table_args__ = (UniqueConstraint("tenant_id", "email"),)

    email: Mapped[str] = mapped_column(String(255), info={"conflict_message": "already registered"})
    name: Mapped[str] = mapped_column(String(255))
    password_hash: Mapped[str] = mapped_column(String(255))
    role_id: Mapped[str] = mapped_column(String(36), ForeignKey("roles.id"), index=True)
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    settings: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    role: Mapped[Role] = relationship(lazy="joined")

    @property
    def role_name(self) -> str:
        return self.role.name
