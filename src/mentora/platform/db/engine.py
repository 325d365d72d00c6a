"""Engines and session factories, one set per process, chosen by the configured URL."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

import asyncpg
from sqlalchemy import event, text
from sqlalchemy.dialects.postgresql.asyncpg import AsyncAdapt_asyncpg_dbapi
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine

from mentora.config import Settings
from mentora.platform.db.sqlite_on_loop import on_loop_url

# Read connections cost a file handle and a small page cache each.
READ_CONNECTIONS_KEPT = 64
# A pooled PostgreSQL connection unused for longer than this is checked before use.
IDLE_CHECK_SECONDS = 1.0
_RETURNED_AT = "mentora.returned_at"


def create_engine(settings: Settings) -> AsyncEngine:
    """The engine that writes (and migrates); on SQLite, one connection per process."""
    if settings.is_embedded:
        return _sqlite_engine(settings, writer=True)
    engine = create_async_engine(
        settings.sqlalchemy_url,
        pool_size=settings.db_pool_size,
        max_overflow=settings.db_max_overflow,
        pool_timeout=settings.db_pool_timeout,
        connect_args={
            "timeout": settings.db_connect_timeout,
            # Enforced by the server, which cancels the statement and says so: the error
            # is a driver error (DATABASE_ERROR), unlike asyncpg's client-side timeout.
            "server_settings": {"statement_timeout": str(int(settings.db_command_timeout * 1000))},
            "async_creator_fn": _connect_asyncpg,
        },
    )
    _check_connections_back_from_idle(engine)
    return engine


def _check_connections_back_from_idle(engine: AsyncEngine) -> None:
    """A server restart, or a proxy closing idle connections, leaves dead connections in the
    pool: one that sat unused for more than ``IDLE_CHECK_SECONDS`` is pinged before use, and
    replaced if dead (the pool retries on ``DisconnectionError``).

    Pinging every checkout (``pool_pre_ping``) costs three of a one-row read's six round
    trips on asyncpg. A connection returned moments ago worked moments ago, and a restart
    leaves every pooled connection idle for as long as the server was down.
    """

    @event.listens_for(engine.sync_engine, "checkin")
    def returned(_dbapi_connection: Any, record: Any) -> None:
        record.info[_RETURNED_AT] = time.monotonic()

    @event.listens_for(engine.sync_engine, "checkout")
    def taken(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        returned_at = record.info.get(_RETURNED_AT)
        if returned_at is None or time.monotonic() - returned_at <= IDLE_CHECK_SECONDS:
            return
        try:
            engine.dialect.do_ping(dbapi_connection)
        except Exception as exc:
            raise DisconnectionError(f"a pooled connection is dead: {exc!r}") from exc


def _sqlite_engine(settings: Settings, *, writer: bool) -> AsyncEngine:
    """SQLite takes one writer at a time, so each process sends it one at a time.

    The writing engine has a single connection: a process's write transactions queue for
    it on the event loop, first come first served, instead of each waiting on its own
    connection in SQLite's busy handler, which polls with sleeps of up to 100 ms and so
    lets newcomers overtake a waiter until it gives up with "database is locked". Reads
    use an engine of their own and never queue behind writers (WAL: they see the last
    commit). Both run on the event loop's own thread (``sqlite_on_loop.py``). Only other
    processes on the same file (``serve --workers N``, ``mentora`` commands) still contend
    for the lock, one writer each, and a statement that finds it taken waits without
    holding up the loop.

    Waiting for the writer connection is waiting for a pooled connection
    (``db_pool_timeout``); waiting for another process's lock is part of a statement's time
    (``db_command_timeout``), as a lock wait counts towards PostgreSQL's statement_timeout.
    """
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    url, timeout = on_loop_url(settings.sqlalchemy_url), settings.db_command_timeout
    if writer:
        # Take the write lock when a transaction starts, not at its first write: a deferred
        # transaction that reads and then writes fails at once with "database is locked" if
        # another process committed in between; an immediate one waits its turn instead.
        engine = create_async_engine(
            url,
            pool_timeout=settings.db_pool_timeout,
            connect_args={"timeout": timeout, "begin": "BEGIN IMMEDIATE"},
            pool_size=1,
            max_overflow=0,
        )
    else:
        # One transaction keeps a read session's statements on one snapshot. Opening a
        # connection (its PRAGMAs) costs more than a read: keep enough open for every
        # request in flight at a busy moment, and never make one wait for another.
        engine = create_async_engine(
            url, connect_args={"timeout": timeout}, pool_size=READ_CONNECTIONS_KEPT, max_overflow=-1
        )
    event.listen(engine.sync_engine, "connect", _configure_sqlite if writer else _configure_sqlite_reader)
    return engine


def create_read_engine(settings: Settings, engine: AsyncEngine) -> AsyncEngine:
    """The engine for read-only sessions: on SQLite one of its own; on PostgreSQL ``engine``'s
    pool in autocommit, each statement its own snapshot, without BEGIN and ROLLBACK (two of
    a one-row read's round trips)."""
    if settings.is_embedded:
        return _sqlite_engine(settings, writer=False)
    return engine.execution_options(isolation_level="AUTOCOMMIT")


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
    cursor = dbapi_connection.cursor()
    # WAL lets readers and a writer (several workers on one file) proceed together. It is
    # stored in the file; setting it again would wait for a writer's lock, so only set it once.
    cursor.execute("PRAGMA journal_mode")
    if cursor.fetchone()[0].lower() != "wal":
        cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def _configure_sqlite_reader(dbapi_connection: Any, record: Any) -> None:
    _configure_sqlite(dbapi_connection, record)
    # A write here would skip the writers' queue and could fail at once on a lock.
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA query_only=ON")
    cursor.close()


_AFTER_COMMIT = "mentora.after_commit"
_KEEP_ON_ERROR = "mentora.keep_on_error"


def after_commit(session: AsyncSession, callback: Callable[[], None]) -> None:
    """Run ``callback`` once the session's transaction has committed (e.g. to drop a cache)."""
    session.info.setdefault(_AFTER_COMMIT, []).append(callback)


def keep_changes_on_error(session: AsyncSession) -> None:
    """Commit this transaction's changes even though it is about to fail.

    For the rare change that is the point of the failure: revoking a refresh-token family
    on reuse must stick although the request answers AUTHENTICATION_ERROR.
    """
    session.info[_KEEP_ON_ERROR] = True


async def _commit(session: AsyncSession) -> None:
    await session.commit()
    for callback in session.info.pop(_AFTER_COMMIT, ()):
        callback()


class Database:
    """The engines and their session factories; lives on ``app.state.database``.

    Work that writes runs in ``transaction()``, work that only reads in ``reading()``;
    on PostgreSQL both use the same pool.
    """

    def __init__(self, engine: AsyncEngine, read_engine: AsyncEngine | None = None) -> None:
        self.engine = engine
        self.read_engine = read_engine or engine
        self.sessionmaker = async_sessionmaker(engine, expire_on_commit=False, class_=AsyncSession)
        self.read_sessionmaker = async_sessionmaker(self.read_engine, expire_on_commit=False, class_=AsyncSession)

    @classmethod
    def from_settings(cls, settings: Settings) -> Database:
        engine = create_engine(settings)
        return cls(engine, create_read_engine(settings, engine))

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[AsyncSession]:
        """A write transaction: committed when the block ends (then the ``after_commit``
        callbacks run), rolled back if it raises unless ``keep_changes_on_error`` was said."""
        async with self.sessionmaker() as session:
            try:
                yield session
            except BaseException:
                if session.info.pop(_KEEP_ON_ERROR, False):
                    await _commit(session)
                else:
                    await session.rollback()
                raise
            await _commit(session)

    @asynccontextmanager
    async def reading(self) -> AsyncIterator[AsyncSession]:
        """A short read-only session: on SQLite it takes no write lock and does not queue
        behind writers, so slow work after it (password hashing) holds up nobody."""
        async with self.read_sessionmaker() as session:
            yield session

    async def ping(self) -> None:
        async with self.read_engine.connect() as connection:
            await connection.execute(text("SELECT 1"))

    @property
    def pools(self) -> dict[str, AsyncEngine]:
        """An engine for each connection pool, by name: "read" only where reads have a pool of
        their own (SQLite)."""
        named = {"primary": self.engine}
        if self.read_engine.pool is not self.engine.pool:
            named["read"] = self.read_engine
        return named

    async def dispose(self) -> None:
        for engine in self.pools.values():
            await engine.dispose()
