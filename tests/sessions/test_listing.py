"""Listing sessions by student and case study, on SQLite and PostgreSQL: staff narrow the
tenant's sessions; a student's filters only ever narrow their own."""

from __future__ import annotations

import httpx

from tests.support.case_study import CASE_STUDY
from tests.support.identity import PASSWORD, Identity, bearer


async def add_case_study(http: httpx.AsyncClient, admin: dict[str, str], slug: str) -> str:
    created = await http.post("/v1/console/case-studies", headers=admin, json={**CASE_STUDY, "slug": slug})
    assert created.status_code == 201, created.text
    return str(created.json()["data"]["id"])


async def start(http: httpx.AsyncClient, student: dict[str, str], case_id: str) -> str:
    started = await http.post("/v1/sessions/initialize", headers=student, json={"content_id": case_id})
    assert started.status_code == 201, started.text
    return str(started.json()["data"]["id"])


async def listed(http: httpx.AsyncClient, caller: dict[str, str], **query: str) -> set[str]:
    response = await http.get("/v1/sessions", headers=caller, params=query)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["total"] == len(body["data"])
    return {s["id"] for s in body["data"]}


async def test_sessions_are_filtered_by_case_study_and_student(
    db_client: httpx.AsyncClient, db_identity: Identity
) -> None:
    http = db_client
    admin = await bearer(http, db_identity.a.email("ADMIN"), "alpha")
    bridge = await add_case_study(http, admin, "bridge")
    harbour = await add_case_study(http, admin, "harbour")
    invited = await http.post(
        "/v1/console/users",
        headers=admin,
        json={"email": "peer@alpha.example.com", "name": "Peer", "password": PASSWORD},
    )
    peer_id = invited.json()["data"]["id"]
    student = await bearer(http, db_identity.a.email("STUDENT"), "alpha")
    peer = await bearer(http, "peer@alpha.example.com", "alpha")
    own_bridge, own_harbour = await start(http, student, bridge), await start(http, student, harbour)
    peer_bridge = await start(http, peer, bridge)
    student_id = db_identity.a.user_ids["STUDENT"]

    faculty = await bearer(http, db_identity.a.email("FACULTY"), "alpha")
    assert await listed(http, faculty) == {own_bridge, own_harbour, peer_bridge}
    assert await listed(http, faculty, case_study_id=bridge) == {own_bridge, peer_bridge}
    assert await listed(http, faculty, case_study_id=harbour) == {own_harbour}
    assert await listed(http, faculty, case_study_id=bridge, user_id=peer_id) == {peer_bridge}
    assert await listed(http, faculty, case_study_id=harbour, user_id=peer_id) == set()

    # A student's filters narrow their own sessions, never widen to anyone else's.
    assert await listed(http, student, case_study_id=bridge) == {own_bridge}
    assert await listed(http, peer, case_study_id=bridge, user_id=student_id) == {peer_bridge}
    assert await listed(http, peer, case_study_id=harbour) == set()
    # Another tenant's staff see nothing of alpha's case study.
    beta_faculty = await bearer(http, db_identity.b.email("FACULTY"), "beta")
    assert await listed(http, beta_faculty, case_study_id=bridge) == set()


async def test_a_case_study_filter_longer_than_an_id_is_a_validation_error(
    db_client: httpx.AsyncClient, db_identity: Identity
) -> None:
    faculty = await bearer(db_client, db_identity.a.email("FACULTY"), "alpha")
    response = await db_client.get("/v1/sessions", headers=faculty, params={"case_study_id": "x" * 37})
    assert response.status_code == 422
    assert response.json()["code"] == "VALIDATION_ERROR"
    assert "query.case_study_id" in response.json()["details"]
