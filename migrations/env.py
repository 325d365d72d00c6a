"""Alembic environment: runs on the connection handed over by ``mentora migrate``.

Run through the ``mentora`` command (or ``mentora.platform.db.migrations``), which
connects with the configured URL; plain ``alembic`` is not needed.
"""

from __future__ import annotations

from alembic import context

import mentora.models  # noqa: F401  (registers every table on Base.metadata)
from mentora.platform.db.base import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations with `mentora migrate`")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    # SQLite cannot ALTER most things in place; batch mode copies the table instead.
    render_as_batch=connection.dialect.name == "sqlite",
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
