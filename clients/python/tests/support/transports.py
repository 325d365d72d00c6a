"""Transports that record every attempt, and either reach a real server or play a script.

Every request the client makes goes through one of these, so a scenario can count
attempts per route (refresh calls included), read the headers they carried, inject a
lost response, and time the wait after a 429.
"""

from __future__ import annotations

import asyncio
import json
import re
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from typing import Any

import httpx

ERROR_MESSAGES = {
    "AUTHENTICATION_ERROR": "Invalid or missing token",
    "TOKEN_EXPIRED": "Access token has expired",
    "RATE_LIMIT_EXCEEDED": "Too many requests",
    "DATABASE_ERROR": "Database error",
    "EXTERNAL_SERVICE_ERROR": "External service failed",
}
HTTP_DATE = re.compile(r"\{http_date\+(\d+)\}")


def route_of(request: httpx.Request) -> str:
    return f"{request.method} {request.url.path}"


@dataclass
class Exchange:
    route: str
    request_headers: dict[str, str]
    started: float  # time.monotonic()
    finished: float | None = None
    finished_wall: float | None = None
    status: int | None = None
    response_headers: dict[str, str] = field(default_factory=dict)
    unscripted: bool = False


class Recorder:
    def __init__(self) -> None:
        self.exchanges: list[Exchange] = []
        self._faults: dict[str, int] = {}
        self._lock = threading.Lock()

    def begin(self, request: httpx.Request) -> Exchange:
        exchange = Exchange(route_of(request), {k.lower(): v for k, v in request.headers.items()}, time.monotonic())
        with self._lock:
            self.exchanges.append(exchange)
        return exchange

    @staticmethod
    def end(exchange: Exchange, response: httpx.Response | None) -> None:
        exchange.finished = time.monotonic()
        exchange.finished_wall = time.time()
        if response is not None:
            exchange.status = response.status_code
            exchange.response_headers = {k.lower(): v for k, v in response.headers.items()}

    def drop_responses(self, route: str, times: int) -> None:
        with self._lock:
            self._faults[route] = self._faults.get(route, 0) + times

    def take_fault(self, route: str) -> bool:
        with self._lock:
            if self._faults.get(route, 0) <= 0:
                return False
            self._faults[route] -= 1
            return True

    def on(self, route: str) -> list[Exchange]:
        with self._lock:
            return [exchange for exchange in self.exchanges if exchange.route == route]


def lost_response(request: httpx.Request) -> httpx.ReadError:
    return httpx.ReadError("connection reset after the request was processed (injected)", request=request)


class LiveTransport(httpx.BaseTransport):
    """The network, recorded; ``drop_responses`` loses responses after the server did the work."""

    def __init__(self, recorder: Recorder) -> None:
        self._recorder = recorder
        self._inner = httpx.HTTPTransport(limits=httpx.Limits(max_connections=200, max_keepalive_connections=200))

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        exchange = self._recorder.begin(request)
        try:
            response = self._inner.handle_request(request)
        except Exception:
            self._recorder.end(exchange, None)
            raise
        self._recorder.end(exchange, response)
        if self._recorder.take_fault(exchange.route):
            response.read()
            response.close()
            raise lost_response(request)
        return response

    def close(self) -> None:
        self._inner.close()


class AsyncLiveTransport(httpx.AsyncBaseTransport):
    def __init__(self, recorder: Recorder) -> None:
        self._recorder = recorder
        self._inner = httpx.AsyncHTTPTransport(limits=httpx.Limits(max_connections=200, max_keepalive_connections=200))

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        exchange = self._recorder.begin(request)
        try:
            response = await self._inner.handle_async_request(request)
        except Exception:
            self._recorder.end(exchange, None)
            raise
        self._recorder.end(exchange, response)
        if self._recorder.take_fault(exchange.route):
            await response.aread()
            await response.aclose()
            raise lost_response(request)
        return response

    async def aclose(self) -> None:
        await self._inner.aclose()


class Script:
    """The scripted server: per route, entries matched in order (``when_token``, ``times``)."""

    def __init__(self, routes: dict[str, list[dict[str, Any]]]) -> None:
        self._routes = {route: [dict(entry) for entry in entries] for route, entries in routes.items()}
        self._lock = threading.Lock()
        self._served = 0

    def pick(self, request: httpx.Request) -> dict[str, Any] | None:
        authorization = request.headers.get("authorization", "")
        token = authorization.removeprefix("Bearer ")
        with self._lock:
            self._served += 1
            for entry in self._routes.get(route_of(request), []):
                if "when_token" in entry and entry["when_token"] != token:
                    continue
                if "times" in entry:
                    if entry["times"] <= 0:
                        continue
                    entry["times"] -= 1
                return {**entry, "request_number": self._served}
        return None

    @staticmethod
    def respond(entry: dict[str, Any] | None, request: httpx.Request) -> httpx.Response:
        if entry is None:
            return httpx.Response(599, text="no scripted response", request=request)
        headers = {"content-type": "application/json", "x-request-id": f"req-{entry['request_number']}"}
        for name, value in entry.get("headers", {}).items():
            headers[name.lower()] = HTTP_DATE.sub(_http_date, str(value))
        status = int(entry.get("status", 200))
        if "raw" in entry:
            return httpx.Response(status, headers=headers, content=str(entry["raw"]).encode(), request=request)
        if status < 400:
            body: dict[str, Any] = {"success": True, "data": entry.get("data"), "message": None}
        else:
            code = entry["code"]
            body = {
                "success": False,
                "error": entry.get("error", ERROR_MESSAGES.get(code, code)),
                "code": code,
                "details": entry.get("details", {}),
            }
        return httpx.Response(status, headers=headers, content=json.dumps(body).encode(), request=request)


def _http_date(match: re.Match[str]) -> str:
    return format_datetime(datetime.now(UTC) + timedelta(seconds=int(match.group(1))), usegmt=True)


def scripted_failure(request: httpx.Request) -> httpx.ConnectError:
    return httpx.ConnectError("connection reset (scripted)", request=request)


class _Scripted:
    """What both scripted transports do around the wait that an entry's ``delay`` asks for."""

    def __init__(self, script: Script, recorder: Recorder) -> None:
        self._script = script
        self._recorder = recorder

    def _pick(self, request: httpx.Request) -> tuple[Exchange, dict[str, Any] | None, float]:
        """The exchange recorded, the script's entry for the request, and the seconds to wait."""
        exchange = self._recorder.begin(request)
        entry = self._script.pick(request)
        return exchange, entry, float(entry["delay"]) if entry is not None and entry.get("delay") else 0.0

    def _respond(self, exchange: Exchange, entry: dict[str, Any] | None, request: httpx.Request) -> httpx.Response:
        if entry is not None and entry.get("transport_error"):
            self._recorder.end(exchange, None)
            raise scripted_failure(request)
        response = self._script.respond(entry, request)
        exchange.unscripted = entry is None
        self._recorder.end(exchange, response)
        return response


class ScriptedTransport(_Scripted, httpx.BaseTransport):
    def handle_request(self, request: httpx.Request) -> httpx.Response:
        exchange, entry, delay = self._pick(request)
        if delay:
            time.sleep(delay)
        return self._respond(exchange, entry, request)


class AsyncScriptedTransport(_Scripted, httpx.AsyncBaseTransport):
    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        exchange, entry, delay = self._pick(request)
        if delay:
            await asyncio.sleep(delay)
        return self._respond(exchange, entry, request)
