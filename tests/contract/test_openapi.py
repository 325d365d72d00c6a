"""The spec documents the envelope for every error a route can return."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx
from fastapi import FastAPI

from mentora.app import create_app
from mentora.config import Settings
from mentora.platform.security.permissions import TENANT_ASSIGNABLE
from tests.conftest import contract_client
from tests.support.identity import bearer, create_identity

REPO = Path(__file__).resolve().parents[2]
METHODS = {"get", "post", "put", "patch", "delete"}


def operations(spec: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {
        f"{method.upper()} {path}": operation
        for path, item in spec["paths"].items()
        for method, operation in item.items()
        if method in METHODS
    }


async def test_fastapi_default_422_schema_is_gone(client: httpx.AsyncClient) -> None:
    spec = (await client.get("/openapi.json")).json()
    text = json.dumps(spec)
    assert "HTTPValidationError" not in text
    assert '"ValidationError"' not in text
    member = operations(spec)["POST /probe/members"]
    assert member["responses"]["422"]["content"]["application/json"]["schema"] == {
        "$ref": "#/components/schemas/ValidationErrorResponse"
    }


async def test_each_operation_lists_its_codes(client: httpx.AsyncClient) -> None:
    ops = operations((await client.get("/openapi.json")).json())
    # Unauthenticated: the per-IP limit on anonymous requests may answer RATE_LIMIT_EXCEEDED.
    assert ops["POST /probe/members"]["x-error-codes"] == [
        "VALIDATION_ERROR",
        "CONFLICT",
        "RATE_LIMIT_EXCEEDED",
        "INTERNAL_ERROR",
    ]
    assert ops["GET /probe/items/{item_id}"]["x-error-codes"] == [
        "NOT_FOUND",
        "VALIDATION_ERROR",
        "RATE_LIMIT_EXCEEDED",
        "INTERNAL_ERROR",
    ]
    assert ops["GET /readyz"]["x-error-codes"] == ["DATABASE_ERROR", "INTERNAL_ERROR"]
    assert ops["GET /healthz"]["x-error-codes"] == ["INTERNAL_ERROR"]
    for name, operation in ops.items():
        assert "500" in operation["responses"], name
        assert operation["x-error-codes"], name


async def test_error_schemas_pin_the_code(client: httpx.AsyncClient) -> None:
    schemas = (await client.get("/openapi.json")).json()["components"]["schemas"]
    conflict = schemas["ConflictResponse"]
    assert conflict["properties"]["code"]["const"] == "CONFLICT"
    assert conflict["properties"]["success"]["const"] is False
    assert set(conflict["required"]) >= {"error"}
    assert conflict["additionalProperties"] is False
    database = schemas["DatabaseErrorResponse"]
    assert database["properties"]["code"]["const"] == "DATABASE_ERROR"


def test_server_errors_share_a_status_and_are_told_apart_by_code(tmp_path: Path) -> None:
    app: FastAPI = create_app(Settings(data_dir=tmp_path))
    ops = operations(app.openapi())
    five_hundred = ops["GET /readyz"]["responses"]["500"]["content"]["application/json"]["schema"]
    # Explicit: without a mapping, OpenAPI reads the discriminator as a schema name.
    assert five_hundred["discriminator"] == {
        "propertyName": "code",
        "mapping": {
            "DATABASE_ERROR": "#/components/schemas/DatabaseErrorResponse",
            "INTERNAL_ERROR": "#/components/schemas/InternalErrorResponse",
        },
    }
    assert {ref["$ref"].rsplit("/", 1)[1] for ref in five_hundred["oneOf"]} == {
        "DatabaseErrorResponse",
        "InternalErrorResponse",
    }


def test_committed_spec_is_current(tmp_path: Path) -> None:
    spec = create_app(Settings(data_dir=tmp_path)).openapi()
    committed = json.loads((REPO / "docs" / "openapi.json").read_text())
    assert committed == spec, "docs/openapi.json is stale: run `uv run mentora openapi --output docs/openapi.json`"


def test_links_lead_to_operations_that_take_the_id(tmp_path: Path) -> None:
    ops = operations(create_app(Settings(data_dir=tmp_path)).openapi())
    by_id = {operation["operationId"]: operation for operation in ops.values()}
    linked = 0
    for operation in ops.values():
        for response in operation["responses"].values():
            for name, link in response.get("links", {}).items():
                target = by_id[link["operationId"]]
                parameters = {parameter.get("name") for parameter in target.get("parameters", [])}  # path ones inline
                assert set(link.get("parameters", {})) <= parameters, name
                if "requestBody" in link:
                    assert "requestBody" in target, name
                linked += 1
    assert linked >= 20


def test_spec_states_the_values_the_validators_accept(tmp_path: Path) -> None:
    # Found by Schemathesis: schema-valid permissions and rate limits were rejected.
    schemas = create_app(Settings(data_dir=tmp_path)).openapi()["components"]["schemas"]
    assert schemas["RoleCreate"]["properties"]["permissions"]["items"]["enum"] == sorted(TENANT_ASSIGNABLE)
    limit = schemas["RateLimitOverrides"]["properties"]["user"]
    assert limit["pattern"] == "^[1-9][0-9]*/(second|minute|hour|day)$"  # documented; null stays valid


# The operations that take no token; every other one requires the bearer token.
PUBLIC = {
    "GET /healthz",
    "GET /readyz",
    "GET /v1/meta/error-codes",
    "POST /v1/auth/register",
    "POST /v1/auth/login",
    "POST /v1/auth/refresh",
    "POST /v1/auth/logout",
    "GET /v1/institution",
}
DOCUMENTED_HEADERS = {"x-request-id", "retry-after", "idempotent-replayed"} | {
    f"ratelimit-{part}" for part in ("limit", "remaining", "reset")
}


def served_spec(tmp_path: Path) -> dict[str, Any]:
    return create_app(Settings(data_dir=tmp_path)).openapi()


def header_names(response: dict[str, Any]) -> set[str]:
    return {name.lower() for name in response.get("headers", {})}


def parameter_refs(operation: dict[str, Any]) -> set[str]:
    return {parameter["$ref"] for parameter in operation.get("parameters", []) if "$ref" in parameter}


def test_bearer_token_is_required_except_where_none_is_taken(tmp_path: Path) -> None:
    spec = served_spec(tmp_path)
    assert spec["components"]["securitySchemes"]["bearerAuth"] == {
        "type": "http",
        "scheme": "bearer",
        "bearerFormat": "JWT",
        "description": spec["components"]["securitySchemes"]["bearerAuth"]["description"],
    }
    assert spec["security"] == [{"bearerAuth": []}]
    ops = operations(spec)
    assert {name for name, operation in ops.items() if operation.get("security") == []} == PUBLIC
    assert all("security" not in operation for name, operation in ops.items() if name not in PUBLIC)


def test_tenant_and_idempotency_headers_are_declared(tmp_path: Path) -> None:
    spec = served_spec(tmp_path)
    parameters = spec["components"]["parameters"]
    assert parameters["XTenant"]["name"] == "X-Tenant" and parameters["XTenant"]["in"] == "header"
    assert "must name the token's own tenant" in parameters["XTenant"]["description"]
    assert parameters["IdempotencyKey"]["name"] == "Idempotency-Key"
    for name, operation in operations(spec).items():
        refs = parameter_refs(operation)
        assert "#/components/parameters/XTenant" in refs, name
        keyed = name.split()[0] in {"POST", "PATCH"} and name not in PUBLIC  # sign-in routes ignore a key
        assert ("#/components/parameters/IdempotencyKey" in refs) == keyed, name


def test_error_and_success_schemas_require_every_field(tmp_path: Path) -> None:
    schemas = served_spec(tmp_path)["components"]["schemas"]
    errors = [name for name in schemas if name.endswith("Response")]
    assert len(errors) == 11
    for name in errors:
        assert set(schemas[name]["required"]) == {"success", "error", "code", "details"}, name
    envelopes = [name for name in schemas if name.startswith(("SuccessEnvelope_", "ListEnvelope_"))]
    assert envelopes
    for name in envelopes:
        assert {"success", "data"} <= set(schemas[name]["required"]), name


def test_servers_tags_license_and_contact(tmp_path: Path) -> None:
    spec = served_spec(tmp_path)
    assert spec["servers"] == [{"url": "/", "description": "The server that serves this document"}]
    assert spec["info"]["license"]["name"] and spec["info"]["contact"]["name"]
    defined = [tag["name"] for tag in spec["tags"]]
    assert all(tag["description"] for tag in spec["tags"])
    used = {tag for operation in operations(spec).values() for tag in operation["tags"]}
    assert set(defined) == used and len(defined) == len(used)


def test_operation_ids_read_well_under_their_tag(tmp_path: Path) -> None:
    ops = operations(served_spec(tmp_path))
    assert ops["GET /v1/console/users"]["operationId"] == "list_users"
    assert ops["POST /v1/sessions/initialize"]["operationId"] == "initialize_session"
    for name, operation in ops.items():
        assert not operation["operationId"].startswith(operation["tags"][0].replace("-", "_")), name
        assert "-" not in operation["operationId"], name


def test_responses_document_the_headers_they_send(tmp_path: Path) -> None:
    ops = operations(served_spec(tmp_path))
    for name, operation in ops.items():
        for status, response in operation["responses"].items():
            headers = header_names(response)
            assert "x-request-id" in headers, (name, status)
            assert ("retry-after" in headers) == (status == "429"), (name, status)
            limited = status == "429" or (status.startswith("2") and name not in {"GET /healthz", "GET /readyz"})
            assert ("ratelimit-limit" in headers) == limited, (name, status)
    login = ops["POST /v1/auth/login"]
    assert "429" in ops["GET /v1/meta/error-codes"]["responses"]  # the per-IP limit on anonymous requests
    assert "idempotent-replayed" not in header_names(login["responses"]["200"])
    assert "idempotent-replayed" in header_names(ops["PATCH /v1/users/me"]["responses"]["200"])
    assert "idempotent-replayed" not in header_names(ops["PATCH /v1/users/me"]["responses"]["401"])


async def test_headers_a_live_server_sends_are_documented(settings: Settings) -> None:
    """Every documented header the server actually sends is in its response's spec."""
    limited = settings.model_copy(update={"rate_limit_anonymous": "2/minute"})
    app = create_app(limited)
    spec = app.openapi()
    seen: list[tuple[str, int, set[str]]] = []
    async with app.router.lifespan_context(app), contract_client(app) as http:
        await create_identity(limited)
        tenant = {"X-Tenant": "alpha"}
        caller = {**await bearer(http, "admin@alpha.example.com", "alpha"), **tenant}
        keyed = {**caller, "Idempotency-Key": "live-headers"}
        requests = [
            ("get", "/v1/users/me", caller, None),
            ("patch", "/v1/users/me", keyed, {"name": "Ada"}),
            ("patch", "/v1/users/me", keyed, {"name": "Ada"}),  # the replay
            ("patch", "/v1/users/me", caller, {"name": ""}),
            *[("get", "/v1/meta/error-codes", {}, None)] * 3,  # the third is over the limit
        ]
        for method, path, headers, body in requests:
            response = await http.request(method, path, headers=headers, json=body)
            sent = {name for name in response.headers if name in DOCUMENTED_HEADERS}
            documented = header_names(spec["paths"][path][method]["responses"][str(response.status_code)])
            assert sent <= documented, (method, path, response.status_code)
            seen.append((f"{method} {path}", response.status_code, sent))
    assert ("patch /v1/users/me", 200, {"x-request-id", "idempotent-replayed"} | RATE_LIMIT) in seen
    assert ("get /v1/meta/error-codes", 429, {"x-request-id", "retry-after"} | RATE_LIMIT) in seen


RATE_LIMIT = {"ratelimit-limit", "ratelimit-remaining", "ratelimit-reset"}
