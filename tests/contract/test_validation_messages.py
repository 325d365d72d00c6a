"""Field paths and messages of VALIDATION_ERROR, from pydantic's own errors."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from mentora.contract.validation import error_message, error_path, flatten_errors
from tests.support.probe import MemberIn


def details_for(payload: dict[str, object]) -> dict[str, str]:
    with pytest.raises(ValidationError) as caught:
        MemberIn.model_validate(payload)
    # FastAPI prefixes body errors with "body"; do the same to test the real paths.
    return flatten_errors({**error, "loc": ("body", *error["loc"])} for error in caught.value.errors())


def test_seed_example_messages() -> None:
    details = details_for({"email": "not-an-email", "name": "Ada", "settings": {"max_sessions": "abc"}})
    assert details == {
        "email": "value is not a valid email address",
        "settings.max_sessions": "value is not a valid integer",
    }


@pytest.mark.parametrize(
    ("payload", "expected"),
    [
        ({"name": "Ada"}, {"email": "field required"}),
        ({"email": "a@example.com", "name": "x" * 256}, {"name": "ensure this value has at most 255 characters"}),
        ({"email": "a@example.com", "name": ""}, {"name": "ensure this value has at least 1 characters"}),
        ({"email": "a@example.com", "name": "   "}, {"name": "must not be blank"}),
        (
            {"email": "a@example.com", "name": "Ada", "items": [{"name": "ok"}, {"name": "", "quantity": 0}]},
            {
                "items.1.name": "ensure this value has at least 1 characters",
                "items.1.quantity": "ensure this value is greater than or equal to 1",
            },
        ),
        (
            {"email": "a@example.com", "name": "Ada", "items": [{"name": "a"}] * 6},
            {"items": "ensure this value has at most 5 items"},
        ),
        ({"email": "a@example.com", "name": "Ada", "items": [{}]}, {"items.0.name": "field required"}),
        ({"email": "a@example.com", "name": "Ada", "settings": "big"}, {"settings": "value is not a valid object"}),
        (
            {"email": "a@example.com", "name": "Ada", "role": "Admin!"},
            {"role": 'string does not match regex "^[a-z]+$"'},
        ),
        ({"email": 5, "name": "Ada"}, {"email": "value is not a valid string"}),
    ],
)
def test_messages_in_one_voice(payload: dict[str, object], expected: dict[str, str]) -> None:
    assert details_for(payload) == expected


@pytest.mark.parametrize(
    ("loc", "path"),
    [
        (("body",), "_body"),
        (("body", "settings", "max_sessions"), "settings.max_sessions"),
        (("body", "items", 0, "name"), "items.0.name"),
        (("query", "limit"), "query.limit"),
        (("path", "user_id"), "path.user_id"),
        (("header", "x-tenant"), "header.x-tenant"),
        ((), "_body"),
    ],
)
def test_paths(loc: tuple[object, ...], path: str) -> None:
    assert error_path(loc) == path


def test_first_error_for_a_path_wins() -> None:
    errors = [
        {"loc": ("body", "email"), "type": "missing", "msg": "Field required"},
        {"loc": ("body", "email"), "type": "string_type", "msg": "Input should be a valid string"},
    ]
    assert flatten_errors(errors) == {"email": "field required"}


def test_malformed_json_is_about_the_whole_body() -> None:
    errors = [{"loc": ("body", 17), "type": "json_invalid", "msg": "JSON decode error"}]
    assert flatten_errors(errors) == {"_body": "request body is not valid JSON"}


def test_an_optional_strings_length_is_counted_in_characters() -> None:
    # pydantic reports the length of ``str | None`` checked after a validator as ``too_long``, as for a list.
    too_long = {"type": "too_long", "input": "abcdef", "ctx": {"field_type": "Value", "max_length": 5}}
    assert error_message(too_long) == "ensure this value has at most 5 characters"
    too_short = {"type": "too_short", "input": "", "ctx": {"field_type": "Value", "min_length": 1}}
    assert error_message(too_short) == "ensure this value has at least 1 characters"
    items = {"type": "too_long", "input": [1, 2, 3], "ctx": {"field_type": "List", "max_length": 2}}
    assert error_message(items) == "ensure this value has at most 2 items"
