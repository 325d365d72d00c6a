"""The contract as an assertion, applied to every HTTP response the suite sees.

Every test client installs ``check_response`` as a response hook, so a test that never
mentions the contract still fails if any error it provokes breaks it.
"""

from __future__ import annotations

import json
import re
from typing import Any

import httpx
import schemathesis

from mentora.contract import STATUS_BY_CODE, ErrorCode

ERROR_KEYS = {"success", "error", "code", "details"}
# The seed's own example: these fields, and exactly this answer.
SEED_EXAMPLE_FIELDS = {"email": "not-an-email", "settings": {"max_sessions": "abc"}}
SEED_EXAMPLE_BODY = {
    "success": False,
    "error": "Request validation failed",
    "code": "VALIDATION_ERROR",
    "details": {
        "email": "value is not a valid email address",
        "settings.max_sessions": "value is not a valid integer",
    },
}
CODES = {code.value for code in ErrorCode}
# Things an error body must never show a person.
_LEAKS = re.compile(
    r"traceback|file \"|\.py\b|/(usr|home|tmp|root|etc|work|var)/|"
    r"sqlalchemy|asyncpg|aiosqlite|sqlite3?|psycopg|postgres|integrityerror|operationalerror|exception\b",
    re.IGNORECASE,
)
_SQL = re.compile(r"\bSELECT\b.*\bFROM\b|\bINSERT INTO\b|\bUPDATE \w+ SET\b|\bDELETE FROM\b|\bCONSTRAINT\b")


def assert_error_body(status: int, body: Any, headers: httpx.Headers | None = None) -> None:
    assert isinstance(body, dict), f"error body is not an object: {body!r}"
    assert set(body) == ERROR_KEYS, f"error body keys {sorted(body)} != {sorted(ERROR_KEYS)}"
    assert body["success"] is False
    assert body["code"] in CODES, f"unknown code {body['code']!r}"
    assert status == STATUS_BY_CODE[ErrorCode(body["code"])], f"{body['code']} answered with status {status}"
    assert isinstance(body["error"], str) and body["error"], "error message must be a non-empty string"
    assert isinstance(body["details"], dict), "details must be an object"
    text = body["error"] + " " + json.dumps(body["details"])
    leak = _LEAKS.search(text) or _SQL.search(text)
    assert leak is None, f"error body leaks internals ({leak.group(0)!r}): {text}"
    if headers is not None and status == 401:
        assert headers.get("www-authenticate", "").startswith("Bearer"), "401 without WWW-Authenticate: Bearer"
    if headers is not None and status == 429:
        assert headers.get("retry-after", "").isdigit(), "429 without Retry-After"
        limit_state = (
            headers.get("ratelimit-limit"),
            headers.get("ratelimit-remaining"),
            headers.get("ratelimit-reset"),
        )
        expected = (str(body["details"]["limit"]), "0", headers["retry-after"])
        assert limit_state == expected, f"429 with RateLimit headers {limit_state}, expected {expected}"


def assert_contract(response: httpx.Response) -> None:
    """Check one response against the contract (status, envelope, headers)."""
    assert response.headers.get("x-request-id"), f"{response.request.url} answered without X-Request-ID"
    if response.request.method == "HEAD":
        assert not response.content, f"HEAD {response.request.url} answered with a body"
        return
    content_type = response.headers.get("content-type", "")
    if response.status_code >= 400:
        assert content_type.startswith("application/json"), f"error with content type {content_type!r}"
        assert_error_body(response.status_code, response.json(), response.headers)
    elif content_type.startswith("application/json") and response.request.url.path not in _NOT_ENVELOPED:
        body = response.json()
        assert body.get("success") is True, f"success response without success=true: {body!r}"
        assert "data" in body and "message" in body


# Documents that are not API responses.
_NOT_ENVELOPED = {"/openapi.json"}


async def check_response(response: httpx.Response) -> None:
    """httpx response hook (async clients)."""
    if "text/event-stream" not in response.headers.get("content-type", ""):
        await response.aread()
        assert_contract(response)


def check_response_sync(response: httpx.Response) -> None:
    """httpx response hook (sync clients)."""
    if "text/event-stream" not in response.headers.get("content-type", ""):
        response.read()
        assert_contract(response)


def check_schemathesis_response(
    ctx: schemathesis.CheckContext, response: schemathesis.Response, case: schemathesis.Case
) -> None:
    """The same assertion as a Schemathesis check, for every response its runs see."""
    request = httpx.Request(response.request.method or "GET", response.request.url or "/")
    headers = [(name, value) for name, values in response.headers.items() for value in values]
    check_response_sync(
        httpx.Response(response.status_code, headers=headers, content=response.content, request=request)
    )
