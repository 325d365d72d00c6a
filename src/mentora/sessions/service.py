"""Starting, resuming, reading and ending tutoring sessions."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import timedelta
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from mentora.case_studies.service import CaseStudyService
from mentora.contract import ConflictError, NotFoundError
from mentora.platform.db import Database
from mentora.platform.db.repository import TenantScopedRepository
from mentora.platform.db.types import utcnow
from mentora.platform.jobs import enqueue
from mentora.platform.security.permissions import Action, Module, permission
from mentora.platform.security.principal import Principal
from mentora.sessions.models import SessionMessage, TutoringSession
from mentora.sessions.schemas import MessageOut, SessionDetailOut, SessionOut
from mentora.tenants.models import Tenant
from mentora.users.models import User

DEFAULT_SESSION_MINUTES = 60
DEFAULT_MAX_SESSIONS = 5
# Staff who grade read every session of their tenant; students read their own.
READS_ALL = permission(Module.GRADES, Action.EDIT)


class SessionRepository(TenantScopedRepository[TutoringSession]):
    model = TutoringSession


def tutor_name(tenant: Tenant) -> str:
    return "openai-compatible" if tenant.ai_config.get("base_url") else "offline"


def session_out(tutoring: TutoringSession, tutor: str) -> SessionOut:
    return SessionOut.model_validate({**_columns(tutoring), "tutor": tutor})


def message_out(message: SessionMessage) -> MessageOut:
    return MessageOut.model_validate(message, from_attributes=True)


def _columns(tutoring: TutoringSession) -> dict[str, Any]:
    return {column.key: getattr(tutoring, column.key) for column in TutoringSession.__table__.columns}


GRADE_SESSION = "grade_session"


async def close_session(session: AsyncSession, tutoring: TutoringSession, *, reason: str, max_attempts: int) -> None:
    """End a session and queue its grading, in the same transaction (so neither happens alone)."""
    tutoring.status, tutoring.end_reason = "ended", reason
    tutoring.ended_at = tutoring.expires_at if reason == "time_limit" else utcnow()
    await session.flush()
    await enqueue(
        session,
        tenant_id=tutoring.tenant_id,
        kind=GRADE_SESSION,
        dedupe_key=tutoring.id,
        payload={"session_id": tutoring.id},
        max_attempts=max_attempts,
    )


async def end_expired_sessions(database: Database, max_attempts: int) -> int:
    """Periodic: end the sessions whose time ran out with nobody touching them."""
    async with database.transaction() as session:
        expired = (
            (
                await session.execute(
                    select(TutoringSession).where(
                        TutoringSession.status == "active", TutoringSession.expires_at <= utcnow()
                    )
                )
            )
            .scalars()
            .all()
        )
        for tutoring in expired:
            await close_session(session, tutoring, reason="time_limit", max_attempts=max_attempts)
        return len(expired)


class SessionService:
    def __init__(self, session: AsyncSession, caller: Principal, *, max_attempts: int) -> None:
        """``max_attempts``: of the grading job a session's end queues (MENTORA_JOB_MAX_ATTEMPTS)."""
        self.session = session
        self.caller = caller
        self.sessions = SessionRepository(session, caller.tenant_id)
        self.max_attempts = max_attempts

    async def tenant(self) -> Tenant:
        tenant = await self.session.get(Tenant, self.caller.tenant_id)
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
        tenant = await self.tenant()
        limit = await self._max_sessions(tenant)
        used = (
            await self.session.execute(
                select(func.count())
                .select_from(TutoringSession)
                .where(
                    TutoringSession.tenant_id == self.caller.tenant_id,
                    TutoringSession.user_id == self.caller.user_id,
                    TutoringSession.case_study_id == case_study.id,
                )
            )
        ).scalar_one()
        if used >= limit:
            raise ConflictError(
                f"Session limit reached for this case study ({limit})",
                details={"content_id": f"session limit reached ({limit})"},
            )
        minutes = case_study.time_limit_minutes or int(tenant.settings.get("session_minutes", DEFAULT_SESSION_MINUTES))
        now = utcnow()
        tutoring = TutoringSession(
            user_id=self.caller.user_id,
            case_study_id=case_study.id,
            status="active",
            started_at=now,
            expires_at=now + timedelta(minutes=minutes),
        )
        return await self.sessions.add(tutoring), True

    async def get(self, session_id: str) -> TutoringSession:
        """A session the caller may read (their own; staff read the tenant's)."""
        statement = self.sessions.base_statement().where(TutoringSession.id == session_id)
        if not self.caller.can(READS_ALL):
            statement = statement.where(TutoringSession.user_id == self.caller.user_id)
        tutoring = (await self.session.execute(statement)).scalar_one_or_none()
        if tutoring is None:
            raise NotFoundError("Session not found")
        return await self.expire_if_due(tutoring)

    async def get_own(self, session_id: str) -> TutoringSession:
        tutoring = await self.get(session_id)
        if tutoring.user_id != self.caller.user_id:
            raise NotFoundError("Session not found")
        return tutoring

    async def list(
        self, *, skip: int, limit: int, user_id: str | None, case_study_id: str | None
    ) -> tuple[Sequence[TutoringSession], int]:
        statement = self.sessions.base_statement().order_by(TutoringSession.started_at.desc(), TutoringSession.id)
        if not self.caller.can(READS_ALL):
            statement = statement.where(TutoringSession.user_id == self.caller.user_id)
        elif user_id is not None:
            statement = statement.where(TutoringSession.user_id == user_id)
        if case_study_id is not None:
            statement = statement.where(TutoringSession.case_study_id == case_study_id)
        return await self.sessions.page(statement, skip=skip, limit=limit)

    async def end(self, session_id: str) -> TutoringSession:
        tutoring = await self.get_own(session_id)
        if tutoring.status != "active":
            raise ConflictError("The session has already ended", details={"session_id": "already ended"})
        await close_session(self.session, tutoring, reason="student", max_attempts=self.max_attempts)
        return tutoring

    async def detail(self, tutoring: TutoringSession) -> SessionDetailOut:
        case_study = await CaseStudyService(self.session, self.caller.tenant_id).get(tutoring.case_study_id)
        messages = (
            await self.session.execute(
                select(SessionMessage)
                .where(SessionMessage.session_id == tutoring.id, SessionMessage.tenant_id == self.caller.tenant_id)
                .order_by(SessionMessage.sequence)
            )
        ).scalars()
        return SessionDetailOut.model_validate(
            {
                **_columns(tutoring),
                "tutor": tutor_name(await self.tenant()),
                "first_message": case_study.first_message,
                "messages": [message_out(m) for m in messages],
            }
        )

    async def expire_if_due(self, tutoring: TutoringSession) -> TutoringSession:
        """The time limit ends a session: noticed whenever the session is touched."""
        if tutoring.status == "active" and tutoring.expires_at <= utcnow():
            await close_session(self.session, tutoring, reason="time_limit", max_attempts=self.max_attempts)
        return tutoring

    async def _active_for(self, case_study_id: str) -> TutoringSession | None:
        statement = self.sessions.base_statement().where(
            TutoringSession.user_id == self.caller.user_id,
            TutoringSession.case_study_id == case_study_id,
            TutoringSession.status == "active",
        )
        for tutoring in (await self.session.execute(statement)).scalars().all():
            if (await self.expire_if_due(tutoring)).status == "active":
                return tutoring
        return None

    async def _max_sessions(self, tenant: Tenant) -> int:
        user = await self.session.get(User, self.caller.user_id)
        override = (user.settings or {}).get("max_sessions") if user else None
        return int(override or tenant.settings.get("max_sessions", DEFAULT_MAX_SESSIONS))
