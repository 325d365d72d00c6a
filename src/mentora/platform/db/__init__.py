"""Database: engine, per-request transaction, migrations and error translation."""

from mentora.platform.db.base import NAMING_CONVENTION, Base
from mentora.platform.db.engine import Database, create_engine
from mentora.platform.db.errors import handle_database_error, translate_database_error
from mentora.platform.db.session import DatabaseDep, SessionDep, read_session

__all__ = [
    "NAMING_CONVENTION",
    "Base",
    "Database",
    "DatabaseDep",
    "SessionDep",
    "create_engine",
    "read_session",
    "handle_database_error",
    "translate_database_error",
]
