"""The hot path's shortcuts answer exactly as the long way round would.

- The route index picks the router's own route, for every route of the real app, and
  leaves 405, slash redirects and 404 as the router answers them.
- Verified access tokens are remembered, but expiry is judged at each use.
- Limits counted in process memory admit exactly the limit, also between sweeps of old hits.
"""

from __future__ import annotations

import asyncio
import re
import threading
import time
from typing import Annotated

import httpx
import pytest
from fastapi import Depends, FastAPI
from fastapi.routing import APIRoute
from limits import parse
from limits.strategies import MovingWindowRateLimiter
from starlette.routing import Match

from mentora.app import create_app
from mentora.config import Settings
from mentora.contract import AuthenticationError, RateLimitExceededError
from mentora.platform.ratelimit import PolicyName, RateLimiter
from mentora.platform.ratelimit.limiter import SweptInSteps
from mentora.platform.route_index import RouteIndex
from mentora.platform.security.permissions import Action, Module, permission
from mentora.platform.security.principal import CurrentPrincipal, Principal, RequirePermission
from mentora.platform.security.tokens import TokenService
from tests.conftest import contract_client
from tests.support.identity import Identity, bearer

CaseStudyViewer = Annotated[Principal, Depends(RequirePermission(permission(Module.CASE_STUDIES, Action.VIEW)))]

METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")


def concrete_paths(app: FastAPI) -> list[str]:
    """Every route's path with its parameters filled in, and near misses of each."""
    paths = set()
    for route in app.routes:
        if isinstance(route, APIRoute):
            path = re.sub(r"\{[^}]+\}", "id-1", route.path)
            paths |= {path, path + "/", path + "/extra", path.rsplit("/", 1)[0] + "/unknown"}
    return sorted(paths | {"/", "//", "///", "/v1", "/nowhere", "//v1/users/me", "/v1/users/me/"})


def router_choice(app: FastAPI, scope: dict[str, object]) -> object:
    """The route the router itself would pick: the first full match, in order."""
    for route in app.router.routes:
        if route.matches(scope)[0] is Match.FULL:
            return route
    return None


def test_the_index_picks_the_routers_own_route_for_every_path_and_method(settings: Settings) -> None:
    app = create_app(settings)
    index = app.router.middleware_stack
    assert isinstance(index, RouteIndex)
    index._build()
    checked = 0
    for path in concrete_paths(app):
        for method in METHODS:
            scope = {"type": "http", "path": path, "method": method, "root_path": ""}
            match, route, _ = index._best_match(scope, path)
            expected = router_choice(app, scope)
            assert (route if match is Match.FULL else None) is expected, (method, path)
            checked += 1
    assert checked > 500


def with_and_without_index(settings: Settings) -> tuple[FastAPI, FastAPI]:
    indexed, plain = create_app(settings), create_app(settings)
    index = plain.router.middleware_stack
    assert isinstance(index, RouteIndex)
    plain.router.middleware_stack = index._by_router
    return indexed, plain


REQUESTS = [
    ("GET", "/healthz"),
    ("GET", "/v1/meta/error-codes"),
    ("GET", "/v1/meta/error-codes/"),  # slash redirect, or not, as the router decides
    ("HEAD", "/v1/meta/error-codes"),  # answered as GET before routing, without the body
    ("HEAD", "/v1/nowhere"),
    ("DELETE", "/v1/meta/error-codes"),  # 405 by the router: NOT_FOUND with Allow
    ("GET", "/v1/users/me"),  # AUTHENTICATION_ERROR from the route's dependency
    ("PUT", "/v1/auth/login"),
    ("GET", "/v1/nowhere"),
    ("GET", "/v1/case-studies/not-an-id/nothing"),
    ("POST", "/v1/auth/login"),
    ("GET", "//"),  # no segment at all, with or without the slash
    ("GET", "///"),
    ("OPTIONS", "*"),  # not a path: the router's answer
]


@pytest.mark.parametrize(("method", "path"), REQUESTS)
async def test_answers_are_the_same_with_and_without_the_index(settings: Settings, method: str, path: str) -> None:
    answers = []
    for app in with_and_without_index(settings):
        async with app.router.lifespan_context(app), contract_client(app) as client:
            response = await client.request(method, path, headers={"X-Tenant": "alpha"})
            body = response.json() if response.content and "json" in response.headers.get("content-type", "") else None
            if isinstance(body, dict):
                body.pop("request_id", None)
                (body.get("details") or {}).pop("request_id", None)
            headers = response.headers
            answers.append((response.status_code, headers.get("allow"), headers.get("location"), body))
    assert answers[0] == answers[1]


async def test_routes_added_after_the_app_is_built_are_found(settings: Settings) -> None:
    app = create_app(settings)

    @app.get("/v1/late-addition")
    async def late_addition() -> dict[str, bool]:
        return {"found": True}

    async with app.router.lifespan_context(app):
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://test") as client:
            response = await client.get("/v1/late-addition")
    assert response.status_code == 200
    assert response.json() == {"found": True}


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
