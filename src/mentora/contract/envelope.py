"""Response envelopes: success, list and error.

Error bodies are built straight from plain values with orjson: no ``jsonable_encoder``
walk, so an error is as cheap as a success (see ``bench/contract_overhead.py``).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any, Generic, Literal, Self, TypeVar

import orjson
from pydantic import BaseModel, ConfigDict
from starlette.responses import Response

from mentora.contract.catalog import STATUS_BY_CODE, ErrorCode
from mentora.contract.errors import MentoraError

T = TypeVar("T")


class SuccessEnvelope(BaseModel, Generic[T]):
    # Every field is always sent: required in the (serialization) schema, defaults or not.
    model_config = ConfigDict(json_schema_serialization_defaults_required=True)

    success: Literal[True] = True
    data: T
    message: str | None = None


class ListEnvelope(BaseModel, Generic[T]):
    # Every field is always sent: required in the (serialization) schema, defaults or not.
    model_config = ConfigDict(json_schema_serialization_defaults_required=True)

    success: Literal[True] = True
    data: list[T]
    total: int
    page: int
    page_size: int
    total_pages: int
    message: str | None = None

    @classmethod
    def page_of(cls, items: Sequence[T], *, total: int, skip: int, limit: int) -> Self:
        """Build a page from ``skip``/``limit``; page numbers start at 1.

        Call it on the parametrized class (``ListEnvelope[UserOut].page_of(...)``) so the
        response model's own class comes back and FastAPI need not revalidate it.
        """
        return cls(
            data=list(items),
            total=total,
            page=skip // limit + 1,
            page_size=limit,
            total_pages=math.ceil(total / limit),
        )


# A success that carries no data ("Signed out", "User deleted").
EmptyEnvelope = SuccessEnvelope[None]


class ErrorEnvelope(BaseModel):
    model_config = ConfigDict(extra="forbid")

    success: Literal[False] = False
    error: str
    code: ErrorCode
    details: dict[str, Any]


class ErrorResponse(Response):
    media_type = "application/json"


def error_response(
    code: ErrorCode,
    message: str,
    details: Mapping[str, Any] | None = None,
    headers: Mapping[str, str] | None = None,
) -> ErrorResponse:
    body = orjson.dumps(
        {"success": False, "error": message, "code": code.value, "details": details or {}},
        default=str,
    )
    return ErrorResponse(body, status_code=STATUS_BY_CODE[code], headers=headers)


def response_for(exc: MentoraError) -> ErrorResponse:
    return error_response(exc.code, exc.message, exc.details, exc.headers)
