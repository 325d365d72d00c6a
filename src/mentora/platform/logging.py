"""Structured logs that carry the request id.

JSON lines when stderr is not a terminal (a log collector reads them), readable text
when it is. The request id comes from a context variable set by the request middleware,
so every line logged while serving a request carries it without being passed around.
"""

from __future__ import annotations

import logging
import sys
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import Any

import orjson

from mentora.config import Settings

request_id_var: ContextVar[str | None] = ContextVar("request_id", default=None)

_STANDARD_ATTRS = frozenset(logging.makeLogRecord({}).__dict__) | {"message", "asctime", "request_id", "color_message"}


def _install_request_id_factory() -> None:
    """Stamp every record with the current request id when it is created.

    A record factory (rather than a handler filter) reaches every handler, including
    ones added later by a host application or a test.
    """
    previous = logging.getLogRecordFactory()
    if getattr(previous, "stamps_request_id", False):
        return

    def factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record = previous(*args, **kwargs)
        record.request_id = request_id_var.get()
        return record

    factory.stamps_request_id = True  # type: ignore[attr-defined]
    logging.setLogRecordFactory(factory)


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, object] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", None),
            "pid": record.process,  # which worker, when several serve one port
        }
        # Anything passed with ``extra=`` becomes a field of its own.
        entry.update({key: value for key, value in record.__dict__.items() if key not in _STANDARD_ATTRS})
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return orjson.dumps(entry, default=str).decode()


class TextFormatter(logging.Formatter):
    def __init__(self) -> None:
        super().__init__("%(asctime)s %(levelname)-7s %(name)s [%(request_id)s] %(message)s")


_HANDLER_NAME = "mentora"


def _is_default(handler: logging.Handler) -> bool:
    """logging.basicConfig's plain stderr handler, which would print every line twice."""
    return type(handler) is logging.StreamHandler and handler.get_name() is None


def configure_logging(settings: Settings) -> None:
    use_json = settings.log_format == "json" or (settings.log_format == "auto" and not sys.stderr.isatty())
    _install_request_id_factory()
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter() if use_json else TextFormatter())
    handler.set_name(_HANDLER_NAME)
    root = logging.getLogger()
    # Replace our own handler (create_app may run more than once), keep anyone else's.
    root.handlers[:] = [h for h in root.handlers if h.get_name() != _HANDLER_NAME and not _is_default(h)]
    root.addHandler(handler)
    root.setLevel(settings.log_level)
    for name in ("uvicorn", "uvicorn.error"):
        logging.getLogger(name).handlers[:] = []
        logging.getLogger(name).propagate = True
    # Our middleware logs each request with its id; uvicorn's own access line would not have it.
    logging.getLogger("uvicorn.access").disabled = True
