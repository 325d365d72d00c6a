"""Turn pydantic/FastAPI validation errors into the contract's field map.

Paths: body fields are dotted from the body's root (``settings.max_sessions``,
``items.0.name``); other parameters carry their location (``query.limit``,
``path.user_id``, ``header.x-tenant``); errors about the body as a whole use ``_body``.
Messages use one short, stable voice (``field required``,
``value is not a valid integer``); the first error for a path wins.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

BODY_KEY = "_body"

# Messages of checks that pydantic does not make itself, in the same voice.
EMAIL_MESSAGE = "value is not a valid email address"
EMAIL_LOOK_ALIKE = "email must not mix scripts or imitate Latin letters"
CONTROL_CHARACTERS = "value must not contain control characters"
BIDI_CONTROL_CHARACTERS = "value must not contain control characters or bidirectional overrides"
INVALID_STRING = "value is not a valid string"

_FIXED_MESSAGES: dict[str, str] = {
    "missing": "field required",
    "int_parsing": "value is not a valid integer",
    "int_type": "value is not a valid integer",
    "int_from_float": "value is not a valid integer",
    "float_parsing": "value is not a valid number",
    "float_type": "value is not a valid number",
    "decimal_parsing": "value is not a valid decimal",
    "decimal_type": "value is not a valid decimal",
    "bool_parsing": "value is not a valid boolean",
    "bool_type": "value is not a valid boolean",
    "string_type": INVALID_STRING,
    "string_unicode": INVALID_STRING,
    "bytes_type": INVALID_STRING,
    "list_type": "value is not a valid list",
    "tuple_type": "value is not a valid list",
    "set_type": "value is not a valid set",
    "dict_type": "value is not a valid object",
    "model_type": "value is not a valid object",
    "model_attributes_type": "value is not a valid object",
    "dataclass_type": "value is not a valid object",
    "uuid_parsing": "value is not a valid uuid",
    "uuid_type": "value is not a valid uuid",
    "uuid_version": "value is not a valid uuid",
    "datetime_parsing": "value is not a valid datetime",
    "datetime_from_date_parsing": "value is not a valid datetime",
    "datetime_type": "value is not a valid datetime",
    "date_parsing": "value is not a valid date",
    "date_from_datetime_parsing": "value is not a valid date",
    "date_type": "value is not a valid date",
    "time_parsing": "value is not a valid time",
    "time_delta_parsing": "value is not a valid duration",
    "url_parsing": "value is not a valid URL",
    "url_type": "value is not a valid URL",
    "url_scheme": "URL scheme not permitted",
    "url_too_long": "URL is too long",
    "ip_v4_address": "value is not a valid IPv4 address",
    "ip_v6_address": "value is not a valid IPv6 address",
    "ip_any_address": "value is not a valid IP address",
    "extra_forbidden": "extra fields not permitted",
    "json_invalid": "request body is not valid JSON",
    "json_type": "value is not valid JSON",
    "finite_number": "value is not a finite number",
    "none_required": "value must be null",
    "frozen_field": "field is read-only",
    "frozen_instance": "field is read-only",
    "multiple_of": "value is not a valid multiple",
    "union_tag_invalid": "value does not match any allowed type",
    "union_tag_not_found": "value does not match any allowed type",
}

# Templates filled from the error's ``ctx``.
_CTX_MESSAGES: dict[str, str] = {
    "string_too_short": "ensure this value has at least {min_length} characters",
    "string_too_long": "ensure this value has at most {max_length} characters",
    "too_short": "ensure this value has at least {min_length} items",
    "too_long": "ensure this value has at most {max_length} items",
    "greater_than": "ensure this value is greater than {gt}",
    "greater_than_equal": "ensure this value is greater than or equal to {ge}",
    "less_than": "ensure this value is less than {lt}",
    "less_than_equal": "ensure this value is less than or equal to {le}",
    "string_pattern_mismatch": 'string does not match regex "{pattern}"',
    "literal_error": "value is not one of: {expected}",
    "enum": "value is not one of: {expected}",
}

_LOCATION_PREFIX = {"query": "query.", "path": "path.", "header": "header.", "cookie": "cookie."}


def error_message(error: Mapping[str, Any]) -> str:
    kind = error.get("type", "")
    fixed = _FIXED_MESSAGES.get(kind)
    if fixed is not None:
        return fixed
    if kind in ("too_short", "too_long") and isinstance(error.get("input"), str):
        kind = f"string_{kind}"  # an optional string's length, checked after its other validators
    template = _CTX_MESSAGES.get(kind)
    if template is not None:
        try:
            return template.format(**error.get("ctx", {}))
        except (KeyError, IndexError):
            pass
    message = str(error.get("msg", "invalid value"))
    if message.startswith(EMAIL_MESSAGE):
        # pydantic appends the validator's reason after a colon; the contract keeps it short.
        return EMAIL_MESSAGE
    for prefix in ("Value error, ", "Assertion failed, "):
        if message.startswith(prefix):
            message = message[len(prefix) :]
            break
    return message[:1].lower() + message[1:] if message else "invalid value"


def error_path(loc: tuple[Any, ...] | list[Any]) -> str:
    if not loc:
        return BODY_KEY
    location = loc[0]
    if location == "body":
        return ".".join(str(part) for part in loc[1:]) or BODY_KEY
    prefix = _LOCATION_PREFIX.get(location)
    if prefix is not None:
        return prefix + ".".join(str(part) for part in loc[1:])
    # A pydantic error raised outside a request (no location): the path is the field path.
    return ".".join(str(part) for part in loc)


def flatten_errors(errors: Iterable[Mapping[str, Any]]) -> dict[str, str]:
    details: dict[str, str] = {}
    for error in errors:
        # FastAPI reports malformed JSON at ("body", <character offset>): the body as a whole.
        path = BODY_KEY if error.get("type") == "json_invalid" else error_path(error.get("loc", ()))
        if path not in details:
            details[path] = error_message(error)
    return details
