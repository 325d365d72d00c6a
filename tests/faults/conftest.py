"""What the fault tests share: a deployment on a real database, real server processes,
clients that check every answer against the contract, and the tutoring fixtures."""

from __future__ import annotations

import asyncio
import json
import shutil
import time
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from mentora.config import Settings
from mentora.platform.db import Database
from tests.conftest import fresh_postgres_database, make_settings, running
from tests.sessions.conftest import (  # noqa: F401  (fixtures, shared with the sessions tests)
    classroom,
    fake_ai,
    http,
    tutoring_app,
    tutoring_settings,
)
from tests.support.case_study import CASE_STUDY
from tests.support.contract import check_response
from tests.support.fake_ai import API_KEY, FakeAIProvider
from tests.support.fake_lms import FakeLMS, running_fake_lms
from tests.support.identity import Identity, bearer, create_identity
from tests.support.postgres import PostgresCluster
from tests.support.server import ServerProcess


@pytest.fixture
def lms() -> Iterator[FakeLMS]:
    with running_fake_lms() as server:
        yield server


@pytest.fixture
def own_cluster() -> Iterator[PostgresCluster]:
    """A cluster of the test's own, since the test stops it."""
    with running(PostgresCluster) as cluster:
        yield cluster


@dataclass
class Deployment:
    """A migrated database with the standard identity, and how processes reach it."""

    settings: Settings
    identity: Identity

    def env(self, **extra: str) -> dict[str, str]:
        env = {
            # One data dir for every process: the same signing and sealing keys, so tokens
            # and tenant secrets outlive any one server.
            "MENTORA_DATA_DIR": str(self.settings.data_dir),
            # The identity's password hashing, so a login never rewrites a hash.
            "MENTORA_PASSWORD_TIME_COST": str(self.settings.password_time_cost),
            "MENTORA_PASSWORD_MEMORY_KIB": str(self.settings.password_memory_kib),
            "MENTORA_PASSWORD_PARALLELISM": str(self.settings.password_parallelism),
            # The load sends many requests a minute; the per-user limits are not under test.
            "MENTORA_RATE_LIMIT_AI_TURNS": "1000000/minute",
            "MENTORA_RATE_LIMIT_USER": "1000000/minute",
            "MENTORA_RATE_LIMIT_TENANT": "1000000/minute",
            "MENTORA_RUN_JOBS_IN_PROCESS": "false",
        }
        if self.settings.database_url:
            env["MENTORA_DATABASE_URL"] = self.settings.database_url
        return {**env, **extra}

    @asynccontextmanager
    async def database(self) -> AsyncIterator[Database]:
        """Direct access, to check what was stored (and to let time pass for a stored row)."""
        database = Database.from_settings(self.settings)
        try:
            yield database
        finally:
            await database.dispose()


async def deploy(settings: Settings) -> Deployment:
    return Deployment(settings, await create_identity(settings))


@pytest.fixture
async def pg_deployment(tmp_path: Path, postgres_cluster: PostgresCluster, postgres_template: str) -> Deployment:
    """A fresh database on the shared PostgreSQL (for faults that leave PostgreSQL running)."""
    database_url = fresh_postgres_database(postgres_cluster, postgres_template)
    return await deploy(make_settings(tmp_path, database_url=database_url))


@pytest.fixture
async def sqlite_deployment(tmp_path: Path, sqlite_template: Path) -> Deployment:
    """A fresh embedded SQLite database (for faults that do not involve the database)."""
    shutil.copy(sqlite_template, tmp_path / "mentora.db")
    return await deploy(make_settings(tmp_path))


@asynccontextmanager
async def serving(deployment: Deployment, **extra: str) -> AsyncIterator[ServerProcess]:
    """A real ``mentora serve`` on the deployment, stopped afterwards (if still alive)."""
    server = ServerProcess(deployment.env(**extra))
    try:
        await asyncio.to_thread(server.wait_ready, 60.0)
        yield server
    finally:
        await asyncio.to_thread(server.stop)


def server_client(server: ServerProcess) -> httpx.AsyncClient:
    """A client of a real server whose every (non-streamed) answer is checked against the contract."""
    return httpx.AsyncClient(base_url=server.base_url, timeout=60, event_hooks={"response": [check_response]})


def stream_turn(
    client: httpx.AsyncClient, session_id: str, student: dict[str, str], content: str
) -> AbstractAsyncContextManager[httpx.Response]:
    """A student turn sent for a streamed (SSE) answer; read it with ``sse_events``."""
    return client.stream(
        "POST",
        f"/v1/sessions/{session_id}/messages",
        headers={**student, "Accept": "text/event-stream"},
        json={"content": content},
    )


async def wait_until(condition: Callable[[], bool], seconds: float, what: Callable[[], str] | str) -> None:
    """Poll ``condition`` (bounded); fail saying ``what`` did not happen."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"not within {seconds} s: {what() if callable(what) else what}")
        await asyncio.sleep(0.05)


@dataclass
class Course:
    """Tenant alpha's student with one session per case study, the tutor on the fake provider."""

    student: dict[str, str]
    faculty: dict[str, str]
    admin: dict[str, str]
    sessions: list[str]


async def open_course(
    client: httpx.AsyncClient, identity: Identity, provider: FakeAIProvider, *, sessions: int
) -> Course:
    operator = await bearer(client, "operator@platform.example.com", "platform")
    configured = await client.patch(
        f"/v1/console/tenants/{identity.a.id}",
        headers=operator,
        json={
            "ai_config": {"base_url": provider.base_url, "model": "fake-1", "api_key": API_KEY},
            "settings": {"daily_message_quota": 0},  # the load goes past a day's quota
        },
    )
    assert configured.status_code == 200, configured.text
    admin = await bearer(client, identity.a.email("ADMIN"), "alpha")
    student = await bearer(client, identity.a.email("STUDENT"), "alpha")
    session_ids = []
    for number in range(sessions):
        case = {**CASE_STUDY, "slug": f"case-{number}", "title": f"Case {number}"}
        created = await client.post("/v1/console/case-studies", headers=admin, json=case)
        assert created.status_code == 201, created.text
        started = await client.post(
            "/v1/sessions/initialize", headers=student, json={"content_id": created.json()["data"]["id"]}
        )
        assert started.status_code == 201, started.text
        session_ids.append(started.json()["data"]["id"])
    faculty = await bearer(client, identity.a.email("FACULTY"), "alpha")
    return Course(student=student, faculty=faculty, admin=admin, sessions=session_ids)


async def sse_events(response: httpx.Response) -> AsyncIterator[tuple[str, Any]]:
    """The (event, data) pairs of a server-sent-event response, as they arrive."""
    name: str | None = None
    async for line in response.aiter_lines():
        if line.startswith("event: "):
            name = line.removeprefix("event: ")
        elif line.startswith("data: ") and name is not None:
            yield name, json.loads(line.removeprefix("data: "))
            name = None
