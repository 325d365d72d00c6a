"""Operator metrics in the Prometheus format (prometheus-client).

What is counted, and where:

- requests, by route template (never the raw path, so the label set stays bounded),
  method, status and error ``code``, with a latency histogram: ``MetricsMiddleware``,
  outside every other layer, so refusals before routing and last-resort answers count;
- AI and LMS calls by outcome and reason, their duration, and a stream's time to its
  first byte: ``platform.outbound.client`` calls ``record_outbound_call`` and
  ``observe_first_byte``;
- the job queue (by state, and the age of the oldest job ready to run) and the database
  pools (connections in use and idle, per engine): read when scraped, not per request.

Several worker processes (``mentora serve --workers N``) write to one folder
(prometheus-client's multiprocess mode, ``PROMETHEUS_MULTIPROC_DIR``): the command makes
a fresh one per start, before any worker exists, and removes it at exit. A scrape of any
worker, or of the metrics port, adds up every worker's figures. A worker's pool figures
are live gauges: dropped when it stops (``forget_this_process``), or at the next scrape
if it was killed.
"""

from __future__ import annotations

import asyncio
import contextlib
import glob
import ipaddress
import logging
import os
import re
import shutil
import signal
import tempfile
import threading
import time
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import TimeoutError as FutureTimeoutError
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest, start_http_server
from prometheus_client import values as prometheus_values
from prometheus_client.exposition import CONTENT_TYPE_PLAIN_0_0_4
from prometheus_client.metrics_core import GaugeMetricFamily, Metric
from prometheus_client.multiprocess import MultiProcessCollector, mark_process_dead
from prometheus_client.registry import Collector
from sqlalchemy import func, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import QueuePool
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from mentora.config import Settings
from mentora.contract import CATALOG, NotFoundError, response_for
from mentora.platform.db import Database
from mentora.platform.db.types import utcnow
from mentora.platform.jobs.models import Job, JobStatus

logger = logging.getLogger("mentora.metrics")

METRICS_PATH = "/metrics"
MULTIPROC_ENV = "PROMETHEUS_MULTIPROC_DIR"
FOLDER_PREFIX = "mentora-metrics-"  # then the pid of the server that made it
UNMATCHED = "(unmatched)"  # no route matched: unknown paths, and the web app's pages and files
# How long a scrape waits for the job queue's figures; without them the rest is still served.
QUEUE_READ_SECONDS = 5.0
# How often each worker writes its pool figures for the others' scrapes (multiprocess mode).
POOL_SAMPLE_SECONDS = 5.0

# Every metric is labelled: values are then made on first use, after ``use_multiprocess_dir``.
REGISTRY = CollectorRegistry(auto_describe=True)
HTTP_REQUESTS = Counter(
    "mentora_http_requests",
    "Requests answered, by route template, method, status and error code ('' on success)",
    ["route", "method", "status", "code"],
    registry=REGISTRY,
)
HTTP_DURATION = Histogram(
    "mentora_http_request_duration_seconds",
    "Time to answer a request (a stream: until its end), by route template and method",
    ["route", "method"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0),
    registry=REGISTRY,
)
OUTBOUND_CALLS = Counter(
    "mentora_outbound_calls",
    "Calls to an AI provider or LMS, by service, outcome (ok, error, cancelled) and failure reason",
    ["service", "outcome", "reason"],
    registry=REGISTRY,
)
OUTBOUND_DURATION = Histogram(
    "mentora_outbound_call_duration_seconds",
    "Time of a whole call to an AI provider or LMS (retries and a stream's reading included)",
    ["service", "outcome"],
    buckets=(0.05, 0.1, 0.25, 0.5, 1.0, 2.0, 4.0, 8.0, 16.0, 32.0, 64.0, 128.0),
    registry=REGISTRY,
)
OUTBOUND_FIRST_BYTE = Histogram(
    "mentora_outbound_first_byte_seconds",
    "Time from the start of a streamed call to its first byte of answer (an AI's first token)",
    ["service"],
    buckets=(0.05, 0.1, 0.25, 0.5, 1.0, 1.5, 2.0, 3.0, 5.0, 8.0, 13.0, 21.0, 34.0),
    registry=REGISTRY,
)
DB_POOL_CONNECTIONS = Gauge(
    "mentora_db_pool_connections",
    "Pooled database connections by engine (primary; read: SQLite's readers) and state (in_use, idle)",
    ["engine", "state"],
    multiprocess_mode="livesum",
    registry=REGISTRY,
)
DB_POOL_SIZE = Gauge(
    "mentora_db_pool_size",
    "Connections a pool keeps (overflow may add more for a while), by engine",
    ["engine"],
    multiprocess_mode="livesum",
    registry=REGISTRY,
)

_METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
# A status the catalog gives one code names it; where two codes share one (401, 500) the
# body says which, and its first ``"code":"`` is the envelope's (the message before it is
# JSON-escaped, so it cannot hold those characters unescaped).
_CODES_BY_STATUS: dict[int, list[str]] = {}
for _entry in CATALOG:
    _CODES_BY_STATUS.setdefault(_entry.status, []).append(_entry.code.value)
_CODE_OF_STATUS = {status: codes[0] for status, codes in _CODES_BY_STATUS.items() if len(codes) == 1}
_DEFAULT_CODE_OF_STATUS = {
    status: ("INTERNAL_ERROR" if status == 500 else codes[0])
    for status, codes in _CODES_BY_STATUS.items()
    if len(codes) > 1
}
_CODE_IN_BODY = re.compile(rb'"code":"([A-Z_]{1,40})"')
_KNOWN_CODES = frozenset(entry.code.value for entry in CATALOG)
_SEEN_KEY = "mentora.metrics"


def multiprocess_dir() -> str | None:
    return os.environ.get(MULTIPROC_ENV) or None


def use_multiprocess_dir(folder: str) -> None:
    """Record into ``folder`` from now on, in this process and the workers it starts.
    prometheus-client reads the variable when it is imported, which the command has done
    by now; values made later (every metric here is labelled) follow the new choice."""
    os.environ[MULTIPROC_ENV] = folder
    prometheus_values.ValueClass = prometheus_values.get_value_class()  # type: ignore[no-untyped-call]


def forget_this_process() -> None:
    """A worker that stops drops its live gauges (its pool); its counts stay in the totals."""
    folder = multiprocess_dir()
    if folder is not None:
        mark_process_dead(os.getpid(), folder)  # type: ignore[no-untyped-call]


# Requests


@dataclass(slots=True)
class _Seen:
    route: Any = None


class RouteCapture:
    """Just inside the request context (so its answers carry X-Request-ID): answers
    ``GET /metrics`` (when served on this port) before CORS, rate limits, tenants or tokens
    are looked at, and hands the matched route out to ``MetricsMiddleware``, also when an
    inner layer works on a copy of the scope (a HEAD request's)."""

    def __init__(self, app: ASGIApp, *, exposition: Exposition | None) -> None:
        self.app = app
        self.exposition = exposition

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if self.exposition is not None and _is_scrape(scope):
            await self.exposition.answer(scope, send)
            return
        try:
            await self.app(scope, receive, send)
        finally:
            seen = scope.get(_SEEN_KEY)
            if seen is not None:
                seen.route = scope.get("route")


def _is_scrape(scope: Scope) -> bool:
    return scope["type"] == "http" and scope["path"] == METRICS_PATH and scope["method"] in ("GET", "HEAD")


class MetricsMiddleware:
    """Outside every other layer: counts each request (scrapes of this port's ``/metrics``
    excepted)."""

    def __init__(self, app: ASGIApp, *, scraped_here: bool) -> None:
        self.app = app
        self.scraped_here = scraped_here
        self._requests: dict[tuple[str, str, int, str], Any] = {}
        self._durations: dict[tuple[str, str], Any] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if self.scraped_here and _is_scrape(scope):
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        seen = _Seen()
        scope[_SEEN_KEY] = seen
        status = 0
        code = ""
        peek = False

        async def send_counted(message: Message) -> None:
            nonlocal status, code, peek
            if message["type"] == "http.response.start":
                status = message["status"]
                code = _CODE_OF_STATUS.get(status, "")
                if not code and status in _DEFAULT_CODE_OF_STATUS:
                    code, peek = _DEFAULT_CODE_OF_STATUS[status], True
            elif peek:
                peek = False
                found = _CODE_IN_BODY.search(message.get("body", b""))
                if found is not None and found[1].decode() in _KNOWN_CODES:
                    code = found[1].decode()
            await send(message)

        try:
            await self.app(scope, receive, send_counted)
        except BaseException:
            if not status:  # the server answers 500 for us
                status, code = 500, "INTERNAL_ERROR"
            raise
        finally:
            self._record(scope, seen, status, code, time.perf_counter() - started)

    def _record(self, scope: Scope, seen: _Seen, status: int, code: str, seconds: float) -> None:
        route = getattr(seen.route, "path", None) or UNMATCHED
        method = scope["method"]
        if method not in _METHODS:
            method = "other"  # clients choose methods: only known ones may become labels
        key = (route, method, status, code)
        counter = self._requests.get(key)
        if counter is None:
            counter = self._requests[key] = HTTP_REQUESTS.labels(route, method, str(status), code)
        counter.inc()
        histogram = self._durations.get(key[:2])
        if histogram is None:
            histogram = self._durations[key[:2]] = HTTP_DURATION.labels(route, method)
        histogram.observe(seconds)


# Outbound calls


def record_outbound_call(service: str, outcome: str, reason: str, seconds: float) -> None:
    OUTBOUND_CALLS.labels(service, outcome, reason).inc()
    OUTBOUND_DURATION.labels(service, outcome).observe(seconds)


def observe_first_byte(service: str, seconds: float) -> None:
    OUTBOUND_FIRST_BYTE.labels(service).observe(seconds)


# Read when scraped: the database pools and the job queue


def sample_pools(database: Database) -> None:
    for name, engine in database.pools.items():
        pool = engine.pool
        if isinstance(pool, QueuePool):
            DB_POOL_CONNECTIONS.labels(name, "in_use").set(pool.checkedout())
            DB_POOL_CONNECTIONS.labels(name, "idle").set(pool.checkedin())
            DB_POOL_SIZE.labels(name).set(pool.size())


async def sample_pools_forever(database: Database, stop: asyncio.Event) -> None:
    """Each worker's pool figures, written for the scrapes other processes answer."""
    while not stop.is_set():
        sample_pools(database)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), POOL_SAMPLE_SECONDS)


async def queue_families(database: Database) -> list[Metric]:
    """Jobs by state (ready to run, scheduled for a retry, running, dead) and how long the
    oldest ready one has waited: one grouped count on the (status, run_at) index."""
    now = utcnow()
    ready = (Job.status == JobStatus.QUEUED) & (Job.run_at <= now)
    active = (JobStatus.QUEUED, JobStatus.RUNNING, JobStatus.DEAD)
    async with database.reading() as session:
        rows = (
            await session.execute(
                select(Job.status, ready.label("ready"), func.count(), func.min(Job.run_at))
                .where(Job.status.in_(active))
                .group_by(Job.status, ready)
            )
        ).all()
    counts = {"ready": 0, "scheduled": 0, "running": 0, "dead": 0}
    oldest: datetime | None = None
    for status, is_ready, count, earliest in rows:
        if status == JobStatus.QUEUED:
            counts["ready" if is_ready else "scheduled"] += count
            if is_ready:
                oldest = earliest
        else:
            counts[str(status)] += count
    jobs = GaugeMetricFamily("mentora_jobs", "Background jobs by state", labels=["state"])
    for state, count in counts.items():
        jobs.add_metric([state], count)
    age = GaugeMetricFamily(
        "mentora_jobs_oldest_ready_age_seconds", "How long the oldest job ready to run has waited (0: none waits)"
    )
    age.add_metric([], max(0.0, (now - oldest).total_seconds()) if oldest is not None else 0.0)
    return [jobs, age]


async def _queue_families_or_none(database: Database) -> list[Metric]:
    try:
        async with asyncio.timeout(QUEUE_READ_SECONDS):
            return await queue_families(database)
    except (SQLAlchemyError, TimeoutError, OSError) as exc:
        logger.warning("job queue figures unavailable: %s", type(exc).__name__)
        return []


# Exposition


class _Families(Collector):
    def __init__(self, families: Iterable[Metric]) -> None:
        self._families = list(families)

    def collect(self) -> Iterable[Metric]:
        return self._families


_PID = re.compile(r"_(\d+)\.db$")


def _forget_dead_processes(folder: str) -> None:
    """Live gauges of workers that were killed (no shutdown ran to drop them)."""
    files = glob.glob(os.path.join(folder, "gauge_live*_*.db"))
    pids = {int(found[1]) for path in files if (found := _PID.search(path))}
    for pid in pids:
        if not _alive(pid):
            mark_process_dead(pid, folder)  # type: ignore[no-untyped-call]


def render(extra: Sequence[Metric] = ()) -> bytes:
    """Every recorded metric (all workers' in multiprocess mode) and ``extra``, as text."""
    registry = CollectorRegistry(auto_describe=False)
    registry.register(_Families([*_collect_recorded(), *extra]))
    return generate_latest(registry)


class Exposition:
    """``GET /metrics`` on the main port, to clients in ``metrics_allow`` only. A request
    that came through a proxy we were not told to trust is refused: behind it, anyone."""

    def __init__(self, database: Database, settings: Settings) -> None:
        self.database = database
        self.allow = [ipaddress.ip_network(entry, strict=False) for entry in settings.metrics_allow]
        self.proxies_trusted = bool(settings.trusted_proxies)

    def allows(self, scope: Scope) -> bool:
        client = scope.get("client")
        if not client:
            return False
        if not self.proxies_trusted and any(name in (b"x-forwarded-for", b"forwarded") for name, _ in scope["headers"]):
            return False
        try:
            address = ipaddress.ip_address(client[0])
        except ValueError:
            return False
        return any(address in network for network in self.allow)

    async def answer(self, scope: Scope, send: Send) -> None:
        if not self.allows(scope):
            # As if there were nothing here: the contract's NOT_FOUND.
            await response_for(NotFoundError())(scope, _no_body, send)
            return
        extra = await _queue_families_or_none(self.database)
        sample_pools(self.database)
        body = await asyncio.to_thread(render, extra)
        headers = [
            (b"content-type", CONTENT_TYPE_PLAIN_0_0_4.encode()),
            (b"content-length", str(len(body)).encode()),
            (b"cache-control", b"no-store"),
        ]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": b"" if scope["method"] == "HEAD" else body})


async def _no_body() -> Message:
    return {"type": "http.request", "body": b"", "more_body": False}


# A port of its own


class _ScrapeCollector(Collector):
    """What a scrape of the metrics port answers: the job queue, read on the event loop
    ``loop`` runs, and every recorded metric."""

    def __init__(self, database: Database, loop: asyncio.AbstractEventLoop, *, own_pools: bool) -> None:
        self.database = database
        self.loop = loop
        self.own_pools = own_pools

    def collect(self) -> Iterable[Metric]:
        future = asyncio.run_coroutine_threadsafe(_queue_families_or_none(self.database), self.loop)
        try:
            extra = future.result(QUEUE_READ_SECONDS + 1)
        except FutureTimeoutError:
            future.cancel()
            extra = []
        if self.own_pools:
            sample_pools(self.database)
        return [*_collect_recorded(), *extra]


def _collect_recorded() -> list[Metric]:
    folder = multiprocess_dir()
    if folder is not None:
        _forget_dead_processes(folder)
        return list(MultiProcessCollector(None, folder).collect())  # type: ignore[no-untyped-call]
    return list(REGISTRY.collect())


class MetricsPort:
    """``/metrics`` on ``metrics_port``, served by a thread: by the process that starts
    the workers (``mentora serve``), or by a ``mentora worker``."""

    def __init__(self, settings: Settings, database: Database, loop: asyncio.AbstractEventLoop, *, own_pools: bool):
        assert settings.metrics_port is not None
        registry = CollectorRegistry(auto_describe=False)
        registry.register(_ScrapeCollector(database, loop, own_pools=own_pools))
        self._server, self._thread = start_http_server(
            settings.metrics_port, addr=settings.metrics_host or settings.host, registry=registry
        )
        logger.info("metrics served on port %d", settings.metrics_port)

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)


class _TerminatedError(BaseException):
    """SIGTERM, once the server has shut down: the folder is removed before the process ends."""


def _terminated(signum: int, frame: object) -> None:
    raise _TerminatedError


@contextlib.contextmanager
def metrics_for_workers(settings: Settings) -> Iterator[None]:
    """Around ``mentora serve``: a fresh folder the workers record into, and the metrics
    port with the job queue read on an event loop of its own."""
    _remove_orphaned_folders()
    folder = tempfile.mkdtemp(prefix=f"{FOLDER_PREFIX}{os.getpid()}-")
    use_multiprocess_dir(folder)
    # A single-worker server re-raises the SIGTERM it handled once it has stopped: catch it
    # here, remove the folder, then end as it would have.
    previous = signal.signal(signal.SIGTERM, _terminated) if _in_main_thread() else None
    terminated = False
    loop: asyncio.AbstractEventLoop | None = None
    database: Database | None = None
    port: MetricsPort | None = None
    try:
        if settings.metrics_port is not None:
            loop = asyncio.new_event_loop()
            threading.Thread(target=loop.run_forever, name="metrics-queries", daemon=True).start()
            database = Database.from_settings(settings)
            port = MetricsPort(settings, database, loop, own_pools=False)
        yield
    except _TerminatedError:
        terminated = True
    finally:
        if port is not None:
            port.close()
        if loop is not None:
            if database is not None:
                asyncio.run_coroutine_threadsafe(database.dispose(), loop).result(5)
            loop.call_soon_threadsafe(loop.stop)
        shutil.rmtree(folder, ignore_errors=True)
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)
    if terminated:
        signal.raise_signal(signal.SIGTERM)


def _in_main_thread() -> bool:
    return threading.current_thread() is threading.main_thread()


def _remove_orphaned_folders() -> None:
    """Folders of earlier servers that were killed before they could remove their own."""
    for path in glob.glob(os.path.join(tempfile.gettempdir(), f"{FOLDER_PREFIX}*-*")):
        owner = os.path.basename(path)[len(FOLDER_PREFIX) :].split("-", 1)[0]
        if owner.isdigit() and not _alive(int(owner)):
            shutil.rmtree(path, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, someone else's
        return True
    return True
