"""Grading ended sessions and publishing grades: the work of two durable jobs."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.ext.asyncio import AsyncSession

from mentora.case_studies.repository import CaseStudyRepository
from mentora.contract import ConflictError, NotFoundError
from mentora.grades.grading import final_score, grade_offline, grade_with_ai
from mentora.grades.models import Grade, LmsStatus
from mentora.grades.repository import GradeRepository
from mentora.grades.schemas import GradeOut, LmsStatusValue, RubricScores
from mentora.integrations.ai import tutor_for
from mentora.integrations.lms import GradeToPublish, LmsNotConfiguredError, publisher_for
from mentora.platform.db.types import utcnow
from mentora.platform.jobs import JobContext, enqueue
from mentora.platform.security.principal import Principal
from mentora.platform.services import Services
from mentora.platform.tenant_settings import AIConfig, LMSConfig
from mentora.sessions.models import MessageRole
from mentora.sessions.repository import MessageRepository, SessionRepository
from mentora.sessions.service import READS_ALL, counted_turns
from mentora.tenants.repository import TenantRepository
from mentora.users.models import User
from mentora.users.schemas import UserSettings

PUBLISH_GRADE = "publish_grade"


def grade_out(grade: Grade) -> GradeOut:
    return GradeOut.model_validate(grade, from_attributes=True)


class GradeReader:
    """Students read their own grades; staff who grade read the tenant's."""

    def __init__(self, session: AsyncSession, caller: Principal) -> None:
        self.caller = caller
        self.grades = GradeRepository(session, caller.tenant_id)

    def _visible_to(self) -> str | None:
        return None if self.caller.can(READS_ALL) else self.caller.user_id

    async def list(
        self,
        *,
        skip: int,
        limit: int,
        user_id: str | None,
        case_study_id: str | None,
        lms_status: LmsStatusValue | None,
    ) -> tuple[Sequence[Grade], int]:
        statement = self.grades.matching(
            visible_to=self._visible_to(), user_id=user_id, case_study_id=case_study_id, lms_status=lms_status
        )
        return await self.grades.page(statement.order_by(Grade.graded_at.desc(), Grade.id), skip=skip, limit=limit)

    async def for_session(self, session_id: str) -> Grade:
        grade = await self.grades.find(session_id=session_id, visible_to=self._visible_to())
        if grade is None:
            raise NotFoundError("No grade for this session (yet)")
        return grade

    async def get(self, grade_id: str) -> Grade:
        grade = await self.grades.find(grade_id=grade_id, visible_to=self._visible_to())
        if grade is None:
            raise NotFoundError("Grade not found")
        return grade


async def grade_session_job(context: JobContext) -> None:
    """Grade an ended session once; store the grade and queue its publication together."""
    services = context.services
    session_id = str(context.payload["session_id"])
    async with services.database.reading() as session:
        tutoring = await SessionRepository(session, context.tenant_id).get(session_id)
        existing = await GradeRepository(session, context.tenant_id).find(session_id=session_id)
        if tutoring is None or existing is not None:
            return  # deleted meanwhile, or graded by an earlier run: nothing to do
        case_study = await CaseStudyRepository(session, context.tenant_id).get(tutoring.case_study_id)
        tenant = await TenantRepository(session).find_by_id(context.tenant_id)
        assert case_study is not None
        assert tenant is not None
        transcript = await MessageRepository(session, context.tenant_id).transcript(session_id)
        lines = [
            ("Student" if m.role == MessageRole.STUDENT else "Tutor", m.content) for m in counted_turns(transcript)
        ]
        ai_config, title = AIConfig.of(tenant.ai_config), case_study.title
        user_id, case_study_id = tutoring.user_id, tutoring.case_study_id
        lms_type = tenant.lms_type
    # The AI is called with no transaction open.
    if ai_config.is_configured:
        tutor = tutor_for(ai_config, tenant_id=context.tenant_id, outbound=services.ai, secrets=services.secrets)
        scores = await grade_with_ai(tutor, title, lines)
        grader = ai_config.model or "ai"
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
            session_id=session_id,
            user_id=user_id,
            case_study_id=case_study_id,
            critical_thinking=scores.critical_thinking,
            comprehension=scores.comprehension,
            communication=scores.communication,
            final_score=final_score(scores),
            summary=scores.summary,
            grader=grader,
            lms_status=LmsStatus.PENDING if publish else LmsStatus.NOT_CONFIGURED,
        )
        await GradeRepository(session, tenant_id).add(grade)
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
        grade = await GradeRepository(session, tenant_id).get(grade_id)
        if grade is None:
            raise NotFoundError("Grade not found")
        tenant = await TenantRepository(session).find_by_id(tenant_id)
        user = await session.get(User, grade.user_id)
        assert tenant is not None
        assert user is not None
        to_publish = GradeToPublish(
            grade_id=grade.id,
            tenant_id=tenant_id,
            lms_user_id=UserSettings.of(user.settings).lms_user_id or user.id,
            case_study_id=grade.case_study_id,
            score=grade.final_score,
            comment=grade.summary,
            graded_at=grade.graded_at,
        )
        lms_type, lms_config = tenant.lms_type, LMSConfig.of(tenant.lms_config)
    publisher = publisher_for(
        lms_type,
        lms_config,
        tenant_id=tenant_id,
        outbound=services.lms,
        secrets=services.secrets,
    )
    await publisher.publish(to_publish)
    async with database.transaction() as session:
        stored = await GradeRepository(session, tenant_id).get(grade_id)
        assert stored is not None
        stored.lms_status, stored.published_at = LmsStatus.PUBLISHED, utcnow()
        return stored


async def publish_grade_job(context: JobContext) -> None:
    grade_id = str(context.payload["grade_id"])
    async with context.services.database.reading() as session:
        grade = await GradeRepository(session, context.tenant_id).get(grade_id)
        if grade is None or grade.lms_status == LmsStatus.PUBLISHED:
            return  # gone, or already published (by "publish now", or an earlier run)
    try:
        await publish_grade(context.services, context.tenant_id, grade_id)
    except LmsNotConfiguredError:
        async with context.services.database.transaction() as session:
            grade = await GradeRepository(session, context.tenant_id).get(grade_id)
            if grade is not None:
                grade.lms_status = LmsStatus.NOT_CONFIGURED


async def publish_now(services: Services, caller: Principal, grade_id: str) -> Grade:
    """The console's synchronous publish: an LMS failure is EXTERNAL_SERVICE_ERROR right away.

    It holds no transaction while the LMS answers (see ``publish_grade``)."""
    async with services.database.reading() as session:
        grade = await GradeReader(session, caller).get(grade_id)
    try:
        return await publish_grade(services, caller.tenant_id, grade.id)
    except LmsNotConfiguredError:
        raise ConflictError("No LMS is configured for this grade", details={"lms": "not configured"}) from None
