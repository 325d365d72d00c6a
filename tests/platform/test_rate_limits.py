"""Rate limits: RATE_LIMIT_EXCEEDED as the contract says, per policy, in memory and in Redis."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import httpx
import pytest
import redis.asyncio
from fastapi import FastAPI

from mentora.app import create_app
from mentora.config import Settings
from tests.conftest import contract_client
from tests.support.contract import check_response
from tests.support.identity import PASSWORD, Identity, bearer, login
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
def make_app(settings: Settings, storage: dict[str, Any]) -> Any:
    @asynccontextmanager
    async def build(**overrides: Any) -> AsyncIterator[FastAPI]:
        app = create_app(settings.model_copy(update={**storage, **overrides}))
        async with app.router.lifespan_context(app):
            yield app

    return build


@pytest.fixture
def make_client(make_app: Any) -> Any:
    @asynccontextmanager
    async def build(**overrides: Any) -> AsyncIterator[httpx.AsyncClient]:
        async with make_app(**overrides) as app, contract_client(app) as client:
            yield client

    return build


def client_at(app: FastAPI, ip: str) -> httpx.AsyncClient:
    """A contract-checked client whose requests come from ``ip``."""
    return httpx.AsyncClient(
        transport=httpx.ASGITransport(app=app, client=(ip, 40000)),
        base_url="http://testserver",
        event_hooks={"response": [check_response]},
    )


async def attempt_login(app: FastAPI, ip: str, email: str, password: str) -> httpx.Response:
    async with client_at(app, ip) as client:
        return await client.post(
            "/v1/auth/login", json={"email": email, "password": password}, headers={"X-Tenant": "alpha"}
        )


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


async def test_every_spelling_of_an_email_counts_as_its_account(make_client: Any, identity: Identity) -> None:
    """Sign-in finds an email spelt with a fullwidth ``S`` (U+FF33) or a capital as ``student@…``:
    guesses under those spellings count against the same account, or each would be a fresh allowance."""
    async with make_client(rate_limit_login="2/minute") as client:
        email = identity.a.email("STUDENT")
        for spelling in ("\uff33" + email[1:], email.capitalize()):
            guess = await client.post(
                "/v1/auth/login", json={"email": spelling, "password": "guess"}, headers={"X-Tenant": "alpha"}
            )
            assert guess.status_code == 401
        right = await client.post(
            "/v1/auth/login", json={"email": email, "password": PASSWORD}, headers={"X-Tenant": "alpha"}
        )
        assert right.status_code == 429
        assert right.json()["details"]["scope"] == "login"


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


async def test_failed_logins_per_account_from_every_address(make_app: Any, identity: Identity) -> None:
    student, faculty = identity.a.email("STUDENT"), identity.a.email("FACULTY")
    async with make_app(rate_limit_login_account="3/minute") as app:
        for n in range(3):  # a different address each time: the per-address limits never see a second try
            assert (await attempt_login(app, f"10.0.0.{n}", student, "guess")).status_code == 401
        refused = await attempt_login(app, "10.0.0.9", student, PASSWORD)
        assert refused.status_code == 429
        details = refused.json()["details"]
        assert details["scope"] == "login_account" and details["limit"] == 3 and details["window"] == 60
        assert refused.headers["retry-after"] == str(details["retry_after"])
        # Only that account waits.
        assert (await attempt_login(app, "10.0.0.9", faculty, PASSWORD)).status_code == 200


async def test_successful_logins_do_not_count_per_account(make_app: Any, identity: Identity) -> None:
    student = identity.a.email("STUDENT")
    async with make_app(rate_limit_login_account="2/minute") as app:
        statuses = [(await attempt_login(app, f"10.0.1.{n}", student, PASSWORD)).status_code for n in range(4)]
        assert statuses == [200] * 4


async def test_failing_on_purpose_cannot_lock_the_owner_out(make_app: Any, identity: Identity) -> None:
    student, home = identity.a.email("STUDENT"), "192.0.2.10"
    async with make_app(rate_limit_login_account="2/minute") as app:
        assert (await attempt_login(app, home, student, PASSWORD)).status_code == 200
        for n in range(2):
            assert (await attempt_login(app, f"10.0.2.{n}", student, "guess")).status_code == 401
        assert (await attempt_login(app, "10.0.2.9", student, "guess")).status_code == 429
        # The address the owner signed in from is exempt: a typo there is a plain 401 and
        # is not counted against the account, and the right password still signs in.
        assert (await attempt_login(app, home, student, "typo")).status_code == 401
        assert (await attempt_login(app, home, student, PASSWORD)).status_code == 200
        # A new address waits, even with the right password.
        assert (await attempt_login(app, "198.51.100.7", student, PASSWORD)).status_code == 429


async def test_bad_tokens_count_as_anonymous_where_nothing_authenticates(make_client: Any) -> None:
    bad = {"Authorization": "Bearer x"}
    async with make_client(rate_limit_anonymous="3/minute") as client:
        answers = [
            await client.post("/v1/auth/refresh", json={"refresh_token": "nope"}, headers=bad),
            await client.post("/v1/auth/logout", json={"refresh_token": "nope"}, headers=bad),
            await client.get("/v1/meta/error-codes", headers={"Authorization": "Basic dXNlcjpwYXNz"}),
        ]
        assert [r.status_code for r in answers] == [401, 200, 200]
        refused = await client.post("/v1/auth/refresh", json={"refresh_token": "nope"}, headers=bad)
        assert refused.status_code == 429
        assert refused.json()["details"]["scope"] == "ip"


async def test_each_anonymous_request_is_counted_once(make_client: Any) -> None:
    async with make_client(rate_limit_anonymous="4/minute") as client:
        tokens = await login(client, "student@alpha.example.com", "alpha")  # counted in alpha's keys
        ended = {"Authorization": f"Bearer {tokens['access_token']}"}
        logout = await client.post("/v1/auth/logout", json={"refresh_token": tokens["refresh_token"]})
        assert logout.status_code == 200
        answers = [
            await client.get("/v1/users/me"),  # no token
            await client.get("/v1/users/me", headers={"Authorization": "Bearer x"}),  # malformed
            await client.get("/v1/users/me", headers=ended),  # well signed, but its sign-in ended
        ]
        # Four requests naming no tenant, each counted once: the limit is reached, not passed.
        assert [r.status_code for r in answers] == [401, 401, 401]
        assert (await client.get("/v1/meta/error-codes")).status_code == 429


async def test_valid_tokens_are_not_anonymous(make_client: Any) -> None:
    async with make_client(rate_limit_anonymous="1/minute") as client:
        headers = await bearer(client, "student@alpha.example.com", "alpha")  # counted in alpha's keys
        assert (await client.get("/v1/meta/error-codes")).status_code == 200
        assert (await client.get("/v1/meta/error-codes")).status_code == 429
        answers = [await client.get("/v1/users/me", headers=headers) for _ in range(3)]
        assert [r.status_code for r in answers] == [200] * 3


async def test_an_expired_token_counts_as_anonymous_once(make_client: Any) -> None:
    async with make_client(
        rate_limit_anonymous="2/minute", access_token_minutes=0.001, token_leeway_seconds=0
    ) as client:
        headers = await bearer(client, "student@alpha.example.com", "alpha")  # counted in alpha's keys
        await asyncio.sleep(1.1)  # expiry is in whole seconds
        expired = await client.get("/v1/users/me", headers=headers)
        assert expired.json()["code"] == "TOKEN_EXPIRED"
        assert (await client.get("/v1/meta/error-codes", headers=headers)).status_code == 200
        assert (await client.get("/v1/meta/error-codes", headers=headers)).status_code == 429


async def test_a_tenant_sets_its_own_failed_login_limit(make_app: Any, identity: Identity) -> None:
    student = identity.a.email("STUDENT")
    async with make_app() as app, client_at(app, "192.0.2.1") as client:
        operator = await bearer(client, "operator@platform.example.com", "platform")
        changed = await client.patch(
            f"/v1/console/tenants/{identity.a.id}",
            headers=operator,
            json={"settings": {"rate_limits": {"login_account": "1/minute"}}},
        )
        assert changed.status_code == 200
        assert (await attempt_login(app, "10.0.3.1", student, "guess")).status_code == 401
        refused = await attempt_login(app, "10.0.3.2", student, PASSWORD)
        assert refused.status_code == 429 and refused.json()["details"]["limit"] == 1


async def test_an_anonymous_request_naming_its_tenant_by_host_counts_in_that_tenant(make_client: Any) -> None:
    """Not in a tenant-less counter: the host names the tenant as X-Tenant does."""
    by_host = {"Host": "alpha.mentora.test"}
    async with make_client(rate_limit_anonymous="3/minute", base_domain="mentora.test") as client:
        tokens = await login(client, "student@alpha.example.com", "alpha")  # alpha's first
        ended = {"Authorization": f"Bearer {tokens['access_token']}"}
        logout = await client.post("/v1/auth/logout", json={"refresh_token": tokens["refresh_token"]})
        assert logout.status_code == 200  # named no tenant: counted elsewhere
        assert (await client.get("/v1/meta/error-codes", headers=by_host)).status_code == 200  # alpha's second
        # A well-signed token whose sign-in ended is anonymous too, found out by the principal.
        assert (await client.get("/v1/users/me", headers={**by_host, **ended})).status_code == 401  # third
        over = await client.get("/v1/meta/error-codes", headers={"X-Tenant": "alpha"})
        assert over.status_code == 429 and over.json()["details"]["scope"] == "ip"
        assert (await client.get("/v1/meta/error-codes", headers=by_host)).status_code == 429
        assert (await client.get("/v1/meta/error-codes")).status_code == 200  # no tenant named: its own counter
