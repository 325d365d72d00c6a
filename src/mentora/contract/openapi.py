"""OpenAPI for the error contract.

Each code has a response schema whose ``code`` is a one-value enum, so a route's
``responses=error_responses(...)`` documents exactly the codes it can return.
``document_errors`` then rewrites the generated spec: FastAPI's own 422 schema gives way
to the VALIDATION_ERROR envelope, every operation gains the 500 codes, and each
operation lists its codes in ``x-error-codes`` for client generators and readers.

``id_links`` documents the other half of a route's answer: OpenAPI links from a
created resource to the operations that take its id, which readers and stateful test
tools follow (create, then get, change, delete).

``document_protocol`` adds what every operation shares beyond its body: the bearer
token (and the operations that take none), the ``X-Tenant`` and ``Idempotency-Key``
request headers, and the response headers (``X-Request-ID``, ``Retry-After``,
``RateLimit-*``, ``Idempotent-Replayed``), so generated clients can send and read them.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Collection, Mapping, Sequence
from copy import deepcopy
from dataclasses import dataclass
from typing import Annotated, Any, Literal, Protocol, TypeVar, Union, runtime_checkable

from pydantic import BaseModel, ConfigDict, Field, create_model

from mentora.contract.catalog import CATALOG, STATUS_BY_CODE, ErrorCode


class RateLimitDetails(BaseModel):
    retry_after: int = Field(description="Seconds to wait before retrying")
    limit: int
    window: int = Field(description="Window length in seconds")
    scope: str = Field(description="What the limit counts: ip, user, tenant, login, ...")


class ExternalServiceDetails(BaseModel):
    service: str = Field(description="ai, lms, ...")
    reason: Literal["timeout", "unavailable", "rejected", "bad_response", "circuit_open"]


class TenantErrorDetails(BaseModel):
    reason: Literal["missing", "unknown", "inactive"]


class AuthorizationDetails(BaseModel):
    required: str = Field(description="The permission the route needs, as MODULE.action")


FieldMessages = Annotated[
    dict[str, str],
    Field(description="Field path (dot notation; query./path./header. for parameters; _body) -> message"),
]

_DETAILS_TYPE: dict[ErrorCode, Any] = {
    ErrorCode.VALIDATION_ERROR: FieldMessages,
    ErrorCode.CONFLICT: FieldMessages,
    ErrorCode.RATE_LIMIT_EXCEEDED: RateLimitDetails,
    ErrorCode.EXTERNAL_SERVICE_ERROR: ExternalServiceDetails,
    ErrorCode.TENANT_ERROR: TenantErrorDetails,
    ErrorCode.AUTHORIZATION_ERROR: AuthorizationDetails,
}


def _schema_name(code: ErrorCode) -> str:
    return "".join(part.capitalize() for part in code.value.split("_")) + "Response"


def _response_model(code: ErrorCode) -> type[BaseModel]:
    code_type: Any = Literal[code.value]
    model: type[BaseModel] = create_model(
        _schema_name(code),
        # Every field is always sent: required in the (serialization) schema, defaults or not.
        __config__=ConfigDict(extra="forbid", json_schema_serialization_defaults_required=True),
        success=(Literal[False], False),
        error=(str, Field(description="A message safe to show a person")),
        code=(code_type, code.value),
        details=(_DETAILS_TYPE.get(code, dict[str, Any]), Field(default_factory=dict)),
    )
    return model


ERROR_MODELS: dict[ErrorCode, type[BaseModel]] = {entry.code: _response_model(entry.code) for entry in CATALOG}
_CODE_BY_SCHEMA = {_schema_name(code): code for code in ERROR_MODELS}
_DESCRIPTIONS = {entry.code: entry.description for entry in CATALOG}
SERVER_ERROR_CODES = (ErrorCode.DATABASE_ERROR, ErrorCode.INTERNAL_ERROR)


def error_responses(*codes: ErrorCode) -> dict[int | str, dict[str, Any]]:
    """``responses=`` for a route that can answer with these codes (grouped by status)."""
    by_status: dict[int, list[ErrorCode]] = defaultdict(list)
    for code in codes:
        by_status[STATUS_BY_CODE[code]].append(code)
    responses: dict[int | str, dict[str, Any]] = {}
    for status, status_codes in sorted(by_status.items()):
        models = [ERROR_MODELS[code] for code in status_codes]
        model: Any = models[0]
        if len(models) > 1:
            # the codes sharing this status, told apart by ``code``
            model = Annotated[Union[tuple(models)], Field(discriminator="code")]  # noqa: UP007
        responses[status] = {
            "model": model,
            "description": "; ".join(f"{code.value}: {_DESCRIPTIONS[code]}" for code in status_codes),
        }
    return responses


_DECLARED_CODES: dict[Callable[..., Any], tuple[ErrorCode, ...]] = {}

CallableT = TypeVar("CallableT", bound=Callable[..., Any])


def raises(*codes: ErrorCode) -> Callable[[CallableT], CallableT]:
    """Declare the codes a dependency can raise; every route that uses it documents them."""

    def declare(call: CallableT) -> CallableT:
        _DECLARED_CODES[call] = codes
        return call

    return declare


@runtime_checkable
class DeclaresErrorCodes(Protocol):
    """A dependency object (not a function) that says which codes it can raise."""

    @property
    def error_codes(self) -> tuple[ErrorCode, ...]: ...


def declared_error_codes(call: object) -> tuple[ErrorCode, ...]:
    if isinstance(call, DeclaresErrorCodes):
        return call.error_codes
    return _DECLARED_CODES.get(call, ()) if callable(call) else ()


# Where every success envelope carries the id of the resource it returns.
RESPONSE_ID = "$response.body#/data/id"


def id_links(
    parameters: Mapping[str, str], *, body_fields: Mapping[str, str] | None = None, status: int = 201
) -> dict[int | str, dict[str, Any]]:
    """``responses=`` links passing the returned resource's id on to other operations.

    ``parameters`` maps an operationId to the path parameter that takes the id,
    ``body_fields`` an operationId to the request body field that does.
    """
    links: dict[str, dict[str, Any]] = {
        operation_id: {"operationId": operation_id, "parameters": {parameter: RESPONSE_ID}}
        for operation_id, parameter in parameters.items()
    }
    for operation_id, field in (body_fields or {}).items():
        links[operation_id] = {"operationId": operation_id, "requestBody": {field: RESPONSE_ID}}
    return {status: {"links": links}}


def _codes_in(schema: Any) -> set[ErrorCode]:
    """Every error code whose schema is referenced anywhere inside ``schema``."""
    found: set[ErrorCode] = set()
    if isinstance(schema, dict):
        ref = schema.get("$ref")
        if isinstance(ref, str):
            code = _CODE_BY_SCHEMA.get(ref.rsplit("/", 1)[-1])
            if code is not None:
                found.add(code)
        for value in schema.values():
            found |= _codes_in(value)
    elif isinstance(schema, list):
        for value in schema:
            found |= _codes_in(value)
    return found


def _ref(code: ErrorCode) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{_schema_name(code)}"}


def _response(codes: Sequence[ErrorCode]) -> dict[str, Any]:
    schema: dict[str, Any] = _ref(codes[0])
    if len(codes) > 1:
        # An explicit mapping: without one, OpenAPI maps a discriminator value to a schema *name*.
        discriminator = {"propertyName": "code", "mapping": {code.value: _ref(code)["$ref"] for code in codes}}
        schema = {"oneOf": [_ref(code) for code in codes], "discriminator": discriminator}
    return {
        "description": "; ".join(f"{code.value}: {_DESCRIPTIONS[code]}" for code in codes),
        "content": {"application/json": {"schema": schema}},
    }


def _with_codes(responses: dict[str, Any], codes: Collection[ErrorCode]) -> None:
    """Add ``codes`` to an operation's responses, merging with the codes already there."""
    by_status: dict[int, set[ErrorCode]] = defaultdict(set)
    for code in codes:
        by_status[STATUS_BY_CODE[code]].add(code)
    for status, new_codes in by_status.items():
        present = _codes_in(responses.get(str(status), {}))
        merged = [entry.code for entry in CATALOG if entry.code in present | new_codes]
        responses[str(status)] = _response(merged)


def document_errors(
    spec: dict[str, Any],
    extra_codes: Mapping[tuple[str, str], Collection[ErrorCode]] | None = None,
    extensions: Mapping[tuple[str, str], Mapping[str, Any]] | None = None,
) -> dict[str, Any]:
    """Rewrite a generated spec so every operation documents its error envelopes.

    ``extra_codes`` are codes an operation can answer beyond its declared ``responses``
    (those its dependencies raise: authentication, permission, database), keyed by
    (path, method); ``extensions`` adds ``x-`` fields to operations the same way.
    """
    extra_codes = extra_codes or {}
    extensions = extensions or {}
    schemas: dict[str, Any] = spec.setdefault("components", {}).setdefault("schemas", {})
    for code, model in ERROR_MODELS.items():
        schema = model.model_json_schema(ref_template="#/components/schemas/{model}", mode="serialization")
        # Nested models (the typed details) go beside it, where the references point.
        for name, nested in schema.pop("$defs", {}).items():
            schemas.setdefault(name, nested)
        schemas.setdefault(_schema_name(code), schema)
    for path, path_item in spec.get("paths", {}).items():
        for method, operation in path_item.items():
            if not isinstance(operation, dict) or "responses" not in operation:
                continue
            responses = operation["responses"]
            if "HTTPValidationError" in str(responses.get("422", "")):
                responses["422"] = _response([ErrorCode.VALIDATION_ERROR])
            _with_codes(responses, [ErrorCode.INTERNAL_ERROR, *extra_codes.get((path, method), ())])
            operation.update(extensions.get((path, method), {}))
            codes = _codes_in(responses)
            operation["x-error-codes"] = [entry.code.value for entry in CATALOG if entry.code in codes]
    schemas.pop("HTTPValidationError", None)
    schemas.pop("ValidationError", None)
    return spec


OperationKey = tuple[str, str]  # (path, method)


@dataclass(frozen=True, slots=True)
class OperationTraits:
    """What an operation does beyond its own parameters, for ``document_protocol``."""

    authenticated: bool  # takes the bearer token
    rate_limited: bool  # counted by a rate-limit policy (health probes are not)
    idempotent: bool  # accepts Idempotency-Key


BEARER_SCHEME = "bearerAuth"
_SECURITY_SCHEMES = {
    BEARER_SCHEME: {
        "type": "http",
        "scheme": "bearer",
        "bearerFormat": "JWT",
        "description": "The `access_token` of `POST /v1/auth/login` (or register, refresh), "
        "as `Authorization: Bearer <token>`. It names the tenant and the user.",
    }
}

_PARAMETERS = {
    "XTenant": {
        "name": "X-Tenant",
        "in": "header",
        "required": False,
        "description": "The tenant's slug (case-insensitive). Without a token (register, login) it names "
        "the tenant, unless the host (a tenant's custom domain, or `<slug>.<base domain>`) or "
        "`tenant_slug` in the body does; a `tenant_slug` naming another tenant is VALIDATION_ERROR, "
        "an unknown or inactive tenant TENANT_ERROR. With a token it is optional and must name the "
        "token's own tenant, else AUTHENTICATION_ERROR. Operations that involve no tenant ignore it.",
        # No length or pattern: any value is answered (by TENANT_ERROR or AUTHENTICATION_ERROR), never refused.
        "schema": {"type": "string", "examples": ["demo"]},
    },
    "IdempotencyKey": {
        "name": "Idempotency-Key",
        "in": "header",
        "required": False,
        "description": "Makes a retry safe: the first response for this key (per tenant and user) is kept "
        "for 24 hours and replayed, with `Idempotent-Replayed: true`, for a repeat with the same method, "
        "path and body. The same key with another request is VALIDATION_ERROR on "
        "`header.idempotency-key`; a repeat while the first is still running is CONFLICT. Server errors, "
        "401s and 429s are not kept. 1 to 255 letters, digits or `._:-` (a UUID serves); any other key is "
        "VALIDATION_ERROR.",
        # The rule is in words, not a pattern: a schema-valid key may still be refused (reused for another request).
        "schema": {"type": "string"},
    },
}

_HEADERS: dict[str, dict[str, Any]] = {
    "X-Request-ID": {
        "description": "This request's id, as in the server's logs (the caller's own `X-Request-ID` "
        "when it is short and plain). Quote it in a bug report.",
        "required": True,
        "schema": {"type": "string"},
    },
    "Retry-After": {
        "description": "Seconds to wait before trying again (as `details.retry_after`).",
        "required": True,
        "schema": {"type": "integer", "minimum": 1},
    },
    "RateLimit-Limit": {
        "description": "Requests the applying rate-limit policy allows in its window.",
        "schema": {"type": "integer", "minimum": 0},
    },
    "RateLimit-Remaining": {
        "description": "Requests left in the window.",
        "schema": {"type": "integer", "minimum": 0},
    },
    "RateLimit-Reset": {
        "description": "Seconds until the window has room again.",
        "schema": {"type": "integer", "minimum": 0},
    },
    "Idempotent-Replayed": {
        "description": "`true` when this is the kept response to an earlier request with the same `Idempotency-Key`.",
        "schema": {"type": "string", "enum": ["true"]},
    },
}
_RATE_LIMIT_HEADERS = ("RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset")


def kept_for_replay(status: int) -> bool:
    """Whether an Idempotency-Key keeps (and replays) a response of this status: only those
    that did the work. Server errors, 401s and 429s are forgotten, so a retry runs again."""
    return status < 500 and status not in (401, 429)


def _component_name(header: str) -> str:
    return header.replace("-", "")


def _header_refs(names: Sequence[str]) -> dict[str, Any]:
    return {name: {"$ref": f"#/components/headers/{_component_name(name)}"} for name in names}


def _response_headers(status: str, traits: OperationTraits) -> list[str]:
    """The headers a response of this status can carry."""
    names = ["X-Request-ID"]
    if status == "429":
        names.extend(("Retry-After", *_RATE_LIMIT_HEADERS))
    elif traits.rate_limited and status.startswith("2"):
        names.extend(_RATE_LIMIT_HEADERS)
    if traits.idempotent and kept_for_replay(int(status)):
        names.append("Idempotent-Replayed")
    return names


def document_protocol(spec: dict[str, Any], traits: Mapping[OperationKey, OperationTraits]) -> dict[str, Any]:
    """Add the bearer token, the shared request headers and the response headers to a spec.

    The token is required by default; operations that take none say ``security: []``.
    ``traits`` is keyed by (path, method) like ``document_errors``' arguments.
    """
    components = spec.setdefault("components", {})
    # Copies: a spec is the caller's to change, these definitions are every spec's.
    components["securitySchemes"] = deepcopy(_SECURITY_SCHEMES)
    components["parameters"] = deepcopy(_PARAMETERS)
    components["headers"] = {_component_name(name): deepcopy(header) for name, header in _HEADERS.items()}
    spec["security"] = [{BEARER_SCHEME: []}]
    for path, path_item in spec.get("paths", {}).items():
        for method, operation in path_item.items():
            operation_traits = traits.get((path, method))
            if not isinstance(operation, dict) or operation_traits is None:
                continue
            parameters = operation.setdefault("parameters", [])
            parameters.append({"$ref": "#/components/parameters/XTenant"})
            if operation_traits.idempotent:
                parameters.append({"$ref": "#/components/parameters/IdempotencyKey"})
            if not operation_traits.authenticated:
                operation["security"] = []
            for status, response in operation["responses"].items():
                # Headers a route declares itself (Set-Cookie) stay beside the protocol's own.
                declared = response.get("headers", {})
                response["headers"] = {**_header_refs(_response_headers(status, operation_traits)), **declared}
    return spec
