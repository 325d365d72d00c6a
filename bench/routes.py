"""The routes people call, over real sockets, each against a baseline measured in the same run.

SQLite (the embedded default), one uvicorn worker, wrk with 32 connections, rounds
interleaved: ``GET /v1/users/me``, ``GET /v1/case-studies`` (a student) and
``GET /v1/sessions/{id}`` (a transcript of 20 turns: 40 messages) against the same server's
``/healthz`` (bar: 0.3x; p99 at most 4x p50). Then reads with writes beside them: the
student's transcript read by 32 connections alone, and again while 4 more connections
change the admin's name (``PATCH /v1/users/me``); the reads' p50 must stay within 1.5x.

PostgreSQL (``--postgres``; a throwaway cluster from the suite's harness, 1 tenant, an
admin and 60 students): ``GET /v1/users/me`` against a bare FastAPI + asyncpg app running
the same one-row SELECT (bar 0.5x), ``GET /v1/console/users?limit=20`` against the bare
app's same page + count (bar 0.4x), and each route on 2 workers against 1 (bar 1.7x).

    uv run python bench/routes.py [--rounds 5] [--seconds 3] [--postgres]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from bench_apps import EMAIL, GENEROUS, PASSWORD, TENANT, bench_settings, prepare_database, sign_in
from load import LoadResult, ServerProcess, run_wrk, server, wrk_path
from mentora.bootstrap import create_user

ADMIN = "admin@bench.example.com"
TURNS = 20
# Every policy generous: the benchmark measures counting, never refusing.
GENEROUS_ENV = {
    f"MENTORA_RATE_LIMIT_{policy}": GENEROUS for policy in ("ANONYMOUS", "USER", "TENANT", "AI_TURNS", "LOGIN")
}
QUIET_ENV = {"MENTORA_ACCESS_LOG": "false", "MENTORA_LOG_LEVEL": "ERROR", **GENEROUS_ENV}


@dataclass
class Case:
    name: str
    server: str
    path: str
    headers: dict[str, str]
    results: list[LoadResult] = field(default_factory=list)

    def median(self, figure: Callable[[LoadResult], float]) -> float:
        return statistics.median(figure(result) for result in self.results)

    @property
    def requests_per_second(self) -> float:
        return self.median(lambda result: result.requests_per_second)

    @property
    def p50(self) -> float:
        return self.median(lambda result: result.p50_ms)

    @property
    def p99(self) -> float:
        return self.median(lambda result: result.p99_ms)


def drive(servers: dict[str, ServerProcess], case: Case, seconds: float, connections: int = 32) -> LoadResult:
    url = servers[case.server].base_url + case.path
    return run_wrk(url, seconds=seconds, headers=case.headers, connections=connections)


def measure(servers: dict[str, ServerProcess], cases: list[Case], rounds: int, seconds: float) -> None:
    """Every case once to warm up, then ``rounds`` rounds, the order reversed every other round."""
    for case in cases:
        drive(servers, case, 1)
    for round_number in range(rounds):
        for case in cases if round_number % 2 == 0 else reversed(cases):
            case.results.append(drive(servers, case, seconds))


def problems_of(cases: list[Case]) -> list[str]:
    found = []
    for case in cases:
        errors = sum(result.socket_errors for result in case.results)
        unexpected = sum(result.unexpected_statuses for result in case.results)
        if errors or unexpected:
            found.append(f"{case.name}: {errors} socket errors, {unexpected} unexpected statuses")
    return found


def verdict(ok: bool) -> str:
    return "ok" if ok else "BELOW"


# SQLite ---------------------------------------------------------------------------------


async def prepare_sqlite(url: str) -> tuple[dict[str, str], dict[str, str], str]:
    """The student's and the admin's headers, and a session whose transcript holds 20 turns."""
    async with httpx.AsyncClient(base_url=url, timeout=30) as client:
        admin = await sign_in(client, ADMIN)
        created = await client.post(
            "/v1/console/case-studies",
            headers=admin,
            json={"title": "Bench case", "slug": "bench-case", "description": "A case to read.", "instructions": []},
        )
        created.raise_for_status()
        student = await sign_in(client, EMAIL)
        started = await client.post(
            "/v1/sessions/initialize", headers=student, json={"content_id": created.json()["data"]["id"]}
        )
        started.raise_for_status()
        session_id = started.json()["data"]["id"]
        for turn in range(TURNS):
            sent = await client.post(
                f"/v1/sessions/{session_id}/messages",
                headers=student,
                json={"content": f"Turn {turn}: the central problem is the budget, and the evidence is mixed."},
            )
            sent.raise_for_status()
        return student, admin, session_id


@dataclass
class SqliteServer:
    """One worker on a fresh SQLite database, with a student, an admin and a session of 20 turns."""

    process: ServerProcess
    student: dict[str, str]
    admin: dict[str, str]
    session_id: str


def start_sqlite_server(folder: str) -> SqliteServer:
    settings = bench_settings(Path(folder))
    asyncio.run(prepare_database(settings))
    asyncio.run(create_user(settings, tenant_slug=TENANT, email=ADMIN, name="Admin", password=PASSWORD, role="ADMIN"))
    started = server("mentora.app:create_app", folder, QUIET_ENV)
    try:
        student, admin, session_id = asyncio.run(prepare_sqlite(started.base_url))
    except BaseException:
        started.stop()
        raise
    return SqliteServer(started, student, admin, session_id)


def sqlite_part(rounds: int, seconds: float) -> list[str]:
    with tempfile.TemporaryDirectory() as folder:
        started = start_sqlite_server(folder)
        student, admin, session_id = started.student, started.admin, started.session_id
        servers = {"mentora": started.process}
        try:
            healthz = Case("/healthz (baseline)", "mentora", "/healthz", {})
            routes = [
                Case("GET /v1/users/me", "mentora", "/v1/users/me", student),
                Case("GET /v1/case-studies (student)", "mentora", "/v1/case-studies", student),
                Case(f"GET /v1/sessions/{{id}} ({TURNS} turns)", "mentora", f"/v1/sessions/{session_id}", student),
            ]
            measure(servers, [healthz, *routes], rounds, seconds)
            transcript = routes[2]
            alone, beside_writes, writes = reads_beside_writes(servers, transcript, admin, rounds, seconds)
        finally:
            servers["mentora"].stop()

    problems = problems_of([healthz, *routes, alone, beside_writes, writes])
    print(f"SQLite, one worker: {rounds} interleaved rounds x {seconds:g} s, 32 connections; medians\n")
    print(f"{'route':36} {'req/s':>7} {'vs /healthz':>12} {'bar':>5} {'p50 ms':>7} {'p99 ms':>7} {'p99/p50':>8}")
    print(f"{healthz.name:36} {healthz.requests_per_second:7.0f}")
    for case in routes:
        ratio = case.requests_per_second / healthz.requests_per_second
        p50, p99 = case.p50, case.p99
        tail_ok = p99 <= 4 * p50
        print(
            f"{case.name:36} {case.requests_per_second:7.0f} {ratio:11.2f}x  0.3x {p50:7.2f} {p99:7.2f} "
            f"{p99 / p50:7.1f}x {verdict(ratio >= 0.3)}{'' if tail_ok else ', p99 > 4x p50'}"
        )
    share = writes.requests_per_second / (writes.requests_per_second + beside_writes.requests_per_second)
    slower = beside_writes.p50 / alone.p50
    print(
        f"\nthe transcript read alone: {alone.requests_per_second:.0f} req/s, p50 {alone.p50:.2f} ms,"
        f" p99 {alone.p99:.2f} ms\n"
        f"beside writes ({share:.0%} of requests): {beside_writes.requests_per_second:.0f} req/s,"
        f" p50 {beside_writes.p50:.2f} ms, p99 {beside_writes.p99:.2f} ms;"
        f" writes {writes.requests_per_second:.0f} req/s, p50 {writes.p50:.2f} ms\n"
        f"reads' p50 beside writes / alone: {slower:.2f}x (bar 1.5x) {verdict(slower <= 1.5)}"
    )
    return problems


def reads_beside_writes(
    servers: dict[str, ServerProcess], reads: Case, admin: dict[str, str], rounds: int, seconds: float
) -> tuple[Case, Case, Case]:
    """The reads alone, then with writers beside them, in interleaved rounds."""
    alone = Case("reads alone", reads.server, reads.path, reads.headers)
    beside = Case("reads beside writes", reads.server, reads.path, reads.headers)
    writes = Case("writes", "mentora", "/v1/users/me", admin)
    url = servers["mentora"].base_url

    def write() -> LoadResult:
        return run_wrk(
            url + writes.path,
            seconds=seconds,
            connections=4,
            method="PATCH",
            body='{"name": "Admin Renamed"}',
            headers=admin,
        )

    with ThreadPoolExecutor(max_workers=2) as pool:
        for round_number in range(rounds):
            if round_number % 2:
                alone.results.append(drive(servers, alone, seconds))
            written = pool.submit(write)
            beside.results.append(drive(servers, beside, seconds))
            writes.results.append(written.result())
            if not round_number % 2:
                alone.results.append(drive(servers, alone, seconds))
    return alone, beside, writes


# PostgreSQL -----------------------------------------------------------------------------


def postgres_part(rounds: int, seconds: float) -> list[str]:
    from postgres_workers import ADMIN as PG_ADMIN
    from postgres_workers import PostgresCluster, prepare

    cluster = PostgresCluster()
    cluster.start()
    servers: dict[str, ServerProcess] = {}
    try:
        with tempfile.TemporaryDirectory() as data_dir:
            env = asyncio.run(prepare(cluster, data_dir))
            servers["1 worker"] = server("mentora.app:create_app", data_dir, env)
            servers["2 workers"] = server("mentora.app:create_app", data_dir, env, workers=2)
            bare_env = {**env, "MENTORA_BENCH_USER_EMAIL": PG_ADMIN}
            servers["bare"] = server("bare_postgres:bare_postgres_from_env", data_dir, bare_env)
            admin = asyncio.run(_sign_in(servers["1 worker"].base_url, PG_ADMIN))
            pairs = {
                "GET /v1/users/me": ("/v1/users/me", "/bare/me", 0.5),
                "GET /v1/console/users?limit=20": ("/v1/console/users?limit=20", "/bare/users?limit=20", 0.4),
            }
            cases = {(name, "bare"): Case(f"{name} [bare]", "bare", bare, {}) for name, (_, bare, _) in pairs.items()}
            for name, (ours, _, _) in pairs.items():
                for side in ("1 worker", "2 workers"):
                    cases[(name, side)] = Case(f"{name} [{side}]", side, ours, admin)
            measure(servers, list(cases.values()), rounds, seconds)
    finally:
        for started in servers.values():
            started.stop()
        cluster.destroy()

    print(f"\nPostgreSQL: {rounds} interleaved rounds x {seconds:g} s, 32 connections; medians\n")
    print(f"{'route':32} {'bare':>6} {'1 worker':>9} {'vs bare':>8} {'bar':>5} {'2 workers':>10} {'vs 1':>6}  p50/p99")
    for name, (_, _, bar) in pairs.items():
        bare, one, two = (cases[(name, side)] for side in ("bare", "1 worker", "2 workers"))
        versus_bare = one.requests_per_second / bare.requests_per_second
        scaling = two.requests_per_second / one.requests_per_second
        print(
            f"{name:32} {bare.requests_per_second:6.0f} {one.requests_per_second:9.0f} {versus_bare:7.2f}x {bar:4.1f}x"
            f" {two.requests_per_second:10.0f} {scaling:5.2f}x  {one.p50:.2f}/{one.p99:.2f}"
            f"  vs bare {verdict(versus_bare >= bar)}, 2 workers {verdict(scaling >= 1.7)}"
        )
    return problems_of(list(cases.values()))


async def _sign_in(url: str, email: str) -> dict[str, str]:
    async with httpx.AsyncClient(base_url=url) as client:
        return await sign_in(client, email)


def main(rounds: int, seconds: float, postgres: bool) -> None:
    wrk_path()
    problems = sqlite_part(rounds, seconds)
    if postgres:
        problems += postgres_part(rounds, seconds)
    print("\n" + ("\n".join(problems) if problems else "zero socket errors and no unexpected status"))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--seconds", type=float, default=3)
    parser.add_argument("--postgres", action="store_true", help="the PostgreSQL routes too (a throwaway cluster)")
    arguments = parser.parse_args()
    main(arguments.rounds, arguments.seconds, arguments.postgres)
