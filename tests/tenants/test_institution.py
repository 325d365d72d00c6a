"""An institution as its sign-in screen sees it (public), and as its administrators manage it
(SETTINGS): their own tenant only, secrets write-only, how it is reached left to the operator."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from mentora.app import create_app
from mentora.config import Settings
from tests.conftest import contract_client
from tests.support.identity import OPERATOR_EMAIL, Identity, bearer

pytestmark = pytest.mark.usefixtures("identity")

PUBLIC = "/v1/institution"
OWN = "/v1/console/institution"
AI_KEY = "sk-institution-secret"
LMS_TOKEN = "canvas-institution-token"
CONFIGURED = {
    "name": "Alpha University of Applied Sciences",
    "lms_type": "canvas",
    "branding": {"logo_url": "https://alpha.example.edu/logo.png", "primary_color": "#0a3d62"},
    "ai_config": {"base_url": "https://ai.alpha.example.edu/v1", "model": "tutor-2", "api_key": AI_KEY},
    "lms_config": {
        "base_url": "https://canvas.alpha.example.edu",
        "credentials": {"api_token": LMS_TOKEN},
        "course_mapping": {"case-1": "101/7"},
    },
    "allowed_origins": ["https://learn.alpha.example.edu"],
    "settings": {
        "max_sessions": 3,
        "session_minutes": 30,
        "daily_message_quota": 50,
        "registration_open": False,
        "rate_limits": {"user": "100/minute"},
    },
}


@pytest.fixture
async def admin(client: httpx.AsyncClient) -> dict[str, str]:
    return await bearer(client, "admin@alpha.example.com", "alpha")


async def own(client: httpx.AsyncClient, headers: dict[str, str]) -> dict[str, Any]:
    response = await client.get(OWN, headers=headers)
    assert response.status_code == 200, response.text
    institution: dict[str, Any] = response.json()["data"]
    return institution


# The sign-in screen -------------------------------------------------------------------


async def test_the_sign_in_screen_learns_only_the_public_facts(client: httpx.AsyncClient) -> None:
    for request in (
        client.get(PUBLIC, params={"slug": "alpha"}),
        client.get(PUBLIC, headers={"X-Tenant": "alpha"}),
        client.get(PUBLIC, params={"slug": " Alpha "}),  # as login reads a typed slug
    ):
        response = await request
        assert response.status_code == 200, response.text
        assert response.json()["data"] == {
            "slug": "alpha",
            "name": "Alpha University",
            "branding": {
                "logo_url": None,
                "primary_color": None,
                "secondary_color": None,
                "widget_position": "bottom-right",
            },
            "registration_open": True,
        }


async def login_answer(client: httpx.AsyncClient, **naming: Any) -> tuple[int, Any]:
    body = {"email": "nobody@example.com", "password": "whatever 42", **naming.get("json", {})}
    response = await client.post("/v1/auth/login", json=body, headers=naming.get("headers", {}))
    return response.status_code, response.json()


@pytest.mark.parametrize(
    ("naming", "reason"),
    [
        ({"slug": "nowhere"}, "unknown"),
        ({"header": "nowhere"}, "unknown"),
        ({"slug": "beta"}, "inactive"),
    ],
)
async def test_tenant_errors_say_what_login_says(
    client: httpx.AsyncClient, identity: Identity, naming: dict[str, str], reason: str
) -> None:
    operator = await bearer(client, OPERATOR_EMAIL, "platform")
    assert (await client.delete(f"/v1/console/tenants/{identity.b.id}", headers=operator)).status_code == 200
    params = {"slug": naming["slug"]} if "slug" in naming else {}
    headers = {"X-Tenant": naming["header"]} if "header" in naming else {}
    response = await client.get(PUBLIC, params=params, headers=headers)
    assert response.status_code == 400
    assert response.json()["code"] == "TENANT_ERROR"
    assert response.json()["details"] == {"reason": reason}
    login_status, login_body = await login_answer(
        client, json={"tenant_slug": naming["slug"]} if "slug" in naming else {}, headers=headers
    )
    assert (login_status, login_body) == (response.status_code, response.json())


async def test_nothing_naming_an_institution_is_an_answer_not_an_error(client: httpx.AsyncClient) -> None:
    """The sign-in screen's first question; login itself still says TENANT_ERROR missing."""
    response = await client.get(PUBLIC)
    assert response.status_code == 200
    assert response.json()["data"] is None
    status, body = await login_answer(client)
    assert (status, body["details"]) == (400, {"reason": "missing"})


async def test_a_slug_naming_another_tenant_than_the_request_is_refused_on_the_parameter(
    client: httpx.AsyncClient,
) -> None:
    response = await client.get(PUBLIC, params={"slug": "beta"}, headers={"X-Tenant": "alpha"})
    assert response.status_code == 422
    assert response.json()["details"] == {"query.slug": "does not match the tenant named by the request"}


async def test_the_platform_tenant_is_found_but_takes_no_registrations(client: httpx.AsyncClient) -> None:
    response = await client.get(PUBLIC, params={"slug": "platform"})
    assert response.status_code == 200
    assert response.json()["data"]["registration_open"] is False


async def test_the_public_answer_is_rate_limited_like_other_anonymous_requests(
    settings: Settings, identity: Identity
) -> None:
    app = create_app(settings.model_copy(update={"rate_limit_anonymous": "2/minute"}))
    async with app.router.lifespan_context(app), contract_client(app) as http:
        token = await bearer(http, "student@alpha.example.com", "alpha")
        assert (await http.get(PUBLIC, params={"slug": "alpha"})).status_code == 200
        # A valid token does not lift the limit on a route that reads none.
        assert (await http.get(PUBLIC, params={"slug": "alpha"}, headers=token)).status_code == 200
        limited = await http.get(PUBLIC, params={"slug": "alpha"}, headers=token)
        assert limited.status_code == 429
        assert limited.json()["code"] == "RATE_LIMIT_EXCEEDED"


# The administrators' console ------------------------------------------------------------


async def test_an_admin_reads_and_changes_their_institution(
    client: httpx.AsyncClient, admin: dict[str, str], identity: Identity
) -> None:
    before = await own(client, admin)
    assert before["id"] == identity.a.id and before["slug"] == "alpha"
    assert before["settings"]["registration_open"] is True
    changed = await client.patch(OWN, headers=admin, json=CONFIGURED)
    assert changed.status_code == 200, changed.text
    institution = changed.json()["data"]
    assert AI_KEY not in changed.text and LMS_TOKEN not in changed.text
    assert institution["name"] == CONFIGURED["name"]
    assert institution["lms_type"] == "canvas"
    assert institution["branding"]["primary_color"] == "#0a3d62"
    assert institution["ai_config"] == {
        "base_url": "https://ai.alpha.example.edu/v1",
        "model": "tutor-2",
        "temperature": 0.7,
        "max_tokens": 800,
        "api_key_set": True,
    }
    assert institution["lms_config"]["credentials_set"] == ["api_token"]
    assert institution["allowed_origins"] == ["https://learn.alpha.example.edu"]
    assert institution["settings"] == {**CONFIGURED["settings"], "rate_limits": institution["settings"]["rate_limits"]}
    assert institution["settings"]["rate_limits"]["user"] == "100/minute"
    read = await client.get(OWN, headers=admin)
    assert read.json()["data"] == institution and AI_KEY not in read.text
    operator = await bearer(client, OPERATOR_EMAIL, "platform")
    as_operator = await client.get(f"/v1/console/tenants/{identity.a.id}", headers=operator)
    assert as_operator.json()["data"] == institution
    # At once, on the public answer too: registration closed.
    public = await client.get(PUBLIC, params={"slug": "alpha"})
    assert public.json()["data"]["registration_open"] is False
    assert public.json()["data"]["name"] == CONFIGURED["name"]


async def test_secrets_stay_with_the_url_they_were_given_for(client: httpx.AsyncClient, admin: dict[str, str]) -> None:
    await client.patch(OWN, headers=admin, json=CONFIGURED)
    ai = {key: value for key, value in CONFIGURED["ai_config"].items() if key != "api_key"}
    kept = await client.patch(OWN, headers=admin, json={"ai_config": {**ai, "model": "tutor-3"}})
    assert kept.json()["data"]["ai_config"]["api_key_set"] is True
    moved = await client.patch(OWN, headers=admin, json={"ai_config": {**ai, "base_url": "https://elsewhere.example"}})
    assert moved.json()["data"]["ai_config"]["api_key_set"] is False  # never sent to a host it was not given for
    with_key = await client.patch(
        OWN, headers=admin, json={"ai_config": {**ai, "base_url": "https://other.example", "api_key": "sk-new"}}
    )
    assert with_key.json()["data"]["ai_config"]["api_key_set"] is True
    cleared = await client.patch(
        OWN, headers=admin, json={"ai_config": {**ai, "base_url": "https://other.example", "api_key": None}}
    )
    assert cleared.json()["data"]["ai_config"]["api_key_set"] is False
    lms = {key: value for key, value in CONFIGURED["lms_config"].items() if key != "credentials"}
    lms_moved = await client.patch(
        OWN, headers=admin, json={"lms_config": {**lms, "token_url": "https://login.elsewhere.example/token"}}
    )
    assert lms_moved.json()["data"]["lms_config"]["credentials_set"] == []


async def test_how_the_institution_is_reached_stays_the_operators(
    client: httpx.AsyncClient, admin: dict[str, str]
) -> None:
    before = await own(client, admin)
    response = await client.patch(
        OWN, headers=admin, json={"slug": "mine", "domain": "alpha.example.edu", "is_active": False, "name": "X"}
    )
    assert response.status_code == 422
    assert set(response.json()["details"]) == {"slug", "domain", "is_active"}
    assert await own(client, admin) == before


async def test_bad_input_changes_nothing(client: httpx.AsyncClient, admin: dict[str, str]) -> None:
    before = await own(client, admin)
    response = await client.patch(
        OWN,
        headers=admin,
        json={
            "name": "Renamed",
            "branding": {"primary_color": "red"},
            "ai_config": {"base_url": "file:///etc/passwd", "temperature": 3},
            "allowed_origins": ["javascript:alert(1)"],
            "settings": {"max_sessions": 0, "registration_open": "no", "rate_limits": {"user": "often"}},
        },
    )
    assert response.status_code == 422
    assert response.json()["code"] == "VALIDATION_ERROR"
    assert {
        "branding.primary_color",
        "ai_config.base_url",
        "ai_config.temperature",
        "allowed_origins.0",
        "settings.max_sessions",
        "settings.registration_open",
        "settings.rate_limits.user",
    } <= set(response.json()["details"])
    assert await own(client, admin) == before


@pytest.mark.parametrize("role", ["faculty", "student"])
async def test_faculty_and_students_are_refused(client: httpx.AsyncClient, role: str) -> None:
    headers = await bearer(client, f"{role}@alpha.example.com", "alpha")
    read = await client.get(OWN, headers=headers)
    assert read.status_code == 403
    assert read.json()["details"] == {"required": "SETTINGS.can_view"}
    change = await client.patch(OWN, headers=headers, json={"name": "Taken over"})
    assert change.status_code == 403
    assert change.json()["details"] == {"required": "SETTINGS.can_edit"}


async def test_each_admin_sees_and_changes_only_their_own(
    client: httpx.AsyncClient, admin: dict[str, str], identity: Identity
) -> None:
    beta_admin = await bearer(client, "admin@beta.example.com", "beta")
    assert (await own(client, beta_admin))["id"] == identity.b.id
    changed = await client.patch(OWN, headers=beta_admin, json={"name": "Beta Polytechnic"})
    assert changed.json()["data"]["id"] == identity.b.id
    alpha = await own(client, admin)
    assert alpha["name"] == "Alpha University"
    # The token decides: naming another tenant in the header does not switch to it.
    crossed = await client.get(OWN, headers={**beta_admin, "X-Tenant": "alpha"})
    assert crossed.status_code == 401


async def test_the_operators_own_tenant_is_no_institution(client: httpx.AsyncClient) -> None:
    operator = await bearer(client, OPERATOR_EMAIL, "platform")
    response = await client.get(OWN, headers=operator)
    assert response.status_code == 404
