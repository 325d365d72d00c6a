"""SQLite runs on the event loop's thread: a statement that finds another process's lock
waits for it without stopping the loop, and gives up once its timeout has passed."""

from __future__ import annotations

import asyncio
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import select, text
from sqlalchemy.exc import OperationalError

from mentora.config import Settings
from mentora.platform.db import Database
from mentora.roles.models import Role


@contextmanager
def write_lock_held_elsewhere(settings: Settings) -> Iterator[sqlite3.Connection]:
    """Another process's writer, as ``mentora`` commands or a second worker would hold it."""
    other = sqlite3.connect(settings.data_dir / "mentora.db", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        yield other
    finally:
        other.close()


async def ticks_while(work: asyncio.Task[object]) -> int:
    ticks = 0
    while not work.done():
        await asyncio.sleep(0.01)
        ticks += 1
    return ticks


async def test_a_write_waits_for_another_writer_while_the_loop_runs_on(settings: Settings) -> None:
    database = Database.from_settings(settings)

    async def rename_roles() -> None:
        async with database.transaction() as session:
            await session.execute(text("UPDATE roles SET description = 'waited'"))

    try:
        with write_lock_held_elsewhere(settings) as other:
            write = asyncio.create_task(rename_roles())
            await asyncio.sleep(0.3)
            assert not write.done()  # still waiting for the lock
            # Reads go on meanwhile: WAL readers take no lock.
            async with database.reading() as session:
                assert len((await session.execute(select(Role.id))).all()) == 4
            other.execute("COMMIT")
        ticks = await ticks_while(write)
        await write
        assert ticks < 20  # taken within moments of the release
        async with database.reading() as session:
            assert set((await session.execute(select(Role.description))).scalars()) == {"waited"}
    finally:
        await database.dispose()


async def test_a_statement_gives_up_after_its_timeout_and_changes_nothing(settings: Settings) -> None:
    database = Database.from_settings(settings.model_copy(update={"db_command_timeout": 0.5}))

    async def rename_roles() -> None:
        async with database.transaction() as session:
            await session.execute(text("UPDATE roles SET description = 'never'"))

    try:
        with write_lock_held_elsewhere(settings):
            started = time.monotonic()
            write = asyncio.create_task(rename_roles())
            ticks = await ticks_while(write)
            with pytest.raises(OperationalError, match="locked"):
                await write
            waited = time.monotonic() - started
        assert 0.4 < waited < 2.0
        assert ticks >= 20  # the loop kept turning all along (one tick each 10 ms)
        async with database.reading() as session:
            assert "never" not in set((await session.execute(select(Role.description))).scalars())
    finally:
        await database.dispose()
