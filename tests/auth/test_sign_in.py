"""Register, login, refresh rotation with reuse detection, logout: on SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from mentora.app import create_app
from mentora.bootstrap import create_user
from mentora.config import Settings
from mentora.contract import ValidationFailedError
from tests.conftest import contract_client
from tests.support.identity import PASSWORD, Identity, bearer, login

pytestmark = pytest.mark.usefixtures("db_identity")


async def test_register_creates_a_student_and_signs_in(db_client: httpx.AsyncClient) -> None:
    response = await db_client.post(
        "/v1/auth/register",
        json={"email": "New.Student@Example.com", "password": "long enough", "name": "New", "tenant_slug": "alpha"},
    )
    assert response.status_code == 201
    tokens = response.json()["data"]
    assert tokens["token_type"] == "bearer"
    assert tokens["expires_in"] == 1800
    me = await db_client.get("/v1/users/me", headers={"Authorization": f"Bearer {tokens['access_token']}"})
    assert me.json()["data"]["email"] == "new.student@example.com"
    assert me.json()["data"]["role"] == "STUDENT"


async def test_register_twice_is_conflict_case_insensitively(db_client: httpx.AsyncClient) -> None:
    body = {"email": "twice@example.com", "password": "long enough", "name": "T"}
    assert (await db_client.post("/v1/auth/register", json=body, headers={"X-Tenant": "alpha"})).status_code == 201
    again = await db_client.post(
        "/v1/auth/register", json={**body, "email": "TWICE@example.com"}, headers={"X-Tenant": "alpha"}
    )
    assert again.status_code == 409
    assert again.json()["details"] == {"email": "already registered"}
    # The same email is free in another tenant.
    other = await db_client.post("/v1/auth/register", json=body, headers={"X-Tenant": "beta"})
    assert other.status_code == 201


async def test_concurrent_registrations_of_one_email_create_one_user(db_client: httpx.AsyncClient) -> None:
    body = {"email": "race@example.com", "password": "long enough", "name": "Racer", "tenant_slug": "alpha"}
    responses = await asyncio.gather(*(db_client.post("/v1/auth/register", json=body) for _ in range(8)))
    statuses = sorted(response.status_code for response in responses)
    assert statuses == [201] + [409] * 7
    for response in responses:
        if response.status_code == 409:
            assert response.json()["details"] == {"email": "already registered"}


async def test_register_validates_like_the_seed(db_client: httpx.AsyncClient) -> None:
    response = await db_client.post(
        "/v1/auth/register", json={"email": "nope", "password": "short", "name": ""}, headers={"X-Tenant": "alpha"}
    )
    assert response.json()["details"] == {
        "email": "value is not a valid email address",
        "password": "ensure this value has at least 8 characters",
        "name": "ensure this value has at least 1 characters",
    }


async def test_login_failures_are_indistinguishable(db_client: httpx.AsyncClient, db_identity: Identity) -> None:
    wrong_password = await db_client.post(
        "/v1/auth/login",
        json={"email": db_identity.a.email("STUDENT"), "password": "wrong password"},
        headers={"X-Tenant": "alpha"},
    )
    unknown_email = await db_client.post(
        "/v1/auth/login",
        json={"email": "nobody@alpha.example.com", "password": "wrong password"},
        headers={"X-Tenant": "alpha"},
    )
    other_tenant = await db_client.post(
        "/v1/auth/login",
        json={"email": db_identity.a.email("STUDENT"), "password": PASSWORD},
        headers={"X-Tenant": "beta"},
    )
    bodies = {r.text for r in (wrong_password, unknown_email, other_tenant)}
    assert len(bodies) == 1
    assert wrong_password.status_code == unknown_email.status_code == other_tenant.status_code == 401
    assert wrong_password.json()["code"] == "AUTHENTICATION_ERROR"


async def test_unknown_email_costs_one_full_password_verification(
    db_app: FastAPI, db_client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Same work on both paths (one Argon2id verify with the same parameters), so the same time.
    The time itself is measured in bench/login_timing.py: timings stay out of pass/fail tests."""
    passwords = db_app.state.services.passwords
    verified: list[str] = []

    class CountingHasher:
        def __init__(self, hasher: Any) -> None:
            self.hasher = hasher

        def verify(self, password_hash: str, password: str) -> bool:
            verified.append(password_hash)
            return bool(self.hasher.verify(password_hash, password))

        def __getattr__(self, name: str) -> Any:
            return getattr(self.hasher, name)

    monkeypatch.setattr(passwords, "_hasher", CountingHasher(passwords._hasher))
    for email in ("student@alpha.example.com", "nobody@alpha.example.com"):
        response = await db_client.post(
            "/v1/auth/login", json={"email": email, "password": "wrong password"}, headers={"X-Tenant": "alpha"}
        )
        assert response.status_code == 401
    assert len(verified) == 2
    known_params, dummy_params = (h.split("$")[3] for h in verified)
    assert known_params == dummy_params  # the dummy hash costs what a real one does


async def test_refresh_rotates_and_the_old_token_stops_working_after_grace(
    db_settings: Settings, db_identity: Identity
) -> None:
    app = create_app(db_settings.model_copy(update={"refresh_reuse_grace_seconds": 0.0}))
    async with app.router.lifespan_context(app), contract_client(app) as client:
        first = await login(client, db_identity.a.email("STUDENT"), "alpha")
        rotated = await client.post("/v1/auth/refresh", json={"refresh_token": first["refresh_token"]})
        assert rotated.status_code == 200
        second = rotated.json()["data"]
        assert second["refresh_token"] != first["refresh_token"]
        # Replaying the rotated token after the grace window revokes the whole family...
        replay = await client.post("/v1/auth/refresh", json={"refresh_token": first["refresh_token"]})
        assert replay.status_code == 401
        assert replay.json()["code"] == "AUTHENTICATION_ERROR"
        # ...so the newest refresh token and the access tokens of that sign-in are dead too.
        assert (
            await client.post("/v1/auth/refresh", json={"refresh_token": second["refresh_token"]})
        ).status_code == 401
        app.state.services.forget_identity_state()
        me = await client.get("/v1/users/me", headers={"Authorization": f"Bearer {second['access_token']}"})
        assert me.status_code == 401
        # Other sign-ins of the same user are untouched.
        assert await bearer(client, db_identity.a.email("STUDENT"), "alpha")


async def test_twenty_parallel_refreshes_of_one_token_revoke_nothing(
    db_client: httpx.AsyncClient, db_identity: Identity
) -> None:
    tokens = await login(db_client, db_identity.a.email("STUDENT"), "alpha")
    responses = await asyncio.gather(
        *(db_client.post("/v1/auth/refresh", json={"refresh_token": tokens["refresh_token"]}) for _ in range(20))
    )
    assert [r.status_code for r in responses] == [200] * 20
    new_tokens = [r.json()["data"] for r in responses]
    assert len({t["refresh_token"] for t in new_tokens}) == 20
    # Every one of them still works: nothing was revoked.
    for pair in new_tokens[:5]:
        again = await db_client.post("/v1/auth/refresh", json={"refresh_token": pair["refresh_token"]})
        assert again.status_code == 200


async def test_garbage_refresh_token_is_authentication_error(db_client: httpx.AsyncClient) -> None:
    response = await db_client.post("/v1/auth/refresh", json={"refresh_token": "not-a-token"})
    assert response.status_code == 401
    assert response.json()["code"] == "AUTHENTICATION_ERROR"


async def test_logout_revokes_the_sign_in(db_client: httpx.AsyncClient, db_identity: Identity) -> None:
    tokens = await login(db_client, db_identity.a.email("FACULTY"), "alpha")
    headers = {"Authorization": f"Bearer {tokens['access_token']}"}
    assert (await db_client.get("/v1/users/me", headers=headers)).status_code == 200
    assert (await db_client.post("/v1/auth/logout", json={"refresh_token": tokens["refresh_token"]})).status_code == 200
    assert (await db_client.get("/v1/users/me", headers=headers)).status_code == 401
    assert (
        await db_client.post("/v1/auth/refresh", json={"refresh_token": tokens["refresh_token"]})
    ).status_code == 401


async def test_deactivated_user_fails_on_the_next_request(db_client: httpx.AsyncClient, db_identity: Identity) -> None:
    student = await bearer(db_client, db_identity.a.email("STUDENT"), "alpha")
    admin = await bearer(db_client, db_identity.a.email("ADMIN"), "alpha")
    assert (await db_client.get("/v1/users/me", headers=student)).status_code == 200
    student_id = db_identity.a.user_ids["STUDENT"]
    assert (await db_client.post(f"/v1/console/users/{student_id}/deactivate", headers=admin)).status_code == 200
    response = await db_client.get("/v1/users/me", headers=student)
    assert response.status_code == 401
    assert response.json()["code"] == "AUTHENTICATION_ERROR"


async def test_deactivated_tenant_fails_on_the_next_request(
    db_client: httpx.AsyncClient, db_identity: Identity
) -> None:
    student = await bearer(db_client, db_identity.b.email("STUDENT"), "beta")
    operator = await bearer(db_client, "operator@platform.example.com", "platform")
    assert (await db_client.delete(f"/v1/console/tenants/{db_identity.b.id}", headers=operator)).status_code == 200
    assert (await db_client.get("/v1/users/me", headers=student)).status_code == 401
    login_again = await db_client.post(
        "/v1/auth/login",
        json={"email": db_identity.b.email("STUDENT"), "password": PASSWORD},
        headers={"X-Tenant": "beta"},
    )
    assert login_again.status_code == 400
    assert login_again.json() == {
        "success": False,
        "error": "This tenant is not active",
        "code": "TENANT_ERROR",
        "details": {"reason": "inactive"},
    }


async def test_password_is_rehashed_when_the_parameters_change(settings: Settings, identity: Identity) -> None:
    from sqlalchemy import select

    from mentora.platform.db import Database
    from mentora.users.models import User

    async def stored_hash() -> str:
        database = Database.from_settings(settings)
        async with database.sessionmaker() as session:
            value = (
                await session.execute(select(User.password_hash).where(User.email == identity.a.email("ADMIN")))
            ).scalar_one()
        await database.dispose()
        return value

    before = await stored_hash()
    assert "t=1" in before
    stronger = settings.model_copy(update={"password_time_cost": 2})
    app: FastAPI = create_app(stronger)
    async with app.router.lifespan_context(app), contract_client(app) as client:
        await login(client, identity.a.email("ADMIN"), "alpha")
    after = await stored_hash()
    assert "t=2" in after and after != before


async def test_register_is_refused_where_the_institution_closed_it(db_client: httpx.AsyncClient) -> None:
    admin = await bearer(db_client, "admin@alpha.example.com", "alpha")
    closed = await db_client.patch(
        "/v1/console/institution", headers=admin, json={"settings": {"registration_open": False}}
    )
    assert closed.status_code == 200, closed.text
    body = {"email": "closed@example.com", "password": "long enough", "name": "C"}
    refused = await db_client.post("/v1/auth/register", json=body, headers={"X-Tenant": "alpha"})
    assert refused.status_code == 403
    assert refused.json()["code"] == "AUTHORIZATION_ERROR"
    assert refused.json()["details"] == {"required": "settings.registration_open"}
    reopened = await db_client.patch(
        "/v1/console/institution", headers=admin, json={"settings": {"registration_open": True}}
    )
    assert reopened.status_code == 200
    assert (await db_client.post("/v1/auth/register", json=body, headers={"X-Tenant": "alpha"})).status_code == 201


async def test_replay_within_the_grace_window_then_after_it(db_settings: Settings, db_identity: Identity) -> None:
    app = create_app(db_settings.model_copy(update={"refresh_reuse_grace_seconds": 1.0}))
    async with app.router.lifespan_context(app), contract_client(app) as client:
        first = await login(client, db_identity.a.email("STUDENT"), "alpha")
        assert (
            await client.post("/v1/auth/refresh", json={"refresh_token": first["refresh_token"]})
        ).status_code == 200
        within = await client.post("/v1/auth/refresh", json={"refresh_token": first["refresh_token"]})
        assert within.status_code == 200  # a client's own parallel refresh: nothing revoked
        await asyncio.sleep(1.2)
        after = await client.post("/v1/auth/refresh", json={"refresh_token": first["refresh_token"]})
        assert after.status_code == 401
        survivor = within.json()["data"]["refresh_token"]
        assert (await client.post("/v1/auth/refresh", json={"refresh_token": survivor})).status_code == 401


async def test_nobody_signs_up_as_a_platform_operator(db_client: httpx.AsyncClient, db_settings: Settings) -> None:
    response = await db_client.post(
        "/v1/auth/register",
        headers={"X-Tenant": "platform"},
        json={"email": "sneaky@example.com", "password": "long enough", "name": "S"},
    )
    assert response.status_code == 400
    assert response.json()["details"] == {"reason": "unknown"}
    with pytest.raises(ValidationFailedError):
        await create_user(
            db_settings,
            tenant_slug="alpha",
            email="x@alpha.example.com",
            name="X",
            password=PASSWORD,
            role="SUPER_ADMIN",
        )
