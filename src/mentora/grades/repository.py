from __future__ import annotations

from sqlalchemy import Select

from mentora.grades.models import Grade
from mentora.platform.db.repository import TenantScopedRepository


class GradeRepository(TenantScopedRepository[Grade]):
    model = Grade

    def matching(
        self,
        *,
        visible_to: str | None = None,
        user_id: str | None = None,
        case_study_id: str | None = None,
        lms_status: str | None = None,
    ) -> Select[Grade]:
        """``visible_to``: only that user's grades (a student's view), whatever else is asked."""
        statement = self.base_statement()
        for column, value in (
            (Grade.user_id, visible_to),
            (Grade.user_id, user_id),
            (Grade.case_study_id, case_study_id),
            (Grade.lms_status, lms_status),
        ):
            if value is not None:
                statement = statement.where(column == value)
        return statement

    async def find(
        self, *, grade_id: str | None = None, session_id: str | None = None, visible_to: str | None = None
    ) -> Grade | None:
        statement = self.matching(visible_to=visible_to)
        if grade_id is not None:
            statement = statement.where(Grade.id == grade_id)
        if session_id is not None:
            statement = statement.where(Grade.session_id == session_id)
        return (await self.session.execute(statement)).scalar_one_or_none()
