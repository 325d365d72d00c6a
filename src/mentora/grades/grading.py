"""Scoring a transcript against the rubric: by the tenant's AI, or deterministically offline."""

from __future__ import annotations

import json
import re
from collections.abc import Sequence

from pydantic import ValidationError

from mentora.contract import ExternalServiceError
from mentora.grades.schemas import RubricScores
from mentora.integrations.ai import ChatMessage, Tutor

WEIGHTS = {"critical_thinking": 0.4, "comprehension": 0.3, "communication": 0.3}
GRADING_PROMPT = """You grade a student's tutoring session on a case study.
Score each criterion from 0 to 100: critical_thinking (reasoning, use of evidence),
comprehension (understanding of the case), communication (clarity, structure).
Answer with one JSON object and nothing else:
{"critical_thinking": <int>, "comprehension": <int>, "communication": <int>, "summary": "<2-4 sentences>"}"""
_JSON_OBJECT = re.compile(r"\{.*\}", re.DOTALL)


def final_score(scores: RubricScores) -> float:
    return round(float(sum(getattr(scores, criterion) * weight for criterion, weight in WEIGHTS.items())), 2)


def parse_scores(text: str) -> RubricScores:
    """The grader's answer, strictly: a malformed one raises ``bad_response`` (the job retries)."""
    match = _JSON_OBJECT.search(text)
    try:
        return RubricScores.model_validate(json.loads(match.group(0) if match else text))
    except (ValueError, ValidationError):
        raise ExternalServiceError(service="ai", reason="bad_response") from None


async def grade_with_ai(tutor: Tutor, title: str, transcript: Sequence[tuple[str, str]]) -> RubricScores:
    """``transcript``: (speaker, text) pairs in order."""
    lines = "\n".join(f"{speaker}: {text}" for speaker, text in transcript)
    messages = [
        ChatMessage("system", GRADING_PROMPT),
        ChatMessage("user", f"Case study: {title}\n\nTranscript:\n{lines}"),
    ]
    return parse_scores(await tutor.reply(messages))


def grade_offline(student_turns: Sequence[str]) -> RubricScores:
    """A deterministic stand-in for installs without an AI: more, fuller turns score higher."""
    turns = len(student_turns)
    words = sum(len(turn.split()) for turn in student_turns)
    average = words / turns if turns else 0
    return RubricScores(
        critical_thinking=min(100, 30 + 8 * turns + int(average)),
        comprehension=min(100, 40 + 10 * turns),
        communication=min(100, 40 + int(2 * average)),
        summary=(
            f"Offline grading (no AI provider is configured): {turns} student turns, "
            f"{average:.0f} words a turn on average. Scores reflect engagement, not content."
        ),
    )
