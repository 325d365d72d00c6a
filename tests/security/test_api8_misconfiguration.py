"""API8:2023 Security Misconfiguration: defaults and error paths that give an attacker a foothold.

Here: what an error reveals, cross-origin access, how generated secrets are stored, and
methods the API does not serve.

Already covered:
- tests/contract/test_error_responses.py: an unhandled error on a probe route is a
  generic INTERNAL_ERROR, logged with its request id; request ids are echoed only when
  sane; unknown routes and methods are NOT_FOUND with ``Allow``. Every response of the
  suite passes tests/support/contract.py, which fails on traces, paths or SQL in errors.
- tests/platform/test_cors.py: a tenant's allowed origin gets CORS headers, only for
  that tenant; an unknown origin's preflight gets none.
- tests/platform/test_tenancy.py: nothing resolvable fails closed (no default tenant).

Filled here:
- An unhandled error inside a real, authenticated route hides the exception's text.
- CORS never reflects an arbitrary or ``null`` origin, and never allows credentials
  (tokens travel in the Authorization header, not in cookies).
- Secrets generated on first run are readable by their owner only.
- TRACE and other unserved methods never echo the request.
- No redirects: a trailing slash is NOT_FOUND, so no ``Location`` is ever built from the
  request's ``Host`` header (a redirect to an attacker's host, or to plain http behind a
  TLS-terminating proxy).
"""

from __future__ import annotations

import stat
from pathlib import Path

import httpx
import pytest

from mentora.config import Settings
from mentora.users.service import UserService
from tests.security.conftest import serving
from tests.support.identity import OPERATOR_EMAIL, Identity, bearer

pytestmark = pytest.mark.usefixtures("identity")
ALPHA_ORIGIN = "https://learn.alpha.edu"


async def test_an_unhandled_error_in_a_real_route_hides_its_text(
    client: httpx.AsyncClient, identity: Identity, monkeypatch: pytest.MonkeyPatch
) -> None:
    student = await bearer(client, identity.a.email("STUDENT"), "alpha")

    async def broken(self: UserService, user_id: str) -> None:
        raise RuntimeError("db password hunter2 in config at line 42")

    monkeypatch.setattr(UserService, "profile", broken)
    response = await client.get("/v1/users/me", headers=student)
    assert response.status_code == 500
    assert response.json() == {
        "success": False,
        "error": "An unexpected error occurred",
        "code": "INTERNAL_ERROR",
        "details": {},
    }
    assert "hunter2" not in response.text and "RuntimeError" not in response.text


@pytest.fixture
async def alpha_allows_an_origin(client: httpx.AsyncClient, identity: Identity) -> None:
    operator = await bearer(client, OPERATOR_EMAIL, "platform")
    response = await client.patch(
        f"/v1/console/tenants/{identity.a.id}", headers=operator, json={"allowed_origins": [ALPHA_ORIGIN]}
    )
    assert response.status_code == 200


@pytest.mark.usefixtures("alpha_allows_an_origin")
@pytest.mark.parametrize("origin", ["https://evil.example.com", "null", "https://learn.alpha.edu.evil.com"])
async def test_cors_never_reflects_an_origin_nobody_allowed(client: httpx.AsyncClient, origin: str) -> None:
    student = await bearer(client, "student@alpha.example.com", "alpha")
    actual = await client.get("/v1/users/me", headers={**student, "Origin": origin, "X-Tenant": "alpha"})
    assert actual.status_code == 200
    assert "access-control-allow-origin" not in actual.headers
    preflight = await client.options(
        "/v1/users/me",
        headers={
            "Origin": origin,
            "Access-Control-Request-Method": "GET",
            "Access-Control-Request-Headers": "authorization",
        },
    )
    assert "access-control-allow-origin" not in preflight.headers
    assert preflight.status_code == 404


@pytest.mark.usefixtures("alpha_allows_an_origin")
async def test_cors_never_allows_credentials(client: httpx.AsyncClient) -> None:
    preflight = await client.options(
        "/v1/users/me", headers={"Origin": ALPHA_ORIGIN, "Access-Control-Request-Method": "GET"}
    )
    student = await bearer(client, "student@alpha.example.com", "alpha")
    actual = await client.get("/v1/users/me", headers={**student, "Origin": ALPHA_ORIGIN, "X-Tenant": "alpha"})
    for response in (preflight, actual):
        assert response.headers["access-control-allow-origin"] == ALPHA_ORIGIN  # the check below is not vacuous
        assert response.headers["access-control-allow-origin"] != "*"
        assert "access-control-allow-credentials" not in response.headers
        assert "origin" in response.headers["vary"].lower()


def key_modes(data_dir: Path) -> dict[str, int]:
    return {key.name: stat.S_IMODE(key.stat().st_mode) for key in (data_dir / "keys").iterdir()}


async def test_generated_secrets_are_readable_by_their_owner_only(settings: Settings) -> None:
    assert settings.jwt_secret is None and settings.secrets_key is None  # generated on first run
    async with serving(settings) as (_, client):
        assert (await client.get("/healthz")).status_code == 200
    modes = key_modes(settings.data_dir)
    assert sorted(modes) == ["jwt-hs256.key", "secrets.fernet"]
    for name, mode in modes.items():
        assert mode & 0o077 == 0, f"{name} is mode {oct(mode)}"


@pytest.mark.parametrize("method", ["TRACE", "CONNECT", "PROPFIND", "PUT"])
async def test_unserved_methods_do_not_echo_the_request(client: httpx.AsyncClient, method: str) -> None:
    student = await bearer(client, "student@alpha.example.com", "alpha")
    response = await client.request(method, "/v1/users/me", headers={**student, "X-Echo-Me": "canary-header"})
    assert response.status_code == 404
    assert response.json()["code"] == "NOT_FOUND"
    assert "canary-header" not in response.text and student["Authorization"] not in response.text
    assert set(response.headers["allow"].split(", ")) == {"GET", "PATCH"}


@pytest.mark.parametrize("path", ["/v1/users/me/", "/healthz/", "/v1/auth/login/"])
async def test_no_redirect_points_at_the_requests_host(client: httpx.AsyncClient, path: str) -> None:
    response = await client.get(path, headers={"Host": "evil.example.com", "X-Forwarded-Proto": "http"})
    assert response.status_code == 404
    assert response.json()["code"] == "NOT_FOUND"
    assert "location" not in response.headers
