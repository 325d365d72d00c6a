"""Concurrent streaming AI turns: what Mentora adds to the provider's time to first token.

A stand-in provider (its own uvicorn process on 127.0.0.1) streams every answer as 20
OpenAI-style chunks 20 ms apart. Each round measures, back to back:

(a) the provider alone: N simultaneous direct streams, time to the first chunk;
(b) Mentora on 1 worker: N students (distinct users, each with an active session on a
    case study, all prepared before the clock starts) each sending one streaming turn at
    once, time to the first ``delta`` event.

Both are timed from one common start by the same bare client (connections opened before
the clock), so the difference (b - a) at p50 and p99 is Mentora's added time, judged
against the bars (50 ms / 250 ms); each round also prints the server's CPU time per turn
(from /proc). ``--workers2`` then sends waves of 500 simultaneous turns to 2 workers:
errors, and the server processes' RSS after each wave (flat memory). Traffic goes only
to 127.0.0.1. ``--factory`` serves another app factory, and ``BENCH_SERVER_PATH`` puts
folders first on the servers' import path (to measure a change without installing it).
Run:

    uv run --frozen python bench/ai_turns.py [--students 100] [--rounds 5] [--postgres] [--workers2]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import asyncpg
import httpx
import uvloop
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response, StreamingResponse
from starlette.routing import Route

from bench_apps import GENEROUS, PASSWORD, TENANT, bench_settings, tenant_header
from load import BENCH, REPO, ServerProcess, server

sys.path.insert(0, str(REPO))
from tests.support.case_study import CASE_STUDY
from tests.support.postgres import PostgresCluster, free_port  # the suite's harness
from tests.support.server import CHEAP_PASSWORD_HASHING

CHUNKS = 20
CHUNK_GAP_SECONDS = 0.02
BARS_MS = {"p50": 50.0, "p99": 250.0}


# --- the stand-in provider ------------------------------------------------------------


async def _chunks() -> AsyncIterator[bytes]:
    for index in range(CHUNKS):
        if index:
            await asyncio.sleep(CHUNK_GAP_SECONDS)
        chunk = {"choices": [{"index": 0, "delta": {"content": f"word{index} "}}]}
        yield f"data: {json.dumps(chunk)}\n\n".encode()
    yield b"data: [DONE]\n\n"


async def _complete(request: Request) -> Response:
    await request.body()
    return StreamingResponse(_chunks(), media_type="text/event-stream")


async def _health(request: Request) -> Response:
    return Response(b"ok")


def provider_app() -> Starlette:
    """uvicorn factory: an OpenAI-compatible ``POST /v1/chat/completions`` that always streams."""
    return Starlette(routes=[Route("/v1/chat/completions", _complete, methods=["POST"]), Route("/healthz", _health)])


class Provider:
    def __init__(self) -> None:
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}/v1"
        command = [
            sys.executable, "-m", "uvicorn", "--factory", "ai_turns:provider_app", "--port", str(self.port),
            "--loop", "uvloop", "--http", "httptools", "--no-access-log", "--log-level", "warning",
        ]  # fmt: skip
        self.process = subprocess.Popen(command, env={**os.environ, "PYTHONPATH": str(BENCH)}, cwd=REPO)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"http://127.0.0.1:{self.port}/healthz", timeout=1).status_code == 200:
                    return
            except httpx.TransportError:
                time.sleep(0.1)
        raise TimeoutError("the stand-in provider did not start")

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=10)


# --- preparing students ---------------------------------------------------------------


@dataclass(frozen=True)
class Student:
    headers: dict[str, str]
    session_id: str


async def prepare_database(env: dict[str, str], data_dir: str, students: int) -> str:
    """Migrate; a tenant on the stand-in provider, its admin, ``students`` students and one case study."""
    from mentora.bootstrap import create_tenant
    from mentora.case_studies.schemas import CaseStudyCreate
    from mentora.case_studies.service import CaseStudyService
    from mentora.platform.db import Database
    from mentora.platform.db.migrations import migrate
    from mentora.platform.secrets import SecretBox
    from mentora.platform.security.passwords import PasswordService
    from mentora.roles.service import RoleService
    from mentora.tenants.models import Tenant
    from mentora.users.service import UserService

    settings = bench_settings(
        Path(data_dir), database_url=env.get("MENTORA_DATABASE_URL") or None, password_time_cost=1,
        password_memory_kib=1024, password_parallelism=1,
    )  # fmt: skip
    await migrate(settings)
    tenant = await create_tenant(settings, name="Bench University", slug=TENANT)
    passwords = PasswordService(settings)
    password_hash = await passwords.hash(PASSWORD)
    database = Database.from_settings(settings)
    try:
        async with database.transaction() as session:
            stored = await session.get(Tenant, tenant.id)
            assert stored is not None
            stored.ai_config = {
                "base_url": env["BENCH_PROVIDER_URL"],
                "model": "stand-in",
                "api_key_sealed": SecretBox(settings).seal("bench-provider-key"),
            }
            roles = RoleService(session, tenant.id)
            users = UserService(session, tenant.id, passwords)
            for email, role in [("admin@bench.example.com", "ADMIN")] + [
                (f"student{n}@bench.example.com", "STUDENT") for n in range(students)
            ]:
                found = await roles.find(role)
                assert found is not None
                await users.create(email=email, name=email.split("@")[0], password_hash=password_hash, role=found)
            case_study = await CaseStudyService(session, tenant.id).create(CaseStudyCreate.model_validate(CASE_STUDY))
            return case_study.id
    finally:
        await database.dispose()


async def start_sessions(base_url: str, case_study_id: str, count: int) -> list[Student]:
    """Each student signs in and starts a session (over HTTP, a few at a time)."""
    gate = asyncio.Semaphore(8)

    async def one(client: httpx.AsyncClient, number: int) -> Student:
        async with gate:
            email = f"student{number}@bench.example.com"
            login = await client.post(
                "/v1/auth/login", json={"email": email, "password": PASSWORD}, headers=tenant_header()
            )
            login.raise_for_status()
            headers = {**tenant_header(), "Authorization": f"Bearer {login.json()['data']['access_token']}"}
            started = await client.post("/v1/sessions/initialize", json={"content_id": case_study_id}, headers=headers)
            if started.status_code == 409:  # an earlier part of the run started it: keep using it
                return Student(headers, started.json()["details"]["session_id"])
            started.raise_for_status()
            return Student(headers, started.json()["data"]["id"])

    async with httpx.AsyncClient(base_url=base_url, timeout=60) as client:
        return list(await asyncio.gather(*(one(client, n) for n in range(count))))


# --- measuring ------------------------------------------------------------------------


@dataclass
class Wave:
    first_ms: list[float]  # time to first chunk/delta, from the common start
    errors: int


def percentile(values: Sequence[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(fraction * len(ordered) + 0.5) - 1))]


async def _connect(port: int) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
    return await asyncio.open_connection("127.0.0.1", port)


def _request(path: str, port: int, body: dict[str, object], headers: dict[str, str]) -> bytes:
    payload = json.dumps(body).encode()
    lines = [
        f"POST {path} HTTP/1.1", f"Host: 127.0.0.1:{port}", "Content-Type: application/json",
        f"Content-Length: {len(payload)}", "Connection: close", *(f"{k}: {v}" for k, v in headers.items()),
    ]  # fmt: skip
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + payload


async def _exchange(
    connection: tuple[asyncio.StreamReader, asyncio.StreamWriter],
    request: bytes,
    first: bytes,
    done: bytes,
    start: float,
) -> float | None:
    """Send ``request`` on an open connection; the ms from ``start`` until ``first`` arrived,
    or None unless the answer was 200 and ended with ``done``."""
    reader, writer = connection
    writer.write(request)
    received, first_ms = b"", None
    while chunk := await reader.read(65536):
        received += chunk
        if first_ms is None and first in received:
            first_ms = (time.perf_counter() - start) * 1000
    writer.close()
    return first_ms if received.startswith(b"HTTP/1.1 200") and done in received else None


async def direct_streams(provider: Provider, count: int) -> Wave:
    """A bare HTTP client on connections opened before the clock starts (both sides alike),
    so the client's own cost stays small beside what it measures."""
    body = {"model": "stand-in", "messages": [{"role": "user", "content": "hello"}], "stream": True}
    request = _request("/v1/chat/completions", provider.port, body, {})
    connections = await asyncio.gather(*(_connect(provider.port) for _ in range(count)))
    start = time.perf_counter()
    results = await asyncio.gather(
        *(_exchange(c, request, b"data:", b"[DONE]", start) for c in connections), return_exceptions=True
    )
    return _wave(results)


async def streaming_turns(base_url: str, students: Sequence[Student], text: str) -> Wave:
    port = int(base_url.rsplit(":", 1)[1])
    requests = [
        _request(
            f"/v1/sessions/{s.session_id}/messages",
            port,
            {"content": text},
            {**s.headers, "Accept": "text/event-stream"},
        )
        for s in students
    ]
    connections = await asyncio.gather(*(_connect(port) for _ in students))
    start = time.perf_counter()
    results = await asyncio.gather(
        *(_exchange(c, r, b"event: delta", b"event: done", start) for c, r in zip(connections, requests, strict=True)),
        return_exceptions=True,
    )
    return _wave(results)


def _wave(results: Sequence[float | BaseException | None]) -> Wave:
    firsts = [r for r in results if isinstance(r, float)]
    return Wave(firsts, len(results) - len(firsts))


def rss_kib(pid: int) -> int:
    """The resident memory of a process and its children (a server's workers)."""
    total = 0
    pids = [pid]
    children = Path(f"/proc/{pid}/task/{pid}/children")
    if children.exists():
        pids += [int(p) for p in children.read_text().split()]
    for one in pids:
        for line in Path(f"/proc/{one}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                total += int(line.split()[1])
    return total


# --- running --------------------------------------------------------------------------


async def create_database(dsn: str) -> None:
    connection = await asyncpg.connect(dsn)
    await connection.execute("CREATE DATABASE mentora_bench")
    await connection.close()


def server_env(data_dir: str, provider: Provider, database_url: str | None) -> dict[str, str]:
    return {
        "MENTORA_DATA_DIR": data_dir,
        **({"MENTORA_DATABASE_URL": database_url} if database_url else {}),
        "MENTORA_JWT_SECRET": "bench-only-signing-secret-of-a-throwaway-database",
        "MENTORA_ACCESS_LOG": "false",
        "MENTORA_LOG_LEVEL": "ERROR",
        "MENTORA_RUN_JOBS_IN_PROCESS": "false",
        "MENTORA_OUTBOUND_READ_TIMEOUT": "30",
        "MENTORA_OUTBOUND_TOTAL_TIMEOUT": "120",
        "MENTORA_CIRCUIT_FAILURE_THRESHOLD": "100000",
        "BENCH_PROVIDER_URL": provider.base_url,
        # To try a change to the server's dependencies without installing it: extra import paths.
        "PYTHONPATH": os.pathsep.join(filter(None, [os.environ.get("BENCH_SERVER_PATH"), str(BENCH)])),
        **CHEAP_PASSWORD_HASHING,
        **{
            f"MENTORA_RATE_LIMIT_{policy}": GENEROUS
            for policy in ("ANONYMOUS", "USER", "TENANT", "AI_TURNS", "LOGIN", "LOGIN_IP", "LOGIN_ACCOUNT")
        },
    }


def ms(value: float) -> str:
    return f"{value:7.1f}"


def cpu_seconds(pid: int) -> float:
    """CPU time (user + system) a process has used so far."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def compare(provider: Provider, server: ServerProcess, students: list[Student], rounds: int, label: str) -> None:
    base_url, pid = server.base_url, server.process.pid
    count = len(students)
    print(f"\n== {label}: {count} simultaneous streams, {CHUNKS} chunks {CHUNK_GAP_SECONDS * 1000:.0f} ms apart ==")
    asyncio.run(streaming_turns(base_url, students, "Warming up."))  # pools, caches, first-use imports
    asyncio.run(direct_streams(provider, count))
    added: dict[str, list[float]] = {"p50": [], "p99": []}
    cpu_per_turn: list[float] = []
    print(
        f"{'round':>5} {'provider p50':>13} {'p99':>7} {'mentora p50':>12} {'p99':>7} {'added p50':>10} {'p99':>7} err"
    )
    for number in range(rounds):
        # Alternate which goes first, so neither always meets a just-busy machine.
        cpu_before = cpu_seconds(pid)
        if number % 2 == 0:
            direct = asyncio.run(direct_streams(provider, count))
            turns = asyncio.run(streaming_turns(base_url, students, f"My answer, round {number}."))
        else:
            turns = asyncio.run(streaming_turns(base_url, students, f"My answer, round {number}."))
            direct = asyncio.run(direct_streams(provider, count))
        cpu_per_turn.append((cpu_seconds(pid) - cpu_before) * 1000 / count)
        figures = {}
        for name, fraction in (("p50", 0.5), ("p99", 0.99)):
            figures[name] = (percentile(direct.first_ms, fraction), percentile(turns.first_ms, fraction))
            added[name].append(figures[name][1] - figures[name][0])
        print(
            f"{number + 1:5} {ms(figures['p50'][0]):>13} {ms(figures['p99'][0])} {ms(figures['p50'][1]):>12} "
            f"{ms(figures['p99'][1])} {ms(added['p50'][-1]):>10} {ms(added['p99'][-1])} "
            f"{direct.errors + turns.errors:3}  server CPU {cpu_per_turn[-1]:.1f} ms/turn"
        )
    for name, bar in BARS_MS.items():
        median = statistics.median(added[name])
        verdict = "within" if median <= bar else "OVER"
        print(f"added time to first delta, {name}: median {median:.1f} ms over {rounds} rounds", end=" ")
        print(f"({verdict} the {bar:.0f} ms bar)")


def many_on_two_workers(provider: Provider, data_dir: str, env: dict[str, str], case_id: str, waves: int) -> None:
    started = server("mentora.app:create_app", data_dir, env, workers=2)
    try:
        students = asyncio.run(start_sessions(started.base_url, case_id, 500))
        print("\n== 500 simultaneous streaming turns on 2 workers ==")
        before = rss_kib(started.process.pid)
        print(f"RSS of the server processes before: {before / 1024:.0f} MiB")
        total_errors = 0
        for number in range(waves):
            wave = asyncio.run(streaming_turns(started.base_url, students, f"Wave {number}."))
            total_errors += wave.errors
            p50, p99 = percentile(wave.first_ms, 0.5), percentile(wave.first_ms, 0.99)
            print(
                f"wave {number + 1}: {wave.errors} errors, first delta p50 {p50:.0f} ms p99 {p99:.0f} ms, "
                f"RSS {rss_kib(started.process.pid) / 1024:.0f} MiB"
            )
        print(f"errors in all waves: {total_errors}")
    finally:
        started.stop()


def main(students: int, rounds: int, postgres: bool, workers2: bool, waves: int, factory: str) -> None:
    provider = Provider()
    cluster = PostgresCluster() if postgres else None
    try:
        if cluster is not None:
            cluster.start()
        with tempfile.TemporaryDirectory() as data_dir:
            database_url = None
            if cluster is not None:
                asyncio.run(create_database(cluster.dsn()))
                database_url = cluster.url("mentora_bench")
            env = server_env(data_dir, provider, database_url)
            total = max(students, 500 if workers2 else 0)
            case_id = asyncio.run(prepare_database(env, data_dir, total))
            one = server(factory, data_dir, env, workers=1)
            try:
                print(f"server pid {one.process.pid}", flush=True)
                prepared = asyncio.run(start_sessions(one.base_url, case_id, students))
                compare(provider, one, prepared, rounds, "PostgreSQL" if postgres else "SQLite")
            finally:
                one.stop()
            if workers2:
                many_on_two_workers(provider, data_dir, env, case_id, waves)
    finally:
        provider.stop()
        if cluster is not None:
            cluster.destroy()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--students", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--postgres", action="store_true", help="Mentora on a throwaway PostgreSQL, not SQLite")
    parser.add_argument("--workers2", action="store_true", help="also 500 simultaneous turns on 2 workers")
    parser.add_argument("--waves", type=int, default=3, help="waves of 500 turns (with --workers2)")
    parser.add_argument("--factory", default="mentora.app:create_app", help="the app factory the 1-worker server runs")
    arguments = parser.parse_args()
    asyncio.set_event_loop_policy(uvloop.EventLoopPolicy())  # the client's own cost, kept small
    main(
        arguments.students, arguments.rounds, arguments.postgres, arguments.workers2, arguments.waves, arguments.factory
    )
