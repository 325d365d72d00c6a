from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field

from mentora.contract import ListEnvelope, SuccessEnvelope
from mentora.platform.inputs import MultilineText

# models.LmsStatus's values, which the spec shows inline.
LmsStatusValue = Literal["pending", "published", "not_configured"]


class RubricScores(BaseModel):
    """What the grader must return (validated; anything else is retried, never stored)."""

    critical_thinking: int = Field(ge=0, le=100)
    comprehension: int = Field(ge=0, le=100)
    communication: int = Field(ge=0, le=100)
    summary: MultilineText = Field(min_length=1, max_length=2000)


class GradeOut(BaseModel):
    id: str
    session_id: str
    user_id: str
    case_study_id: str
    critical_thinking: float
    comprehension: float
    communication: float
    final_score: float = Field(description="40% critical thinking, 30% comprehension, 30% communication")
    summary: str
    grader: str
    graded_at: datetime
    lms_status: LmsStatusValue
    published_at: datetime | None


GradeEnvelope = SuccessEnvelope[GradeOut]
GradeListEnvelope = ListEnvelope[GradeOut]
