"""The job queue's own guarantees, below any domain."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest
from fastapi import FastAPI

from mentora.app import create_app
from mentora.config import Settings
from mentora.integrations.lms.base import scores_url
from mentora.platform.jobs import Job, JobContext, JobRunner, enqueue
from tests.support.identity import Identity


def test_ags_scores_url_keeps_the_line_item_query() -> None:
    assert scores_url("https://m.edu/services.php/2/lineitems/7/lineitem?type_id=1") == (
        "https://m.edu/services.php/2/lineitems/7/lineitem/scores?type_id=1"
    )
    assert scores_url("https://c.edu/api/lti/courses/1/line_items/5/") == (
        "https://c.edu/api/lti/courses/1/line_items/5/scores"
    )


@pytest.fixture
async def app(settings: Settings, identity: Identity) -> AsyncIterator[FastAPI]:
    application = create_app(settings.model_copy(update={"job_lease_seconds": 0.3, "job_backoff_seconds": 0.01}))
    async with application.router.lifespan_context(application):
        yield application


async def queue(app: FastAPI, identity: Identity, kind: str, max_attempts: int = 5) -> None:
    async with app.state.services.database.sessionmaker() as session, session.begin():
        await enqueue(
            session, tenant_id=identity.a.id, kind=kind, dedupe_key="one", payload={}, max_attempts=max_attempts
        )


async def the_job(app: FastAPI) -> Job:
    async with app.state.services.database.sessionmaker() as session:
        from sqlalchemy import select

        return (await session.execute(select(Job))).scalar_one()


async def test_a_slow_job_keeps_its_lease_and_runs_once(app: FastAPI, identity: Identity) -> None:
    running = 0
    peak = 0

    async def slow(context: JobContext) -> None:
        nonlocal running, peak
        running += 1
        peak = max(peak, running)
        await asyncio.sleep(1.0)  # more than three leases
        running -= 1

    services = app.state.services
    first = JobRunner(services.database, services.settings, {"slow": slow}, services=services)
    second = JobRunner(services.database, services.settings, {"slow": slow}, services=services)
    await queue(app, identity, "slow")
    started = asyncio.create_task(first.run_once())
    await asyncio.sleep(0.5)
    assert await second.run_once() is False  # the lease was renewed: nothing to take over
    assert await started is True
    assert peak == 1
    job = await the_job(app)
    assert job.status == "succeeded"
    assert job.attempts == 1


async def test_a_job_that_keeps_killing_its_worker_is_dead_lettered(app: FastAPI, identity: Identity) -> None:
    services = app.state.services
    never = asyncio.Event()

    async def hangs(context: JobContext) -> None:
        await never.wait()

    await queue(app, identity, "hangs", max_attempts=2)
    for _ in range(2):  # a worker claims it and "dies": its task ends, its lease is left behind
        runner = JobRunner(services.database, services.settings, {"hangs": hangs}, services=services)
        task = asyncio.create_task(runner.run_once())
        await asyncio.sleep(0.1)
        task.cancel()
        await asyncio.sleep(0.45)  # the lease runs out
    runner = JobRunner(services.database, services.settings, {"hangs": hangs}, services=services)
    assert await runner.run_once() is False
    job = await the_job(app)
    assert job.status == "dead"
    assert job.attempts == 2
