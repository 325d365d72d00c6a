"""A Starlette app served by uvicorn in a background thread, on a free 127.0.0.1 port:
the body of every stand-in downstream service the tests talk to over real HTTP."""

from __future__ import annotations

import threading
import time
from collections.abc import Sequence

import uvicorn
from starlette.applications import Starlette
from starlette.routing import BaseRoute

from tests.support.postgres import free_port


class LoopbackServer:
    def __init__(self, routes: Sequence[BaseRoute]) -> None:
        self.port = free_port()
        config = uvicorn.Config(
            Starlette(routes=list(routes)),
            host="127.0.0.1",
            port=self.port,
            log_level="warning",
            lifespan="off",
            # A handler told to hang (a "timeout" mode) must not hold up stopping the server.
            timeout_graceful_shutdown=1,
        )
        self._server = uvicorn.Server(config)
        self._thread = threading.Thread(target=self._server.run, daemon=True)

    def start(self) -> None:
        self._thread.start()
        deadline = time.monotonic() + 10
        while not self._server.started:
            if time.monotonic() > deadline:
                raise TimeoutError(f"{type(self).__name__} did not start")
            time.sleep(0.02)

    def stop(self) -> None:
        self._server.should_exit = True
        self._thread.join(timeout=10)
