"""Grading ended sessions and publishing grades: the work of two durable jobs."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Select, select
from sqlalchemy.ext.asyncio import AsyncSession

from mentora.case_studies.models import CaseStudy
from mentora.contract import ConflictError, NotFoundError
from mentora.grades.grading import final_score, grade_offline, grade_with_ai
from mentora.grades.models import Grade
from mentora.grades.schemas import GradeOut, LmsStatus, RubricScores
from mentora.integrations.ai import tutor_for
from mentora.integrations.lms import GradeToPublish, LmsNotConfiguredError, publisher_for
from mentora.platform.db.repository import TenantScopedRepository
from mentora.platform.db.types import utcnow
from mentora.platform.jobs import JobContext, enqueue
from mentora.platform.security.principal import Principal
from mentora.platform.services import Services
from mentora.sessions.models import SessionMessage, TutoringSession
from mentora.sessions.service import READS_ALL
from mentora.tenants.models import Tenant
from mentora.users.models import User

PUBLISH_GRADE = "publish_grade"


class GradeRepository(TenantScopedRepository[Grade]):
    model = Grade


def grade_out(grade: Grade) -> GradeOut:
    return GradeOut.model_validate(grade, from_attributes=True)


class GradeReader:
    """Students read their own grades; staff who grade read the tenant's."""

    def __init__(self, session: AsyncSession, caller: Principal) -> None:
        self.caller = caller
        self.grades = GradeRepository(session, caller.tenant_id)
        self.session = session

    def _visible(self) -> Select[Grade]:
        statement = self.grades.base_statement()
        if not self.caller.can(READS_ALL):
            statement = statement.where(Grade.user_id == self.caller.user_id)
        return statement

    async def list(
        self,
        *,
        skip: int,
        limit: int,
        user_id: str | None,
        case_study_id: str | None,
        lms_status: LmsStatus | None,
    ) -> tuple[Sequence[Grade], int]:
        statement = self._visible().order_by(Grade.graded_at.desc(), Grade.id)
        if user_id is not None:
            statement = statement.where(Grade.user_id == user_id)
        if case_study_id is not None:
            statement = statement.where(Grade.case_study_id == case_study_id)
        if lms_status is not None:
            statement = statement.where(Grade.lms_status == lms_status)
        return await self.grades.page(statement, skip=skip, limit=limit)

    async def for_session(self, session_id: str) -> Grade:
        grade = (await self.session.execute(self._visible().where(Grade.session_id == session_id))).scalar_one_or_none()
        if grade is None:
            raise NotFoundError("No grade for this session (yet)")
        return grade

    async def get(self, grade_id: str) -> Grade:
        grade = (await self.session.execute(self._visible().where(Grade.id == grade_id))).scalar_one_or_none()
        if grade is None:
            raise NotFoundError("Grade not found")
        return grade


async def grade_session_job(context: JobContext) -> None:
    """Grade an ended session once; store the grade and queue its publication together."""
    services = context.services
    session_id = str(context.payload["session_id"])
    async with services.database.reading() as session:
        tutoring = (
            await session.execute(
                select(TutoringSession).where(
                    TutoringSession.id == session_id, TutoringSession.tenant_id == context.tenant_id
                )
            )
        ).scalar_one_or_none()
        existing = (await session.execute(select(Grade.id).where(Grade.session_id == session_id))).first()
        if tutoring is None or existing is not None:
            return  # deleted meanwhile, or graded by an earlier run: nothing to do
        case_study = await session.get(CaseStudy, tutoring.case_study_id)
        tenant = await session.get(Tenant, context.tenant_id)
        assert case_study is not None
        assert tenant is not None
        messages = (
            (
                await session.execute(
                    select(SessionMessage)
                    .where(SessionMessage.session_id == session_id)
                    .order_by(SessionMessage.sequence)
                )
            )
            .scalars()
            .all()
        )
        lines = [
            ("Student" if m.role == "student" else "Tutor", m.content)
            for m in messages
            if m.role == "student" or m.status == "complete"
        ]
        ai_config, title = dict(tenant.ai_config), case_study.title
        user_id, case_study_id = tutoring.user_id, tutoring.case_study_id
        lms_type = tenant.lms_type
    # The AI is called with no transaction open.
    if ai_config.get("base_url"):
        tutor = tutor_for(ai_config, tenant_id=context.tenant_id, outbound=services.ai, secrets=services.secrets)
        scores = await grade_with_ai(tutor, title, lines)
        grader = str(ai_config.get("model") or "ai")
    else:
        scores = grade_offline([text for speaker, text in lines if speaker == "Student"])
        grader = "offline"
    await store_grade(
        services, context.tenant_id, session_id, user_id, case_study_id, scores, grader, publish=bool(lms_type)
    )


async def store_grade(
    services: Services,
    tenant_id: str,
    session_id: str,
    user_id: str,
    case_study_id: str,
    scores: RubricScores,
    grader: str,
    *,
    publish: bool,
) -> None:
    database = services.database
    settings = services.settings
    async with database.transaction() as session:
        grade = Grade(
            tenant_id=tenant_id,
            session_id=session_id,
            user_id=user_id,
            case_study_id=case_study_id,
            critical_thinking=scores.critical_thinking,
            comprehension=scores.comprehension,
            communication=scores.communication,
            final_score=final_score(scores),
            summary=scores.summary,
            grader=grader,
            lms_status="pending" if publish else "not_configured",
        )
        session.add(grade)
        await session.flush()
        if publish:
            await enqueue(
                session,
                tenant_id=tenant_id,
                kind=PUBLISH_GRADE,
                dedupe_key=grade.id,
                payload={"grade_id": grade.id},
                max_attempts=settings.job_max_attempts,
            )


async def publish_grade(services: Services, tenant_id: str, grade_id: str) -> Grade:
    """Send a grade to the tenant's LMS and record it; LmsNotConfiguredError when there is none."""
    database = services.database
    async with database.reading() as session:
        grade = (
            await session.execute(select(Grade).where(Grade.id == grade_id, Grade.tenant_id == tenant_id))
        ).scalar_one_or_none()
        if grade is None:
            raise NotFoundError("Grade not found")
        tenant = await session.get(Tenant, tenant_id)
        user = await session.get(User, grade.user_id)
        assert tenant is not None
        assert user is not None
        to_publish = GradeToPublish(
            grade_id=grade.id,
            tenant_id=tenant_id,
            lms_user_id=str((user.settings or {}).get("lms_user_id") or user.id),
            case_study_id=grade.case_study_id,
            score=grade.final_score,
            comment=grade.summary,
            graded_at=grade.graded_at,
        )
        lms_type, lms_config = tenant.lms_type, dict(tenant.lms_config)
    publisher = publisher_for(
        lms_type,
        lms_config,
        tenant_id=tenant_id,
        outbound=services.lms,
        secrets=services.secrets,
    )
    await publisher.publish(to_publish)
    async with database.transaction() as session:
        stored = await session.get(Grade, grade_id)
        assert stored is not None
        stored.lms_status, stored.published_at = "published", utcnow()
        return stored


async def publish_grade_job(context: JobContext) -> None:
    async with context.services.database.reading() as session:
        grade = await session.get(Grade, str(context.payload["grade_id"]))
        if grade is None or grade.lms_status == "published":
            return  # gone, or already published (by "publish now", or an earlier run)
    try:
        await publish_grade(context.services, context.tenant_id, str(context.payload["grade_id"]))
    except LmsNotConfiguredError:
        async with context.services.database.transaction() as session:
            grade = await session.get(Grade, str(context.payload["grade_id"]))
            if grade is not None:
                grade.lms_status = "not_configured"


async def publish_now(services: Services, caller: Principal, grade_id: str) -> Grade:
    """The console's synchronous publish: an LMS failure is EXTERNAL_SERVICE_ERROR right away.

    It holds no transaction while the LMS answers (see ``publish_grade``)."""
    async with services.database.reading() as session:
        grade = await GradeReader(session, caller).get(grade_id)
    try:
        return await publish_grade(services, caller.tenant_id, grade.id)
    except LmsNotConfiguredError:
        raise ConflictError("No LMS is configured for this grade", details={"lms": "not configured"}) from None
