"""The shared scenarios (``clients/scenarios``), with the sync and the async client.

``scripted/`` runs against a scripted transport; ``live/`` against a real ``mentora serve``.
"""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from tests.conftest import Servers
from tests.support.scenarios import load, make_driver, run

FLAVORS = ["sync", "async"]
SCRIPTED = load("scripted")
LIVE = load("live")


def ids(scenarios: list[dict[str, Any]]) -> list[str]:
    return [scenario["id"] for scenario in scenarios]


async def play(scenario: dict[str, Any], flavor: str, *, base_url: str | None = None, password: str = "x") -> None:
    driver = make_driver(scenario, flavor, base_url=base_url)
    try:
        await run(scenario, driver, demo_password=password)
    finally:
        await driver.close()


@pytest.mark.parametrize("flavor", FLAVORS)
@pytest.mark.parametrize("scenario", SCRIPTED, ids=ids(SCRIPTED))
def test_scripted(scenario: dict[str, Any], flavor: str) -> None:
    asyncio.run(play(scenario, flavor))


@pytest.mark.parametrize("flavor", FLAVORS)
@pytest.mark.parametrize("scenario", LIVE, ids=ids(LIVE))
def test_live(scenario: dict[str, Any], flavor: str, servers: Servers) -> None:
    server = servers.get(scenario["server"])
    try:
        asyncio.run(play(scenario, flavor, base_url=server.base_url, password=server.demo_password))
    except AssertionError as exc:
        raise AssertionError(f"{exc}\n--- server log (tail) ---\n{server.log()}") from None
