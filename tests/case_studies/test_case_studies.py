"""Case studies: staff manage them in the console; students see the active ones, without prompts."""

from __future__ import annotations

import httpx
import pytest

from tests.support.identity import bearer

pytestmark = pytest.mark.usefixtures("identity")
CASE = {
    "title": "Harbour Fees",
    "slug": "harbour-fees",
    "system_prompt": "Secret steering prompt.",
    "instructions": ["Read the numbers."],
}


async def test_staff_manage_and_students_read_active_ones(client: httpx.AsyncClient) -> None:
    faculty = await bearer(client, "faculty@alpha.example.com", "alpha")
    student = await bearer(client, "student@alpha.example.com", "alpha")
    created = await client.post("/v1/console/case-studies", headers=faculty, json=CASE)
    assert created.status_code == 201
    case_id = created.json()["data"]["id"]
    assert created.json()["data"]["system_prompt"] == "Secret steering prompt."
    seen = await client.get(f"/v1/case-studies/{case_id}", headers=student)
    assert seen.status_code == 200 and "Secret" not in seen.text
    await client.patch(f"/v1/console/case-studies/{case_id}", headers=faculty, json={"is_active": False})
    assert (await client.get(f"/v1/case-studies/{case_id}", headers=student)).status_code == 404
    assert (await client.get("/v1/case-studies", headers=student)).json()["total"] == 0
    assert (await client.get("/v1/console/case-studies", headers=faculty)).json()["total"] == 1
    denied = await client.post("/v1/console/case-studies", headers=student, json={**CASE, "slug": "other"})
    assert denied.status_code == 403
    assert (await client.delete(f"/v1/console/case-studies/{case_id}", headers=faculty)).status_code == 200


async def test_validation_and_uniqueness(client: httpx.AsyncClient) -> None:
    admin = await bearer(client, "admin@alpha.example.com", "alpha")
    bad = await client.post(
        "/v1/console/case-studies",
        headers=admin,
        json={
            "title": "",
            "slug": "Bad Slug",
            "instructions": ["step"] * 21,
            "first_message": "x" * 2001,
            "description": "d" * 5001,
        },
    )
    assert bad.json()["details"] == {
        "title": "ensure this value has at least 1 characters",
        "slug": 'string does not match regex "^[a-z0-9-]+$"',
        "description": "ensure this value has at most 5000 characters",
        "instructions": "ensure this value has at most 20 items",
        "first_message": "ensure this value has at most 2000 characters",
    }
    assert (await client.post("/v1/console/case-studies", headers=admin, json=CASE)).status_code == 201
    again = await client.post("/v1/console/case-studies", headers=admin, json=CASE)
    assert again.status_code == 409 and again.json()["details"] == {"slug": "already exists"}


async def test_a_used_case_study_cannot_be_deleted(client: httpx.AsyncClient) -> None:
    admin = await bearer(client, "admin@alpha.example.com", "alpha")
    student = await bearer(client, "student@alpha.example.com", "alpha")
    case_id = (await client.post("/v1/console/case-studies", headers=admin, json=CASE)).json()["data"]["id"]
    assert (
        await client.post("/v1/sessions/initialize", headers=student, json={"content_id": case_id})
    ).status_code == 201
    blocked = await client.delete(f"/v1/console/case-studies/{case_id}", headers=admin)
    assert blocked.status_code == 409
    assert blocked.json()["details"] == {"case_study_id": "has 1 sessions"}
