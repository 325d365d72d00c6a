"""Schema migrations (Alembic), run programmatically on the app's own engine.

``check_schema`` is the start-up guard: a database stamped with a revision this code
does not know (a newer release migrated it) refuses to serve, and so does one that
is behind when nobody asked us to migrate it.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection
from sqlalchemy.ext.asyncio import AsyncEngine

import mentora
from mentora.config import Settings
from mentora.platform.db.engine import create_engine


class SchemaMismatchError(RuntimeError):
    """The database's schema revision is not the one this code runs on."""


def migrations_path() -> Path:
    package_dir = Path(mentora.__file__).resolve().parent
    for candidate in (package_dir / "_migrations", package_dir.parents[1] / "migrations"):
        if (candidate / "env.py").is_file():
            return candidate
    raise FileNotFoundError("the migrations folder is missing from this installation")


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(migrations_path()))
    config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None, "no migrations found"
    return head


async def upgrade_to_head(engine: AsyncEngine) -> None:
    def upgrade(connection: Connection) -> None:
        command.upgrade(alembic_config(connection), "head")

    async with engine.begin() as connection:
        await connection.run_sync(upgrade)


async def migrate(settings: Settings) -> None:
    """Bring the configured database to the latest revision, on the app's own engine (so the
    embedded SQLite file gets its settings, WAL included)."""
    engine = create_engine(settings)
    try:
        await upgrade_to_head(engine)
    finally:
        await engine.dispose()


async def current_revision(engine: AsyncEngine) -> str | None:
    def read(connection: Connection) -> str | None:
        return MigrationContext.configure(connection).get_current_revision()

    async with engine.connect() as connection:
        return await connection.run_sync(read)


async def check_schema(engine: AsyncEngine) -> None:
    current = await current_revision(engine)
    head = head_revision()
    if current == head:
        return
    if current is None:
        raise SchemaMismatchError("the database has no schema yet: run `mentora migrate`")
    scripts = ScriptDirectory.from_config(alembic_config())
    try:
        known = scripts.get_revision(current) is not None
    except Exception:  # alembic raises several types for an unknown id
        known = False
    if not known:
        raise SchemaMismatchError(
            f"the database is at schema revision {current!r}, which this version does not know "
            "(was it migrated by a newer release?); refusing to start"
        )
    raise SchemaMismatchError(f"the database is at revision {current!r}, behind {head!r}: run `mentora migrate`")
