"""A server process killed (SIGKILL) mid-request, and a new one started on the same database."""

from __future__ import annotations

import asyncio
import signal
from datetime import timedelta
from typing import Any

import httpx
import pytest
from sqlalchemy import select, update

from mentora.platform.db.types import utcnow
from mentora.platform.idempotency import ABANDONED_AFTER, IdempotencyRecord
from mentora.sessions.models import SessionMessage
from mentora.sessions.turns import STALE_PENDING
from tests.faults.conftest import Deployment, open_course, server_client, serving, sse_events, stream_turn, wait_until
from tests.faults.load import assert_turns_stored_once
from tests.sessions.test_tutoring import say
from tests.support.case_study import CASE_STUDY
from tests.support.fake_ai import FakeAIProvider

pytestmark = pytest.mark.slow

BEFORE = "Said before the crash."
STREAMED = "Streamed when the server died."
PLAIN = "Sent when the server died."
KEPT_CASE = {**CASE_STUDY, "slug": "kept", "title": "Kept"}


async def test_a_server_killed_mid_request_loses_no_accepted_write(
    pg_deployment: Deployment, fake_ai: FakeAIProvider
) -> None:
    deployment = pg_deployment
    async with serving(deployment) as first, server_client(first) as http:
        course = await open_course(http, deployment.identity, fake_ai, sessions=2)
        streamed_session, plain_session = course.sessions
        # Accepted before the crash: a turn on each session and a case study (with a key).
        for session_id in course.sessions:
            assert (await say(http, course.student, session_id, BEFORE)).status_code == 200
        key = {"Idempotency-Key": "create-kept-case"}
        created = await http.post("/v1/console/case-studies", headers={**course.admin, **key}, json=KEPT_CASE)
        assert created.status_code == 201

        # In flight when the server dies: a streamed turn half-way through its answer...
        fake_ai.mode = "slow_stream"
        received: list[tuple[str, Any]] = []

        async def stream_a_turn() -> None:
            async with stream_turn(http, streamed_session, course.student, STREAMED) as response:
                async for event in sse_events(response):
                    received.append(event)

        streaming = asyncio.create_task(stream_a_turn())
        await wait_until(lambda: any(name == "delta" for name, _ in received), 30, "the stream began")
        # ...and a plain turn, with an Idempotency-Key, waiting on the AI (which now hangs).
        fake_ai.mode = "timeout"
        asked = len(fake_ai.requests)
        keyed_student = {**course.student, "Idempotency-Key": "turn-1"}
        sending = asyncio.create_task(say(http, keyed_student, plain_session, PLAIN))
        await wait_until(lambda: len(fake_ai.requests) > asked, 30, "the plain turn reached the AI")
        first.process.send_signal(signal.SIGKILL)
        await asyncio.to_thread(first.process.wait, 30)
        # The client sees the connection fail, never a malformed or half-read answer.
        for request in (streaming, sending):
            with pytest.raises(httpx.TransportError):
                await asyncio.wait_for(request, 30)
        assert [name for name, _ in received][:2] == ["meta", "delta"]
        assert {name for name, _ in received} <= {"meta", "delta"}, received
        stream_meta = received[0][1]

    fake_ai.mode = "ok"
    async with serving(deployment) as second, server_client(second) as http:
        # Both turns were stored before the AI was called, and are still "pending": as far as
        # anyone can tell a reply is being written, so resending is refused for now.
        again = await say(http, keyed_student, plain_session, PLAIN)
        assert again.status_code == 409 and again.json()["details"] == {"idempotency_key": "still in progress"}
        again = await say(http, course.student, streamed_session, STREAMED)
        assert again.status_code == 409 and again.json()["details"] == {"session_id": "a reply is still being written"}
        async with deployment.database() as database:
            async with database.sessionmaker() as session:
                rows = await session.execute(
                    select(SessionMessage.session_id, SessionMessage.id).where(SessionMessage.status == "pending")
                )
                pending: dict[str, str] = dict(rows.all())
            assert set(pending) == {streamed_session, plain_session}
            assert pending[streamed_session] == stream_meta["student_message_id"]
            # Let the time pass after which a pending turn, and an unfinished key, count as abandoned.
            async with database.sessionmaker() as session, session.begin():
                await session.execute(
                    update(SessionMessage)
                    .where(SessionMessage.status == "pending")
                    .values(attempt_started_at=utcnow() - STALE_PENDING - timedelta(seconds=1))
                )
                await session.execute(
                    update(IdempotencyRecord)
                    .where(IdempotencyRecord.status.is_(None))
                    .values(created_at=utcnow() - ABANDONED_AFTER - timedelta(seconds=1))
                )
        # Resent, each retries its stored turn: answered once, not stored again.
        async with stream_turn(http, streamed_session, course.student, STREAMED) as response:
            assert response.status_code == 200
            retried = [event async for event in sse_events(response)]
        assert retried[0] == ("meta", {**stream_meta, "retry": True})
        assert retried[-1][0] == "done"
        answered = await say(http, keyed_student, plain_session, PLAIN)
        assert answered.status_code == 200
        assert answered.json()["data"]["student_message"]["id"] == pending[plain_session]
        # The write accepted before the crash is kept, once; its key replays the answer.
        replayed = await http.post("/v1/console/case-studies", headers={**course.admin, **key}, json=KEPT_CASE)
        assert replayed.headers.get("idempotent-replayed") == "true"
        assert replayed.json()["data"]["id"] == created.json()["data"]["id"]
        listed = await http.get("/v1/console/case-studies", headers=course.admin, params={"limit": 100})
        assert [case["slug"] for case in listed.json()["data"]].count("kept") == 1
    await assert_turns_stored_once(deployment, {streamed_session: [BEFORE, STREAMED], plain_session: [BEFORE, PLAIN]})
