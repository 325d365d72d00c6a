"""What the contract layer costs per request, in-process (no sockets), against bare FastAPI.

Both apps have the same route table and serve the same typed handlers; the bare one
answers with FastAPI's defaults (plain model, its own 422 and 404) and has none of our
middleware; ours adds the envelopes, request ids, body limit, CORS and exception
handlers (rate limits off: bench/ratelimit_overhead.py measures them). Rounds alternate
between the apps and the median round is reported, so machine noise hits both sides
alike. Run:

    uv run python bench/contract_overhead.py [--rounds 15] [--requests 2000]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import tempfile
from pathlib import Path

from fastapi import FastAPI
from pydantic import BaseModel, EmailStr, Field

from asgi_calls import per_request_us, request
from mentora.api import mount_routers
from mentora.app import create_app
from mentora.config import Settings
from mentora.contract import SuccessEnvelope
from mentora.platform.db.migrations import migrate


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
    """Plain FastAPI with the same route table (routing cost grows with it), none of our layers."""
    app = FastAPI()
    mount_routers(app)

    @app.get("/bench/member")
    async def get_member() -> MemberOut:
        return MemberOut(email="ada@example.com", name="Ada")

    @app.post("/bench/members")
    async def create_member(member: MemberIn) -> MemberOut:
        return MemberOut(email=member.email, name=member.name)

    return app


def mentora_app(data_dir: Path) -> FastAPI:
    # Rate limits off: their cost is measured on its own, in bench/ratelimit_overhead.py.
    app = create_app(Settings(data_dir=data_dir, access_log=False, log_level="ERROR", rate_limits_enabled=False))

    @app.get("/bench/member")
    async def get_member() -> MemberEnvelope:
        return MemberEnvelope(data=MemberOut(email="ada@example.com", name="Ada"))

    @app.post("/bench/members")
    async def create_member(member: MemberIn) -> MemberEnvelope:
        return MemberEnvelope(data=MemberOut(email=member.email, name=member.name))

    return app


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
        await migrate(ours.state.settings)
        async with ours.router.lifespan_context(ours):
            await compare(ours, bare_app(), rounds, requests)


async def compare(ours: FastAPI, bare: FastAPI, rounds: int, requests: int) -> None:
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
