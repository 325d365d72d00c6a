"""``Idempotency-Key`` on POST and PATCH: a retried request is answered, not redone.

The first response for a (tenant, user, key) is stored for 24 hours and replayed for a
repeat with the same method, path and body (with ``Idempotent-Replayed: true``). The
same key with a different request is VALIDATION_ERROR; a repeat while the first is still
running is CONFLICT. Only answers that did the work are kept: server errors, 401s and
429s are forgotten, so the retry runs again. Streams are never stored.

Two parts, because a repeat must pass every check the first request passed:

- ``IdempotencyMiddleware`` sees each keyed request through and stores the response that
  the route's own dependency claimed.
- ``answer_repeat`` is the last dependency of every POST and PATCH route, so FastAPI runs
  it after the route's authentication and permission checks: a repeat from a signed-out,
  deactivated or no longer permitted caller gets what the route says now (401, 403), never
  the stored answer. It claims the key, or ends the request with the stored answer.

Routes that authenticate nobody (register, login, refresh, logout) ignore the key: their
answers are credentials, and keeping them would undo storing refresh tokens hashed. Every
stored response is encrypted with the secrets key (an invited user's temporary password
is one), and requests are compared by a keyed digest, so the table holds nothing
readable or guessable offline.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

import orjson
from fastapi import Depends, Request
from fastapi.dependencies.utils import get_parameterless_sub_dependant
from fastapi.routing import APIRoute
from sqlalchemy import JSON, Integer, LargeBinary, String, delete
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, mapped_column
from starlette.responses import Response
from starlette.routing import BaseRoute
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from mentora.contract import ConflictError, ErrorCode, ValidationFailedError
from mentora.contract.openapi import kept_for_replay
from mentora.platform.db import Base, Database
from mentora.platform.db.types import UTCDateTime, utcnow
from mentora.platform.secrets import SecretBox
from mentora.platform.security.principal import PRINCIPAL_KEY, Principal
from mentora.platform.services import Services, services_of

logger = logging.getLogger("mentora.idempotency")

HEADER = b"idempotency-key"
KEYED_METHODS = frozenset({"POST", "PATCH"})
# What a key itself can answer: malformed or reused for another request, and still running.
KEY_ERROR_CODES = (ErrorCode.VALIDATION_ERROR, ErrorCode.CONFLICT)
_SANE_KEY = re.compile(rb"[A-Za-z0-9._:-]{1,255}")
LIFETIME = timedelta(hours=24)
# A key still "in progress" after this long belongs to a request that died: run it again.
ABANDONED_AFTER = timedelta(minutes=2)
_FRESH = frozenset({"content-length", "x-request-id"})  # a replay's own, never the first response's
# Where a keyed request carries what its route's dependency claimed (``scope[...]``).
SCOPE_KEY = "mentora.idempotency"


class IdempotencyRecord(Base):
    __tablename__ = "idempotency_keys"

    tenant: Mapped[str] = mapped_column(String(100), primary_key=True)
    caller: Mapped[str] = mapped_column(String(100), primary_key=True)
    key: Mapped[str] = mapped_column(String(255), primary_key=True)
    fingerprint: Mapped[str] = mapped_column(String(64))  # keyed digest of method, path and body
    status: Mapped[int | None] = mapped_column(Integer)  # None while the first request runs
    # Unused: the headers are sealed in ``body`` with the content. Rows of earlier releases
    # kept them here in plain text; they cannot be opened, so they count as expired.
    headers: Mapped[list[list[str]] | None] = mapped_column(JSON)
    body: Mapped[bytes | None] = mapped_column(LargeBinary)  # the response, encrypted
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())


RecordId = tuple[str, str, str]  # (tenant, caller, key)


@dataclass(slots=True)
class _KeyedRequest:
    key: bytes
    claimed: RecordId | None = None  # set by ``answer_repeat`` when this request does the work


class _Replay(Exception):  # noqa: N818 (not an error: the request is answered)
    """Ends a repeat after its route's checks; the middleware sends ``response``."""

    def __init__(self, response: Response) -> None:
        super().__init__()
        self.response = response


def _header(scope: Scope, name: bytes) -> bytes | None:
    for header, value in scope["headers"]:
        if header == name:
            return bytes(value)
    return None


class IdempotencyMiddleware:
    def __init__(self, app: ASGIApp, *, services: Services) -> None:
        self.app = app
        self._services = services

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        key = _header(scope, HEADER) if scope["type"] == "http" and scope["method"] in KEYED_METHODS else None
        if key is None:
            await self.app(scope, receive, send)
            return
        keyed = scope[SCOPE_KEY] = _KeyedRequest(key)
        recorder = _Recorder(send)
        try:
            await self.app(scope, receive, recorder.send)
        except _Replay as replay:
            await replay.response(scope, receive, send)
        finally:
            if keyed.claimed is not None:
                await _settle(self._services.database, self._services.secrets, keyed.claimed, recorder)


async def answer_repeat(request: Request) -> None:
    """Claim the request's key, or answer a repeat with the stored response.

    Runs last among the route's dependencies, once the caller is authenticated and
    permitted: the caller is the principal those checks resolved.
    """
    keyed: _KeyedRequest | None = request.scope.get(SCOPE_KEY)
    principal: Principal | None = request.scope.get("state", {}).get(PRINCIPAL_KEY)
    if keyed is None or principal is None:  # no key, or a route that signs nobody in
        return
    if not _SANE_KEY.fullmatch(keyed.key):
        raise ValidationFailedError.for_field("header.idempotency-key", "must be 1 to 255 letters, digits or ._:-")
    services = services_of(request)
    scope = request.scope
    fingerprint = request_fingerprint(
        services.secrets, scope["method"], scope["path"], scope["query_string"], await request.body()
    )
    record_id = (principal.tenant_id, "user:" + principal.user_id, keyed.key.decode("ascii"))
    stored = await _claim(services.database, services.secrets, record_id, fingerprint)
    if stored is not None:
        raise _Replay(stored)
    keyed.claimed = record_id


def request_fingerprint(secrets: SecretBox, method: str, path: str, query: bytes, body: bytes) -> str:
    """What makes two requests the same one, as a keyed digest (bodies may hold passwords)."""
    return secrets.digest(b"%s %s?%s\n%s" % (method.encode(), path.encode(), query, body))


def answer_repeats_after_checks(routes: Iterable[BaseRoute]) -> None:
    """Make ``answer_repeat`` the last dependency of every POST and PATCH route.

    FastAPI solves a route's dependencies in order, so the route's own authentication and
    permission checks come first. Safe to call again (routes added later).
    """
    for route in routes:
        if not isinstance(route, APIRoute) or not (route.methods or set()) & KEYED_METHODS:
            continue
        dependencies = route.dependant.dependencies
        if not dependencies or dependencies[-1].call is not answer_repeat:
            dependencies.append(get_parameterless_sub_dependant(depends=Depends(answer_repeat), path=route.path_format))


class _Recorder:
    """Passes the response through untouched, keeping a copy of it."""

    def __init__(self, send: Send) -> None:
        self._send = send
        self.status: int | None = None
        self.headers: list[list[str]] = []
        self.chunks: list[bytes] = []
        self.streaming = False

    async def send(self, message: Message) -> None:
        if message["type"] == "http.response.start":
            self.status = message["status"]
            self.headers = [[k.decode("latin-1"), v.decode("latin-1")] for k, v in message.get("headers", ())]
            self.streaming = any(k.lower() == "content-type" and "event-stream" in v for k, v in self.headers)
        elif message["type"] == "http.response.body" and not self.streaming:
            self.chunks.append(message.get("body", b""))
        await self._send(message)

    @property
    def keep(self) -> bool:
        return self.status is not None and kept_for_replay(self.status) and not self.streaming

    def sealed(self, secrets: SecretBox) -> bytes:
        # orjson never writes a raw newline, so the first one ends the headers.
        return secrets.seal_bytes(orjson.dumps(self.headers) + b"\n" + b"".join(self.chunks))


async def _claim(database: Database, secrets: SecretBox, record_id: RecordId, fingerprint: str) -> Response | None:
    """Reserve the key (None: go ahead), or the stored answer of a repeat."""
    tenant, caller, key = record_id
    now = utcnow()
    for _ in range(2):
        try:
            async with database.transaction() as session:
                session.add(
                    IdempotencyRecord(
                        tenant=tenant, caller=caller, key=key, fingerprint=fingerprint, expires_at=now + LIFETIME
                    )
                )
            return None
        except IntegrityError:
            pass
        async with database.transaction() as session:
            record = await session.get(IdempotencyRecord, record_id)
            if record is None:
                continue
            running = record.status is None
            stored = None if running else _stored_response(record, secrets)
            abandoned = running and record.created_at <= now - ABANDONED_AFTER
            if record.expires_at <= now or abandoned or (not running and stored is None):
                await session.delete(record)
                continue
            if record.fingerprint != fingerprint:
                raise ValidationFailedError.for_field("header.idempotency-key", "already used with a different request")
            if stored is None:
                raise _still_in_progress()
            return stored
    raise _still_in_progress()


def _still_in_progress() -> ConflictError:
    return ConflictError(
        "A request with this Idempotency-Key is still in progress", details={"idempotency_key": "still in progress"}
    )


def _stored_response(record: IdempotencyRecord, secrets: SecretBox) -> Response | None:
    """The kept response, or None when it cannot be opened (another key, or an earlier release's row)."""
    try:
        headers_json, _, body = secrets.open_bytes(record.body or b"").partition(b"\n")
        headers: list[list[str]] = orjson.loads(headers_json)
    except ValueError:  # orjson.JSONDecodeError is one too
        return None
    response = Response(content=body, status_code=record.status or 200)
    response.raw_headers = [
        *[(name.encode("latin-1"), value.encode("latin-1")) for name, value in headers if name.lower() not in _FRESH],
        (b"content-length", str(len(body)).encode()),
        (b"idempotent-replayed", b"true"),
    ]
    return response


async def _settle(database: Database, secrets: SecretBox, record_id: RecordId, recorder: _Recorder) -> None:
    try:
        async with database.transaction() as session:
            record = await session.get(IdempotencyRecord, record_id)
            if record is None:
                return
            if recorder.keep:
                record.status = recorder.status
                record.headers = None
                record.body = recorder.sealed(secrets)
            else:
                await session.delete(record)
    except Exception:  # the answer was sent; failing to remember it must not fail the request
        logger.exception("could not store an idempotent response")


async def forget_expired(database: Database) -> int:
    """Delete expired keys; returns how many went."""
    async with database.transaction() as session:
        result = await session.execute(delete(IdempotencyRecord).where(IdempotencyRecord.expires_at <= utcnow()))
        return int(result.rowcount or 0)  # type: ignore[attr-defined]
