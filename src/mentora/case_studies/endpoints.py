from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends

from mentora.case_studies.schemas import (
    CaseStudyCreate,
    CaseStudyEnvelope,
    CaseStudyListEnvelope,
    CaseStudyStaffEnvelope,
    CaseStudyStaffListEnvelope,
    CaseStudyUpdate,
)
from mentora.case_studies.service import CaseStudyService, case_study_out, case_study_staff_out
from mentora.contract import EmptyEnvelope, ErrorCode, error_responses, id_links
from mentora.platform.db import ReadSessionDep, SessionDep
from mentora.platform.pagination import Page
from mentora.platform.security.permissions import Action, Module, permission
from mentora.platform.security.principal import Principal, RequirePermission

router = APIRouter(prefix="/v1/case-studies", tags=["case-studies"])
console_router = APIRouter(prefix="/v1/console/case-studies", tags=["console-case-studies"])

CaseStudyReader = Annotated[Principal, Depends(RequirePermission(permission(Module.CASE_STUDIES, Action.VIEW)))]
CaseStudyCreator = Annotated[Principal, Depends(RequirePermission(permission(Module.CASE_STUDIES, Action.CREATE)))]
CaseStudyEditor = Annotated[Principal, Depends(RequirePermission(permission(Module.CASE_STUDIES, Action.EDIT)))]
CaseStudyDeleter = Annotated[Principal, Depends(RequirePermission(permission(Module.CASE_STUDIES, Action.DELETE)))]
NOT_FOUND = error_responses(ErrorCode.NOT_FOUND)
CREATED_LINKS = id_links(
    dict.fromkeys(
        (
            "get_case_study",
            "update_case_study",
            "delete_case_study",
            "get_active_case_study",
        ),
        "case_study_id",
    ),
    body_fields={"initialize_session": "content_id"},
)


@router.get("")
async def list_active_case_studies(
    caller: CaseStudyReader, session: ReadSessionDep, page: Page
) -> CaseStudyListEnvelope:
    """The tenant's active case studies."""
    items, total = await CaseStudyService(session, caller.tenant_id).list(
        skip=page.skip, limit=page.limit, only_active=True
    )
    return CaseStudyListEnvelope.page_of(
        [case_study_out(c) for c in items], total=total, skip=page.skip, limit=page.limit
    )


@router.get("/{case_study_id}", responses=NOT_FOUND)
async def get_active_case_study(
    case_study_id: str, caller: CaseStudyReader, session: ReadSessionDep
) -> CaseStudyEnvelope:
    """One active case study."""
    case_study = await CaseStudyService(session, caller.tenant_id).get(case_study_id, only_active=True)
    return CaseStudyEnvelope(data=case_study_out(case_study))


@console_router.get("")
async def list_case_studies(caller: CaseStudyEditor, session: ReadSessionDep, page: Page) -> CaseStudyStaffListEnvelope:
    """Every case study of the tenant, inactive ones too, with their prompts."""
    items, total = await CaseStudyService(session, caller.tenant_id).list(
        skip=page.skip, limit=page.limit, only_active=False
    )
    return CaseStudyStaffListEnvelope.page_of(
        [case_study_staff_out(c) for c in items], total=total, skip=page.skip, limit=page.limit
    )


@console_router.post("", status_code=201, responses={**error_responses(ErrorCode.CONFLICT), **CREATED_LINKS})
async def create_case_study(
    data: CaseStudyCreate, caller: CaseStudyCreator, session: SessionDep
) -> CaseStudyStaffEnvelope:
    """Add a case study."""
    case_study = await CaseStudyService(session, caller.tenant_id).create(data)
    return CaseStudyStaffEnvelope(data=case_study_staff_out(case_study), message="Case study created")


@console_router.get("/{case_study_id}", responses=NOT_FOUND)
async def get_case_study(
    case_study_id: str, caller: CaseStudyEditor, session: ReadSessionDep
) -> CaseStudyStaffEnvelope:
    """One case study, with its prompt."""
    case_study = await CaseStudyService(session, caller.tenant_id).get(case_study_id)
    return CaseStudyStaffEnvelope(data=case_study_staff_out(case_study))


@console_router.patch("/{case_study_id}", responses=error_responses(ErrorCode.NOT_FOUND, ErrorCode.CONFLICT))
async def update_case_study(
    case_study_id: str, data: CaseStudyUpdate, caller: CaseStudyEditor, session: SessionDep
) -> CaseStudyStaffEnvelope:
    """Change a case study; sessions already running keep the time limit they started with."""
    case_study = await CaseStudyService(session, caller.tenant_id).update(case_study_id, data)
    return CaseStudyStaffEnvelope(data=case_study_staff_out(case_study), message="Case study updated")


@console_router.delete("/{case_study_id}", responses=error_responses(ErrorCode.NOT_FOUND, ErrorCode.CONFLICT))
async def delete_case_study(case_study_id: str, caller: CaseStudyDeleter, session: SessionDep) -> EmptyEnvelope:
    """Delete a case study that no session used (deactivate it otherwise)."""
    await CaseStudyService(session, caller.tenant_id).delete(case_study_id)
    return EmptyEnvelope(data=None, message="Case study deleted")
