"""The contract over real sockets: `mentora serve` processes on loopback."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.conftest import execute_admin, run_sync, running
from tests.support.contract import assert_error_body, check_response_sync
from tests.support.postgres import PostgresCluster
from tests.support.server import CHEAP_PASSWORD_HASHING, ServerProcess

pytestmark = pytest.mark.slow

REPO_ROOT = Path(__file__).resolve().parents[1]


def contract_http(base_url: str) -> httpx.Client:
    return httpx.Client(base_url=base_url, timeout=10, event_hooks={"response": [check_response_sync]})


DEMO_PASSWORD = "demo password 42"


@pytest.fixture
def embedded_server(tmp_path: Path) -> Iterator[ServerProcess]:
    server = ServerProcess(
        {
            "MENTORA_DATA_DIR": str(tmp_path / "data"),
            "MENTORA_DEMO_PASSWORD": DEMO_PASSWORD,
            **CHEAP_PASSWORD_HASHING,
        }
    )
    try:
        server.wait_ready()
        yield server
    finally:
        server.stop()


def test_fresh_embedded_install_serves_the_contract(embedded_server: ServerProcess) -> None:
    with contract_http(embedded_server.base_url) as http:
        assert http.get("/healthz").json() == {"success": True, "data": {"status": "ok"}, "message": None}
        assert http.get("/readyz").status_code == 200
        assert http.get("/nowhere").json()["code"] == "NOT_FOUND"
        not_allowed = http.put("/healthz")
        assert not_allowed.status_code == 404 and not_allowed.headers["allow"] == "GET"
        echoed = http.get("/healthz", headers={"X-Request-ID": "client-req-7"})
        assert echoed.headers["x-request-id"] == "client-req-7"
        assert len(http.get("/v1/meta/error-codes").json()["data"]) == 11
    log = embedded_server.log()
    assert '"request_id":"client-req-7"' in log  # the access line carries the caller's id


def test_fresh_install_has_the_demo_tenant_and_its_users(embedded_server: ServerProcess) -> None:
    assert "Created the demo tenant 'demo'" in embedded_server.log()
    assert f"with the password: {DEMO_PASSWORD}" in embedded_server.log()
    with contract_http(embedded_server.base_url) as http:
        for email, role in [
            ("admin@demo.example.com", "ADMIN"),
            ("faculty@demo.example.com", "FACULTY"),
            ("student@demo.example.com", "STUDENT"),
        ]:
            login = http.post(
                "/v1/auth/login", json={"email": email, "password": DEMO_PASSWORD}, headers={"X-Tenant": "demo"}
            )
            token = login.json()["data"]["access_token"]
            me = http.get("/v1/users/me", headers={"Authorization": f"Bearer {token}"})
            assert me.json()["data"]["role"] == role
        # A sample case study, tried end to end with the offline tutor.
        student = {"Authorization": f"Bearer {token}"}
        cases = {c["slug"]: c for c in http.get("/v1/case-studies", headers=student).json()["data"]}
        assert "late-shipment" in cases
        session = http.post(
            "/v1/sessions/initialize", headers=student, json={"content_id": cases["late-shipment"]["id"]}
        )
        session_id = session.json()["data"]["id"]
        turn = http.post(f"/v1/sessions/{session_id}/messages", headers=student, json={"content": "Hello"})
        assert turn.json()["data"]["reply"]["content"].startswith("[Offline tutor:")
        # Streamed, with an Idempotency-Key as the SDKs send: the stream runs to its end.
        streamed = http.post(
            f"/v1/sessions/{session_id}/messages",
            headers={**student, "Accept": "text/event-stream", "Idempotency-Key": "stream-turn-1"},
            json={"content": "Options: another supplier, or a partial delivery."},
        )
        events = [line.removeprefix("event: ") for line in streamed.text.splitlines() if line.startswith("event: ")]
        assert events[0] == "meta" and events[-1] == "done", events
        assert http.post(f"/v1/sessions/{session_id}/end", headers=student).status_code == 200


def raw_request(port: int, head: bytes, body_chunks: list[bytes]) -> tuple[int, bytes]:
    """Send a request over a plain socket and return (status, body)."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as sock:
        sock.sendall(head)
        try:
            for chunk in body_chunks:
                sock.sendall(chunk)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the server answered and closed before the upload ended: that is the point
        response = b""
        while b"\r\n\r\n" not in response or len(response) < _expected_length(response):
            data = sock.recv(65536)
            if not data:
                break
            response += data
    head_part, _, body = response.partition(b"\r\n\r\n")
    return int(head_part.split(b" ", 2)[1]), body


def _expected_length(response: bytes) -> int:
    head, _, _ = response.partition(b"\r\n\r\n")
    for line in head.split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            return len(head) + 4 + int(line.split(b":")[1])
    return sys.maxsize


@pytest.fixture
def probe_server(tmp_path: Path) -> Iterator[ServerProcess]:
    env = {"MENTORA_DATA_DIR": str(tmp_path)}
    assert mentora("migrate", env=env).returncode == 0
    server = ServerProcess(env, factory="tests.support.probe:create_probe_app")
    try:
        server.wait_ready()
        yield server
    finally:
        server.stop()


def test_oversized_bodies_over_a_real_socket(probe_server: ServerProcess) -> None:
    port = probe_server.port
    declared = (
        b"POST /probe/members HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 50000000\r\n\r\n"
    )
    status, body = raw_request(port, declared, [])  # answered without sending a byte of body
    assert status == 422
    assert_error_body(status, httpx.Response(status, content=body).json())

    chunked = (
        b"POST /probe/members HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        b"Transfer-Encoding: chunked\r\n\r\n"
    )
    piece = b"10000\r\n" + b" " * 0x10000 + b"\r\n"
    status, body = raw_request(port, chunked, [piece] * 40 + [b"0\r\n\r\n"])
    assert status == 422
    assert httpx.Response(status, content=body).json()["details"] == {"_body": "request body is too large"}


def test_unhandled_error_over_a_real_socket_is_logged_once_with_its_request_id(probe_server: ServerProcess) -> None:
    with contract_http(probe_server.base_url) as http:
        response = http.get("/probe/crash", headers={"X-Request-ID": "crash-over-socket"})
        assert response.json()["code"] == "INTERNAL_ERROR"
        assert response.headers["x-request-id"] == "crash-over-socket"
        assert http.get("/healthz").status_code == 200  # the worker lives on
    time.sleep(0.2)
    error_lines = [line for line in probe_server.log().splitlines() if '"level":"ERROR"' in line]
    assert len(error_lines) == 1, error_lines
    assert '"request_id":"crash-over-socket"' in error_lines[0]


@pytest.fixture
def own_cluster() -> Iterator[PostgresCluster]:
    """A cluster of this test's own, since the test stops it."""
    with running(PostgresCluster) as cluster:
        yield cluster


def mentora(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mentora", *args],
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_postgres_outage_gives_database_error_then_recovers_without_restart(
    own_cluster: PostgresCluster, tmp_path: Path
) -> None:
    run_sync(execute_admin(own_cluster, "CREATE DATABASE mentora"))
    env = {"MENTORA_DATABASE_URL": own_cluster.url("mentora"), "MENTORA_DATA_DIR": str(tmp_path)}
    migrated = mentora("migrate", env=env)
    assert migrated.returncode == 0, migrated.stderr
    server = ServerProcess({**env, "MENTORA_DB_CONNECT_TIMEOUT": "2"})
    try:
        server.wait_ready()
        with contract_http(server.base_url) as http:
            assert http.get("/readyz").status_code == 200
            own_cluster.stop()
            down = http.get("/readyz")
            assert down.status_code == 500
            assert down.json() == {
                "success": False,
                "error": "A database error occurred. Please try again.",
                "code": "DATABASE_ERROR",
                "details": {},
            }
            assert http.get("/healthz").status_code == 200  # the process itself is fine
            own_cluster.start()
            deadline = time.monotonic() + 20
            recovered = http.get("/readyz")
            while recovered.status_code != 200 and time.monotonic() < deadline:
                time.sleep(0.2)
                recovered = http.get("/readyz")
            assert recovered.status_code == 200
        assert server.process.poll() is None, "the server restarted or died"
    finally:
        server.stop()


def test_serve_refuses_a_schema_revision_it_does_not_know(tmp_path: Path) -> None:
    import sqlite3

    env = {"MENTORA_DATA_DIR": str(tmp_path)}
    assert mentora("migrate", env=env).returncode == 0
    with sqlite3.connect(tmp_path / "mentora.db") as connection:
        connection.execute("UPDATE alembic_version SET version_num = 'from-the-future'")
    server = ServerProcess({**env, "MENTORA_AUTO_MIGRATE": "false"})
    try:
        server.process.wait(timeout=60)
        assert server.process.returncode != 0
        assert "does not know" in server.log()
    finally:
        server.stop()


def test_cli_creates_operator_tenant_and_user(tmp_path: Path) -> None:
    env = {
        "MENTORA_DATA_DIR": str(tmp_path),
        **CHEAP_PASSWORD_HASHING,
    }
    assert mentora("migrate", env=env).returncode == 0
    operator = mentora("create-superuser", "--email", "ops@example.com", "--password", "operator pw 1", env=env)
    assert operator.returncode == 0, operator.stderr
    assert "X-Tenant: platform" in operator.stdout
    assert mentora("create-tenant", "--name", "Delta", "--slug", "delta", env=env).returncode == 0
    user = mentora(
        "create-user",
        "--tenant",
        "delta",
        "--email",
        "t@delta.edu",
        "--name",
        "T",
        "--role",
        "FACULTY",
        "--password",
        "faculty pw 1",
        env=env,
    )
    assert user.returncode == 0, user.stderr
    duplicate = mentora("create-tenant", "--name", "Delta", "--slug", "delta", env=env)
    assert duplicate.returncode == 1
    assert "slug: already exists" in duplicate.stderr
    short = mentora("create-superuser", "--email", "x@example.com", "--password", "short", env=env)
    assert short.returncode == 2


def test_cli_writes_openapi_and_error_codes(tmp_path: Path) -> None:
    env = {"MENTORA_DATA_DIR": str(tmp_path)}
    assert mentora("openapi", "--output", str(tmp_path / "spec.json"), env=env).returncode == 0
    assert '"x-error-codes"' in (tmp_path / "spec.json").read_text()
    reference = mentora("error-codes", env=env)
    assert reference.returncode == 0 and "| `TOKEN_EXPIRED` | 401 |" in reference.stdout


def test_a_restart_says_how_to_set_the_demo_password_again(tmp_path: Path) -> None:
    """The password printed on the first run is shown only then: a restart says the demo
    users exist and which command sets a new password (which ends their sign-ins)."""
    env = {
        "MENTORA_DATA_DIR": str(tmp_path / "data"),
        "MENTORA_DEMO_PASSWORD": DEMO_PASSWORD,
        **CHEAP_PASSWORD_HASHING,
    }
    first = ServerProcess(env)
    try:
        first.wait_ready()
        with contract_http(first.base_url) as http:
            old = http.post(
                "/v1/auth/login",
                json={"email": "admin@demo.example.com", "password": DEMO_PASSWORD},
                headers={"X-Tenant": "demo"},
            ).json()["data"]
    finally:
        first.stop()
    reset = mentora(
        "set-password", "--tenant", "demo", "--email", "admin@demo.example.com", "--password", "a new one 42", env=env
    )
    assert reset.returncode == 0, reset.stderr
    unknown = mentora(
        "set-password", "--tenant", "demo", "--email", "nobody@x.org", "--password", "whatever 42", env=env
    )
    assert unknown.returncode == 1 and "no such user" in unknown.stderr
    again = ServerProcess(env)
    try:
        again.wait_ready()
        log = again.log()
        assert "Created the demo tenant" not in log
        assert "admin@demo.example.com, faculty@demo.example.com, student@demo.example.com" in log
        assert "mentora set-password --tenant demo --email admin@demo.example.com" in log
        with contract_http(again.base_url) as http:
            tenant = {"X-Tenant": "demo"}
            with_old = http.post(
                "/v1/auth/login", json={"email": "admin@demo.example.com", "password": DEMO_PASSWORD}, headers=tenant
            )
            assert with_old.status_code == 401
            with_new = http.post(
                "/v1/auth/login", json={"email": "admin@demo.example.com", "password": "a new one 42"}, headers=tenant
            )
            assert with_new.status_code == 200
            refreshed = http.post("/v1/auth/refresh", json={"refresh_token": old["refresh_token"]})
            assert refreshed.status_code == 401  # the sign-in from before the reset has ended
    finally:
        again.stop()


def test_scripts_serve_is_quiet_inside_an_activated_virtualenv(tmp_path: Path) -> None:
    """Run from a shell with some other virtualenv active, `scripts/serve` uses the project's
    own environment without a warning about it (a throwaway environment here, so the test
    leaves the checkout's .venv alone)."""
    result = subprocess.run(
        ["bash", str(REPO_ROOT / "scripts" / "serve"), "--help"],
        env={
            **os.environ,
            "VIRTUAL_ENV": str(tmp_path / "someone-elses-venv"),
            "UV_PROJECT_ENVIRONMENT": str(tmp_path / "venv"),
        },
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert "Run the API" in result.stdout
    assert "warning" not in result.stderr.lower(), result.stderr
