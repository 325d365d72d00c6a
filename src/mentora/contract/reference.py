"""The error-code reference page, rendered from the catalog (``docs/error-codes.md``)."""

from __future__ import annotations

from mentora.contract.catalog import CATALOG

_HEADER = """\
# Error codes

<!-- Generated from mentora.contract.catalog by `mentora error-codes`; do not edit. -->

Every error response has the same shape, and a frontend branches on `code` alone:

```json
{"success": false, "error": "Request validation failed", "code": "VALIDATION_ERROR",
 "details": {"email": "value is not a valid email address"}}
```

The HTTP status is a function of the code. The same table is served at
`GET /v1/meta/error-codes`.

| Code | HTTP status | Description | Frontend action |
|---|---|---|---|
"""

_DETAILS = """
## What `details` holds

| Code | `details` |
|---|---|
| VALIDATION_ERROR | field path -> message: `email`, `settings.max_sessions`, `items.0.name`; parameters as `query.limit`, `path.user_id`, `header.x-tenant`; the body as a whole as `_body` |
| CONFLICT | field path -> message, e.g. `{"email": "already registered"}`; a state conflict names what blocks it, e.g. `{"session_id": "..."}` |
| RATE_LIMIT_EXCEEDED | `retry_after`, `limit`, `window` (seconds), `scope`; also the `Retry-After` header |
| EXTERNAL_SERVICE_ERROR | `service` (`ai`, `lms`, ...), `reason` (`timeout`, `unavailable`, `rejected`, `bad_response`, `circuit_open`) |
| TENANT_ERROR | `reason`: `missing`, `unknown` or `inactive` |
| AUTHORIZATION_ERROR | `required`: the permission, as `MODULE.action` |
| others | `{}` |

401 responses carry `WWW-Authenticate: Bearer`, with `error="invalid_token"` when a token
was sent; TOKEN_EXPIRED adds `error_description="access token expired"`. Every response carries `X-Request-ID`.
"""


def render_markdown() -> str:
    rows = "".join(
        f"| `{entry.code.value}` | {entry.status} | {entry.description} | {entry.action} |\n" for entry in CATALOG
    )
    return _HEADER + rows + _DETAILS
