"""Escalation, revocation and ordering cases found in review, each pinned by a test."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import httpx
import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from mentora.app import create_app
from mentora.bootstrap import create_demo_if_fresh, create_user
from mentora.config import Settings
from mentora.contract import ValidationFailedError
from tests.conftest import contract_client
from tests.support.contract import SEED_EXAMPLE_BODY, SEED_EXAMPLE_FIELDS
from tests.support.identity import PASSWORD, Identity, bearer, login

pytestmark = pytest.mark.usefixtures("identity")
ALL_TENANT_PERMISSIONS = sorted(
    f"{m}.{a}"
    for m in ("USER_MANAGEMENT", "ROLE_MANAGEMENT", "CASE_STUDIES", "SESSIONS", "GRADES", "LMS")
    for a in ("can_view", "can_create", "can_edit", "can_delete")
)


async def give_role(client: httpx.AsyncClient, admin: dict[str, str], user_id: str, name: str, perms: list[str]) -> str:
    role = await client.post("/v1/console/roles", headers=admin, json={"name": name, "permissions": perms})
    assert role.status_code == 201, role.text
    assigned = await client.patch(f"/v1/console/users/{user_id}", headers=admin, json={"role": name})
    assert assigned.status_code == 200, assigned.text
    return str(role.json()["data"]["id"])


async def test_a_role_editor_cannot_grow_their_own_role(client: httpx.AsyncClient, identity: Identity) -> None:
    admin = await bearer(client, identity.a.email("ADMIN"), "alpha")
    perms = ["ROLE_MANAGEMENT.can_view", "ROLE_MANAGEMENT.can_edit"]
    role_id = await give_role(client, admin, identity.a.user_ids["STUDENT"], "ROLE_KEEPER", perms)
    keeper = await bearer(client, identity.a.email("STUDENT"), "alpha")
    own = await client.patch(
        f"/v1/console/roles/{role_id}", headers=keeper, json={"permissions": ALL_TENANT_PERMISSIONS}
    )
    assert own.status_code == 409
    other = (await client.post("/v1/console/roles", headers=admin, json={"name": "OTHER", "permissions": []})).json()
    grow = await client.patch(
        f"/v1/console/roles/{other['data']['id']}", headers=keeper, json={"permissions": ["USER_MANAGEMENT.can_edit"]}
    )
    assert grow.status_code == 403
    assert grow.json()["details"] == {"required": "USER_MANAGEMENT.can_edit"}


async def test_user_managers_cannot_touch_someone_above_them(client: httpx.AsyncClient, identity: Identity) -> None:
    admin = await bearer(client, identity.a.email("ADMIN"), "alpha")
    helpdesk_perms = [f"USER_MANAGEMENT.{a}" for a in ("can_view", "can_create", "can_edit", "can_delete")]
    await give_role(client, admin, identity.a.user_ids["FACULTY"], "HELPDESK", helpdesk_perms)
    helpdesk = await bearer(client, identity.a.email("FACULTY"), "alpha")
    admin_id = identity.a.user_ids["ADMIN"]
    for attempt in (
        client.patch(f"/v1/console/users/{admin_id}", headers=helpdesk, json={"role": "STUDENT"}),
        client.post(f"/v1/console/users/{admin_id}/deactivate", headers=helpdesk),
        client.delete(f"/v1/console/users/{admin_id}", headers=helpdesk),
    ):
        assert (await attempt).status_code == 403
    assert (await client.get("/v1/users/me", headers=admin)).json()["data"]["role"] == "ADMIN"


async def test_reactivation_does_not_revive_old_sign_ins(client: httpx.AsyncClient, identity: Identity) -> None:
    admin = await bearer(client, identity.a.email("ADMIN"), "alpha")
    tokens = await login(client, identity.a.email("STUDENT"), "alpha")
    student_id = identity.a.user_ids["STUDENT"]
    await client.post(f"/v1/console/users/{student_id}/deactivate", headers=admin)
    await client.patch(f"/v1/console/users/{student_id}", headers=admin, json={"is_active": True})
    old = await client.get("/v1/users/me", headers={"Authorization": f"Bearer {tokens['access_token']}"})
    assert old.status_code == 401
    assert (await client.post("/v1/auth/refresh", json={"refresh_token": tokens["refresh_token"]})).status_code == 401
    await login(client, identity.a.email("STUDENT"), "alpha")  # signing in again works


async def test_password_change_ends_other_sign_ins(client: httpx.AsyncClient, identity: Identity) -> None:
    elsewhere = await login(client, identity.a.email("STUDENT"), "alpha")
    here = await bearer(client, identity.a.email("STUDENT"), "alpha")
    changed = await client.post(
        "/v1/users/me/change-password",
        headers=here,
        json={"current_password": PASSWORD, "new_password": "a new password"},
    )
    assert changed.status_code == 200
    assert (await client.get("/v1/users/me", headers=here)).status_code == 200
    gone = await client.post("/v1/auth/refresh", json={"refresh_token": elsewhere["refresh_token"]})
    assert gone.status_code == 401


async def test_expired_but_otherwise_invalid_is_not_token_expired(settings: Settings, identity: Identity) -> None:
    secret = "another-test-secret-long-enough-for-hs256-xx"
    app = create_app(settings.model_copy(update={"jwt_secret": secret}))
    async with app.router.lifespan_context(app), contract_client(app) as client:
        admin = await bearer(client, identity.a.email("ADMIN"), "alpha")
        token = (await login(client, identity.a.email("STUDENT"), "alpha"))["access_token"]
        header = jwt.get_unverified_header(token)
        claims = jwt.decode(token, options={"verify_signature": False})
        expired = jwt.encode({**claims, "exp": int(time.time()) - 600}, secret, headers=header)
        auth = {"Authorization": f"Bearer {expired}"}
        assert (await client.get("/v1/users/me", headers=auth)).json()["code"] == "TOKEN_EXPIRED"
        other_tenant = await client.get("/v1/users/me", headers={**auth, "X-Tenant": "beta"})
        assert other_tenant.json()["code"] == "AUTHENTICATION_ERROR"
        await client.post(f"/v1/console/users/{identity.a.user_ids['STUDENT']}/deactivate", headers=admin)
        deactivated = await client.get("/v1/users/me", headers=auth)
        assert deactivated.json()["code"] == "AUTHENTICATION_ERROR"


async def test_rs256_keys(settings: Settings, identity: Identity, tmp_path: Path) -> None:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    path = tmp_path / "rsa.pem"
    path.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    app = create_app(settings.model_copy(update={"jwt_private_key_file": path, "jwt_key_id": "rsa-1"}))
    async with app.router.lifespan_context(app), contract_client(app) as client:
        token = (await login(client, identity.a.email("STUDENT"), "alpha"))["access_token"]
        assert jwt.get_unverified_header(token)["alg"] == "RS256"
        assert (await client.get("/v1/users/me", headers={"Authorization": f"Bearer {token}"})).status_code == 200


async def test_replay_within_the_grace_window_then_after_it(settings: Settings, identity: Identity) -> None:
    app = create_app(settings.model_copy(update={"refresh_reuse_grace_seconds": 1.0}))
    async with app.router.lifespan_context(app), contract_client(app) as client:
        first = await login(client, identity.a.email("STUDENT"), "alpha")
        assert (
            await client.post("/v1/auth/refresh", json={"refresh_token": first["refresh_token"]})
        ).status_code == 200
        within = await client.post("/v1/auth/refresh", json={"refresh_token": first["refresh_token"]})
        assert within.status_code == 200  # a client's own parallel refresh: nothing revoked
        await asyncio.sleep(1.2)
        after = await client.post("/v1/auth/refresh", json={"refresh_token": first["refresh_token"]})
        assert after.status_code == 401
        survivor = within.json()["data"]["refresh_token"]
        assert (await client.post("/v1/auth/refresh", json={"refresh_token": survivor})).status_code == 401


async def test_nobody_signs_up_as_a_platform_operator(client: httpx.AsyncClient, settings: Settings) -> None:
    response = await client.post(
        "/v1/auth/register",
        headers={"X-Tenant": "platform"},
        json={"email": "sneaky@example.com", "password": "long enough", "name": "S"},
    )
    assert response.status_code == 400
    assert response.json()["details"] == {"reason": "unknown"}
    with pytest.raises(ValidationFailedError):
        await create_user(
            settings, tenant_slug="alpha", email="x@alpha.example.com", name="X", password=PASSWORD, role="SUPER_ADMIN"
        )


async def test_api_host_under_the_base_domain_accepts_tokens(settings: Settings, identity: Identity) -> None:
    app = create_app(settings.model_copy(update={"base_domain": "mentora.test"}))
    async with app.router.lifespan_context(app), contract_client(app) as client:
        student = await bearer(client, identity.a.email("STUDENT"), "alpha")
        assert (await client.get("/v1/users/me", headers={**student, "Host": "api.mentora.test"})).status_code == 200
        wrong = await client.get("/v1/users/me", headers={**student, "Host": "beta.mentora.test"})
        assert wrong.status_code == 401


async def test_the_seed_example_as_the_demo_admin(tmp_path: Path, sqlite_template: Path) -> None:
    import shutil

    from tests.conftest import make_settings

    shutil.copy(sqlite_template, tmp_path / "mentora.db")
    settings = make_settings(tmp_path, demo_password="demo password 1")
    assert await create_demo_if_fresh(settings) is not None
    app = create_app(settings)
    async with app.router.lifespan_context(app), contract_client(app) as client:
        tokens = await login(client, "admin@demo.example.com", "demo", password="demo password 1")
        response = await client.post(
            "/v1/console/users",
            headers={"Authorization": f"Bearer {tokens['access_token']}"},
            json={"name": "Someone", "role": "STUDENT", **SEED_EXAMPLE_FIELDS},
        )
    assert response.status_code == 422
    assert response.json() == SEED_EXAMPLE_BODY
