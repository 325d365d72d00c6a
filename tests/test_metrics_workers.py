"""Metrics of a real ``mentora serve --workers N``: every scrape adds up all workers' figures,
the metrics port serves them apart from the API, a killed worker's live figures go, and
spans reach an OTLP endpoint when one is set."""

from __future__ import annotations

import asyncio
import importlib.util
import json
import os
import re
import signal
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from tests.conftest import require_service
from tests.support.loopback import LoopbackServer
from tests.support.postgres import free_port
from tests.support.server import ServerProcess

pytestmark = [pytest.mark.slow, pytest.mark.exclusive]

ROUTE = "/v1/meta/error-codes"


def total(text: str, name: str, labels: dict[str, str]) -> float:
    """The sum of the samples of ``name`` that carry ``labels``."""
    return sum(
        found.value
        for family in text_string_to_metric_families(text)
        for found in family.samples
        if found.name == name and all(found.labels.get(key) == value for key, value in labels.items())
    )


async def fire(base_url: str, count: int) -> None:
    """``count`` requests, each on a connection of its own, so the kernel spreads them over workers."""

    async def one() -> None:
        async with httpx.AsyncClient(base_url=base_url, timeout=20) as http:
            assert (await http.get(ROUTE)).status_code == 200

    await asyncio.gather(*(one() for _ in range(count)))


def serving_pids(server: ServerProcess) -> set[int]:
    return {json.loads(line)["pid"] for line in server.log().splitlines() if f'"GET {ROUTE} 200"' in line}


def started_workers(server: ServerProcess) -> list[int]:
    return [int(pid) for pid in re.findall(r"Started server process \[(\d+)\]", server.log())]


async def test_every_scrape_counts_every_workers_requests(tmp_path: Path) -> None:
    temp = tmp_path / "tmp"
    temp.mkdir()
    # What a server killed before it could clean up leaves behind: its pid is no one's now.
    gone = await asyncio.create_subprocess_exec(sys.executable, "-c", "pass")
    await gone.wait()
    orphan = temp / f"mentora-metrics-{gone.pid}-x1y2"
    orphan.mkdir()
    server = ServerProcess({"MENTORA_DATA_DIR": str(tmp_path / "data"), "TMPDIR": str(temp)}, workers=3)
    try:
        server.wait_ready(timeout=90)
        await asyncio.sleep(1.0)  # every worker up, not only the first
        folders = list(temp.glob("mentora-metrics-*"))
        counted: list[float] = []
        fired = 0
        # Which worker takes a connection is the kernel's choice: go on until two have answered.
        for _ in range(5):
            await fire(server.base_url, 30)
            fired += 30
            if len(serving_pids(server)) >= 2:
                break
        for _ in range(6):  # each scrape on a new connection, answered by whichever worker
            async with httpx.AsyncClient(base_url=server.base_url, timeout=20) as http:
                response = await http.get("/metrics")
            assert response.status_code == 200
            labels = {"route": ROUTE, "method": "GET", "status": "200", "code": ""}
            counted.append(total(response.text, "mentora_http_requests_total", labels))
        pids = serving_pids(server)
    finally:
        server.stop()
    assert len(pids) >= 2, pids
    assert counted == [fired] * 6  # no scrape saw one worker's share only
    # One fresh folder for this start (the orphan removed), itself removed when the server stopped.
    assert len(folders) == 1
    assert folders[0] != orphan
    assert not folders[0].exists()


async def test_the_metrics_port_serves_them_apart_and_forgets_killed_workers(tmp_path: Path) -> None:
    metrics_port = free_port()
    server = ServerProcess({"MENTORA_DATA_DIR": str(tmp_path), "MENTORA_METRICS_PORT": str(metrics_port)}, workers=2)
    metrics_url = f"http://127.0.0.1:{metrics_port}/metrics"
    pool_sizes: list[float] = []

    def primary_pool_size() -> float:
        text = httpx.get(metrics_url, timeout=20).text
        assert "mentora_jobs{" in text  # the queue, read by the process serving the port
        size = total(text, "mentora_db_pool_size", {"engine": "primary"})
        pool_sizes.append(size)
        return size

    def wait_for(condition: str, check: Callable[[], bool]) -> None:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if check():
                return
            time.sleep(0.2)
        raise TimeoutError(f"{condition}; pool sizes seen: {pool_sizes}\n{server.log()}")

    try:
        server.wait_ready(timeout=90)
        async with httpx.AsyncClient(base_url=server.base_url) as http:
            main_port = await http.get("/metrics")
        # Each worker has one SQLite writer connection: two workers, two.
        wait_for("both workers' pools", lambda: primary_pool_size() == 2)
        first = started_workers(server)
        os.kill(first[0], signal.SIGKILL)
        wait_for("a new worker", lambda: len(started_workers(server)) == 3)
        server.wait_ready(timeout=60)
        # The new worker's pool is counted, the killed one's no longer is.
        wait_for("the new worker's pool", lambda: primary_pool_size() == 2 and len(pool_sizes) > 1)
        for _ in range(5):
            primary_pool_size()
    finally:
        server.stop()
    assert main_port.status_code == 404
    assert main_port.json()["code"] == "NOT_FOUND"
    assert max(pool_sizes) == 2, pool_sizes  # never the dead worker's share on top


class _Collector(LoopbackServer):
    """An OTLP/HTTP endpoint that keeps what it is sent."""

    def __init__(self) -> None:
        self.bodies: list[bytes] = []
        self.statement_seen = threading.Event()
        super().__init__([Route("/v1/traces", self._traces, methods=["POST"])])

    async def _traces(self, request: Request) -> Response:
        body = await request.body()
        self.bodies.append(body)
        if b"FROM tenants" in body:
            self.statement_seen.set()
        return Response(b"", media_type="application/x-protobuf")


async def test_spans_reach_the_otlp_endpoint(tmp_path: Path) -> None:
    if importlib.util.find_spec("opentelemetry.sdk") is None:
        require_service("the tracing extra is not installed (uv sync --extra tracing)")
    collector = _Collector()
    collector.start()
    temp = tmp_path / "tmp"
    temp.mkdir()
    server = ServerProcess(
        {
            "MENTORA_DATA_DIR": str(tmp_path),
            "TMPDIR": str(temp),
            "OTEL_EXPORTER_OTLP_ENDPOINT": f"http://127.0.0.1:{collector.port}",
            "OTEL_BSP_SCHEDULE_DELAY": "100",
        }
    )
    try:
        server.wait_ready(timeout=90)
        async with httpx.AsyncClient(base_url=server.base_url) as http:
            # Looked up in the database, and not found: TENANT_ERROR.
            assert (await http.get("/v1/institution", params={"slug": "nowhere"})).status_code == 400
        await asyncio.to_thread(collector.statement_seen.wait, 30)
    finally:
        server.stop()
        collector.stop()
    # One worker, stopped by SIGTERM: its metrics folder went with it.
    assert not list(temp.glob("mentora-metrics-*"))
    sent = b"".join(collector.bodies)
    assert b"/v1/institution" in sent  # the request's span, named by its route
    assert b"FROM tenants" in sent  # the database's, inside it
