from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query

from mentora.contract import ErrorCode, error_responses
from mentora.grades.schemas import GradeEnvelope, GradeListEnvelope, LmsStatusValue
from mentora.grades.service import GradeReader, grade_out, publish_now
from mentora.platform.db import ReadSessionDep
from mentora.platform.pagination import Page
from mentora.platform.security.permissions import Action, Module, permission
from mentora.platform.security.principal import Principal, RequirePermission
from mentora.platform.services import ServicesDep

router = APIRouter(prefix="/v1/grades", tags=["grades"])
console_router = APIRouter(prefix="/v1/console/grades", tags=["console-grades"])

GradeViewer = Annotated[Principal, Depends(RequirePermission(permission(Module.GRADES, Action.VIEW)))]
LmsPublisher = Annotated[Principal, Depends(RequirePermission(permission(Module.LMS, Action.CREATE)))]


@router.get("")
async def list_grades(
    caller: GradeViewer,
    session: ReadSessionDep,
    page: Page,
    user_id: Annotated[str | None, Query(max_length=36)] = None,
    case_study_id: Annotated[str | None, Query(max_length=36)] = None,
    lms_status: Annotated[LmsStatusValue | None, Query(description="e.g. pending: not yet in the LMS")] = None,
) -> GradeListEnvelope:
    """Your grades (staff who grade: the tenant's, by user, case study and LMS status), newest first."""
    grades, total = await GradeReader(session, caller).list(
        skip=page.skip, limit=page.limit, user_id=user_id, case_study_id=case_study_id, lms_status=lms_status
    )
    return GradeListEnvelope.page_of([grade_out(g) for g in grades], total=total, skip=page.skip, limit=page.limit)


@router.get("/session/{session_id}", responses=error_responses(ErrorCode.NOT_FOUND))
async def get_session_grade(session_id: str, caller: GradeViewer, session: ReadSessionDep) -> GradeEnvelope:
    """The grade of one session (NOT_FOUND until grading has finished)."""
    return GradeEnvelope(data=grade_out(await GradeReader(session, caller).for_session(session_id)))


@console_router.post(
    "/{grade_id}/publish",
    responses=error_responses(
        ErrorCode.NOT_FOUND, ErrorCode.CONFLICT, ErrorCode.EXTERNAL_SERVICE_ERROR, ErrorCode.DATABASE_ERROR
    ),
)
async def publish_grade_now(grade_id: str, caller: LmsPublisher, services: ServicesDep) -> GradeEnvelope:
    """Publish a grade to the LMS now; an LMS failure answers EXTERNAL_SERVICE_ERROR at once."""
    grade = await publish_now(services, caller, grade_id)
    return GradeEnvelope(data=grade_out(grade), message="Grade published")
