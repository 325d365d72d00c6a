"""Redis, which shares the rate limits, stopped and started again under load."""

from __future__ import annotations

import asyncio
from collections import Counter

import pytest
import redis.asyncio

from tests.faults.conftest import Deployment, open_course, server_client, serving, wait_until
from tests.faults.load import Load
from tests.support.fake_ai import FakeAIProvider
from tests.support.identity import PASSWORD
from tests.support.redis import RedisServer

pytestmark = pytest.mark.slow


async def test_redis_outage_under_load_loses_nothing_and_sharing_resumes(
    own_redis: RedisServer, fake_ai: FakeAIProvider, sqlite_deployment: Deployment
) -> None:
    limits = {
        "MENTORA_REDIS_URL": own_redis.url,
        "MENTORA_REDIS_RETRY_SECONDS": "0.5",
        "MENTORA_REDIS_TIMEOUT_SECONDS": "0.2",
        "MENTORA_RATE_LIMIT_LOGIN": "1000/minute",
        "MENTORA_RATE_LIMIT_LOGIN_IP": "1000/minute",
    }
    async with serving(sqlite_deployment, **limits) as server, server_client(server) as http:
        course = await open_course(http, sqlite_deployment.identity, fake_ai, sessions=3)
        logins: Counter[int] = Counter()
        stop_logins = asyncio.Event()

        async def sign_in_repeatedly() -> None:
            # Login fails closed while limits cannot be shared (guessing must not go unlimited).
            for _ in range(2000):
                if stop_logins.is_set():
                    return
                answer = await http.post(
                    "/v1/auth/login",
                    json={"email": sqlite_deployment.identity.a.email("STUDENT"), "password": PASSWORD},
                    headers={"X-Tenant": "alpha"},
                )
                logins[answer.status_code] += 1
                if answer.status_code == 429:
                    assert answer.json()["code"] == "RATE_LIMIT_EXCEEDED"
                await asyncio.sleep(0.1)

        load = Load(http, course.student, course.sessions)
        signing_in = asyncio.create_task(sign_in_repeatedly())
        try:
            async with load.running():
                await load.each_session_gets(2, 30, "turns were answered before the outage")
                await asyncio.to_thread(own_redis.stop)
                await wait_until(lambda: logins[429] >= 3, 30, "logins were refused while Redis was away")
                await load.each_session_gets(2, 30, "turns went on while Redis was away")
                await asyncio.to_thread(own_redis.start)
                signed_in = logins[200]
                await wait_until(lambda: logins[200] >= signed_in + 3, 30, "logins came back with Redis")
                await load.each_session_gets(2, 30, "turns went on after Redis came back")
        finally:
            stop_logins.set()
            await asyncio.wait_for(signing_in, 60)
        # Turns and reads never failed: without Redis they were counted in the process.
        assert not load.errors, load.errors
        assert set(logins) <= {200, 429}, logins
        await load.assert_nothing_lost_or_doubled(sqlite_deployment)
        # Counting is shared again: the restarted Redis holds the limits' keys.
        connection = redis.asyncio.Redis(port=own_redis.port)
        try:
            assert await connection.keys("mentora:rl*")
        finally:
            await connection.aclose()
        assert server.process.poll() is None, "the server restarted or died"
        assert (await http.get("/healthz")).status_code == 200
