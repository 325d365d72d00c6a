"""The interpreter of the shared scenarios (``clients/scenarios``), for both Python clients.

``clients/typescript/test/support/scenarios.ts`` interprets the same files the same way;
``clients/scenarios/README.md`` describes the format.
"""

from __future__ import annotations

import asyncio
import json
import threading
import time
import uuid
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any, Protocol

import httpx

import mentora_client
from mentora_client import AsyncMentoraClient, Hooks, MentoraClient, MentoraError, Tokens
from mentora_client.errors import ApiError
from tests.support.transports import (
    AsyncLiveTransport,
    AsyncScriptedTransport,
    LiveTransport,
    Recorder,
    Script,
    ScriptedTransport,
)

SCENARIOS_DIR = Path(__file__).resolve().parents[3] / "scenarios"
TENANT = "demo"
SCRIPTED_URL = "http://scripted.test"
HOOKS = {
    "onAuthFailure": "on_auth_failure",
    "onAccessDenied": "on_access_denied",
    "onFieldErrors": "on_field_errors",
    "onNotFound": "on_not_found",
    "onConflict": "on_conflict",
    "onGenericError": "on_generic_error",
}
RETRY_AFTER_TOLERANCE = 0.05
Scenario = dict[str, Any]


def load(kind: str) -> list[Scenario]:
    """The scenarios of ``clients/scenarios/<kind>``, each with its file name as ``id``."""
    files = sorted((SCENARIOS_DIR / kind).glob("*.json"))
    return [{"id": path.stem, **json.loads(path.read_text(encoding="utf-8"))} for path in files]


@dataclass
class Outcome:
    result: Any
    error: MentoraError | None
    seconds: float


class Driver(Protocol):
    recorder: Recorder
    hook_calls: Counter[str]

    @property
    def tokens(self) -> Tokens | None: ...

    def set_tokens(self, tokens: Tokens | None) -> None: ...

    async def invoke(self, operation: str, args: dict[str, Any], concurrency: int) -> list[Outcome]: ...

    async def close(self) -> None: ...


def counting_hooks(calls: Counter[str]) -> Hooks:
    lock = threading.Lock()

    def counter(name: str) -> Callable[[Any], None]:
        def hook(_error: Any) -> None:
            with lock:
                calls[name] += 1

        return hook

    return Hooks(**{python_name: counter(name) for name, python_name in HOOKS.items()})


def client_options(scenario: Scenario, hook_calls: Counter[str]) -> dict[str, Any]:
    """What either client is made with for a scenario, but its URL and transport."""
    tokens = scenario.get("tokens")
    return {
        "tenant": TENANT,
        "tokens": Tokens(**tokens) if tokens else None,
        "hooks": counting_hooks(hook_calls),
        **scenario.get("client", {}),
    }


def operations(client: MentoraClient | AsyncMentoraClient) -> dict[str, Callable[[dict[str, Any]], Any]]:
    """The calls a scenario names, by name; on the async client each returns an awaitable."""
    return {
        "login": lambda args: client.auth.login(**args),
        "logout": lambda args: client.auth.logout(),
        "me": lambda args: client.me.get(),
        "update_me": lambda args: client.me.update(**args),
        "invite_user": lambda args: client.users.invite(**args),
        "list_users": lambda args: client.users.list(**args),
        "get_user": lambda args: client.users.get(**args),
        "delete_user": lambda args: client.users.delete(**args),
        "request": lambda args: client.request(args["method"], args["path"], json=args.get("json")),
    }


class SyncDriver:
    """The sync client, called from threads; concurrent calls start together at a barrier."""

    def __init__(self, base_url: str, transport: httpx.BaseTransport, scenario: Scenario, recorder: Recorder) -> None:
        self.recorder = recorder
        self.hook_calls: Counter[str] = Counter()
        self.client = MentoraClient(base_url, transport=transport, **client_options(scenario, self.hook_calls))
        self._pool = ThreadPoolExecutor(max_workers=128)

    @property
    def tokens(self) -> Tokens | None:
        return self.client.tokens

    def set_tokens(self, tokens: Tokens | None) -> None:
        self.client.set_tokens(tokens)

    async def invoke(self, operation: str, args: dict[str, Any], concurrency: int) -> list[Outcome]:
        call = operations(self.client)[operation]
        barrier = threading.Barrier(concurrency)

        def one() -> Outcome:
            barrier.wait(timeout=10)
            started = time.monotonic()
            try:
                result = call(args)
            except MentoraError as exc:
                return Outcome(None, exc, time.monotonic() - started)
            return Outcome(result, None, time.monotonic() - started)

        loop = asyncio.get_running_loop()
        return list(await asyncio.gather(*(loop.run_in_executor(self._pool, one) for _ in range(concurrency))))

    async def close(self) -> None:
        self._pool.shutdown(wait=True)
        self.client.close()


class AsyncDriver:
    def __init__(
        self, base_url: str, transport: httpx.AsyncBaseTransport, scenario: Scenario, recorder: Recorder
    ) -> None:
        self.recorder = recorder
        self.hook_calls: Counter[str] = Counter()
        self.client = AsyncMentoraClient(base_url, transport=transport, **client_options(scenario, self.hook_calls))

    @property
    def tokens(self) -> Tokens | None:
        return self.client.tokens

    def set_tokens(self, tokens: Tokens | None) -> None:
        self.client.set_tokens(tokens)

    async def invoke(self, operation: str, args: dict[str, Any], concurrency: int) -> list[Outcome]:
        call = operations(self.client)[operation]

        async def one() -> Outcome:
            started = time.monotonic()
            try:
                result = await call(args)
            except MentoraError as exc:
                return Outcome(None, exc, time.monotonic() - started)
            return Outcome(result, None, time.monotonic() - started)

        return list(await asyncio.gather(*(one() for _ in range(concurrency))))

    async def close(self) -> None:
        await self.client.aclose()


def make_driver(scenario: Scenario, flavor: str, *, base_url: str | None = None) -> Driver:
    """A driver for a live scenario (``base_url`` given) or a scripted one."""
    recorder = Recorder()
    if base_url is not None:
        if flavor == "sync":
            return SyncDriver(base_url, LiveTransport(recorder), scenario, recorder)
        return AsyncDriver(base_url, AsyncLiveTransport(recorder), scenario, recorder)
    script = Script(scenario.get("routes", {}))
    if flavor == "sync":
        return SyncDriver(SCRIPTED_URL, ScriptedTransport(script, recorder), scenario, recorder)
    return AsyncDriver(SCRIPTED_URL, AsyncScriptedTransport(script, recorder), scenario, recorder)


# -- the interpreter ---------------------------------------------------------------------


@dataclass
class Context:
    demo_password: str
    unique: str = field(default_factory=lambda: uuid.uuid4().hex[:12])
    saved: dict[str, Any] = field(default_factory=dict)
    token_expires_at: float | None = None

    def render(self, value: Any) -> Any:
        """Replace ``{unique}`` and ``{saved.NAME.path}`` in every string of a value."""
        if isinstance(value, str):
            if value.startswith("{saved.") and value.endswith("}") and value.count("{") == 1:
                return self.lookup(value[1:-1].removeprefix("saved."))
            return value.replace("{unique}", self.unique)
        if isinstance(value, list):
            return [self.render(item) for item in value]
        if isinstance(value, dict):
            return {key: self.render(item) for key, item in value.items()}
        return value

    def lookup(self, dotted: str) -> Any:
        name, *path = dotted.split(".")
        value = self.saved[name]
        for part in path:
            value = value[int(part)] if isinstance(value, list) else value[part]
        return value


async def run(scenario: Scenario, driver: Driver, *, demo_password: str = "password") -> None:
    context = Context(demo_password)
    for number, step in enumerate(scenario["steps"], start=1):
        where = f"step {number} {json.dumps(step)[:200]}"
        if "login" in step:
            args = {"email": f"{step['login']}@demo.example.com", "password": context.demo_password}
            outcomes = await driver.invoke("login", args, 1)
            check_outcomes(outcomes, context.render(step.get("expect", {"ok": True})), where)
            if outcomes[0].error is None:
                context.token_expires_at = time.monotonic() + float(outcomes[0].result["expires_in"])
        elif "set_refresh_token" in step:
            current = driver.tokens
            assert current is not None, f"{where}: not signed in"
            driver.set_tokens(Tokens(current.access_token, step["set_refresh_token"]))
        elif "set_tokens" in step:
            driver.set_tokens(Tokens(**step["set_tokens"]) if step["set_tokens"] else None)
        elif "wait_for_token_expiry" in step:
            assert context.token_expires_at is not None, f"{where}: no login to wait for"
            await asyncio.sleep(max(0.0, context.token_expires_at - time.monotonic()) + 0.25)
        elif "sleep" in step:
            await asyncio.sleep(float(step["sleep"]))
        elif "drop_response" in step:
            driver.recorder.drop_responses(step["drop_response"]["route"], int(step["drop_response"]["times"]))
        elif "call" in step:
            args = context.render(step.get("args", {}))
            outcomes = await driver.invoke(step["call"], args, int(step.get("concurrency", 1)))
            check_outcomes(outcomes, context.render(step.get("expect", {"ok": True})), where)
            if "save_as" in step:
                context.saved[step["save_as"]] = outcomes[0].result
        else:
            raise AssertionError(f"{where}: unknown step")
    check_final(scenario.get("expect", {}), driver)


def check_outcomes(outcomes: list[Outcome], expect: dict[str, Any], where: str) -> None:
    for index, outcome in enumerate(outcomes):
        check_outcome(outcome, expect, f"{where}, call {index + 1} of {len(outcomes)}")


def check_outcome(outcome: Outcome, expect: dict[str, Any], where: str) -> None:
    error = outcome.error
    if expect.get("ok"):
        assert error is None, f"{where}: expected success, got {type(error).__name__}: {error}"
        if "result" in expect:
            assert_partial(expect["result"], outcome.result, f"{where}: result")
    else:
        assert error is not None, f"{where}: expected an error, got {outcome.result!r}"
        if "error" in expect:
            assert type(error).__name__ == expect["error"], f"{where}: expected {expect['error']}, got {error!r}"
        if "error_is" in expect:
            expected_class = getattr(mentora_client, expect["error_is"])
            assert isinstance(error, expected_class), f"{where}: expected a {expect['error_is']}, got {error!r}"
        for attribute in ("code", "status", "message", "details"):
            if attribute in expect:
                actual = getattr(error, attribute, None)
                assert actual == expect[attribute], f"{where}: {attribute} {actual!r} != {expect[attribute]!r}"
        if isinstance(error, ApiError) and "request id" in str(error):
            assert error.request_id and error.request_id in str(error)
    if "min_seconds" in expect:
        assert outcome.seconds >= expect["min_seconds"], f"{where}: took {outcome.seconds:.3f}s"
    if "max_seconds" in expect:
        assert outcome.seconds <= expect["max_seconds"], f"{where}: took {outcome.seconds:.3f}s"


def assert_partial(expected: Any, actual: Any, where: str) -> None:
    """Dicts: the expected keys match; lists: same length, item by item; else equal."""
    if isinstance(expected, dict):
        assert isinstance(actual, dict), f"{where}: expected an object, got {actual!r}"
        for key, value in expected.items():
            assert key in actual, f"{where}: missing {key!r} in {actual!r}"
            assert_partial(value, actual[key], f"{where}.{key}")
    elif isinstance(expected, list):
        assert isinstance(actual, list) and len(actual) == len(expected), f"{where}: {actual!r} != {expected!r}"
        for index, (want, got) in enumerate(zip(expected, actual, strict=True)):
            assert_partial(want, got, f"{where}.{index}")
    else:
        assert actual == expected, f"{where}: {actual!r} != {expected!r}"


def check_count(actual: int, expected: int | dict[str, int], where: str) -> None:
    if isinstance(expected, int):
        assert actual == expected, f"{where}: {actual} != {expected}"
    else:
        assert expected.get("min", 0) <= actual <= expected.get("max", actual), f"{where}: {actual} not in {expected}"


def check_final(expect: dict[str, Any], driver: Driver) -> None:
    recorder = driver.recorder
    unscripted = [exchange.route for exchange in recorder.exchanges if exchange.unscripted]
    assert not unscripted, f"requests the script does not answer: {unscripted}"
    for route, expected in expect.get("requests", {}).items():
        check_count(len(recorder.on(route)), expected, f"requests {route}")
    for key, expected in expect.get("responses", {}).items():
        route, status = key.rsplit(" ", 1)
        seen = sum(1 for exchange in recorder.on(route) if exchange.status == int(status))
        check_count(seen, expected, f"responses {key}")
    for name in HOOKS:
        expected_calls = expect.get("hooks", {}).get(name, 0)
        assert driver.hook_calls[name] == expected_calls, f"hook {name}: {driver.hook_calls[name]} != {expected_calls}"
    for route in expect.get("same_idempotency_key", []):
        keys = [exchange.request_headers.get("idempotency-key") for exchange in recorder.on(route)]
        assert keys and all(keys) and len(set(keys)) == 1, f"Idempotency-Key on {route}: {keys}"
    for route in expect.get("idempotency_key_absent", []):
        keys = [exchange.request_headers.get("idempotency-key") for exchange in recorder.on(route)]
        assert not any(keys), f"Idempotency-Key on {route}: {keys}"
    for route, headers in expect.get("request_headers", {}).items():
        exchanges = recorder.on(route)
        assert exchanges, f"no request on {route}"
        for exchange in exchanges:
            for name, value in headers.items():
                assert exchange.request_headers.get(name.lower()) == value, (
                    f"{route} {name}: {exchange.request_headers}"
                )
    if expect.get("retry_after_respected"):
        check_retry_after(recorder)
    if "signed_in" in expect:
        assert (driver.tokens is not None) == expect["signed_in"], f"signed in: {driver.tokens}"


def check_retry_after(recorder: Recorder) -> None:
    """Each 429 with Retry-After: the next attempt on its route started no sooner than it said."""
    limited = [exchange for exchange in recorder.exchanges if exchange.status == 429]
    assert limited, "no 429 was seen"
    for exchange in limited:
        assert exchange.finished is not None and exchange.finished_wall is not None
        value = exchange.response_headers.get("retry-after")
        assert value is not None, "a 429 without Retry-After"
        wait = independent_retry_after(value, exchange.finished_wall)
        later = [other.started for other in recorder.on(exchange.route) if other.started > exchange.finished]
        assert later, f"the 429 on {exchange.route} was not retried"
        waited = min(later) - exchange.finished
        assert waited >= wait - RETRY_AFTER_TOLERANCE, f"waited {waited:.3f}s, Retry-After {value!r} ({wait:.3f}s)"


def independent_retry_after(value: str, at: float) -> float:
    if value.strip().isdigit():
        return float(value)
    return max(0.0, parsedate_to_datetime(value).astimezone(UTC).timestamp() - at)
