"""The outermost piece of our stack: request id, HEAD, and the last-resort handler; and,
just inside CORS (so that a browser can read the answer), what is refused before routing.

Pure ASGI middleware (no per-request task or buffering) so it costs microseconds.
It catches what no exception handler did, because Starlette runs an ``Exception``
handler in ``ServerErrorMiddleware``, outside user middleware, where the response would
lose its ``X-Request-ID``.

Refused before any route, database or body read: a path with a control character
(NOT_FOUND: no route has one, and PostgreSQL cannot store a NUL), a query parameter with
one (VALIDATION_ERROR on ``query.<name>``), a body in a content encoding the server does
not decode, and a body over the size limit (VALIDATION_ERROR ``_body``).
"""

from __future__ import annotations

import logging
import os
import re
import time
from collections.abc import Iterator
from typing import Any, NamedTuple
from urllib.parse import parse_qsl

import httpx
from sqlalchemy.exc import SQLAlchemyError
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from mentora.contract import (
    DatabaseError,
    InternalError,
    MentoraError,
    NotFoundError,
    ValidationFailedError,
)
from mentora.contract.handlers import BODY_TOO_LARGE, response_for_request
from mentora.contract.validation import BODY_KEY, CONTROL_CHARACTERS
from mentora.platform.db.errors import translate_database_error
from mentora.platform.logging import request_id_var
from mentora.platform.outbound.errors import external_error_for

logger = logging.getLogger("mentora.request")

REQUEST_ID_HEADER = b"x-request-id"
# A caller's id is echoed only when it is short and plain, so it cannot inject into logs.
_SANE_REQUEST_ID = re.compile(rb"[A-Za-z0-9._:-]{1,128}")


# C0 controls: never part of an id, a slug or a search, and PostgreSQL cannot store NUL.
_CONTROL_CHARACTER = re.compile(r"[\x00-\x1f]")
# The same in a raw query string, percent-encoded or not: a cheap test before parsing it.
_CONTROL_IN_QUERY = re.compile(rb"%[01][0-9A-Fa-f]|[\x00-\x1f]")
# The same rule as the spec states it, on every string parameter of a path or query.
NO_CONTROL_CHARACTERS_PATTERN = r"^[^\u0000-\u001f]*$"
UNSUPPORTED_ENCODING = "content encoding is not supported"
REPEATED_PARAMETER = "parameter must not be repeated"
IDENTITY_ENCODINGS = frozenset({b"", b"identity"})


class BodyTooLargeError(ValidationFailedError):
    def __init__(self) -> None:
        super().__init__(details={BODY_KEY: BODY_TOO_LARGE})


class BodyHead(NamedTuple):
    """What the request's headers say about its body."""

    content_length: int | None
    content_encoding: bytes
    chunked: bool

    @property
    def declared(self) -> bool:
        return self.chunked or bool(self.content_length)


def _request_id(scope: Scope) -> str:
    for name, value in scope["headers"]:
        if name == REQUEST_ID_HEADER and _SANE_REQUEST_ID.fullmatch(value):
            return str(value, "ascii")
    return os.urandom(16).hex()


def _body_head(scope: Scope) -> BodyHead:
    content_length: int | None = None
    content_encoding = b""
    chunked = False
    for name, value in scope["headers"]:
        if name == b"content-length":
            try:
                content_length = int(value)
            except ValueError:
                content_length = None
        elif name == b"content-encoding":
            content_encoding = value.strip().lower()
        elif name == b"transfer-encoding":
            chunked = True
    return BodyHead(content_length, content_encoding, chunked)


def refusal(scope: Scope, body: BodyHead, max_body_bytes: int) -> MentoraError | None:
    """The error for a request refused before it reaches a route, if it is one."""
    if _CONTROL_CHARACTER.search(scope["path"]):
        return NotFoundError()
    query_string: bytes = scope.get("query_string", b"")
    if query_string and _CONTROL_IN_QUERY.search(query_string):
        details = _query_details(query_string)
        if details:
            return ValidationFailedError(details=details)
    if b"&" in query_string:
        repeated = _repeated_parameters(query_string)
        if repeated:
            return ValidationFailedError(details=repeated)
    if body.declared and body.content_encoding not in IDENTITY_ENCODINGS:
        # Read as it is, a compressed body would be taken for malformed (or worse, valid) JSON.
        return ValidationFailedError.for_field(BODY_KEY, UNSUPPORTED_ENCODING)
    if body.content_length is not None and body.content_length > max_body_bytes:
        return BodyTooLargeError()  # declared too large: refused before reading a byte of it
    return None


def _repeated_parameters(query_string: bytes) -> dict[str, str]:
    """``query.<name>`` for each parameter given more than once: every parameter takes one
    value, and silently keeping the last of several would answer a question not asked."""
    seen: set[str] = set()
    details: dict[str, str] = {}
    for name, _ in parse_qsl(query_string.decode("latin-1"), keep_blank_values=True):
        if name in seen:
            details[f"query.{name}"] = REPEATED_PARAMETER
        seen.add(name)
    return details


def _query_details(query_string: bytes) -> dict[str, str]:
    """``query.<name>`` for each parameter whose name or value holds a control character."""
    details: dict[str, str] = {}
    for name, value in parse_qsl(query_string.decode("latin-1"), keep_blank_values=True):
        if _CONTROL_CHARACTER.search(name) or _CONTROL_CHARACTER.search(value):
            details.setdefault(f"query.{_CONTROL_CHARACTER.sub('', name)}", CONTROL_CHARACTERS)
    return details


def document_parameter_text(spec: dict[str, Any]) -> dict[str, Any]:
    """Say in the spec what ``refusal`` enforces, so generated requests and clients know it."""
    for operations in spec.get("paths", {}).values():
        for operation in operations.values():
            for parameter in operation.get("parameters", ()):
                if parameter["in"] in ("path", "query"):
                    for schema in _string_schemas(parameter.get("schema", {})):
                        schema.setdefault("pattern", NO_CONTROL_CHARACTERS_PATTERN)
    return spec


def _string_schemas(schema: dict[str, Any]) -> Iterator[dict[str, Any]]:
    if schema.get("type") == "string" and "enum" not in schema:
        yield schema
    for option in schema.get("anyOf", ()):
        yield from _string_schemas(option)


def last_resort_response(exc: Exception, scope: Scope) -> Response:
    """The contract answer for an error no exception handler saw (raised in middleware,
    or by a handler itself): known families keep their code, anything else is INTERNAL_ERROR."""
    return response_for_request(_contract_error(exc, scope), scope)


def _contract_error(exc: Exception, scope: Scope) -> MentoraError:
    if isinstance(exc, MentoraError):
        return exc
    if isinstance(exc, SQLAlchemyError):
        error = translate_database_error(exc)
        if isinstance(error, DatabaseError):
            logger.error("database error", exc_info=exc)
        return error
    if isinstance(exc, httpx.HTTPError):
        return external_error_for(exc)
    logger.exception("unhandled error", extra={"method": scope["method"], "path": scope["path"]})
    return InternalError()


class RequestContextMiddleware:
    def __init__(self, app: ASGIApp, *, access_log: bool) -> None:
        self.app = app
        self.access_log = access_log

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_id = _request_id(scope)
        token = request_id_var.set(request_id)
        request_id_header = (REQUEST_ID_HEADER, request_id.encode("ascii"))
        started = time.perf_counter() if self.access_log else 0.0
        status = 0
        method = scope["method"]
        if method == "HEAD":
            # Every layer answers it as the GET it mirrors (RFC 9110 9.3.2). A copy, because the
            # server reads its own scope's method to know that it must not send a body.
            scope = {**scope, "method": "GET"}

        async def send_with_request_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                message["headers"] = [*message.get("headers", ()), request_id_header]
            elif method == "HEAD":
                message = {**message, "body": b""}  # the GET's headers, Content-Length included, and no body
            await send(message)

        try:
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
                    method,
                    scope["path"],
                    status,
                    extra={"status": status, "duration_ms": round((time.perf_counter() - started) * 1000, 2)},
                )
            request_id_var.reset(token)


class RequestScreeningMiddleware:
    """Refuses what no route should see (see the module's docstring), and counts a body of
    undeclared length as it arrives."""

    def __init__(self, app: ASGIApp, *, max_body_bytes: int) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        body = _body_head(scope)
        error = refusal(scope, body, self.max_body_bytes)
        if error is not None:
            await response_for_request(error, scope)(scope, receive, send)
        elif body.content_length is None:
            await self.app(scope, self._limited(receive), send)
        else:
            await self.app(scope, receive, send)  # the server delivers no more than the declared length

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
