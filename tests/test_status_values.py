"""The API's status literals and the stored enums name the same values.

Responses type a status as a ``Literal`` (an inline enum in the OpenAPI document) while
the code stores and compares the ``StrEnum``; this keeps the two from drifting apart.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any, get_args

import pytest

from mentora.grades.models import LmsStatus
from mentora.grades.schemas import LmsStatusValue
from mentora.jobs.schemas import JobAttemptOut, JobStatusValue
from mentora.platform.jobs import AttemptOutcome, JobStatus
from mentora.sessions.models import MessageStatus, SessionStatus
from mentora.sessions.schemas import MessageOut, SessionOut


@pytest.mark.parametrize(
    ("literal", "enum"),
    [
        (JobStatusValue, JobStatus),
        (JobAttemptOut.model_fields["outcome"].annotation, AttemptOutcome),
        (LmsStatusValue, LmsStatus),
        (MessageOut.model_fields["status"].annotation, MessageStatus),
        (SessionOut.model_fields["status"].annotation, SessionStatus),
    ],
    ids=["job status", "attempt outcome", "lms status", "message status", "session status"],
)
def test_the_api_names_every_stored_value(literal: Any, enum: type[StrEnum]) -> None:
    assert set(get_args(literal)) == {member.value for member in enum}
