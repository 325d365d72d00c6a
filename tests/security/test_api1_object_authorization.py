"""API1:2023 Broken Object Level Authorization: reaching an object by its id without the right to it.

Here: every tenant-owned row (users, roles, case studies, sessions, grades, jobs) is
reachable by id, and within a tenant, sessions and grades belong to one student.

Already covered:
- tests/test_access_control.py::test_tenant_isolation: for every route with an id in
  its path, another tenant's admin gets NOT_FOUND (never the data, never 403).
- tests/sessions/test_tutoring.py::test_who_sees_which_session: a peer can neither read
  nor write into a student's session; faculty can read it.
- tests/grades/test_grading.py: a student of another tenant cannot read a grade.

Filled here:
- Within one tenant: a fellow student cannot read, continue, end or resume another
  student's session, nor read their grade, also through list filters (``user_id``).
- Staff who may read every session still cannot speak or end it in a student's name.
- Ids carried in a body or a query (``content_id``, ``user_id``) are scoped like path ids.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass

import pytest

from mentora.config import Settings
from mentora.runtime import job_runner
from tests.security.conftest import Tutoring, tutoring
from tests.support.identity import PASSWORD, Identity, bearer


@dataclass
class TwoStudents:
    room: Tutoring
    peer: dict[str, str]
    owner_id: str


@pytest.fixture
async def two_students(settings: Settings, identity: Identity) -> AsyncIterator[TwoStudents]:
    """Alpha's student with a session holding one answered turn, and a fellow student of alpha."""
    async with tutoring(settings, identity) as room:
        invited = await room.client.post(
            "/v1/console/users",
            headers=room.admin,
            json={"email": "peer@alpha.example.com", "name": "Peer", "password": PASSWORD},
        )
        assert invited.status_code == 201
        said = await room.client.post(room.messages_url, headers=room.student, json={"content": "My own idea."})
        assert said.status_code == 200
        peer = await bearer(room.client, "peer@alpha.example.com", "alpha")
        yield TwoStudents(room, peer, identity.a.user_ids["STUDENT"])


async def test_a_fellow_student_cannot_touch_anothers_session(two_students: TwoStudents) -> None:
    room, peer = two_students.room, two_students.peer
    client, session_id = room.client, room.session_id
    before = await room.transcript()
    attempts = [
        await client.get(f"/v1/sessions/{session_id}", headers=peer),
        await client.post(room.messages_url, headers=peer, json={"content": "Written by someone else"}),
        await client.post(f"/v1/sessions/{session_id}/end", headers=peer),
    ]
    for response in attempts:
        assert response.status_code == 404, response.text
        assert response.json()["code"] == "NOT_FOUND"
        assert "My own idea." not in response.text
    # Resuming someone else's session by id is refused without telling whose it is.
    resume = await client.post(
        "/v1/sessions/initialize", headers=peer, json={"content_id": room.case_id, "session_id": session_id}
    )
    assert resume.status_code == 409
    assert resume.json()["details"] == {"session_id": "not active"}
    # The peer's own start is a session of their own, not the owner's.
    own = await client.post("/v1/sessions/initialize", headers=peer, json={"content_id": room.case_id})
    assert own.status_code == 201 and own.json()["data"]["id"] != session_id
    assert await room.transcript() == before
    detail = (await client.get(f"/v1/sessions/{session_id}", headers=room.student)).json()["data"]
    assert detail["status"] == "active"


async def test_lists_filtered_by_someone_elses_id_show_only_your_own(two_students: TwoStudents) -> None:
    room, peer, owner = two_students.room, two_students.peer, two_students.owner_id
    sessions = await room.client.get("/v1/sessions", headers=peer, params={"user_id": owner})
    assert sessions.status_code == 200 and sessions.json()["data"] == [] and sessions.json()["total"] == 0
    # Staff who grade do filter by student.
    staff = await room.client.get("/v1/sessions", headers=room.admin, params={"user_id": owner})
    assert [s["id"] for s in staff.json()["data"]] == [room.session_id]


async def test_staff_who_read_every_session_cannot_act_in_a_students_name(two_students: TwoStudents) -> None:
    room = two_students.room
    assert (await room.client.get(f"/v1/sessions/{room.session_id}", headers=room.admin)).status_code == 200
    before = await room.transcript()
    spoken = await room.client.post(room.messages_url, headers=room.admin, json={"content": "Words put in a mouth"})
    ended = await room.client.post(f"/v1/sessions/{room.session_id}/end", headers=room.admin)
    assert spoken.status_code == ended.status_code == 404
    assert await room.transcript() == before


async def test_a_student_reads_only_their_own_grade(two_students: TwoStudents) -> None:
    room, peer, owner = two_students.room, two_students.peer, two_students.owner_id
    assert (await room.client.post(f"/v1/sessions/{room.session_id}/end", headers=room.student)).status_code == 200
    runner = job_runner(room.app.state.services)
    for _ in range(5):  # grading, then publishing (not configured): bounded
        if not await runner.run_once():
            break
    own = await room.client.get(f"/v1/grades/session/{room.session_id}", headers=room.student)
    assert own.status_code == 200
    grade = own.json()["data"]
    theirs = await room.client.get(f"/v1/grades/session/{room.session_id}", headers=peer)
    assert theirs.status_code == 404
    assert grade["summary"] not in theirs.text
    for params in ({}, {"user_id": owner}, {"case_study_id": room.case_id}):
        listed = await room.client.get("/v1/grades", headers=peer, params=params)
        assert listed.status_code == 200 and listed.json()["total"] == 0, params
    # Publishing it is not a student's function at all.
    published = await room.client.post(f"/v1/console/grades/{grade['id']}/publish", headers=peer)
    assert published.status_code == 403


async def test_ids_in_bodies_and_queries_are_scoped_to_the_callers_tenant(
    two_students: TwoStudents, identity: Identity
) -> None:
    room = two_students.room
    beta_student = await bearer(room.client, identity.b.email("STUDENT"), "beta")
    beta_admin = await bearer(room.client, identity.b.email("ADMIN"), "beta")
    foreign_case = await room.client.post(
        "/v1/sessions/initialize", headers=beta_student, json={"content_id": room.case_id}
    )
    assert foreign_case.status_code == 404 and foreign_case.json()["code"] == "NOT_FOUND"
    owner = two_students.owner_id
    for path in ("/v1/sessions", "/v1/grades"):
        listed = await room.client.get(path, headers=beta_admin, params={"user_id": owner})
        assert listed.status_code == 200 and listed.json()["total"] == 0, path
    users = await room.client.get("/v1/console/users", headers=beta_admin, params={"q": "alpha"})
    assert users.json()["data"] == []
    # Alpha's custom role, by id or by name, cannot be handed to a beta user.
    role = await room.client.post(
        "/v1/console/roles", headers=room.admin, json={"name": "ALPHA_TUTOR", "permissions": []}
    )
    assert role.status_code == 201
    beta_user = identity.b.user_ids["STUDENT"]
    for name_or_id in (role.json()["data"]["id"], "ALPHA_TUTOR"):
        moved = await room.client.patch(f"/v1/console/users/{beta_user}", headers=beta_admin, json={"role": name_or_id})
        assert moved.status_code == 422 and moved.json()["details"] == {"role": "unknown role"}
