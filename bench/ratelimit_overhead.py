"""What rate limiting costs per request, in-process, against the same route unlimited.

Three apps serve the same anonymous constant route (the error-code catalog): limits off,
counted in process memory, and counted in Redis (a redis-server this script starts on
127.0.0.1, if one is installed). Rounds alternate between them; medians are reported.
Run:

    uv run python bench/ratelimit_overhead.py [--rounds 9] [--requests 1000]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
from pathlib import Path
from typing import Any

from asgi_calls import per_request_us, request
from bench_apps import GENEROUS
from mentora.app import create_app
from mentora.config import Settings
from mentora.platform.db.migrations import migrate

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from tests.support.redis import RedisServer  # the suite's throwaway server

ROUTE = request("GET", "/v1/meta/error-codes")


async def main(rounds: int, requests: int) -> None:
    with tempfile.TemporaryDirectory() as data_dir:
        base = Settings(data_dir=Path(data_dir), access_log=False, log_level="ERROR", rate_limit_anonymous=GENEROUS)
        await migrate(base)
        variants: dict[str, Any] = {
            "unlimited": base.model_copy(update={"rate_limits_enabled": False}),
            "memory": base,
        }
        redis_server = None
        try:
            redis_server = RedisServer()
            redis_server.start()
            variants["redis"] = base.model_copy(update={"redis_url": redis_server.url})
        except FileNotFoundError:
            print("redis-server not installed: measuring memory only\n")
        apps = {name: create_app(settings) for name, settings in variants.items()}
        try:
            for app in apps.values():
                await app.router.lifespan_context(app).__aenter__()
            times: dict[str, list[float]] = {name: [] for name in apps}
            scope, body = ROUTE
            for _ in range(rounds):
                for name, app in apps.items():
                    times[name].append(await per_request_us(app, scope, body, requests, 200))
        finally:
            if redis_server is not None:
                redis_server.destroy()
    unlimited = statistics.median(times["unlimited"])
    print(f"{rounds} interleaved rounds x {requests} requests; median, microseconds per request\n")
    print(f"{'storage':10} {'us/request':>11} {'added':>8} {'ratio to unlimited':>19}")
    for name, samples in times.items():
        median = statistics.median(samples)
        print(f"{name:10} {median:11.1f} {median - unlimited:+8.1f} {median / unlimited:18.2f}x")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--requests", type=int, default=1000)
    arguments = parser.parse_args()
    asyncio.run(main(arguments.rounds, arguments.requests))
