from __future__ import annotations

from collections.abc import Sequence

from mentora.integrations.ai.base import Tutor
from mentora.integrations.ai.offline import OfflineTutor
from mentora.integrations.ai.openai_compatible import OpenAICompatibleTutor
from mentora.platform.outbound.client import OutboundClient
from mentora.platform.secrets import SecretBox
from mentora.platform.tenant_settings import AIConfig


def tutor_for(
    ai_config: AIConfig,
    *,
    tenant_id: str,
    outbound: OutboundClient,
    secrets: SecretBox,
    model_override: str | None = None,
    guiding_questions: Sequence[str] = (),
) -> Tutor:
    """The tenant's configured provider, or the offline tutor when it has none."""
    if not ai_config.is_configured:
        return OfflineTutor(guiding_questions)
    sealed_key = ai_config.api_key_sealed
    return OpenAICompatibleTutor(
        outbound=outbound,
        base_url=str(ai_config.base_url),
        model=model_override or ai_config.model or "default",
        api_key=secrets.open(sealed_key) if sealed_key else None,
        temperature=ai_config.temperature,
        max_tokens=ai_config.max_tokens,
        circuit=f"{tenant_id}:{ai_config.base_url}",
    )
