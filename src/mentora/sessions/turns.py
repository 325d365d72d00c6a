"""A student's turn and the tutor's answer, with nothing lost on the way.

The student's turn is committed before the AI is called, so an AI failure loses
nothing; the answer is stored in a later transaction. Turns that arrive together share
those transactions (``GroupCommit``, below), each still checked on its own. A failed turn is
retried by sending the same text again: the same turn is answered, not a second copy
stored. An answer cut off mid-stream is stored as ``incomplete``, never as a full one.
"""

from __future__ import annotations

import asyncio
import logging
import weakref
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any, ClassVar, Generic, TypeVar

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.types import Scope

from mentora.case_studies.models import CaseStudy
from mentora.contract import ConflictError, MentoraError, NotFoundError
from mentora.integrations.ai import ChatMessage, Tutor, fit_to_budget, tutor_for
from mentora.integrations.ai.offline import OfflineTutor
from mentora.platform.db import Database
from mentora.platform.db.types import new_id, utcnow
from mentora.platform.ratelimit import PolicyName
from mentora.platform.ratelimit.policies import daily_quota_policy
from mentora.platform.security.principal import Principal
from mentora.platform.services import Services
from mentora.platform.tenant_settings import AIConfig
from mentora.sessions.models import (
    EndReason,
    MessageRole,
    MessageStatus,
    SessionMessage,
    SessionStatus,
    TutoringSession,
)
from mentora.sessions.repository import MessageLine, MessageRepository, TurnContext, TurnRecords
from mentora.sessions.schemas import MessageOut
from mentora.sessions.service import TranscriptLine, close_session, counted_turns, message_out

logger = logging.getLogger("mentora.sessions")
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


def build_context(case_study: CaseStudy, transcript: Sequence[TranscriptLine], budget: int) -> list[ChatMessage]:
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
        batches = TurnBatches.of(self.services)
        stored = asyncio.ensure_future(batches.begin.submit(TurnRequest(self.caller, session_id, content)))
        try:
            begun = await asyncio.shield(stored)
        except asyncio.CancelledError:
            # The request went away while its turn was being stored: once stored, settle it
            # as failed, or it would refuse the student's resend as still being answered.
            stored.add_done_callback(lambda done: self._settle_abandoned(done))
            raise
        # Committed: whatever happens from here (even a tutor that cannot be set up), the turn is kept.
        try:
            tutor = tutor_for(
                begun.ai_config,
                tenant_id=begun.turn.tenant_id,
                outbound=self.services.ai,
                secrets=self.services.secrets,
                model_override=begun.model,
                guiding_questions=begun.questions,
            )
        except Exception:
            await self.fail(begun.turn)
            raise
        return replace(begun.turn, tutor=tutor)

    def _settle_abandoned(self, stored: asyncio.Future[Begun]) -> None:
        if not stored.cancelled() and stored.exception() is None:
            keep_running(asyncio.ensure_future(self.fail(stored.result().turn)))

    async def answer(self, turn: Turn, text: str, *, complete: bool = True) -> tuple[MessageOut, MessageOut | None]:
        """Store the tutor's answer (or what arrived of it) and settle the student's turn."""
        try:
            return await TurnBatches.of(self.services).answer.submit(Answer(turn, text, complete))
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


# --- Turns written together -------------------------------------------------------------
#
# When a class starts an exercise, many students send a turn at once. Each turn's writes
# (the student's message before the AI is called, the answer after) were a transaction of
# its own; on SQLite a process's write transactions take turns on one connection, each
# holding it for several round trips to the database thread, so the hundredth student
# waited for ninety-nine transactions before the AI was even asked. Turns that arrive
# while a transaction is being written now share the next one: a handful of statements
# for the whole batch (the sessions, their transcripts, case studies and tenants read in
# one query each, the messages written in one flush), one commit. Each turn's own checks
# (its session, a turn still being answered, a retry) are made for it alone, and one
# refused turn (CONFLICT, NOT_FOUND) is not stored while the others are. If a batch fails
# as a whole, its turns are written again one transaction each, so one bad turn fails alone.

ItemT = TypeVar("ItemT")
ResultT = TypeVar("ResultT")
BatchWork = Callable[[AsyncSession, Sequence[ItemT]], Awaitable[list["ResultT | MentoraError"]]]
# Bounds one transaction's length; more waiting turns go in the next.
MAX_BATCH = 100


class GroupCommit(Generic[ItemT, ResultT]):
    """Items submitted while a transaction is being written are written together in the next."""

    def __init__(self, database: Database, work: BatchWork[ItemT, ResultT]) -> None:
        # Weak: batches are looked up by their database (``TurnBatches.of``), which must
        # not be kept alive by them.
        self._database = weakref.ref(database)
        self._work = work
        self._waiting: list[tuple[ItemT, asyncio.Future[ResultT]]] = []
        self._writer: asyncio.Task[None] | None = None

    async def submit(self, item: ItemT) -> ResultT:
        """The item's result once its transaction has committed (or its own error)."""
        future: asyncio.Future[ResultT] = asyncio.get_running_loop().create_future()
        self._waiting.append((item, future))
        if self._writer is None:
            self._writer = asyncio.create_task(self._write_all())
        return await future

    async def _write_all(self) -> None:
        try:
            while self._waiting:
                batch, self._waiting = self._waiting[:MAX_BATCH], self._waiting[MAX_BATCH:]
                try:
                    await self._write(batch)
                except BaseException as exc:  # cancelled with the loop: nobody waits forever
                    for _, future in [*batch, *self._waiting]:
                        _settle(future, exc)
                    self._waiting = []
                    raise
        finally:
            self._writer = None

    async def _write(self, batch: list[tuple[ItemT, asyncio.Future[ResultT]]]) -> None:
        committed = False
        database = self._database()
        assert database is not None, "a database in use is alive"
        try:
            async with database.transaction() as session:
                results = await self._work(session, [item for item, _ in batch])
                # Committed here, so the turns go on while the connection is handed back.
                await session.commit()
                committed = True
                for (_, future), result in zip(batch, results, strict=True):
                    _settle(future, result)
        except Exception as exc:
            if committed:  # only handing the connection back failed: the turns are stored
                logger.warning("after a batch of turns was committed", exc_info=exc)
                return
            if len(batch) == 1:
                _settle(batch[0][1], exc)
                return
            for one in batch:  # which one failed is not known: each alone, so it fails alone
                await self._write([one])


def _settle(future: asyncio.Future[Any], result: object) -> None:
    if future.done():
        return
    if isinstance(result, BaseException):
        future.set_exception(result)
        future.exception()  # a caller that went away need not read it: no "never retrieved" log
    else:
        future.set_result(result)


@dataclass(frozen=True)
class TurnRequest:
    caller: Principal
    session_id: str
    content: str


@dataclass(frozen=True)
class Begun:
    """A stored turn, and what its tutor is made of (made outside the transaction)."""

    turn: Turn
    ai_config: AIConfig
    model: str | None
    questions: list[str]


@dataclass(frozen=True)
class Answer:
    turn: Turn
    text: str
    complete: bool


class TurnBatches:
    """A process's batched turn writes, one set per database."""

    _per_database: ClassVar[weakref.WeakKeyDictionary[Database, TurnBatches]] = weakref.WeakKeyDictionary()

    def __init__(self, services: Services) -> None:
        self._settings = services.settings
        self.begin: GroupCommit[TurnRequest, Begun] = GroupCommit(services.database, self._begin_all)
        self.answer: GroupCommit[Answer, tuple[MessageOut, MessageOut | None]] = GroupCommit(
            services.database, self._answer_all
        )

    @classmethod
    def of(cls, services: Services) -> TurnBatches:
        batches = cls._per_database.get(services.database)
        if batches is None:
            batches = cls._per_database[services.database] = cls(services)
        return batches

    async def _begin_all(self, session: AsyncSession, requests: Sequence[TurnRequest]) -> list[Begun | MentoraError]:
        contexts = await TurnRecords(session).turn_contexts({r.session_id for r in requests})
        results: list[Begun | MentoraError] = []
        for request in requests:
            try:
                context = contexts.get(request.session_id)
                if context is None or (context.session.tenant_id, context.session.user_id) != (
                    request.caller.tenant_id,
                    request.caller.user_id,
                ):
                    raise NotFoundError("Session not found")
                await self._end_if_due(session, context.session)
                results.append(await self._begin_one(session, request, context))
            except MentoraError as exc:
                results.append(exc)
        await session.flush()
        return results

    async def _end_if_due(self, session: AsyncSession, tutoring: TutoringSession) -> None:
        """The time limit ends a session, noticed whenever it is touched (``SessionService.expire_if_due``)."""
        if tutoring.status == SessionStatus.ACTIVE and tutoring.expires_at <= utcnow():
            max_attempts = self._settings.job_max_attempts
            await close_session(session, tutoring, reason=EndReason.TIME_LIMIT, max_attempts=max_attempts)

    async def _begin_one(self, session: AsyncSession, request: TurnRequest, context: TurnContext) -> Begun:
        tutoring, transcript, case_study = context.session, context.transcript, context.case_study
        if tutoring.status != SessionStatus.ACTIVE:
            raise ConflictError("The session has ended", details={"session_id": f"ended ({tutoring.end_reason})"})
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
            and last_student.content == request.content
        )
        attempt = utcnow()
        student: MessageLine | SessionMessage
        if retry:
            assert last_student is not None
            student = replace(MessageLine.of(last_student), status=MessageStatus.PENDING, attempt_started_at=attempt)
            await MessageRepository(session, tutoring.tenant_id).retry(student.id, attempt)
            transcript[transcript.index(last_student)] = student  # seen so by a later turn in this batch
        else:
            student = SessionMessage(
                id=new_id(),
                tenant_id=tutoring.tenant_id,
                session_id=tutoring.id,
                sequence=(transcript[-1].sequence + 1) if transcript else 1,
                role=MessageRole.STUDENT,
                content=request.content,
                status=MessageStatus.PENDING,
                attempt_started_at=attempt,
            )
            session.add(student)
            # Kept in the batch's transcript: a second turn of the same session in this
            # batch sees this one as being answered.
            transcript.append(student)
        chat = build_context(case_study, transcript, self._settings.ai_context_tokens)
        turn = Turn(tutoring.tenant_id, tutoring.id, student.id, retry, OfflineTutor(), chat, attempt)
        return Begun(turn, AIConfig.of(context.tenant.ai_config), case_study.llm_model, list(case_study.instructions))

    async def _answer_all(
        self, session: AsyncSession, answers: Sequence[Answer]
    ) -> list[tuple[MessageOut, MessageOut | None] | MentoraError]:
        records = TurnRecords(session)
        session_ids = {a.turn.session_id for a in answers}
        # Turns of one session take turns (``SessionRepository.lock``): two answers never
        # take the same place.
        await records.lock(session_ids)
        last = await records.last_sequences(session_ids)
        students = await records.messages({a.turn.student_message_id for a in answers})
        stored: list[tuple[SessionMessage, SessionMessage | None]] = []
        for answer in answers:
            turn, reply = answer.turn, None
            student = students[turn.student_message_id]
            assert student.tenant_id == turn.tenant_id, "a turn's message is its tenant's"
            if answer.text:
                last[turn.session_id] += 1
                reply = SessionMessage(
                    id=new_id(),
                    tenant_id=turn.tenant_id,
                    session_id=turn.session_id,
                    sequence=last[turn.session_id],
                    role=MessageRole.TUTOR,
                    content=answer.text,
                    status=MessageStatus.COMPLETE if answer.complete else MessageStatus.INCOMPLETE,
                    reply_to=turn.student_message_id,
                    created_at=utcnow(),
                )
                session.add(reply)
            student.status = MessageStatus.ANSWERED if answer.complete and answer.text else MessageStatus.FAILED
            stored.append((student, reply))
        await session.flush()
        return [(message_out(student), message_out(reply) if reply else None) for student, reply in stored]
