"""The caller's own account, and user management in the console."""

from __future__ import annotations

import asyncio

import httpx
import pytest

from tests.support.contract import SEED_EXAMPLE_BODY, SEED_EXAMPLE_FIELDS
from tests.support.identity import PASSWORD, Identity, bearer, give_role, login

pytestmark = pytest.mark.usefixtures("identity")


@pytest.fixture
async def admin(client: httpx.AsyncClient) -> dict[str, str]:
    return await bearer(client, "admin@alpha.example.com", "alpha")


@pytest.fixture
async def student(client: httpx.AsyncClient) -> dict[str, str]:
    return await bearer(client, "student@alpha.example.com", "alpha")


VALID_INVITE = {"email": "new.person@alpha.example.com", "name": "New Person", "role": "FACULTY"}


async def test_me_lists_an_admins_permissions(client: httpx.AsyncClient, admin: dict[str, str]) -> None:
    body = (await client.get("/v1/users/me", headers=admin)).json()["data"]
    assert "USER_MANAGEMENT.can_create" in body["permissions"]
    assert "TENANT_MANAGEMENT.can_view" not in body["permissions"]


async def test_the_seed_example_as_the_demo_admin(client: httpx.AsyncClient, admin: dict[str, str]) -> None:
    response = await client.post(
        "/v1/console/users",
        headers=admin,
        json={**VALID_INVITE, **SEED_EXAMPLE_FIELDS},
    )
    assert response.status_code == 422
    assert response.json() == SEED_EXAMPLE_BODY


async def test_me(client: httpx.AsyncClient, student: dict[str, str]) -> None:
    body = (await client.get("/v1/users/me", headers=student)).json()["data"]
    assert body["email"] == "student@alpha.example.com"
    assert body["role"] == "STUDENT"
    assert "password_hash" not in body
    # What the web app shows or hides: the role's permissions, as the server checks them.
    assert body["permissions"] == sorted(body["permissions"])
    assert "SESSIONS.can_create" in body["permissions"]
    assert "USER_MANAGEMENT.can_view" not in body["permissions"]
    renamed = await client.patch("/v1/users/me", headers=student, json={"name": "Renamed"})
    assert renamed.json()["data"]["name"] == "Renamed"


@pytest.mark.parametrize(
    "field",
    [
        {"role": "ADMIN"},
        {"role_id": "00000000-0000-4000-8000-000000000003"},
        {"tenant_id": "x"},
        {"is_active": False},
        {"settings": {"max_sessions": 999}},
        {"email": "me@evil.example.com"},
    ],
)
async def test_a_student_cannot_mass_assign_privileged_fields(
    client: httpx.AsyncClient, student: dict[str, str], field: dict[str, object]
) -> None:
    response = await client.patch("/v1/users/me", headers=student, json=field)
    assert response.status_code == 422
    assert list(response.json()["details"].values()) == ["extra fields not permitted"]
    me = (await client.get("/v1/users/me", headers=student)).json()["data"]
    assert (
        me["role"] == "STUDENT"
        and me["is_active"] is True
        and me["settings"] == {"max_sessions": None, "lms_user_id": None}
    )


async def test_change_password(client: httpx.AsyncClient, student: dict[str, str]) -> None:
    wrong = await client.post(
        "/v1/users/me/change-password",
        headers=student,
        json={"current_password": "not it at all", "new_password": "a brand new one"},
    )
    assert wrong.status_code == 422
    assert wrong.json()["details"] == {"current_password": "password is incorrect"}
    ok = await client.post(
        "/v1/users/me/change-password",
        headers=student,
        json={"current_password": PASSWORD, "new_password": "a brand new one"},
    )
    assert ok.status_code == 200
    await login(client, "student@alpha.example.com", "alpha", password="a brand new one")


async def test_invite_get_update_deactivate_delete(client: httpx.AsyncClient, admin: dict[str, str]) -> None:
    created = await client.post("/v1/console/users", headers=admin, json=VALID_INVITE)
    assert created.status_code == 201
    user = created.json()["data"]
    assert user["role"] == "FACULTY"
    assert len(user["temporary_password"]) >= 12
    await login(client, VALID_INVITE["email"], "alpha", password=user["temporary_password"])

    fetched = await client.get(f"/v1/console/users/{user['id']}", headers=admin)
    assert fetched.json()["data"]["email"] == VALID_INVITE["email"]
    assert "temporary_password" not in fetched.json()["data"]

    updated = await client.patch(
        f"/v1/console/users/{user['id']}", headers=admin, json={"role": "STUDENT", "settings": {"max_sessions": 2}}
    )
    assert updated.json()["data"]["role"] == "STUDENT"
    assert updated.json()["data"]["settings"] == {"max_sessions": 2, "lms_user_id": None}

    deactivated = await client.post(f"/v1/console/users/{user['id']}/deactivate", headers=admin)
    assert deactivated.json()["data"]["is_active"] is False
    listed = await client.get("/v1/console/users", headers=admin, params={"is_active": False})
    assert [u["id"] for u in listed.json()["data"]] == [user["id"]]

    assert (await client.delete(f"/v1/console/users/{user['id']}", headers=admin)).status_code == 200
    assert (await client.get(f"/v1/console/users/{user['id']}", headers=admin)).status_code == 404


async def test_list_is_paged(client: httpx.AsyncClient, admin: dict[str, str]) -> None:
    page = (await client.get("/v1/console/users", headers=admin, params={"limit": 2, "skip": 2})).json()
    assert page["total"] == 3 and page["page"] == 2 and page["page_size"] == 2 and page["total_pages"] == 2
    assert len(page["data"]) == 1
    too_big = await client.get("/v1/console/users", headers=admin, params={"limit": 101})
    assert too_big.json()["details"] == {"query.limit": "ensure this value is less than or equal to 100"}


async def test_duplicate_email_is_conflict_also_under_a_race(client: httpx.AsyncClient, admin: dict[str, str]) -> None:
    taken = await client.post(
        "/v1/console/users", headers=admin, json={**VALID_INVITE, "email": "ADMIN@alpha.example.com"}
    )
    assert taken.status_code == 409
    assert taken.json()["details"] == {"email": "already registered"}
    invite = {**VALID_INVITE, "email": "racer@alpha.example.com"}
    responses = await asyncio.gather(*(client.post("/v1/console/users", headers=admin, json=invite) for _ in range(6)))
    assert sorted(r.status_code for r in responses) == [201] + [409] * 5


async def test_roles_cannot_be_escalated(client: httpx.AsyncClient, admin: dict[str, str], identity: Identity) -> None:
    super_admin = await client.post("/v1/console/users", headers=admin, json={**VALID_INVITE, "role": "SUPER_ADMIN"})
    assert super_admin.status_code == 403
    unknown = await client.post("/v1/console/users", headers=admin, json={**VALID_INVITE, "role": "WIZARD"})
    assert unknown.json()["details"] == {"role": "unknown role"}
    me = identity.a.user_ids["ADMIN"]
    own = await client.patch(f"/v1/console/users/{me}", headers=admin, json={"role": "FACULTY"})
    assert own.status_code == 409
    assert own.json()["error"] == "You cannot change your own role"


async def test_state_conflicts_say_what_blocks_them(
    client: httpx.AsyncClient, admin: dict[str, str], identity: Identity
) -> None:
    """The seed's handler shows ``error`` to the person: a conflict that is not a duplicate
    must not read "Resource already exists"."""
    me = identity.a.user_ids["ADMIN"]
    deactivate = await client.patch(f"/v1/console/users/{me}", headers=admin, json={"is_active": False})
    assert deactivate.status_code == 409
    assert deactivate.json()["error"] == "You cannot deactivate your own account"
    assert deactivate.json()["details"] == {"is_active": "you cannot deactivate yourself"}
    delete = await client.delete(f"/v1/console/users/{me}", headers=admin)
    assert delete.status_code == 409
    assert delete.json()["error"] == "You cannot delete your own account"
    assert delete.json()["details"] == {"user_id": "you cannot delete yourself"}
    still_me = await client.get("/v1/users/me", headers=admin)
    assert still_me.json()["data"]["is_active"] is True and still_me.json()["data"]["role"] == "ADMIN"


async def test_faculty_can_view_but_not_manage_users(client: httpx.AsyncClient) -> None:
    faculty = await bearer(client, "faculty@alpha.example.com", "alpha")
    assert (await client.get("/v1/console/users", headers=faculty)).status_code == 200
    denied = await client.post("/v1/console/users", headers=faculty, json=VALID_INVITE)
    assert denied.status_code == 403
    assert denied.json() == {
        "success": False,
        "error": "Permission denied: USER_MANAGEMENT.can_create required",
        "code": "AUTHORIZATION_ERROR",
        "details": {"required": "USER_MANAGEMENT.can_create"},
    }


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
