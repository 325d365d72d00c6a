"""CORS follows each tenant's ``allowed_origins``."""

from __future__ import annotations

import httpx
import pytest

from tests.support.identity import Identity, bearer

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
