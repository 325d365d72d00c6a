from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel

from mentora.contract import ListEnvelope, SuccessEnvelope

JobStatusValue = Literal["queued", "running", "succeeded", "dead"]


class JobAttemptOut(BaseModel):
    number: int
    worker: str
    started_at: datetime
    finished_at: datetime | None
    outcome: Literal["running", "succeeded", "failed", "abandoned"]
    error: str | None


class JobOut(BaseModel):
    id: str
    kind: str
    payload: dict[str, Any]
    status: JobStatusValue
    attempts: int
    max_attempts: int
    run_at: datetime
    last_error: str | None
    created_at: datetime
    finished_at: datetime | None


class JobDetailOut(JobOut):
    history: list[JobAttemptOut]


JobListEnvelope = ListEnvelope[JobOut]
JobDetailEnvelope = SuccessEnvelope[JobDetailOut]
