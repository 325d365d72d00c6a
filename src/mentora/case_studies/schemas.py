from __future__ import annotations

from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, Field

from mentora.contract import ListEnvelope, SuccessEnvelope
from mentora.platform.inputs import MultilineText, Name, StrictModel, Text

Instruction = Annotated[MultilineText, Field(min_length=1, max_length=1000)]


class CaseStudyCreate(StrictModel):
    title: Name = Field(min_length=1, max_length=255)
    slug: str = Field(min_length=1, max_length=100, pattern=r"^[a-z0-9-]+$")
    description: MultilineText = Field("", max_length=5000)
    instructions: list[Instruction] = Field(default_factory=list, max_length=20)
    system_prompt: MultilineText = Field("", max_length=20_000)
    first_message: MultilineText | None = Field(None, max_length=2000)
    time_limit_minutes: int | None = Field(None, ge=1, le=1440, description="Unset: the tenant's session_minutes")
    llm_model: Text | None = Field(None, max_length=100, description="Unset: the tenant's configured model")
    is_active: bool = True


class CaseStudyUpdate(StrictModel):
    title: Name | None = Field(None, min_length=1, max_length=255)
    slug: str | None = Field(None, min_length=1, max_length=100, pattern=r"^[a-z0-9-]+$")
    description: MultilineText | None = Field(None, max_length=5000)
    instructions: list[Instruction] | None = Field(None, max_length=20)
    system_prompt: MultilineText | None = Field(None, max_length=20_000)
    first_message: MultilineText | None = Field(None, max_length=2000)
    time_limit_minutes: int | None = Field(None, ge=1, le=1440)
    llm_model: Text | None = Field(None, max_length=100)
    is_active: bool | None = None


class CaseStudyOut(BaseModel):
    """What a student sees: no system prompt."""

    id: str
    title: str
    slug: str
    description: str
    instructions: list[str]
    first_message: str | None
    time_limit_minutes: int | None
    is_active: bool
    created_at: datetime
    updated_at: datetime


class CaseStudyStaffOut(CaseStudyOut):
    system_prompt: str
    llm_model: str | None


CaseStudyEnvelope = SuccessEnvelope[CaseStudyOut]
CaseStudyListEnvelope = ListEnvelope[CaseStudyOut]
CaseStudyStaffEnvelope = SuccessEnvelope[CaseStudyStaffOut]
CaseStudyStaffListEnvelope = ListEnvelope[CaseStudyStaffOut]
