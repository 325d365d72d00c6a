from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import AnyHttpUrl, BaseModel, Field, field_validator

from mentora.contract import ListEnvelope, SuccessEnvelope
from mentora.platform.inputs import Email, Name, SecretText, StrictModel, Text, TextKeyed
from mentora.platform.tenant_settings import DEFAULT_AI, AIConfig, AIProvider, LMSConfig, LMSConnection, TenantSettings

Slug = Annotated[str, Field(min_length=1, max_length=100, pattern=r"^[a-z0-9-]+$")]
Color = Annotated[str, Field(pattern=r"^#[0-9A-Fa-f]{6}$")]
Domain = Annotated[str, Field(max_length=255, pattern=r"^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$")]
LmsType = Literal["canvas", "moodle", "blackboard", "lti"]


class Branding(StrictModel):
    logo_url: AnyHttpUrl | None = None
    primary_color: Color | None = None
    secondary_color: Color | None = None
    widget_position: Literal["bottom-right", "bottom-left", "top-right", "top-left"] = "bottom-right"


class AIConfigIn(StrictModel):
    base_url: AnyHttpUrl | None = Field(None, description="OpenAI-compatible endpoint; unset: the offline tutor")
    model: Text | None = Field(None, max_length=100)
    api_key: SecretText | None = Field(None, description="Write-only; omit to keep the stored one, null to clear it")
    temperature: float = Field(DEFAULT_AI.temperature, ge=0, le=2)
    max_tokens: int = Field(DEFAULT_AI.max_tokens, ge=1, le=16_000)


class AIConfigOut(AIProvider):
    api_key_set: bool = False

    @classmethod
    def of(cls, config: AIConfig) -> AIConfigOut:
        return cls(**config.model_dump(exclude={"api_key_sealed"}), api_key_set=config.api_key_sealed is not None)


class LMSConfigIn(StrictModel):
    base_url: AnyHttpUrl | None = None
    client_id: Text | None = Field(None, max_length=255)
    deployment_id: Text | None = Field(None, max_length=255)
    token_url: AnyHttpUrl | None = None
    credentials: TextKeyed[SecretText] | None = Field(
        None, description="Write-only (private key, API token, ...); omit to keep the stored ones, null to clear"
    )
    course_mapping: TextKeyed[Text] = Field(
        default_factory=dict, description="case study id -> LMS line item / assignment"
    )

    @field_validator("credentials")
    @classmethod
    def few_credentials(cls, value: dict[str, SecretText] | None) -> dict[str, SecretText] | None:
        if value is not None and len(value) > 10:
            raise ValueError("ensure this value has at most 10 items")
        return value


class LMSConfigOut(LMSConnection):
    credentials_set: list[str] = Field(default_factory=list, description="Names of the stored credentials")

    @classmethod
    def of(cls, config: LMSConfig) -> LMSConfigOut:
        return cls(
            **config.model_dump(exclude={"credentials_sealed"}), credentials_set=sorted(config.credentials_sealed)
        )


Origin = Annotated[str, Field(max_length=255, pattern=r"^https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?$")]


class TenantCreate(StrictModel):
    name: Name = Field(min_length=1, max_length=255)
    slug: Slug
    domain: Domain | None = None
    lms_type: LmsType | None = None
    branding: Branding = Field(default_factory=Branding)
    ai_config: AIConfigIn = Field(default_factory=AIConfigIn)
    lms_config: LMSConfigIn = Field(default_factory=LMSConfigIn)
    allowed_origins: list[Origin] = Field(default_factory=list, max_length=50)
    settings: TenantSettings = Field(default_factory=TenantSettings)


class InstitutionUpdate(StrictModel):
    """What an institution's own administrators may change; how it is reached and whether
    it is active stay the platform operator's (``TenantUpdate``)."""

    name: Name | None = Field(None, min_length=1, max_length=255)
    lms_type: LmsType | None = None
    branding: Branding | None = None
    ai_config: AIConfigIn | None = None
    lms_config: LMSConfigIn | None = None
    allowed_origins: list[Origin] | None = Field(None, max_length=50)
    settings: TenantSettings | None = None


class TenantUpdate(InstitutionUpdate):
    slug: Slug | None = None
    domain: Domain | None = None
    is_active: bool | None = None


class TenantOut(BaseModel):
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
    created_at: datetime
    updated_at: datetime


class FirstAdminIn(StrictModel):
    email: Email
    name: Name = Field(min_length=1, max_length=255)
    password: Text | None = Field(None, min_length=8, max_length=100)


class PublicInstitutionOut(BaseModel):
    """What anyone may learn about an institution before signing in: enough to show its sign-in screen."""

    slug: str
    name: str
    branding: Branding
    registration_open: bool


TenantEnvelope = SuccessEnvelope[TenantOut]
TenantListEnvelope = ListEnvelope[TenantOut]
# data is null when nothing names an institution: the sign-in screen then asks for one.
PublicInstitutionEnvelope = SuccessEnvelope[PublicInstitutionOut | None]
