"""Concurrent retries of one failed turn: one answer, on SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio

from mentora.app import create_app
from mentora.config import Settings
from tests.conftest import contract_client
from tests.support.case_study import CASE_STUDY
from tests.support.fake_ai import API_KEY, running_fake_ai
from tests.support.identity import Identity, bearer


async def test_concurrent_retries_of_a_failed_turn_get_one_answer(db_settings: Settings, db_identity: Identity) -> None:
    with running_fake_ai() as fake_ai:
        app = create_app(db_settings.model_copy(update={"circuit_failure_threshold": 100}))
        async with app.router.lifespan_context(app), contract_client(app, timeout=20) as http:
            operator = await bearer(http, "operator@platform.example.com", "platform")
            await http.patch(
                f"/v1/console/tenants/{db_identity.a.id}",
                headers=operator,
                json={"ai_config": {"base_url": fake_ai.base_url, "model": "m", "api_key": API_KEY}},
            )
            admin = await bearer(http, db_identity.a.email("ADMIN"), "alpha")
            case_id = (await http.post("/v1/console/case-studies", headers=admin, json=CASE_STUDY)).json()["data"]["id"]
            student = await bearer(http, db_identity.a.email("STUDENT"), "alpha")
            started = await http.post("/v1/sessions/initialize", headers=student, json={"content_id": case_id})
            session_id = started.json()["data"]["id"]
            url = f"/v1/sessions/{session_id}/messages"
            fake_ai.mode = "500"
            assert (await http.post(url, headers=student, json={"content": "Same text"})).status_code == 502
            fake_ai.mode = "ok"
            answers = await asyncio.gather(
                *(http.post(url, headers=student, json={"content": "Same text"}) for _ in range(6))
            )
            # Each request either answered a turn or was told one is being answered; none failed.
            for response in answers:
                assert response.status_code in (200, 409), response.text
                if response.status_code == 409:
                    assert response.json()["details"] == {"session_id": "a reply is still being written"}
            messages = (await http.get(f"/v1/sessions/{session_id}", headers=student)).json()["data"]["messages"]
            replies = [m["reply_to"] for m in messages if m["role"] == "tutor"]
            assert len(replies) == len(set(replies)), "a student turn got two answers"
            students = [m for m in messages if m["role"] == "student"]
            assert students[0]["status"] == "answered"  # the failed turn itself was answered, once
            assert all(m["status"] == "answered" for m in students)
            assert len(replies) == len(students)
