"""Database failures -> the contract.

A unique violation is CONFLICT naming its field(s), found through the constraint naming
convention; every other database failure (unreachable, timed out, pool exhausted, any
driver error) is DATABASE_ERROR with a generic message. Driver text never reaches a body.
"""

from __future__ import annotations

import logging
import re

from fastapi import Request
from sqlalchemy import Index, MetaData, UniqueConstraint
from sqlalchemy.exc import IntegrityError
from starlette.responses import Response

from mentora.contract import ConflictError, DatabaseError, response_for
from mentora.platform.db.base import Base

logger = logging.getLogger("mentora.db")

DEFAULT_CONFLICT_MESSAGE = "already exists"
_UNIQUE_SQLSTATE = "23505"
# SQLite: "UNIQUE constraint failed: users.tenant_id, users.email" or, for an
# expression index, "UNIQUE constraint failed: index 'uq_users_email'".
_SQLITE_UNIQUE = re.compile(r"UNIQUE constraint failed: (?:index '(?P<index>[^']+)'|(?P<columns>.+))")


def _unique_columns_by_name(metadata: MetaData) -> dict[str, tuple[str, list[str]]]:
    """Constraint or unique index name -> (table, the columns a client can act on)."""
    names: dict[str, tuple[str, list[str]]] = {}
    for table in metadata.tables.values():
        for constraint in table.constraints:
            if isinstance(constraint, UniqueConstraint) and isinstance(constraint.name, str):
                names[str(constraint.name)] = (str(table.name), [str(column.name) for column in constraint.columns])
        for index in table.indexes:
            if isinstance(index, Index) and index.unique and isinstance(index.name, str):
                columns = [str(column.name) for column in index.columns] or _columns_from_name(index.name, table.name)
                names[str(index.name)] = (str(table.name), columns)
    return names


def _columns_from_name(name: str, table: str) -> list[str]:
    # Expression indexes (lower(email)) have no plain columns: fall back to the name.
    prefix = f"uq_{table}_"
    return [name[len(prefix) :]] if name.startswith(prefix) else []


def _conflict_message(metadata: MetaData, table_name: str | None, column: str) -> str:
    table = metadata.tables.get(table_name) if table_name else None
    if table is not None and column in table.c:
        return str(table.c[column].info.get("conflict_message", DEFAULT_CONFLICT_MESSAGE))
    return DEFAULT_CONFLICT_MESSAGE


def _client_fields(columns: list[str]) -> list[str]:
    # The tenant is implied by the caller; naming it would tell the client nothing.
    return [column for column in columns if column != "tenant_id"] or columns


def unique_violation_details(exc: IntegrityError, metadata: MetaData | None = None) -> dict[str, str] | None:
    """The CONFLICT field map for a unique violation, or None for any other integrity error."""
    metadata = metadata or Base.metadata
    driver_error = exc.orig
    cause = getattr(driver_error, "__cause__", None)
    sqlstate = getattr(driver_error, "sqlstate", None) or getattr(cause, "sqlstate", None)
    if sqlstate == _UNIQUE_SQLSTATE:
        constraint = getattr(cause, "constraint_name", None) or getattr(driver_error, "constraint_name", None) or ""
        table_name = getattr(cause, "table_name", None)
        table_name, columns = _unique_columns_by_name(metadata).get(
            constraint, (table_name, _columns_from_name(constraint, table_name or ""))
        )
    else:
        match = _SQLITE_UNIQUE.search(str(driver_error))
        if match is None:
            return None
        if match.group("index"):
            table_name, columns = _unique_columns_by_name(metadata).get(match.group("index"), (None, []))
        else:
            qualified = [part.strip() for part in match.group("columns").split(",")]
            table_name = qualified[0].split(".")[0]
            columns = [part.split(".")[-1] for part in qualified]
    fields = _client_fields(columns) or ["_body"]
    return {str(field): _conflict_message(metadata, table_name, field) for field in fields}


def translate_database_error(exc: Exception) -> ConflictError | DatabaseError:
    if isinstance(exc, IntegrityError):
        details = unique_violation_details(exc)
        if details is not None:
            return ConflictError("Resource already exists", details=details)  # a duplicate
    return DatabaseError()


async def handle_database_error(request: Request, exc: Exception) -> Response:
    error = translate_database_error(exc)
    if isinstance(error, DatabaseError):
        logger.error("database error", exc_info=exc)
    return response_for(error)
