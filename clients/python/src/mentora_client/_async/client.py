"""The client: one policy loop (retries, the shared refresh, hooks) under the typed resources."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable, Mapping
from contextlib import asynccontextmanager
from types import TracebackType
from typing import Any

import httpx

from mentora_client._async.resources import (
    Auth,
    CaseStudies,
    ConsoleCaseStudies,
    Grades,
    Jobs,
    Me,
    Meta,
    Roles,
    Sessions,
    Tenants,
    Users,
)
from mentora_client._base import (
    DEFAULT_TIMEOUT,
    Call,
    ClientConfig,
    Params,
    attempt_headers,
    decode_success,
    error_from_response,
    prepare_call,
    refresh_call,
    tokens_from_envelope,
    transport_error,
    user_agent,
)
from mentora_client._retry import RetryPolicy
from mentora_client._session import AsyncSession, SessionState
from mentora_client.errors import AuthenticationError, MentoraError, TokenExpiredError
from mentora_client.hooks import Hooks, Tokens
from mentora_client.sse import ServerSentEvent, aiter_events


class AsyncMentoraClient:
    """A Mentora API client: ``MentoraClient`` for threads and plain scripts, ``AsyncMentoraClient``
    for asyncio, with the same methods (the async ones awaited).

    Concurrent requests that meet TOKEN_EXPIRED share one refresh. ``MentoraClient`` is safe to
    share between threads; use ``AsyncMentoraClient`` from one event loop.
    """

    def __init__(
        self,
        base_url: str,
        *,
        tenant: str | None = None,
        tokens: Tokens | None = None,
        on_tokens: Callable[[Tokens | None], Any] | None = None,
        hooks: Hooks | None = None,
        max_retries: int = 2,
        initial_retry_delay: float = 0.5,
        max_retry_delay: float = 8.0,
        max_retry_after: float = 60.0,
        idempotency_keys: bool = True,
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        headers: Mapping[str, str] | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        """
        ``tenant`` is sent as ``X-Tenant`` (it names the tenant for sign-in and registration).
        ``tokens`` resumes a stored session; ``on_tokens`` hears every change (None: signed out).
        ``max_retries`` bounds the retries of one call for rate limits, database and external
        service errors and lost connections; ``max_retry_after`` is the longest ``Retry-After``
        worth waiting for. With ``idempotency_keys`` (default) every POST and PATCH carries an
        ``Idempotency-Key``, the same on each of its retries, which is what makes retrying them safe;
        sign-in calls (login, register, refresh, logout) carry none and are not retried after a failure.
        ``transport`` replaces the network (``httpx.MockTransport`` in tests).
        """
        self._config = ClientConfig(
            tenant=tenant,
            retry=RetryPolicy(max_retries, initial_retry_delay, max_retry_delay, max_retry_after),
            idempotency_keys=idempotency_keys,
            hooks=hooks or Hooks(),
        )
        self._http = httpx.AsyncClient(
            base_url=base_url,
            timeout=timeout,
            transport=transport,
            headers={"User-Agent": user_agent(), **(headers or {})},
        )
        self._session = AsyncSession(
            SessionState(tokens, on_tokens), self._refresh_tokens, self._config.hooks.on_auth_failure
        )
        self.auth = Auth(self, self._session)
        self.me = Me(self)
        self.users = Users(self)
        self.roles = Roles(self)
        self.tenants = Tenants(self)
        self.case_studies = CaseStudies(self)
        self.console_case_studies = ConsoleCaseStudies(self)
        self.sessions = Sessions(self, self._config.hooks)
        self.grades = Grades(self)
        self.jobs = Jobs(self)
        self.meta = Meta(self)

    # -- session ------------------------------------------------------------------------

    @property
    def tokens(self) -> Tokens | None:
        return self._session.tokens

    def set_tokens(self, tokens: Tokens | None) -> None:
        """Start a session from stored tokens (None: forget them)."""
        self._session.start(tokens)

    # -- requests -----------------------------------------------------------------------

    async def request(
        self,
        method: str,
        path: str,
        *,
        params: Params | None = None,
        json: Any = None,
        headers: Mapping[str, str] | None = None,
        authenticated: bool = True,
        idempotency_key: str | None = None,
    ) -> Any:
        """Send a request with the whole error policy; return the success envelope as parsed JSON.

        The typed methods (``client.users.get(...)``) are thin wrappers of this one; use it
        for routes they do not cover yet.
        """
        call = prepare_call(
            self._config,
            method,
            path,
            params=params,
            json_body=json,
            headers=headers,
            authenticated=authenticated,
            idempotency_key=idempotency_key,
        )
        response = await self._send(call, stream=False)
        return decode_success(response)

    @asynccontextmanager
    async def stream(
        self,
        method: str,
        path: str,
        *,
        params: Params | None = None,
        json: Any = None,
        headers: Mapping[str, str] | None = None,
        idempotency_key: str | None = None,
    ) -> AsyncIterator[AsyncIterator[ServerSentEvent]]:
        """Open a server-sent event stream; errors before it starts follow the usual policy.

        with client.stream("GET", "/v1/...") as events:  # async with, in the async client
            for event in events: ...  # async for
        """
        call = prepare_call(
            self._config,
            method,
            path,
            params=params,
            json_body=json,
            headers={"Accept": "text/event-stream", **(headers or {})},
            authenticated=True,
            idempotency_key=idempotency_key,
        )
        response = await self._send(call, stream=True)
        try:
            yield aiter_events(response.aiter_lines())
        finally:
            await response.aclose()

    async def _send(self, call: Call, *, stream: bool) -> httpx.Response:
        retries = 0
        refreshed = False
        while True:
            used = self._session.credentials() if call.authenticated else None
            request = self._http.build_request(
                call.method,
                call.path,
                params=call.params,
                content=call.content,
                headers=attempt_headers(call, used.access_token if used else None),
            )
            error: MentoraError
            try:
                response = await self._http.send(request, stream=stream)
            except httpx.TransportError as exc:
                error = transport_error(exc, call, request.url)
            else:
                if response.is_success:
                    return response
                try:
                    content = await response.aread()
                finally:
                    await response.aclose()
                error = error_from_response(response.status_code, response.headers, content)
            if used is not None and isinstance(error, AuthenticationError):
                if isinstance(error, TokenExpiredError) and not refreshed:
                    refreshed = True
                    try:
                        await self._session.recover(used, error)
                    except MentoraError as failure:
                        if not isinstance(failure, AuthenticationError):  # e.g. no response to the refresh
                            await self._config.hooks.acall_for(failure)
                        raise
                    continue
                await self._session.fail(used, error)
                raise error
            delay = self._config.retry.delay(error, method=call.method, keyed=call.keyed, retries_done=retries)
            if delay is not None:
                retries += 1
                await asyncio.sleep(delay)
                continue
            await self._config.hooks.acall_for(error)
            raise error

    async def _refresh_tokens(self, refresh_token: str) -> Tokens:
        """POST /v1/auth/refresh, once, outside the policy loop: it is never itself intercepted."""
        call = refresh_call(self._config, refresh_token)
        request = self._http.build_request(call.method, call.path, content=call.content, headers=call.headers)
        try:
            response = await self._http.send(request)
        except httpx.TransportError as exc:
            raise transport_error(exc, call, request.url) from exc
        if not response.is_success:
            raise error_from_response(response.status_code, response.headers, response.content)
        return tokens_from_envelope(decode_success(response))

    # -- lifecycle ----------------------------------------------------------------------

    async def aclose(self) -> None:
        await self._http.aclose()

    async def __aenter__(self) -> AsyncMentoraClient:
        return self

    async def __aexit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        await self.aclose()
