"""Routes that only read use read sessions: on SQLite they never queue behind the writer and
cannot write; on PostgreSQL a pooled connection that died while idle is replaced unseen."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import OperationalError

from mentora.app import create_app
from mentora.config import Settings
from mentora.platform.db import Database
from mentora.platform.db.engine import IDLE_CHECK_SECONDS
from mentora.roles.models import Role
from tests.conftest import contract_client, execute_admin, make_settings, running
from tests.support.identity import bearer, create_identity
from tests.support.postgres import PostgresCluster


async def test_read_routes_answer_while_the_writer_is_held(settings: Settings) -> None:
    """A slow write holds the process's one SQLite writer; reads go on without it."""
    await create_identity(settings)
    app = create_app(settings.model_copy(update={"db_pool_timeout": 0.5}))
    async with app.router.lifespan_context(app), contract_client(app) as client:
        headers = {**await bearer(client, "student@alpha.example.com", "alpha"), "X-Tenant": "alpha"}
        database: Database = app.state.database
        async with database.transaction() as held:
            await held.execute(text("UPDATE roles SET description = description"))  # the writer, taken
            for path in ("/v1/users/me", "/v1/case-studies", "/v1/sessions"):
                response = await client.get(path, headers=headers)
                assert response.status_code == 200, (path, response.text)
            # A write waits for the writer as before, and gives up with the contract's error.
            blocked = await client.patch("/v1/users/me", headers=headers, json={"name": "Renamed"})
            assert blocked.status_code == 500
            assert blocked.json()["code"] == "DATABASE_ERROR"


async def test_a_read_session_cannot_write_on_sqlite(settings: Settings) -> None:
    database = Database.from_settings(settings)
    try:
        async with database.reading() as session:
            with pytest.raises(OperationalError, match="readonly"):
                await session.execute(text("UPDATE roles SET description = 'changed'"))
        async with database.reading() as session:
            descriptions = (await session.execute(select(Role.description))).scalars().all()
        assert "changed" not in descriptions
    finally:
        await database.dispose()


async def test_many_reads_at_once_share_the_read_pool(settings: Settings) -> None:
    """More reads in flight than connections kept: none waits for another, all answer."""
    database = Database.from_settings(settings.model_copy(update={"db_pool_timeout": 0.5}))

    async def count_roles() -> int:
        async with database.reading() as session:
            await asyncio.sleep(0.05)  # a request that holds its session a while
            return (await session.execute(text("SELECT count(*) FROM roles"))).scalar_one()

    try:
        assert await asyncio.gather(*(count_roles() for _ in range(100))) == [4] * 100
    finally:
        await database.dispose()


@pytest.mark.slow
async def test_a_pooled_connection_that_died_while_idle_is_replaced_unseen(tmp_path: object) -> None:
    with running(PostgresCluster) as cluster:
        await execute_admin(cluster, "CREATE DATABASE mentora")
        database = Database.from_settings(make_settings(tmp_path, database_url=cluster.url("mentora")))  # type: ignore[arg-type]
        try:
            for engine in (database.engine, database.read_engine):
                async with engine.connect() as connection:
                    assert (await connection.execute(text("SELECT 1"))).scalar_one() == 1
            cluster.stop()
            cluster.start()
            await asyncio.sleep(IDLE_CHECK_SECONDS + 0.1)  # as long as any restart leaves them idle
            async with database.reading() as session:
                assert (await session.execute(text("SELECT 2"))).scalar_one() == 2
            async with database.transaction() as session:
                assert (await session.execute(text("SELECT 3"))).scalar_one() == 3
        finally:
            await database.dispose()
