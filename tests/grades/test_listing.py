"""Listing grades by student, case study and LMS status, on SQLite and PostgreSQL: staff
narrow the tenant's grades; a student's filters only ever narrow their own."""

from __future__ import annotations

import httpx
from sqlalchemy import update

from mentora.app import create_app
from mentora.config import Settings
from mentora.grades.models import Grade
from tests.conftest import contract_client
from tests.grades.test_grading import drain, job_settings
from tests.support.identity import PASSWORD, Identity, bearer


async def graded_session(http: httpx.AsyncClient, student: dict[str, str], case_id: str) -> str:
    started = await http.post("/v1/sessions/initialize", headers=student, json={"content_id": case_id})
    session_id = str(started.json()["data"]["id"])
    said = await http.post(
        f"/v1/sessions/{session_id}/messages", headers=student, json={"content": "Fees should cover dredging."}
    )
    assert said.status_code == 200, said.text
    assert (await http.post(f"/v1/sessions/{session_id}/end", headers=student)).status_code == 200
    return session_id


async def listed(http: httpx.AsyncClient, caller: dict[str, str], **query: str) -> set[str]:
    """The sessions whose grades the caller lists."""
    response = await http.get("/v1/grades", headers=caller, params=query)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["total"] == len(body["data"])
    return {g["session_id"] for g in body["data"]}


async def test_grades_are_filtered_by_student_case_study_and_lms_status(
    db_settings: Settings, db_identity: Identity
) -> None:
    app = create_app(job_settings(db_settings))
    async with app.router.lifespan_context(app), contract_client(app) as http:
        admin = await bearer(http, db_identity.a.email("ADMIN"), "alpha")
        cases = []
        for slug in ("harbour", "bridge"):
            created = await http.post(
                "/v1/console/case-studies",
                headers=admin,
                json={"title": slug.title(), "slug": slug, "instructions": ["Decide."]},
            )
            cases.append(str(created.json()["data"]["id"]))
        harbour, bridge = cases
        invited = await http.post(
            "/v1/console/users",
            headers=admin,
            json={"email": "peer@alpha.example.com", "name": "Peer", "password": PASSWORD},
        )
        peer_id = str(invited.json()["data"]["id"])
        student = await bearer(http, db_identity.a.email("STUDENT"), "alpha")
        peer = await bearer(http, "peer@alpha.example.com", "alpha")
        own_harbour = await graded_session(http, student, harbour)
        own_bridge = await graded_session(http, student, bridge)
        peer_harbour = await graded_session(http, peer, harbour)
        await drain(app)
        async with app.state.services.database.sessionmaker() as db, db.begin():
            await db.execute(update(Grade).where(Grade.session_id == own_bridge).values(lms_status="published"))
        student_id = db_identity.a.user_ids["STUDENT"]

        faculty = await bearer(http, db_identity.a.email("FACULTY"), "alpha")
        assert await listed(http, faculty) == {own_harbour, own_bridge, peer_harbour}
        assert await listed(http, faculty, case_study_id=harbour) == {own_harbour, peer_harbour}
        assert await listed(http, faculty, user_id=peer_id) == {peer_harbour}
        assert await listed(http, faculty, user_id=student_id, case_study_id=harbour) == {own_harbour}
        assert await listed(http, faculty, lms_status="published") == {own_bridge}
        assert await listed(http, faculty, lms_status="not_configured", user_id=student_id) == {own_harbour}
        assert await listed(http, faculty, lms_status="pending") == set()

        # A student's filters narrow their own grades, never widen to anyone else's.
        assert await listed(http, peer, user_id=student_id) == set()
        assert await listed(http, peer, case_study_id=bridge) == set()
        assert await listed(http, student, case_study_id=harbour) == {own_harbour}
        beta_faculty = await bearer(http, db_identity.b.email("FACULTY"), "beta")
        assert await listed(http, beta_faculty, case_study_id=harbour) == set()

        unknown = await http.get("/v1/grades", headers=faculty, params={"lms_status": "lost"})
        assert unknown.status_code == 422
        assert "query.lms_status" in unknown.json()["details"]
