"""What the contract layer costs per request, in-process (no sockets), against bare FastAPI.

Both apps serve the same typed handlers; the bare one answers with FastAPI's defaults
(plain model, its own 422 and 404), ours with the envelopes, request ids, body limit and
handlers. Rounds alternate between the apps and the median round is reported, so
machine noise hits both sides alike. Run:

    uv run python bench/contract_overhead.py [--rounds 15] [--requests 2000]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from fastapi import FastAPI
from pydantic import BaseModel, EmailStr, Field

from mentora.app import create_app
from mentora.config import Settings
from mentora.contract import SuccessEnvelope

ASGIApp = Callable[..., Any]


class MemberSettings(BaseModel):
    max_sessions: int | None = None


class MemberIn(BaseModel):
    email: EmailStr
    name: str = Field(min_length=1, max_length=255)
    settings: MemberSettings | None = None


class MemberOut(BaseModel):
    email: str
    name: str


# Parametrize once, as the domains' schemas do: subscripting per request costs ~1.4 us.
MemberEnvelope = SuccessEnvelope[MemberOut]


def bare_app() -> FastAPI:
    app = FastAPI()

    @app.get("/bench/member")
    async def get_member() -> MemberOut:
        return MemberOut(email="ada@example.com", name="Ada")

    @app.post("/bench/members")
    async def create_member(member: MemberIn) -> MemberOut:
        return MemberOut(email=member.email, name=member.name)

    return app


def mentora_app(data_dir: Path) -> FastAPI:
    app = create_app(Settings(data_dir=data_dir, access_log=False, log_level="ERROR"))

    @app.get("/bench/member")
    async def get_member() -> MemberEnvelope:
        return MemberEnvelope(data=MemberOut(email="ada@example.com", name="Ada"))

    @app.post("/bench/members")
    async def create_member(member: MemberIn) -> MemberEnvelope:
        return MemberEnvelope(data=MemberOut(email=member.email, name=member.name))

    return app


def request(method: str, path: str, body: bytes = b"") -> tuple[dict[str, Any], bytes]:
    headers = [(b"host", b"bench")]
    if body:
        headers += [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
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
        "headers": headers,
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


CASES = {
    "GET success": (request("GET", "/bench/member"), 200),
    "POST validated success": (
        request("POST", "/bench/members", json.dumps({"email": "ada@example.com", "name": "Ada"}).encode()),
        200,
    ),
    "422 (seed example)": (
        request(
            "POST",
            "/bench/members",
            json.dumps({"email": "not-an-email", "name": "Ada", "settings": {"max_sessions": "abc"}}).encode(),
        ),
        422,
    ),
    "404 unknown route": (request("GET", "/bench/nowhere"), 404),
}


async def main(rounds: int, requests: int) -> None:
    with tempfile.TemporaryDirectory() as data_dir:
        ours = mentora_app(Path(data_dir))
        bare = bare_app()
        print(f"{rounds} interleaved rounds x {requests} requests per case; median round, microseconds per request\n")
        print(f"{'case':26} {'bare FastAPI':>13} {'mentora':>9} {'diff':>8} {'speed ratio':>12}")
        for name, ((scope, body), status) in CASES.items():
            bare_times, our_times = [], []
            for _ in range(rounds):
                bare_times.append(await per_request_us(bare, scope, body, requests, status))
                our_times.append(await per_request_us(ours, scope, body, requests, status))
            bare_us, our_us = statistics.median(bare_times), statistics.median(our_times)
            print(f"{name:26} {bare_us:13.1f} {our_us:9.1f} {our_us - bare_us:+8.1f} {bare_us / our_us:11.2f}x")
        print("\nspeed ratio = bare time / mentora time (above 1.00x: mentora is faster)")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--requests", type=int, default=2000)
    arguments = parser.parse_args()
    asyncio.run(main(arguments.rounds, arguments.requests))
