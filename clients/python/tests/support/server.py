"""A real ``mentora serve`` on loopback, configured by a profile of ``scenarios/servers.json``."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

CLIENTS_ROOT = Path(__file__).resolve().parents[3]
REPO_ROOT = CLIENTS_ROOT.parent
SERVERS_FILE = CLIENTS_ROOT / "scenarios" / "servers.json"


def server_python() -> Path:
    """The interpreter that has ``mentora`` installed: ``MENTORA_SERVER_PYTHON`` or the repo's venv."""
    configured = os.environ.get("MENTORA_SERVER_PYTHON")
    return Path(configured) if configured else REPO_ROOT / ".venv" / "bin" / "python"


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def load_servers() -> dict[str, Any]:
    servers: dict[str, Any] = json.loads(SERVERS_FILE.read_text(encoding="utf-8"))
    return servers


class MentoraServer:
    def __init__(self, profile: str) -> None:
        config = load_servers()
        self.demo_password: str = config["demo_password"]
        self.port = free_port()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self._data_dir = tempfile.TemporaryDirectory(prefix=f"mentora-client-{profile}-")
        self._log_path = Path(self._data_dir.name) / "serve.log"
        self._log = self._log_path.open("wb")
        env = {name: value for name, value in os.environ.items() if not name.startswith("MENTORA_")}
        env.update(config["common"])
        env.update(config["profiles"][profile])
        env["MENTORA_DATA_DIR"] = self._data_dir.name
        python = server_python()
        if not python.exists():
            raise RuntimeError(f"{python} not found: sync the main project (uv sync) or set MENTORA_SERVER_PYTHON")
        self.process = subprocess.Popen(
            [str(python), "-m", "mentora", "serve", "--host", "127.0.0.1", "--port", str(self.port)],
            env=env,
            cwd=self._data_dir.name,
            stdout=self._log,
            stderr=subprocess.STDOUT,
        )

    def wait_ready(self, timeout: float = 30.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"mentora serve exited with {self.process.returncode}:\n{self.log()}")
            try:
                if httpx.get(self.base_url + "/healthz", timeout=1.0).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.1)
        raise TimeoutError(f"mentora serve not ready after {timeout}s:\n{self.log()}")

    def log(self) -> str:
        self._log.flush()
        return self._log_path.read_text(errors="replace")[-5000:]

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        self._log.close()
        self._data_dir.cleanup()
