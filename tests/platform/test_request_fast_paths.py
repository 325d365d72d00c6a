"""The hot path's shortcuts answer exactly as the long way round would.

- Verified access tokens are remembered, but expiry is judged at each use.
- Limits counted in process memory admit exactly the limit, also between sweeps of old hits.
"""

from __future__ import annotations

import asyncio
import threading
import time
from typing import Annotated

import pytest
from fastapi import Depends
from limits import parse
from limits.strategies import MovingWindowRateLimiter

from mentora.app import create_app
from mentora.config import Settings
from mentora.contract import AuthenticationError, RateLimitExceededError
from mentora.platform.library_internals import SweptInSteps
from mentora.platform.ratelimit import PolicyName, RateLimiter
from mentora.platform.security.permissions import Action, Module, permission
from mentora.platform.security.principal import CurrentPrincipal, Principal, RequirePermission
from mentora.platform.security.tokens import TokenService
from tests.conftest import contract_client
from tests.support.identity import Identity, bearer

CaseStudyViewer = Annotated[Principal, Depends(RequirePermission(permission(Module.CASE_STUDIES, Action.VIEW)))]


def test_a_remembered_token_still_expires_on_time(settings: Settings, monkeypatch: pytest.MonkeyPatch) -> None:
    tokens = TokenService(settings.model_copy(update={"access_token_minutes": 1, "token_leeway_seconds": 0}))
    issued = tokens.issue_access(user_id="u1", tenant_id="t1", role="STUDENT", session_id="s1")
    assert tokens.verify_access(issued.token).expired is False
    later = time.time() + 61
    monkeypatch.setattr(time, "time", lambda: later)
    claims = tokens.verify_access(issued.token)
    assert claims.expired is True
    assert (claims.user_id, claims.tenant_id, claims.session_id) == ("u1", "t1", "s1")


def test_only_the_exact_token_text_is_remembered(settings: Settings) -> None:
    tokens = TokenService(settings)
    issued = tokens.issue_access(user_id="u1", tenant_id="t1", role="STUDENT", session_id="s1").token
    tokens.verify_access(issued)
    header, payload, signature = issued.split(".")
    flipped = signature[:-2] + ("A" if signature[-2] != "A" else "B") + signature[-1]
    with pytest.raises(AuthenticationError):
        tokens.verify_access(f"{header}.{payload}.{flipped}")


async def test_limits_count_exactly_between_sweeps(settings: Settings) -> None:
    limiter = RateLimiter(settings.model_copy(update={"rate_limit_user": "3/second"}))
    scope: dict[str, object] = {}
    for _ in range(3):
        await limiter.enforce(scope, PolicyName.USER, "t1", "u1")
    with pytest.raises(RateLimitExceededError):
        await limiter.enforce(scope, PolicyName.USER, "t1", "u1")
    # The window passes well before the next sweep (once a second): hits expire by time.
    await asyncio.sleep(1.1)
    await limiter.enforce(scope, PolicyName.USER, "t1", "u1")


async def test_concurrent_requests_are_admitted_exactly_up_to_the_limit(settings: Settings) -> None:
    limiter = RateLimiter(settings.model_copy(update={"rate_limit_user": "20/minute"}))

    async def one_request() -> bool:
        await asyncio.sleep(0)
        try:
            await limiter.enforce({}, PolicyName.USER, "t1", "u1")
        except RateLimitExceededError:
            return False
        return True

    admitted = await asyncio.gather(*(one_request() for _ in range(50)))
    assert admitted.count(True) == 20


def test_expired_hits_are_swept_in_steps_on_the_callers_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    storage = SweptInSteps()
    limiter, item = MovingWindowRateLimiter(storage), parse("5/second")
    threads_before = threading.active_count()
    # No step while filling (a slow machine would take one mid-way, leaving a partial round):
    # the steps counted below are then exactly those that 5000 keys need.
    monkeypatch.setattr(storage, "_next_step", float("inf"))
    for number in range(5000):  # 5000 callers, e.g. new IPs
        assert limiter.hit(item, "t1", f"ip-{number}")
    assert threading.active_count() <= threads_before  # no sweeping thread was started
    assert len(storage.events) == 5000
    # Two seconds later every hit has expired: each step visits 2000 keys and drops the empty ones.
    later = time.time() + 2
    steps = 0
    while storage.events and steps < 10:
        storage.sweep_step(later)
        steps += 1
    assert storage.events == {}
    assert steps == 3
    # A key still in its window keeps its live hits.
    assert limiter.hit(item, "t1", "busy")
    storage.sweep_step(time.time())
    assert len(storage.events[item.key_for("t1", "busy")]) == 1


async def test_a_route_asking_for_the_caller_twice_is_counted_once(settings: Settings, identity: Identity) -> None:
    """A permission and the caller on one route resolve the principal once: one rate-limit hit."""
    app = create_app(settings.model_copy(update={"rate_limit_user": "3/minute"}))

    @app.get("/v1/both")
    async def both(caller: CurrentPrincipal, viewer: CaseStudyViewer) -> dict[str, object]:
        return {"success": True, "data": {"same": caller is viewer}, "message": None}

    async with app.router.lifespan_context(app), contract_client(app) as client:
        headers = {**await bearer(client, "student@alpha.example.com", "alpha"), "X-Tenant": "alpha"}
        answers = [await client.get("/v1/both", headers=headers) for _ in range(4)]
    assert [answer.status_code for answer in answers] == [200, 200, 200, 429]
    assert answers[0].json()["data"] == {"same": True}
    assert answers[0].headers["ratelimit-remaining"] == "2"
