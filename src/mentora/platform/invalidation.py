"""Telling every worker that cached identity state changed, over Redis pub/sub.

A worker that makes a change (a logout, a deactivation, a role edit) drops its own
cached state at once and publishes the change; every worker subscribed to the channel
drops the same state when the message arrives, a millisecond or so later. Without
``MENTORA_REDIS_URL`` nothing is published, and other workers' entries run out after
``principal_cache_seconds``.

Nothing here slows or fails a request: publishing runs in the background, and a Redis
outage is logged once. A worker that is not subscribed may miss messages, so meanwhile
its entries only last ``principal_cache_seconds`` (as without Redis), and each time it
subscribes again it drops everything it cached before.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import orjson
from redis.asyncio import Redis
from redis.asyncio.retry import Retry
from redis.backoff import NoBackoff
from redis.exceptions import RedisError

from mentora.config import Settings
from mentora.platform.security.principal import SignIn

logger = logging.getLogger("mentora.invalidation")

CHANNEL = "mentora:identity-changes"
# How long one wait for a message lasts; the connection is pinged every HEALTH_CHECK_SECONDS.
READ_SECONDS = 1.0
HEALTH_CHECK_SECONDS = 5.0
# Publishes still running at shutdown get this long to finish.
CLOSE_SECONDS = 1.0


@dataclass(frozen=True, slots=True)
class Invalidation:
    """Cached identity state to drop: one sign-in's, or (no ``sign_in``) all of it."""

    sign_in: SignIn | None = None


EVERYTHING = Invalidation()


def encode(change: Invalidation) -> bytes:
    sign_in = change.sign_in
    return orjson.dumps(
        {} if sign_in is None else {"sign_in": [sign_in.user_id, sign_in.tenant_id, sign_in.session_id]}
    )


def decode(payload: bytes) -> Invalidation:
    """A message's change; anything unreadable drops everything, which is always safe."""
    try:
        fields = orjson.loads(payload)["sign_in"]
        user_id, tenant_id, session_id = (str(field) for field in fields)
    except (orjson.JSONDecodeError, KeyError, TypeError, ValueError):
        return EVERYTHING
    return Invalidation(SignIn(user_id, tenant_id, session_id))


class Outage:
    """Logs a Redis outage once when it begins, and once when it ends."""

    def __init__(self, begin_message: str, end_message: str) -> None:
        self._begin_message = begin_message
        self._end_message = end_message
        self.ongoing = False

    def begin(self, error: BaseException) -> None:
        if not self.ongoing:
            self.ongoing = True
            logger.warning(self._begin_message, error)

    def end(self) -> None:
        if self.ongoing:
            self.ongoing = False
            logger.info(self._end_message)


class InvalidationBus:
    def __init__(self, settings: Settings) -> None:
        self._client: Redis | None = None
        if settings.redis_url:
            timeout = settings.redis_timeout_seconds
            self._client = Redis.from_url(
                settings.redis_url,
                socket_timeout=timeout,
                socket_connect_timeout=timeout,
                health_check_interval=HEALTH_CHECK_SECONDS,
                # One immediate retry: a pooled connection left over from before a Redis restart.
                retry=Retry(NoBackoff(), 1),
            )
        self._retry_seconds = settings.redis_retry_seconds
        self._startup_wait = 2 * settings.redis_timeout_seconds  # connect, then the subscription's answer
        self._listener: asyncio.Task[None] | None = None
        self._publishing: set[asyncio.Task[None]] = set()
        self._subscribed = asyncio.Event()
        self._listen_outage = Outage(
            "Not hearing other workers' identity changes (Redis: %r): cached user and tenant state"
            " is trusted for principal_cache_seconds until they are heard again",
            "Hearing other workers' identity changes again",
        )
        self._publish_outage = Outage(
            "Could not announce an identity change to other workers (Redis: %r)",
            "Announcing identity changes to other workers again",
        )

    @property
    def subscribed(self) -> bool:
        return self._subscribed.is_set()

    async def until_subscribed(self) -> None:
        await self._subscribed.wait()

    async def start(self, on_change: Callable[[Invalidation], None]) -> None:
        """Subscribe, calling ``on_change`` for every change announced from now on."""
        if self._client is None or self._listener is not None:
            return
        self._listener = asyncio.create_task(self._listen(self._client, on_change))
        # Serve once subscribed, so no change is missed from the start; Redis down: serve anyway.
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self.until_subscribed(), self._startup_wait)

    def publish(self, change: Invalidation) -> None:
        """Announce a committed change to every worker, without making the caller wait."""
        if self._client is None:
            return
        task = asyncio.create_task(self._publish(self._client, encode(change)))
        self._publishing.add(task)
        task.add_done_callback(self._publishing.discard)

    async def close(self) -> None:
        if self._listener is not None:
            self._listener.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._listener
        if self._publishing:
            await asyncio.wait(self._publishing, timeout=CLOSE_SECONDS)
        if self._client is not None:
            await self._client.aclose()

    async def _publish(self, client: Redis, payload: bytes) -> None:
        try:
            await client.publish(CHANNEL, payload)
        except (RedisError, OSError) as error:
            self._publish_outage.begin(error)
        else:
            self._publish_outage.end()

    async def _listen(self, client: Redis, on_change: Callable[[Invalidation], None]) -> None:
        while True:
            try:
                async with client.pubsub() as pubsub:
                    await pubsub.subscribe(CHANNEL)
                    while True:
                        message = await pubsub.get_message(timeout=READ_SECONDS)
                        if message is not None:
                            self._receive(message, on_change)
            except (RedisError, OSError) as error:
                self._subscribed.clear()
                self._listen_outage.begin(error)
            await asyncio.sleep(self._retry_seconds)

    def _receive(self, message: dict[str, Any], on_change: Callable[[Invalidation], None]) -> None:
        if message["type"] == "subscribe":
            # Also after redis-py reconnected by itself: whatever was announced while this
            # worker was not subscribed is lost, so nothing cached before may be trusted.
            on_change(EVERYTHING)
            self._subscribed.set()
            self._listen_outage.end()
        elif message["type"] == "message":
            on_change(decode(message["data"]))
