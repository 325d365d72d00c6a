"""The demo a fresh embedded install starts with: enough data that every screen shows something,
created once, and never added to a database that already serves an institution."""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from mentora.app import create_app
from mentora.bootstrap import create_demo_if_fresh, create_superuser, create_tenant
from mentora.config import Settings
from tests.conftest import contract_client
from tests.support.contract import SEED_EXAMPLE_BODY, SEED_EXAMPLE_FIELDS
from tests.support.identity import login

DEMO_PASSWORD = "demo password 1"
SAMPLE_STUDENTS = {
    "amara.okafor@demo.example.com",
    "lukas.weber@demo.example.com",
    "priya.raman@demo.example.com",
    "mateo.garcia@demo.example.com",
}
TABLES = ("tenants", "users", "case_studies", "tutoring_sessions", "session_messages", "grades", "jobs")


@pytest.fixture
def demo_settings(settings: Settings) -> Settings:
    return settings.model_copy(update={"demo_password": DEMO_PASSWORD})


@pytest.fixture
async def client(demo_settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(demo_settings)
    async with app.router.lifespan_context(app), contract_client(app) as http:
        yield http


def row_counts(settings: Settings) -> dict[str, int]:
    with sqlite3.connect(settings.data_dir / "mentora.db") as connection:
        return {table: connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in TABLES}


async def sign_in(client: httpx.AsyncClient, email: str, tenant: str = "demo") -> dict[str, str]:
    response = await client.post(
        "/v1/auth/login", json={"email": email, "password": DEMO_PASSWORD}, headers={"X-Tenant": tenant}
    )
    assert response.status_code == 200, f"{email}: {response.text}"
    return {"Authorization": f"Bearer {response.json()['data']['access_token']}"}


async def data(client: httpx.AsyncClient, path: str, headers: dict[str, str], **params: Any) -> Any:
    response = await client.get(path, headers=headers, params=params)
    assert response.status_code == 200, f"{path}: {response.text}"
    return response.json()["data"]


async def test_a_fresh_install_gets_graded_sessions_to_show(demo_settings: Settings, client: httpx.AsyncClient) -> None:
    demo = await create_demo_if_fresh(demo_settings)
    assert demo is not None
    assert set(demo.sample_students) == SAMPLE_STUDENTS
    assert demo.operator == "operator@demo.example.com"

    faculty = await sign_in(client, "faculty@demo.example.com")
    case_studies = await data(client, "/v1/console/case-studies", faculty)
    assert len(case_studies) == 3 and all(case["is_active"] for case in case_studies)
    assert all(case["description"] and case["instructions"] and case["first_message"] for case in case_studies)

    grades = await data(client, "/v1/grades", faculty)
    assert len(grades) == 7
    assert len({grade["user_id"] for grade in grades}) == 5  # the four samples and the demo student
    for grade in grades:
        scores = [grade["critical_thinking"], grade["comprehension"], grade["communication"]]
        assert all(0 <= score <= 100 for score in [*scores, grade["final_score"]])
        weighted = 0.4 * grade["critical_thinking"] + 0.3 * grade["comprehension"] + 0.3 * grade["communication"]
        assert grade["final_score"] == pytest.approx(weighted, abs=0.01)
        assert grade["summary"]
    assert max(g["final_score"] for g in grades) - min(g["final_score"] for g in grades) > 25  # a spread to chart
    assert {grade["lms_status"] for grade in grades} == {"published", "pending", "not_configured"}
    assert all((grade["published_at"] is not None) == (grade["lms_status"] == "published") for grade in grades)

    sessions = await data(client, "/v1/sessions", faculty)
    assert len(sessions) == 7 and all(s["status"] == "ended" and s["ended_at"] for s in sessions)
    transcript = (await data(client, f"/v1/sessions/{sessions[0]['id']}", faculty))["messages"]
    assert [m["role"] for m in transcript[:2]] == ["student", "tutor"]
    assert transcript[1]["reply_to"] == transcript[0]["id"]


async def test_the_demo_student_has_a_grade_and_can_start_a_session(
    demo_settings: Settings, client: httpx.AsyncClient
) -> None:
    await create_demo_if_fresh(demo_settings)
    student = await sign_in(client, "student@demo.example.com")
    assert len(await data(client, "/v1/grades", student)) == 1
    mine = await data(client, "/v1/sessions", student)
    assert [s["status"] for s in mine] == ["ended"]
    for case in await data(client, "/v1/case-studies", student):
        started = await client.post("/v1/sessions/initialize", headers=student, json={"content_id": case["id"]})
        assert started.status_code == 201, started.text


async def test_every_demo_account_signs_in_with_the_printed_password(
    demo_settings: Settings, client: httpx.AsyncClient
) -> None:
    await create_demo_if_fresh(demo_settings)
    for email in ("admin@demo.example.com", *sorted(SAMPLE_STUDENTS)):
        await sign_in(client, email)
    operator = await sign_in(client, "operator@demo.example.com", tenant="platform")
    assert [t["slug"] for t in await data(client, "/v1/console/tenants", operator)] == ["demo"]


async def test_the_admin_sees_the_lms_history(demo_settings: Settings, client: httpx.AsyncClient) -> None:
    await create_demo_if_fresh(demo_settings)
    admin = await sign_in(client, "admin@demo.example.com")
    jobs = await data(client, "/v1/console/jobs", admin, limit=100)
    assert {job["kind"] for job in jobs} == {"grade_session", "publish_grade"}
    dead = [job for job in jobs if job["status"] == "dead"]
    assert len(dead) == 1 and all(job["status"] in ("succeeded", "dead") for job in jobs)
    assert "'service': 'lms'" in dead[0]["last_error"]
    history = (await data(client, f"/v1/console/jobs/{dead[0]['id']}", admin))["history"]
    assert len(history) == dead[0]["attempts"] == dead[0]["max_attempts"]
    assert all(attempt["outcome"] == "failed" for attempt in history)
    institution = await data(client, "/v1/console/institution", admin)
    assert institution["lms_type"] == "canvas" and institution["lms_config"]["credentials_set"] == []


async def test_a_second_run_adds_nothing(demo_settings: Settings) -> None:
    assert await create_demo_if_fresh(demo_settings) is not None
    before = row_counts(demo_settings)
    assert await create_demo_if_fresh(demo_settings) is None
    assert row_counts(demo_settings) == before


async def test_a_database_with_an_institution_gets_no_demo(demo_settings: Settings) -> None:
    await create_tenant(demo_settings, name="Real University", slug="real")
    before = row_counts(demo_settings)
    assert await create_demo_if_fresh(demo_settings) is None
    assert row_counts(demo_settings) == before


async def test_existing_operators_are_not_joined_by_a_demo_operator(
    demo_settings: Settings, client: httpx.AsyncClient
) -> None:
    await create_superuser(demo_settings, email="ops@example.com", name="Ops", password="operator pw 1")
    demo = await create_demo_if_fresh(demo_settings)
    assert demo is not None and demo.operator is None
    refused = await client.post(
        "/v1/auth/login",
        json={"email": "operator@demo.example.com", "password": DEMO_PASSWORD},
        headers={"X-Tenant": "platform"},
    )
    assert refused.status_code == 401


async def test_the_seed_example_as_the_demo_admin(demo_settings: Settings) -> None:
    assert await create_demo_if_fresh(demo_settings) is not None
    app = create_app(demo_settings)
    async with app.router.lifespan_context(app), contract_client(app) as client:
        tokens = await login(client, "admin@demo.example.com", "demo", password=DEMO_PASSWORD)
        response = await client.post(
            "/v1/console/users",
            headers={"Authorization": f"Bearer {tokens['access_token']}"},
            json={"name": "Someone", "role": "STUDENT", **SEED_EXAMPLE_FIELDS},
        )
    assert response.status_code == 422
    assert response.json() == SEED_EXAMPLE_BODY
