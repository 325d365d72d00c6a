"""A student's turn and the tutor's answer, with nothing lost on the way.

The student's turn is committed before the AI is called, in a transaction of its own,
so an AI failure loses nothing; the answer is stored in another. A failed turn is
retried by sending the same text again: the same turn is answered, not a second copy
stored. An answer cut off mid-stream is stored as ``incomplete``, never as a full one.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncSession

from mentora.case_studies.models import CaseStudy
from mentora.contract import ConflictError
from mentora.integrations.ai import ChatMessage, Tutor, fit_to_budget, tutor_for
from mentora.integrations.ai.offline import OfflineTutor
from mentora.platform.db.types import utcnow
from mentora.platform.security.principal import Principal
from mentora.platform.services import Services
from mentora.sessions.models import SessionMessage, TutoringSession
from mentora.sessions.schemas import MessageOut
from mentora.sessions.service import SessionService, message_out

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
    for message in transcript:
        if message.role == "student":
            messages.append(ChatMessage("user", message.content))
        elif message.status == "complete":  # a cut-off answer is not context
            messages.append(ChatMessage("assistant", message.content))
    return fit_to_budget(messages, budget)


class TurnService:
    def __init__(self, services: Services, caller: Principal) -> None:
        self.services = services
        self.caller = caller

    async def begin(self, session_id: str, content: str) -> Turn:
        """Store the student's turn (or pick up the failed one it retries), committed."""
        async with self.services.database.transaction() as session:
            sessions = SessionService(session, self.caller, max_attempts=self.services.settings.job_max_attempts)
            tutoring = await sessions.get_own(session_id)
            await _lock(session, tutoring.id)
            if tutoring.status != "active":
                raise ConflictError("The session has ended", details={"session_id": f"ended ({tutoring.end_reason})"})
            transcript = list(
                (
                    await session.execute(
                        select(SessionMessage)
                        .where(SessionMessage.session_id == tutoring.id, SessionMessage.tenant_id == tutoring.tenant_id)
                        .order_by(SessionMessage.sequence)
                    )
                ).scalars()
            )
            last_student = next((m for m in reversed(transcript) if m.role == "student"), None)
            if (
                last_student is not None
                and last_student.status == "pending"
                and (last_student.attempt_started_at or last_student.created_at) > utcnow() - STALE_PENDING
            ):
                raise ConflictError(
                    "The tutor is still answering the previous turn",
                    details={"session_id": "a reply is still being written"},
                )
            retry = last_student is not None and last_student.status != "answered" and last_student.content == content
            if retry:
                assert last_student is not None
                student = last_student
                student.status = "pending"
                student.attempt_started_at = utcnow()
            else:
                student = SessionMessage(
                    tenant_id=tutoring.tenant_id,
                    session_id=tutoring.id,
                    sequence=(transcript[-1].sequence + 1) if transcript else 1,
                    role="student",
                    content=content,
                    status="pending",
                    attempt_started_at=utcnow(),
                )
                session.add(student)
                transcript.append(student)
            await session.flush()
            case_study = await session.get(CaseStudy, tutoring.case_study_id)
            assert case_study is not None
            tenant = await sessions.tenant()
            ai_config, model, questions = dict(tenant.ai_config), case_study.llm_model, list(case_study.instructions)
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
                    await session.execute(
                        update(SessionMessage)
                        .where(
                            SessionMessage.id == turn.student_message_id,
                            SessionMessage.status == "pending",
                            # This attempt only: a resend may have started a newer one meanwhile.
                            SessionMessage.attempt_started_at == turn.attempt_started_at,
                        )
                        .values(status="failed")
                    )
                return
            except SQLAlchemyError:
                delay = min(delay * 2, SETTLE_MAX_RETRY_SECONDS)

    async def _store_answer(self, turn: Turn, text: str, *, complete: bool) -> tuple[MessageOut, MessageOut | None]:
        async with self.services.database.transaction() as session:
            await _lock(session, turn.session_id)
            reply = None
            if text:
                last = (
                    await session.execute(
                        select(func.max(SessionMessage.sequence)).where(SessionMessage.session_id == turn.session_id)
                    )
                ).scalar_one()
                reply = SessionMessage(
                    tenant_id=turn.tenant_id,
                    session_id=turn.session_id,
                    sequence=(last or 0) + 1,
                    role="tutor",
                    content=text,
                    status="complete" if complete else "incomplete",
                    reply_to=turn.student_message_id,
                )
                session.add(reply)
            await session.execute(
                update(SessionMessage)
                .where(SessionMessage.id == turn.student_message_id)
                .values(status="answered" if complete and text else "failed")
            )
            await session.flush()
            student = await session.get(SessionMessage, turn.student_message_id)
            assert student is not None
            return message_out(student), message_out(reply) if reply is not None else None

    async def fail(self, turn: Turn, partial: str = "") -> None:
        """The answer failed: the turn stays stored, retryable; a partial answer is kept as incomplete."""
        await asyncio.shield(self.answer(turn, partial, complete=False))


# Work still running after the request that started it has gone, referenced until done.
_background: set[asyncio.Future[Any]] = set()


def keep_running(task: asyncio.Future[Any]) -> None:
    _background.add(task)
    task.add_done_callback(_background.discard)


async def _lock(session: AsyncSession, session_id: str) -> None:
    """Turns of one session take turns: two retries of the same failed turn cannot both
    call the tutor, nor two answers take the same place (PostgreSQL row lock; SQLite's
    immediate transactions already serialize)."""
    await session.execute(select(TutoringSession.id).where(TutoringSession.id == session_id).with_for_update())


class StreamPump:
    """Runs an answer stream in a task of its own, feeding a queue.

    The upstream call keeps one task for its whole life (its deadline and circuit are
    bound to it), while the HTTP response that relays it runs in another.
    """

    _END = object()

    def __init__(self, source: AsyncIterator[str]) -> None:
        self._queue: asyncio.Queue[object] = asyncio.Queue()
        self._task = asyncio.create_task(self._run(source))

    async def _run(self, source: AsyncIterator[str]) -> None:
        try:
            async for piece in source:
                await self._queue.put(piece)
            await self._queue.put(self._END)
        except Exception as exc:
            await self._queue.put(exc)

    async def next(self) -> str | None:
        """The next piece of text; None at the end; the upstream's error if it failed."""
        item = await self._queue.get()
        if item is self._END:
            return None
        if isinstance(item, Exception):
            raise item
        assert isinstance(item, str)
        return item

    def cancel(self) -> None:
        self._task.cancel()
