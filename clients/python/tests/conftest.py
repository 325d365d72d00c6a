from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.support.server import MentoraServer


class Servers:
    """One ``mentora serve`` per profile of ``scenarios/servers.json``, started on first use."""

    def __init__(self) -> None:
        self._running: dict[str, MentoraServer] = {}

    def get(self, profile: str) -> MentoraServer:
        if profile not in self._running:
            server = MentoraServer(profile)
            self._running[profile] = server
            server.wait_ready()
        return self._running[profile]

    def stop(self) -> None:
        for server in self._running.values():
            server.stop()


@pytest.fixture(scope="session")
def servers() -> Iterator[Servers]:
    pool = Servers()
    try:
        yield pool
    finally:
        pool.stop()
