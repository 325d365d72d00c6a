"""API2:2023 Broken Authentication: credentials and tokens an attacker can guess, forge or reuse.

Here: passwords for sign-in, JWT access tokens, opaque rotating refresh tokens.

Already covered:
- tests/platform/test_token_attacks.py: alg none, tampered payload, wrong key, wrong
  iss/aud/typ, missing claims, forged-and-expired is not TOKEN_EXPIRED, leeway, a token
  of another tenant, key rotation and HS/asymmetric confusion.
- tests/auth/test_sign_in.py: indistinguishable login failures and equal password work
  for unknown emails (no enumeration), refresh rotation, reuse revoking the family,
  parallel refreshes, logout, deactivated users and tenants.
- tests/auth/test_review_regressions.py: reactivation and password change end old
  sign-ins, the grace window, nobody signs up as an operator.
- tests/platform/test_rate_limits.py::test_login_attempts_per_ip_and_email.

Filled here:
- The two kinds of token are not interchangeable (a refresh token is no bearer, an
  access token refreshes nothing).
- Guessing is limited everywhere a password is checked: many emails from one address
  (credential stuffing), and the current password of ``change-password``, which a
  stolen access token could otherwise guess at the pace of ordinary requests.
"""

from __future__ import annotations

import httpx
import pytest

from mentora.config import Settings
from tests.security.conftest import serving
from tests.support.identity import PASSWORD, Identity, bearer, login

pytestmark = pytest.mark.usefixtures("identity")


def assert_unauthenticated(response: httpx.Response) -> None:
    assert response.status_code == 401, response.text
    assert response.json()["code"] == "AUTHENTICATION_ERROR"


async def test_refresh_and_access_tokens_are_not_interchangeable(client: httpx.AsyncClient, identity: Identity) -> None:
    tokens = await login(client, identity.a.email("STUDENT"), "alpha")
    assert_unauthenticated(
        await client.get("/v1/users/me", headers={"Authorization": f"Bearer {tokens['refresh_token']}"})
    )
    as_refresh = await client.post("/v1/auth/refresh", json={"refresh_token": tokens["access_token"]})
    # An access token is longer than any refresh token: refused by its shape, before any lookup.
    assert as_refresh.status_code == 422
    assert as_refresh.json()["details"] == {"refresh_token": "ensure this value has at most 200 characters"}
    trimmed = await client.post("/v1/auth/refresh", json={"refresh_token": tokens["access_token"][:200]})
    assert_unauthenticated(trimmed)
    # Neither attempt used up the genuine refresh token.
    assert (await client.post("/v1/auth/refresh", json={"refresh_token": tokens["refresh_token"]})).status_code == 200


async def test_credential_stuffing_from_one_address_is_limited(settings: Settings, identity: Identity) -> None:
    async with serving(settings, rate_limit_login_ip="4/minute") as (_, client):
        statuses = []
        for number in range(5):
            response = await client.post(
                "/v1/auth/login",
                json={"email": f"victim{number}@alpha.example.com", "password": "Summer2024!"},
                headers={"X-Tenant": "alpha"},
            )
            statuses.append(response.status_code)
        assert statuses == [401, 401, 401, 401, 429]
        # Still refused with a right password: the address is what is limited.
        right = await client.post(
            "/v1/auth/login",
            json={"email": identity.a.email("ADMIN"), "password": PASSWORD},
            headers={"X-Tenant": "alpha"},
        )
        assert right.status_code == 429
        assert right.json()["details"]["scope"] == "ip"


async def test_the_current_password_cannot_be_guessed_with_a_stolen_token(
    settings: Settings, identity: Identity
) -> None:
    async with serving(settings, rate_limit_login="3/minute") as (_, client):
        stolen = await bearer(client, identity.a.email("STUDENT"), "alpha")
        url = "/v1/users/me/change-password"
        for guess in ("password1", "letmein12", "qwerty123"):
            wrong = await client.post(
                url, headers=stolen, json={"current_password": guess, "new_password": "taken over"}
            )
            assert wrong.status_code == 422
            assert wrong.json()["details"] == {"current_password": "password is incorrect"}
        right = await client.post(
            url, headers=stolen, json={"current_password": PASSWORD, "new_password": "taken over"}
        )
        assert right.status_code == 429
        assert right.json()["code"] == "RATE_LIMIT_EXCEEDED" and right.json()["details"]["scope"] == "login"
        # The password did not change; another user's own change is not affected.
        await login(client, identity.a.email("STUDENT"), "alpha")
        other = await bearer(client, identity.a.email("FACULTY"), "alpha")
        changed = await client.post(
            url, headers=other, json={"current_password": PASSWORD, "new_password": "fresh one"}
        )
        assert changed.status_code == 200


async def test_a_token_names_no_tenant_it_was_not_issued_for(client: httpx.AsyncClient, identity: Identity) -> None:
    """The operator's token is the platform tenant's: naming an institution makes it invalid there."""
    operator = await bearer(client, "operator@platform.example.com", "platform")
    for tenant in ("alpha", "beta"):
        assert_unauthenticated(await client.get("/v1/console/users", headers={**operator, "X-Tenant": tenant}))
    student = await bearer(client, identity.a.email("STUDENT"), "alpha")
    assert_unauthenticated(await client.get("/v1/users/me", headers={**student, "X-Tenant": "platform"}))
