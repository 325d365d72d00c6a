"""Shared fixtures: databases (SQLite and a throwaway PostgreSQL), the app, clients.

Every client checks every response against the contract (``support.contract``).
"""

from __future__ import annotations

import asyncio
import itertools
import os
import shutil
from collections.abc import AsyncIterator, Callable, Coroutine, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import asyncpg
import httpx
import pytest
from fastapi import FastAPI

from mentora.app import create_app
from mentora.config import Settings
from mentora.platform.db.migrations import migrate
from tests.support.contract import check_response
from tests.support.identity import Identity, create_identity
from tests.support.parallel import machine_share
from tests.support.postgres import PostgresCluster
from tests.support.redis import RedisServer

T = TypeVar("T")
IN_CI = os.environ.get("CI", "").lower() == "true"
TEMPLATE_DATABASE = "mentora_template"
_database_numbers = itertools.count()


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """In a parallel run (pytest-xdist) the slow tests are handed out first, so that none of
    them starts last and keeps the whole run waiting. Each worker collects and sorts alike."""
    if hasattr(config, "workerinput"):
        items.sort(key=lambda item: item.get_closest_marker("slow") is None)


def pytest_collection_finish(session: pytest.Session) -> None:
    """Tests marked ``xdist_group`` share something that is not safe to share (a folder `npm ci`
    writes, a machine-wide burst): if pytest-xdist stops grouping them, the run says so at once."""
    config = session.config
    if not hasattr(config, "workerinput") or not config.getvalue("loadgroup"):
        return
    ungrouped = [i.nodeid for i in session.items if i.get_closest_marker("xdist_group") and "@" not in i.nodeid]
    if ungrouped:
        raise pytest.UsageError(f"pytest-xdist did not group {ungrouped[0]} (and {len(ungrouped) - 1} more)")


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None) -> Iterator[object]:
    """In a parallel run, a test marked ``exclusive`` runs while no other test does (support.parallel)."""
    if not hasattr(item.config, "workerinput"):
        return (yield)
    # Each worker's temp folder is <the run's temp folder>/<worker id>: the parent is shared.
    run_folder = Path(item.config.option.basetemp).parent
    with machine_share(run_folder / "locks", alone=item.get_closest_marker("exclusive") is not None):
        return (yield)


def require_service(problem: str) -> None:
    """A missing service fails the run in CI and skips locally: CI must never go green without it."""
    if IN_CI:
        pytest.fail(f"required service unavailable under CI=true: {problem}")
    pytest.skip(problem)


ServiceT = TypeVar("ServiceT", PostgresCluster, RedisServer)


@contextmanager
def running(service: Callable[[], ServiceT]) -> Iterator[ServiceT]:
    """A throwaway PostgreSQL or Redis, started, and removed afterwards."""
    try:
        started = service()
    except FileNotFoundError as exc:
        require_service(str(exc))
    started.start()
    try:
        yield started
    finally:
        started.destroy()


@pytest.fixture(scope="session")
def postgres_cluster() -> Iterator[PostgresCluster]:
    with running(PostgresCluster) as cluster:
        yield cluster


def run_sync(coroutine: Coroutine[Any, Any, T]) -> T:
    """Run a coroutine from a sync fixture, on a loop of its own (the tests' loop may be in use)."""
    with ThreadPoolExecutor(max_workers=1) as executor:
        return executor.submit(asyncio.run, coroutine).result()


async def execute_admin(cluster: PostgresCluster, statement: str) -> None:
    connection = await asyncpg.connect(cluster.dsn())
    try:
        await connection.execute(statement)
    finally:
        await connection.close()


@pytest.fixture(scope="session")
def redis_server() -> Iterator[RedisServer]:
    with running(RedisServer) as server:
        yield server


@pytest.fixture
def own_redis() -> Iterator[RedisServer]:
    """A Redis of the test's own, for tests that stop it."""
    with running(RedisServer) as server:
        yield server


@pytest.fixture(scope="session")
def postgres_template(postgres_cluster: PostgresCluster) -> str:
    """A migrated database that each test's database is copied from (fast: no re-migration)."""
    run_sync(execute_admin(postgres_cluster, f"CREATE DATABASE {TEMPLATE_DATABASE}"))
    run_sync(migrate(Settings(database_url=postgres_cluster.url(TEMPLATE_DATABASE))))
    return TEMPLATE_DATABASE


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    data_dir = tmp_path_factory.mktemp("sqlite-template")
    run_sync(migrate(Settings(data_dir=data_dir)))
    return data_dir / "mentora.db"


def fresh_postgres_database(cluster: PostgresCluster, template: str) -> str:
    name = f"test_{os.getpid()}_{next(_database_numbers)}"
    run_sync(execute_admin(cluster, f"CREATE DATABASE {name} TEMPLATE {template}"))
    return cluster.url(name)


def make_settings(data_dir: Path, **overrides: object) -> Settings:
    values: dict[str, object] = {
        "data_dir": data_dir,
        "log_format": "json",
        "access_log": False,
        # Argon2id at its cheapest: the suite signs in hundreds of times.
        "password_time_cost": 1,
        "password_memory_kib": 1024,
        "password_parallelism": 1,
        # Tests that need the job worker drive it themselves (tests/grades).
        "run_jobs_in_process": False,
    }
    values.update(overrides)
    return Settings(**values)  # type: ignore[arg-type]


@pytest.fixture
def settings(tmp_path: Path, sqlite_template: Path) -> Settings:
    """Settings on a fresh, migrated embedded SQLite database."""
    shutil.copy(sqlite_template, tmp_path / "mentora.db")
    return make_settings(tmp_path)


@pytest.fixture(params=["sqlite", "postgres"])
def db_settings(request: pytest.FixtureRequest, tmp_path: Path, sqlite_template: Path) -> Settings:
    """Settings on a fresh, migrated database: the test runs once per backend."""
    if request.param == "sqlite":
        shutil.copy(sqlite_template, tmp_path / "mentora.db")
        return make_settings(tmp_path)
    cluster: PostgresCluster = request.getfixturevalue("postgres_cluster")
    template: str = request.getfixturevalue("postgres_template")
    return make_settings(tmp_path, database_url=fresh_postgres_database(cluster, template))


@pytest.fixture
async def app(settings: Settings) -> AsyncIterator[FastAPI]:
    application = create_app(settings)
    async with application.router.lifespan_context(application):
        yield application


def contract_client(app: FastAPI, **kwargs: object) -> httpx.AsyncClient:
    """An in-process client whose every response is checked against the contract."""
    return httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app),
        base_url="http://testserver",
        event_hooks={"response": [check_response]},
        **kwargs,  # type: ignore[arg-type]
    )


@pytest.fixture
async def client(app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    async with contract_client(app) as http:
        yield http


@pytest.fixture
async def identity(settings: Settings) -> Identity:
    """Tenants alpha and beta, each with an admin, a faculty member and a student, and an operator."""
    return await create_identity(settings)


@pytest.fixture
async def db_identity(db_settings: Settings) -> Identity:
    return await create_identity(db_settings)


@pytest.fixture
async def db_app(db_settings: Settings, db_identity: Identity) -> AsyncIterator[FastAPI]:
    application = create_app(db_settings)
    async with application.router.lifespan_context(application):
        yield application


@pytest.fixture
async def db_client(db_app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    async with contract_client(db_app) as http:
        yield http
