from __future__ import annotations

from sqlalchemy import String, column, func, select, table

from mentora.case_studies.models import CaseStudy
from mentora.platform.db.repository import Listing, TenantScopedRepository, of_the_tenant, rows_of

# Sessions sit above case studies; this is the one column read of them.
_SESSIONS = table("tutoring_sessions", column("case_study_id", String))


_case_studies = CaseStudy.__table__.c
_EVERY = rows_of(CaseStudy).where(of_the_tenant(CaseStudy)).order_by(_case_studies.title, _case_studies.id)
EVERY_CASE_STUDY = Listing.of(_EVERY)
ACTIVE_CASE_STUDIES = Listing.of(_EVERY.where(_case_studies.is_active.is_(True)))


class CaseStudyRepository(TenantScopedRepository[CaseStudy]):
    model = CaseStudy

    async def sessions_using(self, case_study_id: str) -> int:
        statement = select(func.count()).where(_SESSIONS.c.case_study_id == case_study_id)
        return (await self.session.execute(statement)).scalar_one()
