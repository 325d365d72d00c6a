"""`mentora serve` serves the built web app beside the API, and the API answers as before.

- ``/``, and the app's own routes when a browser navigates to them, answer index.html,
  never cached without revalidation, with the security headers.
- Hashed assets are cached for a year; other files of the build for an hour.
- No path of the API's namespaces, no other method and no API client's unknown path ever
  gets the page: they keep the contract's answers. Nothing outside the build is served.
- Without a build the API is served alone, and one log line says how to get the app.
- ``scripts/build-web`` builds only when the build is older than its sources.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import subprocess
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from fastapi import FastAPI
from starlette.routing import Route

from mentora.app import create_app
from mentora.config import Settings
from mentora.web_app import CONTENT_SECURITY_POLICY, IMMUTABLE, NO_CACHE, SHORT_CACHE
from tests.conftest import contract_client

REPO_ROOT = Path(__file__).resolve().parents[1]
ASSET = "/assets/index-abc123.js"
INDEX_HTML = (
    "<!doctype html><html><head>"
    f'<script type="module" crossorigin src="{ASSET}"></script>'
    '<link rel="icon" href="/favicon.svg"></head><body><div id="root"></div></body></html>'
)
SCRIPT = "console.log('mentora');\n"
FAVICON = '<svg xmlns="http://www.w3.org/2000/svg"></svg>'
SECRET = "not for the web"
PAGE = {"Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}
SECURITY_HEADERS = {
    "content-security-policy": CONTENT_SECURITY_POLICY,
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
    "permissions-policy": "microphone=(self), camera=(), geolocation=()",
}


@pytest.fixture
def build(tmp_path: Path) -> Path:
    folder = tmp_path / "build"
    (folder / "assets").mkdir(parents=True)
    (folder / "index.html").write_text(INDEX_HTML)
    (folder / "assets" / "index-abc123.js").write_text(SCRIPT)
    (folder / "favicon.svg").write_text(FAVICON)
    (tmp_path / "secret.txt").write_text(SECRET)
    return folder


async def serving(settings: Settings) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(settings)
    async with app.router.lifespan_context(app), contract_client(app) as client:
        yield client


@pytest.fixture
async def web(settings: Settings, build: Path) -> AsyncIterator[httpx.AsyncClient]:
    async for client in serving(settings.model_copy(update={"web_dir": build})):
        yield client


@pytest.fixture
async def api_alone(settings: Settings, tmp_path: Path) -> AsyncIterator[httpx.AsyncClient]:
    """The same API without a build: what every request answered before the app existed."""
    async for client in serving(settings.model_copy(update={"web_dir": tmp_path / "no-build"})):
        yield client


def assert_secured(response: httpx.Response) -> None:
    for name, value in SECURITY_HEADERS.items():
        assert response.headers.get(name) == value, name


def assert_the_page(response: httpx.Response) -> None:
    assert response.status_code == 200, response.text
    assert response.text == INDEX_HTML
    assert response.headers["content-type"].startswith("text/html")
    assert response.headers["cache-control"] == NO_CACHE
    assert_secured(response)


def assert_not_found(response: httpx.Response) -> None:
    assert response.status_code == 404
    assert response.headers["content-type"].startswith("application/json")
    assert response.json()["code"] == "NOT_FOUND"


def comparable(response: httpx.Response) -> tuple[int, str | None, object]:
    return response.status_code, response.headers.get("allow"), response.json()


@pytest.mark.parametrize("path", ["/", "/sign-in", "/admin/users", "/sessions/abc", "/index.html", "/v2/users"])
async def test_a_browser_navigating_to_a_route_of_the_app_gets_the_page(web: httpx.AsyncClient, path: str) -> None:
    response = await web.get(path, headers=PAGE)
    assert_the_page(response)
    if path != "/index.html":
        assert "Accept" in response.headers["vary"]


async def test_the_root_is_the_page_for_any_client(web: httpx.AsyncClient) -> None:
    assert_the_page(await web.get("/", headers={"Accept": "application/json"}))


async def test_the_page_is_revalidated_by_its_etag(web: httpx.AsyncClient) -> None:
    first = await web.get("/admin/users", headers=PAGE)
    again = await web.get("/admin/users", headers={**PAGE, "If-None-Match": first.headers["etag"]})
    assert again.status_code == 304
    assert again.headers["cache-control"] == NO_CACHE


async def test_a_new_build_is_served_without_a_restart(web: httpx.AsyncClient, build: Path) -> None:
    (build / "index.html").write_text("<!doctype html><title>rebuilt</title>")
    assert (await web.get("/", headers=PAGE)).text == "<!doctype html><title>rebuilt</title>"


async def test_a_hashed_asset_is_cached_for_good(web: httpx.AsyncClient) -> None:
    response = await web.get(ASSET)
    assert response.status_code == 200
    assert response.text == SCRIPT
    assert response.headers["content-type"].startswith("text/javascript")
    assert response.headers["cache-control"] == IMMUTABLE
    assert_secured(response)


async def test_another_file_of_the_build_is_cached_briefly(web: httpx.AsyncClient) -> None:
    response = await web.get("/favicon.svg", headers=PAGE)
    assert response.status_code == 200
    assert response.text == FAVICON
    assert response.headers["content-type"].startswith("image/svg+xml")
    assert response.headers["cache-control"] == SHORT_CACHE


async def test_head_answers_the_gets_headers_without_a_body(web: httpx.AsyncClient) -> None:
    page = await web.head("/sign-in", headers=PAGE)
    assert page.status_code == 200 and page.content == b""
    assert page.headers["content-length"] == str(len(INDEX_HTML))
    assert page.headers["cache-control"] == NO_CACHE
    asset = await web.head(ASSET)
    assert asset.status_code == 200 and asset.content == b""
    assert asset.headers["cache-control"] == IMMUTABLE


@pytest.mark.parametrize("path", ["/assets/index-000000.js", "/assets/", "/assets", "/assets/nested/missing.css"])
async def test_a_missing_asset_is_not_found_never_the_page(web: httpx.AsyncClient, path: str) -> None:
    assert_not_found(await web.get(path, headers=PAGE))


@pytest.mark.parametrize(
    "path",
    [
        "/assets/%2e%2e/%2e%2e/secret.txt",
        "/assets/..%2f..%2fsecret.txt",
        "/%2e%2e/secret.txt",
        "/..%2fsecret.txt",
        "/assets/..%5c..%5csecret.txt",
        "/assets/%2Fetc%2Fpasswd",
    ],
)
async def test_no_path_leaves_the_build(web: httpx.AsyncClient, path: str) -> None:
    response = await web.get(path, headers=PAGE)
    assert_not_found(response)
    assert SECRET not in response.text


@pytest.mark.parametrize("path", [b"//etc/passwd", b"/%2Fetc%2Fpasswd", b"//secret.txt", b"/assets//etc/passwd"])
async def test_an_absolute_path_is_never_a_file(web: httpx.AsyncClient, path: bytes) -> None:
    url = httpx.URL("http://testserver").copy_with(raw_path=path)  # as sent: not a host after "//"
    assert_not_found(await web.get(url))
    page = await web.get(url, headers=PAGE)  # a browser gets the page, as for any unknown route
    assert SECRET not in page.text and "root:" not in page.text


async def test_a_link_out_of_the_build_is_not_followed(web: httpx.AsyncClient, build: Path, tmp_path: Path) -> None:
    (build / "assets" / "linked.js").symlink_to(tmp_path / "secret.txt")
    assert_not_found(await web.get("/assets/linked.js"))


@pytest.mark.parametrize(
    "path",
    ["/v1", "/v1/", "/v1/nope", "/v1/users/me/sessions", "/docs/nope", "/healthz/extra", "/openapi.json/x"],
)
async def test_the_apis_paths_never_get_the_page(
    web: httpx.AsyncClient, api_alone: httpx.AsyncClient, path: str
) -> None:
    served = await web.get(path, headers=PAGE)
    assert served.text != INDEX_HTML
    assert comparable(served) == comparable(await api_alone.get(path, headers=PAGE))


async def test_no_route_of_the_api_is_shadowed(settings: Settings, build: Path) -> None:
    """Every route's path (and a deeper one) with Accept: text/html is the API's answer."""
    app: FastAPI = create_app(settings.model_copy(update={"web_dir": build}))
    paths = {re.sub(r"\{[^}]+\}", "x", route.path) for route in app.routes if isinstance(route, Route)}
    assert {"/healthz", "/docs", "/openapi.json", "/v1/users/me"} <= paths
    async with app.router.lifespan_context(app), contract_client(app) as client:
        for path in sorted(paths | {path + "/deeper" for path in paths}):
            assert (await client.get(path, headers=PAGE)).text != INDEX_HTML, path
        assert (await client.get("/docs", headers=PAGE)).text.count("swagger") > 0


@pytest.mark.parametrize("accept", ["application/json", "*/*", None])
async def test_an_api_client_asking_for_an_unknown_path_gets_not_found(
    web: httpx.AsyncClient, accept: str | None
) -> None:
    headers = {"Accept": accept} if accept else {}
    for path in ["/nope", "/sign-in", "/admin/users"]:
        assert_not_found(await web.get(path, headers=headers))


@pytest.mark.parametrize(
    ("method", "path"),
    [("POST", "/"), ("POST", "/sign-in"), ("PUT", "/admin/users"), ("DELETE", ASSET), ("PATCH", "/favicon.svg")],
)
async def test_other_methods_answer_as_before(
    web: httpx.AsyncClient, api_alone: httpx.AsyncClient, method: str, path: str
) -> None:
    served = await web.request(method, path, headers=PAGE, json={})
    before = await api_alone.request(method, path, headers=PAGE, json={})
    assert served.status_code == 404 and served.json()["code"] == "NOT_FOUND"
    assert comparable(served) == comparable(before)


async def test_the_app_is_not_in_the_openapi_document(web: httpx.AsyncClient, api_alone: httpx.AsyncClient) -> None:
    served = (await web.get("/openapi.json")).json()["paths"]
    assert "/" not in served
    assert served == (await api_alone.get("/openapi.json")).json()["paths"]


async def test_the_apps_files_do_not_count_against_the_anonymous_limit(settings: Settings, build: Path) -> None:
    limited = settings.model_copy(update={"web_dir": build, "rate_limit_anonymous": "3/minute"})
    async for client in serving(limited):
        for _ in range(5):
            assert (await client.get("/", headers=PAGE)).status_code == 200
            assert (await client.get(ASSET)).status_code == 200
        api = [(await client.get("/v1/meta/error-codes")).status_code for _ in range(4)]
        assert api == [200, 200, 200, 429]


async def test_without_a_build_the_api_is_served_alone(
    settings: Settings, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    missing = tmp_path / "never-built"
    with caplog.at_level(logging.INFO, logger="mentora.web_app"):
        async for client in serving(settings.model_copy(update={"web_dir": missing})):
            assert_not_found(await client.get("/", headers=PAGE))
            assert_not_found(await client.get(ASSET))
            assert (await client.get("/healthz", headers=PAGE)).status_code == 200
    hints = [record.getMessage() for record in caplog.records if record.name == "mentora.web_app"]
    assert len(hints) == 1
    assert str(missing) in hints[0] and "./scripts/serve" in hints[0] and "npm --prefix web" in hints[0]


# scripts/build-web, run on a copy of the layout it reads, with stand-ins for node and npm.

BUILD_WEB = REPO_ROOT / "scripts" / "build-web"
WEB_SOURCES = [
    "web/src/main.tsx",
    "web/index.html",
    "web/package.json",
    "web/package-lock.json",
    "web/vite.config.ts",
    "clients/typescript/src/index.ts",
]
BUILT = "src/mentora/_web/index.html"
OLD, NEW = 1_700_000_000, 1_700_001_000


@pytest.fixture
def checkout(tmp_path: Path) -> Path:
    root = tmp_path / "checkout"
    (root / "scripts").mkdir(parents=True)
    shutil.copy(BUILD_WEB, root / "scripts" / "build-web")
    for name in [*WEB_SOURCES, BUILT]:
        touch(root / name, OLD)
    for folder in root.rglob("*"):
        if folder.is_dir():  # a file added or removed changes its folder's time: a change too
            os.utime(folder, (OLD, OLD))
    touch(root / BUILT, NEW)
    return root


def touch(path: Path, when: int) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.touch()
    os.utime(path, (when, when))


def build_web(checkout: Path, *args: str, tools: Path | None = None) -> subprocess.CompletedProcess[str]:
    """The script with only the commands it uses on PATH (and ``tools``): the host's own
    node and npm stay out of reach."""
    basics = checkout.parent / "basics"
    if not basics.exists():
        basics.mkdir()
        for command in ("dirname", "find", "mkdir", "touch"):
            found = shutil.which(command)
            assert found, command
            (basics / command).symlink_to(found)
    bash = shutil.which("bash")
    assert bash
    return subprocess.run(
        [bash, str(checkout / "scripts" / "build-web"), *args],
        env={"PATH": f"{tools}:{basics}" if tools else str(basics), "HOME": str(checkout)},
        capture_output=True,
        text=True,
        timeout=60,
    )


def fake_tools(folder: Path, *, node_major: int, build_status: int = 0) -> Path:
    """``node`` that reports a version and ``npm`` that logs its arguments, then writes the
    build (or fails)."""
    folder.mkdir()
    (folder / "node").write_text(f"#!/bin/sh\necho {node_major}\n")
    (folder / "npm").write_text(
        "#!/bin/sh\n"
        'echo "$*" >> "$HOME/npm.log"\n'
        'case "$*" in *" ci "*) mkdir -p web/node_modules && touch web/node_modules/.package-lock.json;; esac\n'
        f'case "$*" in *"run build"*) [ {build_status} -eq 0 ] && touch {BUILT}; exit {build_status};; esac\n'
    )
    for tool in ("node", "npm"):
        (folder / tool).chmod(0o755)
    return folder


@pytest.mark.parametrize("source", WEB_SOURCES)
def test_a_source_newer_than_the_build_makes_it_stale(checkout: Path, source: str) -> None:
    assert build_web(checkout, "--check").stdout.strip() == "fresh"
    touch(checkout / source, NEW + 1)
    checked = build_web(checkout, "--check")
    assert checked.returncode == 1
    assert checked.stdout.strip() == f"stale: {source} changed since the last build"


def test_a_deleted_source_makes_the_build_stale(checkout: Path) -> None:
    (checkout / "web/src/main.tsx").unlink()
    checked = build_web(checkout, "--check")
    assert checked.returncode == 1 and checked.stdout.strip() == "stale: web/src changed since the last build"


def test_no_build_is_stale_and_an_untouched_build_is_fresh(checkout: Path) -> None:
    assert build_web(checkout, "--check").returncode == 0
    (checkout / BUILT).unlink()
    checked = build_web(checkout, "--check")
    assert checked.returncode == 1 and checked.stdout.startswith("stale: no build")


def test_a_fresh_build_is_left_alone(checkout: Path, tmp_path: Path) -> None:
    result = build_web(checkout, tools=fake_tools(tmp_path / "tools", node_major=22))
    assert result.returncode == 0, result.stderr
    assert not (checkout / "npm.log").exists()


def test_a_stale_build_installs_once_then_builds(checkout: Path, tmp_path: Path) -> None:
    tools = fake_tools(tmp_path / "tools", node_major=20)
    touch(checkout / "web/src/main.tsx", NEW + 1)
    result = build_web(checkout, tools=tools)
    assert result.returncode == 0, result.stderr
    assert (checkout / "npm.log").read_text().splitlines() == [
        "--prefix web ci --no-audit --no-fund",
        "--prefix web run build",
    ]
    assert build_web(checkout, "--check").stdout.strip() == "fresh"
    (checkout / "npm.log").unlink()
    assert build_web(checkout, "--force", tools=tools).returncode == 0
    assert (checkout / "npm.log").read_text().splitlines() == ["--prefix web run build"]  # installed already


def test_a_failing_build_fails_the_script(checkout: Path, tmp_path: Path) -> None:
    tools = fake_tools(tmp_path / "tools", node_major=20, build_status=3)
    result = build_web(checkout, "--force", tools=tools)
    assert result.returncode == 1
    assert "build failed" in result.stderr


@pytest.mark.parametrize("node_major", [None, 18])
def test_without_node_20_a_stale_build_says_how_to_get_it(
    checkout: Path, tmp_path: Path, node_major: int | None
) -> None:
    tools = fake_tools(tmp_path / "tools", node_major=node_major or 0)
    if node_major is None:
        (tools / "node").unlink()
    touch(checkout / "web/package.json", NEW + 1)
    result = build_web(checkout, tools=tools)
    assert result.returncode == 2
    assert "Node >= 20" in result.stderr and "./scripts/build-web" in result.stderr
    assert not (checkout / "npm.log").exists()
