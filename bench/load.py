"""Real servers and real load: uvicorn (uvloop, httptools) processes driven by wrk.

Servers are the suite's own (``tests.support.server.ServerProcess``). wrk is a Debian
package (``apt-get install wrk``); the HTTP benchmarks stop with a clear message without it.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(REPO))
from tests.support.server import ServerProcess  # noqa: E402 - the suite's server, from the checkout


def server(factory: str, data_dir: str, env: Mapping[str, str] | None = None, *, workers: int = 1) -> ServerProcess:
    """A started uvicorn on ``factory`` (from bench/ or the package), logging into ``data_dir``."""
    started = ServerProcess(
        {"MENTORA_DATA_DIR": data_dir, "PYTHONPATH": str(BENCH), **(env or {})}, workers=workers, factory=factory
    )
    started.wait_ready(60.0)
    return started


@dataclass(frozen=True)
class LoadResult:
    requests_per_second: float
    p50_ms: float
    p99_ms: float
    socket_errors: int
    unexpected_statuses: int


_UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def _latency_ms(output: str, percentile: str) -> float:
    found = re.search(rf"^\s+{percentile}%\s+([\d.]+)(us|ms|s)\s*$", output, re.MULTILINE)
    if found is None:
        raise ValueError(f"no {percentile}% latency in wrk output:\n{output}")
    return float(found.group(1)) * _UNITS_MS[found.group(2)]


def wrk_path() -> str:
    found = shutil.which("wrk")
    if found is None:
        sys.exit("wrk is not installed: apt-get install wrk")
    return found


def run_wrk(
    url: str,
    *,
    seconds: float,
    connections: int = 32,
    threads: int = 1,
    method: str = "GET",
    body: str = "",
    headers: Mapping[str, str] | None = None,
    expect_status: int = 200,
) -> LoadResult:
    """Drive ``url`` for ``seconds``; every response must carry ``expect_status``.

    A Lua script counts any other status (wrk itself only tells 2xx/3xx from the rest)."""
    all_headers = {**(headers or {}), **({"Content-Type": "application/json"} if body else {})}
    script = "\n".join(
        [
            f"wrk.method = {_lua_string(method)}",
            f"wrk.body = {_lua_string(body)}",
            *(f"wrk.headers[{_lua_string(k)}] = {_lua_string(v)}" for k, v in all_headers.items()),
            "local unexpected = 0",
            f"function response(status) if status ~= {expect_status} then unexpected = unexpected + 1 end end",
            'function done() io.write(string.format("unexpected statuses: %d\\n", unexpected)) end',
        ]
    )
    with tempfile.NamedTemporaryFile("w", suffix=".lua") as lua:
        lua.write(script)
        lua.flush()
        command = [
            wrk_path(), f"-t{threads}", f"-c{connections}", f"-d{max(1, round(seconds))}s",
            "--latency", "-s", lua.name, url,
        ]  # fmt: skip
        output = subprocess.run(command, check=True, capture_output=True, text=True, timeout=seconds + 60).stdout
    rate = re.search(r"Requests/sec:\s+([\d.]+)", output)
    if rate is None:
        raise ValueError(f"no throughput in wrk output:\n{output}")
    errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    unexpected = re.search(r"unexpected statuses: (\d+)", output)
    return LoadResult(
        requests_per_second=float(rate.group(1)),
        p50_ms=_latency_ms(output, "50"),
        p99_ms=_latency_ms(output, "99"),
        socket_errors=sum(int(n) for n in errors.groups()) if errors else 0,
        unexpected_statuses=int(unexpected.group(1)) if unexpected else 0,
    )


def _lua_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'
