"""The per-worker lookup cache: one load per key at a time, and nothing kept across a change."""

from __future__ import annotations

import asyncio

import pytest

from mentora.platform.cache import TtlCache


class CountingLoad:
    def __init__(self, value: str = "v1") -> None:
        self.calls = 0
        self.value = value
        self.release = asyncio.Event()

    @classmethod
    def ready(cls, value: str) -> CountingLoad:
        load = cls(value)
        load.release.set()
        return load

    async def __call__(self) -> str:
        self.calls += 1
        await self.release.wait()
        return self.value


async def test_concurrent_misses_share_one_load() -> None:
    cache: TtlCache[str, str] = TtlCache(ttl_seconds=60, max_entries=10)
    load = CountingLoad()
    waiting = [asyncio.create_task(cache.get("k", load)) for _ in range(32)]
    await asyncio.sleep(0)
    load.release.set()
    assert await asyncio.gather(*waiting) == ["v1"] * 32
    assert load.calls == 1
    assert await cache.get("k", load) == "v1"  # then served from the cache
    assert load.calls == 1


async def test_a_waiter_giving_up_does_not_cancel_the_others() -> None:
    cache: TtlCache[str, str] = TtlCache(ttl_seconds=60, max_entries=10)
    load = CountingLoad()
    first, second = (asyncio.create_task(cache.get("k", load)) for _ in range(2))
    await asyncio.sleep(0)
    first.cancel()
    load.release.set()
    assert await second == "v1"
    with pytest.raises(asyncio.CancelledError):
        await first


async def test_a_load_running_across_an_invalidation_is_not_reused_or_kept() -> None:
    cache: TtlCache[str, str] = TtlCache(ttl_seconds=60, max_entries=10)
    before = CountingLoad("before the change")
    early = asyncio.create_task(cache.get("k", before))
    await asyncio.sleep(0)
    cache.invalidate()  # e.g. the user was deactivated by this worker
    after = CountingLoad("after the change")
    after.release.set()
    assert await cache.get("k", after) == "after the change"  # did not join the old load
    before.release.set()
    assert await early == "before the change"
    assert await cache.get("k", CountingLoad("never called")) == "after the change"  # the old answer was not kept


async def test_errors_reach_every_waiter_and_are_not_cached() -> None:
    cache: TtlCache[str, str] = TtlCache(ttl_seconds=60, max_entries=10)

    async def failing() -> str:
        await asyncio.sleep(0)
        raise ConnectionError("database down")

    results = await asyncio.gather(*(cache.get("k", failing) for _ in range(3)), return_exceptions=True)
    assert all(isinstance(result, ConnectionError) for result in results)
    recovered = CountingLoad("back")
    recovered.release.set()
    assert await cache.get("k", recovered) == "back"


async def test_no_ttl_reads_every_time() -> None:
    cache: TtlCache[str, str] = TtlCache(ttl_seconds=0, max_entries=10)
    load = CountingLoad()
    load.release.set()
    for _ in range(3):
        await cache.get("k", load)
    assert load.calls == 3


async def test_forget_drops_one_key_and_a_load_running_across_it() -> None:
    cache: TtlCache[str, str] = TtlCache(ttl_seconds=60, max_entries=10)
    for key in ("signed out", "still signed in"):
        await cache.get(key, CountingLoad.ready("before"))
    before = CountingLoad("read before the change")
    cache.forget("signed out")
    assert await cache.get("still signed in", CountingLoad.ready("never called")) == "before"
    early = asyncio.create_task(cache.get("signed out", before))
    await asyncio.sleep(0)
    cache.forget("signed out")  # e.g. the sign-in ended on another worker meanwhile
    assert await cache.get("signed out", CountingLoad.ready("after the change")) == "after the change"
    before.release.set()
    assert await early == "read before the change"
    assert await cache.get("signed out", CountingLoad.ready("never called")) == "after the change"
