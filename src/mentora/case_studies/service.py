from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from mentora.case_studies.models import CaseStudy
from mentora.case_studies.repository import ACTIVE_CASE_STUDIES, EVERY_CASE_STUDY, CaseStudyRepository
from mentora.case_studies.schemas import CaseStudyCreate, CaseStudyOut, CaseStudyStaffOut, CaseStudyUpdate
from mentora.contract import ConflictError, NotFoundError


def case_study_out(case_study: object) -> CaseStudyOut:
    """From a ``CaseStudy``, or a row of its columns."""
    return CaseStudyOut.model_validate(case_study, from_attributes=True)


def case_study_staff_out(case_study: object) -> CaseStudyStaffOut:
    return CaseStudyStaffOut.model_validate(case_study, from_attributes=True)


class CaseStudyService:
    def __init__(self, session: AsyncSession, tenant_id: str) -> None:
        self.session = session
        self.case_studies = CaseStudyRepository(session, tenant_id)

    async def list(self, *, skip: int, limit: int, only_active: bool) -> tuple[Sequence[object], int]:
        """A page of case studies, as rows of their columns (for showing, not changing)."""
        listing = ACTIVE_CASE_STUDIES if only_active else EVERY_CASE_STUDY
        return await self.case_studies.read_page(listing, skip=skip, limit=limit)

    async def get(self, case_study_id: str, *, only_active: bool = False) -> CaseStudy:
        case_study = await self.case_studies.get(case_study_id)
        if case_study is None or (only_active and not case_study.is_active):
            raise NotFoundError("Case study not found")
        return case_study

    async def create(self, data: CaseStudyCreate) -> CaseStudy:
        return await self.case_studies.add(CaseStudy(**data.model_dump()))

    async def update(self, case_study_id: str, data: CaseStudyUpdate) -> CaseStudy:
        case_study = await self.get(case_study_id)
        for field, value in data.model_dump(exclude_unset=True).items():
            if value is not None or field in ("first_message", "time_limit_minutes", "llm_model"):
                setattr(case_study, field, value)
        await self.session.flush()
        return case_study

    async def delete(self, case_study_id: str) -> None:
        case_study = await self.get(case_study_id)
        used = await self.case_studies.sessions_using(case_study.id)
        if used:
            raise ConflictError(
                "The case study has tutoring sessions; deactivate it instead",
                details={"case_study_id": f"has {used} sessions"},
            )
        await self.case_studies.delete(case_study)
