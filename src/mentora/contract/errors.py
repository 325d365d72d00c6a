"""One exception class per error code.

Hierarchy::

    MentoraError                  code, status, message, details, headers
    ├── AuthenticationError       401 AUTHENTICATION_ERROR
    │   └── TokenExpiredError     401 TOKEN_EXPIRED
    ├── AuthorizationError        403 AUTHORIZATION_ERROR
    ├── NotFoundError             404 NOT_FOUND
    ├── ValidationFailedError   422 VALIDATION_ERROR
    ├── ConflictError             409 CONFLICT
    ├── RateLimitExceededError    429 RATE_LIMIT_EXCEEDED
    ├── TenantError               400 TENANT_ERROR
    ├── ExternalServiceError      502 EXTERNAL_SERVICE_ERROR
    ├── DatabaseError             500 DATABASE_ERROR
    └── InternalError             500 INTERNAL_ERROR

Subclasses only set defaults; the status always comes from the catalog, so a class can
never answer with a status its code does not have.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

from mentora.contract.catalog import STATUS_BY_CODE, ErrorCode

# RFC 6750 section 3: a 401 for a bearer-protected resource names the scheme and why. A
# request that sent no token gets the bare challenge (section 3.1): see ``contract.handlers``.
BEARER_CHALLENGE = "Bearer"


def bearer_token_in(authorization: str) -> str | None:
    """The token of an ``Authorization: Bearer <token>`` header (RFC 6750 section 2.1), or
    None for another scheme or an empty token."""
    scheme, _, token = authorization.partition(" ")
    token = token.strip()
    return token if scheme.lower() == "bearer" and token else None


_WWW_AUTHENTICATE_INVALID = 'Bearer error="invalid_token"'
_WWW_AUTHENTICATE_EXPIRED = 'Bearer error="invalid_token", error_description="access token expired"'


class MentoraError(Exception):
    code: ClassVar[ErrorCode] = ErrorCode.INTERNAL_ERROR
    default_message: ClassVar[str] = "An unexpected error occurred"

    def __init__(
        self,
        message: str | None = None,
        *,
        details: Mapping[str, Any] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        self.message = message or self.default_message
        self.details: dict[str, Any] = dict(details) if details else {}
        self.headers: dict[str, str] = self.default_headers()
        if headers:
            self.headers.update(headers)
        super().__init__(self.message)

    @property
    def status_code(self) -> int:
        return STATUS_BY_CODE[self.code]

    def default_headers(self) -> dict[str, str]:
        return {}


class AuthenticationError(MentoraError):
    code = ErrorCode.AUTHENTICATION_ERROR
    default_message = "Authentication required"

    def default_headers(self) -> dict[str, str]:
        return {"WWW-Authenticate": _WWW_AUTHENTICATE_INVALID}


class TokenExpiredError(AuthenticationError):
    code = ErrorCode.TOKEN_EXPIRED
    default_message = "Access token has expired"

    def default_headers(self) -> dict[str, str]:
        return {"WWW-Authenticate": _WWW_AUTHENTICATE_EXPIRED}


class AuthorizationError(MentoraError):
    code = ErrorCode.AUTHORIZATION_ERROR
    default_message = "Permission denied"

    @classmethod
    def missing_permission(cls, permission: str) -> AuthorizationError:
        return cls(f"Permission denied: {permission} required", details={"required": permission})


class NotFoundError(MentoraError):
    code = ErrorCode.NOT_FOUND
    default_message = "Resource not found"


class ValidationFailedError(MentoraError):
    """VALIDATION_ERROR raised by our own code; ``details`` maps field path -> message."""

    code = ErrorCode.VALIDATION_ERROR
    default_message = "Request validation failed"

    @classmethod
    def for_field(cls, path: str, message: str) -> ValidationFailedError:
        return cls(details={path: message})


class ConflictError(MentoraError):
    code = ErrorCode.CONFLICT
    default_message = "Resource already exists"


class RateLimitExceededError(MentoraError):
    code = ErrorCode.RATE_LIMIT_EXCEEDED
    default_message = "Too many requests"

    def __init__(self, *, retry_after: int, limit: int, window: int, scope: str, message: str | None = None) -> None:
        retry_after = max(1, int(retry_after))
        super().__init__(
            message,
            details={"retry_after": retry_after, "limit": limit, "window": window, "scope": scope},
            # The policy's state too, as on its successful answers: no room left until the reset.
            headers={
                "Retry-After": str(retry_after),
                "RateLimit-Limit": str(limit),
                "RateLimit-Remaining": "0",
                "RateLimit-Reset": str(retry_after),
            },
        )


class TenantError(MentoraError):
    code = ErrorCode.TENANT_ERROR
    default_message = "Tenant could not be resolved"

    def __init__(self, reason: str, message: str | None = None) -> None:
        super().__init__(message, details={"reason": reason})


class ExternalServiceError(MentoraError):
    code = ErrorCode.EXTERNAL_SERVICE_ERROR
    default_message = "A downstream service failed. Please try again later."

    def __init__(self, *, service: str, reason: str, message: str | None = None) -> None:
        super().__init__(message, details={"service": service, "reason": reason})


class DatabaseError(MentoraError):
    code = ErrorCode.DATABASE_ERROR
    default_message = "A database error occurred. Please try again."


class InternalError(MentoraError):
    code = ErrorCode.INTERNAL_ERROR
    default_message = "An unexpected error occurred"


ERROR_CLASSES: dict[ErrorCode, type[MentoraError]] = {
    cls.code: cls
    for cls in (
        AuthenticationError,
        TokenExpiredError,
        AuthorizationError,
        NotFoundError,
        ValidationFailedError,
        ConflictError,
        RateLimitExceededError,
        TenantError,
        ExternalServiceError,
        DatabaseError,
        InternalError,
    )
}
