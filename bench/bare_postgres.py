"""The PostgreSQL baseline: bare FastAPI and an asyncpg pool running our routes' queries.

No token, tenant, rate limit, ORM or envelope: it knows whom to read (the user named by
``MENTORA_BENCH_USER_EMAIL``). ``/bare/me`` is one one-row SELECT (the user and its role);
``/bare/users`` is the first page of 20 and the count, as ``GET /v1/console/users`` runs them.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import asyncpg
from fastapi import FastAPI

USER_COLUMNS = "users.id, users.email, users.name, users.is_active, users.created_at, roles.name AS role"
USERS = f"SELECT {USER_COLUMNS} FROM users JOIN roles ON roles.id = users.role_id WHERE users.tenant_id = $1"
ONE_USER = f"{USERS} AND users.id = $2"
PAGE_OF_USERS = f"{USERS} ORDER BY users.created_at, users.id LIMIT $2 OFFSET $3"
COUNT_USERS = "SELECT count(*) FROM users WHERE tenant_id = $1"


def bare_postgres_from_env() -> FastAPI:
    """uvicorn factory, on the database named by MENTORA_DATABASE_URL (SQLAlchemy's form)."""
    dsn = os.environ["MENTORA_DATABASE_URL"].replace("postgresql+asyncpg://", "postgresql://")
    email = os.environ["MENTORA_BENCH_USER_EMAIL"]
    state: dict[str, Any] = {}

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        pool = await asyncpg.create_pool(dsn, min_size=5, max_size=10)
        user = await pool.fetchrow("SELECT id, tenant_id FROM users WHERE email = $1", email)
        state.update(pool=pool, user_id=user["id"], tenant_id=user["tenant_id"])
        yield
        await pool.close()

    app = FastAPI(lifespan=lifespan)

    @app.get("/healthz")  # what the harness waits for
    async def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/bare/me")
    async def me() -> dict[str, Any]:
        row = await state["pool"].fetchrow(ONE_USER, state["tenant_id"], state["user_id"])
        return dict(row)

    @app.get("/bare/users")
    async def users(limit: int = 20, skip: int = 0) -> dict[str, Any]:
        async with state["pool"].acquire() as connection:
            total = await connection.fetchval(COUNT_USERS, state["tenant_id"])
            rows = await connection.fetch(PAGE_OF_USERS, state["tenant_id"], limit, skip)
        return {"items": [dict(row) for row in rows], "total": total}

    return app
