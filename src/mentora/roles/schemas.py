from __future__ import annotations

from datetime import datetime
from typing import Annotated

from pydantic import AfterValidator, BaseModel, Field

from mentora.contract import ListEnvelope, SuccessEnvelope
from mentora.platform.inputs import MultilineText, StrictModel
from mentora.platform.security.permissions import TENANT_ASSIGNABLE


def _assignable(permissions: list[str]) -> list[str]:
    unknown = sorted(set(permissions) - TENANT_ASSIGNABLE)
    if unknown:
        raise ValueError(f"not a permission a tenant role can hold: {', '.join(unknown)}")
    return sorted(set(permissions))


RoleName = Annotated[str, Field(pattern=r"^[A-Z][A-Z0-9_]{1,49}$", description="UPPER_SNAKE_CASE")]
# The spec lists the grantable permissions; the validator keeps its own message for any other.
Permissions = Annotated[
    list[str],
    Field(max_length=64, json_schema_extra={"items": {"type": "string", "enum": sorted(TENANT_ASSIGNABLE)}}),
    AfterValidator(_assignable),
]


class RoleCreate(StrictModel):
    name: RoleName
    description: MultilineText = Field("", max_length=500)
    permissions: Permissions


class RoleUpdate(StrictModel):
    name: RoleName | None = None
    description: MultilineText | None = Field(None, max_length=500)
    permissions: Permissions | None = None


class RoleOut(BaseModel):
    id: str
    name: str
    description: str
    permissions: list[str]
    is_system: bool
    created_at: datetime
    updated_at: datetime


RoleEnvelope = SuccessEnvelope[RoleOut]
RoleListEnvelope = ListEnvelope[RoleOut]
