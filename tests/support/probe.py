"""Routes that provoke each kind of failure, mounted on the real app by contract tests.

They stand for "any route anyone adds": the contract must hold for them without any
help from the route itself.
"""

from __future__ import annotations

from typing import Annotated

import httpx
from fastapi import APIRouter, FastAPI, Header, Path, Query
from pydantic import BaseModel, EmailStr, Field, field_validator

from mentora.app import create_app
from mentora.config import Settings
from mentora.contract import (
    ERROR_CLASSES,
    ErrorCode,
    MentoraError,
    RateLimitExceededError,
    SuccessEnvelope,
    TenantError,
    error_responses,
)
from mentora.contract.errors import AuthorizationError, ExternalServiceError
from mentora.platform.outbound import SERVICE_EXTENSION

router = APIRouter(prefix="/probe", tags=["probe"])


def create_probe_app() -> FastAPI:
    """The real app plus the probe routes, for ``uvicorn --factory`` in a server process."""
    app = create_app(Settings())
    app.include_router(router)
    return app


calls: list[str] = []  # what reached a handler, so tests can prove a request was refused before it


class MemberSettings(BaseModel):
    max_sessions: int | None = None
    theme: str = Field("light", max_length=20)


class Item(BaseModel):
    name: str = Field(min_length=1, max_length=255)
    quantity: int = Field(1, ge=1, le=100)


class MemberIn(BaseModel):
    email: EmailStr
    name: str = Field(min_length=1, max_length=255)
    settings: MemberSettings | None = None
    items: list[Item] = Field(default_factory=list, max_length=5)
    role: str = Field("student", pattern=r"^[a-z]+$")

    @field_validator("name")
    @classmethod
    def name_not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("must not be blank")
        return value


class MemberOut(BaseModel):
    email: str
    name: str


@router.post("/members", responses=error_responses(ErrorCode.CONFLICT))
async def create_member(member: MemberIn) -> SuccessEnvelope[MemberOut]:
    """Takes the seed example's fields."""
    calls.append("create_member")
    return SuccessEnvelope[MemberOut](data=MemberOut(email=member.email, name=member.name), message="created")


@router.get("/items/{item_id}", responses=error_responses(ErrorCode.NOT_FOUND))
async def get_item(
    item_id: Annotated[int, Path()],
    x_tenant: Annotated[str, Header(max_length=100)],
    limit: Annotated[int, Query(ge=1, le=100)] = 20,
) -> SuccessEnvelope[dict[str, int]]:
    return SuccessEnvelope[dict[str, int]](data={"item_id": item_id, "limit": limit})


def _example(code: ErrorCode) -> MentoraError:
    if code is ErrorCode.RATE_LIMIT_EXCEEDED:
        return RateLimitExceededError(retry_after=7, limit=5, window=60, scope="ip")
    if code is ErrorCode.TENANT_ERROR:
        return TenantError("unknown")
    if code is ErrorCode.EXTERNAL_SERVICE_ERROR:
        return ExternalServiceError(service="ai", reason="timeout")
    if code is ErrorCode.AUTHORIZATION_ERROR:
        return AuthorizationError.missing_permission("CASE_STUDIES.can_create")
    return ERROR_CLASSES[code]()


@router.get("/raise/{code}")
async def raise_code(code: ErrorCode) -> SuccessEnvelope[None]:
    raise _example(code)


@router.get("/crash")
async def crash() -> SuccessEnvelope[None]:
    raise RuntimeError("secret at /etc/mentora/key.py: SELECT password FROM users")


@router.get("/outbound")
async def outbound(url: str, seconds: float = 2.0) -> SuccessEnvelope[None]:
    """Calls ``url`` and lets any httpx error escape, as a careless integration would."""
    async with httpx.AsyncClient(timeout=seconds) as http:
        response = await http.get(url, extensions={SERVICE_EXTENSION: "lms"})
        response.raise_for_status()
    return SuccessEnvelope[None](data=None)
