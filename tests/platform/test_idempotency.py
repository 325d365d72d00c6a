"""Idempotency-Key: a retried POST or PATCH is answered from the first response, not redone."""

from __future__ import annotations

import hashlib
import json
from datetime import timedelta

import httpx
import pytest
from fastapi import FastAPI
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute
from sqlalchemy import select

from mentora.platform.db.types import utcnow
from mentora.platform.idempotency import IdempotencyRecord, answer_repeat, request_fingerprint
from mentora.platform.security.principal import RequirePermission, get_principal
from tests.support.identity import PASSWORD, Identity, bearer

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
    fingerprint = request_fingerprint(app.state.services.secrets, "POST", "/v1/console/users", b"", body)
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


async def test_sign_in_routes_ignore_the_key(app: FastAPI, client: httpx.AsyncClient) -> None:
    """Their answers are credentials: each request is simply processed, and nothing is kept."""
    body = {"email": "newbie@alpha.example.com", "password": "long enough", "name": "N", "tenant_slug": "alpha"}
    headers = {"Idempotency-Key": "register-1", "X-Tenant": "alpha"}
    first = await client.post("/v1/auth/register", headers=headers, json=body)
    second = await client.post("/v1/auth/register", headers=headers, json=body)
    assert first.status_code == 201
    assert second.status_code == 409 and second.json()["code"] == "CONFLICT"
    assert "idempotent-replayed" not in second.headers
    credentials = {"email": body["email"], "password": body["password"]}
    # Even a key the other routes refuse is no reason to refuse a sign-in.
    for key in ("login-1", "login-1", "x" * 300):
        login = await client.post("/v1/auth/login", headers={**headers, "Idempotency-Key": key}, json=credentials)
        assert login.status_code == 200 and "idempotent-replayed" not in login.headers
    assert await stored_keys(app) == []


async def stored_keys(app: FastAPI) -> list[IdempotencyRecord]:
    async with app.state.services.database.sessionmaker() as session:
        return list((await session.execute(select(IdempotencyRecord))).scalars())


async def test_stored_responses_are_encrypted(db_app: FastAPI, db_client: httpx.AsyncClient) -> None:
    """An invitation's temporary password is a credential: it rests encrypted, and a repeat still gets it."""
    admin = await bearer(db_client, "admin@alpha.example.com", "alpha")
    headers = {**admin, "Idempotency-Key": "invite-temporary"}
    invite = {key: value for key, value in INVITE.items() if key != "password"}
    first = await db_client.post("/v1/console/users", headers=headers, json=invite)
    temporary = first.json()["data"]["temporary_password"]
    assert first.status_code == 201 and temporary
    [record] = await stored_keys(db_app)
    assert record.status == 201 and record.headers is None and record.body is not None
    for readable in (temporary, invite["email"], "application/json"):
        assert readable.encode() not in record.body
    again = await db_client.post("/v1/console/users", headers=headers, json=invite)
    assert again.headers["idempotent-replayed"] == "true"
    assert again.json() == first.json()
    assert again.headers["content-type"] == "application/json"


async def test_a_response_that_cannot_be_opened_counts_as_expired(
    app: FastAPI, client: httpx.AsyncClient, admin: dict[str, str], identity: Identity
) -> None:
    """A row kept in plain text by an earlier release (or under another key) is never replayed."""
    body = json.dumps(INVITE).encode()
    async with app.state.services.database.sessionmaker() as session, session.begin():
        session.add(
            IdempotencyRecord(
                tenant=identity.a.id,
                caller="user:" + identity.a.user_ids["ADMIN"],
                key="from-before",
                fingerprint=hashlib.sha256(b"POST /v1/console/users?\n" + body).hexdigest(),
                status=201,
                headers=[["content-type", "application/json"]],
                body=b'{"success": true, "data": {"id": "stale"}}',
                expires_at=utcnow() + timedelta(hours=1),
            )
        )
    headers = {**admin, "Idempotency-Key": "from-before", "Content-Type": "application/json"}
    response = await client.post("/v1/console/users", headers=headers, content=body)
    assert response.status_code == 201 and "idempotent-replayed" not in response.headers
    assert response.json()["data"]["email"] == INVITE["email"]
    again = await client.post("/v1/console/users", headers=headers, content=body)
    assert again.headers["idempotent-replayed"] == "true" and again.json() == response.json()


def _authenticates(dependant: Dependant) -> bool:
    return any(
        sub.call is get_principal or isinstance(sub.call, RequirePermission) or _authenticates(sub)
        for sub in dependant.dependencies
    )


def test_repeats_are_answered_after_each_routes_own_checks(app: FastAPI) -> None:
    """Every POST and PATCH route answers a repeat in its last dependency, after its own
    authentication; the routes that authenticate nobody are exactly the sign-in routes."""
    keyed = [r for r in app.routes if isinstance(r, APIRoute) and {"POST", "PATCH"} & (r.methods or set())]
    assert len(keyed) > 15
    assert all(route.dependant.dependencies[-1].call is answer_repeat for route in keyed)
    unauthenticated = {route.path for route in keyed if not _authenticates(route.dependant)}
    assert unauthenticated == {"/v1/auth/register", "/v1/auth/login", "/v1/auth/refresh", "/v1/auth/logout"}


async def test_malformed_key(client: httpx.AsyncClient, admin: dict[str, str]) -> None:
    response = await client.post("/v1/console/users", headers={**admin, "Idempotency-Key": "x" * 300}, json=INVITE)
    assert response.status_code == 422
    assert "header.idempotency-key" in response.json()["details"]


def test_the_spec_lists_what_a_key_can_answer(app: FastAPI) -> None:
    """A client reading the spec learns that any keyed operation can answer VALIDATION_ERROR
    (a malformed key, or one reused for another request) and CONFLICT (still running)."""
    keyed = [
        (path, method, operation)
        for path, item in app.openapi()["paths"].items()
        for method, operation in item.items()
        if any(parameter.get("$ref", "").endswith("/IdempotencyKey") for parameter in operation.get("parameters", []))
    ]
    assert ("/v1/users/me", "patch") in {(path, method) for path, method, _ in keyed}
    for path, method, operation in keyed:
        assert {"VALIDATION_ERROR", "CONFLICT"} <= set(operation["x-error-codes"]), (method, path)


async def test_a_key_sent_to_a_tenants_host_is_kept_in_that_tenant(
    app: FastAPI, client: httpx.AsyncClient, identity: Identity
) -> None:
    operator = await bearer(client, "operator@platform.example.com", "platform")
    moved = await client.patch(
        f"/v1/console/tenants/{identity.a.id}", headers=operator, json={"domain": "learn.alpha.edu"}
    )
    assert moved.status_code == 200
    by_host = {"Host": "learn.alpha.edu"}
    login = await client.post(
        "/v1/auth/login", json={"email": "student@alpha.example.com", "password": PASSWORD}, headers=by_host
    )
    student = {**by_host, "Authorization": f"Bearer {login.json()['data']['access_token']}"}
    keyed = {**student, "Idempotency-Key": "rename-by-host"}
    first = await client.patch("/v1/users/me", headers=keyed, json={"name": "Hosted"})
    again = await client.patch("/v1/users/me", headers=keyed, json={"name": "Hosted"})
    assert first.status_code == again.status_code == 200 and again.headers["idempotent-replayed"] == "true"
    [record] = [record for record in await stored_keys(app) if record.key == "rename-by-host"]
    assert record.tenant == identity.a.id
