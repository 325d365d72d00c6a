from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, Field

from mentora.contract import SuccessEnvelope
from mentora.platform.inputs import Email, Name, StrictModel, Text


def _default_unstated(schema: dict[str, Any]) -> None:
    """openapi-typescript, as configured by default, makes a property with a default one that
    must be sent: stated, this opt-in would break every client generated before it."""
    schema.pop("default", None)


RefreshCookieFlag = Annotated[
    bool,
    Field(
        description="Deliver the refresh token as an HttpOnly cookie instead of in the body (browser apps). "
        "Default false.",
        json_schema_extra=_default_unstated,
    ),
]


class RegisterIn(StrictModel):
    email: Email
    password: Text = Field(min_length=8, max_length=100)
    name: Name = Field(min_length=1, max_length=255)
    tenant_slug: Text | None = Field(None, max_length=100)
    refresh_cookie: RefreshCookieFlag = False


class LoginIn(StrictModel):
    # Not validated as an email: a malformed one must fail exactly like a wrong one.
    email: Text = Field(max_length=255)
    # Only compared with a hash: a password set before control characters were refused still signs in.
    password: str = Field(max_length=100)
    tenant_slug: Text | None = Field(None, max_length=100)
    refresh_cookie: RefreshCookieFlag = False


class RefreshIn(StrictModel):
    refresh_token: Text | None = Field(
        None,
        max_length=200,
        description="Leave it out to use the `mentora_refresh` cookie instead, which then needs `X-CSRF-Token` "
        "(browser apps)",
    )


class TokenPair(BaseModel):
    access_token: str
    refresh_token: str | None = Field(
        description="null when it is set as the `mentora_refresh` cookie instead: asked for with "
        "`refresh_cookie`, or refreshed through the cookie"
    )
    token_type: Literal["bearer"] = "bearer"  # noqa: S105 (a scheme name)
    expires_in: int = Field(description="Seconds until the access token expires")


TokenEnvelope = SuccessEnvelope[TokenPair]
