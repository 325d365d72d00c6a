"""A worker's short-lived cache of database lookups (users' state, tenants).

An entry lives ``ttl_seconds``. When it expires under load, every request in flight
would miss at once and each run the same query (measured: p99 of an authenticated GET
went from 11 ms to 186 ms at 32 connections, with a 2 s TTL), so one load per key runs
at a time and the others wait for its answer. ``invalidate()`` forgets everything and
``forget(key)`` one key, loads already running included, so no answer read before a
change is kept after it.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Hashable
from typing import Generic, TypeVar

K = TypeVar("K", bound=Hashable)
V = TypeVar("V")


class TtlCache(Generic[K, V]):
    def __init__(self, ttl_seconds: float, max_entries: int) -> None:
        self._ttl = ttl_seconds
        self._max_entries = max_entries
        self._entries: dict[K, tuple[float, V]] = {}
        self._loading: dict[K, asyncio.Future[V]] = {}

    async def get(self, key: K, load: Callable[[], Awaitable[V]]) -> V:
        if self._ttl <= 0:
            return await load()  # no cache: every request reads
        cached = self._entries.get(key)
        if cached is not None and cached[0] > time.monotonic():
            return cached[1]
        pending = self._loading.get(key)
        if pending is None:
            pending = self._loading[key] = asyncio.ensure_future(self._load(key, load))
            pending.add_done_callback(lambda done: self._finished(key, done))
        # Shielded: one waiter giving up (a client gone) does not cancel the others' answer.
        return await asyncio.shield(pending)

    async def _load(self, key: K, load: Callable[[], Awaitable[V]]) -> V:
        value = await load()
        # Kept only while still the key's current load: a forget() or invalidate() since
        # means it may have read the state from before a change.
        if self._loading.get(key) is asyncio.current_task():
            if len(self._entries) >= self._max_entries:
                self._entries.clear()  # bounded memory; it refills from live traffic
            self._entries[key] = (time.monotonic() + self._ttl, value)
        return value

    def _finished(self, key: K, done: asyncio.Future[V]) -> None:
        if self._loading.get(key) is done:
            del self._loading[key]
        if not done.cancelled():
            done.exception()  # read, so an error nobody waited for is not reported as lost

    def invalidate(self) -> None:
        self._entries.clear()
        self._loading.clear()

    def forget(self, key: K) -> None:
        self._entries.pop(key, None)
        self._loading.pop(key, None)
