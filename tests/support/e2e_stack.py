"""What the browser tests (web/e2e) run against: a real ``mentora serve`` with its
stand-in AI provider and LMS, on 127.0.0.1 only, until killed.

    uv run --frozen python -m tests.support.e2e_stack --state web/test-results/e2e-stack.json

- the main server: a fresh data dir with the demo (every demo account signs in with
  ``PASSWORD``), and beside it the institutions the tests need: ``ai-down`` (its AI is the
  stand-in provider, its LMS the stand-in LMS, so they can be made to fail without touching
  the demo), ``limited`` (three sign-in attempts per 15 seconds) and ``broken`` (whose
  rows the tests damage on purpose);
- a second server on a data dir of its own whose access tokens live a few seconds, for
  the test that expiry is never seen; the main server keeps normal lifetimes, so the
  rest of the suite does not depend on refresh timing;
- a control endpoint that switches the stand-ins' failure modes, and nothing else:
  everything else the tests do through the API, the CLI or the SQLite file.

The state file (JSON) says where everything is. The control endpoint answers
``GET /control/ready`` only once all of it is up, so a test runner can wait on it.
SIGTERM or SIGINT stops everything and removes the data dirs.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import tempfile
import threading
from pathlib import Path
from typing import Any
from unittest.mock import patch

import httpx
import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from tests.support import fake_ai, fake_lms
from tests.support import server as server_support
from tests.support.fake_ai import FakeAIProvider
from tests.support.fake_lms import FakeLMS
from tests.support.server import CHEAP_PASSWORD_HASHING, ServerProcess

PASSWORD = "e2e-demo-password"
# Fixed ports: the browser tests' configuration names its base URL before anything runs.
DEFAULT_CONTROL_PORT = 47811
DEFAULT_PORT = 47812
OPERATOR = ("operator@demo.example.com", "platform")

# Every test signs in from 127.0.0.1, many times a minute: the per-address limits would
# refuse the suite itself. The limit the RATE_LIMIT test meets is the ``limited``
# institution's own override.
GENEROUS_LIMITS = {
    "MENTORA_RATE_LIMIT_ANONYMOUS": "100000/minute",
    "MENTORA_RATE_LIMIT_LOGIN": "100000/minute",
    "MENTORA_RATE_LIMIT_LOGIN_IP": "100000/minute",
    "MENTORA_RATE_LIMIT_LOGIN_ACCOUNT": "100000/minute",
    "MENTORA_RATE_LIMIT_USER": "100000/minute",
    "MENTORA_RATE_LIMIT_TENANT": "1000000/minute",
    # Memory limits only when asked: the suite never reaches a Redis.
    "MENTORA_RATE_LIMIT_LOGIN_FALLBACK": "memory",
}
LIMITED_LOGIN = "3/15 seconds"


def serve_on(port: int, env: dict[str, str]) -> ServerProcess:
    """ServerProcess on a port chosen here rather than a free one."""
    with patch.object(server_support, "free_port", return_value=port):
        return ServerProcess(env)


def server_env(data_dir: Path, **extra: str) -> dict[str, str]:
    return {
        **CHEAP_PASSWORD_HASHING,
        **GENEROUS_LIMITS,
        "MENTORA_DATA_DIR": str(data_dir),
        "MENTORA_DEMO_PASSWORD": PASSWORD,
        # Only processes other than the server's own (the CLI, a test holding the SQLite
        # lock) ever wait in SQLite's busy handler; a short wait makes a held lock a
        # DATABASE_ERROR within a test's patience instead of after 30 seconds.
        "MENTORA_DB_COMMAND_TIMEOUT": "2",
        "MENTORA_LOG_LEVEL": "WARNING",
        "MENTORA_ACCESS_LOG": "false",
        **extra,
    }


class Api:
    """Just enough of the API to set the stack up, as the platform operator and admins."""

    def __init__(self, base_url: str) -> None:
        self.http = httpx.Client(base_url=base_url, timeout=30)

    def sign_in(self, email: str, tenant: str, password: str = PASSWORD) -> dict[str, str]:
        answer = self.http.post("/v1/auth/login", json={"email": email, "password": password, "tenant_slug": tenant})
        answer.raise_for_status()
        return {"Authorization": f"Bearer {answer.json()['data']['access_token']}"}

    def send(self, method: str, path: str, headers: dict[str, str], body: Any = None) -> dict[str, Any]:
        answer = self.http.request(method, path, headers=headers, json=body)
        if answer.status_code >= 400:
            raise RuntimeError(f"{method} {path}: {answer.status_code} {answer.text}")
        data: dict[str, Any] = answer.json()["data"] if answer.content else {}
        return data


def add_institution(api: Api, operator: dict[str, str], slug: str, name: str, **config: Any) -> dict[str, Any]:
    tenant = api.send("POST", "/v1/console/tenants", operator, {"name": name, "slug": slug, **config})
    api.send(
        "POST",
        f"/v1/console/tenants/{tenant['id']}/admins",
        operator,
        {"email": f"admin@{slug}.example.com", "name": f"{name} Admin", "password": PASSWORD},
    )
    admin = api.sign_in(f"admin@{slug}.example.com", slug)
    for role in ("FACULTY", "STUDENT"):
        email = f"{role.lower()}@{slug}.example.com"
        api.send(
            "POST",
            "/v1/console/users",
            admin,
            {"email": email, "name": f"{name} {role.title()}", "role": role, "password": PASSWORD},
        )
    return tenant


def set_up(api: Api, ai: FakeAIProvider, lms: FakeLMS) -> dict[str, Any]:
    operator = api.sign_in(*OPERATOR)
    ai_down = add_institution(
        api,
        operator,
        "ai-down",
        "Stand-in University",
        ai_config={"base_url": ai.base_url, "model": "fake-1", "api_key": fake_ai.API_KEY},
        lms_type="canvas",
    )
    admin = api.sign_in("admin@ai-down.example.com", "ai-down")
    case = api.send(
        "POST",
        "/v1/console/case-studies",
        admin,
        {
            "title": "The Stand-in Case",
            "slug": "stand-in-case",
            "description": "A case whose tutor is the stand-in AI provider.",
            "instructions": ["Say what the problem is."],
            "system_prompt": "You are a tutor.",
            "first_message": "What is the problem here?",
            "time_limit_minutes": 30,
        },
    )
    api.send(
        "PATCH",
        "/v1/console/institution",
        admin,
        {
            "lms_config": {
                "base_url": lms.base_url,
                "credentials": {"api_token": fake_lms.CANVAS_TOKEN},
                "course_mapping": {case["id"]: "101/7"},
            }
        },
    )
    limited = add_institution(
        api, operator, "limited", "Limited University", settings={"rate_limits": {"login": LIMITED_LOGIN}}
    )
    broken = add_institution(api, operator, "broken", "Broken University")
    return {
        "ai-down": {"id": ai_down["id"], "caseStudyId": case["id"]},
        "limited": {"id": limited["id"], "loginLimit": LIMITED_LOGIN},
        "broken": {"id": broken["id"]},
    }


def control_app(ai: FakeAIProvider, lms: FakeLMS, ready: threading.Event) -> Starlette:
    async def set_mode(request: Request, target: FakeAIProvider | FakeLMS, modes: tuple[str, ...]) -> Response:
        mode = (await request.json()).get("mode")
        if mode not in modes:
            return JSONResponse({"error": f"mode must be one of {', '.join(modes)}"}, status_code=422)
        target.mode = mode
        return JSONResponse({"mode": mode})

    async def ai_mode(request: Request) -> Response:
        return await set_mode(request, ai, fake_ai.MODES)

    async def lms_mode(request: Request) -> Response:
        return await set_mode(request, lms, fake_lms.MODES)

    async def is_ready(_: Request) -> Response:
        return JSONResponse({"ready": ready.is_set()}, status_code=200 if ready.is_set() else 503)

    return Starlette(
        routes=[
            Route("/control/ai-mode", ai_mode, methods=["POST"]),
            Route("/control/lms-mode", lms_mode, methods=["POST"]),
            Route("/control/ready", is_ready, methods=["GET"]),
        ]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--state", type=Path, required=True, help="Where to write the JSON state file")
    parser.add_argument(
        "--control-port", type=int, default=int(os.environ.get("E2E_CONTROL_PORT", DEFAULT_CONTROL_PORT))
    )
    parser.add_argument(
        "--port", type=int, default=int(os.environ.get("E2E_PORT", DEFAULT_PORT)), help="The main server's port"
    )
    args = parser.parse_args()

    stopping = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stopping.set())
    signal.signal(signal.SIGINT, lambda *_: stopping.set())

    root = Path(tempfile.mkdtemp(prefix="mentora-e2e-"))
    ai, lms = FakeAIProvider(), FakeLMS()
    servers: list[ServerProcess] = []
    ready = threading.Event()
    control = uvicorn.Server(
        uvicorn.Config(
            control_app(ai, lms, ready), host="127.0.0.1", port=args.control_port, log_level="warning", lifespan="off"
        )
    )
    control_thread = threading.Thread(target=control.run, daemon=True)
    try:
        ai.start()
        lms.start()
        main_server = serve_on(args.port, server_env(root / "main"))
        short_server = ServerProcess(
            server_env(root / "short", MENTORA_ACCESS_TOKEN_MINUTES="0.1", MENTORA_TOKEN_LEEWAY_SECONDS="0")
        )
        servers += [main_server, short_server]
        for server in servers:
            server.wait_ready(timeout=120)
        tenants = set_up(Api(main_server.base_url), ai, lms)
        state = {
            "baseUrl": main_server.base_url,
            "shortTokenBaseUrl": short_server.base_url,
            "shortTokenSeconds": 6,
            "controlUrl": f"http://127.0.0.1:{args.control_port}/control",
            "password": PASSWORD,
            "dataDir": str(root / "main"),
            "dbPath": str(root / "main" / "mentora.db"),
            "aiBaseUrl": ai.base_url,
            "lmsBaseUrl": lms.base_url,
            "tenants": tenants,
            "pid": os.getpid(),
        }
        args.state.parent.mkdir(parents=True, exist_ok=True)
        args.state.write_text(json.dumps(state, indent=2) + "\n")
        ready.set()
        control_thread.start()
        print(f"e2e stack up: {main_server.base_url} (state in {args.state})", flush=True)
        while not stopping.wait(1.0):
            for server in servers:
                if server.process.poll() is not None:
                    raise RuntimeError(f"a server exited with {server.process.returncode}:\n{server.log()[-4000:]}")
    finally:
        control.should_exit = True
        for server in servers:
            server.stop()
        ai.stop()
        lms.stop()
        if control_thread.is_alive():
            control_thread.join(timeout=5)
        args.state.unlink(missing_ok=True)
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
