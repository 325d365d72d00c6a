from __future__ import annotations

import json

import httpx
import pytest

import mentora_client
from mentora_client.errors import (
    ERROR_CLASSES,
    ApiError,
    AuthenticationError,
    AuthorizationError,
    MentoraError,
    RateLimitError,
    TokenExpiredError,
    TransportError,
    ValidationError,
    error_from_response,
)
from tests.support.spec import error_codes, ref_name, spec


def envelope(code: str, error: str = "Something failed", details: object = None) -> bytes:
    return json.dumps({"success": False, "error": error, "code": code, "details": details or {}}).encode()


def test_one_class_per_code_of_the_spec() -> None:
    assert set(ERROR_CLASSES) == set(error_codes())
    assert len(set(ERROR_CLASSES.values())) == len(ERROR_CLASSES)
    for code, error_class in ERROR_CLASSES.items():
        assert error_class.code_name == code
        assert issubclass(error_class, ApiError)
        assert getattr(mentora_client, error_class.__name__) is error_class


def test_hierarchy() -> None:
    assert issubclass(ApiError, MentoraError)
    assert issubclass(TransportError, MentoraError)
    assert not issubclass(TransportError, ApiError)
    assert issubclass(TokenExpiredError, AuthenticationError)


@pytest.mark.parametrize("code", sorted(ERROR_CLASSES))
def test_each_code_becomes_its_class(code: str) -> None:
    headers = httpx.Headers({"x-request-id": "req-42"})
    error = error_from_response(418, headers, envelope(code, "Plain words"))
    assert type(error) is ERROR_CLASSES[code]
    assert error.code == code
    assert error.status == 418
    assert error.message == "Plain words"
    assert error.request_id == "req-42"
    assert str(error) == f"[{code}] Plain words (HTTP 418, request id req-42)"


def test_unknown_code_is_the_generic_error() -> None:
    error = error_from_response(400, httpx.Headers(), envelope("SHINY_NEW_CODE", details={"a": 1}))
    assert type(error) is ApiError
    assert error.code == "SHINY_NEW_CODE"
    assert error.details == {"a": 1}
    assert str(error) == "[SHINY_NEW_CODE] Something failed (HTTP 400)"


@pytest.mark.parametrize("content", [b"", b"<html>Bad gateway</html>", b"[1, 2]", b'{"detail": "Not Found"}'])
def test_a_body_without_the_envelope_is_the_generic_error(content: bytes) -> None:
    error = error_from_response(502, httpx.Headers({"x-request-id": "r1"}), content)
    assert type(error) is ApiError
    assert error.code is None
    assert "request id r1" in str(error)


def test_validation_error_exposes_the_field_map() -> None:
    details = {"email": "value is not a valid email address", "settings.max_sessions": "value is not a valid integer"}
    error = error_from_response(422, httpx.Headers(), envelope("VALIDATION_ERROR", details=details))
    assert isinstance(error, ValidationError)
    assert error.field_errors == details
    assert error.details == details


def test_rate_limit_and_authorization_details() -> None:
    limited = error_from_response(429, httpx.Headers(), envelope("RATE_LIMIT_EXCEEDED", details={"retry_after": 3}))
    assert isinstance(limited, RateLimitError)
    assert limited.retry_after == 3.0
    denied = error_from_response(403, httpx.Headers(), envelope("AUTHORIZATION_ERROR", details={"required": "X.y"}))
    assert isinstance(denied, AuthorizationError)
    assert denied.required_permission == "X.y"


def test_transport_error_names_the_request() -> None:
    error = TransportError("No response: ConnectError", method="GET", url="http://127.0.0.1:1/v1/users/me")
    assert str(error) == "No response: ConnectError (GET http://127.0.0.1:1/v1/users/me)"


def test_each_class_has_the_status_the_spec_pairs_with_its_code() -> None:
    schemas = spec()["components"]["schemas"]
    seen = set()
    for item in spec()["paths"].values():
        for operation in item.values():
            for status, response in operation["responses"].items():
                schema = response.get("content", {}).get("application/json", {}).get("schema", {})
                for member in schema.get("anyOf", [schema]):
                    code = schemas.get(ref_name(member) or "", {}).get("properties", {}).get("code", {}).get("const")
                    if code:
                        assert ERROR_CLASSES[code].http_status == int(status), code
                        seen.add(code)
    assert seen


# The seed's table: code -> HTTP status.
SEED_STATUSES = {
    "AUTHENTICATION_ERROR": 401,
    "TOKEN_EXPIRED": 401,
    "AUTHORIZATION_ERROR": 403,
    "NOT_FOUND": 404,
    "VALIDATION_ERROR": 422,
    "CONFLICT": 409,
    "RATE_LIMIT_EXCEEDED": 429,
    "TENANT_ERROR": 400,
    "EXTERNAL_SERVICE_ERROR": 502,
    "DATABASE_ERROR": 500,
    "INTERNAL_ERROR": 500,
}


def test_each_class_has_the_seed_s_status() -> None:
    assert {code: error_class.http_status for code, error_class in ERROR_CLASSES.items()} == SEED_STATUSES


def test_an_error_inside_a_stream_gets_its_code_s_status() -> None:
    from mentora_client.errors import ExternalServiceError, error_from_envelope

    error = error_from_envelope({"success": False, "error": "AI down", "code": "EXTERNAL_SERVICE_ERROR", "details": {}})
    assert isinstance(error, ExternalServiceError)
    assert error.status == 502
