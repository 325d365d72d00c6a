"""Starting, resuming, reading and ending tutoring sessions."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta
from typing import Any, Protocol, TypeVar

from sqlalchemy.ext.asyncio import AsyncSession

from mentora.case_studies.service import CaseStudyService
from mentora.contract import ConflictError, NotFoundError
from mentora.platform.db import Database
from mentora.platform.db.types import utcnow
from mentora.platform.jobs import enqueue
from mentora.platform.security.permissions import Action, Module, permission
from mentora.platform.security.principal import Principal
from mentora.platform.tenant_settings import AIConfig, TenantSettings
from mentora.sessions.models import (
    EndReason,
    MessageRole,
    MessageStatus,
    SessionStatus,
    TutoringSession,
)
from mentora.sessions.repository import EverySession, MessageRepository, SessionRepository
from mentora.sessions.schemas import MessageOut, SessionDetailOut, SessionOut
from mentora.tenants.models import Tenant
from mentora.tenants.repository import TenantRepository
from mentora.users.models import User
from mentora.users.schemas import UserSettings

# Staff who grade read every session of their tenant; students read their own.
READS_ALL = permission(Module.GRADES, Action.EDIT)


def tutor_name(tenant: Tenant) -> str:
    return "openai-compatible" if AIConfig.of(tenant.ai_config).is_configured else "offline"


def session_out(tutoring: TutoringSession, tutor: str) -> SessionOut:
    return SessionOut.model_validate({**_columns(tutoring), "tutor": tutor})


class TranscriptLine(Protocol):
    """What reading a transcript needs of a message: a stored one, or a row of its columns."""

    @property
    def role(self) -> str: ...
    @property
    def status(self) -> str: ...
    @property
    def content(self) -> str: ...


LineT = TypeVar("LineT", bound=TranscriptLine)


def counted_turns(transcript: Sequence[LineT]) -> list[LineT]:
    """What the tutor and the grader read of a transcript: the student's turns and the
    tutor's complete answers (a cut-off answer is no answer)."""
    return [m for m in transcript if m.role == MessageRole.STUDENT or m.status == MessageStatus.COMPLETE]


def message_out(message: object) -> MessageOut:
    """From a ``SessionMessage``, or a row of its columns."""
    return MessageOut.model_validate(message, from_attributes=True)


def _columns(tutoring: TutoringSession) -> dict[str, Any]:
    return {column.key: getattr(tutoring, column.key) for column in TutoringSession.__table__.columns}


GRADE_SESSION = "grade_session"


async def close_session(
    session: AsyncSession, tutoring: TutoringSession, *, reason: EndReason, max_attempts: int
) -> None:
    """End a session and queue its grading, in the same transaction (so neither happens alone)."""
    tutoring.status, tutoring.end_reason = SessionStatus.ENDED, reason
    tutoring.ended_at = tutoring.expires_at if reason == EndReason.TIME_LIMIT else utcnow()
    await session.flush()
    await enqueue(
        session,
        tenant_id=tutoring.tenant_id,
        kind=GRADE_SESSION,
        dedupe_key=tutoring.id,
        payload={"session_id": tutoring.id},
        max_attempts=max_attempts,
    )


def is_due(tutoring: TutoringSession) -> bool:
    """Active past its time limit: the next touch ends it."""
    return tutoring.status == SessionStatus.ACTIVE and tutoring.expires_at <= utcnow()


async def end_expired_sessions(database: Database, max_attempts: int) -> int:
    """Periodic: end the sessions whose time ran out with nobody touching them."""
    async with database.transaction() as session:
        expired = await EverySession(session).expired()
        for tutoring in expired:
            await close_session(session, tutoring, reason=EndReason.TIME_LIMIT, max_attempts=max_attempts)
        return len(expired)


class SessionService:
    def __init__(self, session: AsyncSession, caller: Principal, *, max_attempts: int) -> None:
        """``max_attempts``: of the grading job a session's end queues (MENTORA_JOB_MAX_ATTEMPTS)."""
        self.session = session
        self.caller = caller
        self.sessions = SessionRepository(session, caller.tenant_id)
        self.messages = MessageRepository(session, caller.tenant_id)
        self.max_attempts = max_attempts

    async def tenant(self) -> Tenant:
        tenant = await TenantRepository(self.session).find_by_id(self.caller.tenant_id)
        assert tenant is not None, "an authenticated caller's tenant exists"
        return tenant

    async def initialize(self, case_study_id: str, resume_id: str | None) -> tuple[TutoringSession, bool]:
        """Resume the given active session, or start one: (session, created)."""
        case_study = await CaseStudyService(self.session, self.caller.tenant_id).get(case_study_id, only_active=True)
        active = await self._active_for(case_study.id)
        if resume_id is not None:
            if active is None or active.id != resume_id:
                raise ConflictError("That session cannot be resumed", details={"session_id": "not active"})
            return active, False
        if active is not None:
            raise ConflictError(
                "An active session already exists for this case study", details={"session_id": active.id}
            )
        settings = TenantSettings.of((await self.tenant()).settings)
        limit = await self._max_sessions(settings)
        if await self.sessions.count_of(self.caller.user_id, case_study.id) >= limit:
            raise ConflictError(
                f"Session limit reached for this case study ({limit})",
                details={"content_id": f"session limit reached ({limit})"},
            )
        minutes = case_study.time_limit_minutes or settings.session_minutes
        now = utcnow()
        tutoring = TutoringSession(
            user_id=self.caller.user_id,
            case_study_id=case_study.id,
            status=SessionStatus.ACTIVE,
            started_at=now,
            expires_at=now + timedelta(minutes=minutes),
        )
        return await self.sessions.add(tutoring), True

    async def get(self, session_id: str) -> TutoringSession:
        """A session the caller may read (their own; staff read the tenant's), ended first if
        its time is up."""
        return await self.expire_if_due(await self.find(session_id))

    async def find(self, session_id: str) -> TutoringSession:
        """A session the caller may read, as stored (a read session cannot end it)."""
        tutoring = await self.sessions.get(session_id)
        if tutoring is None or not (self.caller.can(READS_ALL) or tutoring.user_id == self.caller.user_id):
            raise NotFoundError("Session not found")
        return tutoring

    async def get_own(self, session_id: str) -> TutoringSession:
        tutoring = await self.get(session_id)
        if tutoring.user_id != self.caller.user_id:
            raise NotFoundError("Session not found")
        return tutoring

    async def list(
        self, *, skip: int, limit: int, user_id: str | None, case_study_id: str | None
    ) -> tuple[Sequence[TutoringSession], int]:
        if not self.caller.can(READS_ALL):
            statement = self.sessions.of_user(self.caller.user_id)
        elif user_id is not None:
            statement = self.sessions.of_user(user_id)
        else:
            statement = self.sessions.base_statement()
        statement = statement.order_by(TutoringSession.started_at.desc(), TutoringSession.id)
        if case_study_id is not None:
            statement = statement.where(TutoringSession.case_study_id == case_study_id)
        return await self.sessions.page(statement, skip=skip, limit=limit)

    async def end(self, session_id: str) -> TutoringSession:
        tutoring = await self.get_own(session_id)
        if tutoring.status != SessionStatus.ACTIVE:
            raise ConflictError("The session has already ended", details={"session_id": "already ended"})
        await close_session(self.session, tutoring, reason=EndReason.STUDENT, max_attempts=self.max_attempts)
        return tutoring

    async def detail(self, tutoring: TutoringSession) -> SessionDetailOut:
        case_study = await CaseStudyService(self.session, self.caller.tenant_id).get(tutoring.case_study_id)
        messages = await self.messages.transcript(tutoring.id)
        return SessionDetailOut.model_validate(
            {
                **_columns(tutoring),
                "tutor": tutor_name(await self.tenant()),
                "first_message": case_study.first_message,
                # Validated with the rest in one pass: per-row validation cost more than the query.
                "messages": [m._asdict() for m in messages],
            }
        )

    async def expire_if_due(self, tutoring: TutoringSession) -> TutoringSession:
        """The time limit ends a session: noticed whenever the session is touched."""
        if is_due(tutoring):
            await close_session(self.session, tutoring, reason=EndReason.TIME_LIMIT, max_attempts=self.max_attempts)
        return tutoring

    async def _active_for(self, case_study_id: str) -> TutoringSession | None:
        for tutoring in await self.sessions.active_of(self.caller.user_id, case_study_id):
            if (await self.expire_if_due(tutoring)).status == SessionStatus.ACTIVE:
                return tutoring
        return None

    async def _max_sessions(self, settings: TenantSettings) -> int:
        """The user's own limit if they have one, else the tenant's."""
        user = await self.session.get(User, self.caller.user_id)
        override = UserSettings.of(user.settings).max_sessions if user else None
        return override or settings.max_sessions
