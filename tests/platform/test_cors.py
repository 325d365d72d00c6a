"""CORS follows each tenant's ``allowed_origins``.

Preflights are sent as a browser sends them: no token, no tenant, the request's headers
named in lower case. Besides the tests here, tests/security/test_api8_misconfiguration.py
checks that no other origin is ever reflected and credentials are never allowed.
"""

from __future__ import annotations

import asyncio

import httpx
import pytest

from mentora.config import Settings
from tests.support.identity import PASSWORD, Identity, bearer
from tests.support.server import ServerProcess

pytestmark = pytest.mark.usefixtures("identity")
ALPHA_ORIGIN = "https://learn.alpha.edu"


@pytest.fixture
async def alpha_allows_its_origin(client: httpx.AsyncClient, identity: Identity) -> None:
    operator = await bearer(client, "operator@platform.example.com", "platform")
    response = await client.patch(
        f"/v1/console/tenants/{identity.a.id}", headers=operator, json={"allowed_origins": [ALPHA_ORIGIN]}
    )
    assert response.status_code == 200


@pytest.mark.usefixtures("alpha_allows_its_origin")
async def test_preflight_from_an_allowed_origin(client: httpx.AsyncClient) -> None:
    response = await client.options(
        "/v1/auth/login",
        headers={
            "Origin": ALPHA_ORIGIN,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type, x-tenant",
        },
    )
    assert response.status_code == 204
    assert response.headers["access-control-allow-origin"] == ALPHA_ORIGIN
    assert "POST" in response.headers["access-control-allow-methods"]
    assert "x-tenant" in response.headers["access-control-allow-headers"]
    assert response.headers["x-request-id"]


@pytest.mark.usefixtures("alpha_allows_its_origin")
async def test_preflight_from_an_unknown_origin_gets_no_cors_headers(client: httpx.AsyncClient) -> None:
    response = await client.options(
        "/v1/auth/login", headers={"Origin": "https://evil.example.com", "Access-Control-Request-Method": "POST"}
    )
    assert response.status_code == 404
    assert response.json()["code"] == "NOT_FOUND"
    assert "access-control-allow-origin" not in response.headers


@pytest.mark.usefixtures("alpha_allows_its_origin")
async def test_actual_requests_get_cors_headers_only_for_the_named_tenant(client: httpx.AsyncClient) -> None:
    allowed = await client.get("/healthz", headers={"Origin": ALPHA_ORIGIN, "X-Tenant": "alpha"})
    assert allowed.headers["access-control-allow-origin"] == ALPHA_ORIGIN
    assert "x-request-id" in allowed.headers["access-control-expose-headers"]
    other_tenant = await client.get("/healthz", headers={"Origin": ALPHA_ORIGIN, "X-Tenant": "beta"})
    assert "access-control-allow-origin" not in other_tenant.headers
    no_origin = await client.get("/healthz")
    assert "access-control-allow-origin" not in no_origin.headers


# What a browser sends before a cross-origin call with the SDK's headers (Chromium's own
# order and spelling: lower case, comma-separated, no spaces), and never a tenant or a token.
BROWSER_PREFLIGHT_HEADERS = {
    "Accept": "*/*",
    "Sec-Fetch-Mode": "cors",
    "Sec-Fetch-Site": "cross-site",
    "Sec-Fetch-Dest": "empty",
    "User-Agent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Safari/537.36",
}
CORS_SAFELISTED_METHODS = {"GET", "HEAD", "POST"}
SDK_CALLS = [
    ("POST", "/v1/auth/login", "content-type,idempotency-key,x-tenant"),
    ("GET", "/v1/users/me", "authorization,x-tenant"),
    ("PATCH", "/v1/users/me", "authorization,content-type,idempotency-key,x-tenant"),
    ("POST", "/v1/sessions/some-session/messages", "authorization,content-type,last-event-id,x-request-id"),
]


def browser_preflight(method: str, requested_headers: str, origin: str = ALPHA_ORIGIN) -> dict[str, str]:
    return {
        **BROWSER_PREFLIGHT_HEADERS,
        "Origin": origin,
        "Access-Control-Request-Method": method,
        "Access-Control-Request-Headers": requested_headers,
    }


def listed(header_value: str) -> set[str]:
    return {item.strip().lower() for item in header_value.split(",")}


def assert_preflight_admits(response: httpx.Response, method: str, requested_headers: str) -> None:
    """What a browser checks before it sends the actual request (Fetch standard, CORS-preflight fetch)."""
    assert response.status_code == 204
    assert response.content == b""
    assert response.headers["access-control-allow-origin"] == ALPHA_ORIGIN
    allowed_methods = {item.strip() for item in response.headers["access-control-allow-methods"].split(",")}
    assert method in CORS_SAFELISTED_METHODS | allowed_methods  # compared case-sensitively
    assert listed(requested_headers) <= listed(response.headers["access-control-allow-headers"])
    assert "access-control-allow-credentials" not in response.headers
    assert "origin" in listed(response.headers["vary"])


@pytest.mark.usefixtures("alpha_allows_its_origin")
@pytest.mark.parametrize(("method", "path", "requested_headers"), SDK_CALLS)
async def test_a_browsers_preflight_for_each_sdk_call_is_admitted(
    client: httpx.AsyncClient, method: str, path: str, requested_headers: str
) -> None:
    response = await client.options(path, headers=browser_preflight(method, requested_headers))
    assert_preflight_admits(response, method, requested_headers)
    assert response.headers["x-request-id"]


@pytest.mark.usefixtures("alpha_allows_its_origin")
async def test_the_actual_request_after_a_preflight_exposes_what_the_sdk_reads(client: httpx.AsyncClient) -> None:
    preflight = await client.options("/v1/auth/login", headers=browser_preflight("POST", "content-type,x-tenant"))
    assert preflight.status_code == 204
    login = await client.post(
        "/v1/auth/login",
        headers={"Origin": ALPHA_ORIGIN, "X-Tenant": "alpha", "Idempotency-Key": "k-1"},
        json={"email": "student@alpha.example.com", "password": PASSWORD},
    )
    assert login.status_code == 200
    assert login.headers["access-control-allow-origin"] == ALPHA_ORIGIN
    exposed = listed(login.headers["access-control-expose-headers"])
    assert {"x-request-id", "retry-after", "www-authenticate", "idempotent-replayed", "allow"} <= exposed


@pytest.mark.usefixtures("alpha_allows_its_origin")
@pytest.mark.parametrize(
    ("path", "content", "headers", "code"),
    [
        ("/v1/auth/login", b"{}" + b" " * (1024 * 1024), {"content-type": "application/json"}, "VALIDATION_ERROR"),
        ("/v1/auth/login", b"{}", {"content-type": "application/json", "content-encoding": "gzip"}, "VALIDATION_ERROR"),
        ("/v1/auth/login%00", b"{}", {"content-type": "application/json"}, "NOT_FOUND"),
    ],
    ids=["too-large", "compressed", "control-character"],
)
async def test_requests_refused_before_routing_are_readable_cross_origin(
    client: httpx.AsyncClient, path: str, content: bytes, headers: dict[str, str], code: str
) -> None:
    response = await client.post(
        path, content=content, headers={**headers, "Origin": ALPHA_ORIGIN, "X-Tenant": "alpha"}
    )
    assert response.json()["code"] == code
    assert response.headers["access-control-allow-origin"] == ALPHA_ORIGIN


@pytest.mark.usefixtures("alpha_allows_its_origin")
@pytest.mark.parametrize(
    "headers",
    [{"Origin": ALPHA_ORIGIN}, {"Access-Control-Request-Method": "GET"}, {}],
    ids=["origin-only", "request-method-only", "plain"],
)
async def test_options_that_is_not_a_preflight_keeps_the_contract(
    client: httpx.AsyncClient, headers: dict[str, str]
) -> None:
    response = await client.options("/v1/users/me", headers=headers)
    assert response.status_code == 404
    assert response.json()["code"] == "NOT_FOUND"
    assert set(response.headers["allow"].split(", ")) == {"GET", "PATCH"}


@pytest.mark.slow
@pytest.mark.usefixtures("alpha_allows_its_origin")
async def test_a_preflight_over_a_real_socket(settings: Settings) -> None:
    env = {"MENTORA_DATA_DIR": str(settings.data_dir), "MENTORA_ACCESS_LOG": "false"}
    server = ServerProcess({**env, "MENTORA_RUN_JOBS_IN_PROCESS": "false"})
    try:
        await asyncio.to_thread(server.wait_ready)
        async with httpx.AsyncClient(base_url=server.base_url, timeout=10) as http:
            preflight = await http.options(
                "/v1/users/me", headers=browser_preflight("PATCH", "authorization,content-type,x-tenant")
            )
            assert_preflight_admits(preflight, "PATCH", "authorization,content-type,x-tenant")
            assert preflight.headers.get("content-length", "0") == "0"
            not_a_preflight = await http.options("/v1/users/me", headers={"Origin": ALPHA_ORIGIN})
            assert not_a_preflight.status_code == 404
            assert not_a_preflight.json()["code"] == "NOT_FOUND"
    finally:
        server.stop()
