"""Tutoring sessions end to end, with the offline tutor and with a provider that fails."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import select, update

from mentora.platform.db.types import utcnow
from mentora.platform.jobs.models import Job
from mentora.sessions.models import SessionMessage, TutoringSession
from mentora.sessions.turns import STALE_PENDING
from tests.sessions.conftest import Classroom
from tests.support.fake_ai import FakeAIProvider
from tests.support.identity import PASSWORD, bearer


async def start(http: httpx.AsyncClient, student: dict[str, str], case_id: str) -> str:
    response = await http.post("/v1/sessions/initialize", headers=student, json={"content_id": case_id})
    assert response.status_code == 201, response.text
    return str(response.json()["data"]["id"])


async def say(http: httpx.AsyncClient, student: dict[str, str], session_id: str, text: str) -> httpx.Response:
    return await http.post(f"/v1/sessions/{session_id}/messages", headers=student, json={"content": text})


async def stream(
    http: httpx.AsyncClient, student: dict[str, str], session_id: str, text: str
) -> tuple[httpx.Response, list[tuple[str, Any]]]:
    response = await http.post(
        f"/v1/sessions/{session_id}/messages",
        headers={**student, "Accept": "text/event-stream"},
        json={"content": text},
    )
    events = []
    if response.headers.get("content-type", "").startswith("text/event-stream"):
        for block in response.text.replace("\r\n", "\n").split("\n\n"):
            lines = dict(line.split(": ", 1) for line in block.splitlines() if ": " in line)
            if "event" in lines:
                events.append((lines["event"], json.loads(lines["data"])))
    return response, events


async def transcript(http: httpx.AsyncClient, student: dict[str, str], session_id: str) -> list[dict[str, Any]]:
    response = await http.get(f"/v1/sessions/{session_id}", headers=student)
    messages: list[dict[str, Any]] = response.json()["data"]["messages"]
    return messages


async def test_a_student_registers_and_works_through_a_case_offline(
    http: httpx.AsyncClient, classroom: Classroom
) -> None:
    registered = await http.post(
        "/v1/auth/register",
        headers={"X-Tenant": "beta"},
        json={"email": "learner@beta.example.com", "password": PASSWORD, "name": "Learner"},
    )
    student = {"Authorization": f"Bearer {registered.json()['data']['access_token']}"}
    cases = (await http.get("/v1/case-studies", headers=student)).json()["data"]
    assert [c["id"] for c in cases] == [classroom.beta_case]
    assert "system_prompt" not in cases[0]
    started = await http.post("/v1/sessions/initialize", headers=student, json={"content_id": classroom.beta_case})
    session = started.json()["data"]
    assert session["tutor"] == "offline" and session["first_message"] == "What makes this decision hard?"
    reply = (await say(http, student, session["id"], "The budget is too small.")).json()["data"]["reply"]
    assert reply["content"].startswith("[Offline tutor:") and "Name the stakeholders." in reply["content"]
    _, events = await stream(http, student, session["id"], "Residents and the council.")
    assert events[0][0] == "meta" and events[-1][0] == "done"
    streamed = "".join(payload["text"] for name, payload in events if name == "delta")
    assert streamed == events[-1][1]["reply"]["content"]
    assert "Compare two repair plans." in streamed
    ended = await http.post(f"/v1/sessions/{session['id']}/end", headers=student)
    assert ended.json()["data"]["status"] == "ended" and ended.json()["data"]["end_reason"] == "student"
    statuses = [(m["role"], m["status"]) for m in ended.json()["data"]["messages"]]
    assert statuses == [("student", "answered"), ("tutor", "complete")] * 2
    after = await say(http, student, session["id"], "One more thing")
    assert after.status_code == 409


async def test_turns_with_a_provider_json_and_streamed(
    http: httpx.AsyncClient, classroom: Classroom, fake_ai: FakeAIProvider
) -> None:
    session_id = await start(http, classroom.alpha_student, classroom.alpha_case)
    answer = await say(http, classroom.alpha_student, session_id, "The bridge is old.")
    assert answer.json()["data"]["reply"]["content"] == "Fake tutor answer to: The bridge is old."
    _, events = await stream(http, classroom.alpha_student, session_id, "Plan A is cheaper.")
    assert events[-1][0] == "done"
    assert events[-1][1]["reply"]["content"].strip() == "Fake tutor answer to: Plan A is cheaper."
    sent = fake_ai.requests[-1]
    assert sent["model"] == "fake-1" and sent["stream"] is True
    assert sent["messages"][0]["role"] == "system" and "civic-finance" in sent["messages"][0]["content"]
    assert [m["role"] for m in sent["messages"][1:]] == ["assistant", "user", "assistant", "user"]


@pytest.mark.parametrize(
    ("mode", "reason"),
    [
        ("timeout", "timeout"),
        ("500", "unavailable"),
        ("429", "unavailable"),
        ("401", "rejected"),
        ("malformed", "bad_response"),
    ],
)
async def test_provider_failures_lose_nothing(
    http: httpx.AsyncClient, classroom: Classroom, fake_ai: FakeAIProvider, mode: str, reason: str
) -> None:
    session_id = await start(http, classroom.alpha_student, classroom.alpha_case)
    fake_ai.mode = mode
    failed = await say(http, classroom.alpha_student, session_id, "My first thought.")
    assert failed.status_code == 502
    assert failed.json()["details"] == {"service": "ai", "reason": reason}
    assert "secret" not in failed.text and "/srv" not in failed.text
    await stream(http, classroom.alpha_student, session_id, "My first thought.")  # fails the same way
    messages = await transcript(http, classroom.alpha_student, session_id)
    assert [(m["role"], m["content"], m["status"]) for m in messages] == [("student", "My first thought.", "failed")]
    # Retrying the same text answers the same turn: it is not stored twice.
    fake_ai.mode = "ok"
    retried = await say(http, classroom.alpha_student, session_id, "My first thought.")
    assert retried.status_code == 200
    messages = await transcript(http, classroom.alpha_student, session_id)
    assert [(m["role"], m["status"]) for m in messages] == [("student", "answered"), ("tutor", "complete")]


async def test_a_stream_dropped_half_way_is_stored_as_incomplete(
    http: httpx.AsyncClient, classroom: Classroom, fake_ai: FakeAIProvider
) -> None:
    session_id = await start(http, classroom.alpha_student, classroom.alpha_case)
    fake_ai.mode = "drop"
    response, events = await stream(http, classroom.alpha_student, session_id, "Tell me more.")
    assert response.status_code == 200
    names = [name for name, _ in events]
    assert names[0] == "meta" and "delta" in names and names[-1] == "error"
    error = events[-1][1]
    assert error == {
        "success": False,
        "error": error["error"],
        "code": "EXTERNAL_SERVICE_ERROR",
        "details": {"service": "ai", "reason": "unavailable"},
    }
    received = "".join(p["text"] for n, p in events if n == "delta")
    messages = await transcript(http, classroom.alpha_student, session_id)
    assert [(m["role"], m["status"]) for m in messages] == [("student", "failed"), ("tutor", "incomplete")]
    assert messages[1]["content"] == received


async def test_a_stream_slower_than_the_deadline_ends_with_a_timeout_event(
    http: httpx.AsyncClient, classroom: Classroom, fake_ai: FakeAIProvider
) -> None:
    session_id = await start(http, classroom.alpha_student, classroom.alpha_case)
    fake_ai.mode = "slow_stream"  # each piece in time (0.4 s < 0.5 s read timeout), the whole too slow (3 s)
    _, events = await stream(http, classroom.alpha_student, session_id, "A long question " * 3)
    assert events[-1][0] == "error"
    assert events[-1][1]["details"] == {"service": "ai", "reason": "timeout"}
    messages = await transcript(http, classroom.alpha_student, session_id)
    assert [(m["role"], m["status"]) for m in messages] == [("student", "failed"), ("tutor", "incomplete")]


async def test_a_provider_failing_before_the_first_piece_is_an_ordinary_error(
    http: httpx.AsyncClient, classroom: Classroom, fake_ai: FakeAIProvider
) -> None:
    session_id = await start(http, classroom.alpha_student, classroom.alpha_case)
    fake_ai.mode = "500"
    response, events = await stream(http, classroom.alpha_student, session_id, "Hello?")
    assert response.status_code == 502 and events == []
    assert response.json()["details"] == {"service": "ai", "reason": "unavailable"}


async def test_the_circuit_opens_after_repeated_failures_and_closes_after_recovery(
    http: httpx.AsyncClient, classroom: Classroom, fake_ai: FakeAIProvider
) -> None:
    session_id = await start(http, classroom.alpha_student, classroom.alpha_case)
    fake_ai.mode = "401"  # not retried: one request per turn
    for _ in range(3):
        assert (await say(http, classroom.alpha_student, session_id, "x")).json()["details"]["reason"] == "rejected"
    reached = len(fake_ai.requests)
    fake_ai.mode = "ok"
    refused = await say(http, classroom.alpha_student, session_id, "x")
    assert refused.json()["details"] == {"service": "ai", "reason": "circuit_open"}
    assert len(fake_ai.requests) == reached  # refused without calling the provider
    await asyncio.sleep(1.1)
    recovered = await say(http, classroom.alpha_student, session_id, "x")
    assert recovered.status_code == 200
    assert (await say(http, classroom.alpha_student, session_id, "and again")).status_code == 200


async def test_malformed_answers_open_the_circuit_too(
    http: httpx.AsyncClient, classroom: Classroom, fake_ai: FakeAIProvider
) -> None:
    session_id = await start(http, classroom.alpha_student, classroom.alpha_case)
    fake_ai.mode = "malformed"
    for _ in range(3):
        assert (await say(http, classroom.alpha_student, session_id, "x")).json()["details"]["reason"] == "bad_response"
    assert (await say(http, classroom.alpha_student, session_id, "x")).json()["details"]["reason"] == "circuit_open"


async def test_one_active_session_per_case_study_and_the_session_limit(
    http: httpx.AsyncClient, classroom: Classroom, identity: Any
) -> None:
    first = await start(http, classroom.beta_student, classroom.beta_case)
    second = await http.post(
        "/v1/sessions/initialize", headers=classroom.beta_student, json={"content_id": classroom.beta_case}
    )
    assert second.status_code == 409
    assert second.json()["details"] == {"session_id": first}
    resumed = await http.post(
        "/v1/sessions/initialize",
        headers=classroom.beta_student,
        json={"content_id": classroom.beta_case, "session_id": first},
    )
    assert resumed.status_code == 200 and resumed.json()["data"]["id"] == first
    operator = classroom.operator
    await http.patch(f"/v1/console/tenants/{identity.b.id}", headers=operator, json={"settings": {"max_sessions": 1}})
    await http.post(f"/v1/sessions/{first}/end", headers=classroom.beta_student)
    over = await http.post(
        "/v1/sessions/initialize", headers=classroom.beta_student, json={"content_id": classroom.beta_case}
    )
    assert over.status_code == 409
    assert over.json()["details"] == {"content_id": "session limit reached (1)"}
    admin = await bearer(http, identity.b.email("ADMIN"), "beta")
    student_id = identity.b.user_ids["STUDENT"]
    await http.patch(f"/v1/console/users/{student_id}", headers=admin, json={"settings": {"max_sessions": 2}})
    allowed = await http.post(
        "/v1/sessions/initialize", headers=classroom.beta_student, json={"content_id": classroom.beta_case}
    )
    assert allowed.status_code == 201


async def test_the_time_limit_ends_a_session(
    http: httpx.AsyncClient, classroom: Classroom, tutoring_app: FastAPI
) -> None:
    session_id = await start(http, classroom.beta_student, classroom.beta_case)
    async with tutoring_app.state.services.database.sessionmaker() as db, db.begin():
        await db.execute(update(TutoringSession).where(TutoringSession.id == session_id).values(expires_at=utcnow()))
    late = await say(http, classroom.beta_student, session_id, "Am I late?")
    assert late.status_code == 409
    assert late.json()["details"] == {"session_id": "ended (time_limit)"}
    detail = (await http.get(f"/v1/sessions/{session_id}", headers=classroom.beta_student)).json()["data"]
    assert detail["status"] == "ended" and detail["end_reason"] == "time_limit"
    again = await http.post(
        "/v1/sessions/initialize", headers=classroom.beta_student, json={"content_id": classroom.beta_case}
    )
    assert again.status_code == 201


async def test_reading_a_session_past_its_time_ends_it_and_queues_its_grading(
    http: httpx.AsyncClient, classroom: Classroom, tutoring_app: FastAPI
) -> None:
    """GET reads on a read session; the rare session whose time is up is ended in a write."""
    session_id = await start(http, classroom.beta_student, classroom.beta_case)
    database = tutoring_app.state.services.database
    async with database.sessionmaker() as db, db.begin():
        await db.execute(update(TutoringSession).where(TutoringSession.id == session_id).values(expires_at=utcnow()))
    detail = (await http.get(f"/v1/sessions/{session_id}", headers=classroom.beta_student)).json()["data"]
    assert detail["status"] == "ended" and detail["end_reason"] == "time_limit"
    async with database.sessionmaker() as db:
        stored = await db.get(TutoringSession, session_id)
        queued = (await db.execute(select(Job.kind).where(Job.dedupe_key == session_id))).scalars().all()
    assert stored is not None and stored.status == "ended"
    assert queued == ["grade_session"]


async def test_who_sees_which_session(http: httpx.AsyncClient, classroom: Classroom, identity: Any) -> None:
    session_id = await start(http, classroom.alpha_student, classroom.alpha_case)
    admin = classroom.alpha_admin
    await http.post(
        "/v1/console/users",
        headers=admin,
        json={"email": "peer@alpha.example.com", "name": "Peer", "password": PASSWORD},
    )
    peer = await bearer(http, "peer@alpha.example.com", "alpha")
    assert (await http.get(f"/v1/sessions/{session_id}", headers=peer)).status_code == 404
    assert (await say(http, peer, session_id, "hijack")).status_code == 404
    assert (await http.get(f"/v1/sessions/{session_id}", headers=classroom.alpha_faculty)).status_code == 200
    listed = (await http.get("/v1/sessions", headers=classroom.alpha_faculty)).json()["data"]
    assert [s["id"] for s in listed] == [session_id]
    assert (await http.get("/v1/sessions", headers=peer)).json()["data"] == []
    assert (await http.get(f"/v1/sessions/{session_id}", headers=classroom.beta_student)).status_code == 404


async def test_ai_turns_are_rate_limited_per_user(http: httpx.AsyncClient, classroom: Classroom, identity: Any) -> None:
    await http.patch(
        f"/v1/console/tenants/{identity.b.id}",
        headers=classroom.operator,
        json={"settings": {"rate_limits": {"ai_turns": "2/minute"}}},
    )
    session_id = await start(http, classroom.beta_student, classroom.beta_case)
    assert (await say(http, classroom.beta_student, session_id, "one")).status_code == 200
    assert (await say(http, classroom.beta_student, session_id, "two")).status_code == 200
    third = await say(http, classroom.beta_student, session_id, "three")
    assert third.status_code == 429
    assert third.json()["details"]["scope"] == "ai"
    assert len(await transcript(http, classroom.beta_student, session_id)) == 4  # the refused turn was not stored


async def test_an_old_turn_being_retried_is_not_retried_twice_at_once(
    http: httpx.AsyncClient, classroom: Classroom, fake_ai: FakeAIProvider, tutoring_app: FastAPI
) -> None:
    """A retry starts a new attempt: "still answering" counts from it, not from when the turn was sent."""
    session_id = await start(http, classroom.alpha_student, classroom.alpha_case)
    fake_ai.mode = "500"
    assert (await say(http, classroom.alpha_student, session_id, "An old thought.")).status_code == 502
    async with tutoring_app.state.database.sessionmaker() as session, session.begin():
        long_ago = utcnow() - STALE_PENDING * 3
        await session.execute(
            update(SessionMessage)
            .where(SessionMessage.session_id == session_id)
            .values(created_at=long_ago, attempt_started_at=long_ago)
        )
    fake_ai.mode = "slow_stream"  # the retry's answer takes a few seconds
    calls_before = len(fake_ai.requests)
    retrying = asyncio.create_task(stream(http, classroom.alpha_student, session_id, "An old thought."))
    for _ in range(200):  # bounded: until the provider has been asked
        if len(fake_ai.requests) > calls_before:
            break
        await asyncio.sleep(0.02)
    again = await say(http, classroom.alpha_student, session_id, "An old thought.")
    assert again.status_code == 409
    assert again.json()["details"] == {"session_id": "a reply is still being written"}
    response, events = await retrying
    assert response.status_code == 200 and events[0][0] == "meta"  # (the slow answer may then time out)
    messages = await transcript(http, classroom.alpha_student, session_id)
    assert [m["role"] for m in messages if m["role"] == "student"] == ["student"]
    assert len(fake_ai.requests) == calls_before + 1  # one attempt at a time
