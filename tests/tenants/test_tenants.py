"""The platform operator's tenant console; secrets are write-only and sealed at rest."""

from __future__ import annotations

import sqlite3

import httpx
import pytest

from mentora.config import Settings
from tests.support.identity import Identity, bearer, login

pytestmark = pytest.mark.usefixtures("identity")

NEW_TENANT = {
    "name": "Gamma College",
    "slug": "gamma",
    "lms_type": "canvas",
    "branding": {"primary_color": "#112233", "logo_url": "https://gamma.example.edu/logo.png"},
    "ai_config": {"base_url": "https://ai.example.com/v1", "model": "tutor-1", "api_key": "sk-very-secret-key"},
    "lms_config": {"base_url": "https://canvas.example.edu", "credentials": {"api_token": "canvas-secret-token"}},
    "allowed_origins": ["https://gamma.example.edu"],
    "settings": {"max_sessions": 3, "session_minutes": 45, "daily_message_quota": 100},
}


@pytest.fixture
async def operator(client: httpx.AsyncClient) -> dict[str, str]:
    return await bearer(client, "operator@platform.example.com", "platform")


async def test_create_and_read_never_returns_secrets(
    client: httpx.AsyncClient, operator: dict[str, str], settings: Settings
) -> None:
    created = await client.post("/v1/console/tenants", headers=operator, json=NEW_TENANT)
    assert created.status_code == 201
    tenant = created.json()["data"]
    assert tenant["ai_config"] == {
        "base_url": "https://ai.example.com/v1",
        "model": "tutor-1",
        "temperature": 0.7,
        "max_tokens": 800,
        "api_key_set": True,
    }
    assert tenant["lms_config"]["credentials_set"] == ["api_token"]
    assert "secret" not in created.text
    fetched = await client.get(f"/v1/console/tenants/{tenant['id']}", headers=operator)
    assert "secret" not in fetched.text
    with sqlite3.connect(settings.data_dir / "mentora.db") as connection:
        stored = connection.execute("SELECT ai_config, lms_config FROM tenants WHERE slug = 'gamma'").fetchone()
    assert "sk-very-secret-key" not in "".join(stored)
    assert "canvas-secret-token" not in "".join(stored)


async def test_secret_kept_when_omitted_and_cleared_with_null(
    client: httpx.AsyncClient, operator: dict[str, str]
) -> None:
    tenant = (await client.post("/v1/console/tenants", headers=operator, json=NEW_TENANT)).json()["data"]
    url = f"/v1/console/tenants/{tenant['id']}"
    kept = await client.patch(url, headers=operator, json={"ai_config": {"model": "tutor-2"}})
    assert kept.json()["data"]["ai_config"]["api_key_set"] is True
    assert kept.json()["data"]["ai_config"]["model"] == "tutor-2"
    cleared = await client.patch(url, headers=operator, json={"ai_config": {"model": "tutor-2", "api_key": None}})
    assert cleared.json()["data"]["ai_config"]["api_key_set"] is False


async def test_slug_and_domain_are_unique(client: httpx.AsyncClient, operator: dict[str, str]) -> None:
    first = await client.post("/v1/console/tenants", headers=operator, json={**NEW_TENANT, "domain": "gamma.edu"})
    assert first.status_code == 201
    same_slug = await client.post("/v1/console/tenants", headers=operator, json={"name": "X", "slug": "gamma"})
    assert same_slug.status_code == 409
    assert same_slug.json()["details"] == {"slug": "already exists"}
    same_domain = await client.post(
        "/v1/console/tenants", headers=operator, json={"name": "X", "slug": "x", "domain": "gamma.edu"}
    )
    assert same_domain.json()["details"] == {"domain": "already exists"}
    reserved = await client.post("/v1/console/tenants", headers=operator, json={"name": "X", "slug": "platform"})
    assert reserved.status_code == 409


async def test_fields_are_validated(client: httpx.AsyncClient, operator: dict[str, str]) -> None:
    response = await client.post(
        "/v1/console/tenants",
        headers=operator,
        json={
            "name": "",
            "slug": "Not A Slug",
            "lms_type": "sharepoint",
            "branding": {"primary_color": "red"},
            "settings": {"max_sessions": 0, "session_minutes": "long"},
            "allowed_origins": ["javascript:alert(1)"],
        },
    )
    assert response.status_code == 422
    details = response.json()["details"]
    assert details["name"] == "ensure this value has at least 1 characters"
    assert details["slug"] == 'string does not match regex "^[a-z0-9-]+$"'
    assert details["lms_type"].startswith("value is not one of:")
    assert details["branding.primary_color"] == 'string does not match regex "^#[0-9A-Fa-f]{6}$"'
    assert details["settings.max_sessions"] == "ensure this value is greater than or equal to 1"
    assert details["settings.session_minutes"] == "value is not a valid integer"
    assert "allowed_origins.0" in details


async def test_soft_delete_and_include_inactive(
    client: httpx.AsyncClient, operator: dict[str, str], identity: Identity
) -> None:
    listed = (await client.get("/v1/console/tenants", headers=operator)).json()
    assert {t["slug"] for t in listed["data"]} == {"alpha", "beta"}  # the platform tenant is not an institution
    assert (await client.delete(f"/v1/console/tenants/{identity.b.id}", headers=operator)).status_code == 200
    active = (await client.get("/v1/console/tenants", headers=operator)).json()["data"]
    assert [t["slug"] for t in active] == ["alpha"]
    everything = (await client.get("/v1/console/tenants", headers=operator, params={"include_inactive": True})).json()
    assert {t["slug"]: t["is_active"] for t in everything["data"]} == {"alpha": True, "beta": False}


async def test_first_admin_of_a_new_tenant(client: httpx.AsyncClient, operator: dict[str, str]) -> None:
    tenant = (await client.post("/v1/console/tenants", headers=operator, json=NEW_TENANT)).json()["data"]
    admin = await client.post(
        f"/v1/console/tenants/{tenant['id']}/admins",
        headers=operator,
        json={"email": "head@gamma.example.edu", "name": "Head", "password": "first admin pw"},
    )
    assert admin.status_code == 201
    assert admin.json()["data"]["role"] == "ADMIN"
    tokens = await login(client, "head@gamma.example.edu", "gamma", password="first admin pw")
    users = await client.get("/v1/console/users", headers={"Authorization": f"Bearer {tokens['access_token']}"})
    assert [u["email"] for u in users.json()["data"]] == ["head@gamma.example.edu"]


async def test_tenant_admins_cannot_manage_tenants(client: httpx.AsyncClient) -> None:
    admin = await bearer(client, "admin@alpha.example.com", "alpha")
    response = await client.get("/v1/console/tenants", headers=admin)
    assert response.status_code == 403
    assert response.json()["details"] == {"required": "TENANT_MANAGEMENT.can_view"}


async def test_rate_limit_overrides_in_any_limits_syntax_stay_readable(
    client: httpx.AsyncClient, operator: dict[str, str]
) -> None:
    """The spec documents ``N/unit``; settings written in the rest of the syntax remain valid."""
    overrides = {"user": "10 per minute", "login": "5/minutes"}
    created = await client.post(
        "/v1/console/tenants", headers=operator, json={**NEW_TENANT, "settings": {"rate_limits": overrides}}
    )
    assert created.status_code in (200, 201), created.text
    tenant_id = created.json()["data"]["id"]
    read = await client.get(f"/v1/console/tenants/{tenant_id}", headers=operator)
    assert read.status_code == 200, read.text
    assert read.json()["data"]["settings"]["rate_limits"]["user"] == "10 per minute"
    refused = await client.patch(
        f"/v1/console/tenants/{tenant_id}", headers=operator, json={"settings": {"rate_limits": {"user": "often"}}}
    )
    assert refused.status_code == 422
    assert "settings.rate_limits.user" in refused.json()["details"]
