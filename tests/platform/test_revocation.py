"""A revoked sign-in stops working at once on the worker that revoked it, and through
Redis on every other worker within 100 ms; without the channel, within the cache's time.

Two apps in one process stand in for two workers here (each with its own caches and its
own subscription); tests/test_workers.py does the same with real worker processes.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx
import jwt
import pytest
from fastapi import FastAPI
from sqlalchemy import select

from mentora.app import create_app
from mentora.bootstrap import set_password
from mentora.config import Settings
from mentora.platform.invalidation import EVERYTHING, Invalidation, decode, encode
from mentora.platform.security.principal import SignIn
from mentora.platform.services import Services
from mentora.sign_ins.models import RefreshFamily
from tests.conftest import contract_client
from tests.support.identity import PASSWORD, Identity, bearer, login
from tests.support.redis import RedisServer

# Long enough that only an invalidation, never the entry's time running out, explains a 401.
CACHE_SECONDS = 60.0
PROPAGATION_SECONDS = 0.1
STUDENT = ("student@alpha.example.com", "alpha")
SIGN_IN_ADMIN = ("admin@alpha.example.com", "alpha")


@asynccontextmanager
async def worker(settings: Settings) -> AsyncIterator[tuple[FastAPI, httpx.AsyncClient]]:
    application = create_app(settings)
    async with application.router.lifespan_context(application), contract_client(application) as http:
        yield application, http


def services_of(application: FastAPI) -> Services:
    services: Services = application.state.services
    return services


async def me(http: httpx.AsyncClient, access_token: str) -> int:
    return (await http.get("/v1/users/me", headers={"Authorization": f"Bearer {access_token}"})).status_code


async def test_a_replayed_refresh_token_stops_its_access_tokens_at_once(
    db_settings: Settings, db_identity: Identity
) -> None:
    settings = db_settings.model_copy(
        update={"principal_cache_seconds": CACHE_SECONDS, "refresh_reuse_grace_seconds": 0}
    )
    async with worker(settings) as (_, http):
        first = await login(http, *STUDENT)
        assert await me(http, first["access_token"]) == 200  # cached from here on
        rotated = await http.post("/v1/auth/refresh", json={"refresh_token": first["refresh_token"]})
        assert rotated.status_code == 200
        second = rotated.json()["data"]
        assert await me(http, second["access_token"]) == 200
        replayed = await http.post("/v1/auth/refresh", json={"refresh_token": first["refresh_token"]})
        assert replayed.status_code == 401
        # The next request on the same worker, without waiting for anything.
        assert await me(http, first["access_token"]) == 401
        assert await me(http, second["access_token"]) == 401


async def test_logout_on_one_worker_is_refused_by_another_within_100_ms(
    settings: Settings, identity: Identity, redis_server: RedisServer
) -> None:
    shared = settings.model_copy(update={"principal_cache_seconds": CACHE_SECONDS, "redis_url": redis_server.url})
    async with worker(shared) as (_, one), worker(shared) as (_, other):
        leaving = await login(one, *STUDENT)
        staying = await login(one, "faculty@alpha.example.com", "alpha")
        for http in (one, other):
            assert await me(http, leaving["access_token"]) == 200
            assert await me(http, staying["access_token"]) == 200
        assert (await one.post("/v1/auth/logout", json={"refresh_token": leaving["refresh_token"]})).status_code == 200
        assert await me(one, leaving["access_token"]) == 401
        await asyncio.sleep(PROPAGATION_SECONDS)
        assert await me(other, leaving["access_token"]) == 401
        assert await me(other, staying["access_token"]) == 200  # only that sign-in ended


async def test_a_deactivation_on_one_worker_is_refused_by_another_within_100_ms(
    settings: Settings, identity: Identity, redis_server: RedisServer
) -> None:
    shared = settings.model_copy(update={"principal_cache_seconds": CACHE_SECONDS, "redis_url": redis_server.url})
    async with worker(shared) as (_, one), worker(shared) as (_, other):
        admin = await login(one, "admin@alpha.example.com", "alpha")
        student = await login(one, *STUDENT)
        assert await me(other, student["access_token"]) == 200
        deactivated = await one.post(
            f"/v1/console/users/{identity.a.user_ids['STUDENT']}/deactivate",
            headers={"Authorization": f"Bearer {admin['access_token']}"},
        )
        assert deactivated.status_code == 200
        await asyncio.sleep(PROPAGATION_SECONDS)
        assert await me(other, student["access_token"]) == 401


async def test_redis_down_fails_no_request_and_its_return_drops_every_cached_entry(
    settings: Settings, identity: Identity, own_redis: RedisServer, caplog: pytest.LogCaptureFixture
) -> None:
    shared = settings.model_copy(
        update={"principal_cache_seconds": CACHE_SECONDS, "redis_url": own_redis.url, "redis_retry_seconds": 0.1}
    )
    async with worker(shared) as (_, one), worker(shared) as (other_app, other):
        tokens = await login(one, *STUDENT)
        assert await me(other, tokens["access_token"]) == 200
        own_redis.stop()
        with caplog.at_level(logging.INFO, logger="mentora.invalidation"):
            logout = await one.post("/v1/auth/logout", json={"refresh_token": tokens["refresh_token"]})
            assert logout.status_code == 200
            assert await me(one, tokens["access_token"]) == 401  # this worker needs no Redis for its own change
            await asyncio.sleep(1.0)  # several reconnection attempts fail meanwhile
            assert not services_of(other_app).invalidations.subscribed
            # The other worker missed the logout; when it hears the channel again it trusts nothing it cached.
            own_redis.start()
            async with asyncio.timeout(10):
                await services_of(other_app).invalidations.until_subscribed()
            assert await me(other, tokens["access_token"]) == 401
        warnings = [record for record in caplog.records if record.levelno == logging.WARNING]
        # Once per outage and worker (and once for the failed announcement), not per attempt.
        assert len([w for w in warnings if "Not hearing" in w.getMessage()]) == 2, warnings
        assert len([w for w in warnings if "Could not announce" in w.getMessage()]) == 1, warnings
        assert any("identity changes again" in r.getMessage() for r in caplog.records)


def test_a_message_names_one_sign_in_and_anything_unreadable_drops_everything() -> None:
    one = Invalidation(SignIn("user", "tenant", "session"))
    assert decode(encode(one)) == one
    assert decode(encode(EVERYTHING)) == EVERYTHING
    for unreadable in (b"not json", b"[]", b'{"sign_in": ["user", "tenant"]}', b'{"sign_in": 7}'):
        assert decode(unreadable) == EVERYTHING


def session_id_of(tokens: dict[str, str]) -> str:
    return str(jwt.decode(tokens["access_token"], options={"verify_signature": False})["sid"])


async def test_every_way_a_sign_in_ends_stores_its_reason(settings: Settings, identity: Identity) -> None:
    """The stored reasons are the ones earlier releases wrote: rows written before read the same."""
    settings = settings.model_copy(update={"refresh_reuse_grace_seconds": 0})
    async with worker(settings) as (application, http):
        admin_tokens = await login(http, *SIGN_IN_ADMIN)
        admin = {"Authorization": f"Bearer {admin_tokens['access_token']}"}
        operator = await bearer(http, "operator@platform.example.com", "platform")
        logged_out, replayed, kept, other = [await login(http, *STUDENT) for _ in range(4)]
        faculty = await login(http, identity.a.email("FACULTY"), "alpha")
        beta = await login(http, identity.b.email("STUDENT"), "beta")

        await http.post("/v1/auth/logout", json={"refresh_token": logged_out["refresh_token"]})
        await http.post("/v1/auth/refresh", json={"refresh_token": replayed["refresh_token"]})
        await http.post("/v1/auth/refresh", json={"refresh_token": replayed["refresh_token"]})
        changed = await http.post(
            "/v1/users/me/change-password",
            headers={"Authorization": f"Bearer {kept['access_token']}"},
            json={"current_password": PASSWORD, "new_password": "another good one"},
        )
        assert changed.status_code == 200
        await http.post(f"/v1/console/users/{identity.a.user_ids['FACULTY']}/deactivate", headers=admin)
        await http.delete(f"/v1/console/tenants/{identity.b.id}", headers=operator)
        await set_password(settings, tenant_slug="alpha", email=SIGN_IN_ADMIN[0], password="set by the operator")

        expected = {
            session_id_of(logged_out): "logout",
            session_id_of(replayed): "reuse",
            session_id_of(kept): None,
            session_id_of(other): "password changed",
            session_id_of(faculty): "deactivated",
            session_id_of(beta): "tenant deactivated",
            session_id_of(admin_tokens): "password set by operator",
        }
        statement = select(RefreshFamily.id, RefreshFamily.revoked_reason).where(RefreshFamily.id.in_(expected))
        async with services_of(application).database.reading() as session:
            stored = dict((await session.execute(statement)).all())
        assert stored == expected
