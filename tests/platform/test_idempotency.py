"""Idempotency-Key: a retried POST or PATCH is answered from the first response, not redone."""

from __future__ import annotations

import hashlib
import json
from datetime import timedelta

import httpx
import pytest
from fastapi import FastAPI

from mentora.platform.db.types import utcnow
from mentora.platform.idempotency import IdempotencyRecord
from tests.support.identity import Identity, bearer

pytestmark = pytest.mark.usefixtures("identity")
INVITE = {"email": "once@alpha.example.com", "name": "Once", "role": "STUDENT", "password": "a fine password"}


@pytest.fixture
async def admin(client: httpx.AsyncClient) -> dict[str, str]:
    return await bearer(client, "admin@alpha.example.com", "alpha")


async def count_users(client: httpx.AsyncClient, admin: dict[str, str]) -> int:
    return int((await client.get("/v1/console/users", headers=admin)).json()["total"])


async def test_a_repeat_is_replayed_and_creates_nothing(client: httpx.AsyncClient, admin: dict[str, str]) -> None:
    before = await count_users(client, admin)
    headers = {**admin, "Idempotency-Key": "invite-once-1"}
    first = await client.post("/v1/console/users", headers=headers, json=INVITE)
    second = await client.post("/v1/console/users", headers=headers, json=INVITE)
    assert first.status_code == second.status_code == 201
    assert second.json() == first.json()
    assert second.headers["idempotent-replayed"] == "true"
    assert "idempotent-replayed" not in first.headers
    assert second.headers["x-request-id"] != first.headers["x-request-id"]
    assert await count_users(client, admin) == before + 1


async def test_the_same_key_with_another_body_is_a_validation_error(
    client: httpx.AsyncClient, admin: dict[str, str]
) -> None:
    headers = {**admin, "Idempotency-Key": "invite-twice"}
    assert (await client.post("/v1/console/users", headers=headers, json=INVITE)).status_code == 201
    other = await client.post("/v1/console/users", headers=headers, json={**INVITE, "email": "other@alpha.example.com"})
    assert other.status_code == 422
    assert other.json()["details"] == {"header.idempotency-key": "already used with a different request"}


async def test_a_repeat_while_the_first_runs_is_a_conflict(
    app: FastAPI, client: httpx.AsyncClient, admin: dict[str, str], identity: Identity
) -> None:
    body = json.dumps(INVITE).encode()
    fingerprint = hashlib.sha256(b"POST /v1/console/users?\n" + body).hexdigest()
    async with app.state.services.database.sessionmaker() as session, session.begin():
        session.add(
            IdempotencyRecord(
                tenant=identity.a.id,
                caller="user:" + identity.a.user_ids["ADMIN"],
                key="in-flight",
                fingerprint=fingerprint,
                expires_at=utcnow() + timedelta(hours=1),
            )
        )
    response = await client.post(
        "/v1/console/users",
        headers={**admin, "Idempotency-Key": "in-flight", "Content-Type": "application/json"},
        content=body,
    )
    assert response.status_code == 409
    assert response.json()["details"] == {"idempotency_key": "still in progress"}


async def test_keys_belong_to_their_caller(client: httpx.AsyncClient, admin: dict[str, str]) -> None:
    beta_admin = await bearer(client, "admin@beta.example.com", "beta")
    key = {"Idempotency-Key": "shared-key"}
    mine = await client.post("/v1/console/users", headers={**admin, **key}, json=INVITE)
    theirs = await client.post(
        "/v1/console/users", headers={**beta_admin, **key}, json={**INVITE, "email": "once@beta.example.com"}
    )
    assert mine.status_code == theirs.status_code == 201
    assert "idempotent-replayed" not in theirs.headers
    assert theirs.json()["data"]["email"] == "once@beta.example.com"


async def test_client_errors_are_kept_and_rejections_are_not(client: httpx.AsyncClient, admin: dict[str, str]) -> None:
    headers = {**admin, "Idempotency-Key": "bad-invite"}
    invalid = {**INVITE, "email": "nope"}
    first = await client.post("/v1/console/users", headers=headers, json=invalid)
    again = await client.post("/v1/console/users", headers=headers, json=invalid)
    assert first.status_code == again.status_code == 422
    assert again.headers["idempotent-replayed"] == "true"
    # A 401 did no work: the same key works once the caller signs in.
    anonymous = await client.post("/v1/console/users", headers={"Idempotency-Key": "later"}, json=INVITE)
    assert anonymous.status_code == 401
    signed_in = await client.post("/v1/console/users", headers={**admin, "Idempotency-Key": "later"}, json=INVITE)
    assert signed_in.status_code == 201


async def test_unauthenticated_register_is_idempotent(client: httpx.AsyncClient) -> None:
    body = {"email": "newbie@alpha.example.com", "password": "long enough", "name": "N", "tenant_slug": "alpha"}
    headers = {"Idempotency-Key": "register-1", "X-Tenant": "alpha"}
    first = await client.post("/v1/auth/register", headers=headers, json=body)
    second = await client.post("/v1/auth/register", headers=headers, json=body)
    assert first.status_code == second.status_code == 201
    assert second.json()["data"]["refresh_token"] == first.json()["data"]["refresh_token"]


async def test_malformed_key(client: httpx.AsyncClient, admin: dict[str, str]) -> None:
    response = await client.post("/v1/console/users", headers={**admin, "Idempotency-Key": "x" * 300}, json=INVITE)
    assert response.status_code == 422
    assert "header.idempotency-key" in response.json()["details"]
