"""Grading and LMS publishing as durable jobs: retried through every failure, never lost, never doubled."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from mentora.app import create_app
from mentora.config import Settings
from mentora.runtime import job_runner
from tests.conftest import contract_client
from tests.support.fake_ai import API_KEY, FakeAIProvider, running_fake_ai
from tests.support.fake_lms import CANVAS_TOKEN, CLIENT_ID, FakeLMS, running_fake_lms
from tests.support.fake_lms import MODES as LMS_MODES
from tests.support.identity import Identity, bearer

LONG_MODEL = "meta-llama/Meta-Llama-3.1-70B-Instruct-Turbo-128k"  # longer than a short column
CASE = {"title": "Harbour", "slug": "harbour", "instructions": ["Describe.", "Decide."]}


@pytest.fixture
def lms() -> Iterator[FakeLMS]:
    with running_fake_lms() as server:
        yield server


@pytest.fixture
def ai() -> Iterator[FakeAIProvider]:
    with running_fake_ai() as provider:
        yield provider


def job_settings(settings: Settings, **overrides: Any) -> Settings:
    return settings.model_copy(
        update={
            "job_backoff_seconds": 0.01,
            "job_backoff_max_seconds": 0.05,
            "outbound_read_timeout": 0.5,
            "outbound_total_timeout": 2.0,
            "circuit_failure_threshold": 100,
            **overrides,
        }
    )


@pytest.fixture
async def app(settings: Settings, identity: Identity) -> AsyncIterator[FastAPI]:
    application = create_app(job_settings(settings))
    async with application.router.lifespan_context(application):
        yield application


async def connect_lms(http: httpx.AsyncClient, identity: Identity, lms: FakeLMS, *, canvas: bool = False) -> str:
    """Give tenant alpha a case study mapped to the fake LMS; returns the case study id."""
    admin = await bearer(http, identity.a.email("ADMIN"), "alpha")
    case_id = str((await http.post("/v1/console/case-studies", headers=admin, json=CASE)).json()["data"]["id"])
    operator = await bearer(http, "operator@platform.example.com", "platform")
    if canvas:
        config = {
            "lms_type": "canvas",
            "lms_config": {
                "base_url": lms.base_url,
                "credentials": {"api_token": CANVAS_TOKEN},
                "course_mapping": {case_id: "101/202"},
            },
        }
    else:
        config = {
            "lms_type": "lti",
            "lms_config": {
                "token_url": lms.token_url,
                "client_id": CLIENT_ID,
                "credentials": {"private_key": lms.private_key_pem},
                "course_mapping": {case_id: lms.line_item("harbour")},
            },
        }
    assert (await http.patch(f"/v1/console/tenants/{identity.a.id}", headers=operator, json=config)).status_code == 200
    return case_id


async def finish_a_session(http: httpx.AsyncClient, identity: Identity, case_id: str) -> str:
    student = await bearer(http, identity.a.email("STUDENT"), "alpha")
    started = await http.post("/v1/sessions/initialize", headers=student, json={"content_id": case_id})
    session_id = str(started.json()["data"]["id"])
    for text in ("The harbour fees are too low to cover dredging.", "I would raise fees for large ships only."):
        assert (
            await http.post(f"/v1/sessions/{session_id}/messages", headers=student, json={"content": text})
        ).status_code == 200
    assert (await http.post(f"/v1/sessions/{session_id}/end", headers=student)).status_code == 200
    return session_id


async def drain(app: FastAPI, rounds: int = 50) -> None:
    """Run due jobs until none is left (bounded), waiting out the short test backoff."""
    runner = job_runner(app.state.services)
    for _ in range(rounds):
        if not await runner.run_once():
            await asyncio.sleep(0.06)
            if not await runner.run_once():
                return


async def test_an_ended_session_is_graded_offline_and_reaches_the_lms(
    app: FastAPI, client: httpx.AsyncClient, identity: Identity, lms: FakeLMS
) -> None:
    case_id = await connect_lms(client, identity, lms)
    session_id = await finish_a_session(client, identity, case_id)
    await drain(app)
    student = await bearer(client, identity.a.email("STUDENT"), "alpha")
    grade = (await client.get(f"/v1/grades/session/{session_id}", headers=student)).json()["data"]
    assert grade["grader"] == "offline" and grade["lms_status"] == "published"
    expected = round(0.4 * grade["critical_thinking"] + 0.3 * grade["comprehension"] + 0.3 * grade["communication"], 2)
    assert grade["final_score"] == expected
    assert list(lms.scores) == [("harbour", identity.a.user_ids["STUDENT"])]
    score = lms.scores[("harbour", identity.a.user_ids["STUDENT"])]
    assert score["scoreGiven"] == grade["final_score"] and score["gradingProgress"] == "FullyGraded"
    # Students see only their own grades; faculty see the tenant's.
    faculty = await bearer(client, identity.a.email("FACULTY"), "alpha")
    assert (await client.get("/v1/grades", headers=faculty)).json()["total"] == 1
    other = await bearer(client, identity.b.email("STUDENT"), "beta")
    assert (await client.get(f"/v1/grades/session/{session_id}", headers=other)).status_code == 404


@pytest.mark.parametrize("protocol", ["lti", "canvas"])
@pytest.mark.parametrize("mode", [mode for mode in LMS_MODES if mode != "ok"])
async def test_publishing_is_retried_through_lms_failures_and_lands_once(
    app: FastAPI, client: httpx.AsyncClient, identity: Identity, lms: FakeLMS, mode: str, protocol: str
) -> None:
    case_id = await connect_lms(client, identity, lms, canvas=protocol == "canvas")
    await finish_a_session(client, identity, case_id)
    lms.mode = mode
    runner = job_runner(app.state.services)
    assert await runner.run_once()  # grading: no LMS involved
    for _ in range(2):  # publishing fails, is rescheduled
        await asyncio.sleep(0.06)
        assert await runner.run_once()
    assert lms.scores == {} and lms.canvas_grades == {}
    lms.mode = "ok"
    await drain(app)
    assert len(lms.canvas_grades if protocol == "canvas" else lms.scores) == 1
    assert lms.score_posts == (0 if protocol == "canvas" else 1)  # delivered once, not once per retry
    admin = await bearer(client, identity.a.email("ADMIN"), "alpha")
    jobs = (await client.get("/v1/console/jobs", headers=admin, params={"kind": "publish_grade"})).json()["data"]
    assert [job["status"] for job in jobs] == ["succeeded"]
    detail = (await client.get(f"/v1/console/jobs/{jobs[0]['id']}", headers=admin)).json()["data"]
    outcomes = [attempt["outcome"] for attempt in detail["history"]]
    assert outcomes[:2] == ["failed", "failed"] and outcomes[-1] == "succeeded"
    assert all("secret" not in (a["error"] or "") and "/var" not in (a["error"] or "") for a in detail["history"])


async def test_a_malformed_ai_grade_is_retried_never_stored(
    app: FastAPI, client: httpx.AsyncClient, identity: Identity, ai: FakeAIProvider
) -> None:
    operator = await bearer(client, "operator@platform.example.com", "platform")
    await client.patch(
        f"/v1/console/tenants/{identity.a.id}",
        headers=operator,
        json={"ai_config": {"base_url": ai.base_url, "model": LONG_MODEL, "api_key": API_KEY}},
    )
    admin = await bearer(client, identity.a.email("ADMIN"), "alpha")
    case_id = str((await client.post("/v1/console/case-studies", headers=admin, json=CASE)).json()["data"]["id"])
    session_id = await finish_a_session(client, identity, case_id)
    ai.mode = "malformed"
    runner = job_runner(app.state.services)
    assert await runner.run_once()
    assert (await client.get(f"/v1/grades/session/{session_id}", headers=admin)).status_code == 404
    ai.mode = "ok"
    await drain(app)
    grade = (await client.get(f"/v1/grades/session/{session_id}", headers=admin)).json()["data"]
    assert (grade["critical_thinking"], grade["comprehension"], grade["communication"]) == (80, 70, 60)
    assert grade["final_score"] == 71.0 and grade["grader"] == LONG_MODEL
    assert grade["lms_status"] == "not_configured"


async def test_publish_now_reports_lms_failures_at_once(
    app: FastAPI, client: httpx.AsyncClient, identity: Identity, lms: FakeLMS
) -> None:
    case_id = await connect_lms(client, identity, lms, canvas=True)
    await finish_a_session(client, identity, case_id)
    await drain(app)
    assert list(lms.canvas_grades) == [("101", "202", identity.a.user_ids["STUDENT"])]
    faculty = await bearer(client, identity.a.email("FACULTY"), "alpha")
    grade_id = (await client.get("/v1/grades", headers=faculty)).json()["data"][0]["id"]
    lms.mode = "500"
    failed = await client.post(f"/v1/console/grades/{grade_id}/publish", headers=faculty)
    assert failed.status_code == 502
    assert failed.json()["details"] == {"service": "lms", "reason": "unavailable"}
    lms.mode = "ok"
    again = await client.post(f"/v1/console/grades/{grade_id}/publish", headers=faculty)
    assert again.status_code == 200 and again.json()["data"]["lms_status"] == "published"
    assert len(lms.canvas_grades) == 1  # the same grade twice is one grade


async def test_dead_jobs_can_be_retried_from_the_console(settings: Settings, identity: Identity, lms: FakeLMS) -> None:
    app = create_app(job_settings(settings, job_max_attempts=2))
    async with app.router.lifespan_context(app), contract_client(app) as client:
        case_id = await connect_lms(client, identity, lms)
        await finish_a_session(client, identity, case_id)
        lms.mode = "500"
        await drain(app)
        admin = await bearer(client, identity.a.email("ADMIN"), "alpha")
        dead = (await client.get("/v1/console/jobs", headers=admin, params={"status": "dead"})).json()["data"]
        assert [job["kind"] for job in dead] == ["publish_grade"]
        assert "EXTERNAL_SERVICE_ERROR" in dead[0]["last_error"]
        lms.mode = "ok"
        retried = await client.post(f"/v1/console/jobs/{dead[0]['id']}/retry", headers=admin)
        assert retried.status_code == 200 and retried.json()["data"]["status"] == "queued"
        await drain(app)
        assert len(lms.scores) == 1


async def test_in_process_worker_grades_without_help(settings: Settings, identity: Identity, lms: FakeLMS) -> None:
    app = create_app(job_settings(settings, run_jobs_in_process=True, job_poll_seconds=0.05))
    async with app.router.lifespan_context(app), contract_client(app) as client:
        case_id = await connect_lms(client, identity, lms)
        await finish_a_session(client, identity, case_id)
        for _ in range(100):
            if lms.scores:
                break
            await asyncio.sleep(0.05)
    assert len(lms.scores) == 1


def start_worker(env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    with log.open("ab") as output:  # the worker writes to its own copy of the file
        return subprocess.Popen(
            [sys.executable, "-m", "mentora", "worker"],
            env={**os.environ, "MENTORA_LOG_FORMAT": "json", **env},
            stdout=output,
            stderr=subprocess.STDOUT,
        )


@pytest.mark.slow
@pytest.mark.exclusive  # kills a worker mid-job; each `mentora worker` gets up to 60 s to start
async def test_a_worker_killed_mid_job_loses_nothing(
    db_settings: Settings, db_identity: Identity, lms: FakeLMS, tmp_path: Path
) -> None:
    """PostgreSQL (and SQLite) plus `mentora worker` processes: SIGKILL during the LMS call."""
    settings = job_settings(db_settings)
    app = create_app(settings)
    async with app.router.lifespan_context(app), contract_client(app) as client:
        case_id = await connect_lms(client, db_identity, lms)
        await finish_a_session(client, db_identity, case_id)
        env = {
            "MENTORA_DATA_DIR": str(settings.data_dir),
            "MENTORA_JOB_LEASE_SECONDS": "2",
            "MENTORA_JOB_POLL_SECONDS": "0.1",
            "MENTORA_OUTBOUND_READ_TIMEOUT": "60",
            "MENTORA_OUTBOUND_TOTAL_TIMEOUT": "60",
        }
        if settings.database_url:
            env["MENTORA_DATABASE_URL"] = settings.database_url
        lms.mode = "timeout"  # the LMS hangs: the worker is mid-job when it dies
        log = tmp_path / "worker.log"
        first = start_worker(env, log)
        try:
            for _ in range(1200):
                if lms.calls:
                    break
                await asyncio.sleep(0.05)
            assert lms.calls, log.read_text()
        finally:
            first.send_signal(signal.SIGKILL)
            first.wait(timeout=10)
        lms.mode = "ok"
        second = start_worker(env, log)
        try:
            for _ in range(1200):
                if lms.scores:
                    break
                await asyncio.sleep(0.05)
            await asyncio.sleep(0.5)
        finally:
            second.terminate()
            second.wait(timeout=10)
        assert len(lms.scores) == 1, log.read_text()
        assert lms.score_posts == 1  # the killed worker's call never landed; the takeover's landed once
        admin = await bearer(client, db_identity.a.email("ADMIN"), "alpha")
        jobs = (await client.get("/v1/console/jobs", headers=admin, params={"kind": "publish_grade"})).json()["data"]
        detail = (await client.get(f"/v1/console/jobs/{jobs[0]['id']}", headers=admin)).json()["data"]
        assert detail["status"] == "succeeded"
        assert [a["outcome"] for a in detail["history"]] == ["abandoned", "succeeded"]
