"""One transaction per request: services flush, the request commits.

The dependency uses FastAPI's function scope, so the commit runs when the endpoint
returns and before the response is sent: a failed commit becomes an error response,
never a success the database did not keep.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy.ext.asyncio import AsyncSession

from mentora.contract import ErrorCode, raises
from mentora.platform.db.engine import Database


# Routes that use the database can answer DATABASE_ERROR.
@raises(ErrorCode.DATABASE_ERROR)
async def get_database(request: Request) -> Database:
    database: Database = request.app.state.database
    return database


DatabaseDep = Annotated[Database, Depends(get_database)]


async def get_session(database: DatabaseDep) -> AsyncIterator[AsyncSession]:
    async with database.transaction() as session:
        yield session


SessionDep = Annotated[AsyncSession, Depends(get_session, scope="function")]


async def get_read_session(database: DatabaseDep) -> AsyncIterator[AsyncSession]:
    async with database.reading() as session:
        yield session


# For routes that only read: on SQLite a connection of the read pool, so reads run side by
# side and never queue behind the one writer (a write in it fails: the connection is query_only).
ReadSessionDep = Annotated[AsyncSession, Depends(get_read_session, scope="function")]
