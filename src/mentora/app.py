"""The application factory: middleware, exception handlers, routers, OpenAPI."""

from __future__ import annotations

import asyncio
import gc
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from typing import Any

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
from mentora.contract import ErrorCode, add_exception_handlers, document_errors
from mentora.platform.cors import TenantCorsMiddleware
from mentora.platform.db import Database, handle_database_error
from mentora.platform.db.migrations import check_schema
from mentora.platform.idempotency import IdempotencyMiddleware
from mentora.platform.logging import configure_logging
from mentora.platform.outbound import handle_outbound_error
from mentora.platform.ratelimit.middleware import AnonymousRateLimitMiddleware
from mentora.platform.request_context import RequestContextMiddleware
from mentora.platform.route_index import RouteIndex
from mentora.runtime import build_services, job_runner

OperationKey = tuple[str, str]  # (path, method)

DESCRIPTION = """\
Multi-tenant API for AI tutoring. Every error response is
`{"success": false, "error": ..., "code": ..., "details": {...}}` with one of 11 stable
codes (`GET /v1/meta/error-codes`); each operation lists the codes it can return in
`x-error-codes`.
"""


def _dependency_calls(dependant: Dependant) -> Iterator[Any]:
    for sub in dependant.dependencies:
        yield sub.call
        yield from _dependency_calls(sub)


def _operation_docs(
    routes: list[BaseRoute],
) -> tuple[dict[OperationKey, list[ErrorCode]], dict[OperationKey, dict[str, Any]]]:
    """What each operation's dependencies add to its documentation.

    A dependency declares the codes it can raise in an ``error_codes`` attribute (the
    database session, authentication, a permission check) and a permission check names
    its permission in ``permission``; the spec shows both on every route that uses it.
    """
    extra_codes: dict[OperationKey, list[ErrorCode]] = {}
    extensions: dict[OperationKey, dict[str, Any]] = {}
    for context in iter_route_contexts(routes):
        route = context.original_route
        if not isinstance(route, APIRoute):
            continue
        calls = list(_dependency_calls(route.dependant))
        codes = [code for call in calls for code in getattr(call, "error_codes", ())]
        permissions = [call.permission for call in calls if isinstance(getattr(call, "permission", None), str)]
        for method in route.methods or ():
            key = (str(context.path), method.lower())
            extra_codes[key] = codes
            if permissions:
                extensions[key] = {"x-permission": permissions[0]}
    return extra_codes, extensions


class MentoraAPI(FastAPI):
    def openapi(self) -> dict[str, Any]:
        if self.openapi_schema is None:
            spec = get_openapi(title=self.title, version=self.version, description=self.description, routes=self.routes)
            self.openapi_schema = document_errors(spec, *_operation_docs(self.routes))
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

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        database = Database.from_settings(settings)
        try:
            await check_schema(database.engine)
        except BaseException:
            await database.dispose()
            raise
        app.state.database = database
        services = app.state.services = build_services(settings, database)
        # The embedded default runs the job worker inside the server process.
        stop_jobs = asyncio.Event()
        jobs = asyncio.create_task(job_runner(services).run_forever(stop_jobs)) if settings.jobs_in_process else None
        freeze_startup_objects()
        try:
            yield
        finally:
            stop_jobs.set()
            if jobs is not None:
                await jobs
            await services.close()
            await database.dispose()

    app = MentoraAPI(
        title="Mentora API",
        version=__version__,
        description=DESCRIPTION,
        lifespan=lifespan,
        generate_unique_id_function=operation_id,
        redoc_url=None,
    )
    app.state.settings = settings
    add_exception_handlers(app)
    app.add_exception_handler(SQLAlchemyError, handle_database_error)
    app.add_exception_handler(httpx.HTTPError, handle_outbound_error)
    # Innermost first. Both run inside the request context (their answers carry
    # X-Request-ID), and CORS wraps the limiter so a browser can read a 429.
    app.add_middleware(IdempotencyMiddleware)
    app.add_middleware(AnonymousRateLimitMiddleware)
    app.add_middleware(TenantCorsMiddleware)
    app.add_middleware(RequestContextMiddleware, max_body_bytes=settings.max_body_bytes, access_log=settings.access_log)
    mount_routers(app)
    app.router.middleware_stack = RouteIndex(app.router)
    return app
