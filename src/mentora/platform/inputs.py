"""What request bodies are made of: a strict base model, and text and email types.

- **Types are strict.** JSON ``true`` is not the integer 1, ``0`` is not ``false`` and ``"5"``
  is not 5: a value of the wrong JSON type is VALIDATION_ERROR, never converted (a whole
  number written ``5.0`` is still the integer 5, as JSON Schema has it).
- **Text holds no control characters** (C0, DEL, C1) nor unpaired surrogates: PostgreSQL
  cannot store NUL, and no reader can see the others. Multi-line text keeps tab, newline
  and carriage return. Names and titles also refuse the bidirectional overrides and
  isolates (U+202A..U+202E, U+2066..U+2069), which make text show in another order than
  it is stored ("evil", U+202E, "txt.exe" shows as "evilexe.txt"). The spec states each
  rule as a ``pattern``.
- **Emails are one identity per person.** They are stored and looked up normalized (NFKC,
  lower case, email-validator's IDNA form of the domain), so a fullwidth or upper-case
  spelling is the same address. A local part or domain label is refused when it mixes
  scripts beyond UTS #39's "highly restrictive" level ("admin" with a Cyrillic U+0430 for
  its "a"), or is written in another script wholly in look-alikes of ASCII letters
  ("paypal" in Cyrillic). Single-script addresses (``елена@почта.рф``, ``李雷@例子.中国``)
  are accepted.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from typing import Annotated, Any, TypeVar

from confusable_homoglyphs import categories, confusables  # type: ignore[import-untyped]
from email_validator import EmailNotValidError, validate_email
from pydantic import AfterValidator, BaseModel, ConfigDict, Field, GetJsonSchemaHandler, SecretStr, model_validator
from pydantic.json_schema import JsonSchemaValue
from pydantic_core import CoreSchema, PydanticCustomError

from mentora.contract.validation import (
    BIDI_CONTROL_CHARACTERS,
    CONTROL_CHARACTERS,
    EMAIL_LOOK_ALIKE,
    EMAIL_MESSAGE,
    INVALID_STRING,
)


class StrictModel(BaseModel):
    """A request body (or a part of one): unknown fields and values of the wrong type are refused."""

    model_config = ConfigDict(extra="forbid", strict=True)

    @model_validator(mode="before")
    @classmethod
    def whole_numbers_are_integers(cls, data: Any) -> Any:
        """JSON has one number type: ``30.0`` is the integer 30, as JSON Schema has it (``30.5`` is not)."""
        if isinstance(data, dict):
            return {key: _integer_if_whole(value) for key, value in data.items()}
        return data


def _integer_if_whole(value: Any) -> Any:
    return int(value) if isinstance(value, float) and value.is_integer() else value


# Character classes, written once for both the check and the spec's ``pattern``.
_CONTROLS = r"\u0000-\u001f\u007f-\u009f"
_CONTROLS_BUT_LINE_BREAKS = r"\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f"
_BIDI_CONTROLS = r"\u202a-\u202e\u2066-\u2069"
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def _refusing(forbidden: str, message: str) -> tuple[Callable[[str], str], str]:
    """A check refusing ``forbidden`` characters, and the ``pattern`` that says so in the spec."""
    found = re.compile(f"[{forbidden}]")

    def check(value: str) -> str:
        if _SURROGATE.search(value):
            raise PydanticCustomError("string_unicode", INVALID_STRING)
        if found.search(value):
            raise PydanticCustomError("forbidden_characters", message)
        return value

    return check, f"^[^{forbidden}]*$"


_check_line, _line_pattern = _refusing(_CONTROLS, CONTROL_CHARACTERS)
_check_multiline, _multiline_pattern = _refusing(_CONTROLS_BUT_LINE_BREAKS, CONTROL_CHARACTERS)
_check_name, _name_pattern = _refusing(_CONTROLS + _BIDI_CONTROLS, BIDI_CONTROL_CHARACTERS)

# One line: ids, slugs, passwords, model names, mapping keys.
Text = Annotated[str, AfterValidator(_check_line), Field(json_schema_extra={"pattern": _line_pattern})]
# Free text a person writes: descriptions, instructions, prompts, messages.
MultilineText = Annotated[
    str, AfterValidator(_check_multiline), Field(json_schema_extra={"pattern": _multiline_pattern})
]
# What identifies a person or a thing to a reader: user and tenant names, titles.
Name = Annotated[str, AfterValidator(_check_name), Field(json_schema_extra={"pattern": _name_pattern})]


def _check_secret(value: SecretStr) -> SecretStr:
    _check_multiline(value.get_secret_value())
    return value


# Keys and tokens, never returned: PEM private keys span lines.
SecretText = Annotated[
    SecretStr,
    AfterValidator(_check_secret),
    Field(json_schema_extra={"pattern": _multiline_pattern}),
]


class _KeysAsPropertyNames:
    """Say a ``dict[Text, ...]``'s rule for keys with ``propertyNames``, which binds every key,
    rather than pydantic's ``patternProperties``, which leaves a key that does not match free."""

    def __get_pydantic_json_schema__(self, schema: CoreSchema, handler: GetJsonSchemaHandler) -> JsonSchemaValue:
        json_schema = handler(schema)
        for pattern, values in json_schema.pop("patternProperties", {}).items():
            json_schema["propertyNames"] = {"pattern": pattern}
            json_schema["additionalProperties"] = values
        return json_schema


_Value = TypeVar("_Value")
# An object whose keys are Text (ids, credential names).
TextKeyed = Annotated[dict[Text, _Value], _KeysAsPropertyNames()]


def _fold(email: str) -> str:
    return unicodedata.normalize("NFKC", email).strip().lower()


def normalize_email(email: str) -> str:
    """The one form an email is stored and looked up in (a malformed one only folded)."""
    folded = _fold(email)
    try:
        return validate_email(folded, check_deliverability=False).normalized
    except EmailNotValidError:
        return folded


# UTS #39 "highly restrictive": one script, or one of these combinations (CJK writing mixes them).
_SCRIPT_COMBINATIONS = (
    frozenset({"LATIN", "HAN", "HIRAGANA", "KATAKANA"}),
    frozenset({"LATIN", "HAN", "BOPOMOFO"}),
    frozenset({"LATIN", "HAN", "HANGUL"}),
)
_NO_SCRIPT = frozenset({"COMMON", "INHERITED"})  # digits, punctuation, combining marks


def imitates_another_text(label: str) -> bool:
    """Whether ``label`` could be mistaken for another: mixed scripts, or only look-alikes of ASCII letters."""
    scripts = categories.unique_aliases(label) - _NO_SCRIPT
    if len(scripts) > 1:
        return not any(scripts <= allowed for allowed in _SCRIPT_COMBINATIONS)
    if not scripts or scripts == {"LATIN"}:
        return False
    return all(_looks_like_ascii(character) for character in label if character.isalpha())


def _looks_like_ascii(character: str) -> bool:
    found = confusables.is_confusable(character, greedy=True, preferred_aliases=["latin"]) or []
    return any(glyph["c"].isascii() for confusable in found for glyph in confusable["homoglyphs"])


def _valid_email(value: str) -> str:
    try:
        address = validate_email(_fold(value), check_deliverability=False)
    except EmailNotValidError:
        raise PydanticCustomError("value_error", EMAIL_MESSAGE) from None
    if any(imitates_another_text(part) for part in (address.local_part, *address.domain.split("."))):
        raise PydanticCustomError("email_look_alike", EMAIL_LOOK_ALIKE)
    return address.normalized


# An address someone signs up or is invited with; sign-in takes any text (see auth.schemas.LoginIn).
Email = Annotated[str, AfterValidator(_valid_email), Field(json_schema_extra={"format": "email"})]
