"""Every failure the framework can produce answers with the contract envelope (in-process)."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy.exc import OperationalError

from mentora.contract import ErrorCode
from tests.support import probe
from tests.support.contract import SEED_EXAMPLE_BODY, SEED_EXAMPLE_FIELDS
from tests.support.postgres import free_port

VALID_MEMBER = {"email": "ada@example.com", "name": "Ada"}


async def test_seed_example_yields_exactly_the_seed_body(client: httpx.AsyncClient) -> None:
    response = await client.post("/probe/members", json={"name": "Ada", **SEED_EXAMPLE_FIELDS})
    assert response.status_code == 422
    assert response.json() == SEED_EXAMPLE_BODY
    assert probe.calls == []


async def test_success_envelope(client: httpx.AsyncClient) -> None:
    response = await client.post("/probe/members", json=VALID_MEMBER)
    assert response.status_code == 200
    assert response.json() == {"success": True, "data": VALID_MEMBER, "message": "created"}


async def test_parameters_carry_their_location(client: httpx.AsyncClient) -> None:
    response = await client.get("/probe/items/abc", params={"limit": 0}, headers={"x-tenant": "t" * 101})
    assert response.status_code == 422
    assert response.json()["details"] == {
        "path.item_id": "value is not a valid integer",
        "query.limit": "ensure this value is greater than or equal to 1",
        "header.x-tenant": "ensure this value has at most 100 characters",
    }
    missing = await client.get("/probe/items/1")
    assert missing.json()["details"] == {"header.x-tenant": "field required"}


@pytest.mark.parametrize(
    ("content", "headers", "message"),
    [
        (
            b'{"email": "a@example.com", "name": ',
            {"content-type": "application/json"},
            "request body is not valid JSON",
        ),
        (b"[1, 2, 3]", {"content-type": "application/json"}, "value is not a valid object"),
        (b'"just a string"', {"content-type": "application/json"}, "value is not a valid object"),
        (json.dumps(VALID_MEMBER).encode(), {"content-type": "text/plain"}, "content type must be application/json"),
        (json.dumps(VALID_MEMBER).encode(), {}, "content type must be application/json"),
        (b"", {"content-type": "application/json"}, "field required"),
    ],
    ids=["malformed", "array", "string", "text-plain", "no-content-type", "empty"],
)
async def test_body_as_a_whole_uses_the_body_key(
    client: httpx.AsyncClient, content: bytes, headers: dict[str, str], message: str
) -> None:
    response = await client.post("/probe/members", content=content, headers=headers)
    assert response.status_code == 422
    assert response.json()["details"] == {"_body": message}
    assert probe.calls == []


async def test_oversized_body_with_content_length_is_refused_unread(client: httpx.AsyncClient) -> None:
    big = json.dumps({**VALID_MEMBER, "name": "x" * (1024 * 1024)}).encode()
    response = await client.post("/probe/members", content=big, headers={"content-type": "application/json"})
    assert response.status_code == 422
    assert response.json()["details"] == {"_body": "request body is too large"}
    assert probe.calls == []


async def test_oversized_chunked_body_is_cut_off_while_reading(client: httpx.AsyncClient) -> None:
    sent_chunks = 0

    async def chunks() -> AsyncIterator[bytes]:
        nonlocal sent_chunks
        for _ in range(64):  # 4 MiB in all, four times the limit
            sent_chunks += 1
            yield b" " * 65536

    response = await client.post("/probe/members", content=chunks(), headers={"content-type": "application/json"})
    assert "content-length" not in response.request.headers
    assert response.status_code == 422
    assert response.json()["details"] == {"_body": "request body is too large"}
    assert probe.calls == []


async def test_unknown_route_is_not_found(client: httpx.AsyncClient) -> None:
    response = await client.get("/v1/does-not-exist")
    assert response.status_code == 404
    assert response.json() == {"success": False, "error": "Resource not found", "code": "NOT_FOUND", "details": {}}


async def test_unsupported_method_is_not_found_with_allow(client: httpx.AsyncClient) -> None:
    response = await client.delete("/probe/members")
    assert response.status_code == 404
    assert response.json()["code"] == "NOT_FOUND"
    assert response.headers["allow"] == "POST"


@pytest.mark.parametrize("code", list(ErrorCode))
async def test_each_exception_class_answers_its_code(client: httpx.AsyncClient, code: ErrorCode) -> None:
    response = await client.get(f"/probe/raise/{code.value}", headers={"Authorization": "Bearer some-token"})
    body = response.json()
    assert body["code"] == code.value  # the status is checked by the contract hook
    expected_details = {
        ErrorCode.RATE_LIMIT_EXCEEDED: {"retry_after": 7, "limit": 5, "window": 60, "scope": "ip"},
        ErrorCode.TENANT_ERROR: {"reason": "unknown"},
        ErrorCode.EXTERNAL_SERVICE_ERROR: {"service": "ai", "reason": "timeout"},
        ErrorCode.AUTHORIZATION_ERROR: {"required": "CASE_STUDIES.can_create"},
    }.get(code, {})
    assert body["details"] == expected_details
    if code is ErrorCode.AUTHORIZATION_ERROR:
        assert body["error"] == "Permission denied: CASE_STUDIES.can_create required"
    if code is ErrorCode.RATE_LIMIT_EXCEEDED:
        assert response.headers["retry-after"] == "7"
    if code is ErrorCode.AUTHENTICATION_ERROR:
        assert response.headers["www-authenticate"] == 'Bearer error="invalid_token"'
    if code is ErrorCode.TOKEN_EXPIRED:
        assert response.headers["www-authenticate"] == (
            'Bearer error="invalid_token", error_description="access token expired"'
        )


@pytest.mark.parametrize(
    ("authorization", "challenge"),
    [
        (None, "Bearer"),
        ("Basic YWRhOnNlY3JldA==", "Bearer"),  # another scheme: no bearer token was sent
        ("Bearer ", "Bearer"),
        ("Bearer some-token", 'Bearer error="invalid_token"'),
        ("bearer some-token", 'Bearer error="invalid_token"'),
    ],
)
async def test_the_401_challenge_names_an_error_only_when_a_token_was_sent(
    client: httpx.AsyncClient, authorization: str | None, challenge: str
) -> None:
    """RFC 6750 section 3.1: a request without a token gets the scheme alone."""
    headers = {"Authorization": authorization} if authorization else {}
    response = await client.get("/probe/raise/AUTHENTICATION_ERROR", headers=headers)
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == challenge


async def test_unhandled_error_is_generic_and_logged_with_request_id(
    client: httpx.AsyncClient, caplog: pytest.LogCaptureFixture
) -> None:
    response = await client.get("/probe/crash", headers={"x-request-id": "req-crash-1"})
    assert response.status_code == 500
    assert response.json() == {
        "success": False,
        "error": "An unexpected error occurred",
        "code": "INTERNAL_ERROR",
        "details": {},
    }
    assert response.headers["x-request-id"] == "req-crash-1"
    crash = [record for record in caplog.records if record.getMessage() == "unhandled error"]
    assert len(crash) == 1
    assert crash[0].request_id == "req-crash-1"  # type: ignore[attr-defined]
    assert crash[0].exc_info is not None and "secret" in str(crash[0].exc_info[1])
    assert crash[0].path == "/probe/crash"  # type: ignore[attr-defined]


async def test_escaping_connect_error_is_external_service_error(client: httpx.AsyncClient) -> None:
    closed_port = free_port()
    response = await client.get("/probe/outbound", params={"url": f"http://127.0.0.1:{closed_port}/"})
    assert response.status_code == 502
    assert response.json()["details"] == {"service": "lms", "reason": "unavailable"}


async def test_escaping_timeout_and_upstream_errors(client: httpx.AsyncClient) -> None:
    async def silent(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await asyncio.sleep(2)  # accept, then never answer
        writer.close()

    async def failing(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.readuntil(b"\r\n\r\n")
        body = b"upstream secret: stack trace here"
        writer.write(b"HTTP/1.1 503 Service Unavailable\r\ncontent-length: %d\r\n\r\n%s" % (len(body), body))
        await writer.drain()
        writer.close()

    silent_server = await asyncio.start_server(silent, "127.0.0.1", 0)
    failing_server = await asyncio.start_server(failing, "127.0.0.1", 0)
    async with silent_server, failing_server:
        silent_port = silent_server.sockets[0].getsockname()[1]
        failing_port = failing_server.sockets[0].getsockname()[1]
        timed_out = await client.get(
            "/probe/outbound", params={"url": f"http://127.0.0.1:{silent_port}/", "seconds": 0.2}
        )
        failed = await client.get("/probe/outbound", params={"url": f"http://127.0.0.1:{failing_port}/"})
    assert timed_out.json()["details"] == {"service": "lms", "reason": "timeout"}
    assert failed.json()["details"] == {"service": "lms", "reason": "unavailable"}
    assert "secret" not in failed.text


@pytest.mark.parametrize(
    ("sent", "echoed"),
    [("abc-123_DEF.4:5", True), ("x" * 129, False), ("bad id\nwith newline", False), ("<script>", False)],
)
async def test_request_id_echoed_only_when_sane(client: httpx.AsyncClient, sent: str, echoed: bool) -> None:
    try:
        response = await client.get("/healthz", headers={"x-request-id": sent})
    except httpx.LocalProtocolError:
        return  # httpx itself refuses to send a header with a newline
    request_id = response.headers["x-request-id"]
    assert (request_id == sent) is echoed
    if not echoed:
        assert len(request_id) == 32


async def test_generated_request_ids_are_unique(client: httpx.AsyncClient) -> None:
    ids = {(await client.get("/healthz")).headers["x-request-id"] for _ in range(20)}
    assert len(ids) == 20


async def test_allow_lists_every_method_of_the_path(client: httpx.AsyncClient) -> None:
    response = await client.put("/v1/users/me")
    assert response.status_code == 404
    assert set(response.headers["allow"].split(", ")) >= {"GET", "PATCH"}
    item = await client.put("/v1/console/users/some-id")
    assert set(item.headers["allow"].split(", ")) >= {"GET", "PATCH", "DELETE"}


async def test_database_failure_inside_middleware_is_database_error(
    app: FastAPI, client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def broken_origins() -> dict[str, frozenset[str]]:
        raise OperationalError("SELECT slug FROM tenants", {}, Exception("server closed the connection"))

    directory = app.state.services.tenants._directory
    monkeypatch.setattr(directory, "origins", broken_origins)
    response = await client.get("/v1/meta/error-codes", headers={"Origin": "https://any.example.com"})
    assert response.status_code == 500
    assert response.json()["code"] == "DATABASE_ERROR"
