from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import String, column, func, select, table
from sqlalchemy.ext.asyncio import AsyncSession

from mentora.case_studies.models import CaseStudy
from mentora.case_studies.schemas import CaseStudyCreate, CaseStudyOut, CaseStudyStaffOut, CaseStudyUpdate
from mentora.contract import ConflictError, NotFoundError
from mentora.platform.db.repository import TenantScopedRepository

# Sessions sit above case studies; this is the one column read of them.
_SESSIONS = table("tutoring_sessions", column("case_study_id", String))


class CaseStudyRepository(TenantScopedRepository[CaseStudy]):
    model = CaseStudy


def case_study_out(case_study: CaseStudy) -> CaseStudyOut:
    return CaseStudyOut.model_validate(case_study, from_attributes=True)


def case_study_staff_out(case_study: CaseStudy) -> CaseStudyStaffOut:
    return CaseStudyStaffOut.model_validate(case_study, from_attributes=True)


class CaseStudyService:
    def __init__(self, session: AsyncSession, tenant_id: str) -> None:
        self.session = session
        self.case_studies = CaseStudyRepository(session, tenant_id)

    async def list(self, *, skip: int, limit: int, only_active: bool) -> tuple[Sequence[CaseStudy], int]:
        statement = self.case_studies.base_statement().order_by(CaseStudy.title, CaseStudy.id)
        if only_active:
            statement = statement.where(CaseStudy.is_active.is_(True))
        return await self.case_studies.page(statement, skip=skip, limit=limit)

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
        used = (
            await self.session.execute(select(func.count()).where(_SESSIONS.c.case_study_id == case_study.id))
        ).scalar_one()
        if used:
            raise ConflictError(
                "The case study has tutoring sessions; deactivate it instead",
                details={"case_study_id": f"has {used} sessions"},
            )
        await self.case_studies.delete(case_study)
