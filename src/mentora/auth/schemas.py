from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, EmailStr, Field

from mentora.contract import SuccessEnvelope


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class RegisterIn(Strict):
    email: EmailStr
    password: str = Field(min_length=8, max_length=100)
    name: str = Field(min_length=1, max_length=255)
    tenant_slug: str | None = Field(None, max_length=100)


class LoginIn(Strict):
    # Not validated as an email: a malformed one must fail exactly like a wrong one.
    email: str = Field(max_length=255)
    password: str = Field(max_length=100)
    tenant_slug: str | None = Field(None, max_length=100)


class RefreshIn(Strict):
    refresh_token: str = Field(max_length=200)


class TokenPair(BaseModel):
    access_token: str
    refresh_token: str
    token_type: Literal["bearer"] = "bearer"  # noqa: S105 (a scheme name)
    expires_in: int = Field(description="Seconds until the access token expires")


TokenEnvelope = SuccessEnvelope[TokenPair]
