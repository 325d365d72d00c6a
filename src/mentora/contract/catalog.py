"""The closed set of error codes: the seed's table, as data.

Everything else (exception classes, response statuses, the OpenAPI schemas, the
``/v1/meta/error-codes`` route and ``docs/error-codes.md``) is derived from ``CATALOG``.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class ErrorCode(StrEnum):
    AUTHENTICATION_ERROR = "AUTHENTICATION_ERROR"
    TOKEN_EXPIRED = "TOKEN_EXPIRED"  # noqa: S105 (a code, not a secret)
    AUTHORIZATION_ERROR = "AUTHORIZATION_ERROR"
    NOT_FOUND = "NOT_FOUND"
    VALIDATION_ERROR = "VALIDATION_ERROR"
    CONFLICT = "CONFLICT"
    RATE_LIMIT_EXCEEDED = "RATE_LIMIT_EXCEEDED"
    TENANT_ERROR = "TENANT_ERROR"
    EXTERNAL_SERVICE_ERROR = "EXTERNAL_SERVICE_ERROR"
    DATABASE_ERROR = "DATABASE_ERROR"
    INTERNAL_ERROR = "INTERNAL_ERROR"


@dataclass(frozen=True, slots=True)
class CatalogEntry:
    code: ErrorCode
    status: int
    description: str
    action: str


CATALOG: tuple[CatalogEntry, ...] = (
    CatalogEntry(ErrorCode.AUTHENTICATION_ERROR, 401, "Missing, malformed, or invalid token", "Redirect to login"),
    CatalogEntry(ErrorCode.TOKEN_EXPIRED, 401, "Access token has expired", "Refresh the token, then retry the request"),
    CatalogEntry(
        ErrorCode.AUTHORIZATION_ERROR,
        403,
        "User’s role lacks permission for this endpoint",
        "Show “access denied” message",
    ),
    CatalogEntry(ErrorCode.NOT_FOUND, 404, "The requested resource does not exist", "Show “not found” or redirect"),
    CatalogEntry(
        ErrorCode.VALIDATION_ERROR, 422, "Request body failed validation", "Display field-level errors from details"
    ),
    CatalogEntry(
        ErrorCode.CONFLICT, 409, "Resource already exists (e.g. duplicate email)", "Inform user of the conflict"
    ),
    CatalogEntry(
        ErrorCode.RATE_LIMIT_EXCEEDED, 429, "Too many requests in the time window", "Back off and retry after a delay"
    ),
    CatalogEntry(
        ErrorCode.TENANT_ERROR,
        400,
        "Tenant could not be resolved from the request",
        "Check configuration / contact support",
    ),
    CatalogEntry(
        ErrorCode.EXTERNAL_SERVICE_ERROR,
        502,
        "A downstream service (AI, LMS, etc.) failed",
        "Retry or show a “try again later” message",
    ),
    CatalogEntry(ErrorCode.DATABASE_ERROR, 500, "Internal database failure", "Retry or show a generic error"),
    CatalogEntry(ErrorCode.INTERNAL_ERROR, 500, "Unhandled server error", "Show a generic error message"),
)

STATUS_BY_CODE: dict[ErrorCode, int] = {entry.code: entry.status for entry in CATALOG}
