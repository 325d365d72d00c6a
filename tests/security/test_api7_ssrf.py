"""API7:2023 Server Side Request Forgery: making the server call a URL an attacker chose.

Here: the server calls URLs from tenant configuration: the AI provider's ``base_url``,
the LMS's ``base_url``, ``token_url`` and line items (``course_mapping``). A logo URL is
stored for clients and never fetched.

Enforced, and tested here:
- Only the platform operator (TENANT_MANAGEMENT) and an institution's own administrators
  (SETTINGS.can_edit, their own tenant only) can set any of them: every operation whose
  body reaches a URL field is one of theirs. A stored secret is not sent to a URL an
  administrator changed: the change drops it unless the same request sends one
  (tests/tenants/test_institution.py).
- Only ``http`` and ``https`` URLs are accepted (no ``file:``, ``gopher:``, ``ftp:``...).
- Outbound calls never follow redirects, so a provider cannot bounce the call (and the
  tenant's API key) to another host; a redirect is a ``bad_response``.

Not enforced (by design, reported): destinations are not restricted to public
addresses. The operator and the institutions' administrators are trusted to configure
them, and on-premise providers and this suite's loopback fakes live on private addresses.

Already covered: tests/platform/test_outbound_reasons.py (how each failure is named).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest
from starlette.responses import JSONResponse, RedirectResponse

from mentora.config import Settings
from mentora.integrations.lms.base import CanvasPublisher, GradeToPublish
from mentora.platform.outbound.client import OutboundClient
from tests.security.conftest import HostileUpstream, running_upstream, tutoring
from tests.support.identity import OPERATOR_EMAIL, Identity, bearer

pytestmark = pytest.mark.usefixtures("identity")
FORBIDDEN_URLS = ["file:///etc/passwd", "gopher://127.0.0.1:6379/_INFO", "ftp://files.example.com/x", "dict://x:11211/"]


@pytest.fixture
def canary() -> Iterator[HostileUpstream]:
    """Where a redirect would send the call: it must never be reached."""
    with running_upstream() as server:
        yield server


@pytest.mark.parametrize("url", FORBIDDEN_URLS)
async def test_only_http_urls_are_accepted(client: httpx.AsyncClient, identity: Identity, url: str) -> None:
    operator = await bearer(client, OPERATOR_EMAIL, "platform")
    tenant = f"/v1/console/tenants/{identity.a.id}"
    for body, field in (
        ({"ai_config": {"base_url": url}}, "ai_config.base_url"),
        ({"lms_config": {"base_url": url}}, "lms_config.base_url"),
        ({"lms_config": {"token_url": url}}, "lms_config.token_url"),
        ({"branding": {"logo_url": url}}, "branding.logo_url"),
    ):
        response = await client.patch(tenant, headers=operator, json=body)
        assert response.status_code == 422, f"{field} accepted {url}"
        assert list(response.json()["details"]) == [field]
    stored = (await client.get(tenant, headers=operator)).json()["data"]
    assert stored["ai_config"]["base_url"] is None and stored["lms_config"]["token_url"] is None


def _reaches_a_url(schema: dict[str, Any], components: dict[str, Any], seen: set[str]) -> bool:
    if "$ref" in schema:
        name = schema["$ref"].rsplit("/", 1)[1]
        if name in seen:
            return False
        seen.add(name)
        return _reaches_a_url(components[name], components, seen)
    if schema.get("format") == "uri":
        return True
    children = [
        *schema.get("properties", {}).values(),
        *schema.get("anyOf", []),
        *schema.get("oneOf", []),
        *schema.get("allOf", []),
    ]
    for key in ("items", "additionalProperties"):
        if isinstance(schema.get(key), dict):
            children.append(schema[key])
    return any(_reaches_a_url(child, components, seen) for child in children)


async def test_only_the_operator_can_set_a_url_the_server_calls(client: httpx.AsyncClient) -> None:
    spec = (await client.get("/openapi.json")).json()
    components = spec["components"]["schemas"]
    with_urls = {}
    for path, item in spec["paths"].items():
        for method, operation in item.items():
            body = operation.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema")
            if body is not None and _reaches_a_url(body, components, set()):
                with_urls[f"{method.upper()} {path}"] = operation.get("x-permission")
    assert with_urls == {
        "POST /v1/console/tenants": "TENANT_MANAGEMENT.can_create",
        "PATCH /v1/console/tenants/{tenant_id}": "TENANT_MANAGEMENT.can_edit",
        "PATCH /v1/console/institution": "SETTINGS.can_edit",
    }


@pytest.mark.parametrize("streamed", [False, True], ids=["json", "stream"])
async def test_redirects_are_not_followed(
    settings: Settings, identity: Identity, upstream: HostileUpstream, canary: HostileUpstream, streamed: bool
) -> None:
    ai = {"base_url": upstream.base_url, "model": "m", "api_key": "tenant-ai-key"}
    async with tutoring(settings, identity, ai) as room:
        upstream.answer = lambda: RedirectResponse(f"{canary.base_url}/chat/completions", status_code=307)
        accept = {"Accept": "text/event-stream"} if streamed else {}
        response = await room.client.post(
            room.messages_url, headers={**room.student, **accept}, json={"content": "Hello"}
        )
        assert response.status_code == 502
        assert response.json()["details"] == {"service": "ai", "reason": "bad_response"}
        assert canary.base_url not in response.text
        assert len(upstream.seen) == 1 and upstream.seen[0].headers["authorization"] == "Bearer tenant-ai-key"
        assert canary.seen == []
        assert json.loads(upstream.seen[0].body)["stream"] is streamed


@pytest.mark.parametrize(
    ("course_mapping", "lms_user_id", "path"),
    [
        (
            "7/../../../users/self",
            "../../../accounts/1/admins",
            b"/v1/api/v1/courses/7/assignments/..%2F..%2F..%2Fusers%2Fself/submissions/..%2F..%2F..%2Faccounts%2F1%2Fadmins",
        ),
        ("../9", "..", b"/v1/api/v1/courses/%2E%2E/assignments/9/submissions/%2E%2E"),
    ],
)
async def test_ids_in_a_canvas_url_stay_one_path_segment(
    upstream: HostileUpstream, settings: Settings, course_mapping: str, lms_user_id: str, path: bytes
) -> None:
    """An LMS user id or course mapping holding ``../`` must not steer the PUT to another endpoint."""
    outbound = OutboundClient("lms", settings)
    publisher = CanvasPublisher(outbound, upstream.base_url, "token", {"cs1": course_mapping}, circuit="t1:canvas")
    upstream.answer = lambda: JSONResponse({"id": 1, "score": 80})
    grade = GradeToPublish(
        grade_id="g1",
        tenant_id="t1",
        lms_user_id=lms_user_id,
        case_study_id="cs1",
        score=80,
        comment="",
        graded_at=datetime.now(UTC),
    )
    try:
        await publisher.publish(grade)
    finally:
        await outbound.close()
    [seen] = upstream.seen
    assert seen.method == "PUT"
    assert seen.raw_path == path
