"""Calling an ASGI app directly, without sockets: the in-process half of every benchmark here."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

ASGIApp = Callable[..., Any]


def request(
    method: str, path: str, body: bytes = b"", headers: dict[str, str] | None = None
) -> tuple[dict[str, Any], bytes]:
    raw_headers = [(b"host", b"bench")]
    raw_headers += [(name.lower().encode(), value.encode()) for name, value in (headers or {}).items()]
    if body:
        raw_headers += [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "root_path": "",
        "query_string": b"",
        "headers": raw_headers,
        "client": ("127.0.0.1", 1),
        "server": ("127.0.0.1", 80),
    }
    return scope, body


async def call(app: ASGIApp, scope: dict[str, Any], body: bytes) -> int:
    status = 0

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": body, "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        nonlocal status
        if message["type"] == "http.response.start":
            status = message["status"]

    await app(dict(scope), receive, send)
    return status


async def per_request_us(app: ASGIApp, scope: dict[str, Any], body: bytes, requests: int, status: int) -> float:
    assert await call(app, scope, body) == status, f"{scope['path']} did not answer {status}"
    started = time.perf_counter()
    for _ in range(requests):
        await call(app, scope, body)
    return (time.perf_counter() - started) / requests * 1e6
