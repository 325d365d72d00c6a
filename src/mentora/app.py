"""The application factory: middleware, exception handlers, routers, OpenAPI."""

from __future__ import annotations

import asyncio
import gc
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from typing import Any, NamedTuple

import httpx
from fastapi import FastAPI
from fastapi.dependencies.models import Dependant
from fastapi.openapi.utils import get_openapi
from fastapi.routing import APIRoute, iter_route_contexts
from sqlalchemy.exc import SQLAlchemyError
from starlette.routing import BaseRoute

from mentora import __version__
from mentora.api import mount_routers, operation_id
from mentora.config import Settings
from mentora.contract import ErrorCode, add_exception_handlers, declared_error_codes, document_errors
from mentora.contract.openapi import OperationKey, OperationTraits, document_protocol
from mentora.platform.caller import CallerMiddleware
from mentora.platform.cors import TenantCorsMiddleware
from mentora.platform.db import Database, handle_database_error
from mentora.platform.db.migrations import check_schema
from mentora.platform.idempotency import (
    KEY_ERROR_CODES,
    KEYED_METHODS,
    IdempotencyMiddleware,
    answer_repeats_after_checks,
)
from mentora.platform.logging import configure_logging
from mentora.platform.metrics import (
    Exposition,
    MetricsMiddleware,
    RouteCapture,
    forget_this_process,
    multiprocess_dir,
    sample_pools_forever,
)
from mentora.platform.outbound import handle_outbound_error
from mentora.platform.ratelimit.middleware import EXEMPT_PATHS, AnonymousRateLimitMiddleware
from mentora.platform.request_context import (
    RequestContextMiddleware,
    RequestScreeningMiddleware,
    document_parameter_text,
)
from mentora.platform.security.principal import RequirePermission
from mentora.platform.tracing import configure_tracing
from mentora.runtime import build_services, job_runner
from mentora.web_app import add_web_app

DESCRIPTION = """\
Multi-tenant API for AI tutoring. Every error response is
`{"success": false, "error": ..., "code": ..., "details": {...}}` with one of 11 stable
codes (`GET /v1/meta/error-codes`); each operation lists the codes it can return in
`x-error-codes`.
"""


# Defined in the order the operations appear, each with what a reader finds under it.
TAGS = [
    {"name": "meta", "description": "Health probes and the error-code catalog."},
    {"name": "auth", "description": "Register, sign in, refresh and sign out: the operations that take no token."},
    {"name": "users", "description": "The signed-in user's own profile and password."},
    {"name": "console-users", "description": "Staff: the tenant's users (invite, change, deactivate, delete)."},
    {"name": "console-roles", "description": "Staff: the tenant's custom roles and their permissions."},
    {
        "name": "console-tenants",
        "description": "The platform operator: institutions and their first administrators; "
        "an institution's administrators: their own institution's settings.",
    },
    {"name": "case-studies", "description": "Students: the active case studies, without their system prompt."},
    {
        "name": "console-case-studies",
        "description": "Staff: case studies, with their instructions, system prompt and time limit.",
    },
    {
        "name": "sessions",
        "description": "Tutoring: start or resume a session, send turns (JSON or server-sent events), end it.",
    },
    {"name": "grades", "description": "Grades of ended sessions: students their own, staff the tenant's."},
    {"name": "console-grades", "description": "Staff: publish a grade to the tenant's LMS at once."},
    {"name": "console-jobs", "description": "Staff: background jobs (grading, LMS publishing) and their attempts."},
]
# Relative: the document describes whichever server serves it; a generator is given the base URL.
SERVERS = [{"url": "/", "description": "The server that serves this document"}]
CONTACT = {"name": "Mentora maintainers"}
LICENSE = {"name": "Proprietary", "identifier": "LicenseRef-Proprietary"}


def _dependency_calls(dependant: Dependant) -> Iterator[Any]:
    for sub in dependant.dependencies:
        yield sub.call
        yield from _dependency_calls(sub)


class OperationDocs(NamedTuple):
    extra_codes: dict[OperationKey, list[ErrorCode]]
    extensions: dict[OperationKey, dict[str, Any]]
    traits: dict[OperationKey, OperationTraits]


def _operation_docs(routes: list[BaseRoute]) -> OperationDocs:
    """What each operation's dependencies and middleware add to its documentation.

    A dependency declares the codes it can raise (``@raises`` on the database session and
    authentication, ``error_codes`` on a permission check) and a permission check names
    its permission in ``permission``; the spec shows both on every route that uses it.
    A dependency that can answer AUTHENTICATION_ERROR is the one reading the bearer token.
    """
    docs = OperationDocs({}, {}, {})
    for context in iter_route_contexts(routes):
        route = context.original_route
        if not isinstance(route, APIRoute):
            continue
        calls = list(_dependency_calls(route.dependant))
        codes = [code for call in calls for code in declared_error_codes(call)]
        permissions = [call.permission for call in calls if isinstance(call, RequirePermission)]
        path = str(context.path)
        authenticated = ErrorCode.AUTHENTICATION_ERROR in codes
        rate_limited = path not in EXEMPT_PATHS
        if rate_limited and not authenticated:
            codes.append(ErrorCode.RATE_LIMIT_EXCEEDED)  # the per-IP limit on unauthenticated requests
        for method in route.methods or ():
            key = (path, method.lower())
            docs.extra_codes[key] = codes
            if permissions:
                docs.extensions[key] = {"x-permission": permissions[0]}
            # Routes that sign nobody in ignore a key (see platform.idempotency).
            idempotent = authenticated and method in KEYED_METHODS
            docs.traits[key] = OperationTraits(authenticated, rate_limited, idempotent)
            if idempotent:
                docs.extra_codes[key] = [*codes, *KEY_ERROR_CODES]
    return docs


class MentoraAPI(FastAPI):
    def openapi(self) -> dict[str, Any]:
        if self.openapi_schema is None:
            spec = get_openapi(
                title=self.title,
                version=self.version,
                description=self.description,
                routes=self.routes,
                tags=TAGS,
                servers=SERVERS,
                contact=CONTACT,
                license_info=LICENSE,
            )
            docs = _operation_docs(self.routes)
            spec = document_errors(spec, docs.extra_codes, docs.extensions)
            self.openapi_schema = document_protocol(document_parameter_text(spec), docs.traits)
        return self.openapi_schema


_frozen = False


def freeze_startup_objects() -> None:
    """Keep what start-up built (routes, models, schemas: it lives as long as the process) out
    of the collector's full passes, which otherwise stall requests for ~40 ms. Once per
    process, after collecting start-up's garbage, so nothing short-lived is kept forever."""
    global _frozen
    if not _frozen:
        _frozen = True
        gc.collect()
        gc.freeze()


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings()
    configure_logging(settings)

    # Built once, before any request: the middleware below is handed what it uses. Nothing
    # here connects yet; the lifespan checks the schema and starts listening.
    database = Database.from_settings(settings)
    services = build_services(settings, database)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        try:
            await check_schema(database.engine)
        except BaseException:
            await database.dispose()
            raise
        await services.start()
        # The embedded default runs the job worker inside the server process.
        stop_jobs = asyncio.Event()
        jobs = asyncio.create_task(job_runner(services).run_forever(stop_jobs)) if settings.jobs_in_process else None
        # With several workers, each writes its pool figures for the scrapes the others answer.
        pools = None
        if settings.metrics_enabled and multiprocess_dir() is not None:
            pools = asyncio.create_task(sample_pools_forever(database, stop_jobs))
        freeze_startup_objects()
        try:
            yield
        finally:
            stop_jobs.set()
            if jobs is not None:
                await jobs
            if pools is not None:
                await pools
                forget_this_process()
            await services.close()
            await database.dispose()

    app = MentoraAPI(
        title="Mentora API",
        version=__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
        generate_unique_id_function=operation_id,
        docs_url=None,  # served from local assets by mentora.meta.docs
        redoc_url=None,
        # One URL per resource: `/v1/users/me/` is NOT_FOUND, never a body-less 307 redirect.
        redirect_slashes=False,
    )
    app.state.settings = settings
    app.state.database = database
    app.state.services = services
    add_exception_handlers(app)
    app.add_exception_handler(SQLAlchemyError, handle_database_error)
    app.add_exception_handler(httpx.HTTPError, handle_outbound_error)
    # Innermost first. All run inside the request context (their answers carry
    # X-Request-ID), and CORS wraps the others so a browser can read a 429 or a refusal.
    app.add_middleware(IdempotencyMiddleware, services=services)
    app.add_middleware(AnonymousRateLimitMiddleware, limiter=services.limiter, tenants=services.tenants)
    # Outside the anonymous limit, which a few page loads' dozens of files would use up.
    add_web_app(app, settings)
    app.add_middleware(RequestScreeningMiddleware, max_body_bytes=settings.max_body_bytes)
    app.add_middleware(TenantCorsMiddleware, tenants=services.tenants)
    # Who is calling, read once for everything inside (see platform.caller).
    app.add_middleware(CallerMiddleware, reader=services.callers)
    # /metrics is served here, before rate limits, tenants or tokens are looked at (on this
    # port unless it has one of its own).
    exposition = Exposition(database, settings) if settings.metrics_enabled and settings.metrics_port is None else None
    if settings.metrics_enabled:
        app.add_middleware(RouteCapture, exposition=exposition)
    app.add_middleware(RequestContextMiddleware, access_log=settings.access_log)
    if settings.metrics_enabled:  # outermost: every answer is counted
        app.add_middleware(MetricsMiddleware, scraped_here=exposition is not None)
    configure_tracing(app, database)
    mount_routers(app)
    answer_repeats_after_checks(app.router.routes)
    return app
