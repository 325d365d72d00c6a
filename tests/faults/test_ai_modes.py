"""The fake AI provider in the failure modes no other test follows to the end state."""

from __future__ import annotations

import httpx
import pytest
from sqlalchemy import func, select

from mentora.app import create_app
from mentora.config import Settings
from mentora.grades.models import Grade
from mentora.runtime import job_runner
from tests.conftest import contract_client
from tests.grades.test_grading import connect_lms, drain, finish_a_session, job_settings
from tests.sessions.conftest import Classroom
from tests.sessions.test_tutoring import start, stream, transcript
from tests.support.fake_ai import API_KEY, GRADE, MODES, FakeAIProvider
from tests.support.fake_lms import FakeLMS
from tests.support.identity import Identity, bearer

pytestmark = pytest.mark.slow

# What the fake does to a plain (not streamed) call in each mode: these fail it.
FAILS_A_PLAIN_CALL = {"timeout", "500", "429", "401", "malformed"}
FAILURE_MODES = [mode for mode in MODES if mode != "ok"]


@pytest.mark.parametrize("mode", ["drop", "slow_stream"])
async def test_a_cut_off_stream_is_retried_into_one_answered_turn(
    http: httpx.AsyncClient, classroom: Classroom, fake_ai: FakeAIProvider, mode: str
) -> None:
    session_id = await start(http, classroom.alpha_student, classroom.alpha_case)
    text = "A long question about the bridge " * 2  # longer than the slow stream's deadline
    fake_ai.mode = mode
    _, cut = await stream(http, classroom.alpha_student, session_id, text)
    assert cut[-1][0] == "error"
    fake_ai.mode = "ok"
    _, retried = await stream(http, classroom.alpha_student, session_id, text)
    assert retried[0] == ("meta", {**cut[0][1], "retry": True})
    assert retried[-1][0] == "done"
    messages = await transcript(http, classroom.alpha_student, session_id)
    # One turn; the cut-off answer kept as such, and the one full answer.
    assert [(m["role"], m["status"]) for m in messages] == [
        ("student", "answered"),
        ("tutor", "incomplete"),
        ("tutor", "complete"),
    ]
    assert messages[1]["reply_to"] == messages[2]["reply_to"] == messages[0]["id"]


@pytest.mark.parametrize("mode", FAILURE_MODES)
async def test_grading_through_each_ai_failure_stores_and_publishes_once(
    settings: Settings, identity: Identity, fake_ai: FakeAIProvider, lms: FakeLMS, mode: str
) -> None:
    app = create_app(job_settings(settings))
    async with app.router.lifespan_context(app), contract_client(app) as client:
        case_id = await connect_lms(client, identity, lms)
        operator = await bearer(client, "operator@platform.example.com", "platform")
        configured = await client.patch(
            f"/v1/console/tenants/{identity.a.id}",
            headers=operator,
            json={"ai_config": {"base_url": fake_ai.base_url, "model": "grader-1", "api_key": API_KEY}},
        )
        assert configured.status_code == 200
        session_id = await finish_a_session(client, identity, case_id)
        fake_ai.mode = mode
        assert await job_runner(app.state.services).run_once()  # grading, through the fault
        faculty = await bearer(client, identity.a.email("FACULTY"), "alpha")
        graded = await client.get(f"/v1/grades/session/{session_id}", headers=faculty)
        assert graded.status_code == (404 if mode in FAILS_A_PLAIN_CALL else 200)
        fake_ai.mode = "ok"
        await drain(app)
        grade = (await client.get(f"/v1/grades/session/{session_id}", headers=faculty)).json()["data"]
        assert (grade["critical_thinking"], grade["comprehension"], grade["communication"]) == (
            GRADE["critical_thinking"],
            GRADE["comprehension"],
            GRADE["communication"],
        )
        assert grade["lms_status"] == "published"
        async with app.state.services.database.sessionmaker() as session:
            grades = (await session.execute(select(func.count()).select_from(Grade))).scalar_one()
        assert grades == 1
        assert lms.score_posts == 1 and list(lms.scores) == [("harbour", identity.a.user_ids["STUDENT"])]
        admin = await bearer(client, identity.a.email("ADMIN"), "alpha")
        jobs = (await client.get("/v1/console/jobs", headers=admin, params={"kind": "grade_session"})).json()["data"]
        detail = (await client.get(f"/v1/console/jobs/{jobs[0]['id']}", headers=admin)).json()["data"]
        outcomes = [attempt["outcome"] for attempt in detail["history"]]
        assert outcomes == (["failed", "succeeded"] if mode in FAILS_A_PLAIN_CALL else ["succeeded"])
