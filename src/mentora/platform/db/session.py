"""One transaction per request: services flush, the request commits.

The dependency uses FastAPI's function scope, so the commit runs when the endpoint
returns and before the response is sent: a failed commit becomes an error response,
never a success the database did not keep.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.ext.asyncio import AsyncSession

from mentora.contract import ErrorCode
from mentora.platform.db.engine import Database

_AFTER_COMMIT = "mentora.after_commit"
_KEEP_ON_ERROR = "mentora.keep_on_error"


async def get_database(request: Request) -> Database:
    database: Database = request.app.state.database
    return database


DatabaseDep = Annotated[Database, Depends(get_database)]


async def get_session(database: DatabaseDep) -> AsyncIterator[AsyncSession]:
    async with database.sessionmaker() as session:
        try:
            yield session
        except Exception:
            if session.info.pop(_KEEP_ON_ERROR, False):
                await _commit(session)
            else:
                await session.rollback()
            raise
        await _commit(session)


async def _commit(session: AsyncSession) -> None:
    await session.commit()
    for callback in session.info.pop(_AFTER_COMMIT, ()):
        callback()


@asynccontextmanager
async def read_session(database: Database) -> AsyncIterator[AsyncSession]:
    """A short session of its own for reads: on SQLite it takes no write lock and does not
    queue behind writers, so slow work after it (password hashing) holds up nobody."""
    async with database.read_sessionmaker() as session:
        yield session


def keep_changes_on_error(session: AsyncSession) -> None:
    """Commit this request's changes even though it is about to fail.

    For the rare change that is the point of the failure: revoking a refresh-token family
    on reuse must stick although the request answers AUTHENTICATION_ERROR.
    """
    session.info[_KEEP_ON_ERROR] = True


def after_commit(session: AsyncSession, callback: Callable[[], None]) -> None:
    """Run ``callback`` once the request's transaction has committed (e.g. to drop a cache)."""
    session.info.setdefault(_AFTER_COMMIT, []).append(callback)


SessionDep = Annotated[AsyncSession, Depends(get_session, scope="function")]

# Read by the OpenAPI builder: routes that use the database can answer DATABASE_ERROR.
get_database.error_codes = (ErrorCode.DATABASE_ERROR,)  # type: ignore[attr-defined]
