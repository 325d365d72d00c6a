"""Request and response types of the Mentora API.

Generated from the OpenAPI document by ``scripts/generate_types.py``; do not edit.
"""

from __future__ import annotations

from typing import Any, Literal, NotRequired, TypedDict

__all__ = [
    "AIConfigIn",
    "AIConfigOut",
    "AuthorizationDetails",
    "Branding",
    "CaseStudyCreate",
    "CaseStudyOut",
    "CaseStudyStaffOut",
    "CaseStudyUpdate",
    "ChangePasswordIn",
    "ErrorCode",
    "ErrorCodeOut",
    "ExternalServiceDetails",
    "FirstAdminIn",
    "GradeOut",
    "HealthOut",
    "InitializeIn",
    "InstitutionUpdate",
    "InvitedUserOut",
    "JobAttemptOut",
    "JobDetailOut",
    "JobOut",
    "LMSConfigIn",
    "LMSConfigOut",
    "LoginIn",
    "MeOut",
    "MeUpdate",
    "MessageIn",
    "MessageOut",
    "PublicInstitutionOut",
    "RateLimitDetails",
    "RateLimitOverrides",
    "RefreshIn",
    "RegisterIn",
    "RoleCreate",
    "RoleOut",
    "RoleUpdate",
    "SessionDetailOut",
    "SessionOut",
    "TenantCreate",
    "TenantErrorDetails",
    "TenantOut",
    "TenantSettings",
    "TenantUpdate",
    "TokenPair",
    "TurnOut",
    "UserInvite",
    "UserOut",
    "UserSettings",
    "UserUpdate",
]


class AIConfigIn(TypedDict):
    base_url: NotRequired[str | None]
    model: NotRequired[str | None]
    api_key: NotRequired[str | None]
    temperature: NotRequired[float]
    max_tokens: NotRequired[int]


class AIConfigOut(TypedDict):
    base_url: NotRequired[str | None]
    model: NotRequired[str | None]
    temperature: NotRequired[float]
    max_tokens: NotRequired[int]
    api_key_set: NotRequired[bool]


class AuthorizationDetails(TypedDict):
    required: str


class Branding(TypedDict):
    logo_url: NotRequired[str | None]
    primary_color: NotRequired[str | None]
    secondary_color: NotRequired[str | None]
    widget_position: NotRequired[Literal["bottom-right", "bottom-left", "top-right", "top-left"]]


class CaseStudyCreate(TypedDict):
    title: str
    slug: str
    description: NotRequired[str]
    instructions: NotRequired[list[str]]
    system_prompt: NotRequired[str]
    first_message: NotRequired[str | None]
    time_limit_minutes: NotRequired[int | None]
    llm_model: NotRequired[str | None]
    is_active: NotRequired[bool]


class CaseStudyOut(TypedDict):
    """What a student sees: no system prompt."""

    id: str
    title: str
    slug: str
    description: str
    instructions: list[str]
    first_message: str | None
    time_limit_minutes: int | None
    is_active: bool
    created_at: str
    updated_at: str


class CaseStudyStaffOut(TypedDict):
    id: str
    title: str
    slug: str
    description: str
    instructions: list[str]
    first_message: str | None
    time_limit_minutes: int | None
    is_active: bool
    created_at: str
    updated_at: str
    system_prompt: str
    llm_model: str | None


class CaseStudyUpdate(TypedDict):
    title: NotRequired[str | None]
    slug: NotRequired[str | None]
    description: NotRequired[str | None]
    instructions: NotRequired[list[str] | None]
    system_prompt: NotRequired[str | None]
    first_message: NotRequired[str | None]
    time_limit_minutes: NotRequired[int | None]
    llm_model: NotRequired[str | None]
    is_active: NotRequired[bool | None]


class ChangePasswordIn(TypedDict):
    current_password: str
    new_password: str


ErrorCode = Literal[
    "AUTHENTICATION_ERROR",
    "TOKEN_EXPIRED",
    "AUTHORIZATION_ERROR",
    "NOT_FOUND",
    "VALIDATION_ERROR",
    "CONFLICT",
    "RATE_LIMIT_EXCEEDED",
    "TENANT_ERROR",
    "EXTERNAL_SERVICE_ERROR",
    "DATABASE_ERROR",
    "INTERNAL_ERROR",
]


class ErrorCodeOut(TypedDict):
    code: ErrorCode
    status: int
    description: str
    action: str


class ExternalServiceDetails(TypedDict):
    service: str
    reason: Literal["timeout", "unavailable", "rejected", "bad_response", "circuit_open"]


class FirstAdminIn(TypedDict):
    email: str
    name: str
    password: NotRequired[str | None]


class GradeOut(TypedDict):
    id: str
    session_id: str
    user_id: str
    case_study_id: str
    critical_thinking: float
    comprehension: float
    communication: float
    final_score: float
    summary: str
    grader: str
    graded_at: str
    lms_status: Literal["pending", "published", "not_configured"]
    published_at: str | None


class HealthOut(TypedDict):
    status: NotRequired[Literal["ok"]]


class InitializeIn(TypedDict):
    content_id: str
    session_id: NotRequired[str | None]


class InstitutionUpdate(TypedDict):
    """What an institution's own administrators may change; how it is reached and whether
    it is active stay the platform operator's (``TenantUpdate``)."""

    name: NotRequired[str | None]
    lms_type: NotRequired[Literal["canvas", "moodle", "blackboard", "lti"] | None]
    branding: NotRequired[Branding | None]
    ai_config: NotRequired[AIConfigIn | None]
    lms_config: NotRequired[LMSConfigIn | None]
    allowed_origins: NotRequired[list[str] | None]
    settings: NotRequired[TenantSettings | None]


class InvitedUserOut(TypedDict):
    id: str
    email: str
    name: str
    role: str
    role_id: str
    is_active: bool
    settings: UserSettings
    created_at: str
    updated_at: str
    last_login_at: str | None
    temporary_password: NotRequired[str | None]


class JobAttemptOut(TypedDict):
    number: int
    worker: str
    started_at: str
    finished_at: str | None
    outcome: Literal["running", "succeeded", "failed", "abandoned"]
    error: str | None


class JobDetailOut(TypedDict):
    id: str
    kind: str
    payload: dict[str, Any]
    status: Literal["queued", "running", "succeeded", "dead"]
    attempts: int
    max_attempts: int
    run_at: str
    last_error: str | None
    created_at: str
    finished_at: str | None
    history: list[JobAttemptOut]


class JobOut(TypedDict):
    id: str
    kind: str
    payload: dict[str, Any]
    status: Literal["queued", "running", "succeeded", "dead"]
    attempts: int
    max_attempts: int
    run_at: str
    last_error: str | None
    created_at: str
    finished_at: str | None


class LMSConfigIn(TypedDict):
    base_url: NotRequired[str | None]
    client_id: NotRequired[str | None]
    deployment_id: NotRequired[str | None]
    token_url: NotRequired[str | None]
    credentials: NotRequired[dict[str, str] | None]
    course_mapping: NotRequired[dict[str, str]]


class LMSConfigOut(TypedDict):
    base_url: NotRequired[str | None]
    client_id: NotRequired[str | None]
    deployment_id: NotRequired[str | None]
    token_url: NotRequired[str | None]
    course_mapping: NotRequired[dict[str, str]]
    credentials_set: NotRequired[list[str]]


class LoginIn(TypedDict):
    email: str
    password: str
    tenant_slug: NotRequired[str | None]
    refresh_cookie: NotRequired[bool]


class MeOut(TypedDict):
    id: str
    email: str
    name: str
    role: str
    role_id: str
    is_active: bool
    settings: UserSettings
    created_at: str
    updated_at: str
    last_login_at: str | None
    permissions: list[str]


class MeUpdate(TypedDict):
    """What a user may change about themselves: not their role, tenant, status or limits."""

    name: NotRequired[str | None]


class MessageIn(TypedDict):
    content: str


class MessageOut(TypedDict):
    id: str
    sequence: int
    role: Literal["student", "tutor"]
    content: str
    status: Literal["pending", "answered", "failed", "complete", "incomplete"]
    reply_to: str | None
    created_at: str


class PublicInstitutionOut(TypedDict):
    """What anyone may learn about an institution before signing in: enough to show its sign-in screen."""

    slug: str
    name: str
    branding: Branding
    registration_open: bool


class RateLimitDetails(TypedDict):
    retry_after: int
    limit: int
    window: int
    scope: str


class RateLimitOverrides(TypedDict):
    """Per-tenant overrides of the deployment's rate limits (MENTORA_RATE_LIMIT_*)."""

    anonymous: NotRequired[str | None]
    login: NotRequired[str | None]
    login_ip: NotRequired[str | None]
    login_account: NotRequired[str | None]
    user: NotRequired[str | None]
    tenant: NotRequired[str | None]
    ai_turns: NotRequired[str | None]


class RefreshIn(TypedDict):
    refresh_token: NotRequired[str | None]


class RegisterIn(TypedDict):
    email: str
    password: str
    name: str
    tenant_slug: NotRequired[str | None]
    refresh_cookie: NotRequired[bool]


class RoleCreate(TypedDict):
    name: str
    description: NotRequired[str]
    permissions: list[
        Literal[
            "CASE_STUDIES.can_create",
            "CASE_STUDIES.can_delete",
            "CASE_STUDIES.can_edit",
            "CASE_STUDIES.can_view",
            "GRADES.can_create",
            "GRADES.can_delete",
            "GRADES.can_edit",
            "GRADES.can_view",
            "LMS.can_create",
            "LMS.can_delete",
            "LMS.can_edit",
            "LMS.can_view",
            "ROLE_MANAGEMENT.can_create",
            "ROLE_MANAGEMENT.can_delete",
            "ROLE_MANAGEMENT.can_edit",
            "ROLE_MANAGEMENT.can_view",
            "SESSIONS.can_create",
            "SESSIONS.can_delete",
            "SESSIONS.can_edit",
            "SESSIONS.can_view",
            "SETTINGS.can_edit",
            "SETTINGS.can_view",
            "USER_MANAGEMENT.can_create",
            "USER_MANAGEMENT.can_delete",
            "USER_MANAGEMENT.can_edit",
            "USER_MANAGEMENT.can_view",
        ]
    ]


class RoleOut(TypedDict):
    id: str
    name: str
    description: str
    permissions: list[str]
    is_system: bool
    created_at: str
    updated_at: str


class RoleUpdate(TypedDict):
    name: NotRequired[str | None]
    description: NotRequired[str | None]
    permissions: NotRequired[
        list[
            Literal[
                "CASE_STUDIES.can_create",
                "CASE_STUDIES.can_delete",
                "CASE_STUDIES.can_edit",
                "CASE_STUDIES.can_view",
                "GRADES.can_create",
                "GRADES.can_delete",
                "GRADES.can_edit",
                "GRADES.can_view",
                "LMS.can_create",
                "LMS.can_delete",
                "LMS.can_edit",
                "LMS.can_view",
                "ROLE_MANAGEMENT.can_create",
                "ROLE_MANAGEMENT.can_delete",
                "ROLE_MANAGEMENT.can_edit",
                "ROLE_MANAGEMENT.can_view",
                "SESSIONS.can_create",
                "SESSIONS.can_delete",
                "SESSIONS.can_edit",
                "SESSIONS.can_view",
                "SETTINGS.can_edit",
                "SETTINGS.can_view",
                "USER_MANAGEMENT.can_create",
                "USER_MANAGEMENT.can_delete",
                "USER_MANAGEMENT.can_edit",
                "USER_MANAGEMENT.can_view",
            ]
        ]
        | None
    ]


class SessionDetailOut(TypedDict):
    id: str
    user_id: str
    case_study_id: str
    status: Literal["active", "ended"]
    started_at: str
    expires_at: str
    ended_at: str | None
    end_reason: Literal["student", "time_limit"] | None
    tutor: str
    first_message: str | None
    messages: list[MessageOut]


class SessionOut(TypedDict):
    id: str
    user_id: str
    case_study_id: str
    status: Literal["active", "ended"]
    started_at: str
    expires_at: str
    ended_at: str | None
    end_reason: Literal["student", "time_limit"] | None
    tutor: str


class TenantCreate(TypedDict):
    name: str
    slug: str
    domain: NotRequired[str | None]
    lms_type: NotRequired[Literal["canvas", "moodle", "blackboard", "lti"] | None]
    branding: NotRequired[Branding]
    ai_config: NotRequired[AIConfigIn]
    lms_config: NotRequired[LMSConfigIn]
    allowed_origins: NotRequired[list[str]]
    settings: NotRequired[TenantSettings]


class TenantErrorDetails(TypedDict):
    reason: Literal["missing", "unknown", "inactive"]


class TenantOut(TypedDict):
    id: str
    name: str
    slug: str
    domain: str | None
    lms_type: str | None
    is_active: bool
    branding: Branding
    ai_config: AIConfigOut
    lms_config: LMSConfigOut
    allowed_origins: list[str]
    settings: TenantSettings
    created_at: str
    updated_at: str


class TenantSettings(TypedDict):
    max_sessions: NotRequired[int]
    session_minutes: NotRequired[int]
    daily_message_quota: NotRequired[int]
    registration_open: NotRequired[bool]
    rate_limits: NotRequired[RateLimitOverrides]


class TenantUpdate(TypedDict):
    name: NotRequired[str | None]
    lms_type: NotRequired[Literal["canvas", "moodle", "blackboard", "lti"] | None]
    branding: NotRequired[Branding | None]
    ai_config: NotRequired[AIConfigIn | None]
    lms_config: NotRequired[LMSConfigIn | None]
    allowed_origins: NotRequired[list[str] | None]
    settings: NotRequired[TenantSettings | None]
    slug: NotRequired[str | None]
    domain: NotRequired[str | None]
    is_active: NotRequired[bool | None]


class TokenPair(TypedDict):
    access_token: str
    refresh_token: str | None
    token_type: NotRequired[Literal["bearer"]]
    expires_in: int


class TurnOut(TypedDict):
    student_message: MessageOut
    reply: MessageOut


class UserInvite(TypedDict):
    email: str
    name: str
    role: NotRequired[str]
    password: NotRequired[str | None]
    settings: NotRequired[UserSettings]


class UserOut(TypedDict):
    id: str
    email: str
    name: str
    role: str
    role_id: str
    is_active: bool
    settings: UserSettings
    created_at: str
    updated_at: str
    last_login_at: str | None


class UserSettings(TypedDict):
    max_sessions: NotRequired[int | None]
    lms_user_id: NotRequired[str | None]


class UserUpdate(TypedDict):
    name: NotRequired[str | None]
    role: NotRequired[str | None]
    is_active: NotRequired[bool | None]
    settings: NotRequired[UserSettings | None]
