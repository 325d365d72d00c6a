"""The one place that reaches into a library's private parts, and why it is worth it.

A shortcut here must gain at least 5% on a database-backed route over HTTP
(``bench/http_throughput.py --shim NAME``; figures in docs/benchmarks.md) or fix what the
library gets wrong; the library versions it was written against are capped in
pyproject.toml, so an upgrade is a deliberate step that re-reads the code below.

- ``SweptInSteps``: ``limits`` (< 5.9) ``MemoryStorage``'s name-mangled private hook
  ``_MemoryStorage__schedule_expiry`` and its ``timer``, ``events`` and ``locks``
  attributes.
"""

from __future__ import annotations

import bisect
import time

from limits.storage import MemoryStorage


class SweptInSteps(MemoryStorage):
    """``limits``' memory storage (moving windows), dropping expired hits in small steps on
    the caller's thread.

    The library starts a timer thread every 10 ms that walks every key ever seen and keeps
    emptied keys forever, so memory and the walk grow with every IP and email that ever
    signed in, and the walk holds the interpreter lock: after 5,000 earlier callers this
    serves ``GET /v1/users/me`` a third faster than the library does (docs/benchmarks.md,
    ``bench/http_throughput.py --shim swept_in_steps --earlier-callers N``). Here each
    step, every 0.1 s, looks at up to 2000 keys and removes those whose hits have all
    expired. Counting never depends on the sweep: expired hits are skipped by time.
    """

    STEP_SECONDS = 0.1
    KEYS_PER_STEP = 2000

    def __init__(self) -> None:
        super().__init__()
        self.timer.cancel()  # the library's first sweep, on a thread of its own
        self._next_step = 0.0
        self._to_visit: list[str] = []

    def _MemoryStorage__schedule_expiry(self) -> None:  # noqa: N802 - replaces the private hook, by its mangled name
        now = time.monotonic()
        if now >= self._next_step:
            self._next_step = now + self.STEP_SECONDS
            self.sweep_step(time.time())

    def sweep_step(self, now: float) -> None:
        if not self._to_visit:
            self._to_visit = list(self.events)  # keys added meanwhile wait for the next round
        visiting = self._to_visit[-self.KEYS_PER_STEP :]
        del self._to_visit[-self.KEYS_PER_STEP :]
        for key in visiting:
            hits = self.events.get(key)
            if not hits or hits[0].expiry <= now:  # newest first: the newest expired, all did
                self.events.pop(key, None)
                self.locks.pop(key, None)
            else:
                del hits[bisect.bisect_left(hits, -now, key=lambda hit: -hit.expiry) :]
