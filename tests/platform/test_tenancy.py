"""Which tenant an unauthenticated request is for, and TENANT_ERROR when none can be found."""

from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest

from mentora.app import create_app
from mentora.config import Settings
from tests.conftest import contract_client
from tests.support.identity import PASSWORD, Identity, bearer

pytestmark = pytest.mark.usefixtures("identity")
LOGIN = {"email": "student@alpha.example.com", "password": PASSWORD}


async def test_named_by_header_body_or_host(client: httpx.AsyncClient, identity: Identity) -> None:
    assert (await client.post("/v1/auth/login", json=LOGIN, headers={"X-Tenant": "alpha"})).status_code == 200
    assert (await client.post("/v1/auth/login", json={**LOGIN, "tenant_slug": "alpha"})).status_code == 200
    operator = await bearer(client, "operator@platform.example.com", "platform")
    assert (
        await client.patch(f"/v1/console/tenants/{identity.a.id}", headers=operator, json={"domain": "learn.alpha.edu"})
    ).status_code == 200
    by_host = await client.post("/v1/auth/login", json=LOGIN, headers={"Host": "learn.alpha.edu"})
    assert by_host.status_code == 200


@pytest.mark.parametrize(
    ("headers", "body", "reason"),
    [({}, {}, "missing"), ({"X-Tenant": "nope"}, {}, "unknown"), ({}, {"tenant_slug": "nope"}, "unknown")],
)
async def test_tenant_errors(
    client: httpx.AsyncClient, headers: dict[str, str], body: dict[str, str], reason: str
) -> None:
    response = await client.post("/v1/auth/login", json={**LOGIN, **body}, headers=headers)
    assert response.status_code == 400
    assert response.json()["code"] == "TENANT_ERROR"
    assert response.json()["details"] == {"reason": reason}


async def test_header_and_body_must_agree(client: httpx.AsyncClient) -> None:
    response = await client.post("/v1/auth/login", json={**LOGIN, "tenant_slug": "beta"}, headers={"X-Tenant": "alpha"})
    assert response.json()["details"] == {"tenant_slug": "does not match the tenant named by the request"}


@pytest.fixture
async def configured_client(settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(settings.model_copy(update={"default_tenant": "alpha", "base_domain": "mentora.test"}))
    async with app.router.lifespan_context(app), contract_client(app) as client:
        yield client


async def test_default_tenant_and_subdomains_when_configured(configured_client: httpx.AsyncClient) -> None:
    assert (await configured_client.post("/v1/auth/login", json=LOGIN)).status_code == 200
    by_subdomain = await configured_client.post(
        "/v1/auth/login",
        json={"email": "student@beta.example.com", "password": PASSWORD},
        headers={"Host": "beta.mentora.test"},
    )
    assert by_subdomain.status_code == 200
    unknown_subdomain = await configured_client.post(
        "/v1/auth/login", json=LOGIN, headers={"Host": "zeta.mentora.test"}
    )
    assert unknown_subdomain.json()["details"] == {"reason": "unknown"}


async def test_api_host_under_the_base_domain_accepts_tokens(settings: Settings, identity: Identity) -> None:
    app = create_app(settings.model_copy(update={"base_domain": "mentora.test"}))
    async with app.router.lifespan_context(app), contract_client(app) as client:
        student = await bearer(client, identity.a.email("STUDENT"), "alpha")
        assert (await client.get("/v1/users/me", headers={**student, "Host": "api.mentora.test"})).status_code == 200
        wrong = await client.get("/v1/users/me", headers={**student, "Host": "beta.mentora.test"})
        assert wrong.status_code == 401
