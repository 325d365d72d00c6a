from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query
from pydantic import BaseModel
from sqlalchemy import select

from mentora.contract import ConflictError, ErrorCode, ListEnvelope, NotFoundError, SuccessEnvelope, error_responses
from mentora.platform.db import SessionDep
from mentora.platform.db.repository import TenantScopedRepository
from mentora.platform.jobs import Job, JobAttempt
from mentora.platform.jobs.queue import retry_job
from mentora.platform.pagination import Page
from mentora.platform.security.permissions import Action, Module, permission
from mentora.platform.security.principal import Principal, RequirePermission

router = APIRouter(prefix="/v1/console/jobs", tags=["console-jobs"])

JobViewer = Annotated[Principal, Depends(RequirePermission(permission(Module.LMS, Action.VIEW)))]
JobRetrier = Annotated[Principal, Depends(RequirePermission(permission(Module.LMS, Action.EDIT)))]
JobStatus = Literal["queued", "running", "succeeded", "dead"]


class JobAttemptOut(BaseModel):
    number: int
    worker: str
    started_at: datetime
    finished_at: datetime | None
    outcome: Literal["running", "succeeded", "failed", "abandoned"]
    error: str | None


class JobOut(BaseModel):
    id: str
    kind: str
    payload: dict[str, Any]
    status: JobStatus
    attempts: int
    max_attempts: int
    run_at: datetime
    last_error: str | None
    created_at: datetime
    finished_at: datetime | None


class JobDetailOut(JobOut):
    history: list[JobAttemptOut]


JobListEnvelope = ListEnvelope[JobOut]
JobDetailEnvelope = SuccessEnvelope[JobDetailOut]


class JobRepository(TenantScopedRepository[Job]):
    model = Job


async def _detail(session: SessionDep, job: Job) -> JobDetailOut:
    attempts = (
        await session.execute(select(JobAttempt).where(JobAttempt.job_id == job.id).order_by(JobAttempt.number))
    ).scalars()
    return JobDetailOut.model_validate(
        {
            **JobOut.model_validate(job, from_attributes=True).model_dump(),
            "history": [JobAttemptOut.model_validate(a, from_attributes=True) for a in attempts],
        }
    )


async def _get(session: SessionDep, caller: Principal, job_id: str) -> Job:
    job = await JobRepository(session, caller.tenant_id).get(job_id)
    if job is None:
        raise NotFoundError("Job not found")
    return job


@router.get("")
async def list_jobs(
    caller: JobViewer,
    session: SessionDep,
    page: Page,
    status: Annotated[JobStatus | None, Query()] = None,
    kind: Annotated[str | None, Query(max_length=50)] = None,
) -> JobListEnvelope:
    """The tenant's background jobs (grading, LMS publishing), newest first."""
    jobs = JobRepository(session, caller.tenant_id)
    statement = jobs.base_statement().order_by(Job.created_at.desc(), Job.id)
    if status is not None:
        statement = statement.where(Job.status == status)
    if kind is not None:
        statement = statement.where(Job.kind == kind)
    rows, total = await jobs.page(statement, skip=page.skip, limit=page.limit)
    return JobListEnvelope.page_of(
        [JobOut.model_validate(j, from_attributes=True) for j in rows], total=total, skip=page.skip, limit=page.limit
    )


@router.get("/{job_id}", responses=error_responses(ErrorCode.NOT_FOUND))
async def get_job(job_id: str, caller: JobViewer, session: SessionDep) -> JobDetailEnvelope:
    """One job with every attempt it took."""
    return JobDetailEnvelope(data=await _detail(session, await _get(session, caller, job_id)))


@router.post("/{job_id}/retry", responses=error_responses(ErrorCode.NOT_FOUND, ErrorCode.CONFLICT))
async def retry_dead_job(job_id: str, caller: JobRetrier, session: SessionDep) -> JobDetailEnvelope:
    """Queue a dead job again now, with a fresh budget of attempts."""
    job = await _get(session, caller, job_id)
    if job.status != "dead":
        raise ConflictError("Only a dead job can be retried", details={"job_id": f"is {job.status}"})
    await retry_job(session, job)
    await session.flush()
    return JobDetailEnvelope(data=await _detail(session, job), message="Job queued")
