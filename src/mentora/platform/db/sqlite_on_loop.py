"""SQLite on the event loop's own thread, waiting for locks without stopping the loop.

aiosqlite runs each connection on a thread of its own and hands every DBAPI call
(cursor, execute, fetch, close, BEGIN, ROLLBACK) to it and back: a one-row ORM read costs
about three times the CPU that way, while the query itself takes microseconds
(``bench/read_paths.py``), and under load each hop waits for a turn of a busy loop, so a
write transaction of eight calls waited eight turns. Here the driver is Python's sqlite3
behind awaitables that complete at once, adapted by SQLAlchemy's own asyncio layer as
aiosqlite is.

The one thing worth waiting for is another process's lock (``serve --workers N``, the
``mentora`` commands): SQLite's own busy handler would sleep on the loop's thread, so
connections are opened with none, and a statement refused as busy is tried again after
an ``asyncio.sleep`` (1 ms, doubling to 50 ms) until the connection's timeout has passed.
A busy statement did nothing, so trying it again is safe; in WAL mode only writers meet
locks (``BEGIN IMMEDIATE``), and readers only while a crashed writer's log is recovered.
"""

from __future__ import annotations

import asyncio
import sqlite3
import time
import types
from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar

from sqlalchemy.connectors.asyncio import AsyncAdapt_dbapi_connection
from sqlalchemy.dialects import registry
from sqlalchemy.dialects.sqlite.aiosqlite import (
    AsyncAdapt_aiosqlite_cursor,
    AsyncAdapt_aiosqlite_dbapi,
    AsyncAdapt_aiosqlite_ss_cursor,
    SQLiteDialect_aiosqlite,
)
from sqlalchemy.engine import URL, make_url

DRIVER = "mentora"
T = TypeVar("T")
FIRST_PAUSE_SECONDS = 0.001
LONGEST_PAUSE_SECONDS = 0.05


async def patiently(call: Callable[[], T], give_up_after: float) -> T:
    """``call()``, again after a pause each time SQLite says another connection holds a lock."""
    deadline = time.monotonic() + give_up_after
    pause = FIRST_PAUSE_SECONDS
    while True:
        try:
            return call()
        except sqlite3.OperationalError as exc:
            # A deferred reader that would write meets BUSY_SNAPSHOT: waiting cannot help it.
            code = getattr(exc, "sqlite_errorcode", None)
            if code is None or code & 0xFF != sqlite3.SQLITE_BUSY or code == sqlite3.SQLITE_BUSY_SNAPSHOT:
                raise
            if time.monotonic() + pause > deadline:
                raise
        await asyncio.sleep(pause)
        pause = min(pause * 2, LONGEST_PAUSE_SECONDS)


class ImmediateCursor:
    """A sqlite3 cursor whose awaitables complete at once."""

    def __init__(self, cursor: sqlite3.Cursor, busy_timeout: float) -> None:
        self._cursor = cursor
        self._busy_timeout = busy_timeout

    @property
    def description(self) -> Any:
        return self._cursor.description

    @property
    def rowcount(self) -> int:
        return self._cursor.rowcount

    @property
    def lastrowid(self) -> int | None:
        return self._cursor.lastrowid

    @property
    def arraysize(self) -> int:
        return self._cursor.arraysize

    @arraysize.setter
    def arraysize(self, value: int) -> None:
        self._cursor.arraysize = value

    async def __aenter__(self) -> ImmediateCursor:
        return self

    async def execute(self, operation: str, parameters: Any = ()) -> ImmediateCursor:
        try:
            self._cursor.execute(operation, parameters)
        except sqlite3.OperationalError:
            await patiently(lambda: self._cursor.execute(operation, parameters), self._busy_timeout)
        return self

    async def executemany(self, operation: str, parameters: Iterable[Any]) -> ImmediateCursor:
        rows = list(parameters)  # a busy first try must not use up an iterator
        await patiently(lambda: self._cursor.executemany(operation, rows), self._busy_timeout)
        return self

    async def fetchone(self) -> Any:
        return self._cursor.fetchone()

    async def fetchmany(self, size: int | None = None) -> Sequence[Any]:
        return self._cursor.fetchmany(size if size is not None else self._cursor.arraysize)

    async def fetchall(self) -> Sequence[Any]:
        return self._cursor.fetchall()

    async def close(self) -> None:
        self._cursor.close()


class ImmediateConnection:
    """A sqlite3 connection whose awaitables complete at once, unless another holds a lock."""

    def __init__(self, connection: sqlite3.Connection, busy_timeout: float) -> None:
        self.connection = connection
        self.busy_timeout = busy_timeout

    def cursor(self) -> ImmediateCursor:
        return ImmediateCursor(self.connection.cursor(), self.busy_timeout)

    async def commit(self) -> None:
        # A COMMIT refused as busy leaves the transaction open, to be committed again.
        await patiently(self.connection.commit, self.busy_timeout)

    async def rollback(self) -> None:
        self.connection.rollback()

    async def close(self) -> None:
        self.connection.close()


class AdaptedImmediateConnection(AsyncAdapt_dbapi_connection):
    __slots__ = ()
    _cursor_cls = AsyncAdapt_aiosqlite_cursor
    _ss_cursor_cls = AsyncAdapt_aiosqlite_ss_cursor
    _connection: ImmediateConnection  # type: ignore[assignment]

    @property
    def isolation_level(self) -> str | None:
        return self._connection.connection.isolation_level

    @isolation_level.setter
    def isolation_level(self, value: str | None) -> None:
        self._connection.connection.isolation_level = value  # type: ignore[assignment]

    def create_function(self, *args: Any, **kwargs: Any) -> None:
        self._connection.connection.create_function(*args, **kwargs)


class ImmediateDBAPI(AsyncAdapt_aiosqlite_dbapi):
    def __init__(self) -> None:
        # What aiosqlite's adapter reads off the aiosqlite module: sqlite3's errors and
        # versions, and a Connection class (which has no ``stop``: no terminate).
        driver = types.SimpleNamespace(**{**vars(sqlite3), "Connection": ImmediateConnection})
        super().__init__(driver, sqlite3)  # type: ignore[arg-type]

    def connect(self, database: str, timeout: float = 5.0, **kwargs: Any) -> AdaptedImmediateConnection:  # type: ignore[override]
        # Opening the file needs no waiting either: no thread, nothing to await. SQLite's own
        # busy handler would sleep on the loop's thread: ``patiently`` waits instead.
        connection = sqlite3.connect(database, timeout=0, **kwargs)
        return AdaptedImmediateConnection(self, ImmediateConnection(connection, timeout))  # type: ignore[arg-type]


class SQLiteOnLoop(SQLiteDialect_aiosqlite):
    driver = DRIVER
    supports_statement_cache = True

    @classmethod
    def import_dbapi(cls) -> ImmediateDBAPI:
        return ImmediateDBAPI()


registry.register(f"sqlite.{DRIVER}", __name__, SQLiteOnLoop.__name__)


def on_loop_url(url: str | URL) -> URL:
    """The same database file, through this driver."""
    return make_url(url).set(drivername=f"sqlite+{DRIVER}")
