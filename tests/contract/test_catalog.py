"""The catalog is the seed's table, and everything derived from it agrees with it."""

from __future__ import annotations

from pathlib import Path

import httpx

from mentora.contract import CATALOG, ERROR_CLASSES, STATUS_BY_CODE, ErrorCode
from mentora.contract.reference import render_markdown

REPO = Path(__file__).resolve().parents[2]

# The seed's table, copied by hand: a change to the catalog must be a change to the spec.
SEED_TABLE = [
    ("AUTHENTICATION_ERROR", 401, "Missing, malformed, or invalid token", "Redirect to login"),
    ("TOKEN_EXPIRED", 401, "Access token has expired", "Refresh the token, then retry the request"),
    ("AUTHORIZATION_ERROR", 403, "User’s role lacks permission for this endpoint", "Show “access denied” message"),
    ("NOT_FOUND", 404, "The requested resource does not exist", "Show “not found” or redirect"),
    ("VALIDATION_ERROR", 422, "Request body failed validation", "Display field-level errors from details"),
    ("CONFLICT", 409, "Resource already exists (e.g. duplicate email)", "Inform user of the conflict"),
    ("RATE_LIMIT_EXCEEDED", 429, "Too many requests in the time window", "Back off and retry after a delay"),
    ("TENANT_ERROR", 400, "Tenant could not be resolved from the request", "Check configuration / contact support"),
    (
        "EXTERNAL_SERVICE_ERROR",
        502,
        "A downstream service (AI, LMS, etc.) failed",
        "Retry or show a “try again later” message",
    ),
    ("DATABASE_ERROR", 500, "Internal database failure", "Retry or show a generic error"),
    ("INTERNAL_ERROR", 500, "Unhandled server error", "Show a generic error message"),
]


def test_catalog_is_the_seed_table() -> None:
    assert [(e.code.value, e.status, e.description, e.action) for e in CATALOG] == SEED_TABLE
    assert len(ErrorCode) == 11


def test_one_exception_class_per_code_with_the_catalog_status() -> None:
    assert set(ERROR_CLASSES) == set(ErrorCode)
    assert len(set(ERROR_CLASSES.values())) == 11
    for code, cls in ERROR_CLASSES.items():
        assert cls.code is code
        kwargs: dict[str, object] = {}
        if code is ErrorCode.RATE_LIMIT_EXCEEDED:
            kwargs = {"retry_after": 1, "limit": 1, "window": 1, "scope": "ip"}
        elif code is ErrorCode.TENANT_ERROR:
            kwargs = {"reason": "missing"}
        elif code is ErrorCode.EXTERNAL_SERVICE_ERROR:
            kwargs = {"service": "ai", "reason": "timeout"}
        assert cls(**kwargs).status_code == STATUS_BY_CODE[code]  # type: ignore[arg-type]


async def test_error_codes_route_serves_the_catalog(client: httpx.AsyncClient) -> None:
    response = await client.get("/v1/meta/error-codes")
    assert response.status_code == 200
    body = response.json()
    assert body["success"] is True
    assert [(e["code"], e["status"], e["description"], e["action"]) for e in body["data"]] == SEED_TABLE


def test_error_code_reference_is_generated_from_the_catalog() -> None:
    committed = (REPO / "docs" / "error-codes.md").read_text()
    assert committed == render_markdown(), (
        "docs/error-codes.md is stale: run `uv run mentora error-codes --output docs/error-codes.md`"
    )
    for code, status, description, action in SEED_TABLE:
        assert f"| `{code}` | {status} | {description} | {action} |" in committed
