"""What a Mentora client raises.

    MentoraError
    ├── TransportError             no response: connection refused or reset, timeout
    └── ApiError                   the server answered with an error (unknown codes land here)
        ├── AuthenticationError    AUTHENTICATION_ERROR: sign in again
        │   └── TokenExpiredError  TOKEN_EXPIRED: only seen once refresh-and-retry gave up
        ├── AuthorizationError     AUTHORIZATION_ERROR
        ├── NotFoundError          NOT_FOUND
        ├── ValidationError        VALIDATION_ERROR, with ``field_errors``
        ├── ConflictError          CONFLICT
        ├── RateLimitError         RATE_LIMIT_EXCEEDED, once its retries are spent
        ├── TenantError            TENANT_ERROR
        ├── ExternalServiceError   EXTERNAL_SERVICE_ERROR
        ├── DatabaseError          DATABASE_ERROR
        └── InternalError          INTERNAL_ERROR

Branch on the class (or on ``ApiError.code``), never on the HTTP status or the message.
``str(error)`` carries the code, the status and the request id to quote in a bug report.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any, ClassVar

import httpx

__all__ = [
    "MentoraError",
    "TransportError",
    "ApiError",
    "AuthenticationError",
    "TokenExpiredError",
    "AuthorizationError",
    "NotFoundError",
    "ValidationError",
    "ConflictError",
    "RateLimitError",
    "TenantError",
    "ExternalServiceError",
    "DatabaseError",
    "InternalError",
    "ERROR_CLASSES",
    "error_from_response",
    "error_from_envelope",
]

REQUEST_ID_HEADER = "x-request-id"


class MentoraError(Exception):
    """Anything a Mentora client raises."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class TransportError(MentoraError):
    """The request got no response: the connection failed, was reset, or timed out."""

    def __init__(self, message: str, *, method: str, url: str) -> None:
        super().__init__(message)
        self.method = method
        self.url = url

    def __str__(self) -> str:
        return f"{self.message} ({self.method} {self.url})"


class ApiError(MentoraError):
    """The server answered with an error. Raised as is for a code this client does not know."""

    code_name: ClassVar[str | None] = None
    http_status: ClassVar[int] = 500  # the status the contract pairs with the code

    def __init__(
        self,
        message: str,
        *,
        status: int,
        code: str | None,
        details: Mapping[str, Any] | None = None,
        request_id: str | None = None,
        headers: httpx.Headers | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.details: dict[str, Any] = dict(details or {})
        self.request_id = request_id
        self.headers = headers if headers is not None else httpx.Headers()

    def __str__(self) -> str:
        context = f"HTTP {self.status}"
        if self.request_id:
            context += f", request id {self.request_id}"
        return f"[{self.code or 'UNKNOWN'}] {self.message} ({context})"

    def __repr__(self) -> str:
        name, status, code, request_id = type(self).__name__, self.status, self.code, self.request_id
        return f"{name}({self.message!r}, {status=}, {code=}, {request_id=})"


class AuthenticationError(ApiError):
    """Missing, malformed or invalid credentials; the session is over (sign in again)."""

    code_name = "AUTHENTICATION_ERROR"
    http_status = 401


class TokenExpiredError(AuthenticationError):
    """The access token expired and refreshing it did not help."""

    code_name = "TOKEN_EXPIRED"
    http_status = 401


class AuthorizationError(ApiError):
    """The caller's role lacks the permission the route needs."""

    code_name = "AUTHORIZATION_ERROR"
    http_status = 403

    @property
    def required_permission(self) -> str | None:
        required = self.details.get("required")
        return required if isinstance(required, str) else None


class NotFoundError(ApiError):
    code_name = "NOT_FOUND"
    http_status = 404


class ValidationError(ApiError):
    """The request failed validation; ``field_errors`` maps a field path to its message."""

    code_name = "VALIDATION_ERROR"
    http_status = 422

    @property
    def field_errors(self) -> dict[str, str]:
        return {path: message for path, message in self.details.items() if isinstance(message, str)}


class ConflictError(ApiError):
    """A unique value is taken, or the resource's state forbids the action."""

    code_name = "CONFLICT"
    http_status = 409


class RateLimitError(ApiError):
    """Too many requests, and the retries this client allows did not get through."""

    code_name = "RATE_LIMIT_EXCEEDED"
    http_status = 429

    @property
    def retry_after(self) -> float | None:
        """Seconds the server asked to wait, from ``details.retry_after``."""
        value = self.details.get("retry_after")
        return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


class TenantError(ApiError):
    code_name = "TENANT_ERROR"
    http_status = 400


class ExternalServiceError(ApiError):
    code_name = "EXTERNAL_SERVICE_ERROR"
    http_status = 502


class DatabaseError(ApiError):
    code_name = "DATABASE_ERROR"
    http_status = 500


class InternalError(ApiError):
    code_name = "INTERNAL_ERROR"
    http_status = 500


ERROR_CLASSES: Mapping[str, type[ApiError]] = {
    "AUTHENTICATION_ERROR": AuthenticationError,
    "TOKEN_EXPIRED": TokenExpiredError,
    "AUTHORIZATION_ERROR": AuthorizationError,
    "NOT_FOUND": NotFoundError,
    "VALIDATION_ERROR": ValidationError,
    "CONFLICT": ConflictError,
    "RATE_LIMIT_EXCEEDED": RateLimitError,
    "TENANT_ERROR": TenantError,
    "EXTERNAL_SERVICE_ERROR": ExternalServiceError,
    "DATABASE_ERROR": DatabaseError,
    "INTERNAL_ERROR": InternalError,
}


def error_from_response(status: int, headers: httpx.Headers, content: bytes) -> ApiError:
    """The error for a non-2xx response: the class of its code, or ApiError for anything else."""
    request_id = headers.get(REQUEST_ID_HEADER)
    body = _json_object(content)
    if body is None or body.get("success") is not False or not isinstance(body.get("code"), str):
        # Not the contract's envelope (a proxy's page, an empty body): the generic branch.
        message = f"HTTP {status} without an error envelope"
        return ApiError(message, status=status, code=None, request_id=request_id, headers=headers)
    return error_from_envelope(body, status=status, request_id=request_id, headers=headers)


def error_from_envelope(
    body: Mapping[str, Any],
    *,
    status: int | None = None,
    request_id: str | None = None,
    headers: httpx.Headers | None = None,
) -> ApiError:
    """The error an envelope describes; ``status`` defaults to the one the contract pairs with its code
    (for an error that arrives inside a stream, after a 200)."""
    code = str(body.get("code"))
    error_class = ERROR_CLASSES.get(code, ApiError)
    message = body.get("error")
    details = body.get("details")
    return error_class(
        message if isinstance(message, str) else code,
        status=status if status is not None else error_class.http_status,
        code=code,
        details=details if isinstance(details, Mapping) else {},
        request_id=request_id,
        headers=headers,
    )


def _json_object(content: bytes) -> dict[str, Any] | None:
    try:
        value = json.loads(content)
    except ValueError:
        return None
    return value if isinstance(value, dict) else None
