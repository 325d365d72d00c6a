"""The signed-in session: its tokens, the one shared refresh, and its end.

Rules (CONTRACT.md section 5, issue 7):

- A request that meets TOKEN_EXPIRED starts a refresh only if it carried the current
  access token and no refresh is running; one running is joined; a newer token already
  in place is simply used. So any number of concurrent requests cause one refresh.
- The refresh request itself is sent once and never goes through this machinery.
- A refresh the server rejects (AUTHENTICATION_ERROR) ends the session: tokens are
  dropped and ``on_auth_failure`` runs, once per session (a sign-in), however many
  requests were waiting on it or fail with AUTHENTICATION_ERROR afterwards.
"""

from __future__ import annotations

import asyncio
import enum
import inspect
import threading
from collections.abc import Awaitable, Callable
from concurrent.futures import Future
from dataclasses import dataclass
from typing import Any

from mentora_client.errors import AuthenticationError, MentoraError
from mentora_client.hooks import Tokens


@dataclass(frozen=True)
class Credentials:
    """What a request was sent with: the access token (if any) and the sign-in it belongs to."""

    access_token: str | None
    generation: int


class Plan(enum.Enum):
    RETRY = "retry"  # a newer access token is already in place
    REFRESH = "refresh"  # the request carried the current token: refresh it
    FAIL = "fail"  # nothing to refresh with: the session is over


class SessionState:
    """Token state and decisions, without locking or I/O; the sessions below add those."""

    def __init__(self, tokens: Tokens | None, on_tokens: Callable[[Tokens | None], Any] | None) -> None:
        self.tokens = tokens
        self.generation = 0  # bumped by every sign-in (or explicit token change), not by refreshes
        self.ended = False
        self._on_tokens = on_tokens

    def credentials(self) -> Credentials:
        return Credentials(self.tokens.access_token if self.tokens else None, self.generation)

    def start(self, tokens: Tokens | None) -> None:
        """A new sign-in (or sign-out, with None)."""
        self.generation += 1
        self.ended = False
        self._set(tokens)

    def refreshed(self, tokens: Tokens, generation: int) -> None:
        if generation == self.generation and not self.ended:  # else a newer sign-in has replaced it
            self._set(tokens)

    def end(self, generation: int) -> bool:
        """End the session the failed request belonged to; True the first time only."""
        if generation != self.generation or self.ended:
            return False
        self.ended = True
        self._set(None)
        return True

    def plan(self, used: Credentials) -> Plan:
        current = self.tokens
        if current is not None and current.access_token != used.access_token:
            return Plan.RETRY
        if current is not None and used.generation == self.generation:
            return Plan.REFRESH
        return Plan.FAIL

    def _set(self, tokens: Tokens | None) -> None:
        self.tokens = tokens
        if self._on_tokens is not None:
            self._on_tokens(tokens)


@dataclass
class _Flight:
    """One refresh in progress, and who is waiting for it."""

    refresh_token: str
    generation: int
    done: Future[None]


class SyncSession:
    """The rules for threads: decisions under a lock, the refresh call outside it."""

    def __init__(
        self,
        state: SessionState,
        refresh: Callable[[str], Tokens],
        on_auth_failure: Callable[[AuthenticationError], Any] | None,
    ) -> None:
        self._state = state
        self._refresh = refresh
        self._on_auth_failure = on_auth_failure
        self._lock = threading.Lock()
        self._flight: _Flight | None = None

    @property
    def tokens(self) -> Tokens | None:
        return self._state.tokens

    def credentials(self) -> Credentials:
        with self._lock:
            return self._state.credentials()

    def start(self, tokens: Tokens | None) -> None:
        with self._lock:
            self._state.start(tokens)

    def recover(self, used: Credentials, error: AuthenticationError) -> None:
        """After TOKEN_EXPIRED: return once a retry is worth it, or raise what ends the request."""
        with self._lock:
            flight, lead = self._flight, False
            if flight is None:
                plan = self._state.plan(used)
                if plan is Plan.RETRY:
                    return
                if plan is Plan.REFRESH:
                    flight, lead = self._begin(), True
                else:
                    ended = self._state.end(used.generation)
        if flight is None:
            if ended:
                self._report(error)
            raise error
        self._finish(flight, lead=lead)

    def refresh(self) -> None:
        """Refresh now, or join the refresh in flight."""
        with self._lock:
            flight, lead = self._flight, False
            if flight is None:
                if self._state.tokens is None:
                    raise MentoraError("Not signed in: there is no refresh token")
                flight, lead = self._begin(), True
        self._finish(flight, lead=lead)

    def fail(self, used: Credentials, error: AuthenticationError) -> None:
        with self._lock:
            ended = self._state.end(used.generation)
        if ended:
            self._report(error)

    def _begin(self) -> _Flight:
        tokens = self._state.tokens
        assert tokens is not None
        self._flight = _Flight(tokens.refresh_token, self._state.generation, Future())
        return self._flight

    def _finish(self, flight: _Flight, *, lead: bool) -> None:
        if not lead:
            flight.done.result()  # re-raises the refresh's failure
            return
        try:
            fresh = self._refresh(flight.refresh_token)
        except AuthenticationError as exc:
            with self._lock:
                ended = self._state.end(flight.generation)
                self._flight = None
            flight.done.set_exception(exc)
            if ended:
                self._report(exc)
            raise
        except BaseException as exc:
            with self._lock:
                self._flight = None
            flight.done.set_exception(exc)
            raise
        with self._lock:
            self._state.refreshed(fresh, flight.generation)
            self._flight = None
        flight.done.set_result(None)

    def _report(self, error: AuthenticationError) -> None:
        if self._on_auth_failure is not None:
            self._on_auth_failure(error)


class AsyncSession:
    """The same rules on one event loop: no lock needed, a shared task is the refresh."""

    def __init__(
        self,
        state: SessionState,
        refresh: Callable[[str], Awaitable[Tokens]],
        on_auth_failure: Callable[[AuthenticationError], Any] | None,
    ) -> None:
        self._state = state
        self._refresh = refresh
        self._on_auth_failure = on_auth_failure
        self._flight: asyncio.Future[None] | None = None

    @property
    def tokens(self) -> Tokens | None:
        return self._state.tokens

    def credentials(self) -> Credentials:
        return self._state.credentials()

    def start(self, tokens: Tokens | None) -> None:
        self._state.start(tokens)

    async def recover(self, used: Credentials, error: AuthenticationError) -> None:
        if self._flight is None:
            plan = self._state.plan(used)
            if plan is Plan.RETRY:
                return
            if plan is Plan.FAIL:
                if self._state.end(used.generation):
                    await self._report(error)
                raise error
            self._flight = asyncio.ensure_future(self._refresh_once())
        await asyncio.shield(self._flight)

    async def refresh(self) -> None:
        if self._flight is None:
            if self._state.tokens is None:
                raise MentoraError("Not signed in: there is no refresh token")
            self._flight = asyncio.ensure_future(self._refresh_once())
        await asyncio.shield(self._flight)

    async def fail(self, used: Credentials, error: AuthenticationError) -> None:
        if self._state.end(used.generation):
            await self._report(error)

    async def _refresh_once(self) -> None:
        tokens, generation = self._state.tokens, self._state.generation
        assert tokens is not None
        try:
            fresh = await self._refresh(tokens.refresh_token)
        except AuthenticationError as exc:
            if self._state.end(generation):
                await self._report(exc)
            raise
        else:
            self._state.refreshed(fresh, generation)
        finally:
            self._flight = None

    async def _report(self, error: AuthenticationError) -> None:
        if self._on_auth_failure is not None:
            result = self._on_auth_failure(error)
            if inspect.isawaitable(result):
                await result
