"""Throughput and latency over real sockets: our whole stack against bare FastAPI.

Two uvicorn servers (one worker each, uvloop + httptools) serve the same route table and
handlers (bench_apps.py); wrk drives each with 32 connections. Rounds interleave the two
servers (alternating which goes first) and medians are reported, so machine noise hits
both sides alike. The bars are the ones the API promises:

- authenticated, tenant-scoped GET (request id, tenant, token, permission, rate limits,
  envelope) >= 0.75x the bare app's anonymous GET (aim 0.9x);
- our 422 envelope >= 1.1x FastAPI's default 422 on the same model;
- unknown-route 404 >= 0.9x;
- ``GET /v1/users/me`` on SQLite (token, tenant, rate limits, one transaction reading the
  user) >= 0.75x the bare app answering ``/bench/me`` with the same queries;
- p99 <= 2.5x p50 at 32 connections, zero socket errors, no unexpected status.

Run (wrk from apt):

    uv run python bench/http_throughput.py [--rounds 5] [--seconds 4] [--case users-me]

``--shim NAME`` instead compares ours with ours without that shortcut (``bench_apps.SHIMS``)
on the database-backed route, the gain a shim must show to be kept. ``--earlier-callers N``
starts both servers as after a busy day: the in-process rate limiter has counted N other
callers (distinct keys, their windows since expired), as many IPs and emails sign in.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from bench_apps import SHIMS, bench_settings, prepare_database, sign_in_over_http
from load import LoadResult, ServerProcess, run_wrk, server, wrk_path

BAD_MEMBER = json.dumps({"email": "not-an-email", "name": "Ada", "settings": {"max_sessions": "abc"}})


@dataclass
class Case:
    key: str
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
    Case("tenant", "GET authenticated, tenant", "/bench/member", "/bench/tenant-member", 200, 0.75, authenticated=True),
    Case("422", "422 (seed example)", "/bench/members", "/bench/members", 422, 1.1, method="POST", body=BAD_MEMBER),
    Case("404", "404 unknown route", "/bench/nowhere", "/bench/nowhere", 404, 0.9),
    Case("users-me", "GET /v1/users/me (SQLite)", "/bench/me", "/v1/users/me", 200, 0.75, authenticated=True),
]
DATABASE_CASE = "users-me"


def main(
    rounds: int, seconds: float, connections: int, cases: list[Case], shim: str | None, earlier_callers: int
) -> None:
    wrk_path()
    day = {"MENTORA_BENCH_EARLIER_CALLERS": str(earlier_callers)}
    with tempfile.TemporaryDirectory() as data_dir:
        asyncio.run(prepare_database(bench_settings(Path(data_dir))))
        servers: dict[str, ServerProcess] = {}
        try:
            if shim is None:
                servers["bare"] = server("bench_apps:bare_from_env", data_dir)
            else:  # "bare" is ours without the shim: every case below is authenticated on both sides
                without_shim = {"MENTORA_BENCH_SHIMS_OFF": shim, **day}
                servers["bare"] = server("bench_apps:mentora_from_env", data_dir, without_shim)
            servers["mentora"] = server("bench_apps:mentora_from_env", data_dir, day)
            headers = asyncio.run(sign_in_over_http(servers["mentora"].base_url))
            measure(servers, headers, rounds, seconds, connections, cases, both_signed_in=shim is not None)
        finally:
            for started in servers.values():
                started.stop()
    if earlier_callers:
        print(f"both servers started with {earlier_callers} earlier callers in the rate limiter's memory")
    report(rounds, seconds, connections, cases, shim)


def measure(
    servers: dict[str, ServerProcess],
    headers: dict[str, str],
    rounds: int,
    seconds: float,
    connections: int,
    cases: list[Case],
    *,
    both_signed_in: bool = False,
) -> None:
    def drive(case: Case, side: str, duration: float) -> LoadResult:
        ours = side == "mentora" or both_signed_in
        return run_wrk(
            servers[side].base_url + (case.our_path if ours else case.bare_path),
            seconds=duration,
            connections=connections,
            method=case.method,
            body=case.body,
            headers=headers if ours and case.authenticated else None,
            expect_status=case.status,
        )

    for case in cases:  # warm both servers up on every path
        for side in servers:
            drive(case, side, 1)
    for round_number in range(rounds):
        sides = ["bare", "mentora"] if round_number % 2 == 0 else ["mentora", "bare"]
        for case in cases:
            for side in sides:
                case.results[side].append(drive(case, side, seconds))


def report(rounds: int, seconds: float, connections: int, cases: list[Case], shim: str | None) -> None:
    if shim is not None:
        print(f"ours with {shim} against ours without it: {rounds} interleaved rounds x {seconds:g} s; medians\n")
        for case in cases:
            without = statistics.median(r.requests_per_second for r in case.results["bare"])
            with_shim = statistics.median(r.requests_per_second for r in case.results["mentora"])
            rounds_text = " ".join(
                f"{a.requests_per_second / b.requests_per_second:.2f}"
                for a, b in zip(case.results["mentora"], case.results["bare"], strict=True)
            )
            print(
                f"{case.name:27} without {without:7.0f} req/s, with {with_shim:7.0f} req/s: "
                f"gain {with_shim / without - 1:+.1%} (per-round ratios {rounds_text})"
            )
        return
    print(f"{rounds} interleaved rounds x {seconds:g} s per case and server, {connections} connections; medians\n")
    print(f"{'case':27} {'bare req/s':>11} {'mentora req/s':>14} {'ratio':>7} {'bar':>6}  p50 ms  p99 ms  p99/p50")
    problems = []
    for case in cases:
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
    parser.add_argument("--case", action="append", choices=[case.key for case in CASES], help="only these cases")
    parser.add_argument("--shim", choices=list(SHIMS), help="ours with and without this shim, on the database route")
    parser.add_argument("--earlier-callers", type=int, default=0, help="distinct callers counted before the run")
    arguments = parser.parse_args()
    keys = arguments.case or ([DATABASE_CASE] if arguments.shim else [case.key for case in CASES])
    chosen = [case for case in CASES if case.key in keys]
    main(arguments.rounds, arguments.seconds, arguments.connections, chosen, arguments.shim, arguments.earlier_callers)
