from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from mentora.contract import ErrorCode, error_responses
from mentora.jobs.schemas import JobDetailEnvelope, JobListEnvelope, JobStatusValue
from mentora.jobs.service import JobConsole, job_out
from mentora.platform.db import ReadSessionDep, SessionDep
from mentora.platform.pagination import Page
from mentora.platform.security.permissions import Action, Module, permission
from mentora.platform.security.principal import Principal, RequirePermission

router = APIRouter(prefix="/v1/console/jobs", tags=["console-jobs"])

JobViewer = Annotated[Principal, Depends(RequirePermission(permission(Module.LMS, Action.VIEW)))]
JobRetrier = Annotated[Principal, Depends(RequirePermission(permission(Module.LMS, Action.EDIT)))]


@router.get("")
async def list_jobs(
    caller: JobViewer,
    session: ReadSessionDep,
    page: Page,
    status: Annotated[JobStatusValue | None, Query()] = None,
    kind: Annotated[str | None, Query(max_length=50)] = None,
) -> JobListEnvelope:
    """The tenant's background jobs (grading, LMS publishing), newest first."""
    jobs, total = await JobConsole(session, caller.tenant_id).list(
        skip=page.skip, limit=page.limit, status=status, kind=kind
    )
    return JobListEnvelope.page_of([job_out(j) for j in jobs], total=total, skip=page.skip, limit=page.limit)


@router.get("/{job_id}", responses=error_responses(ErrorCode.NOT_FOUND))
async def get_job(job_id: str, caller: JobViewer, session: ReadSessionDep) -> JobDetailEnvelope:
    """One job with every attempt it took."""
    console = JobConsole(session, caller.tenant_id)
    return JobDetailEnvelope(data=await console.detail(await console.get(job_id)))


@router.post("/{job_id}/retry", responses=error_responses(ErrorCode.NOT_FOUND, ErrorCode.CONFLICT))
async def retry_dead_job(job_id: str, caller: JobRetrier, session: SessionDep) -> JobDetailEnvelope:
    """Queue a dead job again now, with a fresh budget of attempts."""
    console = JobConsole(session, caller.tenant_id)
    return JobDetailEnvelope(data=await console.detail(await console.retry(job_id)), message="Job queued")
