"""API3:2023 Broken Object Property Level Authorization: writing a property one may not set
(mass assignment), or reading one that should stay hidden (excessive data exposure).

Here: every request body is a model that forbids unknown fields, so a property a
caller may not set is refused as VALIDATION_ERROR naming it, and nothing is written.
Secrets (password hashes, refresh tokens, tenant AI keys and LMS credentials) are
never in a response, and students never see a case study's system prompt.

Already covered:
- tests/users/test_users.py::test_a_student_cannot_mass_assign_privileged_fields
  (``PATCH /v1/users/me`` with role, role_id, tenant_id, is_active, settings, email).
- tests/tenants/test_tenants.py: tenant secrets are write-only and sealed at rest.
- tests/roles/test_roles.py: a tenant role cannot hold TENANT_MANAGEMENT.
- tests/sessions/test_tutoring.py: the case study list hides ``system_prompt``.

Filled here:
- Mass assignment at sign-up, on a turn, on a session start, and by staff on users,
  roles and case studies: refused, naming the field, and nothing created or changed.
- A crawl of every GET operation in the OpenAPI, as each role, with real ids: no
  response holds a password, hash, token, sealed secret or (for students) a system prompt.
"""

from __future__ import annotations

import re

import httpx
import pytest

from mentora.config import Settings
from mentora.runtime import job_runner
from tests.security.conftest import tutoring
from tests.support.identity import OPERATOR_EMAIL, PASSWORD, Identity, bearer, login

pytestmark = pytest.mark.usefixtures("identity")
EXTRA = "extra fields not permitted"
PRIVILEGED = {
    "role": "ADMIN",
    "role_id": "00000000-0000-4000-8000-000000000001",
    "tenant_id": "00000000-0000-4000-8000-000000000002",
    "is_active": False,
    "permissions": ["USER_MANAGEMENT.can_edit"],
    "id": "00000000-0000-4000-8000-000000000003",
    "created_at": "2020-01-01T00:00:00Z",
    "password_hash": "$argon2id$v=19$m=8,t=1,p=1$c2FsdA$aGFzaA",
}


def assert_refused_naming(response: httpx.Response, field: str) -> None:
    assert response.status_code == 422, response.text
    assert response.json()["details"] == {field: EXTRA}


@pytest.mark.parametrize("field", sorted(PRIVILEGED))
async def test_sign_up_cannot_choose_privileges(client: httpx.AsyncClient, field: str) -> None:
    email = f"mass-{field.replace('_', '-')}@alpha.example.com"
    body = {"email": email, "password": "long enough", "name": "Mass", field: PRIVILEGED[field]}
    assert_refused_naming(await client.post("/v1/auth/register", headers={"X-Tenant": "alpha"}, json=body), field)
    admin = await bearer(client, "admin@alpha.example.com", "alpha")
    assert (await client.get("/v1/console/users", headers=admin, params={"q": email})).json()["total"] == 0


async def test_a_student_cannot_forge_turns_or_sessions(settings: Settings, identity: Identity) -> None:
    async with tutoring(settings, identity) as room:
        for field, value in (("role", "tutor"), ("status", "complete"), ("sequence", 1), ("reply_to", room.session_id)):
            response = await room.client.post(
                room.messages_url, headers=room.student, json={"content": "Forged", field: value}
            )
            assert_refused_naming(response, field)
        assert await room.transcript() == []
        other_user = identity.a.user_ids["FACULTY"]
        for field, value in (("user_id", other_user), ("status", "ended"), ("expires_at", "2999-01-01T00:00:00Z")):
            response = await room.client.post(
                "/v1/sessions/initialize", headers=room.student, json={"content_id": room.case_id, field: value}
            )
            assert_refused_naming(response, field)
        sessions = (await room.client.get("/v1/sessions", headers=room.student)).json()["data"]
        assert [(s["id"], s["status"]) for s in sessions] == [(room.session_id, "active")]


async def test_staff_cannot_set_ownership_or_bookkeeping_fields(client: httpx.AsyncClient, identity: Identity) -> None:
    admin = await bearer(client, identity.a.email("ADMIN"), "alpha")
    student_id = identity.a.user_ids["STUDENT"]
    for field in ("tenant_id", "id", "created_at", "password_hash", "permissions", "email"):
        value = PRIVILEGED.get(field, "moved@beta.example.com")
        assert_refused_naming(
            await client.patch(f"/v1/console/users/{student_id}", headers=admin, json={field: value}), field
        )
    student = (await client.get(f"/v1/console/users/{student_id}", headers=admin)).json()["data"]
    assert student["id"] == student_id and student["email"] == identity.a.email("STUDENT")
    await login(client, identity.a.email("STUDENT"), "alpha")  # password untouched

    for field in ("tenant_id", "is_system", "id"):
        role = {"name": "SNEAKY", "permissions": [], field: PRIVILEGED.get(field, True)}
        assert_refused_naming(await client.post("/v1/console/roles", headers=admin, json=role), field)
    for field in ("tenant_id", "id", "created_at"):
        case = {"title": "Sneaky", "slug": "sneaky", field: PRIVILEGED[field]}
        assert_refused_naming(await client.post("/v1/console/case-studies", headers=admin, json=case), field)
    roles = (await client.get("/v1/console/roles", headers=admin)).json()["data"]
    cases = (await client.get("/v1/console/case-studies", headers=admin)).json()["data"]
    assert "SNEAKY" not in {r["name"] for r in roles} and cases == []


AI_KEY = "sk-crawl-ai-secret"
LMS_SECRET = "lms-crawl-credential"
SYSTEM_PROMPT = "You are a civic-finance tutor."  # the fixture case study's (tests/sessions/conftest.py)
# What no response may ever hold: hashes, sealed secrets and their field names.
HIDDEN = re.compile(r"\$argon2|password_hash|token_hash|_sealed|gAAAAA|" + re.escape(PASSWORD))


def fill(path: str, ids: dict[str, str]) -> str | None:
    names = re.findall(r"\{([^}]+)\}", path)
    if any(name not in ids for name in names):
        return None
    return re.sub(r"\{([^}]+)\}", lambda match: ids[match.group(1)], path)


async def crawl(client: httpx.AsyncClient, headers: dict[str, str], ids: dict[str, str]) -> dict[str, str]:
    """Every GET operation of the spec, its ids filled: path -> response text (successes only)."""
    spec = (await client.get("/openapi.json")).json()
    seen = {}
    for path, item in spec["paths"].items():
        url = fill(path, ids)
        if "get" in item and url is not None:
            response = await client.get(url, headers=headers)
            if response.status_code == 200:
                seen[path] = response.text
    return seen


async def test_no_response_reveals_a_secret(settings: Settings, identity: Identity) -> None:
    async with tutoring(settings, identity) as room:
        client = room.client
        beta = await client.patch(
            f"/v1/console/tenants/{identity.b.id}",
            headers=room.operator,
            json={
                "ai_config": {"base_url": "https://ai.example.com/v1", "model": "m", "api_key": AI_KEY},
                "lms_type": "canvas",
                "lms_config": {"base_url": "https://lms.example.com", "credentials": {"api_token": LMS_SECRET}},
            },
        )
        assert beta.status_code == 200
        assert (await client.post(room.messages_url, headers=room.student, json={"content": "Hi"})).status_code == 200
        assert (await client.post(f"/v1/sessions/{room.session_id}/end", headers=room.student)).status_code == 200
        runner = job_runner(room.app.state.services)
        for _ in range(5):
            if not await runner.run_once():
                break
        grade = (await client.get("/v1/grades", headers=room.admin)).json()["data"][0]
        job = (await client.get("/v1/console/jobs", headers=room.admin)).json()["data"][0]
        role = await client.post("/v1/console/roles", headers=room.admin, json={"name": "CRAWLED", "permissions": []})
        ids = {
            "user_id": identity.a.user_ids["STUDENT"],
            "role_id": role.json()["data"]["id"],
            "case_study_id": room.case_id,
            "session_id": room.session_id,
            "job_id": job["id"],
            "grade_id": grade["id"],
            "tenant_id": identity.b.id,
        }
        refresh_tokens = []
        pages: dict[str, dict[str, str]] = {}
        for who, email, tenant in (
            ("student", identity.a.email("STUDENT"), "alpha"),
            ("faculty", identity.a.email("FACULTY"), "alpha"),
            ("admin", identity.a.email("ADMIN"), "alpha"),
            ("operator", OPERATOR_EMAIL, "platform"),
        ):
            tokens = await login(client, email, tenant)
            refresh_tokens.append(tokens["refresh_token"])
            pages[who] = await crawl(client, {"Authorization": f"Bearer {tokens['access_token']}"}, ids)
        # The crawl reached what it is meant to check.
        assert {"/v1/users/me", "/v1/sessions/{session_id}", "/v1/grades"} <= set(pages["student"])
        assert {"/v1/console/users/{user_id}", "/v1/console/jobs/{job_id}"} <= set(pages["admin"])
        assert "/v1/console/tenants/{tenant_id}" in pages["operator"]
        assert '"api_key_set":true' in pages["operator"]["/v1/console/tenants/{tenant_id}"]
        for who, texts in pages.items():
            for path, text in texts.items():
                leak = HIDDEN.search(text)
                assert leak is None, f"{who} GET {path} shows {leak.group(0)!r}"
                for secret in (AI_KEY, LMS_SECRET, *refresh_tokens):
                    assert secret not in text, f"{who} GET {path} shows a secret"
        for path, text in pages["student"].items():
            assert SYSTEM_PROMPT not in text and "system_prompt" not in text, f"student GET {path}"
        assert SYSTEM_PROMPT in pages["admin"]["/v1/console/case-studies/{case_study_id}"]
