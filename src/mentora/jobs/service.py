"""The job console: a tenant's background jobs (grading, LMS publishing), and retrying dead ones."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from mentora.contract import ConflictError, NotFoundError
from mentora.jobs.repository import JobRepository
from mentora.jobs.schemas import JobAttemptOut, JobDetailOut, JobOut, JobStatusValue
from mentora.platform.jobs import Job, JobStatus
from mentora.platform.jobs.queue import retry_job


def job_out(job: Job) -> JobOut:
    return JobOut.model_validate(job, from_attributes=True)


class JobConsole:
    def __init__(self, session: AsyncSession, tenant_id: str) -> None:
        self.session = session
        self.jobs = JobRepository(session, tenant_id)

    async def list(
        self, *, skip: int, limit: int, status: JobStatusValue | None, kind: str | None
    ) -> tuple[Sequence[Job], int]:
        return await self.jobs.page(self.jobs.listing(status=status, kind=kind), skip=skip, limit=limit)

    async def get(self, job_id: str) -> Job:
        job = await self.jobs.get(job_id)
        if job is None:
            raise NotFoundError("Job not found")
        return job

    async def retry(self, job_id: str) -> Job:
        """Queue a dead job again now, with a fresh budget of attempts."""
        job = await self.get(job_id)
        if job.status != JobStatus.DEAD:
            raise ConflictError("Only a dead job can be retried", details={"job_id": f"is {job.status}"})
        await retry_job(self.session, job)
        await self.session.flush()
        return job

    async def detail(self, job: Job) -> JobDetailOut:
        attempts = await self.jobs.attempts_of(job)
        return JobDetailOut.model_validate(
            {
                **job_out(job).model_dump(),
                "history": [JobAttemptOut.model_validate(a, from_attributes=True) for a in attempts],
            }
        )
