"""Text and types in request bodies: what a string may hold, and no value changing type.

- Every string of every request body refuses control characters (the spec says so with a
  ``pattern``), on both databases: VALIDATION_ERROR on the field, nothing stored. Free
  text keeps tab and newline; names and titles also refuse bidirectional overrides.
- JSON booleans are not integers, numbers are not booleans, and strings are not numbers.

Look-alike emails are in tests/security/test_api6_business_flows.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from mentora.app import create_app
from mentora.config import Settings
from tests.support.identity import OPERATOR_EMAIL, Identity, bearer

# Compared with a stored hash, never stored or queried: a password set before control
# characters were refused must still sign in.
VERIFIED_PASSWORDS = {("LoginIn", "password"), ("ChangePasswordIn", "current_password")}


def _body_strings(spec: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """(model, field, string schema) for every string a request body can hold, nested or not."""
    components = spec["components"]["schemas"]
    seen: set[str] = set()
    pending = [
        content["schema"]["$ref"].rsplit("/", 1)[-1]
        for operations in spec["paths"].values()
        for operation in operations.values()
        for content in operation.get("requestBody", {}).get("content", {}).values()
    ]
    while pending:
        name = pending.pop()
        if name in seen:
            continue
        seen.add(name)
        for field, schema in components[name].get("properties", {}).items():
            for string in _strings(schema, pending):
                yield name, field, string


def _strings(schema: dict[str, Any], pending: list[str]) -> Iterator[dict[str, Any]]:
    if "$ref" in schema:
        pending.append(schema["$ref"].rsplit("/", 1)[-1])
    if schema.get("type") == "string":
        yield schema
    for key in ("anyOf", "allOf", "oneOf"):
        for option in schema.get(key, ()):
            # A pattern beside the options (``str | None``) applies to the string one.
            inherited = {"pattern": schema["pattern"]} if "pattern" in schema else {}
            yield from _strings({**option, **inherited}, pending)
    for key in ("items", "additionalProperties", "propertyNames"):
        if isinstance(schema.get(key), dict):
            yield from _strings(schema[key], pending)
    for nested in schema.get("patternProperties", {}).values():
        yield from _strings(nested, pending)


def test_the_spec_refuses_control_characters_in_every_body_string(tmp_path: Path) -> None:
    spec = create_app(Settings(data_dir=tmp_path)).openapi()
    found = list(_body_strings(spec))
    assert len(found) > 40  # the walk reached nested models (settings, lms_config, ...)
    unguarded = [
        f"{model}.{field}"
        for model, field, schema in found
        if (model, field) not in VERIFIED_PASSWORDS
        and "enum" not in schema
        and schema.get("format") not in ("email", "uri")  # parsed, not free text (tested below)
        and not ("pattern" in schema and re.search(schema["pattern"], "a\x00b") is None)
    ]
    assert unguarded == []


# (method, path template, body, field): one string of each kind, in each domain.
CONTROL_CASES = [
    ("PATCH", "/v1/users/me", {"name": "Ada\x00"}, "name"),
    ("PATCH", "/v1/users/me", {"name": "Ada\x1b[31m"}, "name"),
    ("PATCH", "/v1/users/me", {"name": "Ada\x85"}, "name"),  # C1 NEXT LINE
    ("POST", "/v1/console/users", {"email": "n@alpha.example.com", "name": "N", "role": "STU\x00DENT"}, "role"),
    ("POST", "/v1/console/case-studies", {"title": "T", "slug": "t", "description": "a\x00b"}, "description"),
    ("POST", "/v1/console/case-studies", {"title": "T", "slug": "t", "instructions": ["ok", "\x07"]}, "instructions.1"),
    ("POST", "/v1/console/case-studies", {"title": "T", "slug": "t", "llm_model": "gpt\x00"}, "llm_model"),
    ("POST", "/v1/console/roles", {"name": "TA", "description": "\x00", "permissions": []}, "description"),
    ("POST", "/v1/sessions/initialize", {"content_id": "\x00"}, "content_id"),
    ("PATCH", "/v1/console/tenants/{tenant}", {"settings": {"rate_limits": {"user": "1\x00/minute"}}}, None),
    ("PATCH", "/v1/console/tenants/{tenant}", {"ai_config": {"model": "m\x00"}}, "ai_config.model"),
    ("PATCH", "/v1/console/tenants/{tenant}", {"ai_config": {"api_key": "k\x00"}}, "ai_config.api_key"),
    (
        "PATCH",
        "/v1/console/tenants/{tenant}",
        {"lms_config": {"course_mapping": {"a": "b\x00"}}},
        "lms_config.course_mapping.a",
    ),
    ("PATCH", "/v1/console/tenants/{tenant}", {"lms_config": {"course_mapping": {"a\x00": "b"}}}, None),
    ("PATCH", "/v1/console/tenants/{tenant}", {"lms_config": {"credentials": {"k\x00": "v"}}}, None),
    ("PATCH", "/v1/console/tenants/{tenant}", {"name": "Alpha\u202e"}, "name"),
    ("POST", "/v1/console/tenants/{tenant}/admins", {"email": "x@alpha.example.com", "name": "\x00"}, "name"),
]


@pytest.mark.parametrize(("method", "path", "body", "field"), CONTROL_CASES)
async def test_control_characters_are_refused_on_every_database(
    db_client: httpx.AsyncClient, db_identity: Identity, method: str, path: str, body: dict[str, Any], field: str | None
) -> None:
    operator = await bearer(db_client, OPERATOR_EMAIL, "platform")
    caller = operator if "/tenants/" in path else await bearer(db_client, "admin@alpha.example.com", "alpha")
    if path.startswith("/v1/sessions"):
        caller = await bearer(db_client, "student@alpha.example.com", "alpha")
    url = path.format(tenant=db_identity.a.id)
    before = (await db_client.get(url, headers=caller)).json() if method == "PATCH" else None

    response = await db_client.request(method, url, headers=caller, json=body)

    assert response.status_code == 422, response.text
    details = response.json()["details"]
    if field is None:  # a bad key (its path holds the key itself), or a rule with a message of its own
        assert len(details) == 1
    else:
        assert details[field].startswith("value must not contain control characters"), details
    if before is not None:
        assert (await db_client.get(url, headers=caller)).json() == before


async def test_sign_in_with_a_control_character_is_refused_on_every_database(db_client: httpx.AsyncClient) -> None:
    tenant = {"X-Tenant": "alpha"}
    login = await db_client.post("/v1/auth/login", headers=tenant, json={"email": "a\x00@x.com", "password": "p"})
    assert login.status_code == 422, login.text
    assert login.json()["details"] == {"email": "value must not contain control characters"}
    register = await db_client.post(
        "/v1/auth/register",
        json={"email": "n@alpha.example.com", "password": "long enough", "name": "N", "tenant_slug": "al\x00pha"},
    )
    assert register.status_code == 422, register.text
    assert register.json()["details"] == {"tenant_slug": "value must not contain control characters"}


async def test_free_text_keeps_tabs_and_line_breaks(client: httpx.AsyncClient, identity: Identity) -> None:
    admin = await bearer(client, "admin@alpha.example.com", "alpha")
    text = "Line one\n\tindented\r\nline three"
    created = await client.post(
        "/v1/console/case-studies",
        headers=admin,
        json={"title": "Tabs", "slug": "tabs", "description": text, "instructions": [text], "system_prompt": text},
    )
    assert created.status_code == 201, created.text
    assert created.json()["data"]["description"] == text
    titled = await client.post("/v1/console/case-studies", headers=admin, json={"title": "A\nB", "slug": "b"})
    assert titled.status_code == 422
    assert titled.json()["details"] == {"title": "value must not contain control characters or bidirectional overrides"}


@pytest.mark.parametrize("override", ["\u202e", "\u202a", "\u2066", "\u2069"])
async def test_names_refuse_bidirectional_overrides(
    client: httpx.AsyncClient, identity: Identity, override: str
) -> None:
    student = await bearer(client, "student@alpha.example.com", "alpha")
    response = await client.patch("/v1/users/me", headers=student, json={"name": f"evil{override}gpj.exe"})
    assert response.status_code == 422
    assert response.json()["details"] == {
        "name": "value must not contain control characters or bidirectional overrides"
    }
    me = (await client.get("/v1/users/me", headers=student)).json()["data"]
    assert me["name"] == "Student alpha"


@pytest.mark.parametrize("name", ["Zoë", "Łukasz", "李雷", "Ελένη", "محمد", "O'Brien-Smith"])
async def test_names_in_any_script_are_accepted(client: httpx.AsyncClient, identity: Identity, name: str) -> None:
    student = await bearer(client, "student@alpha.example.com", "alpha")
    response = await client.patch("/v1/users/me", headers=student, json={"name": name})
    assert response.status_code == 200, response.text
    assert response.json()["data"]["name"] == name


async def test_an_unpaired_surrogate_is_not_a_string(client: httpx.AsyncClient, identity: Identity) -> None:
    student = await bearer(client, "student@alpha.example.com", "alpha")
    response = await client.patch(
        "/v1/users/me",
        headers={**student, "Content-Type": "application/json"},
        content=b'{"name": "Ada \\ud800"}',
    )
    assert response.status_code == 422
    assert response.json()["details"] == {"name": "value is not a valid string"}


# (path template, body, field): a value of another JSON type than the spec's.
WRONG_TYPES = [
    ("/v1/console/case-studies", {"title": "T", "slug": "t", "time_limit_minutes": True}, "time_limit_minutes"),
    ("/v1/console/case-studies", {"title": "T", "slug": "t", "is_active": 0}, "is_active"),
    ("/v1/console/case-studies", {"title": "T", "slug": "t", "is_active": "true"}, "is_active"),
    ("/v1/console/case-studies", {"title": "T", "slug": "t", "time_limit_minutes": "30"}, "time_limit_minutes"),
    ("/v1/console/case-studies", {"title": "T", "slug": "t", "time_limit_minutes": 30.5}, "time_limit_minutes"),
    ("/v1/console/case-studies", {"title": 5, "slug": "t"}, "title"),
    ("/v1/console/users", {"email": "t@alpha.example.com", "name": "T", "settings": {"max_sessions": True}}, None),
]


@pytest.mark.parametrize(("path", "body", "field"), WRONG_TYPES)
async def test_values_never_change_type(
    client: httpx.AsyncClient, identity: Identity, path: str, body: dict[str, Any], field: str | None
) -> None:
    admin = await bearer(client, "admin@alpha.example.com", "alpha")
    response = await client.post(path, headers=admin, json=body)
    assert response.status_code == 422, response.text
    expected = field or "settings.max_sessions"
    assert list(response.json()["details"]) == [expected]
    assert (await client.get(path, headers=admin)).json()["total"] == (3 if "users" in path else 0)


async def test_booleans_are_not_numbers_in_updates(client: httpx.AsyncClient, identity: Identity) -> None:
    admin = await bearer(client, "admin@alpha.example.com", "alpha")
    faculty_id = identity.a.user_ids["FACULTY"]
    response = await client.patch(f"/v1/console/users/{faculty_id}", headers=admin, json={"is_active": 0})
    assert response.status_code == 422
    assert response.json()["details"] == {"is_active": "value is not a valid boolean"}
    faculty = (await client.get(f"/v1/console/users/{faculty_id}", headers=admin)).json()["data"]
    assert faculty["is_active"] is True
    operator = await bearer(client, OPERATOR_EMAIL, "platform")
    tenant = await client.patch(
        f"/v1/console/tenants/{identity.a.id}", headers=operator, json={"settings": {"daily_message_quota": False}}
    )
    assert tenant.status_code == 422
    assert tenant.json()["details"] == {"settings.daily_message_quota": "value is not a valid integer"}
    # JSON has one number type: a whole number written 30.0 is the integer 30, and 1 is the float 1.0.
    case = {"title": "T", "slug": "t", "time_limit_minutes": 30.0}
    created = await client.post("/v1/console/case-studies", headers=admin, json=case)
    assert created.status_code == 201, created.text
    assert created.json()["data"]["time_limit_minutes"] == 30
    ai = await client.patch(
        f"/v1/console/tenants/{identity.a.id}", headers=operator, json={"ai_config": {"temperature": 1}}
    )
    assert ai.status_code == 200, ai.text
    assert ai.json()["data"]["ai_config"]["temperature"] == 1.0
