"""One mapping from an outbound failure to the contract's ``reason``, for every caller."""

from __future__ import annotations

import httpx
import pytest

from mentora.platform.outbound.errors import SERVICE_EXTENSION, external_error_for

REQUEST = httpx.Request("POST", "http://127.0.0.1:9/v1", extensions={SERVICE_EXTENSION: "ai"})


def status_error(status: int) -> httpx.HTTPStatusError:
    return httpx.HTTPStatusError("", request=REQUEST, response=httpx.Response(status, request=REQUEST))


@pytest.mark.parametrize(
    ("error", "reason"),
    [
        (httpx.ReadTimeout("", request=REQUEST), "timeout"),
        (httpx.ConnectError("", request=REQUEST), "unavailable"),
        (httpx.RemoteProtocolError("dropped", request=REQUEST), "unavailable"),
        (status_error(429), "unavailable"),
        (status_error(503), "unavailable"),
        (status_error(401), "rejected"),
        (httpx.DecodingError("", request=REQUEST), "bad_response"),
        (httpx.TooManyRedirects("", request=REQUEST), "bad_response"),
    ],
)
def test_reasons(error: httpx.HTTPError, reason: str) -> None:
    assert external_error_for(error).details == {"service": "ai", "reason": reason}


def test_an_error_before_any_request_names_no_service() -> None:
    assert external_error_for(httpx.ConnectError("")).details == {"service": "unknown", "reason": "unavailable"}
