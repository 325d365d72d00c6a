"""An outbound HTTP failure that escapes an integration -> EXTERNAL_SERVICE_ERROR.

Integrations name their service on each request (``extensions={SERVICE_EXTENSION: "ai"}``)
so the client learns which downstream failed; the upstream's body never reaches it.
"""

from __future__ import annotations

import contextlib
import logging

import httpx
from fastapi import Request
from starlette.responses import Response

from mentora.contract import ExternalServiceError, response_for

logger = logging.getLogger("mentora.outbound")

SERVICE_EXTENSION = "mentora.service"


def reason_for_status(status: int) -> str:
    """Turned away (429, 5xx: try later) or refused (other 4xx: the call itself is wrong)."""
    return "unavailable" if status >= 500 or status == 429 else "rejected"


def reason_for(exc: httpx.HTTPError) -> str:
    if isinstance(exc, httpx.TimeoutException):
        return "timeout"
    if isinstance(exc, httpx.HTTPStatusError):
        return reason_for_status(exc.response.status_code)
    if isinstance(exc, httpx.DecodingError | httpx.TooManyRedirects):
        return "bad_response"
    return "unavailable"  # refused, reset, dropped half-way


def external_error_for(exc: httpx.HTTPError) -> ExternalServiceError:
    service = "unknown"
    with contextlib.suppress(RuntimeError):  # raised when the error came before any request
        service = str(exc.request.extensions.get(SERVICE_EXTENSION, service))
    return ExternalServiceError(service=service, reason=reason_for(exc))


async def handle_outbound_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, httpx.HTTPError)
    error = external_error_for(exc)
    logger.warning("outbound call failed", extra={"service": error.details["service"], "error": repr(exc)})
    return response_for(error)
