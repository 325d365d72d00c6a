"""What a process runs on: its services, and the job worker with every domain's handlers."""

from __future__ import annotations

import asyncio
import logging
import signal

from mentora.auth.principals import SqlPrincipalStore
from mentora.config import Settings
from mentora.grades.service import PUBLISH_GRADE, grade_session_job, publish_grade_job
from mentora.platform.db import Database
from mentora.platform.db.migrations import check_schema
from mentora.platform.idempotency import forget_expired
from mentora.platform.jobs import JobHandler, JobRunner
from mentora.platform.metrics import MetricsPort
from mentora.platform.services import Services
from mentora.sessions.service import GRADE_SESSION, end_expired_sessions
from mentora.tenants.directory import SqlTenantDirectory

logger = logging.getLogger("mentora.worker")

JOB_HANDLERS: dict[str, JobHandler] = {GRADE_SESSION: grade_session_job, PUBLISH_GRADE: publish_grade_job}


def build_services(settings: Settings, database: Database) -> Services:
    return Services.build(
        settings,
        database,
        directory=SqlTenantDirectory(database),
        principal_store=SqlPrincipalStore(database),
    )


def job_runner(services: Services) -> JobRunner:
    settings, database = services.settings, services.database

    async def end_sessions() -> None:
        ended = await end_expired_sessions(database, settings.job_max_attempts)
        if ended:
            logger.info("ended %d sessions whose time ran out", ended)

    async def forget_keys() -> None:
        await forget_expired(database)

    return JobRunner(database, settings, JOB_HANDLERS, services=services, periodic=[end_sessions, forget_keys])


async def run_worker(settings: Settings) -> None:
    """``mentora worker``: run jobs until SIGINT or SIGTERM."""
    database = Database.from_settings(settings)
    await check_schema(database.engine)
    services = build_services(settings, database)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    # A worker's AI and LMS calls, pool and the queue, on a port of its own when given one.
    port = None
    if settings.metrics_enabled and settings.metrics_port is not None:
        port = MetricsPort(settings, database, loop, own_pools=True)
    logger.info("job worker started")
    try:
        await job_runner(services).run_forever(stop)
    finally:
        if port is not None:
            await asyncio.to_thread(port.close)
        await services.close()
        await database.dispose()
        logger.info("job worker stopped")
