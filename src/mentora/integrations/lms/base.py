from __future__ import annotations

import time
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol
from urllib.parse import quote

import httpx
import jwt

from mentora.contract import ExternalServiceError
from mentora.platform.outbound.client import OutboundClient
from mentora.platform.secrets import SecretBox
from mentora.platform.tenant_settings import LMSConfig

SERVICE = "lms"
AGS_SCORE_SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/score"
SCORE_MEDIA_TYPE = "application/vnd.ims.lis.v1.score+json"


class LmsNotConfiguredError(Exception):
    """The tenant has no LMS, or none for this case study: nothing to publish."""


def _path_segment(value: str) -> str:
    """Percent-encoded, keeping ``:`` for Canvas's ``sis_user_id:...`` style ids. A segment of
    dots is encoded too: ``quote`` leaves dots, and ``..`` would climb the path."""
    encoded = quote(str(value), safe=":")
    return encoded.replace(".", "%2E") if not encoded.strip(".") else encoded


@dataclass(frozen=True)
class GradeToPublish:
    grade_id: str
    tenant_id: str
    lms_user_id: str
    case_study_id: str
    score: float  # 0..100
    comment: str
    graded_at: datetime


class GradePublisher(Protocol):
    async def publish(self, grade: GradeToPublish) -> None: ...


def _bad_response() -> ExternalServiceError:
    return ExternalServiceError(service=SERVICE, reason="bad_response")


def _access_token(response: httpx.Response) -> str:
    try:
        token = response.json()["access_token"]
    except (ValueError, KeyError, TypeError):
        raise _bad_response() from None
    if not isinstance(token, str) or not token:
        raise _bad_response()
    return token


def _canvas_submission(response: httpx.Response) -> None:
    try:
        body = response.json()
    except ValueError:
        raise _bad_response() from None
    if not isinstance(body, dict) or "id" not in body:
        raise _bad_response()


def scores_url(line_item: str) -> str:
    """AGS: the scores service is the line item URL's path plus ``/scores``, query kept
    (Moodle's line items carry ``?type_id=``)."""
    url = httpx.URL(line_item)
    return str(url.copy_with(path=url.path.rstrip("/") + "/scores"))


@dataclass
class LtiAgsPublisher:
    """LTI 1.3 AGS: an OAuth 2 client-credentials token got with a signed JWT assertion,
    then the score POSTed to the line item. Re-sending the same score (same timestamp)
    leaves one score: AGS keeps the latest per user and line item."""

    outbound: OutboundClient
    client_id: str
    token_url: str
    private_key: str
    key_id: str | None
    line_items: Mapping[str, str]
    circuit: str

    async def publish(self, grade: GradeToPublish) -> None:
        line_item = self.line_items.get(grade.case_study_id)
        if not line_item:
            raise LmsNotConfiguredError("no line item for this case study")
        token = await self._token()
        await self.outbound.request(
            "POST",
            scores_url(line_item),
            circuit=self.circuit,
            parse=lambda response: None,
            json={
                "userId": grade.lms_user_id,
                "scoreGiven": round(grade.score, 2),
                "scoreMaximum": 100,
                "comment": grade.comment[:1000],
                "activityProgress": "Completed",
                "gradingProgress": "FullyGraded",
                "timestamp": grade.graded_at.isoformat(),
            },
            headers={"Authorization": f"Bearer {token}", "Content-Type": SCORE_MEDIA_TYPE},
        )

    async def _token(self) -> str:
        now = int(time.time())
        assertion = jwt.encode(
            {
                "iss": self.client_id,
                "sub": self.client_id,
                "aud": self.token_url,
                "iat": now,
                "exp": now + 300,
                "jti": uuid.uuid4().hex,
            },
            self.private_key,
            algorithm="RS256",
            headers={"kid": self.key_id} if self.key_id else None,
        )
        return await self.outbound.request(
            "POST",
            self.token_url,
            circuit=self.circuit,
            parse=_access_token,
            form={
                "grant_type": "client_credentials",
                "client_assertion_type": "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
                "client_assertion": assertion,
                "scope": AGS_SCORE_SCOPE,
            },
        )


@dataclass
class CanvasPublisher:
    """Canvas REST: PUT the submission's grade (idempotent: the same grade twice is one grade)."""

    outbound: OutboundClient
    base_url: str
    api_token: str
    assignments: Mapping[str, str]  # case study id -> "course_id/assignment_id"
    circuit: str

    async def publish(self, grade: GradeToPublish) -> None:
        target = self.assignments.get(grade.case_study_id)
        if not target or "/" not in target:
            raise LmsNotConfiguredError("no Canvas assignment for this case study")
        course_id, assignment_id = (_path_segment(part) for part in target.split("/", 1))
        # Each value stays one path segment: a "../" in an id must not reach another endpoint.
        url = (
            f"{self.base_url.rstrip('/')}/api/v1/courses/{course_id}/assignments/{assignment_id}"
            f"/submissions/{_path_segment(grade.lms_user_id)}"
        )
        # The grade only: a comment would be added again on every (re)publication.
        await self.outbound.request(
            "PUT",
            url,
            circuit=self.circuit,
            parse=_canvas_submission,
            json={"submission": {"posted_grade": f"{round(grade.score, 2)}%"}},
            headers={"Authorization": f"Bearer {self.api_token}"},
        )


def publisher_for(
    lms_type: str | None, lms_config: LMSConfig, *, tenant_id: str, outbound: OutboundClient, secrets: SecretBox
) -> GradePublisher:
    """The tenant's publisher; LmsNotConfiguredError when it has none."""
    credentials = {name: secrets.open(sealed) for name, sealed in lms_config.credentials_sealed.items()}
    mapping = dict(lms_config.course_mapping)
    base_url = lms_config.base_url or ""
    circuit = f"{tenant_id}:{base_url or lms_config.token_url}"
    if lms_type == "canvas" and base_url and credentials.get("api_token"):
        return CanvasPublisher(outbound, base_url, credentials["api_token"], mapping, circuit)
    token_url, private_key = lms_config.token_url, credentials.get("private_key")
    if lms_type in ("lti", "moodle", "blackboard", "canvas") and token_url and private_key:
        return LtiAgsPublisher(
            outbound,
            client_id=lms_config.client_id or "",
            token_url=token_url,
            private_key=private_key,
            key_id=credentials.get("key_id"),
            line_items=mapping,
            circuit=circuit,
        )
    raise LmsNotConfiguredError("the tenant has no LMS connection")
