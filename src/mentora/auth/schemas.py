from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from mentora.contract import SuccessEnvelope
from mentora.platform.inputs import Email, Name, StrictModel, Text


class RegisterIn(StrictModel):
    email: Email
    password: Text = Field(min_length=8, max_length=100)
    name: Name = Field(min_length=1, max_length=255)
    tenant_slug: Text | None = Field(None, max_length=100)


class LoginIn(StrictModel):
    # Not validated as an email: a malformed one must fail exactly like a wrong one.
    email: Text = Field(max_length=255)
    # Only compared with a hash: a password set before control characters were refused still signs in.
    password: str = Field(max_length=100)
    tenant_slug: Text | None = Field(None, max_length=100)


class RefreshIn(StrictModel):
    refresh_token: Text = Field(max_length=200)


class TokenPair(BaseModel):
    access_token: str
    refresh_token: str
    token_type: Literal["bearer"] = "bearer"  # noqa: S105 (a scheme name)
    expires_in: int = Field(description="Seconds until the access token expires")


TokenEnvelope = SuccessEnvelope[TokenPair]
