"""API2:2023 Broken Authentication: credentials and tokens an attacker can guess, forge or reuse.

Here: passwords for sign-in, JWT access tokens, opaque rotating refresh tokens.

Already covered:
- tests/platform/test_token_attacks.py: alg none, tampered payload, wrong key, wrong
  iss/aud/typ, missing claims, forged-and-expired is not TOKEN_EXPIRED, leeway, a token
  of another tenant, key rotation and HS/asymmetric confusion.
- tests/auth/test_sign_in.py: indistinguishable login failures and equal password work
  for unknown emails (no enumeration), refresh rotation, reuse revoking the family,
  parallel refreshes, logout, deactivated users and tenants.
- tests/auth/test_review_regressions.py: reactivation and password change end old
  sign-ins, the grace window, nobody signs up as an operator.
- tests/platform/test_rate_limits.py::test_login_attempts_per_ip_and_email.
- tests/auth/test_refresh_cookie.py: the refresh token as an HttpOnly cookie for browser
  apps: a CSRF token bound to one refresh token, same-origin only, a refused request
  changing nothing, replays revoking and clearing the cookies, nothing logged or kept.

Filled here:
- The two kinds of token are not interchangeable (a refresh token is no bearer, an
  access token refreshes nothing).
- Guessing is limited everywhere a password is checked: many emails from one address
  (credential stuffing), and the current password of ``change-password``, which a
  stolen access token could otherwise guess at the pace of ordinary requests.
- ``Idempotency-Key`` keeps no credential readable (sign-in answers are never kept, other
  answers rest encrypted) and a repeat is no way around authentication: it demands the
  credentials and the permission the first request needed, valid now.
- A stolen refresh token replayed on one worker ends the sign-in on every worker within
  100 ms (with Redis): the thief's access token does not live on in another worker's cache.
  Logout and deactivation across workers: tests/platform/test_revocation.py and
  tests/test_workers.py (real processes).
"""

from __future__ import annotations

import asyncio
import hashlib

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import select

from mentora.config import Settings
from mentora.platform.idempotency import IdempotencyRecord, request_fingerprint
from tests.platform.test_revocation import CACHE_SECONDS, PROPAGATION_SECONDS, me, worker
from tests.security.conftest import serving
from tests.sessions.conftest import CASE_STUDY
from tests.support.identity import PASSWORD, Identity, bearer, login
from tests.support.redis import RedisServer

pytestmark = pytest.mark.usefixtures("identity")


def assert_unauthenticated(response: httpx.Response) -> None:
    assert response.status_code == 401, response.text
    assert response.json()["code"] == "AUTHENTICATION_ERROR"


async def test_refresh_and_access_tokens_are_not_interchangeable(client: httpx.AsyncClient, identity: Identity) -> None:
    tokens = await login(client, identity.a.email("STUDENT"), "alpha")
    assert_unauthenticated(
        await client.get("/v1/users/me", headers={"Authorization": f"Bearer {tokens['refresh_token']}"})
    )
    as_refresh = await client.post("/v1/auth/refresh", json={"refresh_token": tokens["access_token"]})
    # An access token is longer than any refresh token: refused by its shape, before any lookup.
    assert as_refresh.status_code == 422
    assert as_refresh.json()["details"] == {"refresh_token": "ensure this value has at most 200 characters"}
    trimmed = await client.post("/v1/auth/refresh", json={"refresh_token": tokens["access_token"][:200]})
    assert_unauthenticated(trimmed)
    # Neither attempt used up the genuine refresh token.
    assert (await client.post("/v1/auth/refresh", json={"refresh_token": tokens["refresh_token"]})).status_code == 200


async def test_credential_stuffing_from_one_address_is_limited(settings: Settings, identity: Identity) -> None:
    async with serving(settings, rate_limit_login_ip="4/minute") as (_, client):
        statuses = []
        for number in range(5):
            response = await client.post(
                "/v1/auth/login",
                json={"email": f"victim{number}@alpha.example.com", "password": "Summer2024!"},
                headers={"X-Tenant": "alpha"},
            )
            statuses.append(response.status_code)
        assert statuses == [401, 401, 401, 401, 429]
        # Still refused with a right password: the address is what is limited.
        right = await client.post(
            "/v1/auth/login",
            json={"email": identity.a.email("ADMIN"), "password": PASSWORD},
            headers={"X-Tenant": "alpha"},
        )
        assert right.status_code == 429
        assert right.json()["details"]["scope"] == "ip"


async def test_the_current_password_cannot_be_guessed_with_a_stolen_token(
    settings: Settings, identity: Identity
) -> None:
    async with serving(settings, rate_limit_login="3/minute") as (_, client):
        stolen = await bearer(client, identity.a.email("STUDENT"), "alpha")
        url = "/v1/users/me/change-password"
        for guess in ("password1", "letmein12", "qwerty123"):
            wrong = await client.post(
                url, headers=stolen, json={"current_password": guess, "new_password": "taken over"}
            )
            assert wrong.status_code == 422
            assert wrong.json()["details"] == {"current_password": "password is incorrect"}
        right = await client.post(
            url, headers=stolen, json={"current_password": PASSWORD, "new_password": "taken over"}
        )
        assert right.status_code == 429
        assert right.json()["code"] == "RATE_LIMIT_EXCEEDED" and right.json()["details"]["scope"] == "login"
        # The password did not change; another user's own change is not affected.
        await login(client, identity.a.email("STUDENT"), "alpha")
        other = await bearer(client, identity.a.email("FACULTY"), "alpha")
        changed = await client.post(
            url, headers=other, json={"current_password": PASSWORD, "new_password": "fresh one"}
        )
        assert changed.status_code == 200


async def test_a_token_names_no_tenant_it_was_not_issued_for(client: httpx.AsyncClient, identity: Identity) -> None:
    """The operator's token is the platform tenant's: naming an institution makes it invalid there."""
    operator = await bearer(client, "operator@platform.example.com", "platform")
    for tenant in ("alpha", "beta"):
        assert_unauthenticated(await client.get("/v1/console/users", headers={**operator, "X-Tenant": tenant}))
    student = await bearer(client, identity.a.email("STUDENT"), "alpha")
    assert_unauthenticated(await client.get("/v1/users/me", headers={**student, "X-Tenant": "platform"}))


async def idempotency_table_bytes(app: FastAPI) -> bytes:
    """Everything the idempotency table holds, every column of every row."""
    async with app.state.services.database.sessionmaker() as session:
        records = (await session.execute(select(IdempotencyRecord))).scalars()
        return b"\n".join(
            repr([r.tenant, r.caller, r.key, r.fingerprint, r.status, r.headers]).encode() + (r.body or b"")
            for r in records
        )


async def test_no_credential_rests_in_the_idempotency_table(
    app: FastAPI, client: httpx.AsyncClient, identity: Identity
) -> None:
    """Every call that answers with a credential, sent with an Idempotency-Key (as clients
    do on every POST): afterwards the table holds none of them."""
    credentials: list[str] = []

    async def call(path: str, body: dict[str, str], headers: dict[str, str] | None = None) -> dict[str, str]:
        response = await client.post(
            path,
            json=body,
            headers={"X-Tenant": "alpha", "Idempotency-Key": f"key-{len(credentials)}", **(headers or {})},
        )
        assert response.status_code in (200, 201), response.text
        data: dict[str, str] = response.json()["data"] or {}
        credentials.extend(
            data[name] for name in ("access_token", "refresh_token", "temporary_password") if name in data
        )
        stored = await idempotency_table_bytes(app)
        assert not [credential for credential in credentials if credential.encode() in stored], path
        return data

    signup = {"email": "keyed@alpha.example.com", "password": "a fine password", "name": "Keyed"}
    await call("/v1/auth/register", signup)
    signed_in = await call("/v1/auth/login", {"email": signup["email"], "password": signup["password"]})
    refreshed = await call("/v1/auth/refresh", {"refresh_token": signed_in["refresh_token"]})
    await call("/v1/auth/logout", {"refresh_token": refreshed["refresh_token"]})
    admin = await bearer(client, identity.a.email("ADMIN"), "alpha")
    invited = await call("/v1/console/users", {"email": "invited@alpha.example.com", "name": "Invited"}, admin)
    assert invited["temporary_password"] in credentials
    # Only the invitation was kept (encrypted), none of the sign-in answers.
    async with app.state.services.database.sessionmaker() as session:
        assert (await session.execute(select(IdempotencyRecord.key))).scalars().all() == [f"key-{len(credentials) - 1}"]


async def test_a_kept_request_is_no_password_hash_to_guess_at(
    app: FastAPI, client: httpx.AsyncClient, identity: Identity
) -> None:
    """A change of password is compared with its repeat by a keyed digest: a plain hash of a
    request that holds passwords could be tested against guesses by anyone reading the table."""
    student = await bearer(client, identity.a.email("STUDENT"), "alpha")
    body = b'{"current_password": "%s", "new_password": "a new password"}' % PASSWORD.encode()
    headers = {**student, "Idempotency-Key": "change-1", "Content-Type": "application/json"}
    response = await client.post("/v1/users/me/change-password", headers=headers, content=body)
    assert response.status_code == 200
    async with app.state.services.database.sessionmaker() as session:
        [fingerprint] = (await session.execute(select(IdempotencyRecord.fingerprint))).scalars().all()
    assert fingerprint != hashlib.sha256(b"POST /v1/users/me/change-password?\n" + body).hexdigest()
    assert fingerprint == request_fingerprint(
        app.state.services.secrets, "POST", "/v1/users/me/change-password", b"", body
    )


INVITE = {"email": "repeat@alpha.example.com", "name": "Repeat", "role": "STUDENT", "password": "a fine password"}


async def test_a_repeat_after_logout_is_refused(client: httpx.AsyncClient, identity: Identity) -> None:
    tokens = await login(client, identity.a.email("ADMIN"), "alpha")
    keyed = {"Authorization": f"Bearer {tokens['access_token']}", "Idempotency-Key": "invite-then-logout"}
    assert (await client.post("/v1/console/users", headers=keyed, json=INVITE)).status_code == 201
    assert (await client.post("/v1/auth/logout", json={"refresh_token": tokens["refresh_token"]})).status_code == 200
    repeat = await client.post("/v1/console/users", headers=keyed, json=INVITE)
    assert_unauthenticated(repeat)
    assert "idempotent-replayed" not in repeat.headers


async def test_a_repeat_after_deactivation_is_refused(client: httpx.AsyncClient, identity: Identity) -> None:
    admin = await bearer(client, identity.a.email("ADMIN"), "alpha")
    faculty = {**await bearer(client, identity.a.email("FACULTY"), "alpha"), "Idempotency-Key": "case-then-deactivated"}
    case = {**CASE_STUDY, "slug": "before-deactivation"}
    assert (await client.post("/v1/console/case-studies", headers=faculty, json=case)).status_code == 201
    deactivated = await client.post(f"/v1/console/users/{identity.a.user_ids['FACULTY']}/deactivate", headers=admin)
    assert deactivated.status_code == 200
    repeat = await client.post("/v1/console/case-studies", headers=faculty, json=case)
    assert_unauthenticated(repeat)
    assert "idempotent-replayed" not in repeat.headers


async def test_a_repeat_needs_the_permission_held_now(client: httpx.AsyncClient, identity: Identity) -> None:
    admin = await bearer(client, identity.a.email("ADMIN"), "alpha")
    faculty = {**await bearer(client, identity.a.email("FACULTY"), "alpha"), "Idempotency-Key": "case-then-demoted"}
    case = {**CASE_STUDY, "slug": "before-demotion"}
    assert (await client.post("/v1/console/case-studies", headers=faculty, json=case)).status_code == 201
    demoted = await client.patch(
        f"/v1/console/users/{identity.a.user_ids['FACULTY']}", headers=admin, json={"role": "STUDENT"}
    )
    assert demoted.status_code == 200
    repeat = await client.post("/v1/console/case-studies", headers=faculty, json=case)
    assert repeat.status_code == 403, repeat.text
    assert repeat.json()["code"] == "AUTHORIZATION_ERROR"
    assert "idempotent-replayed" not in repeat.headers


async def test_a_rotated_refresh_token_sent_again_with_its_key_revokes_the_sign_in(
    settings: Settings, identity: Identity
) -> None:
    async with serving(settings, refresh_reuse_grace_seconds=0) as (_, client):
        tokens = await login(client, identity.a.email("STUDENT"), "alpha")
        keyed = {"Idempotency-Key": "refresh-once"}
        rotated = await client.post("/v1/auth/refresh", headers=keyed, json={"refresh_token": tokens["refresh_token"]})
        assert rotated.status_code == 200
        reused = await client.post("/v1/auth/refresh", headers=keyed, json={"refresh_token": tokens["refresh_token"]})
        assert_unauthenticated(reused)
        assert "idempotent-replayed" not in reused.headers
        # The reuse ended the sign-in: what the rotation handed out works no more.
        newer = rotated.json()["data"]
        assert_unauthenticated(await client.post("/v1/auth/refresh", json={"refresh_token": newer["refresh_token"]}))
        bearer_header = {"Authorization": f"Bearer {newer['access_token']}"}
        assert_unauthenticated(await client.get("/v1/users/me", headers=bearer_header))


async def test_a_replayed_refresh_token_ends_the_sign_in_on_every_worker(
    settings: Settings, identity: Identity, redis_server: RedisServer
) -> None:
    """The victim refreshed first; the thief's replay of the old refresh token (past the
    grace window) is detected on one worker, and the access token the thief holds stops
    working on the other worker too, long before its cache entry would have expired."""
    shared = settings.model_copy(
        update={
            "principal_cache_seconds": CACHE_SECONDS,
            "refresh_reuse_grace_seconds": 0,
            "redis_url": redis_server.url,
        }
    )
    async with worker(shared) as (_, one), worker(shared) as (_, other):
        stolen = await login(one, identity.a.email("STUDENT"), "alpha")
        assert await me(other, stolen["access_token"]) == 200  # cached by the other worker
        rotated = await one.post("/v1/auth/refresh", json={"refresh_token": stolen["refresh_token"]})
        assert rotated.status_code == 200
        replayed = await one.post("/v1/auth/refresh", json={"refresh_token": stolen["refresh_token"]})
        assert_unauthenticated(replayed)
        await asyncio.sleep(PROPAGATION_SECONDS)
        assert await me(other, stolen["access_token"]) == 401
        assert await me(other, rotated.json()["data"]["access_token"]) == 401
