"""SQLite reads on the event loop's own thread.

aiosqlite runs each connection on a thread of its own and hands every DBAPI call
(cursor, execute, fetch, close, BEGIN, ROLLBACK) to it and back: a one-row ORM read costs
about three times the CPU that way, and the query itself takes microseconds
(``bench/read_paths.py``). A read in WAL mode never waits for a lock (writers
append to the log; readers see the last commit), so there is nothing to wait for off the
loop: the read engine's driver is Python's sqlite3 behind awaitables that complete at
once, adapted by SQLAlchemy's own asyncio layer as aiosqlite is. Writes keep aiosqlite
(``engine.py``): a writer can wait for another process's write lock, and that wait must
not stop the loop.
"""

from __future__ import annotations

import sqlite3
import types
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy.connectors.asyncio import AsyncAdapt_dbapi_connection
from sqlalchemy.dialects import registry
from sqlalchemy.dialects.sqlite.aiosqlite import (
    AsyncAdapt_aiosqlite_cursor,
    AsyncAdapt_aiosqlite_dbapi,
    AsyncAdapt_aiosqlite_ss_cursor,
    SQLiteDialect_aiosqlite,
)
from sqlalchemy.engine import URL, make_url

DRIVER = "mentora_reads"


class ImmediateCursor:
    """A sqlite3 cursor whose awaitables complete at once."""

    def __init__(self, cursor: sqlite3.Cursor) -> None:
        self._cursor = cursor

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
        self._cursor.execute(operation, parameters)
        return self

    async def executemany(self, operation: str, parameters: Iterable[Any]) -> ImmediateCursor:
        self._cursor.executemany(operation, parameters)
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
    """A sqlite3 connection whose awaitables complete at once."""

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection

    def cursor(self) -> ImmediateCursor:
        return ImmediateCursor(self.connection.cursor())

    async def commit(self) -> None:
        self.connection.commit()

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

    def connect(self, *args: Any, **kwargs: Any) -> AdaptedImmediateConnection:  # type: ignore[override]
        # Opening the file needs no waiting either: no thread, nothing to await.
        return AdaptedImmediateConnection(self, ImmediateConnection(sqlite3.connect(*args, **kwargs)))  # type: ignore[arg-type]


class SQLiteReadsOnLoop(SQLiteDialect_aiosqlite):
    driver = DRIVER
    supports_statement_cache = True

    @classmethod
    def import_dbapi(cls) -> ImmediateDBAPI:
        return ImmediateDBAPI()


registry.register(f"sqlite.{DRIVER}", __name__, SQLiteReadsOnLoop.__name__)


def reads_url(url: str | URL) -> URL:
    """The same database file, through this driver."""
    return make_url(url).set(drivername=f"sqlite+{DRIVER}")
