"""API5:2023 Broken Function Level Authorization: calling an operation one's role does not grant.

Here: each operation declares the permission it needs (``x-permission`` in the OpenAPI);
roles are sets of permissions, read from the database on every request.

Already covered:
- tests/test_access_control.py::test_permission_matrix: every console operation x every
  system role, and without a token.
- tests/tenants/test_tenants.py::test_tenant_admins_cannot_manage_tenants: a tenant
  admin is refused the operator's tenant console.
- tests/auth/test_review_regressions.py: role editors cannot grow their own role, user
  managers cannot touch someone above them.

Filled here:
- The matrix for the operations outside the console (case studies, sessions, grades).
- A custom role with no permission is refused every gated operation; the operations
  open to any signed-in user (or to anyone) are exactly the self-service ones.
- A demoted user loses the old role's functions on their next request, token unchanged.
- A method-override header does not turn one operation into another.
"""

from __future__ import annotations

import re
from typing import Any

import httpx
import pytest

from mentora.platform.security.permissions import SystemRole
from tests.support.identity import OPERATOR_EMAIL, PASSWORD, Identity, assert_gated, bearer

pytestmark = pytest.mark.usefixtures("identity")
MISSING_ID = "00000000-0000-4000-8000-00000000dead"
SIGN_IN = {
    SystemRole.STUDENT: ("student@alpha.example.com", "alpha"),
    SystemRole.FACULTY: ("faculty@alpha.example.com", "alpha"),
    SystemRole.ADMIN: ("admin@alpha.example.com", "alpha"),
    SystemRole.SUPER_ADMIN: (OPERATOR_EMAIL, "platform"),
}
# Open to anyone, or to any signed-in user about themselves.
UNGATED = {
    "GET /healthz",
    "GET /readyz",
    "GET /v1/meta/error-codes",
    "POST /v1/auth/register",
    "POST /v1/auth/login",
    "POST /v1/auth/refresh",
    "POST /v1/auth/logout",
    "GET /v1/institution",
    "GET /v1/users/me",
    "PATCH /v1/users/me",
    "POST /v1/users/me/change-password",
}


async def operations(client: httpx.AsyncClient) -> list[tuple[str, str, dict[str, Any]]]:
    spec = (await client.get("/openapi.json")).json()
    return [
        (method.upper(), path, operation)
        for path, item in spec["paths"].items()
        for method, operation in item.items()
        if method in {"get", "post", "patch", "put", "delete"}
    ]


def fill(path: str) -> str:
    return re.sub(r"\{[^}]+\}", MISSING_ID, path)


async def test_only_self_service_operations_are_ungated(client: httpx.AsyncClient) -> None:
    ungated = {
        f"{method} {path}" for method, path, operation in await operations(client) if "x-permission" not in operation
    }
    assert ungated == UNGATED


async def test_matrix_outside_the_console(client: httpx.AsyncClient) -> None:
    headers = {role: await bearer(client, *SIGN_IN[role]) for role in SystemRole}
    checked = 0
    for method, path, operation in await operations(client):
        required = operation.get("x-permission")
        if required is None or path.startswith("/v1/console/"):
            continue
        for role in SystemRole:
            response = await client.request(method, fill(path), json={}, headers=headers[role])
            assert_gated(response, role, required, f"{method} {path}")
            checked += 1
    assert checked >= 36


async def test_a_role_without_permissions_is_refused_every_gated_operation(
    client: httpx.AsyncClient, identity: Identity
) -> None:
    admin = await bearer(client, identity.a.email("ADMIN"), "alpha")
    assert (
        await client.post("/v1/console/roles", headers=admin, json={"name": "NOBODY", "permissions": []})
    ).status_code == 201
    student_id = identity.a.user_ids["STUDENT"]
    assert (
        await client.patch(f"/v1/console/users/{student_id}", headers=admin, json={"role": "NOBODY"})
    ).status_code == 200
    nobody = await bearer(client, identity.a.email("STUDENT"), "alpha")
    refused = 0
    for method, path, operation in await operations(client):
        required = operation.get("x-permission")
        if required is None:
            continue
        response = await client.request(method, fill(path), json={}, headers=nobody)
        assert response.status_code == 403, f"{method} {path}: {response.status_code}"
        assert response.json()["details"] == {"required": required}
        refused += 1
    assert refused == len(await operations(client)) - len(UNGATED)
    assert (await client.get("/v1/users/me", headers=nobody)).json()["data"]["role"] == "NOBODY"


async def test_a_demoted_user_loses_the_old_functions_at_once(client: httpx.AsyncClient, identity: Identity) -> None:
    admin = await bearer(client, identity.a.email("ADMIN"), "alpha")
    invited = await client.post(
        "/v1/console/users",
        headers=admin,
        json={"email": "deputy@alpha.example.com", "name": "Deputy", "role": "ADMIN", "password": PASSWORD},
    )
    deputy = await bearer(client, "deputy@alpha.example.com", "alpha")
    assert (await client.get("/v1/console/users", headers=deputy)).status_code == 200
    demoted = await client.patch(
        f"/v1/console/users/{invited.json()['data']['id']}", headers=admin, json={"role": "STUDENT"}
    )
    assert demoted.status_code == 200
    after = await client.get("/v1/console/users", headers=deputy)  # the same access token
    assert after.status_code == 403
    assert after.json()["details"] == {"required": "USER_MANAGEMENT.can_view"}


async def test_method_override_headers_are_ignored(client: httpx.AsyncClient, identity: Identity) -> None:
    admin = await bearer(client, identity.a.email("ADMIN"), "alpha")
    student = await bearer(client, identity.a.email("STUDENT"), "alpha")
    target = f"/v1/console/users/{identity.a.user_ids['FACULTY']}"
    for header in ("X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override"):
        as_student = await client.get(target, headers={**student, header: "DELETE"})
        assert as_student.status_code == 403
        assert as_student.json()["details"] == {"required": "USER_MANAGEMENT.can_view"}
        overridden = await client.post(target, headers={**admin, header: "DELETE"})
        assert overridden.status_code == 404
        assert "DELETE" in overridden.headers["allow"]
    assert (await client.get(target, headers=admin)).json()["data"]["is_active"] is True
