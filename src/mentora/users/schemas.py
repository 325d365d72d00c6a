from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from pydantic import BaseModel, Field

from mentora.contract import ListEnvelope, SuccessEnvelope
from mentora.platform.inputs import Email, Name, StrictModel, Text


class UserSettings(StrictModel):
    max_sessions: int | None = Field(
        None, ge=1, le=1000, description="Sessions per case study for this user; null: the tenant's setting"
    )
    lms_user_id: Text | None = Field(None, max_length=255, description="The user's id in the LMS; null: Mentora's id")

    @classmethod
    def of(cls, stored: Mapping[str, Any] | None) -> UserSettings:
        """The stored column, typed (absent settings are null)."""
        return cls.model_validate(stored or {})


class UserOut(BaseModel):
    id: str
    email: str
    name: str
    role: str
    role_id: str
    is_active: bool
    settings: UserSettings
    created_at: datetime
    updated_at: datetime
    last_login_at: datetime | None


class MeOut(UserOut):
    permissions: list[str] = Field(
        description="What the user may do now (MODULE.action), for showing or hiding what they cannot"
    )


class MeUpdate(StrictModel):
    """What a user may change about themselves: not their role, tenant, status or limits."""

    name: Name | None = Field(None, min_length=1, max_length=255)


class ChangePasswordIn(StrictModel):
    # Only compared with a hash: a password set before control characters were refused still counts.
    current_password: str = Field(max_length=100)
    new_password: Text = Field(min_length=8, max_length=100)


class UserInvite(StrictModel):
    email: Email
    name: Name = Field(min_length=1, max_length=255)
    role: Text = Field("STUDENT", max_length=50, description="Role name or id")
    password: Text | None = Field(None, min_length=8, max_length=100, description="Unset: a temporary one is returned")
    settings: UserSettings = Field(default_factory=UserSettings)


class UserUpdate(StrictModel):
    name: Name | None = Field(None, min_length=1, max_length=255)
    role: Text | None = Field(None, max_length=50, description="Role name or id")
    is_active: bool | None = None
    settings: UserSettings | None = None


class InvitedUserOut(UserOut):
    temporary_password: str | None = Field(None, description="Shown once, when no password was given")


UserEnvelope = SuccessEnvelope[UserOut]
MeEnvelope = SuccessEnvelope[MeOut]
InvitedUserEnvelope = SuccessEnvelope[InvitedUserOut]
UserListEnvelope = ListEnvelope[UserOut]
