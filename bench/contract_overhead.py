"""What the platform costs per request, in-process (no sockets), against bare FastAPI.

Both apps have the same route table and serve the same typed handlers (bench_apps.py).
The authenticated case runs ours through the whole stack (tenant, token, permission,
rate limits counted in memory) and compares it with the bare app's anonymous GET. Rounds
alternate between the apps and the median round is reported, so machine noise hits both
sides alike. Run:

    uv run python bench/contract_overhead.py [--rounds 15] [--requests 2000]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import tempfile
from pathlib import Path
from typing import Any

import httpx
from fastapi import FastAPI

from asgi_calls import per_request_us, request
from bench_apps import bare_app, bench_settings, mentora_app, prepare_database, sign_in

BAD_MEMBER = {"email": "not-an-email", "name": "Ada", "settings": {"max_sessions": "abc"}}


def cases(signed_in: dict[str, str]) -> dict[str, tuple[Any, Any, int]]:
    """name -> (bare request, our request, expected status)."""
    get_member = request("GET", "/bench/member")
    valid = request("POST", "/bench/members", json.dumps({"email": "ada@example.com", "name": "Ada"}).encode())
    invalid = request("POST", "/bench/members", json.dumps(BAD_MEMBER).encode())
    unknown = request("GET", "/bench/nowhere")
    return {
        "GET success (anonymous)": (get_member, get_member, 200),
        "GET authenticated, tenant": (get_member, request("GET", "/bench/tenant-member", headers=signed_in), 200),
        "POST validated success": (valid, valid, 200),
        "422 (seed example)": (invalid, invalid, 422),
        "404 unknown route": (unknown, unknown, 404),
    }


async def main(rounds: int, requests: int) -> None:
    with tempfile.TemporaryDirectory() as data_dir:
        settings = bench_settings(Path(data_dir))
        await prepare_database(settings)
        ours = mentora_app(settings)
        async with ours.router.lifespan_context(ours):
            transport = httpx.ASGITransport(app=ours)
            async with httpx.AsyncClient(transport=transport, base_url="http://bench") as client:
                signed_in = await sign_in(client)
            await compare(ours, bare_app(), cases(signed_in), rounds, requests)


async def compare(ours: FastAPI, bare: FastAPI, table: dict[str, Any], rounds: int, requests: int) -> None:
    print(f"{rounds} interleaved rounds x {requests} requests per case; median round, microseconds per request\n")
    print(f"{'case':26} {'bare FastAPI':>13} {'mentora':>9} {'diff':>8} {'speed ratio':>12}")
    for name, ((bare_scope, bare_body), (our_scope, our_body), status) in table.items():
        bare_times, our_times = [], []
        for _ in range(rounds):
            bare_times.append(await per_request_us(bare, bare_scope, bare_body, requests, status))
            our_times.append(await per_request_us(ours, our_scope, our_body, requests, status))
        bare_us, our_us = statistics.median(bare_times), statistics.median(our_times)
        print(f"{name:26} {bare_us:13.1f} {our_us:9.1f} {our_us - bare_us:+8.1f} {bare_us / our_us:11.2f}x")
    print("\nspeed ratio = bare time / mentora time (above 1.00x: mentora is faster)")
    print("the authenticated case compares our whole stack with the bare app's anonymous GET")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--requests", type=int, default=2000)
    arguments = parser.parse_args()
    asyncio.run(main(arguments.rounds, arguments.requests))
