"""A real ``mentora serve`` process on loopback, for tests that need sockets and processes."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Mapping
from pathlib import Path

import httpx

from tests.support.postgres import free_port

REPO = Path(__file__).resolve().parents[2]
# Argon2id at its cheapest, for servers that sign people in many times (the unit tests'
# settings do the same: tests/conftest.py make_settings).
CHEAP_PASSWORD_HASHING = {
    "MENTORA_PASSWORD_TIME_COST": "1",
    "MENTORA_PASSWORD_MEMORY_KIB": "1024",
    "MENTORA_PASSWORD_PARALLELISM": "1",
}


class ServerProcess:
    def __init__(self, env: Mapping[str, str], *, workers: int = 1, factory: str | None = None) -> None:
        """``mentora serve``, or with ``factory`` plain uvicorn (uvloop, httptools) on that app
        factory (already migrated)."""
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.log_path = Path(env.get("MENTORA_DATA_DIR", ".")) / f"serve-{self.port}.log"
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        self._log = self.log_path.open("wb")
        command = [sys.executable, "-m", "mentora", "serve", "--port", str(self.port), "--workers", str(workers)]
        if factory is not None:
            command = [
                sys.executable,
                "-m",
                "uvicorn",
                "--factory",
                factory,
                "--port",
                str(self.port),
                "--workers",
                str(workers),
                "--loop",
                "uvloop",
                "--http",
                "httptools",
                "--no-access-log",
            ]
        self.process = subprocess.Popen(
            command,
            env={**os.environ, "MENTORA_LOG_FORMAT": "json", **env},
            stdout=self._log,
            stderr=subprocess.STDOUT,
            cwd=REPO,
        )

    # Generous: a parallel run (or a busy machine) can make imports and migrations slow.
    def wait_ready(self, timeout: float = 90.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"server exited with {self.process.returncode}:\n{self.log()}")
            try:
                if httpx.get(self.base_url + "/healthz", timeout=1.0).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.1)
        raise TimeoutError(f"server not ready after {timeout}s:\n{self.log()}")

    def log(self) -> str:
        self._log.flush()
        return self.log_path.read_text(errors="replace")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        self._log.close()
