from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field

from mentora.contract import ListEnvelope, SuccessEnvelope
from mentora.platform.inputs import MultilineText, StrictModel, Text


class InitializeIn(StrictModel):
    content_id: Text = Field(max_length=36, description="The case study")
    session_id: Text | None = Field(None, max_length=36, description="Resume this active session")


class MessageIn(StrictModel):
    content: MultilineText = Field(min_length=1, max_length=4000)


class MessageOut(BaseModel):
    id: str
    sequence: int
    role: Literal["student", "tutor"]
    content: str
    status: Literal["pending", "answered", "failed", "complete", "incomplete"]
    reply_to: str | None
    created_at: datetime


class SessionOut(BaseModel):
    id: str
    user_id: str
    case_study_id: str
    status: Literal["active", "ended"]
    started_at: datetime
    expires_at: datetime
    ended_at: datetime | None
    end_reason: Literal["student", "time_limit"] | None
    tutor: str = Field(description="Which tutor answers: offline, or the configured provider")


class SessionDetailOut(SessionOut):
    first_message: str | None
    messages: list[MessageOut]


class TurnOut(BaseModel):
    student_message: MessageOut
    reply: MessageOut


SessionEnvelope = SuccessEnvelope[SessionOut]
SessionDetailEnvelope = SuccessEnvelope[SessionDetailOut]
SessionListEnvelope = ListEnvelope[SessionOut]
TurnEnvelope = SuccessEnvelope[TurnOut]
