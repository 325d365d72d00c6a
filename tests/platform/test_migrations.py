"""Migrations create the schema the models describe, and the app refuses a schema it does not know."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Connection, text

import mentora.models  # noqa: F401  (every table on the metadata)
from mentora.app import create_app
from mentora.config import Settings
from mentora.platform.db import Base, create_engine
from mentora.platform.db.migrations import SchemaMismatchError, check_schema, current_revision, head_revision
from tests.conftest import make_settings


async def test_migrated_database_is_at_head_and_matches_the_models(db_settings: Settings) -> None:
    engine = create_engine(db_settings)
    try:
        assert await current_revision(engine) == head_revision()
        await check_schema(engine)

        def differences(connection: Connection) -> list[object]:
            return list(compare_metadata(MigrationContext.configure(connection), Base.metadata))

        async with engine.connect() as connection:
            assert await connection.run_sync(differences) == []
    finally:
        await engine.dispose()


async def stamp(settings: Settings, revision: str) -> None:
    engine = create_engine(settings)
    try:
        async with engine.begin() as connection:
            await connection.execute(text("UPDATE alembic_version SET version_num = :revision"), {"revision": revision})
    finally:
        await engine.dispose()


async def test_app_refuses_a_revision_it_does_not_know(db_settings: Settings) -> None:
    await stamp(db_settings, "ffffffffffff")
    app = create_app(db_settings)
    with pytest.raises(SchemaMismatchError, match="does not know"):
        async with app.router.lifespan_context(app):
            pass


async def test_app_refuses_an_unmigrated_database(tmp_path: Path) -> None:
    app = create_app(make_settings(tmp_path))
    with pytest.raises(SchemaMismatchError, match="mentora migrate"):
        async with app.router.lifespan_context(app):
            pass
