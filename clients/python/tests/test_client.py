"""Client behaviour the shared scenarios do not reach: tokens, headers, keys, async hooks."""

from __future__ import annotations

import asyncio
import json
from typing import Any

import httpx
import pytest

from mentora_client import (
    AsyncMentoraClient,
    Hooks,
    MentoraClient,
    MentoraError,
    NotFoundError,
    Tokens,
    TransportError,
    ValidationError,
)


def ok(data: Any, status: int = 200) -> httpx.Response:
    return httpx.Response(status, json={"success": True, "data": data, "message": None})


def failure(status: int, code: str, **details: str) -> httpx.Response:
    body = {"success": False, "error": code.lower(), "code": code, "details": details}
    return httpx.Response(status, json=body, headers={"x-request-id": "rid-1"})


PAIR = {"access_token": "a1", "refresh_token": "r1", "token_type": "bearer", "expires_in": 60}


def test_login_refresh_and_logout_report_token_changes() -> None:
    changes: list[Tokens | None] = []

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/v1/auth/refresh":
            assert json.loads(request.content) == {"refresh_token": "r1"}
            return ok({**PAIR, "access_token": "a2", "refresh_token": "r2"})
        if request.url.path == "/v1/auth/logout":
            assert json.loads(request.content) == {"refresh_token": "r2"}
            return failure(500, "DATABASE_ERROR")
        return ok(PAIR)

    transport = httpx.MockTransport(handler)
    client = MentoraClient("http://t", transport=transport, on_tokens=changes.append, initial_retry_delay=0.001)
    assert client.auth.login(email="a@b.c", password="pw")["access_token"] == "a1"
    assert client.auth.refresh() == Tokens("a2", "r2")
    with pytest.raises(MentoraError):
        client.auth.logout()  # the server failed, the tokens are forgotten all the same
    assert changes == [Tokens("a1", "r1"), Tokens("a2", "r2"), None]
    assert client.tokens is None


def test_every_request_carries_tenant_and_user_agent_and_only_writes_carry_a_key() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return ok({"id": "u1"})

    client = MentoraClient("http://t", tenant="demo", transport=httpx.MockTransport(handler), tokens=Tokens("a", "r"))
    client.me.get()
    client.me.update(name="N")
    client.users.invite(email="x@y.z", name="X")
    client.request("POST", "/v1/things", json={"a": 1}, idempotency_key="my-key")
    client.users.delete("u 1/2")
    get, patch, invite, custom, delete = seen
    assert all(r.headers["x-tenant"] == "demo" for r in seen)
    assert all(r.headers["user-agent"].startswith("mentora-client-python/") for r in seen)
    assert all(r.headers["authorization"] == "Bearer a" for r in seen)
    assert "idempotency-key" not in get.headers
    assert "idempotency-key" not in delete.headers
    assert len(patch.headers["idempotency-key"]) == 36
    assert invite.headers["idempotency-key"] != patch.headers["idempotency-key"]
    assert custom.headers["idempotency-key"] == "my-key"
    assert delete.url.raw_path == b"/v1/console/users/u%201%2F2"
    assert json.loads(patch.content) == {"name": "N"}


def test_sign_in_calls_never_carry_a_key_and_are_not_retried() -> None:
    """The server keeps no answer of them, so a key (even one given) would only make a retry look safe."""
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return failure(500, "DATABASE_ERROR")

    client = MentoraClient("http://t", transport=httpx.MockTransport(handler), initial_retry_delay=0.001)
    for path in ("/v1/auth/register", "v1/auth/login", "/v1/auth/refresh", "/v1/auth/logout"):
        with pytest.raises(MentoraError):
            client.request("POST", path, json={}, authenticated=False, idempotency_key="given")
    assert [request.url.path for request in seen] == [
        "/v1/auth/register",
        "/v1/auth/login",
        "/v1/auth/refresh",
        "/v1/auth/logout",
    ]
    assert not [request for request in seen if "idempotency-key" in request.headers]


def test_query_parameters_drop_unset_values() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"success": True, "data": [], "total": 0, "page": 1, "page_size": 5})

    client = MentoraClient("http://t", transport=httpx.MockTransport(handler))
    page = client.users.list(q="ann", is_active=True, limit=5)
    assert page["total"] == 0
    assert dict(seen[0].url.params) == {"q": "ann", "is_active": "true", "limit": "5"}


def test_idempotency_keys_can_be_turned_off() -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return ok(None)

    client = MentoraClient("http://t", idempotency_keys=False, transport=httpx.MockTransport(handler))
    client.request("POST", "/v1/things")
    assert "idempotency-key" not in seen[0].headers


def test_errors_carry_the_request_id_in_their_string_form() -> None:
    client = MentoraClient("http://t", transport=httpx.MockTransport(lambda r: failure(404, "NOT_FOUND")))
    with pytest.raises(NotFoundError) as raised:
        client.users.get("nope")
    assert str(raised.value) == "[NOT_FOUND] not_found (HTTP 404, request id rid-1)"


def test_no_server_is_a_transport_error() -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    client = MentoraClient("http://t", max_retries=1, initial_retry_delay=0.001, transport=httpx.MockTransport(refuse))
    with pytest.raises(TransportError) as raised:
        client.me.get()
    assert "ConnectError" in str(raised.value)
    assert isinstance(raised.value.__cause__, httpx.ConnectError)


def test_async_hooks_may_be_coroutines() -> None:
    heard: list[str] = []

    async def on_field_errors(error: ValidationError) -> None:
        await asyncio.sleep(0)
        heard.append(error.field_errors["email"])

    async def main() -> None:
        transport = httpx.MockTransport(lambda r: failure(422, "VALIDATION_ERROR", email="bad"))
        async with AsyncMentoraClient(
            "http://t", transport=transport, hooks=Hooks(on_field_errors=on_field_errors)
        ) as c:
            with pytest.raises(ValidationError):
                await c.users.invite(email="x", name="X")

    asyncio.run(main())
    assert heard == ["bad"]


def test_explicit_refresh_without_tokens_says_so() -> None:
    client = MentoraClient("http://t", transport=httpx.MockTransport(lambda r: ok(None)))
    with pytest.raises(MentoraError, match="Not signed in"):
        client.auth.refresh()
