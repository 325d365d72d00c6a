"""Limits hold for the whole deployment: several real worker processes share them through Redis."""

from __future__ import annotations

import asyncio
import json
import re
from pathlib import Path

import httpx
import redis

from tests.support.contract import check_response
from tests.support.redis import RedisServer
from tests.support.server import ServerProcess

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
            "MENTORA_PASSWORD_MEMORY_KIB": "1024",
            "MENTORA_PASSWORD_PARALLELISM": "1",
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
