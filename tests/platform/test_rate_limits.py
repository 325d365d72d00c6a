"""Rate limits: RATE_LIMIT_EXCEEDED as the contract says, per policy, in memory and in Redis."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import httpx
import pytest
import redis.asyncio

from mentora.app import create_app
from mentora.config import Settings
from tests.conftest import contract_client
from tests.support.identity import PASSWORD, Identity, bearer
from tests.support.redis import RedisServer

pytestmark = pytest.mark.usefixtures("identity")


@pytest.fixture(params=["memory", "redis"])
async def storage(request: pytest.FixtureRequest) -> dict[str, Any]:
    """Settings for in-process counting, or for counting in a (freshly flushed) Redis."""
    if request.param == "memory":
        return {}
    server: RedisServer = request.getfixturevalue("redis_server")
    connection = redis.asyncio.Redis(port=server.port)
    await connection.flushall()
    await connection.aclose()
    return {"redis_url": server.url}


@pytest.fixture
def make_client(settings: Settings, storage: dict[str, Any]) -> Any:
    @asynccontextmanager
    async def build(**overrides: Any) -> AsyncIterator[httpx.AsyncClient]:
        app = create_app(settings.model_copy(update={**storage, **overrides}))
        async with app.router.lifespan_context(app), contract_client(app) as client:
            yield client

    return build


async def test_anonymous_requests_per_ip(make_client: Any) -> None:
    async with make_client(rate_limit_anonymous="3/minute") as client:
        answers = [await client.get("/v1/meta/error-codes") for _ in range(3)]
        assert [r.status_code for r in answers] == [200, 200, 200]
        assert [r.headers["ratelimit-remaining"] for r in answers] == ["2", "1", "0"]
        assert answers[0].headers["ratelimit-limit"] == "3"
        assert 0 < int(answers[0].headers["ratelimit-reset"]) <= 60
        refused = await client.get("/v1/meta/error-codes")
        assert refused.status_code == 429
        body = refused.json()
        assert body["code"] == "RATE_LIMIT_EXCEEDED"
        assert body["details"]["limit"] == 3 and body["details"]["window"] == 60 and body["details"]["scope"] == "ip"
        assert 0 < body["details"]["retry_after"] <= 60
        assert refused.headers["retry-after"] == str(body["details"]["retry_after"])
        # Health probes are never limited; another tenant's counter is its own.
        assert (await client.get("/healthz")).status_code == 200
        assert (await client.get("/v1/meta/error-codes", headers={"X-Tenant": "alpha"})).status_code == 200


async def test_login_attempts_per_ip_and_email(make_client: Any, identity: Identity) -> None:
    async with make_client(rate_limit_login="2/minute") as client:
        attempt = {"email": identity.a.email("STUDENT"), "password": "guess"}
        for _ in range(2):
            assert (await client.post("/v1/auth/login", json=attempt, headers={"X-Tenant": "alpha"})).status_code == 401
        # Even the right password is refused now: guessing cannot go on.
        right = await client.post(
            "/v1/auth/login", json={**attempt, "password": PASSWORD}, headers={"X-Tenant": "alpha"}
        )
        assert right.status_code == 429
        assert right.json()["details"]["scope"] == "login"
        other = await client.post(
            "/v1/auth/login",
            json={"email": identity.a.email("ADMIN"), "password": PASSWORD},
            headers={"X-Tenant": "alpha"},
        )
        assert other.status_code == 200


async def test_authenticated_requests_per_user_with_headers_once(make_client: Any) -> None:
    async with make_client(rate_limit_user="3/minute") as client:
        headers = await bearer(client, "student@alpha.example.com", "alpha")
        answers = [await client.get("/v1/users/me", headers=headers) for _ in range(3)]
        assert [r.status_code for r in answers] == [200] * 3
        for response in answers:
            assert len(response.headers.get_list("ratelimit-limit")) == 1
        assert answers[-1].headers["ratelimit-remaining"] == "0"
        refused = await client.get("/v1/users/me", headers=headers)
        assert refused.status_code == 429
        assert refused.json()["details"]["scope"] == "user"
        # Someone else in the same tenant is not affected.
        faculty = await bearer(client, "faculty@alpha.example.com", "alpha")
        assert (await client.get("/v1/users/me", headers=faculty)).status_code == 200


async def test_per_tenant_override(make_client: Any, identity: Identity) -> None:
    async with make_client() as client:
        operator = await bearer(client, "operator@platform.example.com", "platform")
        invalid = await client.patch(
            f"/v1/console/tenants/{identity.a.id}",
            headers=operator,
            json={"settings": {"rate_limits": {"user": "lots"}}},
        )
        assert invalid.status_code == 422
        assert "settings.rate_limits.user" in invalid.json()["details"]
        changed = await client.patch(
            f"/v1/console/tenants/{identity.a.id}",
            headers=operator,
            json={"settings": {"rate_limits": {"user": "2/minute"}}},
        )
        assert changed.status_code == 200
        alpha = await bearer(client, "student@alpha.example.com", "alpha")
        beta = await bearer(client, "student@beta.example.com", "beta")
        statuses = [(await client.get("/v1/users/me", headers=alpha)).status_code for _ in range(3)]
        assert statuses == [200, 200, 429]
        assert [(await client.get("/v1/users/me", headers=beta)).status_code for _ in range(3)] == [200] * 3


async def test_concurrent_hits_admit_exactly_the_limit(make_client: Any) -> None:
    async with make_client(rate_limit_anonymous="10/minute") as client:
        answers = await asyncio.gather(*(client.get("/v1/meta/error-codes") for _ in range(20)))
        assert sorted(r.status_code for r in answers) == [200] * 10 + [429] * 10


async def test_redis_outage_falls_back_and_recovers(settings: Settings, own_redis: RedisServer, caplog: Any) -> None:
    app = create_app(
        settings.model_copy(
            update={
                "redis_url": own_redis.url,
                "rate_limit_anonymous": "100/minute",
                "redis_retry_seconds": 0.3,
                "redis_timeout_seconds": 0.2,
            }
        )
    )
    login = {"email": "student@alpha.example.com", "password": PASSWORD}
    async with app.router.lifespan_context(app), contract_client(app) as client:
        assert (await client.get("/v1/meta/error-codes")).status_code == 200
        own_redis.stop()
        during = [await client.get("/v1/meta/error-codes") for _ in range(5)]
        assert [r.status_code for r in during] == [200] * 5  # per-process counting, never a 500
        closed = await client.post("/v1/auth/login", json=login, headers={"X-Tenant": "alpha"})
        assert closed.status_code == 429  # login fails closed while limits cannot be shared
        assert closed.json()["details"]["scope"] == "ip"
        assert any("Redis unreachable" in record.getMessage() for record in caplog.records)

        own_redis.start()
        await asyncio.sleep(0.4)
        assert (await client.get("/v1/meta/error-codes")).status_code == 200
        assert (await client.post("/v1/auth/login", json=login, headers={"X-Tenant": "alpha"})).status_code == 200
        assert any("reachable again" in record.getMessage() for record in caplog.records)
        # Counting happens in Redis again: the restarted server holds the keys.
        connection = redis.asyncio.Redis(port=own_redis.port)
        keys = await connection.keys("mentora:rl*")
        await connection.aclose()
        assert keys
