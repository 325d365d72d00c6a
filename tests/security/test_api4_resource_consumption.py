"""API4:2023 Unrestricted Resource Consumption: requests that cost the server (or the
tenant's AI bill) more than any client should be able to ask for.

Here: list pages, request bodies and fields, AI turns (their number, the tokens each
asks for and the context sent), and the streamed replies a turn relays.

Already covered:
- tests/contract/test_error_responses.py: a body over the cap is VALIDATION_ERROR
  ``_body`` (declared or chunked), on probe routes.
- tests/users/test_users.py::test_list_is_paged: ``limit`` over 100 on the user list.
- tests/platform/test_rate_limits.py: per IP, per user, per tenant (overrides),
  concurrent hits, failed logins per account from every address, bad or expired tokens
  counted as anonymous exactly once; tests/platform/test_trusted_proxies.py: a spoofed
  X-Forwarded-For changes no one's address unless it comes from a trusted proxy;
  tests/sessions/test_tutoring.py: AI turns per user, the session limit, a stream slower
  than the total deadline ends with a ``timeout`` event.

Filled here:
- Every list operation in the OpenAPI caps ``limit`` at 100 and refuses a negative ``skip``.
- The body cap on real routes, declared and chunked; a student's turn is capped at 4000
  characters and a refused one is not stored.
- The tokens asked of the provider are the tenant's ``max_tokens`` (itself capped), never
  the student's to choose; the transcript sent stays within ``ai_context_tokens``.
- A streamed reply is cut at ``outbound_max_response_bytes`` (a bounded partial is kept
  as ``incomplete``), and one session answers one turn at a time.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from mentora.config import Settings
from mentora.integrations.ai.base import estimate_tokens
from tests.security.conftest import HostileUpstream, completion, event_stream, tutoring
from tests.support.identity import OPERATOR_EMAIL, Identity, bearer

pytestmark = pytest.mark.usefixtures("identity")


def sse_events(text: str) -> list[tuple[str, Any]]:
    events = []
    for block in text.replace("\r\n", "\n").split("\n\n"):
        lines = dict(line.split(": ", 1) for line in block.splitlines() if ": " in line)
        if "event" in lines:
            events.append((lines["event"], json.loads(lines["data"])))
    return events


async def test_every_list_caps_its_page(client: httpx.AsyncClient) -> None:
    spec = (await client.get("/openapi.json")).json()
    operator = await bearer(client, OPERATOR_EMAIL, "platform")
    admin = await bearer(client, "admin@alpha.example.com", "alpha")
    lists = [
        path
        for path, item in spec["paths"].items()
        if any(p.get("name") == "limit" and p.get("in") == "query" for p in item.get("get", {}).get("parameters", []))
    ]
    assert len(lists) >= 8
    for path in lists:
        headers = operator if path.startswith("/v1/console/tenants") else admin
        for params, field, message in (
            ({"limit": 101}, "query.limit", "ensure this value is less than or equal to 100"),
            ({"limit": 0}, "query.limit", "ensure this value is greater than or equal to 1"),
            ({"skip": -1}, "query.skip", "ensure this value is greater than or equal to 0"),
        ):
            response = await client.get(path, headers=headers, params=params)
            assert response.status_code == 422, f"{path} {params}: {response.status_code}"
            assert response.json()["details"] == {field: message}, path
        full = await client.get(path, headers=headers, params={"limit": 100})
        assert full.status_code == 200 and full.json()["page_size"] == 100, path


async def test_bodies_over_the_cap_are_refused_on_real_routes(settings: Settings, identity: Identity) -> None:
    async with tutoring(settings, identity, max_body_bytes=4096) as room:
        big = json.dumps({"content": "x" * 3000, "padding": "y" * 5000}).encode()
        declared = await room.client.post(
            room.messages_url, headers={**room.student, "Content-Type": "application/json"}, content=big
        )
        assert declared.status_code == 422
        assert declared.json()["details"] == {"_body": "request body is too large"}

        async def chunks() -> AsyncIterator[bytes]:
            for start in range(0, len(big), 1024):
                yield big[start : start + 1024]

        chunked = await room.client.post(
            room.messages_url, headers={**room.student, "Content-Type": "application/json"}, content=chunks()
        )
        assert chunked.status_code == 422
        assert chunked.json()["details"] == {"_body": "request body is too large"}
        assert await room.transcript() == []


async def test_a_students_turn_is_capped_and_chooses_no_tokens(
    settings: Settings, identity: Identity, upstream: HostileUpstream
) -> None:
    ai = {"base_url": upstream.base_url, "model": "m", "api_key": "k", "max_tokens": 300}
    async with tutoring(settings, identity, ai) as room:
        too_long = await room.client.post(room.messages_url, headers=room.student, json={"content": "x" * 4001})
        assert too_long.status_code == 422
        assert too_long.json()["details"] == {"content": "ensure this value has at most 4000 characters"}
        for field, value in (("max_tokens", 100_000), ("model", "the-most-expensive-one"), ("temperature", 2)):
            chosen = await room.client.post(
                room.messages_url, headers=room.student, json={"content": "Hello", field: value}
            )
            assert chosen.status_code == 422 and field in chosen.json()["details"]
        assert upstream.seen == [] and await room.transcript() == []
        answered = await room.client.post(room.messages_url, headers=room.student, json={"content": "x" * 4000})
        assert answered.status_code == 200
        sent = json.loads(upstream.seen[-1].body)
        assert sent["max_tokens"] == 300 and sent["model"] == "m"
        # The tenant's own setting has a ceiling too.
        over = await room.client.patch(
            f"/v1/console/tenants/{identity.a.id}",
            headers=room.operator,
            json={"ai_config": {"base_url": upstream.base_url, "max_tokens": 16_001}},
        )
        assert over.status_code == 422
        assert over.json()["details"] == {"ai_config.max_tokens": "ensure this value is less than or equal to 16000"}


async def test_the_context_sent_stays_within_its_token_budget(
    settings: Settings, identity: Identity, upstream: HostileUpstream
) -> None:
    ai = {"base_url": upstream.base_url, "model": "m", "api_key": "k"}
    async with tutoring(settings, identity, ai, ai_context_tokens=500) as room:
        for number in range(4):
            text = f"Turn {number}: " + "long reasoning " * 100
            assert (
                await room.client.post(room.messages_url, headers=room.student, json={"content": text})
            ).status_code == 200
            sent = json.loads(upstream.seen[-1].body)["messages"]
            assert sum(estimate_tokens(m["content"]) for m in sent) <= 500
            assert sent[0]["role"] == "system" and sent[-1]["content"] == text
        assert len(await room.transcript()) == 8  # everything is kept; only what is sent is trimmed


async def test_a_streamed_reply_is_cut_at_the_size_cap(
    settings: Settings, identity: Identity, upstream: HostileUpstream
) -> None:
    ai = {"base_url": upstream.base_url, "model": "m", "api_key": "k"}
    async with tutoring(settings, identity, ai, outbound_max_response_bytes=4096) as room:
        upstream.answer = lambda: event_stream(["endless "] * 5000)
        response = await room.client.post(
            room.messages_url, headers={**room.student, "Accept": "text/event-stream"}, json={"content": "Go on"}
        )
        events = sse_events(response.text)
        assert events[0][0] == "meta" and events[-1][0] == "error"
        assert events[-1][1]["code"] == "EXTERNAL_SERVICE_ERROR"
        assert events[-1][1]["details"] == {"service": "ai", "reason": "bad_response"}
        relayed = "".join(payload["text"] for name, payload in events if name == "delta")
        assert 0 < len(relayed) < 4096
        messages = await room.transcript()
        assert [(m["role"], m["status"]) for m in messages] == [("student", "failed"), ("tutor", "incomplete")]
        assert messages[1]["content"] == relayed
        # Within the cap, the same turn is answered on retry.
        upstream.answer = lambda: completion("short " * 20)
        retried = await room.client.post(room.messages_url, headers=room.student, json={"content": "Go on"})
        assert retried.status_code == 200


async def test_one_session_answers_one_turn_at_a_time(
    settings: Settings, identity: Identity, upstream: HostileUpstream
) -> None:
    ai = {"base_url": upstream.base_url, "model": "m", "api_key": "k"}
    async with tutoring(settings, identity, ai) as room:
        upstream.answer = lambda: event_stream(["slow "] * 5, delay=0.2)
        first = asyncio.create_task(
            room.client.post(
                room.messages_url, headers={**room.student, "Accept": "text/event-stream"}, json={"content": "One"}
            )
        )
        for _ in range(100):
            if upstream.seen:
                break
            await asyncio.sleep(0.02)
        assert upstream.seen, "the first turn never reached the provider"
        second = await room.client.post(room.messages_url, headers=room.student, json={"content": "Two"})
        assert second.status_code == 409
        assert second.json()["details"] == {"session_id": "a reply is still being written"}
        assert sse_events((await first).text)[-1][0] == "done"
        assert len(upstream.seen) == 1
