"""The SSE reader: the decoder alone, then both clients against a small loopback SSE server."""

from __future__ import annotations

import asyncio
import json
import threading
import time
from collections.abc import AsyncIterator, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from mentora_client import (
    AsyncMentoraClient,
    AuthorizationError,
    ExternalServiceError,
    Hooks,
    MentoraClient,
    ServerSentEvent,
    Tokens,
)
from mentora_client.sse import SSEDecoder, iter_events

# Chunks cut mid-line and mid-field on purpose, with CRLF and LF endings and a comment.
STREAM_CHUNKS = [
    ": keep-alive\n\n",
    "event: meta\nda",
    'ta: {"id": 1}\n\n',
    "event: delta\r\ndata: line one\r\ndata: line two\r\n\r\n",
    "id: 7\nretry: 1500\ndata: third\n\n",
    "event: done\ndata\n\n",
]
EXPECTED = [
    ServerSentEvent(event="meta", data='{"id": 1}'),
    ServerSentEvent(event="delta", data="line one\nline two"),
    ServerSentEvent(event="message", data="third", id="7", retry=1500),
    ServerSentEvent(event="done", data="", id="7", retry=1500),
]


def test_decoder_follows_the_standard() -> None:
    lines = "".join(STREAM_CHUNKS).replace("\r\n", "\n").split("\n")
    assert list(iter_events(lines)) == EXPECTED
    assert EXPECTED[0].json() == {"id": 1}


def test_decoder_edge_cases() -> None:
    decoder = SSEDecoder()
    assert decoder.decode("event: lonely") is None
    assert decoder.decode("") is None  # no data: nothing dispatched, event name reset
    assert decoder.decode("data:no-space") is None
    assert decoder.decode("data:  two spaces") is None
    assert decoder.decode("unknown: field") is None
    assert decoder.decode("retry: soon") is None
    assert decoder.decode("") == ServerSentEvent(data="no-space\n two spaces")
    assert decoder.decode("id: with\0null") is None
    assert decoder.last_event_id is None


def envelope_error(code: str, message: str) -> bytes:
    return json.dumps({"success": False, "error": message, "code": code, "details": {}}).encode()


class Handler(BaseHTTPRequestHandler):
    refreshes = 0

    def log_message(self, format: str, *args: object) -> None:
        pass

    def _send_json(self, status: int, body: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Request-ID", "sse-req")
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length", "0")))
        if self.path == "/v1/sessions/s1/messages":
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.end_headers()
            error = {"success": False, "error": "The AI provider failed", "code": "EXTERNAL_SERVICE_ERROR"}
            self.wfile.write(b'event: meta\ndata: {"session_id": "s1"}\n\nevent: delta\ndata: {"text": "Hel"}\n\n')
            self.wfile.write(f"event: error\ndata: {json.dumps({**error, 'details': {'service': 'ai'}})}\n\n".encode())
        elif self.path == "/v1/auth/refresh":
            type(self).refreshes += 1
            tokens = {"access_token": "new", "refresh_token": "r2", "token_type": "bearer", "expires_in": 60}
            self._send_json(200, json.dumps({"success": True, "data": tokens, "message": None}).encode())
        else:
            self._send_json(404, envelope_error("NOT_FOUND", "Not found"))

    def do_GET(self) -> None:
        authorization = self.headers.get("Authorization")
        if self.path == "/v1/denied":
            self._send_json(403, envelope_error("AUTHORIZATION_ERROR", "Permission denied"))
        elif authorization == "Bearer old":
            self._send_json(401, envelope_error("TOKEN_EXPIRED", "Access token has expired"))
        elif authorization != "Bearer new" or self.headers.get("Accept") != "text/event-stream":
            self._send_json(401, envelope_error("AUTHENTICATION_ERROR", "Invalid token"))
        else:
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.end_headers()
            for chunk in STREAM_CHUNKS:
                self.wfile.write(chunk.encode())
                self.wfile.flush()
                time.sleep(0.01)


@pytest.fixture
def sse_server() -> Iterator[str]:
    Handler.refreshes = 0
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def test_sync_stream_refreshes_first_then_reads_events(sse_server: str) -> None:
    client = MentoraClient(sse_server, tokens=Tokens("old", "r1"))
    with client, client.stream("GET", "/v1/stream") as events:
        assert list(events) == EXPECTED
    assert Handler.refreshes == 1
    assert client.tokens == Tokens("new", "r2")


def test_async_stream_refreshes_first_then_reads_events(sse_server: str) -> None:
    async def read() -> list[ServerSentEvent]:
        client = AsyncMentoraClient(sse_server, tokens=Tokens("old", "r1"))
        async with client, client.stream("GET", "/v1/stream") as events:
            return [event async for event in events]

    assert asyncio.run(read()) == EXPECTED
    assert Handler.refreshes == 1


def test_an_error_before_the_stream_is_raised_typed(sse_server: str) -> None:
    client = MentoraClient(sse_server, tokens=Tokens("new", "r1"))
    with client, pytest.raises(AuthorizationError) as raised, client.stream("GET", "/v1/denied"):
        pass
    assert raised.value.request_id == "sse-req"


def test_an_error_event_is_raised_typed_from_a_turn_stream(sse_server: str) -> None:
    generic: list[Exception] = []
    client = MentoraClient(sse_server, tokens=Tokens("new", "r1"), hooks=Hooks(on_generic_error=generic.append))
    received: list[str] = []
    with (
        client,
        client.sessions.stream_message("s1", content="Hello") as events,
        pytest.raises(ExternalServiceError) as raised,
    ):
        received.extend(event.event for event in events)
    assert received == ["meta", "delta"]
    assert raised.value.details == {"service": "ai"}
    assert raised.value.status == 502
    assert generic == [raised.value]


def test_an_error_event_is_raised_typed_from_an_async_turn_stream(sse_server: str) -> None:
    async def read() -> list[str]:
        received: list[str] = []

        async def collect(events: AsyncIterator[ServerSentEvent]) -> None:
            async for event in events:
                received.append(event.event)

        client = AsyncMentoraClient(sse_server, tokens=Tokens("new", "r1"))
        async with client, client.sessions.stream_message("s1", content="Hello") as events:
            with pytest.raises(ExternalServiceError):
                await collect(events)
        return received

    assert asyncio.run(read()) == ["meta", "delta"]
