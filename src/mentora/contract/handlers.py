"""Exception handlers that turn every framework failure into the error envelope.

The pipeline, in order of precedence:
1. our own ``MentoraError`` subclasses answer with their code;
2. request validation (body, query, path, headers) -> VALIDATION_ERROR with a field map;
3. Starlette/FastAPI ``HTTPException`` (unknown route, method a route lacks, unreadable
   or oversized body) -> the code for its status.
Database and outbound-HTTP failures are added by the platform layer, and the catch-all
for anything unhandled lives in the request middleware, so that it still carries the
request id (Starlette runs an ``Exception`` handler outside all user middleware).
Both end in ``response_for_request``, which fits a 401's challenge to the request.
"""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response
from starlette.routing import Match
from starlette.types import Scope

from mentora.contract.catalog import ErrorCode
from mentora.contract.envelope import error_response, response_for
from mentora.contract.errors import (
    BEARER_CHALLENGE,
    ERROR_CLASSES,
    AuthenticationError,
    MentoraError,
    ValidationFailedError,
    bearer_token_in,
)
from mentora.contract.validation import BODY_KEY, flatten_errors

VALIDATION_MESSAGE = ValidationFailedError.default_message
WRONG_CONTENT_TYPE = "content type must be application/json"
BODY_TOO_LARGE = "request body is too large"
BODY_UNREADABLE = "request body could not be read"

_CODE_BY_STATUS: dict[int, ErrorCode] = {
    400: ErrorCode.VALIDATION_ERROR,
    401: ErrorCode.AUTHENTICATION_ERROR,
    403: ErrorCode.AUTHORIZATION_ERROR,
    404: ErrorCode.NOT_FOUND,
    405: ErrorCode.NOT_FOUND,  # the contract answers an unsupported method as NOT_FOUND, with Allow
    409: ErrorCode.CONFLICT,
    413: ErrorCode.VALIDATION_ERROR,
    415: ErrorCode.VALIDATION_ERROR,
    422: ErrorCode.VALIDATION_ERROR,
}
_BODY_DETAIL_BY_STATUS = {400: BODY_UNREADABLE, 413: BODY_TOO_LARGE, 415: WRONG_CONTENT_TYPE}


def response_for_request(exc: MentoraError, scope: Scope) -> Response:
    """The contract answer to this request. RFC 6750 section 3.1: a 401 says
    ``error="invalid_token"`` only when a bearer token was sent; to a request without
    one (or with another scheme) it names the scheme alone."""
    response = response_for(exc)
    if isinstance(exc, AuthenticationError) and not _sent_bearer_token(scope):
        response.headers["WWW-Authenticate"] = BEARER_CHALLENGE
    return response


def _sent_bearer_token(scope: Scope) -> bool:
    for name, value in scope["headers"]:
        if name == b"authorization":
            return bearer_token_in(value.decode("latin-1")) is not None
    return False


async def handle_mentora_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, MentoraError)
    return response_for_request(exc, request.scope)


async def handle_request_validation(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, RequestValidationError)
    errors = exc.errors()
    if isinstance(exc.body, bytes) and any(err["loc"][:1] == ("body",) for err in errors):
        # FastAPI leaves a non-JSON body as raw bytes, which then fails the model.
        details = {BODY_KEY: WRONG_CONTENT_TYPE}
    else:
        details = flatten_errors(errors)
    return error_response(ErrorCode.VALIDATION_ERROR, VALIDATION_MESSAGE, details)


async def handle_http_exception(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    if isinstance(exc.__cause__, MentoraError):
        # FastAPI wraps whatever fails while reading the body (our size limit included).
        return response_for_request(exc.__cause__, request.scope)
    status = exc.status_code
    code = _CODE_BY_STATUS.get(status, ErrorCode.VALIDATION_ERROR if status < 500 else ErrorCode.INTERNAL_ERROR)
    details = {}
    if code is ErrorCode.VALIDATION_ERROR:
        details = {BODY_KEY: _BODY_DETAIL_BY_STATUS.get(status, BODY_UNREADABLE)}
    headers = {}
    if status == 405:
        headers["Allow"] = _allowed_methods(request) or (exc.headers or {}).get("Allow", "")
    # The code's own class: its default message, and its headers (WWW-Authenticate on a 401).
    return response_for_request(ERROR_CLASSES[code](details=details, headers=headers), request.scope)


def _allowed_methods(request: Request) -> str:
    """Every method some route offers at this path (Starlette names only the first route's)."""
    methods: set[str] = set()
    for route in request.app.router.routes:
        route_methods = getattr(route, "methods", None)
        if route_methods and route.matches(request.scope)[0] is Match.PARTIAL:
            methods |= route_methods
    return ", ".join(sorted(methods))


def add_exception_handlers(app: FastAPI) -> None:
    app.add_exception_handler(MentoraError, handle_mentora_error)
    app.add_exception_handler(RequestValidationError, handle_request_validation)
    app.add_exception_handler(StarletteHTTPException, handle_http_exception)
