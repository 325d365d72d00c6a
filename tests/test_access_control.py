"""Access control driven by the OpenAPI spec, so a new route is covered without editing this file.

- The permission matrix: every console operation x every system role answers as the
  role's permissions say (and without a token, AUTHENTICATION_ERROR).
- Tenant isolation: for every route with an id parameter, a token of tenant beta
  against tenant alpha's resource gets NOT_FOUND: never the data, never 403.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Awaitable, Callable
from typing import Any

import httpx
import pytest
from fastapi import FastAPI

from mentora.platform.security.permissions import SystemRole
from mentora.runtime import job_runner
from tests.support.identity import SIGN_IN, Identity, assert_gated, bearer

pytestmark = pytest.mark.usefixtures("identity")

MISSING_ID = "00000000-0000-4000-8000-00000000dead"


def operations(app: FastAPI, prefix: str) -> list[tuple[str, str, dict[str, Any]]]:
    return [
        (method.upper(), path, operation)
        for path, item in app.openapi()["paths"].items()
        if path.startswith(prefix)
        for method, operation in item.items()
        if method in {"get", "post", "patch", "put", "delete"}
    ]


def fill(path: str, value: str) -> str:
    return re.sub(r"\{[^}]+\}", value, path)


async def test_every_console_operation_declares_a_permission(app: FastAPI) -> None:
    console = operations(app, "/v1/console/")
    assert len(console) >= 15
    for method, path, operation in console:
        assert "x-permission" in operation, f"{method} {path} has no permission"
        assert {"AUTHENTICATION_ERROR", "TOKEN_EXPIRED", "AUTHORIZATION_ERROR"} <= set(operation["x-error-codes"])


async def test_permission_matrix(app: FastAPI, client: httpx.AsyncClient) -> None:
    headers = {role: await bearer(client, *SIGN_IN[role]) for role in SystemRole}
    checked = 0
    for method, path, operation in operations(app, "/v1/console/"):
        required = operation["x-permission"]
        url = fill(path, MISSING_ID)
        anonymous = await client.request(method, url, json={})
        assert anonymous.status_code == 401, f"{method} {path} without a token"
        for role in SystemRole:
            response = await client.request(method, url, json={}, headers=headers[role])
            assert_gated(response, role, required, f"{method} {path}")
            checked += 1
    assert checked >= 60


ResourceFactory = Callable[[httpx.AsyncClient, dict[str, str], Identity, FastAPI], Awaitable[str]]


async def alpha_user(client: httpx.AsyncClient, admin: dict[str, str], identity: Identity, app: FastAPI) -> str:
    return identity.a.user_ids["STUDENT"]


async def alpha_role(client: httpx.AsyncClient, admin: dict[str, str], identity: Identity, app: FastAPI) -> str:
    response = await client.post("/v1/console/roles", headers=admin, json={"name": "ALPHA_ONLY", "permissions": []})
    return str(response.json()["data"]["id"])


async def alpha_case_study(client: httpx.AsyncClient, admin: dict[str, str], identity: Identity, app: FastAPI) -> str:
    response = await client.post(
        "/v1/console/case-studies", headers=admin, json={"title": "Alpha only", "slug": f"alpha-{uuid.uuid4().hex}"}
    )
    return str(response.json()["data"]["id"])


async def alpha_session(client: httpx.AsyncClient, admin: dict[str, str], identity: Identity, app: FastAPI) -> str:
    case_study = await alpha_case_study(client, admin, identity, app)
    student = await bearer(client, "student@alpha.example.com", "alpha")
    started = await client.post("/v1/sessions/initialize", headers=student, json={"content_id": case_study})
    return str(started.json()["data"]["id"])


async def alpha_job(client: httpx.AsyncClient, admin: dict[str, str], identity: Identity, app: FastAPI) -> str:
    session_id = await alpha_session(client, admin, identity, app)
    student = await bearer(client, "student@alpha.example.com", "alpha")
    await client.post(f"/v1/sessions/{session_id}/end", headers=student)
    jobs = (await client.get("/v1/console/jobs", headers=admin)).json()["data"]
    return str(jobs[0]["id"])


async def alpha_grade(client: httpx.AsyncClient, admin: dict[str, str], identity: Identity, app: FastAPI) -> str:
    await alpha_job(client, admin, identity, app)
    while await job_runner(app.state.services).run_once():
        pass
    grades = (await client.get("/v1/grades", headers=admin)).json()["data"]
    return str(grades[0]["id"])


# One way to make a resource of tenant alpha per kind of id; a new kind fails the test until added.
RESOURCES: dict[str, ResourceFactory] = {
    "user_id": alpha_user,
    "role_id": alpha_role,
    "case_study_id": alpha_case_study,
    "session_id": alpha_session,
    "job_id": alpha_job,
    "grade_id": alpha_grade,
}


def platform_scoped(operation: dict[str, Any]) -> bool:
    # Tenants are the platform operator's, across all tenants; the matrix covers who may touch them.
    return str(operation.get("x-permission", "")).startswith("TENANT_MANAGEMENT.")


async def test_tenant_isolation(app: FastAPI, client: httpx.AsyncClient, identity: Identity) -> None:
    alpha_admin = await bearer(client, "admin@alpha.example.com", "alpha")
    beta_admin = await bearer(client, "admin@beta.example.com", "beta")
    ids: dict[str, str] = {}
    covered = []
    for method, path, operation in operations(app, "/v1/"):
        params = [p["name"] for p in operation.get("parameters", []) if p.get("in") == "path"]
        if not params or platform_scoped(operation):
            continue
        assert len(params) == 1, f"{method} {path}: teach this test about routes with several ids"
        name = params[0]
        assert name in RESOURCES, f"{method} {path}: add a factory for {name!r} to RESOURCES"
        if name not in ids:
            ids[name] = await RESOURCES[name](client, alpha_admin, identity, app)
        url = fill(path, ids[name])
        body = {"content": "hello"} if path.endswith("/messages") else {}
        response = await client.request(method, url, json=body, headers=beta_admin)
        assert response.status_code == 404, f"beta {method} {path}: {response.status_code} {response.text}"
        assert response.json()["code"] == "NOT_FOUND"
        assert ids[name] not in response.text
        covered.append(f"{method} {path}")
    assert len(covered) >= 7
    # Nothing beta tried changed alpha's resources.
    user = await client.get(f"/v1/console/users/{ids['user_id']}", headers=alpha_admin)
    assert user.json()["data"]["is_active"] is True
    assert (await client.get(f"/v1/console/roles/{ids['role_id']}", headers=alpha_admin)).status_code == 200
