from __future__ import annotations

from sqlalchemy import Select, String, column, func, select, table

from mentora.case_studies.models import CaseStudy
from mentora.platform.db.repository import TenantScopedRepository

# Sessions sit above case studies; this is the one column read of them.
_SESSIONS = table("tutoring_sessions", column("case_study_id", String))


class CaseStudyRepository(TenantScopedRepository[CaseStudy]):
    model = CaseStudy

    def listing(self, *, only_active: bool) -> Select[CaseStudy]:
        statement = self.base_statement().order_by(CaseStudy.title, CaseStudy.id)
        return statement.where(CaseStudy.is_active.is_(True)) if only_active else statement

    async def sessions_using(self, case_study_id: str) -> int:
        statement = select(func.count()).where(_SESSIONS.c.case_study_id == case_study_id)
        return (await self.session.execute(statement)).scalar_one()
