from __future__ import annotations

from datetime import UTC, datetime
from email.utils import format_datetime

import httpx
import pytest

from mentora_client import RetryPolicy, parse_retry_after
from mentora_client.errors import (
    ApiError,
    ConflictError,
    DatabaseError,
    ExternalServiceError,
    InternalError,
    MentoraError,
    NotFoundError,
    RateLimitError,
    TransportError,
)

NOW = 1_800_000_000.0


def api_error(
    error_class: type[ApiError], *, retry_after: str | None = None, details: dict[str, str] | None = None
) -> ApiError:
    headers = httpx.Headers({"retry-after": retry_after} if retry_after is not None else {})
    return error_class("x", status=500, code=error_class.code_name, details=details, headers=headers)


def http_date(timestamp: float) -> str:
    return format_datetime(datetime.fromtimestamp(timestamp, UTC), usegmt=True)


@pytest.mark.parametrize(
    ("value", "seconds"),
    [
        ("5", 5.0),
        ("0", 0.0),
        (" 12 ", 12.0),
        ("1.5", 1.5),
        (http_date(NOW + 30), 30.0),
        (http_date(NOW - 30), 0.0),
        ("-1", None),
        ("soon", None),
        ("", None),
        ("inf", None),
        (None, None),
    ],
)
def test_parse_retry_after(value: str | None, seconds: float | None) -> None:
    assert parse_retry_after(value, now=NOW) == seconds


def test_backoff_doubles_up_to_the_cap_with_jitter_below() -> None:
    policy = RetryPolicy(initial_delay=0.5, max_delay=3.0)
    assert [policy.backoff(n, random=lambda: 0.0) for n in range(4)] == [0.5, 1.0, 2.0, 3.0]
    assert policy.backoff(1, random=lambda: 1.0) == 0.75


def delay(error: MentoraError, method: str = "GET", *, keyed: bool = False, retries_done: int = 0) -> float | None:
    policy = RetryPolicy(max_retries=2, initial_delay=1.0, max_delay=8.0, max_retry_after=60.0)
    return policy.delay(error, method=method, keyed=keyed, retries_done=retries_done, now=NOW, random=lambda: 0.0)


def test_rate_limit_waits_retry_after_for_any_method() -> None:
    for method in ("GET", "POST", "DELETE"):
        assert delay(api_error(RateLimitError, retry_after="7"), method) == 7.0
    assert delay(api_error(RateLimitError, retry_after=http_date(NOW + 4))) == 4.0


def test_rate_limit_jitter_only_adds() -> None:
    policy = RetryPolicy()
    error = api_error(RateLimitError, retry_after="10")
    assert policy.delay(error, method="GET", keyed=False, retries_done=0, random=lambda: 0.0) == 10.0
    assert policy.delay(error, method="GET", keyed=False, retries_done=0, random=lambda: 1.0) == 11.0


def test_rate_limit_above_the_cap_or_without_header() -> None:
    assert delay(api_error(RateLimitError, retry_after="61")) is None
    assert delay(api_error(RateLimitError)) == 1.0
    assert delay(api_error(RateLimitError, retry_after="garbage"), retries_done=1) == 2.0


@pytest.mark.parametrize("error_class", [DatabaseError, ExternalServiceError])
def test_server_failures_retry_get_and_keyed_writes_only(error_class: type[ApiError]) -> None:
    error = api_error(error_class)
    assert delay(error, "GET") == 1.0
    assert delay(error, "POST", keyed=True) == 1.0
    assert delay(error, "PATCH", keyed=True, retries_done=1) == 2.0
    assert delay(error, "POST") is None
    assert delay(error, "PATCH") is None
    assert delay(error, "DELETE") is None
    assert delay(error, "PUT", keyed=True) is None


def test_no_response_is_retried_like_a_server_failure() -> None:
    error = TransportError("No response", method="GET", url="u")
    assert delay(error, "GET") == 1.0
    assert delay(error, "POST") is None
    assert delay(error, "POST", keyed=True) == 1.0


def test_idempotency_key_in_progress_is_retried() -> None:
    in_progress = api_error(ConflictError, details={"idempotency_key": "still in progress"})
    assert delay(in_progress, "POST", keyed=True) == 1.0
    assert delay(in_progress, "POST") is None
    assert delay(api_error(ConflictError, details={"email": "already registered"}), "POST", keyed=True) is None


def test_everything_else_is_not_retried() -> None:
    assert delay(api_error(InternalError)) is None
    assert delay(api_error(NotFoundError)) is None
    assert delay(api_error(ApiError)) is None


def test_retries_are_bounded() -> None:
    assert delay(api_error(DatabaseError), retries_done=2) is None
    assert delay(api_error(RateLimitError, retry_after="1"), retries_done=2) is None
    assert RetryPolicy(max_retries=0).delay(api_error(DatabaseError), method="GET", keyed=False, retries_done=0) is None
