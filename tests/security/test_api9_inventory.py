"""API9:2023 Improper Inventory Management: routes nobody documented, forgot, or left behind.

Here: the OpenAPI document is the inventory. Every route the app serves is in it except
the documentation itself, each operation is versioned under ``/v1`` (health probes
aside) and says which codes it returns; nothing else answers.

Already covered:
- tests/contract/test_openapi.py: every operation lists its error codes, and the
  committed docs/openapi.json is the spec the app serves (so clients match the server).
- tests/test_access_control.py: every console operation declares a permission.

Filled here:
- No undocumented route: the app's routes are exactly the spec's operations plus the
  documentation pages (``/openapi.json``, ``/docs``; ReDoc is off).
- Every operation is under ``/v1/`` or is a health probe, and has an operation id and a tag.
- Other versions, test-only routes (``/probe``) and framework leftovers are NOT_FOUND.

Policy, reported rather than changed: the interactive docs are served in every
deployment (the spec is public: it holds no secret and every operation is gated).
"""

from __future__ import annotations

import re

import httpx
import pytest
from fastapi import FastAPI
from fastapi.routing import APIRoute
from starlette.routing import Route

METHODS = {"GET", "POST", "PUT", "PATCH", "DELETE"}
DOCUMENTATION = {"/openapi.json", "/docs", "/docs/oauth2-redirect", "/docs/assets/{name}"}
HEALTH = {"/healthz", "/readyz"}


async def test_every_served_route_is_documented(app: FastAPI, client: httpx.AsyncClient) -> None:
    spec = (await client.get("/openapi.json")).json()
    documented = {
        (method.upper(), path) for path, item in spec["paths"].items() for method in item if method.upper() in METHODS
    }
    served = set()
    undocumented_pages = set()
    for route in app.routes:
        if isinstance(route, APIRoute) and route.path in DOCUMENTATION:
            assert not route.include_in_schema, f"{route.path} is a page, not an operation"
            undocumented_pages.add(route.path)
        elif isinstance(route, APIRoute):
            assert route.include_in_schema, f"{route.path} is hidden from the spec"
            served |= {(method, route.path) for method in route.methods}
        elif isinstance(route, Route):
            undocumented_pages.add(route.path)
        else:
            pytest.fail(f"an unexpected kind of route: {route!r}")
    assert served == documented
    assert undocumented_pages == DOCUMENTATION


async def test_operations_are_versioned_named_and_tagged(client: httpx.AsyncClient) -> None:
    spec = (await client.get("/openapi.json")).json()
    operation_ids = []
    for path, item in spec["paths"].items():
        assert path.startswith("/v1/") or path in HEALTH, path
        for method, operation in item.items():
            assert operation.get("tags"), f"{method} {path} has no tag"
            assert operation.get("x-error-codes"), f"{method} {path} lists no codes"
            operation_ids.append(operation["operationId"])
    assert len(operation_ids) == len(set(operation_ids))


# /metrics answers operators' own networks only (tests/platform/test_metrics.py): from
# anywhere else it is NOT_FOUND like these.
@pytest.mark.parametrize(
    "path", ["/v2/users/me", "/v0/users/me", "/api/v1/users/me", "/probe/crash", "/redoc", "/admin", "/debug"]
)
async def test_nothing_else_answers(client: httpx.AsyncClient, path: str) -> None:
    response = await client.get(path)
    assert response.status_code == 404
    assert response.json()["code"] == "NOT_FOUND"


async def test_the_documentation_pages(client: httpx.AsyncClient) -> None:
    docs = await client.get("/docs")
    assert docs.status_code == 200 and docs.headers["content-type"].startswith("text/html")
    assert "/openapi.json" in docs.text
    spec = await client.get("/openapi.json")
    assert spec.json()["info"]["title"] == "Mentora API"


async def test_the_documentation_page_loads_nothing_from_elsewhere(client: httpx.AsyncClient) -> None:
    """Without internet (a campus network, an air-gapped install) /docs still works: every
    script, style sheet and icon it loads is served by Mentora itself."""
    page = (await client.get("/docs")).text
    loaded = re.findall(r"""(?:src|href)=["']([^"']+)["']""", page)
    assert loaded, page
    assert all(url.startswith("/") and not url.startswith("//") for url in loaded), loaded
    assert "http://" not in page and "https://" not in page.replace("https://swagger.io", "")
    for url in loaded:
        asset = await client.get(url)
        assert asset.status_code == 200, url
        assert len(asset.content) > 100
    bundle = await client.get("/docs/assets/swagger-ui-bundle.js")
    assert bundle.headers["content-type"].startswith("text/javascript")
    for other in ["/docs/assets/index.html", "/docs/assets/..%2F..%2F__init__.py", "/docs/assets/nope.js"]:
        missing = await client.get(other)
        assert missing.status_code == 404 and missing.json()["code"] == "NOT_FOUND", other
