"""System roles are fixed; tenants add custom roles and their users follow them."""

from __future__ import annotations

import httpx
import pytest

from tests.support.identity import Identity, bearer, give_role

pytestmark = pytest.mark.usefixtures("identity")


@pytest.fixture
async def admin(client: httpx.AsyncClient) -> dict[str, str]:
    return await bearer(client, "admin@alpha.example.com", "alpha")


async def test_system_roles_are_listed_and_immutable(client: httpx.AsyncClient, admin: dict[str, str]) -> None:
    roles = (await client.get("/v1/console/roles", headers=admin)).json()["data"]
    by_name = {role["name"]: role for role in roles}
    assert {"STUDENT", "FACULTY", "ADMIN", "SUPER_ADMIN"} <= set(by_name)
    assert "TENANT_MANAGEMENT.can_view" not in by_name["ADMIN"]["permissions"]
    assert "TENANT_MANAGEMENT.can_view" in by_name["SUPER_ADMIN"]["permissions"]
    changed = await client.patch(
        f"/v1/console/roles/{by_name['ADMIN']['id']}", headers=admin, json={"description": "x"}
    )
    assert changed.status_code == 409
    assert changed.json()["details"] == {"role_id": "system roles cannot be changed"}


async def test_custom_role_grants_exactly_its_permissions(
    client: httpx.AsyncClient, admin: dict[str, str], identity: Identity
) -> None:
    created = await client.post(
        "/v1/console/roles",
        headers=admin,
        json={"name": "TEACHING_ASSISTANT", "description": "Reads users", "permissions": ["USER_MANAGEMENT.can_view"]},
    )
    assert created.status_code == 201
    role = created.json()["data"]
    student_id = identity.a.user_ids["STUDENT"]
    assert (
        await client.patch(f"/v1/console/users/{student_id}", headers=admin, json={"role": "TEACHING_ASSISTANT"})
    ).status_code == 200
    assistant = await bearer(client, "student@alpha.example.com", "alpha")
    assert (await client.get("/v1/console/users", headers=assistant)).status_code == 200
    assert (await client.get("/v1/console/roles", headers=assistant)).status_code == 403

    in_use = await client.delete(f"/v1/console/roles/{role['id']}", headers=admin)
    assert in_use.status_code == 409
    await client.patch(f"/v1/console/users/{student_id}", headers=admin, json={"role": "STUDENT"})
    assert (await client.delete(f"/v1/console/roles/{role['id']}", headers=admin)).status_code == 200


async def test_role_validation(client: httpx.AsyncClient, admin: dict[str, str]) -> None:
    response = await client.post(
        "/v1/console/roles",
        headers=admin,
        json={"name": "bad name", "permissions": ["TENANT_MANAGEMENT.can_edit", "NOPE.can_view"]},
    )
    assert response.json()["details"] == {
        "name": 'string does not match regex "^[A-Z][A-Z0-9_]{1,49}$"',
        "permissions": "not a permission a tenant role can hold: NOPE.can_view, TENANT_MANAGEMENT.can_edit",
    }
    clash = await client.post("/v1/console/roles", headers=admin, json={"name": "ADMIN", "permissions": []})
    assert clash.status_code == 409
    first = await client.post("/v1/console/roles", headers=admin, json={"name": "GRADER", "permissions": []})
    assert first.status_code == 201
    again = await client.post("/v1/console/roles", headers=admin, json={"name": "GRADER", "permissions": []})
    assert again.json()["details"] == {"name": "already exists"}


ALL_TENANT_PERMISSIONS = sorted(
    f"{m}.{a}"
    for m in ("USER_MANAGEMENT", "ROLE_MANAGEMENT", "CASE_STUDIES", "SESSIONS", "GRADES", "LMS")
    for a in ("can_view", "can_create", "can_edit", "can_delete")
)


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
