"""A tenant's stored settings, typed: the one place their defaults are written.

The ``tenants`` table keeps three JSON columns (``settings``, ``ai_config``,
``lms_config``); every reader parses them here (``TenantSettings.of``, ``AIConfig.of``,
``LMSConfig.of``), so a setting added later reads right for older tenants and nobody
needs defaults of their own. The tenants domain builds its API schemas around these.
Secrets stay sealed (``platform.secrets``): only their holders open them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, Field

from mentora.platform.inputs import StrictModel


def _valid_limit(value: str | None) -> str | None:
    # Imported here: the rate limiter reads these settings, and the tenant resolver they
    # belong to is imported by its middleware.
    from mentora.platform.ratelimit.policies import policy_from_string

    if value is not None:
        policy_from_string("override", value)  # raises ValueError with a readable message
    return value


LimitString = Annotated[
    str | None,
    Field(
        max_length=50,
        description="e.g. 10/minute; unset: the deployment's",
        # The form clients should send. Only documented: the validator below also takes the
        # rest of `limits`' syntax ("10 per minute"), which stored settings may already hold.
        json_schema_extra={"pattern": r"^[1-9][0-9]*/(second|minute|hour|day)$"},
    ),
    AfterValidator(_valid_limit),
]


class RateLimitOverrides(StrictModel):
    """Per-tenant overrides of the deployment's rate limits (MENTORA_RATE_LIMIT_*)."""

    anonymous: LimitString = None
    login: LimitString = None
    login_ip: LimitString = None
    login_account: LimitString = None
    user: LimitString = None
    tenant: LimitString = None
    ai_turns: LimitString = None


# ``tenants.settings``; also the API's ``settings`` object, in and out (hence no docstring:
# it would become the schema's description).
class TenantSettings(StrictModel):
    max_sessions: int = Field(5, ge=1, le=1000, description="Sessions per student per case study")
    session_minutes: int = Field(60, ge=1, le=1440, description="Default time limit of a tutoring session")
    daily_message_quota: int = Field(200, ge=0, le=100_000, description="AI turns per student per day; 0: no quota")
    registration_open: bool = Field(
        True, description="Students may create their own account with POST /v1/auth/register"
    )
    rate_limits: RateLimitOverrides = Field(default_factory=RateLimitOverrides)

    @classmethod
    def of(cls, stored: Mapping[str, Any]) -> TenantSettings:
        """The stored column, every setting present (defaulted when not stored)."""
        return cls.model_validate(stored)


class AIProvider(BaseModel):
    """The AI provider a tenant's tutor and grader call, as stored and as shown (no secret)."""

    base_url: str | None = None
    model: str | None = None
    temperature: float = 0.7
    max_tokens: int = 800


class AIConfig(AIProvider):
    """``tenants.ai_config``: the provider and its sealed key."""

    api_key_sealed: str | None = None

    @classmethod
    def of(cls, stored: Mapping[str, Any]) -> AIConfig:
        return cls.model_validate(stored)

    @property
    def is_configured(self) -> bool:
        """A provider is set up; without one the offline tutor and grader serve."""
        return bool(self.base_url)


class LMSConnection(BaseModel):
    """Where a tenant's grades are published, as stored and as shown (no secret)."""

    base_url: str | None = None
    client_id: str | None = None
    deployment_id: str | None = None
    token_url: str | None = None
    course_mapping: dict[str, str] = Field(default_factory=dict)


class LMSConfig(LMSConnection):
    """``tenants.lms_config``: the connection and its sealed credentials, by name."""

    credentials_sealed: dict[str, str] = Field(default_factory=dict)

    @classmethod
    def of(cls, stored: Mapping[str, Any]) -> LMSConfig:
        return cls.model_validate(stored)


# What a tenant that stored nothing gets; the API's input schemas show these as defaults.
DEFAULT_AI = AIConfig()
