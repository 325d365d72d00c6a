from __future__ import annotations

from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass
from typing import Literal, Protocol


@dataclass(frozen=True, slots=True)
class ChatMessage:
    role: Literal["system", "user", "assistant"]
    content: str


class Tutor(Protocol):
    """Answers a conversation, whole or as a stream of text pieces."""

    name: str

    async def reply(self, messages: Sequence[ChatMessage]) -> str: ...

    def stream(self, messages: Sequence[ChatMessage]) -> AsyncIterator[str]: ...


def estimate_tokens(text: str) -> int:
    # About four characters a token for English text; a budget, not a bill.
    return len(text) // 4 + 1


def fit_to_budget(messages: Sequence[ChatMessage], budget: int) -> list[ChatMessage]:
    """The system prompt and as many of the latest turns as fit in ``budget`` tokens."""
    system = [m for m in messages if m.role == "system"]
    turns = [m for m in messages if m.role != "system"]
    remaining = budget - sum(estimate_tokens(m.content) for m in system)
    kept: list[ChatMessage] = []
    for message in reversed(turns):
        cost = estimate_tokens(message.content)
        if cost > remaining and kept:
            break
        kept.append(message)
        remaining -= cost
    return [*system, *reversed(kept)]
