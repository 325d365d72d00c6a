from __future__ import annotations

import json
import logging
import sys

from mentora.platform.logging import JsonFormatter, configure_logging, request_id_var
from tests.conftest import make_settings


def test_json_lines_carry_request_id_extras_and_traceback(tmp_path: object) -> None:
    configure_logging(make_settings(tmp_path))  # type: ignore[arg-type]
    token = request_id_var.set("req-42")
    try:
        try:
            raise ValueError("boom")
        except ValueError:
            record = logging.getLogger("mentora.test").makeRecord(
                "mentora.test",
                logging.ERROR,
                __file__,
                1,
                "failed %s",
                ("here",),
                sys.exc_info(),
                extra={"tenant": "demo"},
            )
    finally:
        request_id_var.reset(token)
    line = json.loads(JsonFormatter().format(record))
    assert line["message"] == "failed here"
    assert line["request_id"] == "req-42"
    assert line["tenant"] == "demo"
    assert line["level"] == "ERROR"
    assert "ValueError: boom" in line["exception"]


def test_records_outside_a_request_have_no_request_id(tmp_path: object) -> None:
    configure_logging(make_settings(tmp_path))  # type: ignore[arg-type]
    record = logging.getLogger("mentora.test").makeRecord("mentora.test", logging.INFO, __file__, 1, "hi", (), None)
    assert json.loads(JsonFormatter().format(record))["request_id"] is None
