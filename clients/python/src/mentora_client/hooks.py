"""Callbacks for the seed's "frontend action" of each error, and for token changes."""

from __future__ import annotations

import inspect
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from mentora_client.errors import (
    AuthenticationError,
    AuthorizationError,
    ConflictError,
    MentoraError,
    NotFoundError,
    ValidationError,
)

__all__ = ["Hooks", "Tokens"]


@dataclass(frozen=True)
class Tokens:
    access_token: str
    refresh_token: str


@dataclass(frozen=True)
class Hooks:
    """Called once a request has failed for good, just before its error is raised.

    In the seed's order: ``on_auth_failure`` (the session is over: redirect to sign-in;
    called once per session however many requests fail with it), ``on_access_denied``,
    ``on_field_errors``, ``on_not_found``, ``on_conflict``, and ``on_generic_error`` for
    everything else (rate limit still exceeded after the retries, tenant, database,
    external service and internal errors, unknown codes, no response). The async client
    awaits a hook that returns an awaitable.
    """

    on_auth_failure: Callable[[AuthenticationError], Any] | None = None
    on_access_denied: Callable[[AuthorizationError], Any] | None = None
    on_field_errors: Callable[[ValidationError], Any] | None = None
    on_not_found: Callable[[NotFoundError], Any] | None = None
    on_conflict: Callable[[ConflictError], Any] | None = None
    on_generic_error: Callable[[MentoraError], Any] | None = None

    def call_for(self, error: MentoraError) -> Any:
        """Run the hook for an error that is not an authentication failure; return what it returned."""
        if isinstance(error, AuthenticationError):
            return None  # the session reports these, once per session
        if isinstance(error, AuthorizationError):
            return self.on_access_denied(error) if self.on_access_denied else None
        if isinstance(error, ValidationError):
            return self.on_field_errors(error) if self.on_field_errors else None
        if isinstance(error, NotFoundError):
            return self.on_not_found(error) if self.on_not_found else None
        if isinstance(error, ConflictError):
            return self.on_conflict(error) if self.on_conflict else None
        return self.on_generic_error(error) if self.on_generic_error else None

    async def acall_for(self, error: MentoraError) -> None:
        """``call_for``, awaiting a hook that returns an awaitable: the async client's way.

        The async client calls this where the generated sync client calls ``call_for``.
        """
        result = self.call_for(error)
        if inspect.isawaitable(result):
            await result
