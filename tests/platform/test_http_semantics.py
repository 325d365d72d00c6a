"""HTTP at the edge, for every operation of the spec.

- HEAD is answered wherever GET is: the GET's status and headers, no body; also over a
  real socket, where the connection stays usable afterwards.
- A trailing slash is NOT_FOUND in the envelope, never a redirect with an empty body.
- A control character in a path is NOT_FOUND, and in a query parameter VALIDATION_ERROR on
  ``query.<name>``, on SQLite and PostgreSQL alike (PostgreSQL cannot store a NUL), and
  the request changes nothing.
- A body in a content encoding the server does not decode is VALIDATION_ERROR ``_body``,
  never read as plain JSON.
- A 401's ``WWW-Authenticate`` names ``error="invalid_token"`` only when a token was sent.
"""

from __future__ import annotations

import asyncio
import gzip
import json
import re
from collections.abc import AsyncIterator, Iterator
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from mentora.config import Settings
from tests.support.identity import OPERATOR_EMAIL, PASSWORD, Identity, bearer
from tests.support.server import ServerProcess

MISSING_ID = "00000000-0000-0000-0000-000000000000"
CONTROL_CHARACTER = "value must not contain control characters"
REPEATED = "parameter must not be repeated"
# Percent-encoded as a client would send them: NUL, a tab, a newline, unit separator.
CONTROL_VALUES = ["%00", "abc%00def", "%09", "%0A", "%1f"]
# Headers that differ between any two requests, HEAD or not.
PER_REQUEST_HEADERS = {"x-request-id", "ratelimit-remaining", "ratelimit-reset", "date"}


def operations(app: FastAPI) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """(method, path template, operation) for every operation of the app's own spec."""
    for path, methods in app.openapi()["paths"].items():
        for method, operation in methods.items():
            yield method.upper(), path, operation


def filled(path: str, value: str = MISSING_ID) -> str:
    return re.sub(r"\{[^}]+\}", value, path)


def comparable(headers: httpx.Headers) -> dict[str, str]:
    return {name: value for name, value in headers.items() if name not in PER_REQUEST_HEADERS}


async def signed_in(client: httpx.AsyncClient, identity: Identity) -> list[dict[str, str]]:
    """Alpha's administrator, the platform operator, and no token."""
    admin = await bearer(client, identity.a.email("ADMIN"), "alpha")
    operator = await bearer(client, OPERATOR_EMAIL, "platform")
    return [admin, operator, {}]


# HEAD


async def test_head_answers_every_get_as_get_does_without_a_body(
    client: httpx.AsyncClient, app: FastAPI, identity: Identity
) -> None:
    paths = {filled(path) for method, path, _ in operations(app) if method == "GET"}
    paths |= {"/docs", f"/v1/console/users/{identity.a.user_ids['ADMIN']}", "/nowhere", "/v1/auth/login"}
    statuses = set()
    for headers in await signed_in(client, identity):
        for path in sorted(paths):
            get = await client.get(path, headers=headers)
            head = await client.head(path, headers=headers)
            assert head.status_code == get.status_code, path
            assert comparable(head.headers) == comparable(get.headers), path
            assert head.content == b""  # also checked by the contract hook
            statuses.add(get.status_code)
    assert {200, 401, 403, 404} <= statuses  # successes and errors alike


async def test_head_of_a_route_without_get_is_not_found_with_allow(client: httpx.AsyncClient) -> None:
    response = await client.head("/v1/auth/login")
    assert response.status_code == 404
    assert response.headers["allow"] == "POST"
    assert response.headers["content-type"] == "application/json"


@pytest.mark.slow
async def test_head_over_a_real_socket(settings: Settings) -> None:
    server = ServerProcess({"MENTORA_DATA_DIR": str(settings.data_dir), "MENTORA_RUN_JOBS_IN_PROCESS": "false"})
    try:
        await asyncio.to_thread(server.wait_ready)
        # One connection throughout: a body sent after a HEAD answer would corrupt the next answer.
        async with httpx.AsyncClient(base_url=server.base_url, limits=httpx.Limits(max_connections=1)) as http:
            for path, status in [("/healthz", 200), ("/v1/meta/error-codes", 200), ("/nowhere", 404)]:
                get = await http.get(path)
                head = await http.head(path)
                assert (head.status_code, get.status_code) == (status, status)
                assert head.content == b""
                assert head.headers["content-length"] == get.headers["content-length"]
                assert head.headers["content-type"] == "application/json"
                assert head.headers["x-request-id"]
            assert (await http.get("/healthz")).json()["data"] == {"status": "ok"}
    finally:
        server.stop()


# Trailing slashes


async def test_a_trailing_slash_is_not_found_never_a_redirect(client: httpx.AsyncClient, app: FastAPI) -> None:
    for method, path, _ in operations(app):
        response = await client.request(method, filled(path) + "/", json={} if method != "GET" else None)
        assert response.status_code == 404, (method, path)
        assert response.json()["code"] == "NOT_FOUND"
        assert "location" not in response.headers


# Control characters in paths and queries, on both databases


async def test_a_control_character_in_a_path_is_not_found(
    db_client: httpx.AsyncClient, db_app: FastAPI, db_identity: Identity
) -> None:
    templated = [(method, path) for method, path, _ in operations(db_app) if "{" in path]
    assert len(templated) > 20
    real_ids = {"{user_id}": db_identity.a.user_ids["STUDENT"], "{tenant_id}": db_identity.a.id}
    for headers in await signed_in(db_client, db_identity):
        for method, path in templated:
            for value in CONTROL_VALUES:
                urls = [filled(path, value)]
                # A real id with a control character after it, too.
                urls += [
                    filled(path.replace(name, real_id + value)) for name, real_id in real_ids.items() if name in path
                ]
                for url in urls:
                    response = await db_client.request(method, url, headers=headers, json={})
                    assert response.status_code == 404, (method, url, response.text)
                    assert response.json()["code"] == "NOT_FOUND"
    # ... and nothing changed: the student is still there, still active.
    operator = await bearer(db_client, OPERATOR_EMAIL, "platform")
    admin = await bearer(db_client, db_identity.a.email("ADMIN"), "alpha")
    student = await db_client.get(f"/v1/console/users/{db_identity.a.user_ids['STUDENT']}", headers=admin)
    assert student.json()["data"]["is_active"] is True
    tenant = await db_client.get(f"/v1/console/tenants/{db_identity.a.id}", headers=operator)
    assert tenant.json()["data"]["is_active"] is True


async def test_a_control_character_in_a_query_parameter_is_a_validation_error(
    db_client: httpx.AsyncClient, db_app: FastAPI, db_identity: Identity
) -> None:
    queried = [
        (method, path, parameter["name"])
        for method, path, operation in operations(db_app)
        for parameter in operation.get("parameters", ())
        if parameter.get("in") == "query"  # the shared headers are references
    ]
    assert len(queried) > 15
    for headers in await signed_in(db_client, db_identity):
        for method, path, name in queried:
            for value in CONTROL_VALUES:
                response = await db_client.request(method, f"{filled(path)}?{name}={value}", headers=headers)
                assert response.status_code == 422, (method, path, name, value, response.text)
                assert response.json()["details"] == {f"query.{name}": CONTROL_CHARACTER}


async def test_a_repeated_query_parameter_is_a_validation_error(client: httpx.AsyncClient, identity: Identity) -> None:
    """Every parameter takes one value: the last of several would be a silent guess."""
    admin = await bearer(client, identity.a.email("ADMIN"), "alpha")
    response = await client.get("/v1/grades?user_id=a&lms_status=published&user_id=b&limit=5&limit=6", headers=admin)
    assert response.status_code == 422
    assert response.json()["details"] == {"query.user_id": REPEATED, "query.limit": REPEATED}
    assert (await client.get("/v1/grades?user_id=a&lms_status=published&limit=5", headers=admin)).status_code == 200


async def test_only_the_parameters_with_control_characters_are_named(
    client: httpx.AsyncClient, identity: Identity
) -> None:
    admin = await bearer(client, identity.a.email("ADMIN"), "alpha")
    response = await client.get("/v1/console/users?q=ok&role=%00&unknown=a%0Ab&limit=5", headers=admin)
    assert response.json()["details"] == {"query.role": CONTROL_CHARACTER, "query.unknown": CONTROL_CHARACTER}
    # Other escapes, spaces and non-ASCII text pass as before.
    for query in ["q=%C3%A9t%C3%A9", "q=a%20b", "q=a+b", "q=%7E", "q=100%25"]:
        assert (await client.get(f"/v1/console/users?{query}", headers=admin)).status_code == 200, query


def test_the_spec_says_parameters_take_no_control_characters(app: FastAPI) -> None:
    """So generated requests and clients know what the server refuses."""
    patterns = []
    for _, _, operation in operations(app):
        for parameter in operation.get("parameters", ()):
            schema = parameter.get("schema", {})  # the shared headers are references
            for option in [schema, *schema.get("anyOf", ())]:
                if parameter.get("in") in ("path", "query") and option.get("type") == "string" and "enum" not in option:
                    patterns.append(option.get("pattern"))
    assert len(patterns) > 20
    assert set(patterns) == {r"^[^\u0000-\u001f]*$"}
    pattern = re.compile(patterns[0])  # fullmatch: ECMA-262 has no "$" before a final newline
    assert all(pattern.fullmatch(value) for value in ["", "abc", "a b", "ete\u00e9", MISSING_ID])
    assert not any(pattern.fullmatch(value) for value in ["\x00", "a\x00b", "a\n", "\t", "\x1f"])


# Content encodings


def register_body(email: str) -> bytes:
    return json.dumps({"email": email, "password": PASSWORD, "name": "Ada"}).encode()


@pytest.mark.usefixtures("identity")
@pytest.mark.parametrize(
    ("encoding", "compress"),
    [("gzip", True), ("gzip", False), ("br", False), ("deflate", False), ("gzip, identity", False)],
    ids=["gzip", "gzip-label-on-plain-json", "br", "deflate", "list"],
)
async def test_a_body_in_an_encoding_the_server_does_not_decode_is_refused(
    client: httpx.AsyncClient, encoding: str, compress: bool
) -> None:
    email = "encoded@alpha.example.com"
    content = gzip.compress(register_body(email)) if compress else register_body(email)
    response = await client.post(
        "/v1/auth/register",
        content=content,
        headers={"Content-Type": "application/json", "Content-Encoding": encoding, "X-Tenant": "alpha"},
    )
    assert response.status_code == 422
    assert response.json()["details"] == {"_body": "content encoding is not supported"}
    # Nothing was registered.
    login = await client.post(
        "/v1/auth/login", json={"email": email, "password": PASSWORD}, headers={"X-Tenant": "alpha"}
    )
    assert login.status_code == 401


@pytest.mark.usefixtures("identity")
async def test_a_chunked_body_in_an_unsupported_encoding_is_refused(client: httpx.AsyncClient) -> None:
    async def chunks() -> AsyncIterator[bytes]:
        yield gzip.compress(register_body("chunked@alpha.example.com"))

    response = await client.post(
        "/v1/auth/register",
        content=chunks(),
        headers={"Content-Type": "application/json", "Content-Encoding": "gzip", "X-Tenant": "alpha"},
    )
    assert "content-length" not in response.request.headers
    assert response.json()["details"] == {"_body": "content encoding is not supported"}


@pytest.mark.usefixtures("identity")
async def test_identity_encoding_and_bodiless_requests_are_served(client: httpx.AsyncClient) -> None:
    registered = await client.post(
        "/v1/auth/register",
        content=register_body("plain@alpha.example.com"),
        headers={"Content-Type": "application/json", "Content-Encoding": "Identity", "X-Tenant": "alpha"},
    )
    assert registered.status_code == 201
    assert (await client.get("/healthz", headers={"Content-Encoding": "gzip"})).status_code == 200


# The RFC 6750 challenge on real routes


@pytest.mark.parametrize(
    ("authorization", "challenge"),
    [
        (None, "Bearer"),
        ("Basic YWRhOnNlY3JldA==", "Bearer"),
        ("Bearer not.a.token", 'Bearer error="invalid_token"'),
    ],
)
async def test_www_authenticate_names_an_error_only_when_a_token_was_sent(
    client: httpx.AsyncClient, authorization: str | None, challenge: str
) -> None:
    headers = {"Authorization": authorization} if authorization else {}
    for path in ["/v1/users/me", "/v1/console/users", "/v1/sessions"]:
        response = await client.get(path, headers=headers)
        assert response.status_code == 401
        assert response.headers["www-authenticate"] == challenge


@pytest.mark.usefixtures("identity")
async def test_failed_sign_in_sends_the_bare_challenge(client: httpx.AsyncClient) -> None:
    response = await client.post(
        "/v1/auth/login",
        json={"email": "student@alpha.example.com", "password": "wrong password"},
        headers={"X-Tenant": "alpha"},
    )
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"
