"""A stand-in AI provider: a real HTTP server on 127.0.0.1 speaking OpenAI chat completions.

JSON and server-sent-event answers, switchable at any time to fail the way real
providers do: time out, 500, 429, 401, a malformed body, a slow stream, or a stream
dropped half-way. It counts what it was asked, for tests to check.
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route

from tests.support.loopback import LoopbackServer

API_KEY = "fake-provider-key"
# What the fake answers a grading request with: final score 0.4*80 + 0.3*70 + 0.3*60 = 71.
GRADE = {"critical_thinking": 80, "comprehension": 70, "communication": 60, "summary": "Solid reasoning."}
MODES = ("ok", "timeout", "500", "429", "401", "malformed", "slow_stream", "drop")


class FakeAIProvider(LoopbackServer):
    def __init__(self) -> None:
        self.mode = "ok"
        self.requests: list[dict[str, Any]] = []
        super().__init__([Route("/v1/chat/completions", self._complete, methods=["POST"])])
        self.base_url = f"http://127.0.0.1:{self.port}/v1"

    @staticmethod
    def answer_for(payload: dict[str, Any]) -> str:
        last = [m["content"] for m in payload["messages"] if m["role"] == "user"][-1]
        return f"Fake tutor answer to: {last}"

    async def _complete(self, request: Request) -> Response:
        if request.headers.get("authorization") != f"Bearer {API_KEY}" or self.mode == "401":
            return JSONResponse({"error": {"message": "bad key sk-secret-upstream"}}, status_code=401)
        payload = await request.json()
        self.requests.append(payload)
        mode = self.mode
        if mode == "timeout":
            await asyncio.sleep(30)
        if mode == "500":
            return JSONResponse({"error": {"message": "upstream internal trace at /srv/model.py"}}, status_code=500)
        if mode == "429":
            return JSONResponse({"error": {"message": "slow down"}}, status_code=429, headers={"Retry-After": "1"})
        if mode == "malformed":
            if payload.get("stream"):
                return StreamingResponse(_sse(["not json at all"]), media_type="text/event-stream")
            return Response(b'{"choices": [{"mess', media_type="application/json")
        text = self.answer_for(payload)
        if payload["messages"][0]["content"].startswith("You grade"):
            text = json.dumps(GRADE)
        if not payload.get("stream"):
            return JSONResponse({"choices": [{"index": 0, "message": {"role": "assistant", "content": text}}]})
        words = [word + " " for word in text.split(" ")]
        chunks = [json.dumps({"choices": [{"index": 0, "delta": {"content": w}}]}) for w in words]
        if mode == "slow_stream":
            return StreamingResponse(_sse([*chunks, "[DONE]"], delay=0.4), media_type="text/event-stream")
        if mode == "drop":
            return StreamingResponse(_dropping(chunks[:3]), media_type="text/event-stream")
        return StreamingResponse(_sse([*chunks, "[DONE]"]), media_type="text/event-stream")


async def _sse(items: list[str], delay: float = 0.0) -> AsyncIterator[bytes]:
    for item in items:
        if delay:
            await asyncio.sleep(delay)
        yield f"data: {item}\n\n".encode()


async def _dropping(items: list[str]) -> AsyncIterator[bytes]:
    for item in items:
        yield f"data: {item}\n\n".encode()
    await asyncio.sleep(0.05)
    # Raising mid-body makes the server cut the connection without ending the chunked body.
    raise ConnectionResetError("provider went away")


@contextmanager
def running_fake_ai() -> Iterator[FakeAIProvider]:
    provider = FakeAIProvider()
    provider.start()
    try:
        yield provider
    finally:
        provider.stop()
