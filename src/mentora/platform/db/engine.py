"""Engine and session factory, one per process, chosen by the configured URL."""

from __future__ import annotations

from typing import Any

import asyncpg
from sqlalchemy import event, text
from sqlalchemy.dialects.postgresql.asyncpg import AsyncAdapt_asyncpg_dbapi
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine

from mentora.config import Settings


def create_engine(settings: Settings) -> AsyncEngine:
    url = settings.sqlalchemy_url
    if url.startswith("sqlite"):
        settings.data_dir.mkdir(parents=True, exist_ok=True)
        engine = create_async_engine(url, connect_args={"timeout": settings.db_pool_timeout})
        event.listen(engine.sync_engine, "connect", _configure_sqlite)
        event.listen(engine.sync_engine, "begin", _begin_immediate)
        return engine
    return create_async_engine(
        url,
        pool_size=settings.db_pool_size,
        max_overflow=settings.db_max_overflow,
        pool_timeout=settings.db_pool_timeout,
        # A server restart, or a proxy closing idle connections, leaves dead connections in
        # the pool; check them before use. On asyncpg the check is BEGIN; ROLLBACK, two of a
        # one-row read's five round trips, and without it ~5% more reads/s were measured
        # (bench/postgres_workers.py): not worth an error after every idle spell.
        pool_pre_ping=True,
        connect_args={
            "timeout": settings.db_connect_timeout,
            # Enforced by the server, which cancels the statement and says so: the error
            # is a driver error (DATABASE_ERROR), unlike asyncpg's client-side timeout.
            "server_settings": {"statement_timeout": str(int(settings.db_command_timeout * 1000))},
            "async_creator_fn": _connect_asyncpg,
        },
    )


async def _connect_asyncpg(*args: Any, **kwargs: Any) -> Any:
    """asyncpg.connect, with connection failures raised as the DBAPI's OperationalError.

    asyncpg raises a refused or timed-out connect as a bare OSError/TimeoutError, which
    SQLAlchemy passes through unwrapped; as an OperationalError it becomes a
    ``SQLAlchemyError`` like every other database failure, and so DATABASE_ERROR.
    """
    try:
        return await asyncpg.connect(*args, **kwargs)
    except (OSError, TimeoutError, asyncpg.PostgresError, asyncpg.InterfaceError) as exc:
        error = AsyncAdapt_asyncpg_dbapi.OperationalError(f"cannot connect: {exc!r}", exc)  # type: ignore[no-untyped-call]
        raise error from exc


def _configure_sqlite(dbapi_connection: Any, _record: Any) -> None:
    # We issue BEGIN ourselves (below) instead of the driver's implicit deferred BEGIN.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    # WAL lets readers and a writer (several workers on one file) proceed together. It is
    # stored in the file; setting it again would wait for a writer's lock, so only set it once.
    cursor.execute("PRAGMA journal_mode")
    if cursor.fetchone()[0].lower() != "wal":
        cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


READ_ONLY = "mentora_read_only"


def _begin_immediate(connection: Any) -> None:
    """Take SQLite's write lock when a transaction starts, not at its first write.

    A deferred transaction that reads and then writes fails at once with "database is
    locked" if another connection committed in between (the busy timeout does not apply
    to that case); an immediate one waits its turn instead. Read-only sessions
    (``read_session``) begin deferred and never wait. PostgreSQL needs none of this.
    """
    read_only = connection.get_execution_options().get(READ_ONLY, False)
    connection.exec_driver_sql("BEGIN" if read_only else "BEGIN IMMEDIATE")


class Database:
    """The engine and its session factory; lives on ``app.state.database``."""

    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine
        self.sessionmaker = async_sessionmaker(engine, expire_on_commit=False, class_=AsyncSession)

    @classmethod
    def from_settings(cls, settings: Settings) -> Database:
        return cls(create_engine(settings))

    async def ping(self) -> None:
        async with self.engine.connect() as connection:
            await connection.execute(text("SELECT 1"))

    async def dispose(self) -> None:
        await self.engine.dispose()
