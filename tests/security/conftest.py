"""Shared pieces of the security tests: a downstream service that answers whatever a test
tells it to (the hostile AI provider or LMS), and an app wired to it."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass
from typing import Any

import httpx
import pytest
from fastapi import FastAPI
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route

from mentora.app import create_app
from mentora.config import Settings
from tests.conftest import contract_client
from tests.sessions.conftest import CASE_STUDY
from tests.support.identity import OPERATOR_EMAIL, Identity, bearer
from tests.support.loopback import LoopbackServer

# Short deadlines and no circuit: each test sees every failure for what it is.
OUTBOUND = {
    "outbound_read_timeout": 0.5,
    "outbound_total_timeout": 2.0,
    "outbound_attempts": 1,
    "circuit_failure_threshold": 100,
}


@dataclass
class Seen:
    method: str
    path: str
    headers: dict[str, str]
    body: bytes
    raw_path: bytes = b""  # as sent, before percent-decoding


class HostileUpstream(LoopbackServer):
    """A real HTTP server on 127.0.0.1 answering every path with ``answer()``, and recording what it was sent."""

    def __init__(self) -> None:
        self.seen: list[Seen] = []
        self.answer: Callable[[], Response] = lambda: completion("A fine answer.")
        super().__init__([Route("/{path:path}", self._handle, methods=["GET", "POST", "PUT"])])
        self.base_url = f"http://127.0.0.1:{self.port}/v1"

    async def _handle(self, request: Request) -> Response:
        seen = Seen(
            request.method, request.url.path, dict(request.headers), await request.body(), request.scope["raw_path"]
        )
        self.seen.append(seen)
        return self.answer()


def completion(content: Any) -> Response:
    """An OpenAI-style chat completion whose message content is ``content`` (any JSON value)."""
    return JSONResponse({"choices": [{"index": 0, "message": {"role": "assistant", "content": content}}]})


def event_stream(pieces: list[str], *, delay: float = 0.0, done: bool = True) -> Response:
    """An OpenAI-style stream of ``pieces``, each ``delay`` seconds apart."""

    async def body() -> AsyncIterator[bytes]:
        for piece in pieces:
            if delay:
                await asyncio.sleep(delay)
            chunk = {"choices": [{"index": 0, "delta": {"content": piece}}]}
            yield f"data: {json.dumps(chunk)}\n\n".encode()
        if done:
            yield b"data: [DONE]\n\n"

    return StreamingResponse(body(), media_type="text/event-stream")


@contextmanager
def running_upstream() -> Iterator[HostileUpstream]:
    server = HostileUpstream()
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def upstream() -> Iterator[HostileUpstream]:
    with running_upstream() as server:
        yield server


@asynccontextmanager
async def serving(settings: Settings, **overrides: Any) -> AsyncIterator[tuple[FastAPI, httpx.AsyncClient]]:
    """The real app on ``settings`` plus ``overrides``, with a contract-checking client."""
    app = create_app(settings.model_copy(update=overrides))
    async with app.router.lifespan_context(app), contract_client(app, timeout=20) as client:
        yield app, client


@dataclass
class Tutoring:
    """Alpha's student in an active session on a case study of alpha's admin."""

    client: httpx.AsyncClient
    app: FastAPI
    operator: dict[str, str]
    admin: dict[str, str]
    student: dict[str, str]
    case_id: str
    session_id: str

    @property
    def messages_url(self) -> str:
        return f"/v1/sessions/{self.session_id}/messages"

    async def transcript(self) -> list[dict[str, Any]]:
        response = await self.client.get(f"/v1/sessions/{self.session_id}", headers=self.student)
        messages: list[dict[str, Any]] = response.json()["data"]["messages"]
        return messages


async def configure_ai(client: httpx.AsyncClient, identity: Identity, ai_config: dict[str, Any]) -> dict[str, str]:
    """Point tenant alpha's AI at ``ai_config`` (as the operator); returns the operator's headers."""
    operator = await bearer(client, OPERATOR_EMAIL, "platform")
    response = await client.patch(
        f"/v1/console/tenants/{identity.a.id}", headers=operator, json={"ai_config": ai_config}
    )
    assert response.status_code == 200, response.text
    return operator


@asynccontextmanager
async def tutoring(
    settings: Settings, identity: Identity, ai_config: dict[str, Any] | None = None, **overrides: Any
) -> AsyncIterator[Tutoring]:
    """An app whose tenant alpha uses ``ai_config`` (the offline tutor without one), and an active session."""
    async with serving(settings, **{**OUTBOUND, **overrides}) as (app, client):
        operator = await bearer(client, OPERATOR_EMAIL, "platform")
        if ai_config is not None:
            await configure_ai(client, identity, ai_config)
        admin = await bearer(client, identity.a.email("ADMIN"), "alpha")
        created = await client.post("/v1/console/case-studies", headers=admin, json=CASE_STUDY)
        assert created.status_code == 201, created.text
        case_id = str(created.json()["data"]["id"])
        student = await bearer(client, identity.a.email("STUDENT"), "alpha")
        started = await client.post("/v1/sessions/initialize", headers=student, json={"content_id": case_id})
        assert started.status_code == 201, started.text
        yield Tutoring(client, app, operator, admin, student, case_id, str(started.json()["data"]["id"]))
