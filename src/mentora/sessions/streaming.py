"""The tutor's answer as server-sent events: meta, delta..., then done or error.

Whatever happens to the stream (the provider fails midway, the client goes away), the
turn is settled: what arrived is stored, as ``incomplete`` unless the answer finished.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from typing import Any

import orjson
from sqlalchemy.exc import SQLAlchemyError

from mentora.contract import ExternalServiceError, InternalError, MentoraError
from mentora.platform.db.errors import translate_database_error
from mentora.sessions.turns import Turn, TurnService, keep_running

logger = logging.getLogger("mentora.sessions")
Event = dict[str, str]


async def answer_events(turns: TurnService, turn: Turn) -> AsyncIterator[Event]:
    """The events of the answer to ``turn``, once its first piece has arrived.

    A provider that refuses or fails outright raises here, before any event: an ordinary
    error response, not a stream that dies at once."""
    pump = StreamPump(turn.tutor.stream(turn.context))
    try:
        first = await pump.next()
    except BaseException:
        pump.cancel()
        await turns.fail(turn)
        raise
    if first is None:
        await turns.fail(turn)
        raise ExternalServiceError(service="ai", reason="bad_response")
    return _events(turns, turn, pump, first)


async def _events(turns: TurnService, turn: Turn, pump: StreamPump, first: str) -> AsyncIterator[Event]:
    received = [first]
    storing: asyncio.Future[Any] | None = None  # once the answer is being stored, it is settled
    try:
        yield _event(
            "meta",
            {"session_id": turn.session_id, "student_message_id": turn.student_message_id, "retry": turn.retry},
        )
        yield _event("delta", {"text": first})
        while (piece := await pump.next()) is not None:
            received.append(piece)
            yield _event("delta", {"text": piece})
        storing = asyncio.ensure_future(turns.answer(turn, "".join(received)))
        student, reply = await asyncio.shield(storing)
        yield _event(
            "done",
            {
                "student_message": student.model_dump(mode="json"),
                "reply": reply.model_dump(mode="json") if reply else None,
            },
        )
    except Exception as exc:
        error = exc if isinstance(exc, MentoraError) else _as_contract_error(exc)
        if storing is None:
            storing = asyncio.ensure_future(turns.answer(turn, "".join(received), complete=False))
            await asyncio.shield(storing)
        envelope = {"success": False, "error": error.message, "code": error.code.value, "details": error.details}
        yield _event("error", envelope)
    finally:
        pump.cancel()
        if storing is None:  # the client went away mid-stream: keep what arrived, as incomplete
            keep_running(asyncio.ensure_future(turns.answer(turn, "".join(received), complete=False)))


def _event(name: str, payload: Any) -> Event:
    return {"event": name, "data": orjson.dumps(payload, default=str).decode()}


def _as_contract_error(exc: Exception) -> MentoraError:
    if isinstance(exc, SQLAlchemyError):
        return translate_database_error(exc)
    logger.error("tutoring stream failed", exc_info=exc)
    return InternalError()


class StreamPump:
    """Runs an answer stream in a task of its own, feeding a queue.

    The upstream call keeps one task for its whole life (its deadline and circuit are
    bound to it), while the HTTP response that relays it runs in another.
    """

    _END = object()
    _NOTHING = object()

    def __init__(self, source: AsyncIterator[str]) -> None:
        self._queue: asyncio.Queue[object] = asyncio.Queue()
        self._held: object = self._NOTHING  # what ended the last batch of pieces, for the next call
        self._task = asyncio.create_task(self._run(source))

    async def _run(self, source: AsyncIterator[str]) -> None:
        try:
            async for piece in source:
                self._queue.put_nowait(piece)
            self._queue.put_nowait(self._END)
        except Exception as exc:
            self._queue.put_nowait(exc)

    async def next(self) -> str | None:
        """The text that arrived since the last call (at least one piece); None at the end;
        the upstream's error if it failed.

        Pieces that queued up while the relay was busy (many streams on one worker) go out
        as one delta: the same text in fewer events, so a busy worker catches up instead
        of paying an event's cost per piece.
        """
        if self._held is not self._NOTHING:
            item, self._held = self._held, self._NOTHING
        else:
            item = await self._queue.get()
        if item is self._END:
            return None
        if isinstance(item, Exception):
            raise item
        assert isinstance(item, str)
        pieces = [item]
        while not self._queue.empty():
            following = self._queue.get_nowait()
            if not isinstance(following, str):
                self._held = following
                break
            pieces.append(following)
        return "".join(pieces)

    def cancel(self) -> None:
        self._task.cancel()
