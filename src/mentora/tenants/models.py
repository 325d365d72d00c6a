from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, Boolean, String
from sqlalchemy.orm import Mapped, mapped_column

from mentora.platform.db import Base
from mentora.platform.db.types import IdMixin, TimestampMixin


class Tenant(IdMixin, TimestampMixin, Base):
    __tablename__ = "tenants"

    name: Mapped[str] = mapped_column(String(255))
    slug: Mapped[str] = mapped_column(String(100), unique=True)
    domain: Mapped[str | None] = mapped_column(String(255), unique=True)
    lms_type: Mapped[str | None] = mapped_column(String(50))
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
    # The platform operators' own tenant: the only one whose users may hold SUPER_ADMIN.
    is_platform: Mapped[bool] = mapped_column(Boolean, default=False)
    branding: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    # Secrets inside these two are stored sealed (platform.secrets), never in clear.
    ai_config: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    lms_config: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    allowed_origins: Mapped[list[str]] = mapped_column(JSON, default=list)
    settings: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
