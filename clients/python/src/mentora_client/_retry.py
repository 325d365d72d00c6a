"""When to retry a request, and how long to wait first. Pure functions, shared by both clients."""

from __future__ import annotations

import math
import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from email.utils import parsedate_to_datetime

from mentora_client.errors import (
    ConflictError,
    DatabaseError,
    ExternalServiceError,
    MentoraError,
    RateLimitError,
    TransportError,
)

# Safe to send twice by definition.
REPLAYABLE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
# Safe to send twice only with an Idempotency-Key: the server replays the first answer.
KEYED_METHODS = frozenset({"POST", "PATCH"})
# Sign-in routes answer with credentials, which the server never keeps: it ignores a key
# there, so none is sent, and the calls are not retried after a failure (a register sent
# twice could create the account and then refuse the retry as a conflict).
UNKEYED_PATHS = frozenset({"/v1/auth/login", "/v1/auth/register", "/v1/auth/refresh", "/v1/auth/logout"})


def takes_idempotency_key(method: str, path: str) -> bool:
    """Whether the server keeps (and replays) the answer of a call sent with an Idempotency-Key."""
    return method.upper() in KEYED_METHODS and "/" + path.lstrip("/") not in UNKEYED_PATHS


def parse_retry_after(value: str | None, *, now: float | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` value: delay-seconds or an HTTP date; None if unusable."""
    if value is None:
        return None
    value = value.strip()
    try:
        seconds = float(value)
    except ValueError:
        pass
    else:
        return seconds if math.isfinite(seconds) and seconds >= 0 else None
    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if moment.tzinfo is None:  # HTTP dates are GMT; an unzoned one is read as such
        return None
    return max(0.0, moment.timestamp() - (time.time() if now is None else now))


@dataclass(frozen=True)
class RetryPolicy:
    """How persistent a client is. Delays are in seconds."""

    max_retries: int = 2
    initial_delay: float = 0.5
    max_delay: float = 8.0
    max_retry_after: float = 60.0

    def backoff(self, retries_done: int, *, random: Callable[[], float] = random.random) -> float:
        """Exponential, capped, minus up to a quarter at random so clients spread out."""
        delay = min(self.initial_delay * 2.0**retries_done, self.max_delay)
        return delay * (1.0 - 0.25 * random())

    def delay(
        self,
        error: MentoraError,
        *,
        method: str,
        keyed: bool,
        retries_done: int,
        now: float | None = None,
        random: Callable[[], float] = random.random,
    ) -> float | None:
        """Seconds to wait before retrying after ``error``, or None to give up and raise it."""
        if retries_done >= self.max_retries:
            return None
        if isinstance(error, RateLimitError):
            # Refused before any work was done, so any method may be sent again.
            wait = parse_retry_after(error.headers.get("retry-after"), now=now)
            if wait is None:
                return self.backoff(retries_done, random=random)
            if wait > self.max_retry_after:
                return None  # sooner would only earn another 429
            return wait + random() * min(1.0, 0.1 * wait)
        replayable = method in REPLAYABLE_METHODS or (keyed and method in KEYED_METHODS)
        if not replayable:
            return None
        if isinstance(error, TransportError | ExternalServiceError | DatabaseError):
            return self.backoff(retries_done, random=random)
        if isinstance(error, ConflictError) and keyed and "idempotency_key" in error.details:
            # The first attempt with this key is still running on the server: ask again shortly.
            return self.backoff(retries_done, random=random)
        return None
