"""Database: engine, transactions, migrations and error translation."""

from mentora.platform.db.base import NAMING_CONVENTION, Base
from mentora.platform.db.engine import Database, after_commit, create_engine, keep_changes_on_error
from mentora.platform.db.errors import handle_database_error, translate_database_error
from mentora.platform.db.session import DatabaseDep, ReadSessionDep, SessionDep

__all__ = [
    "NAMING_CONVENTION",
    "Base",
    "Database",
    "DatabaseDep",
    "ReadSessionDep",
    "SessionDep",
    "after_commit",
    "create_engine",
    "handle_database_error",
    "keep_changes_on_error",
    "translate_database_error",
]
