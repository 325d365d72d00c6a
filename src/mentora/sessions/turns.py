"""A student's turn and the tutor's answer, with nothing lost on the way.

The student's turn is committed before the AI is called, in a transaction of its own,
so an AI failure loses nothing; the answer is stored in another. A failed turn is
retried by sending the same text again: the same turn is answered, not a second copy
stored. An answer cut off mid-stream is stored as ``incomplete``, never as a full one.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy.exc import SQLAlchemyError
from starlette.types import Scope

from mentora.case_studies.models import CaseStudy
from mentora.case_studies.service import CaseStudyService
from mentora.contract import ConflictError
from mentora.integrations.ai import ChatMessage, Tutor, fit_to_budget, tutor_for
from mentora.integrations.ai.offline import OfflineTutor
from mentora.platform.db.types import utcnow
from mentora.platform.ratelimit import PolicyName
from mentora.platform.ratelimit.policies import daily_quota_policy
from mentora.platform.security.principal import Principal
from mentora.platform.services import Services
from mentora.platform.tenant_settings import AIConfig
from mentora.sessions.models import MessageRole, MessageStatus, SessionMessage, SessionStatus
from mentora.sessions.repository import MessageRepository, SessionRepository
from mentora.sessions.schemas import MessageOut
from mentora.sessions.service import SessionService, counted_turns, message_out

# A turn still "pending" this long after it began belongs to a request that died.
STALE_PENDING = timedelta(minutes=2)
# How soon, and then how often at most, to try again to record that a turn failed.
SETTLE_FIRST_RETRY_SECONDS = 0.5
SETTLE_MAX_RETRY_SECONDS = 5.0


@dataclass(frozen=True)
class Turn:
    tenant_id: str
    session_id: str
    student_message_id: str
    retry: bool
    tutor: Tutor
    context: list[ChatMessage]
    attempt_started_at: datetime | None = None  # which attempt at answering this is


def build_context(case_study: CaseStudy, transcript: Sequence[SessionMessage], budget: int) -> list[ChatMessage]:
    system = case_study.system_prompt or f"You are a Socratic tutor for the case study {case_study.title!r}."
    if case_study.instructions:
        system += "\n\nThe student works through these steps:\n" + "\n".join(
            f"{number}. {step}" for number, step in enumerate(case_study.instructions, 1)
        )
    messages = [ChatMessage("system", system)]
    if case_study.first_message:
        messages.append(ChatMessage("assistant", case_study.first_message))
    for message in counted_turns(transcript):
        by_student = message.role == MessageRole.STUDENT
        messages.append(ChatMessage("user" if by_student else "assistant", message.content))
    return fit_to_budget(messages, budget)


class TurnService:
    def __init__(self, services: Services, caller: Principal) -> None:
        self.services = services
        self.caller = caller

    async def count(self, scope: Scope) -> None:
        """Count a turn against the AI-turn rate limit and the daily quota (RATE_LIMIT_EXCEEDED when over)."""
        tenant_id, user_id = self.caller.tenant_id, self.caller.user_id
        settings = await self.services.tenants.settings_of(tenant_id)
        limiter = self.services.limiter
        await limiter.enforce(scope, PolicyName.AI_TURNS, tenant_id, user_id, tenant_settings=settings)
        if settings is not None and settings.daily_message_quota > 0:  # 0: no daily quota
            await limiter.hit(daily_quota_policy(settings.daily_message_quota), tenant_id, user_id, report=False)

    async def begin(self, session_id: str, content: str) -> Turn:
        """Store the student's turn (or pick up the failed one it retries), committed."""
        async with self.services.database.transaction() as session:
            sessions = SessionService(session, self.caller, max_attempts=self.services.settings.job_max_attempts)
            tutoring = await sessions.get_own(session_id)
            await sessions.sessions.lock(tutoring.id)
            if tutoring.status != SessionStatus.ACTIVE:
                raise ConflictError("The session has ended", details={"session_id": f"ended ({tutoring.end_reason})"})
            transcript = await sessions.messages.transcript(tutoring.id)
            last_student = next((m for m in reversed(transcript) if m.role == MessageRole.STUDENT), None)
            if (
                last_student is not None
                and last_student.status == MessageStatus.PENDING
                and (last_student.attempt_started_at or last_student.created_at) > utcnow() - STALE_PENDING
            ):
                raise ConflictError(
                    "The tutor is still answering the previous turn",
                    details={"session_id": "a reply is still being written"},
                )
            retry = (
                last_student is not None
                and last_student.status != MessageStatus.ANSWERED
                and last_student.content == content
            )
            if retry:
                assert last_student is not None
                student = last_student
                student.status = MessageStatus.PENDING
                student.attempt_started_at = utcnow()
            else:
                student = SessionMessage(
                    session_id=tutoring.id,
                    sequence=(transcript[-1].sequence + 1) if transcript else 1,
                    role=MessageRole.STUDENT,
                    content=content,
                    status=MessageStatus.PENDING,
                    attempt_started_at=utcnow(),
                )
                await sessions.messages.add(student)
                transcript.append(student)
            await session.flush()
            case_study = await CaseStudyService(session, tutoring.tenant_id).get(tutoring.case_study_id)
            tenant = await sessions.tenant()
            ai_config = AIConfig.of(tenant.ai_config)
            model, questions = case_study.llm_model, list(case_study.instructions)
            context = build_context(case_study, transcript, self.services.settings.ai_context_tokens)
            tenant_id, ids, attempt = tenant.id, (tutoring.id, student.id), student.attempt_started_at
        # Committed: whatever happens from here (even a tutor that cannot be set up), the turn is kept.
        try:
            tutor = tutor_for(
                ai_config,
                tenant_id=tenant_id,
                outbound=self.services.ai,
                secrets=self.services.secrets,
                model_override=model,
                guiding_questions=questions,
            )
        except Exception:
            await self.fail(Turn(tenant_id, *ids, retry, OfflineTutor(), context, attempt))
            raise
        return Turn(tenant_id, *ids, retry, tutor, context, attempt)

    async def answer(self, turn: Turn, text: str, *, complete: bool = True) -> tuple[MessageOut, MessageOut | None]:
        """Store the tutor's answer (or what arrived of it) and settle the student's turn."""
        try:
            return await self._store_answer(turn, text, complete=complete)
        except SQLAlchemyError:
            # Left "pending", the turn would look like a reply still being written and
            # refuse the student's resend until STALE_PENDING; record it as failed (so a
            # resend retries it) as soon as the database takes writes again.
            keep_running(asyncio.ensure_future(self._fail_when_possible(turn)))
            raise

    async def _fail_when_possible(self, turn: Turn) -> None:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + STALE_PENDING.total_seconds()
        delay = SETTLE_FIRST_RETRY_SECONDS
        while loop.time() < deadline:
            await asyncio.sleep(delay)
            try:
                async with self.services.database.transaction() as session:
                    messages = MessageRepository(session, turn.tenant_id)
                    await messages.fail_if_pending(turn.student_message_id, turn.attempt_started_at)
                return
            except SQLAlchemyError:
                delay = min(delay * 2, SETTLE_MAX_RETRY_SECONDS)

    async def _store_answer(self, turn: Turn, text: str, *, complete: bool) -> tuple[MessageOut, MessageOut | None]:
        async with self.services.database.transaction() as session:
            await SessionRepository(session, turn.tenant_id).lock(turn.session_id)
            messages = MessageRepository(session, turn.tenant_id)
            reply = None
            if text:
                reply = SessionMessage(
                    session_id=turn.session_id,
                    sequence=await messages.last_sequence(turn.session_id) + 1,
                    role=MessageRole.TUTOR,
                    content=text,
                    status=MessageStatus.COMPLETE if complete else MessageStatus.INCOMPLETE,
                    reply_to=turn.student_message_id,
                )
                await messages.add(reply)
            settled = MessageStatus.ANSWERED if complete and text else MessageStatus.FAILED
            await messages.set_status(turn.student_message_id, settled)
            await session.flush()
            student = await messages.get(turn.student_message_id)
            assert student is not None
            return message_out(student), message_out(reply) if reply is not None else None

    async def reply(self, turn: Turn) -> tuple[MessageOut, MessageOut]:
        """The tutor's whole answer, stored; a failure leaves the turn stored, retryable."""
        try:
            text = await turn.tutor.reply(turn.context)
        except BaseException:
            await self.fail(turn)
            raise
        student, reply = await self.answer(turn, text)
        assert reply is not None
        return student, reply

    async def fail(self, turn: Turn, partial: str = "") -> None:
        """The answer failed: the turn stays stored, retryable; a partial answer is kept as incomplete."""
        await asyncio.shield(self.answer(turn, partial, complete=False))


# Work still running after the request that started it has gone, referenced until done.
_background: set[asyncio.Future[Any]] = set()


def keep_running(task: asyncio.Future[Any]) -> None:
    _background.add(task)
    task.add_done_callback(_background.discard)
