"""Many students' turns at once: written together, each still checked, stored and answered."""

from __future__ import annotations

import asyncio
import sqlite3
from typing import Any

import httpx
from sqlalchemy.exc import OperationalError
from starlette.requests import Request
from starlette.responses import Response

from mentora.app import create_app
from mentora.config import Settings
from mentora.platform.db import Database
from mentora.sessions.turns import GroupCommit
from tests.conftest import contract_client
from tests.sessions.test_tutoring import start, stream, transcript
from tests.support.case_study import CASE_STUDY
from tests.support.fake_ai import API_KEY, FakeAIProvider
from tests.support.identity import PASSWORD, Identity, bearer

STUDENTS = 6


class WitnessingProvider(FakeAIProvider):
    """A stand-in provider that looks in the SQLite file, as each request arrives, for
    what the students' turns are stored as at that moment."""

    def __init__(self, database_file: str) -> None:
        super().__init__()
        self.database_file = database_file
        self.stored_when_asked: list[dict[str, str]] = []

    async def _complete(self, request: Request) -> Response:
        with sqlite3.connect(self.database_file) as connection:
            rows = connection.execute("SELECT content, status FROM session_messages WHERE role = 'student'")
            self.stored_when_asked.append(dict(rows.fetchall()))
        return await super()._complete(request)


async def classroom_of(http: httpx.AsyncClient, identity: Identity, provider_url: str) -> tuple[str, list[Any]]:
    """Tenant alpha on the provider, a case study, and STUDENTS students each with a session."""
    operator = await bearer(http, "operator@platform.example.com", "platform")
    configured = await http.patch(
        f"/v1/console/tenants/{identity.a.id}",
        headers=operator,
        json={"ai_config": {"base_url": provider_url, "model": "m", "api_key": API_KEY}},
    )
    assert configured.status_code == 200, configured.text
    admin = await bearer(http, identity.a.email("ADMIN"), "alpha")
    case_id = (await http.post("/v1/console/case-studies", headers=admin, json=CASE_STUDY)).json()["data"]["id"]
    students = []
    for number in range(STUDENTS):
        registered = await http.post(
            "/v1/auth/register",
            headers={"X-Tenant": "alpha"},
            json={"email": f"learner{number}@alpha.example.com", "password": PASSWORD, "name": f"Learner {number}"},
        )
        assert registered.status_code == 201, registered.text
        headers = {"Authorization": f"Bearer {registered.json()['data']['access_token']}"}
        students.append((headers, await start(http, headers, case_id)))
    return case_id, students


async def test_students_turns_at_once_are_all_stored_before_the_provider_is_asked_and_answered(
    settings: Settings, identity: Identity
) -> None:
    provider = WitnessingProvider(settings.sqlalchemy_url.split("///", 1)[1])
    provider.start()
    try:
        app = create_app(settings.model_copy(update={"rate_limit_ai_turns": "1000/minute"}))
        async with app.router.lifespan_context(app), contract_client(app, timeout=20) as http:
            _, students = await classroom_of(http, identity, provider.base_url)
            texts = [f"Student {number} thinks the bridge must wait." for number in range(STUDENTS)]
            answers = await asyncio.gather(
                *(
                    stream(http, headers, session_id, text)
                    for (headers, session_id), text in zip(students, texts, strict=True)
                )
            )
            for (response, events), text in zip(answers, texts, strict=True):
                assert response.status_code == 200 and events[-1][0] == "done", events
                assert events[-1][1]["reply"]["content"].strip() == f"Fake tutor answer to: {text}"
            # Each turn asked the provider once, and was already committed, pending, when it did.
            asked = [[m["content"] for m in r["messages"] if m["role"] == "user"][-1] for r in provider.requests]
            assert sorted(asked) == sorted(texts)
            for stored in provider.stored_when_asked:
                assert any(stored.get(text) == "pending" for text in texts)
            for text in texts:
                assert any(stored.get(text) == "pending" for stored in provider.stored_when_asked)
            for (headers, session_id), text in zip(students, texts, strict=True):
                messages = await transcript(http, headers, session_id)
                assert [(m["role"], m["status"], m["content"].strip()) for m in messages] == [
                    ("student", "answered", text),
                    ("tutor", "complete", f"Fake tutor answer to: {text}"),
                ]
                assert messages[1]["reply_to"] == messages[0]["id"]
    finally:
        provider.stop()


async def test_a_refused_turn_among_many_is_not_stored_and_the_others_are(
    db_settings: Settings, db_identity: Identity
) -> None:
    provider = FakeAIProvider()
    provider.start()
    try:
        app = create_app(db_settings.model_copy(update={"rate_limit_ai_turns": "1000/minute"}))
        async with app.router.lifespan_context(app), contract_client(app, timeout=20) as http:
            _, students = await classroom_of(http, db_identity, provider.base_url)
            (first_headers, first_session), others = students[0], students[1:]
            # Two different turns in one session at once (one must wait its turn), and one of another's.
            sent = [
                stream(http, first_headers, first_session, "First thought."),
                stream(http, first_headers, first_session, "Second thought."),
                *(stream(http, headers, session_id, "My own thought.") for headers, session_id in others),
            ]
            first, second, *rest = await asyncio.gather(*sent)
            same_session = [first[0], second[0]]
            assert sorted(r.status_code for r in same_session) == [200, 409]
            refused = next(r for r in same_session if r.status_code == 409)
            assert refused.json()["details"] == {"session_id": "a reply is still being written"}
            assert all(response.status_code == 200 and events[-1][0] == "done" for response, events in rest)
            messages = await transcript(http, first_headers, first_session)
            assert [(m["role"], m["status"]) for m in messages] == [("student", "answered"), ("tutor", "complete")]
            for headers, session_id in others:
                assert len(await transcript(http, headers, session_id)) == 2
    finally:
        provider.stop()


async def test_a_batch_that_fails_is_written_again_one_by_one_so_only_the_bad_item_fails(
    settings: Settings,
) -> None:
    database = Database.from_settings(settings)
    calls: list[list[str]] = []

    async def work(session: Any, items: Any) -> list[Any]:
        calls.append(list(items))
        if "bad" in items:
            raise OperationalError("INSERT", {}, Exception("constraint"))
        return [item.upper() for item in items]

    try:
        batches: GroupCommit[str, str] = GroupCommit(database, work)
        results = await asyncio.gather(*(batches.submit(item) for item in ("a", "bad", "c")), return_exceptions=True)
    finally:
        await database.dispose()
    assert results[0] == "A" and results[2] == "C"
    assert isinstance(results[1], OperationalError)
    assert calls == [["a", "bad", "c"], ["a"], ["bad"], ["c"]]
