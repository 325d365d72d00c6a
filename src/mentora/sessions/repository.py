"""The tutoring sessions' queries, and their transcripts' (written once, read by turns,
the session view and grading)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import Select, func, select, update

from mentora.platform.db.repository import Repository, TenantScopedRepository
from mentora.platform.db.types import utcnow
from mentora.sessions.models import MessageStatus, SessionMessage, SessionStatus, TutoringSession


class SessionRepository(TenantScopedRepository[TutoringSession]):
    model = TutoringSession

    def of_user(self, user_id: str) -> Select[TutoringSession]:
        return self.base_statement().where(TutoringSession.user_id == user_id)

    async def active_of(self, user_id: str, case_study_id: str) -> Sequence[TutoringSession]:
        statement = self.of_user(user_id).where(
            TutoringSession.case_study_id == case_study_id, TutoringSession.status == SessionStatus.ACTIVE
        )
        return (await self.session.execute(statement)).scalars().all()

    async def count_of(self, user_id: str, case_study_id: str) -> int:
        """How many sessions the user has had on the case study, ended ones too."""
        statement = (
            select(func.count())
            .select_from(TutoringSession)
            .where(
                TutoringSession.tenant_id == self.tenant_id,
                TutoringSession.user_id == user_id,
                TutoringSession.case_study_id == case_study_id,
            )
        )
        return (await self.session.execute(statement)).scalar_one()

    async def lock(self, session_id: str) -> None:
        """Turns of one session take turns: two retries of the same failed turn cannot both
        call the tutor, nor two answers take the same place (PostgreSQL row lock; SQLite's
        immediate transactions already serialize)."""
        await self.session.execute(select(TutoringSession.id).where(TutoringSession.id == session_id).with_for_update())


class EverySession(Repository[TutoringSession]):
    """Every tenant's sessions, for the periodic sweep (which runs for no tenant)."""

    model = TutoringSession

    async def expired(self) -> Sequence[TutoringSession]:
        """Active sessions whose time has run out."""
        statement = select(TutoringSession).where(
            TutoringSession.status == SessionStatus.ACTIVE, TutoringSession.expires_at <= utcnow()
        )
        return (await self.session.execute(statement)).scalars().all()


class MessageRepository(TenantScopedRepository[SessionMessage]):
    model = SessionMessage

    async def transcript(self, session_id: str) -> list[SessionMessage]:
        """A session's turns, in order."""
        statement = (
            self.base_statement().where(SessionMessage.session_id == session_id).order_by(SessionMessage.sequence)
        )
        return list((await self.session.execute(statement)).scalars())

    async def last_sequence(self, session_id: str) -> int:
        statement = select(func.max(SessionMessage.sequence)).where(SessionMessage.session_id == session_id)
        return (await self.session.execute(statement)).scalar_one() or 0

    async def set_status(self, message_id: str, status: MessageStatus) -> None:
        await self.session.execute(update(SessionMessage).where(SessionMessage.id == message_id).values(status=status))

    async def fail_if_pending(self, message_id: str, attempt_started_at: datetime | None) -> None:
        """A student's turn failed, unless it was settled meanwhile; this attempt only (a
        resend may have started a newer one)."""
        await self.session.execute(
            update(SessionMessage)
            .where(
                SessionMessage.id == message_id,
                SessionMessage.status == MessageStatus.PENDING,
                SessionMessage.attempt_started_at == attempt_started_at,
            )
            .values(status=MessageStatus.FAILED)
        )
