"""The policy every outbound call follows: timeouts, bounded retries, a circuit breaker.

- Timeouts: connect and per-read (httpx), and a total deadline for the whole call.
- Retries (tenacity): only what is safe to repeat, a call that never reached the service
  (connection refused or timed out while connecting) or that it turned away before doing
  anything (429, 502, 503, 504), with jittered backoff, at most ``outbound_attempts``.
- A size cap (``outbound_max_response_bytes``) on every answer, streamed or not: a
  service that sends more is ``bad_response``, and the rest is never read.
- A circuit per (tenant, service endpoint) (purgatory): after
  ``circuit_failure_threshold`` failures in a row it opens and calls fail at once
  (``circuit_open``) for ``circuit_open_seconds``; then calls go through again, and the
  first failure reopens it.
Failures become EXTERNAL_SERVICE_ERROR with ``service`` and ``reason``; the upstream's
body and our credentials never reach an error body or a log line.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import AsyncIterator, Callable, Mapping
from contextlib import asynccontextmanager
from typing import Any, TypeVar

import httpx
from purgatory import AsyncCircuitBreakerFactory
from purgatory.domain.model import OpenedState
from tenacity import AsyncRetrying, retry_if_exception, stop_after_attempt, wait_random_exponential

from mentora.config import Settings
from mentora.contract import ExternalServiceError
from mentora.platform import metrics
from mentora.platform.outbound.errors import SERVICE_EXTENSION, external_error_for, reason_for_status

logger = logging.getLogger("mentora.outbound")
T = TypeVar("T")

_TURNED_AWAY = frozenset({429, 502, 503, 504})


class _NotReachedError(Exception):
    """A failure that did no work upstream, so the call may be repeated."""

    def __init__(self, error: ExternalServiceError) -> None:
        super().__init__(error.message)
        self.error = error


class _CappedStream(httpx.AsyncByteStream):
    """An answer's body, read up to ``limit`` bytes; past that it is refused, not buffered."""

    def __init__(self, stream: httpx.AsyncByteStream, limit: int, too_large: Callable[[], Exception]) -> None:
        self._stream = stream
        self._limit = limit
        self._too_large = too_large

    async def __aiter__(self) -> AsyncIterator[bytes]:
        received = 0
        async for chunk in self._stream:
            received += len(chunk)
            if received > self._limit:
                raise self._too_large()
            yield chunk

    async def aclose(self) -> None:
        await self._stream.aclose()


class _FirstByteTimer(httpx.AsyncByteStream):
    """A streamed answer that records how long its first bytes took since the call began."""

    def __init__(self, stream: httpx.AsyncByteStream, service: str, started: float) -> None:
        self._stream = stream
        self._service = service
        self._started = started

    async def __aiter__(self) -> AsyncIterator[bytes]:
        first = True
        async for chunk in self._stream:
            if first and chunk:
                first = False
                metrics.observe_first_byte(self._service, time.perf_counter() - self._started)
            yield chunk

    async def aclose(self) -> None:
        await self._stream.aclose()


class OutboundClient:
    """One per process and service; ``circuit`` names who the call is for (tenant + endpoint)."""

    def __init__(self, service: str, settings: Settings, *, transport: httpx.AsyncBaseTransport | None = None) -> None:
        self.service = service
        self._total = settings.outbound_total_timeout
        self._attempts = settings.outbound_attempts
        self.max_response_bytes = settings.outbound_max_response_bytes
        self._http = httpx.AsyncClient(
            timeout=httpx.Timeout(
                connect=settings.outbound_connect_timeout,
                read=settings.outbound_read_timeout,
                write=settings.outbound_read_timeout,
                pool=settings.outbound_connect_timeout,
            ),
            transport=transport,
            follow_redirects=False,
            # The size cap counts bytes as they arrive: ask for them uncompressed (compressed
            # answers are refused, see _cap).
            headers={"Accept-Encoding": "identity"},
        )
        self._breakers = AsyncCircuitBreakerFactory(
            default_threshold=settings.circuit_failure_threshold,
            default_ttl=settings.circuit_open_seconds,
            # A caller that goes away (a student closing the page) is not the service failing.
            exclude=[asyncio.CancelledError, GeneratorExit],
        )

    async def close(self) -> None:
        await self._http.aclose()

    async def request(
        self,
        method: str,
        url: str,
        *,
        circuit: str,
        parse: Callable[[httpx.Response], T],
        json: Any = None,
        form: Mapping[str, str] | None = None,
        headers: Mapping[str, str] | None = None,
    ) -> T:
        """A complete call, its 2xx answer read and handed to ``parse``.

        ``parse`` validates the answer inside the circuit: a service that keeps answering
        nonsense (``bad_response``) opens it like one that keeps failing.
        """
        async with self._guarded(circuit):
            response = await self._with_retries(self._build(method, url, json=json, form=form, headers=headers))
            await response.aread()
            await response.aclose()
            return parse(response)

    @asynccontextmanager
    async def stream(
        self, method: str, url: str, *, circuit: str, json: Any = None, headers: Mapping[str, str] | None = None
    ) -> AsyncIterator[httpx.Response]:
        """A streamed call: yields once the status is known to be 2xx; the caller reads the body.

        A failure while reading (dropped connection, stalled stream) counts against the
        circuit and is raised as EXTERNAL_SERVICE_ERROR.
        """
        started = time.perf_counter()
        async with self._guarded(circuit):
            request = self._build(method, url, json=json, form=None, headers=headers)
            response = await self._with_retries(request, stream=True)
            assert isinstance(response.stream, httpx.AsyncByteStream)
            response.stream = _FirstByteTimer(response.stream, self.service, started)
            try:
                yield response
            except httpx.HTTPError as exc:
                raise self._failed(external_error_for(exc), exc) from None
            finally:
                await response.aclose()

    def _build(
        self, method: str, url: str, *, json: Any, form: Mapping[str, str] | None, headers: Mapping[str, str] | None
    ) -> httpx.Request:
        try:
            return self._http.build_request(
                method, url, json=json, data=form, headers=headers, extensions={SERVICE_EXTENSION: self.service}
            )
        except httpx.InvalidURL:  # a misconfigured endpoint: the service cannot be called at all
            raise self._failed(ExternalServiceError(service=self.service, reason="rejected"), "invalid URL") from None

    async def _with_retries(self, request: httpx.Request, *, stream: bool = False) -> httpx.Response:
        # The body is bytes, so the same request can be sent again.
        retrying = AsyncRetrying(
            stop=stop_after_attempt(self._attempts),
            wait=wait_random_exponential(multiplier=0.2, max=2),
            retry=retry_if_exception(lambda exc: isinstance(exc, _NotReachedError)),
            reraise=True,
        )
        try:
            async for attempt in retrying:
                with attempt:
                    return await self._send(request, stream=stream)
        except _NotReachedError as exc:
            raise exc.error from None
        raise AssertionError("unreachable")  # pragma: no cover

    async def _send(self, request: httpx.Request, *, stream: bool) -> httpx.Response:
        try:
            response = await self._http.send(request, stream=True)
        except (httpx.ConnectError, httpx.ConnectTimeout, httpx.PoolTimeout) as exc:
            raise _NotReachedError(self._failed(external_error_for(exc), exc)) from None
        except httpx.HTTPError as exc:
            raise self._failed(external_error_for(exc), exc) from None
        if response.status_code >= 400:
            await response.aclose()
            error = ExternalServiceError(service=self.service, reason=reason_for_status(response.status_code))
            self._failed(error, f"status {response.status_code}")
            if response.status_code in _TURNED_AWAY:
                raise _NotReachedError(error)
            raise error
        try:
            self._cap(response)
            if not stream:
                await response.aread()
        except httpx.HTTPError as exc:
            await response.aclose()
            raise self._failed(external_error_for(exc), exc) from None
        except ExternalServiceError:
            await response.aclose()
            raise
        return response

    def _cap(self, response: httpx.Response) -> None:
        """Refuse an answer declared too large, or compressed, at once; count the bytes of any
        other as they arrive."""

        def refused(why: str) -> ExternalServiceError:
            return self._failed(ExternalServiceError(service=self.service, reason="bad_response"), why)

        def too_large() -> ExternalServiceError:
            return refused("answer too large")

        declared = response.headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_response_bytes:
            raise too_large()
        # Counted bytes are the wire's: a compressed answer (asked for uncompressed, sent
        # anyway) could decode far past the cap, so it is refused unread.
        if response.headers.get("content-encoding", "identity").strip().lower() not in ("", "identity"):
            raise refused("compressed answer")
        assert isinstance(response.stream, httpx.AsyncByteStream)
        response.stream = _CappedStream(response.stream, self.max_response_bytes, too_large)

    @asynccontextmanager
    async def _guarded(self, circuit: str) -> AsyncIterator[None]:
        """One logical call, counted by its outcome: within its circuit and total deadline."""
        started = time.perf_counter()
        outcome, reason = "ok", ""
        try:
            async with self._within_circuit(circuit):
                yield
        except ExternalServiceError as exc:
            outcome, reason = "error", str(exc.details.get("reason", ""))
            raise
        except (asyncio.CancelledError, GeneratorExit):
            outcome = "cancelled"  # the caller went away: not the service's doing
            raise
        except BaseException:
            outcome, reason = "error", "other"
            raise
        finally:
            metrics.record_outbound_call(self.service, outcome, reason, time.perf_counter() - started)

    @asynccontextmanager
    async def _within_circuit(self, circuit: str) -> AsyncIterator[None]:
        """The circuit breaker and the total deadline around one logical call."""
        try:
            breaker = await self._breakers.get_breaker(f"{self.service}:{circuit}")
            async with breaker:
                async with asyncio.timeout(self._total):
                    yield
        except OpenedState:
            raise ExternalServiceError(
                service=self.service, reason="circuit_open", message=f"The {self.service} service is unavailable"
            ) from None
        except TimeoutError:
            raise self._failed(ExternalServiceError(service=self.service, reason="timeout"), "total deadline") from None

    def _failed(self, error: ExternalServiceError, cause: object) -> ExternalServiceError:
        logger.warning(
            "%s call failed: %s", self.service, error.details["reason"], extra={"cause": type(cause).__name__}
        )
        return error
