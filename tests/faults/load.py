"""Clients that keep a real server busy through a fault, and what they were told.

One client per session sends turns one after another; after an error it sends the same
text again (the sessions' retry rule: the same failed turn is answered, not a second one
stored). Another keeps reading. Every answer goes through the contract check of the
client's response hook, so a single malformed answer fails the test. Loops are bounded.
"""

from __future__ import annotations

import asyncio
from collections import Counter, defaultdict
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass, field

import httpx
from sqlalchemy import select

from mentora.sessions.models import SessionMessage
from tests.faults.conftest import Deployment, wait_until

MAX_TURNS = 2000  # per session: a bound, never reached in a test's few seconds
MAX_READS = 5000


@dataclass
class Load:
    http: httpx.AsyncClient
    student: dict[str, str]
    sessions: list[str]
    accepted: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))  # session -> texts
    errors: Counter[str] = field(default_factory=Counter)  # code -> how many answers carried it
    _stop: asyncio.Event = field(default_factory=asyncio.Event)

    @asynccontextmanager
    async def running(self) -> AsyncIterator[Load]:
        tasks = [asyncio.create_task(self._turns(session_id)) for session_id in self.sessions]
        tasks.append(asyncio.create_task(self._reads()))
        try:
            yield self
        finally:
            self._stop.set()
            # A client's failure (a broken envelope, a dropped connection) fails the test here.
            await asyncio.wait_for(asyncio.gather(*tasks), timeout=120)

    def turns_accepted(self) -> int:
        return sum(len(texts) for texts in self.accepted.values())

    async def each_session_gets(self, more: int, seconds: float, what: str) -> None:
        """Wait until every session has had ``more`` turns accepted from now on."""
        targets = {session_id: len(self.accepted[session_id]) + more for session_id in self.sessions}
        await wait_until(
            lambda: all(len(self.accepted[s]) >= target for s, target in targets.items()),
            seconds,
            lambda: f"{what}; turns accepted {[len(self.accepted[s]) for s in targets]}, errors {dict(self.errors)}",
        )

    async def _turns(self, session_id: str) -> None:
        for number in range(MAX_TURNS):
            text = f"Turn {number}: a thought about the budget."
            while not self._stop.is_set():
                response = await self.http.post(
                    f"/v1/sessions/{session_id}/messages", headers=self.student, json={"content": text}
                )
                if response.status_code == 200:
                    self.accepted[session_id].append(text)
                    break
                self.errors[response.json()["code"]] += 1
                await asyncio.sleep(0.1)
            if self._stop.is_set():
                return
            await asyncio.sleep(0.05)

    async def _reads(self) -> None:
        for number in range(MAX_READS):
            if self._stop.is_set():
                return
            path = f"/v1/sessions/{self.sessions[number % len(self.sessions)]}" if number % 2 else "/v1/case-studies"
            response = await self.http.get(path, headers=self.student)
            if response.status_code != 200:
                self.errors[response.json()["code"]] += 1
            await asyncio.sleep(0.1)

    async def assert_nothing_lost_or_doubled(self, deployment: Deployment) -> None:
        assert self.turns_accepted() > 0
        await assert_turns_stored_once(
            deployment, {session_id: self.accepted[session_id] for session_id in self.sessions}
        )


async def assert_turns_stored_once(deployment: Deployment, accepted: Mapping[str, list[str]]) -> None:
    """Every accepted turn (session -> texts) is stored exactly once, answered by exactly one
    complete reply; no text was stored twice (a resend retried its turn instead of adding one)."""
    async with deployment.database() as database, database.sessionmaker() as session:
        rows = (
            (await session.execute(select(SessionMessage).where(SessionMessage.session_id.in_(accepted))))
            .scalars()
            .all()
        )
    for session_id, texts in accepted.items():
        messages = [m for m in rows if m.session_id == session_id]
        students = [m for m in messages if m.role == "student"]
        stored = Counter(m.content for m in students)
        assert max(stored.values()) == 1, f"a turn was stored twice: {stored.most_common(1)}"
        answered = {m.content: m for m in students if m.status == "answered"}
        assert set(texts) <= set(answered), f"an accepted turn is missing: {set(texts) - set(answered)}"
        replies = Counter(m.reply_to for m in messages if m.role == "tutor" and m.status == "complete")
        assert all(replies[m.id] == 1 for m in answered.values()), "an answered turn lacks its one reply"
        assert set(replies) <= {m.id for m in answered.values()}, "a complete reply to an unanswered turn"
