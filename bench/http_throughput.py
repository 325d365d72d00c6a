"""Throughput and latency over real sockets: our whole stack against bare FastAPI.

Two uvicorn servers (one worker each, uvloop + httptools) serve the same route table and
handlers (bench_apps.py); wrk drives each with 32 connections. Rounds interleave the two
servers (alternating which goes first) and medians are reported, so machine noise hits
both sides alike. The bars are the ones the API promises:

- authenticated, tenant-scoped GET (request id, tenant, token, permission, rate limits,
  envelope) >= 0.75x the bare app's anonymous GET (aim 0.9x);
- our 422 envelope >= 1.1x FastAPI's default 422 on the same model;
- unknown-route 404 >= 0.9x;
- p99 <= 2.5x p50 at 32 connections, zero socket errors, no unexpected status.

Run (wrk from apt):

    uv run python bench/http_throughput.py [--rounds 5] [--seconds 4]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from bench_apps import bench_settings, prepare_database, sign_in_over_http
from load import LoadResult, ServerProcess, run_wrk, server, wrk_path

BAD_MEMBER = json.dumps({"email": "not-an-email", "name": "Ada", "settings": {"max_sessions": "abc"}})


@dataclass
class Case:
    name: str
    bare_path: str
    our_path: str
    status: int
    bar: float
    method: str = "GET"
    body: str = ""
    authenticated: bool = False
    results: dict[str, list[LoadResult]] = field(default_factory=lambda: {"bare": [], "mentora": []})


CASES = [
    Case("GET authenticated, tenant", "/bench/member", "/bench/tenant-member", 200, 0.75, authenticated=True),
    Case("422 (seed example)", "/bench/members", "/bench/members", 422, 1.1, method="POST", body=BAD_MEMBER),
    Case("404 unknown route", "/bench/nowhere", "/bench/nowhere", 404, 0.9),
]


def main(rounds: int, seconds: float, connections: int) -> None:
    wrk_path()
    with tempfile.TemporaryDirectory() as data_dir:
        asyncio.run(prepare_database(bench_settings(Path(data_dir))))
        servers: dict[str, ServerProcess] = {}
        try:
            servers["bare"] = server("bench_apps:bare_app", data_dir)
            servers["mentora"] = server("bench_apps:mentora_from_env", data_dir)
            headers = asyncio.run(sign_in_over_http(servers["mentora"].base_url))
            measure(servers, headers, rounds, seconds, connections)
        finally:
            for started in servers.values():
                started.stop()
    report(rounds, seconds, connections)


def measure(
    servers: dict[str, ServerProcess], headers: dict[str, str], rounds: int, seconds: float, connections: int
) -> None:
    def drive(case: Case, side: str, duration: float) -> LoadResult:
        path = case.bare_path if side == "bare" else case.our_path
        return run_wrk(
            servers[side].base_url + path,
            seconds=duration,
            connections=connections,
            method=case.method,
            body=case.body,
            headers=headers if side == "mentora" and case.authenticated else None,
            expect_status=case.status,
        )

    for case in CASES:  # warm both servers up on every path
        for side in servers:
            drive(case, side, 1)
    for round_number in range(rounds):
        sides = ["bare", "mentora"] if round_number % 2 == 0 else ["mentora", "bare"]
        for case in CASES:
            for side in sides:
                case.results[side].append(drive(case, side, seconds))


def report(rounds: int, seconds: float, connections: int) -> None:
    print(f"{rounds} interleaved rounds x {seconds:g} s per case and server, {connections} connections; medians\n")
    print(f"{'case':27} {'bare req/s':>11} {'mentora req/s':>14} {'ratio':>7} {'bar':>6}  p50 ms  p99 ms  p99/p50")
    problems = []
    for case in CASES:
        bare = statistics.median(r.requests_per_second for r in case.results["bare"])
        ours = statistics.median(r.requests_per_second for r in case.results["mentora"])
        p50 = statistics.median(r.p50_ms for r in case.results["mentora"])
        p99 = statistics.median(r.p99_ms for r in case.results["mentora"])
        ratio = ours / bare
        verdict = "ok" if ratio >= case.bar else "BELOW"
        print(
            f"{case.name:27} {bare:11.0f} {ours:14.0f} {ratio:6.2f}x {case.bar:5.2f}x {p50:7.2f} {p99:7.2f} "
            f"{p99 / p50:7.2f}x  {verdict}"
        )
        if p99 > 2.5 * p50:
            problems.append(f"{case.name}: p99 {p99:.2f} ms > 2.5 x p50 {p50:.2f} ms")
        for side, results in case.results.items():
            errors = sum(r.socket_errors for r in results)
            unexpected = sum(r.unexpected_statuses for r in results)
            if errors or unexpected:
                problems.append(f"{case.name} ({side}): {errors} socket errors, {unexpected} unexpected statuses")
    print("\nratio = mentora req/s / bare req/s; the authenticated case is compared with the bare anonymous GET")
    print("\n".join(problems) if problems else "zero socket errors and no unexpected status on either server")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--seconds", type=float, default=4)
    parser.add_argument("--connections", type=int, default=32)
    arguments = parser.parse_args()
    main(arguments.rounds, arguments.seconds, arguments.connections)
