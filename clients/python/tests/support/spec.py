"""The server's OpenAPI document: ``MENTORA_OPENAPI`` or the repository's ``docs/openapi.json``."""

from __future__ import annotations

import json
import os
import re
from functools import cache
from pathlib import Path
from typing import Any

REPO_ROOT = Path(__file__).resolve().parents[4]


def spec_path() -> Path:
    configured = os.environ.get("MENTORA_OPENAPI")
    return Path(configured) if configured else REPO_ROOT / "docs" / "openapi.json"


@cache
def spec() -> dict[str, Any]:
    document: dict[str, Any] = json.loads(spec_path().read_text(encoding="utf-8"))
    return document


def error_codes() -> list[str]:
    codes: list[str] = spec()["components"]["schemas"]["ErrorCode"]["enum"]
    return codes


def operation_for(method: str, path: str) -> tuple[str, dict[str, Any]] | None:
    """The spec's template and operation that a concrete request path matches (literal paths first)."""
    paths: dict[str, dict[str, Any]] = spec()["paths"]
    candidates = sorted(paths, key=lambda template: template.count("{"))
    for template in candidates:
        pattern = "^" + re.sub(r"\\\{[^}]+\\\}", "[^/]+", re.escape(template)) + "$"
        if re.match(pattern, path) and method.lower() in paths[template]:
            return template, paths[template][method.lower()]
    return None


def ref_name(schema: dict[str, Any] | None) -> str | None:
    if not schema or "$ref" not in schema:
        return None
    return str(schema["$ref"]).rsplit("/", 1)[-1]


def success_schema(operation: dict[str, Any]) -> str | None:
    for status, response in operation["responses"].items():
        if status.startswith("2"):
            return ref_name(response.get("content", {}).get("application/json", {}).get("schema"))
    return None


def body_schema(operation: dict[str, Any]) -> str | None:
    content = operation.get("requestBody", {}).get("content", {})
    return ref_name(content.get("application/json", {}).get("schema"))


def query_parameters(operation: dict[str, Any]) -> set[str]:
    # Query parameters are written inline; the shared headers (X-Tenant, ...) are references.
    return {parameter["name"] for parameter in operation.get("parameters", []) if parameter.get("in") == "query"}
