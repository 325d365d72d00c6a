"""The spec documents the envelope for every error a route can return."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import httpx
from fastapi import FastAPI

from mentora.app import create_app
from mentora.config import Settings
from mentora.platform.auth.permissions import TENANT_ASSIGNABLE

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
    assert ops["POST /probe/members"]["x-error-codes"] == ["VALIDATION_ERROR", "CONFLICT", "INTERNAL_ERROR"]
    assert ops["GET /probe/items/{item_id}"]["x-error-codes"] == ["NOT_FOUND", "VALIDATION_ERROR", "INTERNAL_ERROR"]
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
                parameters = {parameter["name"] for parameter in target.get("parameters", [])}
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
