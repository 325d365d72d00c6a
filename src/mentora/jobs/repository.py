from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Select, select

from mentora.platform.db.repository import TenantScopedRepository
from mentora.platform.jobs import Job, JobAttempt


class JobRepository(TenantScopedRepository[Job]):
    model = Job

    def listing(self, *, status: str | None, kind: str | None) -> Select[Job]:
        """Newest first."""
        statement = self.base_statement().order_by(Job.created_at.desc(), Job.id)
        if status is not None:
            statement = statement.where(Job.status == status)
        if kind is not None:
            statement = statement.where(Job.kind == kind)
        return statement

    async def attempts_of(self, job: Job) -> Sequence[JobAttempt]:
        statement = select(JobAttempt).where(JobAttempt.job_id == job.id).order_by(JobAttempt.number)
        return (await self.session.execute(statement)).scalars().all()
