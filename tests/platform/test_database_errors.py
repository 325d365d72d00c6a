"""Database failures reach the client as CONFLICT or DATABASE_ERROR, on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from pathlib import Path
from typing import Annotated

import httpx
import pytest
from fastapi import APIRouter, FastAPI, Query
from sqlalchemy import Column, Index, Integer, String, Table, UniqueConstraint, func, insert, select, text

from mentora.app import create_app
from mentora.config import Settings
from mentora.contract import SuccessEnvelope
from mentora.platform.db import Base, SessionDep
from tests.conftest import contract_client, fresh_postgres_database, make_settings
from tests.support.postgres import PostgresCluster


@pytest.fixture
def probe_tables() -> Iterator[tuple[Table, Table]]:
    """Tables with unique constraints, on the app's own metadata for the test's duration."""
    things = Table(
        "probe_things",
        Base.metadata,
        Column("id", Integer, primary_key=True),
        Column("tenant_id", Integer, nullable=False),
        Column("slug", String(50), nullable=False),
        Column("code", String(50), nullable=False, unique=True),
        UniqueConstraint("tenant_id", "slug"),
    )
    people = Table(
        "probe_people",
        Base.metadata,
        Column("id", Integer, primary_key=True),
        Column("email", String(255), nullable=False, info={"conflict_message": "already registered"}),
    )
    Index("uq_probe_people_email", func.lower(people.c.email), unique=True)
    yield things, people
    Base.metadata.remove(things)
    Base.metadata.remove(people)


def probe_router(things: Table, people: Table) -> APIRouter:
    router = APIRouter(prefix="/dbprobe")

    @router.post("/things")
    async def add_thing(
        session: SessionDep,
        tenant_id: Annotated[int, Query()],
        slug: Annotated[str, Query()],
        code: Annotated[str, Query()],
        fail_after: Annotated[bool, Query()] = False,
    ) -> SuccessEnvelope[None]:
        await session.execute(insert(things).values(tenant_id=tenant_id, slug=slug, code=code))
        if fail_after:
            raise RuntimeError("failure after the insert")
        return SuccessEnvelope[None](data=None)

    @router.post("/people")
    async def add_person(session: SessionDep, email: Annotated[str, Query()]) -> SuccessEnvelope[None]:
        await session.execute(insert(people).values(email=email))
        return SuccessEnvelope[None](data=None)

    @router.get("/things/count")
    async def count_things(session: SessionDep) -> SuccessEnvelope[int]:
        return SuccessEnvelope[int](data=(await session.execute(select(func.count()).select_from(things))).scalar_one())

    return router


@pytest.fixture
async def db_app(db_settings: Settings, probe_tables: tuple[Table, Table]) -> AsyncIterator[FastAPI]:
    app = create_app(db_settings)
    app.include_router(probe_router(*probe_tables))
    async with app.router.lifespan_context(app):
        async with app.state.database.engine.begin() as connection:
            await connection.run_sync(lambda sync: Base.metadata.create_all(sync, tables=list(probe_tables)))
        yield app


@pytest.fixture
async def db_client(db_app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    async with contract_client(db_app) as client:
        yield client


async def test_unique_column_conflict_names_the_field(db_client: httpx.AsyncClient) -> None:
    assert (
        await db_client.post("/dbprobe/things", params={"tenant_id": 1, "slug": "a", "code": "X"})
    ).status_code == 200
    response = await db_client.post("/dbprobe/things", params={"tenant_id": 1, "slug": "b", "code": "X"})
    assert response.status_code == 409
    assert response.json() == {
        "success": False,
        "error": "Resource already exists",
        "code": "CONFLICT",
        "details": {"code": "already exists"},
    }


async def test_composite_conflict_names_the_field_not_the_tenant(db_client: httpx.AsyncClient) -> None:
    await db_client.post("/dbprobe/things", params={"tenant_id": 1, "slug": "intro", "code": "A"})
    other_tenant = await db_client.post("/dbprobe/things", params={"tenant_id": 2, "slug": "intro", "code": "B"})
    assert other_tenant.status_code == 200
    response = await db_client.post("/dbprobe/things", params={"tenant_id": 1, "slug": "intro", "code": "C"})
    assert response.status_code == 409
    assert response.json()["details"] == {"slug": "already exists"}


async def test_case_insensitive_index_conflict_uses_the_column_message(db_client: httpx.AsyncClient) -> None:
    await db_client.post("/dbprobe/people", params={"email": "Ada@Example.com"})
    response = await db_client.post("/dbprobe/people", params={"email": "ada@example.com"})
    assert response.status_code == 409
    assert response.json()["details"] == {"email": "already registered"}


async def test_failure_after_a_write_rolls_it_back(db_client: httpx.AsyncClient) -> None:
    response = await db_client.post(
        "/dbprobe/things", params={"tenant_id": 1, "slug": "x", "code": "Y", "fail_after": True}
    )
    assert response.status_code == 500
    assert (await db_client.get("/dbprobe/things/count")).json()["data"] == 0


async def test_pool_exhausted_is_database_error(
    tmp_path: Path, postgres_cluster: PostgresCluster, postgres_template: str
) -> None:
    settings = make_settings(
        tmp_path,
        database_url=fresh_postgres_database(postgres_cluster, postgres_template),
        db_pool_size=1,
        db_max_overflow=0,
        db_pool_timeout=0.2,
    )
    app = create_app(settings)
    async with app.router.lifespan_context(app), contract_client(app) as client:
        async with app.state.database.engine.connect():  # hold the only connection
            response = await client.get("/readyz")
        assert response.status_code == 500
        assert response.json()["code"] == "DATABASE_ERROR"
        assert response.json()["error"] == "A database error occurred. Please try again."
        assert (await client.get("/readyz")).status_code == 200  # released: served again


async def test_statement_timeout_is_database_error(
    tmp_path: Path, postgres_cluster: PostgresCluster, postgres_template: str
) -> None:
    settings = make_settings(
        tmp_path, database_url=fresh_postgres_database(postgres_cluster, postgres_template), db_command_timeout=0.3
    )
    app = create_app(settings)
    slow = APIRouter()

    @slow.get("/slow")
    async def slow_query(session: SessionDep) -> SuccessEnvelope[None]:
        await session.execute(text("SELECT pg_sleep(2)"))
        return SuccessEnvelope[None](data=None)

    app.include_router(slow)
    async with app.router.lifespan_context(app), contract_client(app) as client:
        response = await client.get("/slow")
    assert response.status_code == 500
    assert response.json()["code"] == "DATABASE_ERROR"


async def test_reads_do_not_wait_for_the_embedded_write_lock(settings: Settings) -> None:
    """A writer holds SQLite's lock (as a slow request would); read sessions still answer at once."""
    import sqlite3

    from mentora.platform.db import Database

    database = Database.from_settings(settings.model_copy(update={"db_pool_timeout": 0.5}))
    writer = sqlite3.connect(settings.data_dir / "mentora.db", isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    try:
        async with database.reading() as session:
            assert (await session.execute(text("SELECT count(*) FROM roles"))).scalar_one() == 4
    finally:
        writer.execute("ROLLBACK")
        writer.close()
        await database.dispose()
