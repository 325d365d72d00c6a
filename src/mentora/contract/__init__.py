"""The error contract: codes, envelopes, exceptions, handlers and their OpenAPI schemas.

This package imports nothing else of mentora, so every layer can stand on it.
"""

from mentora.contract.catalog import CATALOG, STATUS_BY_CODE, CatalogEntry, ErrorCode
from mentora.contract.envelope import (
    EmptyEnvelope,
    ErrorEnvelope,
    ListEnvelope,
    SuccessEnvelope,
    error_response,
    response_for,
)
from mentora.contract.errors import (
    ERROR_CLASSES,
    AuthenticationError,
    AuthorizationError,
    ConflictError,
    DatabaseError,
    ExternalServiceError,
    InternalError,
    MentoraError,
    NotFoundError,
    RateLimitExceededError,
    TenantError,
    TokenExpiredError,
    ValidationFailedError,
    bearer_token_in,
)
from mentora.contract.handlers import add_exception_handlers
from mentora.contract.openapi import declared_error_codes, document_errors, error_responses, id_links, raises

__all__ = [
    "CATALOG",
    "ERROR_CLASSES",
    "STATUS_BY_CODE",
    "AuthenticationError",
    "AuthorizationError",
    "CatalogEntry",
    "ConflictError",
    "DatabaseError",
    "EmptyEnvelope",
    "ErrorCode",
    "ErrorEnvelope",
    "ExternalServiceError",
    "InternalError",
    "ListEnvelope",
    "MentoraError",
    "NotFoundError",
    "RateLimitExceededError",
    "SuccessEnvelope",
    "TenantError",
    "TokenExpiredError",
    "ValidationFailedError",
    "add_exception_handlers",
    "bearer_token_in",
    "declared_error_codes",
    "document_errors",
    "error_response",
    "error_responses",
    "id_links",
    "raises",
    "response_for",
]
