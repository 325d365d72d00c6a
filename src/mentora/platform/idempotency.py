"""``Idempotency-Key`` on POST and PATCH: a retried request is answered, not redone.

The first response for a (tenant, caller, key) is stored for 24 hours and replayed for a
repeat with the same method, path and body (with ``Idempotent-Replayed: true``). The
same key with a different request is VALIDATION_ERROR; a repeat while the first is still
running is CONFLICT. Only answers that did the work are kept: server errors, 401s and
429s are forgotten, so the retry runs again. Streams are never stored.

The caller is the verified token's user (or the IP, for unauthenticated requests), so
one caller's key can never replay another's response.
"""

from __future__ import annotations

import hashlib
import logging
import re
from datetime import datetime, timedelta

from sqlalchemy import JSON, Integer, LargeBinary, String, delete
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, mapped_column
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from mentora.contract import AuthenticationError, ConflictError, ValidationFailedError, response_for
from mentora.platform.auth.tokens import TokenService
from mentora.platform.db import Base, Database
from mentora.platform.db.types import UTCDateTime, utcnow
from mentora.platform.ratelimit.middleware import client_ip

logger = logging.getLogger("mentora.idempotency")

HEADER = b"idempotency-key"
_SANE_KEY = re.compile(rb"[A-Za-z0-9._:-]{1,255}")
LIFETIME = timedelta(hours=24)
# A key still "in progress" after this long belongs to a request that died: run it again.
ABANDONED_AFTER = timedelta(minutes=2)
_NOT_KEPT = frozenset({401, 429})


class IdempotencyRecord(Base):
    __tablename__ = "idempotency_keys"

    tenant: Mapped[str] = mapped_column(String(100), primary_key=True)
    caller: Mapped[str] = mapped_column(String(100), primary_key=True)
    key: Mapped[str] = mapped_column(String(255), primary_key=True)
    fingerprint: Mapped[str] = mapped_column(String(64))
    status: Mapped[int | None] = mapped_column(Integer)  # None while the first request runs
    headers: Mapped[list[list[str]] | None] = mapped_column(JSON)
    body: Mapped[bytes | None] = mapped_column(LargeBinary)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())


def _header(scope: Scope, name: bytes) -> bytes | None:
    for header, value in scope["headers"]:
        if header == name:
            return bytes(value)
    return None


class IdempotencyMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        key = _header(scope, HEADER) if scope["type"] == "http" and scope["method"] in ("POST", "PATCH") else None
        if key is None:
            await self.app(scope, receive, send)
            return
        if not _SANE_KEY.fullmatch(key):
            error = ValidationFailedError.for_field(
                "header.idempotency-key", "must be 1 to 255 letters, digits or ._:-"
            )
            await response_for(error)(scope, receive, send)
            return
        services = scope["app"].state.services
        caller = self._caller(scope, services.tokens)
        if caller is None:  # an invalid token: the app answers 401, nothing to remember
            await self.app(scope, receive, send)
            return
        body = await _read_body(receive)
        fingerprint = hashlib.sha256(
            scope["method"].encode() + b" " + scope["path"].encode() + b"?" + scope["query_string"] + b"\n" + body
        ).hexdigest()
        record_id = (*caller, key.decode("ascii"))
        answer = await _claim(services.database, record_id, fingerprint)
        if answer is not None:
            await answer(scope, receive, send)
            return
        recorder = _Recorder(send)
        try:
            await self.app(scope, _replay(body, receive), recorder.send)
        finally:
            await _settle(services.database, record_id, recorder)

    @staticmethod
    def _caller(scope: Scope, tokens: TokenService) -> tuple[str, str] | None:
        authorization = _header(scope, b"authorization")
        if authorization is None:
            tenant = (_header(scope, b"x-tenant") or b"-").decode("latin-1").strip().lower()[:100]
            return tenant, "ip:" + client_ip(scope)
        scheme, _, token = authorization.decode("latin-1").partition(" ")
        try:
            claims = tokens.verify_access(token.strip()) if scheme.lower() == "bearer" else None
        except AuthenticationError:
            return None
        if claims is None or claims.expired:
            return None
        return claims.tenant_id, "user:" + claims.user_id


async def _read_body(receive: Receive) -> bytes:
    """The whole body (already capped by the request middleware's size limit)."""
    chunks = []
    while True:
        message = await receive()
        if message["type"] != "http.request":
            break
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            break
    return b"".join(chunks)


def _replay(body: bytes, receive: Receive) -> Receive:
    """The body already read, then the connection's own messages (a disconnect, when it comes)."""
    sent = False

    async def replaying_receive() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replaying_receive


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
        return self.status is not None and self.status < 500 and self.status not in _NOT_KEPT and not self.streaming


async def _claim(database: Database, record_id: tuple[str, str, str], fingerprint: str) -> Response | None:
    """Reserve the key (None: go ahead), or the answer for a repeat."""
    tenant, caller, key = record_id
    now = utcnow()
    for _ in range(2):
        try:
            async with database.sessionmaker() as session, session.begin():
                session.add(
                    IdempotencyRecord(
                        tenant=tenant, caller=caller, key=key, fingerprint=fingerprint, expires_at=now + LIFETIME
                    )
                )
            return None
        except IntegrityError:
            pass
        async with database.sessionmaker() as session, session.begin():
            record = await session.get(IdempotencyRecord, record_id)
            if record is None:
                continue
            stale = record.expires_at <= now or (record.status is None and record.created_at <= now - ABANDONED_AFTER)
            if stale:
                await session.delete(record)
                continue
            if record.fingerprint != fingerprint:
                return response_for(
                    ValidationFailedError.for_field("header.idempotency-key", "already used with a different request")
                )
            if record.status is None:
                return response_for(
                    ConflictError(
                        "A request with this Idempotency-Key is still in progress",
                        details={"idempotency_key": "still in progress"},
                    )
                )
            return _stored_response(record)
    return response_for(ConflictError(details={"idempotency_key": "still in progress"}))


def _stored_response(record: IdempotencyRecord) -> Response:
    headers = [
        (name, value)
        for name, value in (record.headers or [])
        if name.lower() not in ("content-length", "x-request-id")
    ]
    response = Response(content=record.body or b"", status_code=record.status or 200)
    response.raw_headers = [
        *[(k.encode("latin-1"), v.encode("latin-1")) for k, v in headers],
        (b"content-length", str(len(record.body or b"")).encode()),
        (b"idempotent-replayed", b"true"),
    ]
    return response


async def _settle(database: Database, record_id: tuple[str, str, str], recorder: _Recorder) -> None:
    try:
        async with database.sessionmaker() as session, session.begin():
            record = await session.get(IdempotencyRecord, record_id)
            if record is None:
                return
            if recorder.keep:
                record.status = recorder.status
                record.headers = recorder.headers
                record.body = b"".join(recorder.chunks)
            else:
                await session.delete(record)
    except Exception:  # the answer was sent; failing to remember it must not fail the request
        logger.exception("could not store an idempotent response")


async def forget_expired(database: Database) -> int:
    """Delete expired keys; returns how many went."""
    async with database.sessionmaker() as session, session.begin():
        result = await session.execute(delete(IdempotencyRecord).where(IdempotencyRecord.expires_at <= utcnow()))
        return int(result.rowcount or 0)  # type: ignore[attr-defined]
