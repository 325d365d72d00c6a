"""A burst of ordinary traffic is not a database failure.

Fifty students sign in at once and each starts a session, takes three turns and ends
the session, against a real ``mentora serve`` on each database, two rounds in a row (the
second meets the first one's grading jobs still writing): not one answer may be a server
error (on SQLite, "database is locked" used to be). Below, the
parts on SQLite: writers queue in the process, wait for other processes' writers up to
``db_command_timeout``, and reads never queue behind them.
"""

from __future__ import annotations

import asyncio
import sqlite3
import time
from collections import Counter
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from mentora.app import create_app
from mentora.bootstrap import create_tenant, create_user
from mentora.config import Settings
from mentora.platform.db import Database
from mentora.platform.security.passwords import PasswordService
from mentora.platform.security.permissions import SystemRole
from mentora.roles.service import RoleService
from mentora.users.service import UserService
from tests.conftest import contract_client
from tests.support.contract import check_response
from tests.support.identity import PASSWORD as IDENTITY_PASSWORD
from tests.support.identity import Identity
from tests.support.server import ServerProcess

STUDENTS = 50
ROUNDS = 2
TURNS = 3
PASSWORD = "a burst of students"
TENANT = "burst"
ADMIN = f"admin@{TENANT}.example.com"
# Production Argon2id (the defaults): its hashing is what keeps every request busy at once.
PRODUCTION_PASSWORDS = {"password_time_cost": 3, "password_memory_kib": 65536, "password_parallelism": 4}


def student_email(number: int) -> str:
    return f"student{number}@{TENANT}.example.com"


async def seed(settings: Settings) -> None:
    """A tenant, its admin and the students, hashed as the server will verify them."""
    hashing = settings.model_copy(update=PRODUCTION_PASSWORDS)
    tenant = await create_tenant(settings, name="Burst University", slug=TENANT)
    await create_user(hashing, tenant_slug=TENANT, email=ADMIN, name="Admin", password=PASSWORD, role=SystemRole.ADMIN)
    passwords = PasswordService(hashing)
    password_hash = await passwords.hash(PASSWORD)  # one hash for all: the same password
    database = Database.from_settings(settings)
    try:
        async with database.sessionmaker() as session, session.begin():
            student = await RoleService(session, tenant.id).find(SystemRole.STUDENT)
            assert student is not None
            users = UserService(session, tenant.id, passwords)
            for number in range(STUDENTS):
                email = student_email(number)
                await users.create(email=email, name=f"Student {number}", password_hash=password_hash, role=student)
    finally:
        await database.dispose()


def server_env(settings: Settings) -> dict[str, str]:
    env = {
        "MENTORA_DATA_DIR": str(settings.data_dir),
        "MENTORA_RUN_JOBS_IN_PROCESS": "true",  # grading jobs write too, as on the embedded default
        "MENTORA_ACCESS_LOG": "false",
        # Every sign-in comes from 127.0.0.1: the per-IP limits would answer 429 instead.
        "MENTORA_RATE_LIMIT_LOGIN_IP": "10000/minute",
        "MENTORA_RATE_LIMIT_ANONYMOUS": "10000/minute",
        **{f"MENTORA_{name.upper()}": str(value) for name, value in PRODUCTION_PASSWORDS.items()},
    }
    if settings.database_url:
        env["MENTORA_DATABASE_URL"] = settings.database_url
    return env


async def login(http: httpx.AsyncClient, email: str) -> httpx.Response:
    return await http.post("/v1/auth/login", json={"email": email, "password": PASSWORD}, headers={"X-Tenant": TENANT})


async def create_case_study(http: httpx.AsyncClient, round_number: int) -> str:
    response = await login(http, ADMIN)
    assert response.status_code == 200, response.text
    headers = {"Authorization": f"Bearer {response.json()['data']['access_token']}"}
    body = {"title": f"Round {round_number}", "slug": f"round-{round_number}", "instructions": ["Say what you see."]}
    created = await http.post("/v1/console/case-studies", json=body, headers=headers)
    assert created.status_code == 201, created.text
    case_study_id: str = created.json()["data"]["id"]
    return case_study_id


def client_of(server: ServerProcess) -> httpx.AsyncClient:
    """A client with connections of its own, so that students spread over the workers."""
    return httpx.AsyncClient(base_url=server.base_url, timeout=120, event_hooks={"response": [check_response]})


async def visit(server: ServerProcess, number: int, case_study_id: str) -> list[httpx.Response]:
    async with client_of(server) as http:
        return await visit_with(http, number, case_study_id)


async def visit_with(http: httpx.AsyncClient, number: int, case_study_id: str) -> list[httpx.Response]:
    """One student: sign in, start a session, take turns with the offline tutor, end it
    (which queues its grading). Stops at the first refusal."""
    responses = [await login(http, student_email(number))]
    if responses[-1].status_code != 200:
        return responses
    headers = {"Authorization": f"Bearer {responses[-1].json()['data']['access_token']}"}
    responses.append(await http.post("/v1/sessions/initialize", json={"content_id": case_study_id}, headers=headers))
    if responses[-1].status_code != 201:
        return responses
    session_id = responses[-1].json()["data"]["id"]
    steps = [(f"/v1/sessions/{session_id}/messages", {"content": f"Turn {turn}."}) for turn in range(TURNS)]
    for path, body in [*steps, (f"/v1/sessions/{session_id}/end", None)]:
        responses.append(await http.post(path, json=body, headers=headers))
        if responses[-1].status_code != 200:
            break
    return responses


async def run_rounds(settings: Settings, *, workers: int) -> None:
    """Every student's visit at once, ROUNDS times in a row, each on a new case study."""
    await seed(settings)
    server = ServerProcess(server_env(settings), workers=workers)
    try:
        server.wait_ready(timeout=60)
        for round_number in range(ROUNDS):
            async with client_of(server) as http:
                case_study_id = await create_case_study(http, round_number)
            started = time.monotonic()
            visits = await asyncio.gather(*(visit(server, n, case_study_id) for n in range(STUDENTS)))
            elapsed = time.monotonic() - started
            responses = [response for responses in visits for response in responses]
            statuses = Counter(response.status_code for response in responses)
            print(f"{workers} worker(s), round {round_number}: {dict(statuses)} in {elapsed:.1f}s")
            # No 5xx and no 429 above all; and no other refusal either.
            refused = [
                f"{r.request.method} {r.request.url.path}: {r.status_code} {r.text}"
                for r in responses
                if r.status_code >= 400
            ]
            assert not refused, f"round {round_number}: {dict(statuses)}\n" + "\n".join(refused[:10])
            assert statuses == {200: (TURNS + 2) * STUDENTS, 201: STUDENTS}, dict(statuses)
    finally:
        server.stop()


# The bursts keep every core busy hashing: in a parallel run one worker runs them one after
# the other (xdist_group), never two at once.
@pytest.mark.slow
@pytest.mark.xdist_group("write_bursts")
async def test_fifty_students_at_once_never_get_a_server_error(db_settings: Settings) -> None:
    await run_rounds(db_settings, workers=1)


@pytest.mark.slow
@pytest.mark.xdist_group("write_bursts")
async def test_two_workers_on_one_sqlite_file_never_give_a_server_error(settings: Settings) -> None:
    """Across processes SQLite's busy timeout still applies: one writer per process meets there."""
    await run_rounds(settings, workers=2)


@asynccontextmanager
async def app_with(settings: Settings, **overrides: float) -> AsyncIterator[FastAPI]:
    application = create_app(settings.model_copy(update=overrides))
    async with application.router.lifespan_context(application):
        yield application


@contextmanager
def write_lock_held_by_another_process(settings: Settings) -> Iterator[sqlite3.Connection]:
    """SQLite's write lock, taken on a connection of its own as another process would."""
    other = sqlite3.connect(settings.data_dir / "mentora.db", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        yield other
    finally:
        other.close()


async def sign_in(client: httpx.AsyncClient, identity: Identity) -> httpx.Response:
    """A write: signing in stores the new sign-in."""
    return await client.post(
        "/v1/auth/login",
        json={"email": identity.a.email("STUDENT"), "password": IDENTITY_PASSWORD},
        headers={"X-Tenant": identity.a.slug},
    )


async def test_a_writer_waits_for_another_process_beyond_the_pool_timeout(
    settings: Settings, identity: Identity
) -> None:
    # The busy timeout is db_command_timeout, no longer the pool timeout.
    async with app_with(settings, db_pool_timeout=0.3) as app, contract_client(app) as client:
        with write_lock_held_by_another_process(settings) as other:
            asyncio.get_running_loop().call_later(1.0, other.rollback)
            response = await sign_in(client, identity)
    assert response.status_code == 200, response.text


async def test_a_writer_waits_for_its_turn_at_most_the_pool_timeout_and_changes_nothing(
    settings: Settings, identity: Identity
) -> None:
    async with app_with(settings, db_pool_timeout=0.3) as app, contract_client(app) as client:
        database: Database = app.state.database
        async with database.sessionmaker() as writing, writing.begin():
            await writing.execute(text("SELECT 1"))  # holds this process's write connection
            queued = await sign_in(client, identity)
        assert queued.status_code == 500
        assert queued.json()["code"] == "DATABASE_ERROR"
        async with database.reading() as session:
            sign_ins = (await session.execute(text("SELECT count(*) FROM refresh_families"))).scalar_one()
        assert sign_ins == 0
        assert (await sign_in(client, identity)).status_code == 200  # released: served again


async def test_reads_and_readiness_do_not_queue_behind_writers(settings: Settings, identity: Identity) -> None:
    async with app_with(settings, db_pool_timeout=0.3, db_command_timeout=0.3) as app, contract_client(app) as client:
        database: Database = app.state.database
        async with database.sessionmaker() as writing, writing.begin():
            await writing.execute(text("SELECT 1"))  # holds the write connection and SQLite's lock
            ready = await client.get("/readyz")
            async with database.reading() as session:
                tenants = (await session.execute(text("SELECT count(*) FROM tenants"))).scalar_one()
    assert ready.status_code == 200, ready.text
    assert tenants == 3  # alpha, beta and the platform


async def test_a_read_session_cannot_write(settings: Settings) -> None:
    """A write there would skip the writers' queue; SQLite refuses it."""
    database = Database.from_settings(settings)
    try:
        async with database.reading() as session:
            with pytest.raises(OperationalError, match="readonly"):
                await session.execute(text("DELETE FROM tenants"))
    finally:
        await database.dispose()
