"""Client addresses behind a reverse proxy: X-Forwarded-For is believed only from the
proxies named in MENTORA_TRUSTED_PROXIES, so rotating it cannot dodge the login limits.

Through a real ``mentora serve`` over a real socket, since uvicorn applies the forwarded
headers before the app sees the request."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from pydantic import ValidationError

from mentora.config import Settings
from tests.support.contract import check_response_sync
from tests.support.server import CHEAP_PASSWORD_HASHING, ServerProcess

DEMO_PASSWORD = "demo password 42"
STUDENT = "student@demo.example.com"


def serve(data_dir: Path, **env: str) -> ServerProcess:
    server = ServerProcess(
        {
            "MENTORA_DATA_DIR": str(data_dir),
            "MENTORA_DEMO_PASSWORD": DEMO_PASSWORD,
            **CHEAP_PASSWORD_HASHING,
            **env,
        }
    )
    try:
        server.wait_ready()
    except BaseException:
        server.stop()
        raise
    return server


@pytest.fixture
def direct_server(tmp_path: Path) -> Iterator[ServerProcess]:
    """No proxy named: the default."""
    server = serve(tmp_path / "data")
    yield server
    server.stop()


@pytest.fixture
def proxied_server(tmp_path: Path) -> Iterator[ServerProcess]:
    """Behind a proxy on loopback (the test client plays it)."""
    server = serve(
        tmp_path / "data",
        MENTORA_TRUSTED_PROXIES="127.0.0.1",
        MENTORA_RATE_LIMIT_LOGIN="2/minute",
        MENTORA_RATE_LIMIT_LOGIN_ACCOUNT="4/minute",
    )
    yield server
    server.stop()


def attempt(http: httpx.Client, forwarded_for: str, password: str = "wrong password") -> httpx.Response:
    return http.post(
        "/v1/auth/login",
        json={"email": STUDENT, "password": password},
        headers={"X-Tenant": "demo", "X-Forwarded-For": forwarded_for},
    )


def contract_http(server: ServerProcess) -> httpx.Client:
    return httpx.Client(base_url=server.base_url, timeout=10, event_hooks={"response": [check_response_sync]})


@pytest.mark.slow
def test_forwarded_addresses_from_anyone_are_ignored(direct_server: ServerProcess) -> None:
    with contract_http(direct_server) as http:
        statuses = [attempt(http, f"203.0.113.{n}").status_code for n in range(25)]
    # Every attempt is the socket's address: the per-address-and-email limit (10/minute) holds.
    assert statuses == [401] * 10 + [429] * 15


@pytest.mark.slow
def test_a_trusted_proxy_forwards_the_client_address(proxied_server: ServerProcess) -> None:
    with contract_http(proxied_server) as http:
        assert [attempt(http, "203.0.113.1").status_code for _ in range(3)] == [401, 401, 429]
        # Another client behind the same proxy is counted on its own...
        assert attempt(http, "203.0.113.2").status_code == 401
        assert attempt(http, "198.51.100.7, 203.0.113.3").status_code == 401  # the proxy's view: .3
        # ...but failures against one account add up across every address.
        refused = attempt(http, "203.0.113.4", password=DEMO_PASSWORD)
        assert refused.status_code == 429
        assert refused.json()["details"]["scope"] == "login_account"


def test_a_proxy_entry_must_be_an_address_or_a_network() -> None:
    assert Settings(trusted_proxies="10.0.0.7, 10.1.0.9/16 ,::1").trusted_proxies == ["10.0.0.7", "10.1.0.0/16", "::1"]
    assert Settings(trusted_proxies="").trusted_proxies == []
    with pytest.raises(ValidationError, match="trusted_proxies"):
        Settings(trusted_proxies="nginx")
