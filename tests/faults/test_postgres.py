"""PostgreSQL stopped and started again under load, with a real server and a real job worker."""

from __future__ import annotations

import asyncio
import signal
from pathlib import Path

import pytest
from sqlalchemy import func, select

from mentora.contract import STATUS_BY_CODE, ErrorCode
from mentora.grades.models import Grade
from mentora.platform.db.migrations import migrate
from tests.conftest import execute_admin, make_settings
from tests.faults.conftest import deploy, open_course, server_client, serving, sse_events, stream_turn, wait_until
from tests.faults.load import Load, assert_turns_stored_once
from tests.grades.test_grading import start_worker
from tests.support.contract import assert_error_body
from tests.support.fake_ai import FakeAIProvider
from tests.support.postgres import PostgresCluster

pytestmark = pytest.mark.slow

STREAMED = "A streamed thought, answered while the database is away."


async def test_postgres_outage_under_load_loses_no_accepted_turn(
    own_cluster: PostgresCluster, fake_ai: FakeAIProvider, tmp_path: Path
) -> None:
    await execute_admin(own_cluster, "CREATE DATABASE mentora")
    settings = make_settings(tmp_path, database_url=own_cluster.url("mentora"))
    await migrate(settings)
    deployment = await deploy(settings)
    worker_env = deployment.env(MENTORA_JOB_POLL_SECONDS="0.2", MENTORA_DB_CONNECT_TIMEOUT="2")
    worker = start_worker(worker_env, tmp_path / "worker.log")
    try:
        async with (
            serving(deployment, MENTORA_DB_CONNECT_TIMEOUT="2", MENTORA_DB_POOL_TIMEOUT="2") as server,
            server_client(server) as http,
        ):
            course = await open_course(http, deployment.identity, fake_ai, sessions=4)
            streamed_session, *loaded = course.sessions
            fake_ai.mode = "slow_stream"  # streams take seconds; plain answers come at once
            load = Load(http, course.student, loaded)
            async with load.running():
                await load.each_session_gets(2, 30, "turns were answered before the outage")
                # A streamed turn in flight when the database goes: its answer cannot be stored.
                async with stream_turn(http, streamed_session, course.student, STREAMED) as response:
                    events = sse_events(response)
                    name, meta = await anext(events)
                    assert (name, (await anext(events))[0]) == ("meta", "delta")
                    await asyncio.to_thread(own_cluster.stop)
                    rest = [event async for event in events]
                assert rest[-1][0] == "error", rest
                assert rest[-1][1]["code"] == "DATABASE_ERROR"
                assert_error_body(STATUS_BY_CODE[ErrorCode.DATABASE_ERROR], rest[-1][1])
                await wait_until(lambda: load.errors["DATABASE_ERROR"] >= 10, 30, "the outage was noticed")
                await asyncio.to_thread(own_cluster.start)
                await load.each_session_gets(2, 60, "service resumed after the database came back")
            # Only the outage's own errors, each a contract envelope (checked on arrival).
            assert set(load.errors) <= {"DATABASE_ERROR", "CONFLICT"}, load.errors

            # The streamed turn was kept: sending it again retries that very turn.
            fake_ai.mode = "ok"
            retried: list[tuple[str, object]] = []
            for _ in range(100):  # bounded: "still being written" until its outcome is recorded
                async with stream_turn(http, streamed_session, course.student, STREAMED) as response:
                    if response.status_code == 200:
                        retried = [event async for event in sse_events(response)]
                        break
                    await response.aread()
                    assert response.json()["code"] == "CONFLICT", response.text
                await asyncio.sleep(0.2)
            assert retried, "the streamed turn could not be retried after the outage"
            assert retried[0][1] == {**meta, "retry": True}
            assert retried[-1][0] == "done"
            await load.assert_nothing_lost_or_doubled(deployment)
            await assert_turns_stored_once(deployment, {streamed_session: [STREAMED]})

            # The worker lived through the outage too: every session is graded, once.
            for session_id in course.sessions:
                ended = await http.post(f"/v1/sessions/{session_id}/end", headers=course.student)
                assert ended.status_code == 200
            async with deployment.database() as database:

                async def grades() -> int:
                    async with database.sessionmaker() as session:
                        return int((await session.execute(select(func.count()).select_from(Grade))).scalar_one())

                for _ in range(300):
                    if await grades() == len(course.sessions):
                        break
                    await asyncio.sleep(0.1)
                assert await grades() == len(course.sessions), (tmp_path / "worker.log").read_text()
            assert server.process.poll() is None, "the server restarted or died"
            assert worker.poll() is None, "the worker died"
    finally:
        worker.send_signal(signal.SIGTERM)
        worker.wait(timeout=30)
