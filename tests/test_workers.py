"""The whole deployment acts as one: several real worker processes share rate limits
through Redis, and hear each other's revocations through it."""

from __future__ import annotations

import asyncio
import json
import re
import uuid
from pathlib import Path

import httpx
import pytest
import redis

from tests.conftest import fresh_postgres_database, make_settings
from tests.support.contract import check_response
from tests.support.identity import create_identity, login
from tests.support.postgres import PostgresCluster
from tests.support.redis import RedisServer
from tests.support.server import CHEAP_PASSWORD_HASHING, ServerProcess

pytestmark = [pytest.mark.slow, pytest.mark.exclusive]

LIMIT = 10


async def fire(base_url: str, count: int) -> list[int]:
    """``count`` concurrent requests, each on a connection of its own (so they spread over workers)."""

    async def one() -> int:
        async with httpx.AsyncClient(base_url=base_url, timeout=20, event_hooks={"response": [check_response]}) as http:
            return (await http.get("/v1/meta/error-codes")).status_code

    return await asyncio.gather(*(one() for _ in range(count)))


async def test_four_workers_admit_exactly_the_limit(redis_server: RedisServer, tmp_path: Path) -> None:
    redis.Redis(port=redis_server.port).flushall()
    server = ServerProcess(
        {
            "MENTORA_DATA_DIR": str(tmp_path),
            "MENTORA_REDIS_URL": redis_server.url,
            "MENTORA_RATE_LIMIT_ANONYMOUS": f"{LIMIT}/minute",
            **CHEAP_PASSWORD_HASHING,
        },
        workers=4,
    )
    try:
        server.wait_ready(timeout=60)
        await asyncio.sleep(1.0)  # let every worker finish starting, not only the first
        serving_pids: set[int] = set()
        # Which worker accepts a connection is up to the kernel; a round that happens to
        # land on one process proves nothing about sharing, so go again (bounded).
        for _ in range(5):
            redis.Redis(port=redis_server.port).flushall()
            before = len(server.log().splitlines())
            statuses = await fire(server.base_url, 4 * LIMIT)
            assert sorted(statuses) == [200] * LIMIT + [429] * (3 * LIMIT)
            await asyncio.sleep(0.3)
            new_lines = server.log().splitlines()[before:]
            serving_pids = {json.loads(line)["pid"] for line in new_lines if '"GET /v1/meta/error-codes' in line}
            if len(serving_pids) >= 2:
                break
        log = server.log()
    finally:
        server.stop()
    assert len(set(re.findall(r"Started server process \[(\d+)\]", log))) == 4, log
    # Several processes answered, each of which alone would have admitted all ten:
    # only a shared count explains exactly ten.
    assert len(serving_pids) >= 2, serving_pids


async def answers_by_worker(server: ServerProcess, access_token: str) -> dict[int, set[int]]:
    """GET /v1/users/me with the token on fresh connections until two worker processes have
    answered (bounded): each worker's pid -> the statuses it answered. The kernel may hand
    a hundred connections in a row to one worker, so up to 800 are tried."""
    by_worker: dict[int, set[int]] = {}
    for _ in range(50):
        request_ids = [uuid.uuid4().hex for _ in range(16)]

        async def one(request_id: str) -> int:
            headers = {"Authorization": f"Bearer {access_token}", "X-Request-ID": request_id}
            async with httpx.AsyncClient(base_url=server.base_url, event_hooks={"response": [check_response]}) as http:
                return (await http.get("/v1/users/me", headers=headers)).status_code

        statuses = dict(zip(request_ids, await asyncio.gather(*(one(rid) for rid in request_ids)), strict=True))
        await asyncio.sleep(0.2)  # the access log lines are written after the answers
        for line in server.log().splitlines():
            entry = json.loads(line) if line.startswith("{") else {}
            if entry.get("request_id") in statuses and entry.get("status"):
                by_worker.setdefault(entry["pid"], set()).add(statuses[entry["request_id"]])
        if len(by_worker) >= 2:
            break
    return by_worker


async def test_a_logout_is_refused_by_every_worker_within_100_ms(
    redis_server: RedisServer, postgres_cluster: PostgresCluster, postgres_template: str, tmp_path: Path
) -> None:
    settings = make_settings(tmp_path, database_url=fresh_postgres_database(postgres_cluster, postgres_template))
    await create_identity(settings)
    server = ServerProcess(
        {
            "MENTORA_DATA_DIR": str(tmp_path),
            "MENTORA_DATABASE_URL": settings.database_url or "",
            "MENTORA_REDIS_URL": redis_server.url,
            # Only an invalidation, never an entry's time running out, can explain a refusal.
            "MENTORA_PRINCIPAL_CACHE_SECONDS": "60",
            "MENTORA_RUN_JOBS_IN_PROCESS": "false",
            # Refused tokens count as anonymous requests: this many must never meet that limit.
            "MENTORA_RATE_LIMIT_ANONYMOUS": "10000/minute",
            **CHEAP_PASSWORD_HASHING,
        },
        workers=2,
    )
    try:
        server.wait_ready(timeout=60)
        async with httpx.AsyncClient(base_url=server.base_url, event_hooks={"response": [check_response]}) as http:
            tokens = await login(http, "student@alpha.example.com", "alpha")
            warmed = await answers_by_worker(server, tokens["access_token"])  # each worker caches the token's state
            assert len(warmed) == 2 and all(statuses == {200} for statuses in warmed.values()), warmed
            signed_out = await http.post("/v1/auth/logout", json={"refresh_token": tokens["refresh_token"]})
            assert signed_out.status_code == 200
        await asyncio.sleep(0.1)
        after = await answers_by_worker(server, tokens["access_token"])
    finally:
        server.stop()
    assert len(after) == 2 and all(statuses == {401} for statuses in after.values()), after
