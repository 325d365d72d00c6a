"""The tutoring sessions' queries, and their transcripts' (written once, read by turns,
the session view and grading)."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Select, bindparam, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from mentora.case_studies.models import CaseStudy
from mentora.platform.db.repository import Repository, TenantScopedRepository, of_the_tenant
from mentora.platform.db.types import utcnow
from mentora.sessions.models import MessageStatus, SessionMessage, SessionStatus, TutoringSession
from mentora.tenants.models import Tenant


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


class EverySession(Repository[TutoringSession]):
    """Every tenant's sessions, for the periodic sweep (which runs for no tenant)."""

    model = TutoringSession

    async def expired(self) -> Sequence[TutoringSession]:
        """Active sessions whose time has run out."""
        statement = select(TutoringSession).where(
            TutoringSession.status == SessionStatus.ACTIVE, TutoringSession.expires_at <= utcnow()
        )
        return (await self.session.execute(statement)).scalars().all()


_messages = SessionMessage.__table__.c
# What a transcript shows and grading reads of it.
_TRANSCRIPT = (
    select(
        _messages.id,
        _messages.sequence,
        _messages.role,
        _messages.content,
        _messages.status,
        _messages.reply_to,
        _messages.created_at,
    )
    .where(of_the_tenant(SessionMessage), _messages.session_id == bindparam("session_id"))
    .order_by(_messages.sequence)
)


class MessageRepository(TenantScopedRepository[SessionMessage]):
    model = SessionMessage

    async def transcript(self, session_id: str) -> Sequence[Any]:
        """A session's turns, in order, as rows of what a transcript shows (for reading, not changing)."""
        return await self.read(_TRANSCRIPT, session_id=session_id)

    async def retry(self, message_id: str, attempt_started_at: datetime) -> None:
        """A failed turn is being answered again."""
        await self.session.execute(
            update(SessionMessage)
            .where(SessionMessage.id == message_id)
            .values(status=MessageStatus.PENDING, attempt_started_at=attempt_started_at)
        )

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


# The columns of a transcript line (``MessageLine``), as a turn reads them.
TRANSCRIPT_LINE = ("id", "sequence", "role", "content", "status", "created_at", "attempt_started_at")


@dataclass(frozen=True)
class MessageLine:
    """A transcript's message as a turn reads it (rows of these columns serve as well)."""

    id: str
    sequence: int
    role: str
    content: str
    status: str
    created_at: datetime
    attempt_started_at: datetime | None

    @classmethod
    def of(cls, line: Any) -> MessageLine:
        return cls(**{name: getattr(line, name) for name in TRANSCRIPT_LINE})


@dataclass
class TurnContext:
    session: TutoringSession
    case_study: CaseStudy
    tenant: Tenant
    transcript: list[Any]  # MessageLine rows, in order (a Row's columns are not typed by name)


class TurnRecords:
    """Many sessions' turns at once, for turns written together (``turns.TurnBatches``).

    The rows of several callers, so of several tenants: each query takes ids its callers
    named, and the caller of each row is checked against it in ``turns``, as a
    ``TenantScopedRepository`` would (another tenant's id is not found).
    """

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    async def lock(self, session_ids: Collection[str]) -> None:
        """Turns of one session take turns: two retries of the same failed turn cannot both
        call the tutor, nor two answers take the same place. A PostgreSQL row lock, taken in
        id order so two batches never wait on each other in a circle; SQLite's immediate
        transactions already serialize, so no statement there."""
        if self.session.get_bind().dialect.name == "sqlite":
            return
        statement = select(TutoringSession.id).where(TutoringSession.id.in_(session_ids)).order_by(TutoringSession.id)
        await self.session.execute(statement.with_for_update())

    async def turn_contexts(self, session_ids: Collection[str]) -> dict[str, TurnContext]:
        """The sessions, locked as by ``lock``, each with its case study, tenant and transcript.

        The transcript comes as rows of the columns a turn reads, not as stored objects:
        a class's whole transcripts are read for every batch, and building objects of
        them cost more than the rest of the batch."""
        statement = (
            select(TutoringSession, CaseStudy, Tenant)
            .join(CaseStudy, CaseStudy.id == TutoringSession.case_study_id)
            .join(Tenant, Tenant.id == TutoringSession.tenant_id)
            .where(TutoringSession.id.in_(session_ids))
            .order_by(TutoringSession.id)
            .with_for_update(of=TutoringSession)
        )
        contexts = {
            tutoring.id: TurnContext(tutoring, case_study, tenant, [])
            for tutoring, case_study, tenant in await self.session.execute(statement)
        }
        if contexts:
            lines = (
                select(*(getattr(SessionMessage, name) for name in ("session_id", *TRANSCRIPT_LINE)))
                .where(SessionMessage.session_id.in_(contexts))
                .order_by(SessionMessage.session_id, SessionMessage.sequence)
            )
            for line in await self.session.execute(lines):
                contexts[line.session_id].transcript.append(line)
        return contexts

    async def last_sequences(self, session_ids: Collection[str]) -> dict[str, int]:
        statement = (
            select(SessionMessage.session_id, func.max(SessionMessage.sequence))
            .where(SessionMessage.session_id.in_(session_ids))
            .group_by(SessionMessage.session_id)
        )
        last = dict.fromkeys(session_ids, 0)
        last.update({session_id: sequence or 0 for session_id, sequence in (await self.session.execute(statement))})
        return last

    async def messages(self, ids: Collection[str]) -> dict[str, SessionMessage]:
        statement = select(SessionMessage).where(SessionMessage.id.in_(ids))
        return {row.id: row for row in (await self.session.execute(statement)).scalars()}
