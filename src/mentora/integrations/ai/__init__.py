"""The AI tutor: an OpenAI-compatible chat-completions provider, or the built-in offline tutor."""

from mentora.integrations.ai.base import ChatMessage, Tutor, fit_to_budget
from mentora.integrations.ai.factory import tutor_for

__all__ = ["ChatMessage", "Tutor", "fit_to_budget", "tutor_for"]
