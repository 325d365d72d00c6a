"""API10:2023 Unsafe Consumption of APIs: trusting what a third-party service answers.

Here: the tenant's AI provider (tutoring replies, grades) and LMS (access tokens, grade
receipts) answer the server. A compromised or broken one may send HTML, JSON of the
wrong shape, scores out of range, endless bodies, or drip its answer slowly.

Enforced, and tested here:
- Every answer is validated before use: anything else is EXTERNAL_SERVICE_ERROR
  ``bad_response``, and the upstream's text is never relayed in an error (or stored).
- Every answer is read up to ``outbound_max_response_bytes``, declared or not.
- Slow answers end at the total deadline (``timeout``), however steady the drip.
- A grade the AI returns is range-checked: an invalid one is retried, never stored.

Already covered:
- tests/sessions/test_tutoring.py: provider timeouts, 5xx, 429, 401 and malformed JSON,
  dropped and too-slow streams, all without leaking the upstream body.
- tests/grades/test_grading.py: a malformed AI grade is retried, never stored; LMS
  failures of every kind are retried and job history holds no upstream text.
- tests/platform/test_outbound_reasons.py: how each failure is named.
"""

from __future__ import annotations

import asyncio
import gzip
import json
from collections.abc import AsyncIterator, Callable

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from starlette.responses import JSONResponse, Response, StreamingResponse

from mentora.config import Settings
from mentora.contract import ExternalServiceError
from mentora.platform.outbound.client import OutboundClient
from mentora.runtime import job_runner
from tests.security.conftest import HostileUpstream, completion, tutoring
from tests.support.identity import Identity, bearer

pytestmark = pytest.mark.usefixtures("identity")
MARKER = "<script>steal()</script>"
CAP = 4096


def html() -> Response:
    return Response(f"<html><body>{MARKER}</body></html>", media_type="text/html")


def wrong_shape(body: object) -> Callable[[], Response]:
    return lambda: JSONResponse(body)


def dripping() -> Response:
    async def body() -> AsyncIterator[bytes]:
        for _ in range(50):  # each piece within the read timeout, the whole far past the deadline
            await asyncio.sleep(0.3)
            yield b" "

    return StreamingResponse(body(), media_type="application/json")


HOSTILE_REPLIES: dict[str, tuple[Callable[[], Response], str]] = {
    "html": (html, "bad_response"),
    "not-json": (lambda: Response(MARKER, media_type="application/json"), "bad_response"),
    "content-a-number": (lambda: completion(12345), "bad_response"),
    "content-an-object": (lambda: completion({"html": MARKER}), "bad_response"),
    "content-blank": (lambda: completion("   "), "bad_response"),
    "choices-empty": (wrong_shape({"choices": []}), "bad_response"),
    "choices-a-string": (wrong_shape({"choices": MARKER}), "bad_response"),
    "no-choices": (wrong_shape({"error": MARKER}), "bad_response"),
    "over-the-cap": (lambda: completion(MARKER * 1000), "bad_response"),
    "declared-over-the-cap": (
        lambda: Response(b"{}", media_type="application/json", headers={"Content-Length": str(10**9)}),
        "bad_response",
    ),
    "slow-drip": (dripping, "timeout"),
}


@pytest.mark.parametrize("name", list(HOSTILE_REPLIES))
async def test_a_hostile_tutoring_reply_is_refused_and_never_relayed(
    settings: Settings, identity: Identity, upstream: HostileUpstream, name: str
) -> None:
    answer, reason = HOSTILE_REPLIES[name]
    ai = {"base_url": upstream.base_url, "model": "m", "api_key": "k"}
    async with tutoring(settings, identity, ai, outbound_max_response_bytes=CAP) as room:
        upstream.answer = answer
        response = await room.client.post(room.messages_url, headers=room.student, json={"content": "Hello"})
        assert response.status_code == 502
        assert response.json()["details"] == {"service": "ai", "reason": reason}
        assert "steal" not in response.text
        assert [(m["role"], m["status"]) for m in await room.transcript()] == [("student", "failed")]


@pytest.mark.parametrize(
    "chunk",
    [{"choices": [{"delta": {"content": 12345}}]}, {"choices": "x"}, {"unexpected": MARKER}],
    ids=["content-a-number", "choices-a-string", "no-choices"],
)
async def test_a_hostile_stream_piece_ends_the_stream(
    settings: Settings, identity: Identity, upstream: HostileUpstream, chunk: dict[str, object]
) -> None:
    def answer() -> Response:
        async def body() -> AsyncIterator[bytes]:
            yield b'data: {"choices": [{"delta": {"content": "Fine so far. "}}]}\n\n'
            yield f"data: {json.dumps(chunk)}\n\n".encode()
            yield b"data: [DONE]\n\n"

        return StreamingResponse(body(), media_type="text/event-stream")

    ai = {"base_url": upstream.base_url, "model": "m", "api_key": "k"}
    async with tutoring(settings, identity, ai) as room:
        upstream.answer = answer
        response = await room.client.post(
            room.messages_url, headers={**room.student, "Accept": "text/event-stream"}, json={"content": "Hello"}
        )
        assert "steal" not in response.text
        assert "event: error" in response.text and '"reason":"bad_response"' in response.text.replace(" ", "")
        messages = await room.transcript()
        assert [(m["role"], m["status"], m["content"]) for m in messages][1] == ("tutor", "incomplete", "Fine so far. ")


@pytest.mark.parametrize(
    "grade",
    [
        {"critical_thinking": 1000, "comprehension": 70, "communication": 60, "summary": "Generous."},
        {"critical_thinking": -5, "comprehension": 70, "communication": 60, "summary": "Harsh."},
        {"critical_thinking": 80, "comprehension": 70, "communication": 60, "summary": MARKER * 200},
        {"critical_thinking": "A+", "comprehension": 70, "communication": 60, "summary": "Letters."},
        {"critical_thinking": 80, "comprehension": 70, "summary": "Missing one."},
    ],
    ids=["too-high", "negative", "summary-too-long", "not-a-number", "incomplete"],
)
async def test_an_invalid_ai_grade_is_never_stored(
    settings: Settings, identity: Identity, upstream: HostileUpstream, grade: dict[str, object]
) -> None:
    ai = {"base_url": upstream.base_url, "model": "m", "api_key": "k"}
    async with tutoring(settings, identity, ai) as room:
        upstream.answer = lambda: completion("A fine answer.")
        assert (
            await room.client.post(room.messages_url, headers=room.student, json={"content": "Hi"})
        ).status_code == 200
        assert (await room.client.post(f"/v1/sessions/{room.session_id}/end", headers=room.student)).status_code == 200
        upstream.answer = lambda: completion(json.dumps(grade))
        assert await job_runner(room.app.state.services).run_once()
        assert (await room.client.get(f"/v1/grades/session/{room.session_id}", headers=room.admin)).status_code == 404
        job = (await room.client.get("/v1/console/jobs", headers=room.admin)).json()["data"][0]
        assert job["kind"] == "grade_session" and job["status"] == "queued"  # to be retried
        assert "bad_response" in job["last_error"] and "steal" not in job["last_error"]


def lms_key() -> str:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()


@pytest.mark.parametrize(
    "answer",
    [
        wrong_shape({"access_token": 12345}),
        wrong_shape({"access_token": ""}),
        wrong_shape([MARKER]),
        html,
        lambda: JSONResponse({"access_token": "t", "padding": MARKER * 1000}),
    ],
    ids=["token-a-number", "token-empty", "a-list", "html", "over-the-cap"],
)
async def test_a_hostile_lms_token_answer_is_refused(
    settings: Settings, identity: Identity, upstream: HostileUpstream, answer: Callable[[], Response]
) -> None:
    async with tutoring(settings, identity, outbound_max_response_bytes=CAP) as room:
        lms = {
            "lms_type": "lti",
            "lms_config": {
                "token_url": f"http://127.0.0.1:{upstream.port}/token",
                "client_id": "tool",
                "credentials": {"private_key": lms_key()},
                "course_mapping": {room.case_id: f"http://127.0.0.1:{upstream.port}/lineitems/1"},
            },
        }
        configured = await room.client.patch(f"/v1/console/tenants/{identity.a.id}", headers=room.operator, json=lms)
        assert configured.status_code == 200
        assert (await room.client.post(f"/v1/sessions/{room.session_id}/end", headers=room.student)).status_code == 200
        upstream.answer = answer
        assert await job_runner(room.app.state.services).run_once()  # grading, offline
        faculty = await bearer(room.client, identity.a.email("FACULTY"), "alpha")
        grade = (await room.client.get("/v1/grades", headers=faculty)).json()["data"][0]
        published = await room.client.post(f"/v1/console/grades/{grade['id']}/publish", headers=faculty)
        assert published.status_code == 502
        assert published.json()["details"] == {"service": "lms", "reason": "bad_response"}
        assert "steal" not in published.text
        # The token was refused: no score was ever sent with it.
        assert [seen.path for seen in upstream.seen] == ["/token"]


async def test_answers_are_asked_for_uncompressed(upstream: HostileUpstream, settings: Settings) -> None:
    """The size cap counts bytes as they arrive; a compressed answer could grow past it when decoded."""
    outbound = OutboundClient("ai", settings)
    try:
        answer = await outbound.request("GET", upstream.base_url + "/models", circuit="t1:ai", parse=lambda r: r.json())
    finally:
        await outbound.close()
    assert answer["choices"][0]["message"]["content"] == "A fine answer."
    assert upstream.seen[0].headers["accept-encoding"] == "identity"


async def test_a_compressed_answer_is_refused_unread(upstream: HostileUpstream, settings: Settings) -> None:
    """48 KB of gzip that would decode to 50 MB, sent although an uncompressed answer was asked for."""
    bomb = gzip.compress(b" " * 50_000_000)
    upstream.answer = lambda: Response(bomb, media_type="application/json", headers={"Content-Encoding": "gzip"})
    outbound = OutboundClient("ai", settings.model_copy(update={"outbound_attempts": 1}))
    try:
        with pytest.raises(ExternalServiceError) as refused:
            await outbound.request("GET", upstream.base_url + "/models", circuit="t1:ai", parse=lambda r: r.json())
    finally:
        await outbound.close()
    assert refused.value.details["reason"] == "bad_response"
