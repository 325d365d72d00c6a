from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from mentora.integrations.ai.base import Tutor
from mentora.integrations.ai.offline import OfflineTutor
from mentora.integrations.ai.openai_compatible import OpenAICompatibleTutor
from mentora.platform.outbound.client import OutboundClient
from mentora.platform.secrets import SecretBox


def tutor_for(
    ai_config: Mapping[str, Any],
    *,
    tenant_id: str,
    outbound: OutboundClient,
    secrets: SecretBox,
    model_override: str | None = None,
    guiding_questions: Sequence[str] = (),
) -> Tutor:
    """The tenant's configured provider, or the offline tutor when it has none."""
    base_url = ai_config.get("base_url")
    if not base_url:
        return OfflineTutor(guiding_questions)
    sealed_key = ai_config.get("api_key_sealed")
    return OpenAICompatibleTutor(
        outbound=outbound,
        base_url=str(base_url),
        model=model_override or str(ai_config.get("model") or "default"),
        api_key=secrets.open(sealed_key) if sealed_key else None,
        temperature=float(ai_config.get("temperature", 0.7)),
        max_tokens=int(ai_config.get("max_tokens", 800)),
        circuit=f"{tenant_id}:{base_url}",
    )
