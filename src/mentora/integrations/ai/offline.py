"""The built-in tutor for installs with no AI provider: deterministic, and plain about it.

It answers from the case study's own instructions, one guiding question a turn, so the
whole product (sessions, streaming, grading) can be tried without a network.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Sequence

from mentora.integrations.ai.base import ChatMessage

OFFLINE_NOTICE = "[Offline tutor: no AI provider is configured, so these answers are pre-written.]"
_FALLBACK_QUESTIONS = (
    "What is the central problem in this case, in your own words?",
    "Which evidence in the case supports your view, and which evidence cuts against it?",
    "What would you recommend, and what could go wrong with that recommendation?",
    "What did you learn from this case that you could apply elsewhere?",
)


class OfflineTutor:
    name = "offline"

    def __init__(self, guiding_questions: Sequence[str] = ()) -> None:
        self._questions = tuple(guiding_questions) or _FALLBACK_QUESTIONS

    async def reply(self, messages: Sequence[ChatMessage]) -> str:
        student_turns = [m for m in messages if m.role == "user"]
        question = self._questions[(len(student_turns) - 1) % len(self._questions)]
        last = student_turns[-1].content.strip() if student_turns else ""
        echo = f'You wrote: "{last[:200]}{"..." if len(last) > 200 else ""}". ' if last else ""
        return f"{OFFLINE_NOTICE}\n\n{echo}Good. Next, consider this: {question}"

    async def stream(self, messages: Sequence[ChatMessage]) -> AsyncIterator[str]:
        text = await self.reply(messages)
        words = text.split(" ")
        for index, word in enumerate(words):
            yield word if index == len(words) - 1 else word + " "
            await asyncio.sleep(0)
