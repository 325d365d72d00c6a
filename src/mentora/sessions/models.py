from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from mentora.platform.db import Base
from mentora.platform.db.types import IdMixin, TenantOwnedMixin, UTCDateTime, utcnow


class SessionStatus(StrEnum):
    ACTIVE = "active"
    ENDED = "ended"


class EndReason(StrEnum):
    STUDENT = "student"  # the student ended it
    TIME_LIMIT = "time_limit"


class MessageRole(StrEnum):
    STUDENT = "student"
    TUTOR = "tutor"


class MessageStatus(StrEnum):
    # A student turn's:
    PENDING = "pending"  # the tutor is answering
    ANSWERED = "answered"
    FAILED = "failed"  # can be retried
    # A tutor turn's:
    COMPLETE = "complete"
    INCOMPLETE = "incomplete"  # cut off mid-stream


class TutoringSession(IdMixin, TenantOwnedMixin, Base):
    __tablename__ = "tutoring_sessions"

    user_id: Mapped[str] = mapped_column(String(36), ForeignKey("users.id", ondelete="CASCADE"), index=True)
    case_study_id: Mapped[str] = mapped_column(String(36), ForeignKey("case_studies.id"), index=True)
    status: Mapped[str] = mapped_column(String(20), default=SessionStatus.ACTIVE)  # a SessionStatus
    started_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    end_reason: Mapped[str | None] = mapped_column(String(20))  # an EndReason


class SessionMessage(IdMixin, TenantOwnedMixin, Base):
    """One turn of the transcript, in ``sequence`` order.

    A student turn is ``pending`` while the tutor answers, then ``answered`` or ``failed``
    (it can be retried). A tutor turn is ``complete``, or ``incomplete`` when the answer
    was cut off mid-stream: kept, shown as such, never taken for a full answer.
    """

    __tablename__ = "session_messages"
    __table_args__ = (UniqueConstraint("session_id", "sequence"),)

    session_id: Mapped[str] = mapped_column(String(36), ForeignKey("tutoring_sessions.id", ondelete="CASCADE"))
    sequence: Mapped[int] = mapped_column(Integer)
    role: Mapped[str] = mapped_column(String(10))  # a MessageRole
    content: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(12))  # a MessageStatus
    reply_to: Mapped[str | None] = mapped_column(String(36))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    # Student turns: when the current answer attempt began (a retry starts a new one). A pending
    # turn counts as being answered for STALE_PENDING after this, not after created_at.
    attempt_started_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
