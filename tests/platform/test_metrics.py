"""Operator metrics: what /metrics counts and who may read it, in one process.

The figures are process-wide, so each test compares a scrape after with one before.
Several workers adding up their figures: tests/test_metrics_workers.py.
"""

from __future__ import annotations

import shutil
import sys
import uuid
from collections.abc import AsyncIterator
from datetime import timedelta
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI
from prometheus_client.parser import text_string_to_metric_families
from starlette.types import Receive, Scope, Send

from mentora.app import create_app
from mentora.config import Settings
from mentora.contract import (
    DatabaseError,
    ErrorCode,
    ExternalServiceError,
    InternalError,
    MentoraError,
    TokenExpiredError,
    response_for,
)
from mentora.platform.db import Database
from mentora.platform.db.types import utcnow
from mentora.platform.jobs.models import Job, JobStatus
from mentora.platform.metrics import REGISTRY, MetricsMiddleware
from mentora.platform.outbound.client import OutboundClient
from mentora.platform.tracing import TracingUnavailableError, configure_tracing
from tests.conftest import make_settings
from tests.support.fake_ai import API_KEY, running_fake_ai
from tests.support.identity import Identity

Labels = dict[str, str]


def sample(text: str, name: str, labels: Labels) -> float:
    """The value of one sample in a scrape; 0 when it is absent (nothing counted yet)."""
    for family in text_string_to_metric_families(text):
        for found in family.samples:
            if found.name == name and all(found.labels.get(key) == value for key, value in labels.items()):
                return float(found.value)
    return 0.0


def client_for(app: FastAPI, address: str = "127.0.0.1", **kwargs: object) -> httpx.AsyncClient:
    transport = httpx.ASGITransport(app=app, client=(address, 40000))
    return httpx.AsyncClient(transport=transport, base_url="http://testserver", **kwargs)  # type: ignore[arg-type]


async def scrape(app: FastAPI) -> str:
    async with client_for(app) as http:
        response = await http.get("/metrics")
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/plain; version=0.0.4")
    return response.text


@pytest.fixture
async def started(settings: Settings) -> AsyncIterator[FastAPI]:
    application = create_app(settings)
    async with application.router.lifespan_context(application):
        yield application


async def test_requests_are_counted_by_route_template_method_status_and_code(started: FastAPI) -> None:
    user_id = str(uuid.uuid4())
    templated = {"route": "/v1/console/users/{user_id}", "method": "GET"}
    unauthenticated = {**templated, "status": "401", "code": "AUTHENTICATION_ERROR"}
    unmatched = {"route": "(unmatched)", "method": "GET", "status": "404", "code": "NOT_FOUND"}
    healthy = {"route": "/healthz", "status": "200", "code": ""}
    before = await scrape(started)
    async with client_for(started) as http:
        assert (await http.get(f"/v1/console/users/{user_id}")).status_code == 401
        assert (await http.get(f"/v1/console/users/{uuid.uuid4()}")).status_code == 401
        assert (await http.get(f"/no-such-place/{user_id}")).status_code == 404
        assert (await http.get("/healthz")).status_code == 200
        assert (await http.head("/healthz")).status_code == 200  # a copy of the scope inside: still the route
    after = await scrape(started)

    def counted(labels: Labels) -> float:
        return sample(after, "mentora_http_requests_total", labels) - sample(
            before, "mentora_http_requests_total", labels
        )

    assert counted(unauthenticated) == 2  # one series for both ids: the template, not the path
    assert counted(unmatched) == 1
    assert counted({**healthy, "method": "GET"}) == 1
    assert counted({**healthy, "method": "HEAD"}) == 1
    assert user_id not in after
    timed = sample(after, "mentora_http_request_duration_seconds_count", templated) - sample(
        before, "mentora_http_request_duration_seconds_count", templated
    )
    assert timed == 2


@pytest.mark.parametrize(
    "error", [TokenExpiredError(), DatabaseError(), InternalError()], ids=lambda error: error.code.value
)
async def test_codes_that_share_a_status_are_told_apart(error: MentoraError) -> None:
    """401 and 500 each answer two codes; the count names the one the envelope carries."""

    async def answer(scope: Scope, receive: Receive, send: Send) -> None:
        await response_for(error)(scope, receive, send)

    app = MetricsMiddleware(answer, scraped_here=False)
    path = f"/shared-status/{error.code.value}"
    labels = {"route": "(unmatched)", "method": "POST", "status": str(error.status_code), "code": error.code.value}
    before = REGISTRY.get_sample_value("mentora_http_requests_total", labels) or 0.0
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver") as http:
        response = await http.post(path)
    assert response.json()["code"] == error.code.value
    assert REGISTRY.get_sample_value("mentora_http_requests_total", labels) == before + 1


async def test_metrics_are_not_rate_limited_and_need_no_tenant(tmp_path: Path, sqlite_template: Path) -> None:
    shutil.copy(sqlite_template, tmp_path / "mentora.db")
    app = create_app(make_settings(tmp_path, rate_limit_anonymous="2/minute"))
    async with app.router.lifespan_context(app):
        for _ in range(5):  # no X-Tenant, no token, more often than the anonymous limit allows
            await scrape(app)
        async with client_for(app) as http:
            # The scrapes took nothing from the anonymous allowance.
            statuses = [(await http.get("/v1/meta/error-codes")).status_code for _ in range(3)]
    assert statuses == [200, 200, 429]


@pytest.mark.parametrize(
    ("address", "headers"),
    [
        ("203.0.113.7", {}),  # a public address
        ("127.0.0.1", {"X-Forwarded-For": "203.0.113.7"}),  # through a proxy nobody said to trust
        ("127.0.0.1", {"Forwarded": "for=203.0.113.7"}),
    ],
)
async def test_metrics_are_not_found_from_outside_the_allowed_networks(
    started: FastAPI, address: str, headers: dict[str, str]
) -> None:
    async with client_for(started, address) as http:
        response = await http.get("/metrics", headers=headers)
    assert response.status_code == 404
    assert response.json() == {"success": False, "error": "Resource not found", "code": "NOT_FOUND", "details": {}}


async def test_the_allowed_networks_are_a_setting(tmp_path: Path, sqlite_template: Path) -> None:
    shutil.copy(sqlite_template, tmp_path / "mentora.db")
    app = create_app(make_settings(tmp_path, metrics_allow="203.0.113.0/24"))
    async with app.router.lifespan_context(app), client_for(app, "203.0.113.7") as outside:
        assert (await outside.get("/metrics")).status_code == 200
    async with client_for(app, "127.0.0.1") as local:
        assert (await local.get("/metrics")).status_code == 404  # loopback is no longer in the list


@pytest.mark.parametrize("overrides", [{"metrics_port": 9464}, {"metrics_enabled": False}], ids=["port", "off"])
async def test_metrics_leave_the_main_port(tmp_path: Path, sqlite_template: Path, overrides: dict[str, object]) -> None:
    shutil.copy(sqlite_template, tmp_path / "mentora.db")
    app = create_app(make_settings(tmp_path, **overrides))
    async with app.router.lifespan_context(app), client_for(app) as http:
        response = await http.get("/metrics")
    assert response.status_code == 404
    assert response.json()["code"] == ErrorCode.NOT_FOUND


async def test_metrics_are_not_in_the_openapi_document(started: FastAPI) -> None:
    assert "/metrics" not in started.openapi()["paths"]


async def test_ai_calls_are_counted_by_outcome_and_reason_with_time_to_first_byte(settings: Settings) -> None:
    def value(name: str, labels: Labels) -> float:
        return REGISTRY.get_sample_value(name, labels) or 0.0

    ok = {"service": "ai", "outcome": "ok", "reason": ""}
    rejected = {"service": "ai", "outcome": "error", "reason": "rejected"}
    first_bytes = ("mentora_outbound_first_byte_seconds_count", {"service": "ai"})
    before = (value("mentora_outbound_calls_total", ok), value("mentora_outbound_calls_total", rejected))
    first_bytes_before = value(*first_bytes)
    outbound = OutboundClient("ai", settings)
    body = {"model": "m", "stream": True, "messages": [{"role": "user", "content": "Why?"}]}
    headers = {"Authorization": f"Bearer {API_KEY}"}
    try:
        with running_fake_ai() as provider:
            url = provider.base_url + "/chat/completions"
            async with outbound.stream("POST", url, circuit="t:ai", json=body, headers=headers) as response:
                streamed = b"".join([chunk async for chunk in response.aiter_raw()])
            provider.mode = "401"
            with pytest.raises(ExternalServiceError):
                async with outbound.stream("POST", url, circuit="t:ai", json=body, headers=headers):
                    pass
    finally:
        await outbound.close()
    assert b"[DONE]" in streamed  # read to its end
    after = (value("mentora_outbound_calls_total", ok), value("mentora_outbound_calls_total", rejected))
    assert after == (before[0] + 1, before[1] + 1)
    assert value(*first_bytes) == first_bytes_before + 1  # the failed call never had a first byte
    assert value("mentora_outbound_call_duration_seconds_count", {"service": "ai", "outcome": "error"}) >= 1


async def test_job_queue_and_pools_are_read_when_scraped(db_settings: Settings, db_identity: Identity) -> None:
    now = utcnow()
    database = Database.from_settings(db_settings)
    try:
        async with database.transaction() as session:
            for number, (status, run_at) in enumerate(
                [
                    (JobStatus.QUEUED, now - timedelta(minutes=10)),  # ready, waiting for ten minutes
                    (JobStatus.QUEUED, now - timedelta(minutes=1)),
                    (JobStatus.QUEUED, now + timedelta(hours=1)),  # scheduled for a retry
                    (JobStatus.DEAD, now - timedelta(days=1)),
                    (JobStatus.SUCCEEDED, now - timedelta(days=1)),  # done: not counted
                ]
            ):
                session.add(
                    Job(
                        tenant_id=db_identity.a.id,
                        kind="metrics-test",
                        dedupe_key=str(number),
                        payload={},
                        status=status,
                        max_attempts=3,
                        run_at=run_at,
                    )
                )
    finally:
        await database.dispose()
    app = create_app(db_settings)
    async with app.router.lifespan_context(app):
        text = await scrape(app)
    assert [sample(text, "mentora_jobs", {"state": state}) for state in ("ready", "scheduled", "running", "dead")] == [
        2,
        1,
        0,
        1,
    ]
    assert sample(text, "mentora_jobs_oldest_ready_age_seconds", {}) >= 600
    if db_settings.is_embedded:  # one writer connection, and readers beside it
        assert sample(text, "mentora_db_pool_size", {"engine": "primary"}) == 1
        assert sample(text, "mentora_db_pool_size", {"engine": "read"}) >= 1
    else:  # one engine for both
        assert sample(text, "mentora_db_pool_size", {"engine": "primary"}) == db_settings.db_pool_size
    # The scrape itself read the queue on a pooled connection, given back by now.
    assert sample(text, "mentora_db_pool_connections", {"engine": "primary", "state": "in_use"}) == 0


async def test_tracing_asked_for_without_its_packages_stops_start_up(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("OTEL_EXPORTER_OTLP_ENDPOINT", "http://127.0.0.1:4318")
    monkeypatch.setitem(sys.modules, "opentelemetry.sdk.trace", None)  # as if not installed
    with pytest.raises(TracingUnavailableError, match=r"mentora\[tracing\]"):
        create_app(settings)


async def test_tracing_is_off_without_an_endpoint(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("OTEL_EXPORTER_OTLP_ENDPOINT", raising=False)
    database = Database.from_settings(settings)
    try:
        assert configure_tracing(FastAPI(), database) is False
    finally:
        await database.dispose()
