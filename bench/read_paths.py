"""What one read costs on each path, in-process: the evidence behind the read sessions.

One user row (as ``GET /v1/users/me`` reads it), 2000 times per path, 16 at once,
reporting wall time and this process's CPU per read. SQLite: through aiosqlite's thread
(the driver the engines used before), through the read engine (sqlite3 on the event
loop's thread), and plain sqlite3 as the floor. With ``--postgres`` (a throwaway cluster): the ORM read as
the write engine runs it (a transaction, the pool's pre-ping) and as the read engine does
(autocommit, pinged only after idling), against plain asyncpg.

    uv run python bench/read_paths.py [--postgres]
"""

from __future__ import annotations

import argparse
import asyncio
import sqlite3
import statistics
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

import asyncpg
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker, create_async_engine

from bench_apps import EMAIL, bench_settings, prepare_database
from mentora.config import Settings
from mentora.platform.db import Database
from mentora.users.models import User
from postgres_workers import PostgresCluster  # the suite's throwaway server

READS = 2000
AT_ONCE = 16
ROUNDS = 3


async def measure(name: str, read: Callable[[], Awaitable[object]]) -> None:
    for _ in range(200):  # warm caches and pools
        await read()
    walls, cpus = [], []
    for _ in range(ROUNDS):
        wall, cpu = time.perf_counter(), time.process_time()
        for _ in range(READS // AT_ONCE):
            await asyncio.gather(*(read() for _ in range(AT_ONCE)))
        walls.append((time.perf_counter() - wall) / READS * 1e6)
        cpus.append((time.process_time() - cpu) / READS * 1e6)
    print(f"{name:52} {statistics.median(walls):7.0f} us wall {statistics.median(cpus):7.0f} us CPU")


async def the_user(database: Database) -> tuple[str, str]:
    async with database.reading() as session:
        user = (await session.execute(select(User).where(User.email == EMAIL))).scalar_one()
    return user.tenant_id, user.id


def orm_read(sessions: async_sessionmaker[AsyncSession], tenant_id: str, user_id: str) -> Callable[[], Awaitable[None]]:
    async def read() -> None:
        async with sessions() as session:
            (await session.execute(select(User).where(User.tenant_id == tenant_id, User.id == user_id))).scalar_one()

    return read


async def sqlite_paths(settings: Settings) -> None:
    await prepare_database(settings)
    database = Database.from_settings(settings)
    tenant_id, user_id = await the_user(database)
    print(f"SQLite, {READS} reads of one user, {AT_ONCE} at once; medians of {ROUNDS} rounds\n")
    threaded = create_async_engine(f"sqlite+aiosqlite:///{settings.data_dir / 'mentora.db'}")
    threaded_sessions = async_sessionmaker(threaded, expire_on_commit=False)
    await measure("ORM, aiosqlite (a thread per connection)", orm_read(threaded_sessions, tenant_id, user_id))
    await threaded.dispose()
    await measure("ORM, read engine (on the loop's thread)", orm_read(database.read_sessionmaker, tenant_id, user_id))
    plain = sqlite3.connect(settings.data_dir / "mentora.db")

    async def plain_read() -> None:
        plain.execute("SELECT * FROM users WHERE tenant_id = ? AND id = ?", (tenant_id, user_id)).fetchone()

    await measure("plain sqlite3 (the query alone)", plain_read)
    plain.close()
    await database.dispose()


async def postgres_paths(cluster: PostgresCluster, data_dir: Path) -> None:
    admin = await asyncpg.connect(cluster.dsn())
    await admin.execute("CREATE DATABASE mentora_paths")
    await admin.close()
    settings = bench_settings(data_dir, database_url=cluster.url("mentora_paths"))
    await prepare_database(settings)
    database = Database.from_settings(settings)
    tenant_id, user_id = await the_user(database)
    pre_pinged = create_async_engine(settings.sqlalchemy_url, pool_size=AT_ONCE, pool_pre_ping=True)
    print(f"\nPostgreSQL, {READS} reads of one user, {AT_ONCE} at once; medians of {ROUNDS} rounds\n")
    await measure(
        "ORM, a transaction, pre-ping on every checkout",
        orm_read(async_sessionmaker(pre_pinged, expire_on_commit=False), tenant_id, user_id),
    )
    await measure("ORM, read engine (autocommit, idle ping)", orm_read(database.read_sessionmaker, tenant_id, user_id))
    pool = await asyncpg.create_pool(cluster.dsn("mentora_paths"), min_size=AT_ONCE, max_size=AT_ONCE)

    async def plain_read() -> None:
        await pool.fetchrow("SELECT * FROM users WHERE tenant_id = $1 AND id = $2", tenant_id, user_id)

    await measure("plain asyncpg (one round trip)", plain_read)
    await pool.close()
    await pre_pinged.dispose()
    await database.dispose()


def main(postgres: bool) -> None:
    with tempfile.TemporaryDirectory() as folder:
        asyncio.run(sqlite_paths(bench_settings(Path(folder))))
    if postgres:
        cluster = PostgresCluster()
        cluster.start()
        try:
            with tempfile.TemporaryDirectory() as folder:
                asyncio.run(postgres_paths(cluster, Path(folder)))
        finally:
            cluster.destroy()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--postgres", action="store_true", help="the PostgreSQL paths too (a throwaway cluster)")
    main(parser.parse_args().postgres)
