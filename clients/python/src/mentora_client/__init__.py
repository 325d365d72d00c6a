"""Client for the Mentora API.

    from mentora_client import MentoraClient, Hooks

    client = MentoraClient("https://api.example.edu", tenant="demo")
    client.auth.login(email="admin@demo.example.com", password="...")
    me = client.me.get()

``AsyncMentoraClient`` has the same surface for asyncio. Errors are in ``mentora_client.errors``.
"""

from mentora_client._async.client import AsyncMentoraClient
from mentora_client._retry import RetryPolicy, parse_retry_after
from mentora_client._sync.client import MentoraClient
from mentora_client._version import __version__
from mentora_client.errors import (
    ERROR_CLASSES,
    ApiError,
    AuthenticationError,
    AuthorizationError,
    ConflictError,
    DatabaseError,
    ExternalServiceError,
    InternalError,
    MentoraError,
    NotFoundError,
    RateLimitError,
    TenantError,
    TokenExpiredError,
    TransportError,
    ValidationError,
)
from mentora_client.hooks import Hooks, Tokens
from mentora_client.page import Page
from mentora_client.sse import ServerSentEvent

__all__ = [
    "__version__",
    "MentoraClient",
    "AsyncMentoraClient",
    "Hooks",
    "Tokens",
    "Page",
    "ServerSentEvent",
    "RetryPolicy",
    "parse_retry_after",
    "ERROR_CLASSES",
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
]
