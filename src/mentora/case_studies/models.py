from __future__ import annotations

from sqlalchemy import JSON, Boolean, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from mentora.platform.db import Base
from mentora.platform.db.types import IdMixin, TenantOwnedMixin, TimestampMixin


class CaseStudy(IdMixin, TenantOwnedMixin, TimestampMixin, Base):
    __tablename__ = "case_studies"
    __table_args__ = (UniqueConstraint("tenant_id", "slug"),)

    title: Mapped[str] = mapped_column(String(255))
    slug: Mapped[str] = mapped_column(String(100))
    description: Mapped[str] = mapped_column(Text, default="")
    instructions: Mapped[list[str]] = mapped_column(JSON, default=list)
    system_prompt: Mapped[str] = mapped_column(Text, default="")
    first_message: Mapped[str | None] = mapped_column(Text)
    time_limit_minutes: Mapped[int | None] = mapped_column(Integer)
    llm_model: Mapped[str | None] = mapped_column(String(100))
    is_active: Mapped[bool] = mapped_column(Boolean, default=True)
