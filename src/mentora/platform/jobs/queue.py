from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import random
import socket
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING, Any

from sqlalchemy import and_, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from mentora.config import Settings
from mentora.contract import MentoraError
from mentora.platform.db import Database
from mentora.platform.db.types import utcnow
from mentora.platform.jobs.models import AttemptOutcome, Job, JobAttempt, JobStatus

if TYPE_CHECKING:
    from mentora.platform.services import Services

logger = logging.getLogger("mentora.jobs")
WORKER_STOPPED = "the worker stopped before finishing"


@dataclass(frozen=True)
class JobContext:
    """What a handler gets: the job's tenant and data, and the process's services."""

    job_id: str
    tenant_id: str
    kind: str
    payload: Mapping[str, Any]
    attempt: int
    services: Services


JobHandler = Callable[[JobContext], Awaitable[None]]
Periodic = Callable[[], Awaitable[None]]


async def enqueue(
    session: AsyncSession,
    *,
    tenant_id: str,
    kind: str,
    dedupe_key: str,
    payload: Mapping[str, Any],
    max_attempts: int,
) -> bool:
    """Queue a job in the caller's transaction; False when the same job is already queued."""
    existing = await session.execute(
        select(Job.id).where(Job.tenant_id == tenant_id, Job.kind == kind, Job.dedupe_key == dedupe_key)
    )
    if existing.first() is not None:
        return False
    try:
        async with session.begin_nested():
            session.add(
                Job(
                    tenant_id=tenant_id,
                    kind=kind,
                    dedupe_key=dedupe_key,
                    payload=dict(payload),
                    max_attempts=max_attempts,
                )
            )
    except IntegrityError:  # queued concurrently by someone else: that one will do
        return False
    return True


def describe(exc: BaseException) -> str:
    """What the console may show about a failure: our own messages, never upstream text."""
    if isinstance(exc, MentoraError):
        return f"{exc.code.value}: {exc.message} {exc.details or ''}".strip()[:500]
    return type(exc).__name__


class JobRunner:
    def __init__(
        self,
        database: Database,
        settings: Settings,
        handlers: Mapping[str, JobHandler],
        *,
        services: Services,
        periodic: Sequence[Periodic] = (),
        periodic_seconds: float = 15.0,
    ) -> None:
        self.database = database
        self.settings = settings
        self.handlers = dict(handlers)
        self.services = services
        self.periodic = list(periodic)
        self.periodic_seconds = periodic_seconds
        self.worker = f"{socket.gethostname()}:{os.getpid()}"

    async def run_forever(self, stop: asyncio.Event) -> None:
        next_periodic = 0.0
        loop = asyncio.get_running_loop()
        while not stop.is_set():
            try:
                if loop.time() >= next_periodic:
                    for task in self.periodic:
                        await task()
                    next_periodic = loop.time() + self.periodic_seconds
                while not stop.is_set() and await self.run_once():
                    pass
            except Exception:  # a broken database must not end the worker: log, wait, go on
                logger.exception("job worker loop failed; retrying")
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), timeout=self.settings.job_poll_seconds)

    async def run_once(self) -> bool:
        """Claim and run one job; False when there was nothing to do."""
        claimed = await self._claim()
        if claimed is None:
            return False
        context, attempt_id = claimed
        handler = self.handlers.get(context.kind)
        heartbeat = asyncio.create_task(self._keep_lease(context))
        try:
            if handler is None:
                raise LookupError(f"no handler for job kind {context.kind!r}")
            await handler(context)
        except Exception as exc:
            logger.warning(
                "job %s (%s) attempt %d failed: %s", context.job_id, context.kind, context.attempt, describe(exc)
            )
            await self._finish(context, attempt_id, error=exc)
        else:
            await self._finish(context, attempt_id, error=None)
        finally:
            heartbeat.cancel()
        return True

    async def _keep_lease(self, context: JobContext) -> None:
        """Extend the lease while the handler runs, so a slow job is not taken for a dead one."""
        lease = self.settings.job_lease_seconds
        while True:
            await asyncio.sleep(lease / 3)
            async with self.database.transaction() as session:
                await session.execute(
                    update(Job)
                    .where(Job.id == context.job_id, Job.attempts == context.attempt, Job.status == JobStatus.RUNNING)
                    .values(locked_until=utcnow() + timedelta(seconds=lease))
                )

    async def _claim(self) -> tuple[JobContext, str] | None:
        now = utcnow()
        due = or_(
            and_(Job.status == JobStatus.QUEUED, Job.run_at <= now),
            and_(Job.status == JobStatus.RUNNING, Job.locked_until < now),  # its worker died
        )
        statement = select(Job).where(due).order_by(Job.run_at).limit(1)
        async with self.database.transaction() as session:
            if self.database.engine.dialect.name == "postgresql":
                statement = statement.with_for_update(skip_locked=True)
            job = (await session.execute(statement)).scalar_one_or_none()
            if job is None:
                return None
            if job.status == JobStatus.RUNNING:
                await session.execute(
                    update(JobAttempt)
                    .where(JobAttempt.job_id == job.id, JobAttempt.outcome == AttemptOutcome.RUNNING)
                    .values(
                        outcome=AttemptOutcome.ABANDONED, finished_at=now, error="the worker stopped before finishing"
                    )
                )
                if job.attempts >= job.max_attempts:  # it keeps killing its workers: stop here
                    job.status, job.finished_at, job.locked_until = JobStatus.DEAD, now, None
                    job.last_error = WORKER_STOPPED
                    return None
            job.status = JobStatus.RUNNING
            job.attempts += 1
            job.locked_until = now + timedelta(seconds=self.settings.job_lease_seconds)
            attempt = JobAttempt(job_id=job.id, number=job.attempts, worker=self.worker)
            session.add(attempt)
            await session.flush()
            context = JobContext(
                job_id=job.id,
                tenant_id=job.tenant_id,
                kind=job.kind,
                payload=dict(job.payload),
                attempt=job.attempts,
                services=self.services,
            )
            return context, attempt.id

    async def _finish(self, context: JobContext, attempt_id: str, *, error: BaseException | None) -> None:
        now = utcnow()
        async with self.database.transaction() as session:
            job = await session.get(Job, context.job_id)
            attempt = await session.get(JobAttempt, attempt_id)
            if job is None or attempt is None:
                return
            if job.attempts != context.attempt or job.status != JobStatus.RUNNING:
                # Another worker took the job over meanwhile (our lease ran out): its run decides.
                attempt.finished_at, attempt.outcome = now, AttemptOutcome.ABANDONED
                attempt.error = "finished after the job was taken over"
                return
            attempt.finished_at = now
            job.locked_until = None
            if error is None:
                attempt.outcome = AttemptOutcome.SUCCEEDED
                job.status, job.finished_at, job.last_error = JobStatus.SUCCEEDED, now, None
                return
            attempt.outcome, attempt.error = AttemptOutcome.FAILED, describe(error)
            job.last_error = describe(error)
            if job.attempts >= job.max_attempts:
                job.status, job.finished_at = JobStatus.DEAD, now
                logger.error("job %s (%s) dead after %d attempts", job.id, job.kind, job.attempts)
            else:
                delay = min(
                    self.settings.job_backoff_seconds * 2 ** (job.attempts - 1), self.settings.job_backoff_max_seconds
                )
                job.status = JobStatus.QUEUED
                job.run_at = now + timedelta(seconds=delay * random.uniform(0.8, 1.2))


async def retry_job(session: AsyncSession, job: Job) -> None:
    """Queue a dead (or any finished) job again, now, with a fresh budget of attempts."""
    job.status, job.run_at, job.finished_at = JobStatus.QUEUED, utcnow(), None
    job.max_attempts = job.attempts + max(1, job.max_attempts)
