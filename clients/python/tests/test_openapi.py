"""The client against the server's OpenAPI document (``docs/openapi.json``).

- ``types.py`` is what the generator makes of the current spec, for every schema it holds.
- Every typed method sends a method and path the spec has; its body type is the
  operation's request schema, its keyword arguments are query parameters, and its return
  type is the operation's response data.
- The sync and async clients have the same methods with the same signatures.
"""

from __future__ import annotations

import ast
import inspect
import json
import re
import sys
import warnings
from pathlib import Path
from typing import Any, Unpack, get_args, get_origin, get_type_hints

import httpx
import pytest

import mentora_client
from mentora_client import AsyncMentoraClient, MentoraClient, Page, Tokens
from tests.support.spec import body_schema, operation_for, query_parameters, spec, spec_path, success_schema

CLIENT_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(CLIENT_ROOT / "scripts"))
import generate_types  # noqa: E402

RESOURCES = [
    "auth",
    "me",
    "users",
    "roles",
    "tenants",
    "case_studies",
    "console_case_studies",
    "sessions",
    "grades",
    "jobs",
    "meta",
]
# Context managers over server-sent events; their JSON twin has the return type to check.
STREAM_METHODS = {"sessions.stream_message"}
# Methods that build the body from the session, and return the client's own value.
SESSION_METHODS = {"auth.refresh", "auth.logout"}
TYPES_FILE = CLIENT_ROOT / "src" / "mentora_client" / "types.py"


def test_types_match_the_spec() -> None:
    names = names_in_types()
    expected = generate_types.render_module(generate_types.load_schemas(spec_path()), names)
    assert TYPES_FILE.read_text() == expected, "types.py is stale: run `uv run python scripts/generate_types.py`"
    missing = set(generate_types.default_names(generate_types.load_schemas(spec_path()))) - set(names)
    if missing:
        warnings.warn(f"schemas not yet in types.py: {sorted(missing)}", stacklevel=1)


def test_generated_code_fits_the_line_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    """Long annotations (a role's permissions) are broken as ruff would, so the lint passes
    after every regeneration; the code means what the one-line version means."""
    values = [f"VALUE_{n}" for n in range(30)]
    schemas = {
        "Wide": {
            "type": "object",
            "required": ["required_union"],
            "properties": {
                "required_union": {"anyOf": [{"type": "array", "items": {"enum": values}}, {"type": "null"}]},
                "optional": {"type": "array", "items": {"enum": [f"a, b] | c {value}" for value in values]}},
            },
        }
    }
    broken = generate_types.render_module(schemas, ["Wide"])
    current = generate_types.render_module(generate_types.load_schemas(spec_path()), names_in_types())
    for source in (broken, current):
        assert max(len(line) for line in source.splitlines()) <= generate_types.LINE_LIMIT
    monkeypatch.setattr(generate_types, "LINE_LIMIT", 100_000)
    one_line = generate_types.render_module(schemas, ["Wide"])
    assert max(len(line) for line in one_line.splitlines()) > 120
    assert ast.dump(ast.parse(broken)) == ast.dump(ast.parse(one_line))


def names_in_types() -> list[str]:
    held = re.findall(r"^(?:class (\w+)\(|(\w+) = Literal\[)", TYPES_FILE.read_text(), flags=re.MULTILINE)
    return [klass or alias for klass, alias in held]


def test_page_matches_the_list_envelope() -> None:
    envelope = spec()["components"]["schemas"]["ListEnvelope_UserOut_"]
    assert set(Page.__annotations__) == set(envelope["properties"]) - {"success"}


def public_methods(resource: object) -> dict[str, Any]:
    return {name: member for name, member in inspect.getmembers(resource, inspect.ismethod) if not name.startswith("_")}


class Recording(httpx.BaseTransport):
    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        data = {"access_token": "a", "refresh_token": "r", "expires_in": 60}
        body = {"success": True, "data": data, "message": None, "total": 0, "page": 1, "page_size": 20}
        return httpx.Response(200, content=json.dumps(body).encode())


def dummy_arguments(method: Any) -> list[str]:
    parameters = inspect.signature(method).parameters.values()
    return [f"id-{index}" for index, p in enumerate(parameters) if p.kind is p.POSITIONAL_OR_KEYWORD]


def typed_methods() -> list[tuple[str, str]]:
    client = MentoraClient("http://spec.test")
    return [(resource, name) for resource in RESOURCES for name in public_methods(getattr(client, resource))]


def expected_envelope(annotation: Any) -> str:
    if annotation is None or annotation is type(None):
        return "SuccessEnvelope_NoneType_"
    origin = get_origin(annotation)
    if origin is Page:
        return f"ListEnvelope_{get_args(annotation)[0].__name__}_"
    if origin is list:
        return f"SuccessEnvelope_list_{get_args(annotation)[0].__name__}__"
    return f"SuccessEnvelope_{annotation.__name__}_"


@pytest.mark.parametrize(("resource", "name"), typed_methods())
def test_method_matches_its_operation(resource: str, name: str) -> None:
    transport = Recording()
    client = MentoraClient("http://spec.test", transport=transport, tokens=Tokens("a", "r"))
    method = getattr(getattr(client, resource), name)
    called = method(*dummy_arguments(method))
    if f"{resource}.{name}" in STREAM_METHODS:
        with called:
            pass
    request = transport.requests[-1]
    found = operation_for(request.method, request.url.path)
    assert found is not None, f"{resource}.{name} sends {request.method} {request.url.path}: not in the spec"
    _template, operation = found

    hints = get_type_hints(method)
    parameters = inspect.signature(method).parameters
    body = [p for p in parameters.values() if p.kind is p.VAR_KEYWORD]
    if body:
        (typed_dict,) = get_args(hints[body[0].name])
        assert get_origin(hints[body[0].name]) is Unpack
        assert typed_dict.__name__ == body_schema(operation), f"{resource}.{name} body"
    elif f"{resource}.{name}" not in SESSION_METHODS:
        assert body_schema(operation) is None, f"{resource}.{name} sends no body"
    query = {p.name for p in parameters.values() if p.kind is p.KEYWORD_ONLY}
    assert query <= query_parameters(operation), f"{resource}.{name} query {query - query_parameters(operation)}"
    if f"{resource}.{name}" not in {"auth.refresh", *STREAM_METHODS}:
        assert expected_envelope(hints["return"]) == success_schema(operation), f"{resource}.{name} returns"


def test_every_operation_has_a_method() -> None:
    transport = Recording()
    client = MentoraClient("http://spec.test", transport=transport, tokens=Tokens("a", "r"))
    for resource, name in typed_methods():
        client.set_tokens(Tokens("a", "r"))
        method = getattr(getattr(client, resource), name)
        called = method(*dummy_arguments(method))
        if f"{resource}.{name}" in STREAM_METHODS:
            with called:
                pass
    covered = set()
    for request in transport.requests:
        found = operation_for(request.method, request.url.path)
        if found:
            covered.add((request.method, found[0]))
    uncovered = sorted(
        f"{method.upper()} {path}"
        for path, item in spec()["paths"].items()
        for method in item
        if (method.upper(), path) not in covered and path != "/readyz"
    )
    if uncovered:
        warnings.warn(f"operations without a typed method (use client.request): {uncovered}", stacklevel=1)


def signature_without_awaiting(method: Any) -> tuple[list[tuple[str, Any, Any]], Any]:
    """Parameters (name, kind, type) and the return type as written."""
    hints = get_type_hints(method)
    parameters = [(p.name, p.kind, hints.get(p.name)) for p in inspect.signature(method).parameters.values()]
    return parameters, hints.get("return")


@pytest.mark.parametrize("resource", RESOURCES)
def test_sync_and_async_have_the_same_surface(resource: str) -> None:
    sync = public_methods(getattr(MentoraClient("http://x"), resource))
    asynchronous = public_methods(getattr(AsyncMentoraClient("http://x"), resource))
    assert sorted(sync) == sorted(asynchronous)
    for name, method in sync.items():
        sync_parameters, sync_return = signature_without_awaiting(method)
        async_parameters, async_return = signature_without_awaiting(asynchronous[name])
        assert sync_parameters == async_parameters, f"{resource}.{name}"
        if f"{resource}.{name}" in STREAM_METHODS:
            assert get_args(get_args(sync_return)[0]) == get_args(get_args(async_return)[0]), f"{resource}.{name}"
        else:
            assert inspect.iscoroutinefunction(asynchronous[name]), f"{resource}.{name} is not async"
            assert sync_return == async_return, f"{resource}.{name}"


def test_clients_have_the_same_public_surface() -> None:
    def surface(client_class: type) -> set[str]:
        return {name for name in dir(client_class) if not name.startswith("_")} - {"close", "aclose"}

    assert surface(MentoraClient) == surface(AsyncMentoraClient)
    assert inspect.signature(MentoraClient.__init__).parameters.keys() == (
        inspect.signature(AsyncMentoraClient.__init__).parameters.keys()
    )


def test_package_exports_resolve() -> None:
    for name in mentora_client.__all__:
        assert getattr(mentora_client, name) is not None
