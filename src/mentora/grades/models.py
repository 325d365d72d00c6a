from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import Float, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from mentora.platform.db import Base
from mentora.platform.db.types import IdMixin, TenantOwnedMixin, UTCDateTime, utcnow


class LmsStatus(StrEnum):
    PENDING = "pending"  # to be published
    PUBLISHED = "published"
    NOT_CONFIGURED = "not_configured"  # the tenant has no LMS to publish to


class Grade(IdMixin, TenantOwnedMixin, Base):
    __tablename__ = "grades"

    session_id: Mapped[str] = mapped_column(
        String(36), ForeignKey("tutoring_sessions.id", ondelete="CASCADE"), unique=True
    )
    user_id: Mapped[str] = mapped_column(String(36), ForeignKey("users.id", ondelete="CASCADE"), index=True)
    case_study_id: Mapped[str] = mapped_column(String(36), ForeignKey("case_studies.id"), index=True)
    critical_thinking: Mapped[float] = mapped_column(Float)
    comprehension: Mapped[float] = mapped_column(Float)
    communication: Mapped[float] = mapped_column(Float)
    final_score: Mapped[float] = mapped_column(Float)
    summary: Mapped[str] = mapped_column(Text)
    grader: Mapped[str] = mapped_column(String(100))  # offline | the provider's model
    graded_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    lms_status: Mapped[str] = mapped_column(String(20), default=LmsStatus.PENDING)  # an LmsStatus
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
