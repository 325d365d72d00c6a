"""First-run data and the operator's CLI actions: the demo tenant, superusers, tenants, users."""

from __future__ import annotations

import secrets
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

from sqlalchemy.ext.asyncio import AsyncSession

from mentora.case_studies.models import CaseStudy
from mentora.case_studies.schemas import CaseStudyCreate
from mentora.case_studies.service import CaseStudyService
from mentora.config import Settings
from mentora.contract import ExternalServiceError, ValidationFailedError
from mentora.grades.grading import final_score
from mentora.grades.models import Grade, LmsStatus
from mentora.grades.schemas import RubricScores
from mentora.grades.service import PUBLISH_GRADE
from mentora.platform.db import Database
from mentora.platform.db.types import new_id, utcnow
from mentora.platform.jobs import AttemptOutcome, Job, JobAttempt, JobStatus
from mentora.platform.jobs.queue import describe
from mentora.platform.secrets import SecretBox
from mentora.platform.security.passwords import PasswordService
from mentora.platform.security.permissions import SystemRole
from mentora.platform.tenant_settings import TenantSettings
from mentora.roles.service import RoleService
from mentora.sessions.models import (
    EndReason,
    MessageRole,
    MessageStatus,
    SessionMessage,
    SessionStatus,
    TutoringSession,
)
from mentora.sessions.service import GRADE_SESSION
from mentora.sign_ins.models import RevocationReason
from mentora.sign_ins.repository import SignInRepository
from mentora.tenants.models import Tenant
from mentora.tenants.repository import TenantRepository
from mentora.tenants.schemas import InstitutionUpdate, LMSConfigIn, TenantCreate
from mentora.tenants.service import PLATFORM_SLUG, TenantService
from mentora.users.models import User
from mentora.users.service import UserService, check_role_fits_tenant

DEMO_SLUG = "demo"
SAMPLE_CASE_STUDY = CaseStudyCreate(
    title="The Late Shipment",
    slug="late-shipment",
    description=(
        "A small furniture maker has promised a hotel 40 custom tables by the end of the month. "
        "Two weeks before the deadline, their wood supplier announces a three-week delay. "
        "You advise the owner."
    ),
    instructions=[
        "Describe the problem and who is affected by it.",
        "List the options the owner has, including ones that look unattractive at first.",
        "Weigh the options against cost, the hotel relationship, and the workshop's reputation.",
        "Recommend a course of action and say how you would tell the hotel.",
    ],
    system_prompt=(
        "You are a patient business-studies tutor. Ask one guiding question at a time, never "
        "give the full answer, and push the student to justify each claim with facts from the case."
    ),
    first_message="Welcome! Read the case, then tell me: what is the real problem here?",
    time_limit_minutes=45,
)
SCREENING_CASE_STUDY = CaseStudyCreate(
    title="The Screening Algorithm",
    slug="screening-algorithm",
    description=(
        "Northfield's housing office uses a scoring model to decide which applications for emergency "
        "housing are reviewed first. A local journalist finds that applicants from the Eastgate district "
        "wait on average eleven days longer than everyone else, although the model never sees an "
        "applicant's address. The head of the office asks you, as a data-ethics adviser, what went wrong "
        "and what to do before the council meets next week.\n\n"
        "Learning objectives: explain how a model can discriminate through proxy variables; compare "
        "fairness criteria and their trade-offs; propose proportionate remedies, including human review."
    ),
    instructions=[
        "Explain how the model can disadvantage Eastgate applicants without seeing their address.",
        "Name the stakeholders and what each of them stands to lose.",
        "Compare at least two definitions of fairness and what each would demand here.",
        "Recommend what the office should do now, and what it should monitor afterwards.",
    ],
    system_prompt=(
        "You are a Socratic tutor for an undergraduate data-ethics course. Ask one question at a time. "
        "When the student calls something 'biased', ask for the mechanism. Never give the recommendation."
    ),
    first_message=(
        "Hello! Before we talk about fixes: how could a model that never sees an address still treat "
        "Eastgate applicants differently?"
    ),
    time_limit_minutes=40,
)
DROUGHT_CASE_STUDY = CaseStudyCreate(
    title="Water for Three Towns",
    slug="reservoir-drought",
    description=(
        "After a second dry winter, the Alder Valley reservoir holds 38% of its capacity. Three towns, a "
        "farming cooperative that irrigates 4,000 hectares of orchards, and a protected wetland downstream "
        "all depend on it. The regional water board must cut withdrawals by a quarter for the summer, and "
        "you prepare its options paper.\n\n"
        "Learning objectives: apply scarcity, opportunity cost and externalities to a shared resource; "
        "evaluate allocation mechanisms (proportional cuts, pricing, tradable permits); weigh efficiency "
        "against equity and ecological limits."
    ),
    instructions=[
        "Summarise who depends on the reservoir and what a cut would cost each of them.",
        "Describe at least three ways to allocate the reduced supply.",
        "Evaluate each option for efficiency, fairness and the wetland's minimum flow.",
        "Recommend one option and say how the board should justify it to the public.",
    ],
    system_prompt=(
        "You are a tutor for an introductory environmental economics course. Ask one question at a time, "
        "make the student use the numbers in the case, and never give the recommendation yourself."
    ),
    first_message=(
        "Welcome. Let's start with the stakeholders: who takes water from the reservoir, and who would "
        "feel a 25% cut most?"
    ),
    time_limit_minutes=45,
)
DEMO_STUDENT = "student@demo.example.com"
DEMO_USERS = (
    ("admin@demo.example.com", "Demo Admin", SystemRole.ADMIN),
    ("faculty@demo.example.com", "Demo Faculty", SystemRole.FACULTY),
    (DEMO_STUDENT, "Demo Student", SystemRole.STUDENT),
)
DEMO_OPERATOR = ("operator@demo.example.com", "Demo Operator")
# The demo's Canvas lost its API token: the grades published before show as published, a
# publication since died on the token, and new ones find no LMS connection. Nothing is
# ever sent to this host (no publisher is built without a token).
DEMO_CANVAS_URL = "https://canvas.demo.example.com"
DEMO_CANVAS_ASSIGNMENTS = {
    "late-shipment": "4021/118",
    "screening-algorithm": "4021/121",
    "reservoir-drought": "4033/207",
}

LmsOutcome = Literal["published", "publication_failed", "not_configured"]
# A failed publication leaves its grade pending: a retry of the dead job may still publish it.
GRADE_LMS_STATUS: dict[LmsOutcome, LmsStatus] = {
    "published": LmsStatus.PUBLISHED,
    "publication_failed": LmsStatus.PENDING,
    "not_configured": LmsStatus.NOT_CONFIGURED,
}


@dataclass(frozen=True)
class SampleGrade:
    critical_thinking: int
    comprehension: int
    communication: int
    summary: str
    lms: LmsOutcome


@dataclass(frozen=True)
class SampleSession:
    case_study_slug: str
    days_ago: int
    minutes: int
    turns: tuple[str, ...]  # the student's first, then the tutor and the student in turn
    grade: SampleGrade
    end_reason: EndReason = EndReason.STUDENT


@dataclass(frozen=True)
class SampleStudent:
    email: str
    name: str
    sessions: tuple[SampleSession, ...]


SAMPLE_STUDENTS = (
    SampleStudent(
        "amara.okafor@demo.example.com",
        "Amara Okafor",
        (
            SampleSession(
                "late-shipment",
                days_ago=13,
                minutes=32,
                turns=(
                    "The real problem isn't the supplier's delay itself: the workshop promised its biggest "
                    "customer a fixed date with no buffer. If nothing changes, 40 tables arrive a week late.",
                    "Good: you separated the trigger from the exposure. Who else, besides the hotel, is "
                    "affected if the tables arrive late?",
                    "The hotel's reopening schedule, the workshop's staff who may face overtime, and the "
                    "owner's reputation with other hotels. Also the supplier relationship, if they want to keep it.",
                    "What options does the owner have? Include at least one that looks unattractive at first.",
                    "Buy wood from a second supplier at a higher price, deliver in two batches, offer a "
                    "different wood, or negotiate a new date with a discount. The second supplier costs maybe "
                    "15% more, but losing the hotel would cost far more.",
                    "You weighed cost against the relationship. How would you tell the hotel, and when?",
                    "Now, not in two weeks. I'd call the manager, explain the delay, offer 25 tables on time "
                    "from the second supplier and the rest a week later, and confirm it in writing.",
                    "A well-argued recommendation. One last check: what would make you change it?",
                ),
                grade=SampleGrade(
                    critical_thinking=88,
                    comprehension=85,
                    communication=90,
                    summary="Clear separation of the supplier's delay from the workshop's real exposure, and a "
                    "well-costed comparison of the options. The recommendation of a partial delivery with "
                    "early, written communication is specific and justified. To improve: quantify the penalty "
                    "risk rather than estimating it.",
                    lms="published",
                ),
            ),
            SampleSession(
                "screening-algorithm",
                days_ago=5,
                minutes=28,
                turns=(
                    "The model doesn't see addresses, but it uses how long someone has held their job and "
                    "which GP practice they are registered with. Both correlate with living in Eastgate, so "
                    "they act as proxies.",
                    "That's the mechanism. Who stands to lose here, and what exactly do they lose?",
                    "Eastgate applicants lose time, which can mean nights without shelter. The office loses "
                    "public trust, caseworkers lose confidence in the tool, and the council is exposed under "
                    "equality law.",
                    "Now compare two definitions of fairness. What would each demand of this model?",
                    "Demographic parity would demand equal average waiting times across districts. Equal "
                    "error rates would demand that urgent cases are missed equally often everywhere. The goal "
                    "is finding urgent cases, so equal error rates matter more here.",
                    "A strong argument. What would you recommend for next week, and what would you monitor?",
                    "Have caseworkers review Eastgate applications instead of relying on the ranking, audit "
                    "the features for proxies, and publish monthly waiting times and miss rates by district.",
                    "Well reasoned. Think about how you would explain that review to applicants elsewhere.",
                ),
                grade=SampleGrade(
                    critical_thinking=92,
                    comprehension=88,
                    communication=86,
                    summary="Identifies proxy variables as the mechanism precisely, with concrete examples. Compares "
                    "demographic parity with equal error rates and justifies the choice for this purpose. The "
                    "recommendations are proportionate and include monitoring; the cost of manual review "
                    "could be addressed.",
                    lms="not_configured",
                ),
            ),
        ),
    ),
    SampleStudent(
        "lukas.weber@demo.example.com",
        "Lukas Weber",
        (
            SampleSession(
                "reservoir-drought",
                days_ago=4,
                minutes=45,
                end_reason=EndReason.TIME_LIMIT,
                turns=(
                    "The towns, the farmers and the wetland. The farmers would feel it most because they "
                    "use the most water.",
                    "Can you use the numbers in the case? How large is the cooperative's use?",
                    "It irrigates 4,000 hectares of orchards, so probably more than half. The towns need "
                    "drinking water, so they can't be cut much.",
                    "Good point about drinking water. What are three ways the board could allocate the reduced supply?",
                    "Cut everyone by 25%. Or raise prices so people use less. Or let the farmers sell water "
                    "to the towns.",
                    "Those are the three main families: proportional cuts, pricing and tradable permits. "
                    "How does each of them treat the wetland?",
                    "I'm not sure. Maybe the wetland just gets what is left over.",
                    "That's worth examining: what happens if the wetland's minimum flow is treated as a "
                    "leftover? We are out of time; let's start there next session.",
                ),
                grade=SampleGrade(
                    critical_thinking=62,
                    comprehension=70,
                    communication=58,
                    summary="Identifies the main stakeholders and the three standard allocation mechanisms, mostly "
                    "without using the figures in the case. The wetland's minimum flow was treated as a "
                    "residual rather than a constraint, and no recommendation was reached before time ran "
                    "out. Next time, anchor each claim in the case's numbers.",
                    lms="not_configured",
                ),
            ),
        ),
    ),
    SampleStudent(
        "priya.raman@demo.example.com",
        "Priya Raman",
        (
            SampleSession(
                "screening-algorithm",
                days_ago=11,
                minutes=35,
                turns=(
                    "Even without addresses, the model can learn where people live from other data, for "
                    "example the school their children attend.",
                    "Yes, a proxy. How would you check whether that is really what happens here?",
                    "Compare the scores of Eastgate applicants with others in similar circumstances, and "
                    "look at which features drive the difference.",
                    "Good. Which definitions of fairness could the office adopt, and do they conflict?",
                    "Equal treatment, so the same inputs give the same score, and equal outcomes between "
                    "districts. They conflict when the inputs themselves are unequal.",
                    "What would you recommend the office do before the council meeting?",
                    "Remove the school feature, retrain the model, and check the waiting times again.",
                    "Removing one feature is a start. What if other proxies remain?",
                ),
                grade=SampleGrade(
                    critical_thinking=74,
                    comprehension=80,
                    communication=77,
                    summary="Recognises proxy discrimination and proposes a sound way to test for it. The discussion "
                    "of fairness definitions is accurate but stays general. The recommendation relies on "
                    "removing a single feature; consider human review and monitoring for remaining proxies.",
                    lms="published",
                ),
            ),
            SampleSession(
                "reservoir-drought",
                days_ago=3,
                minutes=38,
                turns=(
                    "The cooperative draws most of the water, the towns much of the rest, and the wetland "
                    "needs a minimum flow to survive. The cut can't fall equally, because drinking water is "
                    "a basic need.",
                    "You're using the case's structure well. Which allocation options should the board weigh?",
                    "Proportional cuts are simple but ignore what each use is worth. Higher prices make "
                    "low-value uses drop out first. Tradable permits let the least profitable orchards sell "
                    "their share to others or to the towns.",
                    "Which of these protects the wetland, and how?",
                    "None of them by itself. The board should fix the wetland's minimum flow first and "
                    "allocate only what is left; otherwise it is an externality nobody pays for.",
                    "Excellent. So what do you recommend, and how would you justify it to the public?",
                    "Reserve the wetland's flow and essential town use, then run a one-season permit market "
                    "for the rest, with a hardship fund for small farms paid from permit revenue.",
                    "Clear and well structured. How would you check at the end of the summer that it worked?",
                ),
                grade=SampleGrade(
                    critical_thinking=81,
                    comprehension=76,
                    communication=84,
                    summary="Frames the cut with the case's figures and treats the wetland's minimum flow correctly "
                    "as a constraint rather than a leftover. The comparison of allocation mechanisms is "
                    "clear, and the recommendation addresses equity with a hardship fund. It could say more "
                    "about how the permit market would be monitored.",
                    lms="not_configured",
                ),
            ),
        ),
    ),
    SampleStudent(
        "mateo.garcia@demo.example.com",
        "Mateo García",
        (
            SampleSession(
                "late-shipment",
                days_ago=7,
                minutes=18,
                turns=(
                    "The problem is that the supplier is late.",
                    "That's the trigger. But what is the problem for the workshop and for the hotel?",
                    "They won't get the tables in time and the hotel will be angry.",
                    "What could the owner do about it?",
                    "Find another supplier.",
                    "That's one option. What would it cost, and what else could the owner consider?",
                ),
                grade=SampleGrade(
                    critical_thinking=48,
                    comprehension=60,
                    communication=55,
                    summary="Identifies the supplier's delay and one option, but does not analyse who is affected or "
                    "compare alternatives. Answers are brief and rarely supported by facts from the case. "
                    "Next time, list several options and weigh each against cost and the customer relationship.",
                    lms="publication_failed",
                ),
            ),
        ),
    ),
)
# The demo student's own: one graded session, and none active, so starting one works.
DEMO_STUDENT_SESSIONS = (
    SampleSession(
        "late-shipment",
        days_ago=2,
        minutes=26,
        turns=(
            "The workshop promised the hotel a date it can no longer meet, and the hotel is its biggest "
            "order this year.",
            "Good start. Who is affected, and how?",
            "The hotel, which needs the tables for its reopening, and the workshop, which could lose the "
            "customer and future work.",
            "What options does the owner have?",
            "Use another supplier even if it costs more, or ask the hotel for more time.",
            "How would you choose between them?",
            "I'd compare the extra cost of the wood with the value of keeping the hotel. Keeping the hotel "
            "is worth more, so I'd use the other supplier and tell the hotel what happened.",
            "Sensible. When would you tell the hotel, and what exactly would you say?",
        ),
        grade=SampleGrade(
            critical_thinking=70,
            comprehension=75,
            communication=68,
            summary="Frames the workshop's commitment as the core problem and names the main stakeholders. Two "
            "options are compared on cost against the customer relationship, leading to a reasonable "
            "recommendation. It would be stronger with figures from the case and a concrete plan for "
            "telling the hotel.",
            lms="not_configured",
        ),
    ),
)


@dataclass(frozen=True)
class DemoAccounts:
    tenant_slug: str
    password: str
    emails: tuple[str, ...]
    sample_students: tuple[str, ...] = ()
    operator: str | None = None  # in the platform tenant; None when that tenant was there before


async def _add_user(
    session: AsyncSession,
    passwords: PasswordService,
    tenant_id: str,
    email: str,
    name: str,
    password_hash: str,
    role: str,
) -> User:
    role_row = await RoleService(session, tenant_id).find(role)
    if role_row is None:
        raise ValidationFailedError.for_field("role", "unknown role")
    return await UserService(session, tenant_id, passwords).create(
        email=email, name=name, password_hash=password_hash, role=role_row
    )


async def _hashed(settings: Settings, password: str) -> tuple[PasswordService, str]:
    """Hash before a transaction opens: the embedded database's write lock is never held for it.
    One PasswordService per command: building one computes its dummy hash."""
    passwords = PasswordService(settings)
    return passwords, await passwords.hash(password)


@asynccontextmanager
async def _transaction(settings: Settings) -> AsyncIterator[AsyncSession]:
    """One transaction on an engine of its own, for a command run outside a server."""
    database = Database.from_settings(settings)
    try:
        async with database.transaction() as session:
            yield session
    finally:
        await database.dispose()


async def create_demo_if_fresh(settings: Settings) -> DemoAccounts | None:
    """On a database with no institution yet, create the demo tenant: its staff and students,
    case studies, graded sessions and LMS history, and a platform operator."""
    async with _transaction(settings) as session:
        if await TenantRepository(session).has_institutions():
            return None
    password = settings.demo_password or secrets.token_urlsafe(12)
    passwords, password_hash = await _hashed(settings, password)
    async with _transaction(settings) as session:
        if await TenantRepository(session).has_institutions():  # another process was first
            return None
        tenants = TenantService(session, SecretBox(settings))
        tenant = await tenants.create(TenantCreate(name="Demo University", slug=DEMO_SLUG))
        users = {
            email: await _add_user(session, passwords, tenant.id, email, name, password_hash, role)
            for email, name, role in DEMO_USERS
        }
        for sample in SAMPLE_STUDENTS:
            users[sample.email] = await _add_user(
                session, passwords, tenant.id, sample.email, sample.name, password_hash, SystemRole.STUDENT
            )
        case_studies = CaseStudyService(session, tenant.id)
        by_slug = {
            case.slug: await case_studies.create(case)
            for case in (SAMPLE_CASE_STUDY, SCREENING_CASE_STUDY, DROUGHT_CASE_STUDY)
        }
        assignments = {by_slug[slug].id: target for slug, target in DEMO_CANVAS_ASSIGNMENTS.items()}
        canvas = LMSConfigIn.model_validate({"base_url": DEMO_CANVAS_URL, "course_mapping": assignments})
        await tenants.update(tenant.id, InstitutionUpdate(lms_type="canvas", lms_config=canvas))
        histories = [
            (DEMO_STUDENT, DEMO_STUDENT_SESSIONS),
            *((sample.email, sample.sessions) for sample in SAMPLE_STUDENTS),
        ]
        for email, sessions in histories:
            for sample_session in sessions:
                case = by_slug[sample_session.case_study_slug]
                await _add_graded_session(session, settings, tenant.id, users[email], case, sample_session)
        operator = None
        # A deployment's own operators are never joined by an account whose password is printed.
        if await TenantRepository(session).find_by_slug(PLATFORM_SLUG) is None:
            platform = await tenants.ensure_platform_tenant()
            email, name = DEMO_OPERATOR
            operator = (
                await _add_user(session, passwords, platform.id, email, name, password_hash, SystemRole.SUPER_ADMIN)
            ).email
    return DemoAccounts(
        DEMO_SLUG,
        password,
        tuple(email for email, _, _ in DEMO_USERS),
        sample_students=tuple(sample.email for sample in SAMPLE_STUDENTS),
        operator=operator,
    )


async def _add_graded_session(
    session: AsyncSession, settings: Settings, tenant_id: str, student: User, case: CaseStudy, sample: SampleSession
) -> None:
    """An ended session with its transcript and grade, and the jobs that would have graded and published it."""
    started = utcnow() - timedelta(days=sample.days_ago, hours=3)
    expires = started + timedelta(minutes=case.time_limit_minutes or TenantSettings().session_minutes)
    ended = expires if sample.end_reason == EndReason.TIME_LIMIT else started + timedelta(minutes=sample.minutes)
    tutoring = TutoringSession(
        tenant_id=tenant_id,
        user_id=student.id,
        case_study_id=case.id,
        status=SessionStatus.ENDED,
        started_at=started,
        expires_at=expires,
        ended_at=ended,
        end_reason=sample.end_reason,
    )
    session.add(tutoring)
    await session.flush()
    step = (ended - started) / (len(sample.turns) + 1)
    reply_to: str | None = None
    for number, content in enumerate(sample.turns, 1):
        by_student = number % 2 == 1
        message = SessionMessage(
            id=new_id(),
            tenant_id=tenant_id,
            session_id=tutoring.id,
            sequence=number,
            role=MessageRole.STUDENT if by_student else MessageRole.TUTOR,
            content=content,
            status=MessageStatus.ANSWERED if by_student else MessageStatus.COMPLETE,
            reply_to=None if by_student else reply_to,
            created_at=started + step * number,
            attempt_started_at=started + step * number if by_student else None,
        )
        session.add(message)
        reply_to = message.id
    scores = RubricScores(
        critical_thinking=sample.grade.critical_thinking,
        comprehension=sample.grade.comprehension,
        communication=sample.grade.communication,
        summary=sample.grade.summary,
    )
    graded = ended + timedelta(minutes=1)
    published = graded + timedelta(minutes=2) if sample.grade.lms == "published" else None
    grade = Grade(
        tenant_id=tenant_id,
        session_id=tutoring.id,
        user_id=student.id,
        case_study_id=case.id,
        critical_thinking=scores.critical_thinking,
        comprehension=scores.comprehension,
        communication=scores.communication,
        final_score=final_score(scores),
        summary=scores.summary,
        grader="demo",
        graded_at=graded,
        lms_status=GRADE_LMS_STATUS[sample.grade.lms],
        published_at=published,
    )
    session.add(grade)
    await session.flush()
    jobs = JobHistory(session, tenant_id, settings.job_max_attempts)
    await jobs.add(GRADE_SESSION, tutoring.id, {"session_id": tutoring.id}, ended, [None])
    # A publication that found no LMS connection succeeds too, marking its grade not_configured.
    outcomes: list[str | None] = [None]
    if sample.grade.lms == "publication_failed":
        outcomes = [describe(ExternalServiceError(service="lms", reason="rejected"))] * settings.job_max_attempts
    await jobs.add(PUBLISH_GRADE, grade.id, {"grade_id": grade.id}, graded, outcomes)


@dataclass(frozen=True)
class JobHistory:
    session: AsyncSession
    tenant_id: str
    max_attempts: int

    async def add(
        self, kind: str, dedupe_key: str, payload: dict[str, str], queued: datetime, outcomes: list[str | None]
    ) -> None:
        """A job as the worker leaves it: an attempt per outcome (None: it succeeded), dead if the last failed."""
        job = Job(
            tenant_id=self.tenant_id,
            kind=kind,
            dedupe_key=dedupe_key,
            payload=payload,
            attempts=len(outcomes),
            max_attempts=max(self.max_attempts, len(outcomes)),
            run_at=queued,
            created_at=queued,
        )
        self.session.add(job)
        await self.session.flush()
        started = finished = queued
        for number, error in enumerate(outcomes, 1):
            finished = started + timedelta(seconds=2)
            self.session.add(
                JobAttempt(
                    job_id=job.id,
                    number=number,
                    worker="demo",
                    started_at=started,
                    finished_at=finished,
                    outcome=AttemptOutcome.FAILED if error else AttemptOutcome.SUCCEEDED,
                    error=error,
                )
            )
            started = finished + timedelta(minutes=2**number)  # backing off, as the worker does
        job.status, job.last_error = (JobStatus.DEAD, outcomes[-1]) if outcomes[-1] else (JobStatus.SUCCEEDED, None)
        job.finished_at = job.updated_at = finished


async def existing_demo_accounts(settings: Settings) -> tuple[str, ...]:
    """The demo users still there (in the ``demo`` tenant, active), for the start-up message."""
    async with _transaction(settings) as session:
        tenant = await TenantRepository(session).find_by_slug(DEMO_SLUG)
        if tenant is None:
            return ()
        users = UserService(session, tenant.id, PasswordService(settings))
        found = [await users.find_by_email(email) for email, _, _ in DEMO_USERS]
        return tuple(user.email for user in found if user is not None and user.is_active)


async def set_password(settings: Settings, *, tenant_slug: str, email: str, password: str) -> User:
    """An operator sets a user's password; the user's sign-ins end, as on a password change."""
    passwords, password_hash = await _hashed(settings, password)
    async with _transaction(settings) as session:
        tenant = await TenantRepository(session).find_by_slug(tenant_slug)
        if tenant is None:
            raise ValidationFailedError.for_field("tenant", "unknown tenant")
        user = await UserService(session, tenant.id, passwords).find_by_email(email)
        if user is None:
            raise ValidationFailedError.for_field("email", "no such user in this tenant")
        user.password_hash = password_hash
        await SignInRepository(session).revoke(
            reason=RevocationReason.PASSWORD_SET_BY_OPERATOR, tenant_id=tenant.id, user_id=user.id
        )
        return user


async def create_superuser(settings: Settings, *, email: str, name: str, password: str) -> User:
    """A platform operator: SUPER_ADMIN in the platform tenant (signs in with X-Tenant: platform)."""
    passwords, password_hash = await _hashed(settings, password)
    async with _transaction(settings) as session:
        platform = await TenantService(session, SecretBox(settings)).ensure_platform_tenant()
        return await _add_user(session, passwords, platform.id, email, name, password_hash, SystemRole.SUPER_ADMIN)


async def create_tenant(settings: Settings, *, name: str, slug: str) -> Tenant:
    async with _transaction(settings) as session:
        return await TenantService(session, SecretBox(settings)).create(TenantCreate(name=name, slug=slug))


async def create_user(settings: Settings, *, tenant_slug: str, email: str, name: str, password: str, role: str) -> User:
    passwords, password_hash = await _hashed(settings, password)
    async with _transaction(settings) as session:
        tenant = await TenantRepository(session).find_by_slug(tenant_slug)
        if tenant is None:
            raise ValidationFailedError.for_field("tenant", "unknown tenant")
        check_role_fits_tenant(role, platform_tenant=tenant.is_platform)
        return await _add_user(session, passwords, tenant.id, email, name, password_hash, role)
