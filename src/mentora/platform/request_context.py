"""The outermost piece of our stack: request id, body limit, and the last-resort handler.

A pure ASGI middleware (no per-request task or buffering) so it costs microseconds.
It catches what no exception handler did, because Starlette runs an ``Exception``
handler in ``ServerErrorMiddleware``, outside user middleware, where the response would
lose its ``X-Request-ID``.
"""

from __future__ import annotations

import logging
import os
import re
import time

import httpx
from sqlalchemy.exc import SQLAlchemyError
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from mentora.contract import (
    DatabaseError,
    InternalError,
    MentoraError,
    ValidationFailedError,
    response_for,
)
from mentora.contract.handlers import BODY_TOO_LARGE
from mentora.contract.validation import BODY_KEY
from mentora.platform.db.errors import translate_database_error
from mentora.platform.logging import request_id_var
from mentora.platform.outbound.errors import external_error_for
from mentora.platform.ratelimit import STATE_KEY as RATE_LIMIT_STATE_KEY

logger = logging.getLogger("mentora.request")

REQUEST_ID_HEADER = b"x-request-id"
# A caller's id is echoed only when it is short and plain, so it cannot inject into logs.
_SANE_REQUEST_ID = re.compile(rb"[A-Za-z0-9._:-]{1,128}")


class BodyTooLargeError(ValidationFailedError):
    def __init__(self) -> None:
        super().__init__(details={BODY_KEY: BODY_TOO_LARGE})


def _read_headers(scope: Scope) -> tuple[str, int | None]:
    """The request id to use and the declared body length, in one pass over the headers."""
    request_id: str | None = None
    content_length: int | None = None
    for name, value in scope["headers"]:
        if name == REQUEST_ID_HEADER:
            if _SANE_REQUEST_ID.fullmatch(value):
                request_id = str(value, "ascii")
        elif name == b"content-length":
            try:
                content_length = int(value)
            except ValueError:
                content_length = None
    return request_id or os.urandom(16).hex(), content_length


def last_resort_response(exc: Exception, scope: Scope) -> Response:
    """The contract answer for an error no exception handler saw (raised in middleware,
    or by a handler itself): known families keep their code, anything else is INTERNAL_ERROR."""
    if isinstance(exc, MentoraError):
        return response_for(exc)
    if isinstance(exc, SQLAlchemyError):
        error = translate_database_error(exc)
        if isinstance(error, DatabaseError):
            logger.error("database error", exc_info=exc)
        return response_for(error)
    if isinstance(exc, httpx.HTTPError):
        return response_for(external_error_for(exc))
    logger.exception("unhandled error", extra={"method": scope["method"], "path": scope["path"]})
    return response_for(InternalError())


class RequestContextMiddleware:
    def __init__(self, app: ASGIApp, *, max_body_bytes: int, access_log: bool) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes
        self.access_log = access_log

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_id, content_length = _read_headers(scope)
        token = request_id_var.set(request_id)
        request_id_header = (REQUEST_ID_HEADER, request_id.encode("ascii"))
        started = time.perf_counter() if self.access_log else 0.0
        status = 0

        async def send_with_request_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                headers = [*message.get("headers", ()), request_id_header]
                limit_state = scope.get("state", {}).get(RATE_LIMIT_STATE_KEY)
                if limit_state is not None and status < 400:
                    headers += limit_state.headers()
                message["headers"] = headers
            await send(message)

        try:
            if content_length is None:
                # No declared length (chunked): count the bytes as they arrive.
                await self.app(scope, self._limited(receive), send_with_request_id)
            elif content_length > self.max_body_bytes:
                # Declared too large: refuse before reading a byte of it.
                await response_for(BodyTooLargeError())(scope, receive, send_with_request_id)
            else:
                # The server delivers no more than the declared length.
                await self.app(scope, receive, send_with_request_id)
        except Exception as exc:
            if status:  # the response already started: all we can do is drop the connection
                logger.exception("error after the response started", extra={"path": scope["path"]})
                raise
            await last_resort_response(exc, scope)(scope, receive, send_with_request_id)
        finally:
            if self.access_log:
                logger.info(
                    "%s %s %s",
                    scope["method"],
                    scope["path"],
                    status,
                    extra={"status": status, "duration_ms": round((time.perf_counter() - started) * 1000, 2)},
                )
            request_id_var.reset(token)

    def _limited(self, receive: Receive) -> Receive:
        received = 0
        limit = self.max_body_bytes

        async def receive_with_limit() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise BodyTooLargeError()
            return message

        return receive_with_limit
