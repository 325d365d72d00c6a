"""Real reads on PostgreSQL over real sockets: one uvicorn worker against two.

A throwaway PostgreSQL (the suite's harness; ``initdb``/``pg_ctl`` from the machine)
holds one tenant with an admin and 60 students. Each round drives, with wrk and 32
connections, GET /v1/users/me (token, tenant, one user row) and a paginated list (GET
/v1/console/users?limit=20: count + page) against a server with 1 worker and one
with 2 (interleaved, alternating which goes first); medians are reported. On a
2-core machine wrk shares the cores with the workers, so 2 workers cannot reach 2x.
Run:

    uv run python bench/postgres_workers.py [--rounds 3] [--seconds 4]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
from pathlib import Path

import asyncpg

from bench_apps import GENEROUS, PASSWORD, TENANT, bench_settings, sign_in_over_http
from load import REPO, LoadResult, ServerProcess, run_wrk, server, wrk_path
from mentora.bootstrap import create_tenant, create_user
from mentora.platform.db.migrations import migrate

sys.path.insert(0, str(REPO))
from tests.support.postgres import PostgresCluster  # the suite's throwaway server

ADMIN = "admin@bench.example.com"
STUDENTS = 60
ROUTES = {"GET /v1/users/me": "/v1/users/me", "GET /v1/console/users (page of 20)": "/v1/console/users?limit=20"}


async def prepare(cluster: PostgresCluster, data_dir: str) -> dict[str, str]:
    connection = await asyncpg.connect(cluster.dsn())
    await connection.execute("CREATE DATABASE mentora_bench")
    await connection.close()
    settings = bench_settings(Path(data_dir), database_url=cluster.url("mentora_bench"))
    await migrate(settings)
    await create_tenant(settings, name="Bench University", slug=TENANT)
    await create_user(settings, tenant_slug=TENANT, email=ADMIN, name="Admin", password=PASSWORD, role="ADMIN")
    for number in range(STUDENTS):
        email = f"student{number}@bench.example.com"
        await create_user(
            settings, tenant_slug=TENANT, email=email, name=f"Student {number}", password=PASSWORD, role="STUDENT"
        )
    return {
        "MENTORA_DATA_DIR": data_dir,
        "MENTORA_DATABASE_URL": settings.database_url or "",
        "MENTORA_JWT_SECRET": "bench-only-signing-secret-of-a-throwaway-database",
        "MENTORA_ACCESS_LOG": "false",
        "MENTORA_LOG_LEVEL": "ERROR",
        "MENTORA_RUN_JOBS_IN_PROCESS": "false",
        **{f"MENTORA_RATE_LIMIT_{policy}": GENEROUS for policy in ("ANONYMOUS", "USER", "TENANT")},
    }


def main(rounds: int, seconds: float) -> None:
    wrk_path()
    cluster = PostgresCluster()
    cluster.start()
    try:
        with tempfile.TemporaryDirectory() as data_dir:
            env = asyncio.run(prepare(cluster, data_dir))
            servers: dict[int, ServerProcess] = {}
            try:
                for workers in (1, 2):
                    servers[workers] = server("mentora.app:create_app", data_dir, env, workers=workers)
                headers = asyncio.run(sign_in_over_http(servers[1].base_url, ADMIN))
                results = measure(servers, headers, rounds, seconds)
            finally:
                for started in servers.values():
                    started.stop()
    finally:
        cluster.destroy()
    report(results, rounds, seconds)


def measure(
    servers: dict[int, ServerProcess], headers: dict[str, str], rounds: int, seconds: float
) -> dict[str, dict[int, list[LoadResult]]]:
    results: dict[str, dict[int, list[LoadResult]]] = {name: {1: [], 2: []} for name in ROUTES}
    for path in ROUTES.values():  # warm-up: connection pools, caches
        for started in servers.values():
            run_wrk(started.base_url + path, seconds=1, headers=headers)
    for round_number in range(rounds):
        order = [1, 2] if round_number % 2 == 0 else [2, 1]
        for name, path in ROUTES.items():
            for workers in order:
                results[name][workers].append(
                    run_wrk(servers[workers].base_url + path, seconds=seconds, headers=headers)
                )
    return results


def report(results: dict[str, dict[int, list[LoadResult]]], rounds: int, seconds: float) -> None:
    print(f"PostgreSQL, {rounds} interleaved rounds x {seconds:g} s, 32 connections; medians\n")
    print(f"{'route':36} {'1 worker req/s':>15} {'2 workers req/s':>16} {'ratio':>7} {'p50 ms (2w)':>12} {'p99 ms':>7}")
    problems = []
    for name, by_workers in results.items():
        one = statistics.median(r.requests_per_second for r in by_workers[1])
        two = statistics.median(r.requests_per_second for r in by_workers[2])
        p50 = statistics.median(r.p50_ms for r in by_workers[2])
        p99 = statistics.median(r.p99_ms for r in by_workers[2])
        print(f"{name:36} {one:15.0f} {two:16.0f} {two / one:6.2f}x {p50:12.2f} {p99:7.2f}")
        for workers, runs in by_workers.items():
            errors = sum(r.socket_errors + r.unexpected_statuses for r in runs)
            if errors:
                problems.append(f"{name} ({workers} workers): {errors} socket errors or unexpected statuses")
    print("\nratio = 2 workers / 1 worker")
    print("\n".join(problems) if problems else "zero socket errors and no unexpected status")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seconds", type=float, default=4)
    arguments = parser.parse_args()
    main(arguments.rounds, arguments.seconds)
