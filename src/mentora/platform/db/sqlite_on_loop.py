"""SQLite on the event loop's own thread, waiting for locks without stopping the loop.

aiosqlite runs each connection on a thread of its own and hands every DBAPI call
(cursor, execute, fetch, close, BEGIN, ROLLBACK) to it and back: a one-row ORM read costs
about three times the CPU that way, while the query itself takes microseconds
(``bench/read_paths.py``), and under load each hop waits for a turn of a busy loop, so a
write transaction of eight calls waited eight turns. Here SQLAlchemy's asyncio dialect
drives Python's sqlite3 directly: a DBAPI call is a plain call, with no hop to a thread
and no switch out of SQLAlchemy's greenlet (a switch copies the C stack of the whole
request, ~30 ASGI layers deep, and cost a read more than its query).

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
from sqlalchemy.dialects.sqlite.aiosqlite import AsyncAdapt_aiosqlite_dbapi, SQLiteDialect_aiosqlite
from sqlalchemy.engine import URL, make_url
from sqlalchemy.util.concurrency import await_

DRIVER = "mentora"
T = TypeVar("T")
FIRST_PAUSE_SECONDS = 0.001
LONGEST_PAUSE_SECONDS = 0.05


def _is_busy(error: sqlite3.OperationalError) -> bool:
    # A deferred reader that would write meets BUSY_SNAPSHOT: waiting cannot help it.
    code = getattr(error, "sqlite_errorcode", None)
    return code is not None and code & 0xFF == sqlite3.SQLITE_BUSY and code != sqlite3.SQLITE_BUSY_SNAPSHOT


async def patiently(call: Callable[[], T], give_up_after: float) -> T:
    """``call()`` after a pause, again each time SQLite says another connection holds a lock."""
    deadline = time.monotonic() + give_up_after
    pause = FIRST_PAUSE_SECONDS
    while True:
        await asyncio.sleep(pause)
        try:
            return call()
        except sqlite3.OperationalError as exc:
            if not _is_busy(exc) or time.monotonic() + pause > deadline:
                raise
        pause = min(pause * 2, LONGEST_PAUSE_SECONDS)


class _Done:
    """An awaitable that is already complete, reusable."""

    def __await__(self) -> Any:
        return
        yield


_DONE = _Done()


def waiting_for_locks(call: Callable[[], T], give_up_after: float) -> T:
    """``call()`` at once; if another connection holds a lock, wait on the event loop."""
    try:
        return call()
    except sqlite3.OperationalError as exc:
        if not _is_busy(exc):
            raise
    return await_(patiently(call, give_up_after))


class LoopCursor:
    """A DBAPI cursor over sqlite3's, called directly."""

    __slots__ = ("_cursor", "_give_up_after")

    def __init__(self, cursor: sqlite3.Cursor, give_up_after: float) -> None:
        self._cursor = cursor
        self._give_up_after = give_up_after

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

    def execute(self, operation: str, parameters: Any = ()) -> LoopCursor:
        waiting_for_locks(lambda: self._cursor.execute(operation, parameters or ()), self._give_up_after)
        # SQLAlchemy's AsyncConnection refuses a statement that awaited nothing (that is how
        # it tells a blocking driver slipped in): one await that is already done.
        await_(_DONE)
        return self

    def executemany(self, operation: str, parameters: Iterable[Any]) -> LoopCursor:
        rows = list(parameters)  # a busy first try must not use up an iterator
        waiting_for_locks(lambda: self._cursor.executemany(operation, rows), self._give_up_after)
        return self

    def fetchone(self) -> Any:
        return self._cursor.fetchone()

    def fetchmany(self, size: int | None = None) -> Sequence[Any]:
        return self._cursor.fetchmany(size if size is not None else self._cursor.arraysize)

    def fetchall(self) -> Sequence[Any]:
        return self._cursor.fetchall()

    def close(self) -> None:
        self._cursor.close()

    async def _async_soft_close(self) -> None:
        """Asked by SQLAlchemy's asyncio results once rows are buffered: nothing to release."""


class LoopConnection(AsyncAdapt_dbapi_connection):
    """A sqlite3 connection, as SQLAlchemy's asyncio dialects expect one, called directly."""

    __slots__ = ("begin_statement", "give_up_after")
    _connection: sqlite3.Connection  # type: ignore[assignment]

    def __init__(self, dbapi: Any, connection: sqlite3.Connection, give_up_after: float, begin: str) -> None:
        super().__init__(dbapi, connection)  # type: ignore[arg-type]
        self.give_up_after = give_up_after
        self.begin_statement = begin

    def cursor(self, server_side: bool = False) -> LoopCursor:  # type: ignore[override]
        return LoopCursor(self._connection.cursor(), self.give_up_after)

    def begin(self) -> None:
        waiting_for_locks(lambda: self._connection.execute(self.begin_statement), self.give_up_after)

    def commit(self) -> None:
        # A COMMIT refused as busy leaves the transaction open, to be committed again.
        waiting_for_locks(self._connection.commit, self.give_up_after)

    def rollback(self) -> None:
        self._connection.rollback()

    def close(self) -> None:
        self._connection.close()

    @property
    def isolation_level(self) -> str | None:
        return self._connection.isolation_level

    @isolation_level.setter
    def isolation_level(self, value: str | None) -> None:
        self._connection.isolation_level = value  # type: ignore[assignment]

    def create_function(self, *args: Any, **kwargs: Any) -> None:
        self._connection.create_function(*args, **kwargs)


class LoopDBAPI(AsyncAdapt_aiosqlite_dbapi):
    def __init__(self) -> None:
        # What aiosqlite's adapter reads off the aiosqlite module: sqlite3's errors and
        # versions, and a Connection class (which has no ``stop``: no terminate).
        super().__init__(types.SimpleNamespace(**vars(sqlite3)), sqlite3)  # type: ignore[arg-type]

    def connect(  # type: ignore[override]
        self, database: str, timeout: float = 5.0, begin: str = "BEGIN", **kwargs: Any
    ) -> LoopConnection:
        """``timeout``: how long a statement waits for another connection's lock; ``begin``:
        how this connection's transactions start ("BEGIN IMMEDIATE" for a writer)."""
        # No busy handler (it would sleep on the loop's thread), and no implicit transactions
        # of the driver's own: they start in ``begin``.
        connection = sqlite3.connect(database, timeout=0, isolation_level=None, **kwargs)
        return LoopConnection(self, connection, timeout, begin)


class SQLiteOnLoop(SQLiteDialect_aiosqlite):
    driver = DRIVER
    supports_statement_cache = True
    supports_server_side_cursors = False

    @classmethod
    def import_dbapi(cls) -> LoopDBAPI:
        return LoopDBAPI()

    def do_begin(self, dbapi_connection: Any) -> None:
        # Straight to sqlite3: a BEGIN through ``exec_driver_sql`` costs as much as a read.
        dbapi_connection.begin()


registry.register(f"sqlite.{DRIVER}", __name__, SQLiteOnLoop.__name__)


def on_loop_url(url: str | URL) -> URL:
    """The same database file, through this driver."""
    return make_url(url).set(drivername=f"sqlite+{DRIVER}")
