"""API6:2023 Unrestricted Access to Sensitive Business Flows: a legitimate flow used at a
scale that hurts the business (mass sign-ups, draining the AI budget).

Here: self sign-up (each account can run AI tutoring billed to the institution), AI
tutoring turns (each one costs the tenant money), sessions per case study, and grade
publishing to the LMS.

Already covered:
- tests/sessions/test_tutoring.py: AI turns per user per minute
  (``test_ai_turns_are_rate_limited_per_user``) and sessions per student per case study
  (``test_one_active_session_per_case_study_and_the_session_limit``).
- tests/grades/test_grading.py: publishing a grade again lands one grade in the LMS.

Filled here:
- Sign-ups from one address are limited, whatever emails they use.
- The tenant's ``daily_message_quota`` caps a student's AI turns per day; a refused turn
  is not stored and never reaches the provider; other students keep their own quota.
- One person, one account: an email that only looks different (fullwidth letters, another
  case) is the same account, and one that imitates another (a Cyrillic letter among Latin
  ones, a domain in look-alikes) is refused; names cannot reorder what a reader sees.
"""

from __future__ import annotations

import httpx
import pytest

from mentora.config import Settings
from tests.security.conftest import HostileUpstream, serving, tutoring
from tests.support.identity import PASSWORD, Identity, bearer

pytestmark = pytest.mark.usefixtures("identity")


async def test_mass_sign_up_from_one_address_is_limited(settings: Settings) -> None:
    async with serving(settings, rate_limit_login_ip="4/minute") as (_, client):
        admin = await bearer(client, "admin@alpha.example.com", "alpha")  # a sign-in counts too
        statuses = []
        for number in range(4):
            response = await client.post(
                "/v1/auth/register",
                headers={"X-Tenant": "alpha"},
                json={"email": f"bot{number}@example.com", "password": "long enough", "name": "Bot"},
            )
            statuses.append(response.status_code)
        assert statuses == [201, 201, 201, 429]
        users = (await client.get("/v1/console/users", headers=admin, params={"q": "bot"})).json()
        assert users["total"] == 3


async def test_the_daily_quota_caps_ai_turns(settings: Settings, identity: Identity, upstream: HostileUpstream) -> None:
    ai = {"base_url": upstream.base_url, "model": "m", "api_key": "k"}
    async with tutoring(settings, identity, ai) as room:
        changed = await room.client.patch(
            f"/v1/console/tenants/{identity.a.id}", headers=room.operator, json={"settings": {"daily_message_quota": 2}}
        )
        assert changed.status_code == 200
        for text in ("one", "two"):
            assert (
                await room.client.post(room.messages_url, headers=room.student, json={"content": text})
            ).status_code == 200
        third = await room.client.post(room.messages_url, headers=room.student, json={"content": "three"})
        assert third.status_code == 429
        body = third.json()
        assert body["code"] == "RATE_LIMIT_EXCEEDED"
        assert body["details"]["limit"] == 2 and body["details"]["window"] == 86400
        assert body["details"]["scope"] == "daily_messages"  # as the README's tenant settings say
        assert len(upstream.seen) == 2
        assert [m["content"] for m in await room.transcript() if m["role"] == "student"] == ["one", "two"]
        # The quota is each student's own.
        await room.client.post(
            "/v1/console/users",
            headers=room.admin,
            json={"email": "second@alpha.example.com", "name": "Second", "password": PASSWORD},
        )
        second = await bearer(room.client, "second@alpha.example.com", "alpha")
        started = await room.client.post("/v1/sessions/initialize", headers=second, json={"content_id": room.case_id})
        url = f"/v1/sessions/{started.json()['data']['id']}/messages"
        assert (await room.client.post(url, headers=second, json={"content": "mine"})).status_code == 200


def _register(email: str, name: str = "New Person") -> dict[str, str]:
    return {"email": email, "password": "long enough", "name": name}


LOOK_ALIKES = [
    "\u0430dmin@alpha.example.com",  # Cyrillic a among Latin letters
    "admin@\u0430lpha.example.com",  # ... in the domain
    "admin@alpha.\u0435x\u0430mple.com",  # a Cyrillic look-alike domain label
    "\u0440\u0430\u0443\u0440\u0430l@alpha.example.com",  # "paypal" in Cyrillic, with a Latin l
    "\u0440\u0430\u0443\u0440\u0430\u04cf@alpha.example.com",  # ... wholly in Cyrillic look-alikes
    "st\u03bfdent@alpha.example.com",  # Greek omicron
]


@pytest.mark.parametrize("email", LOOK_ALIKES)
async def test_look_alike_emails_are_refused(client: httpx.AsyncClient, email: str) -> None:
    admin = await bearer(client, "admin@alpha.example.com", "alpha")
    registered = await client.post("/v1/auth/register", headers={"X-Tenant": "alpha"}, json=_register(email))
    assert registered.status_code == 422, registered.text
    assert registered.json()["details"] == {"email": "email must not mix scripts or imitate Latin letters"}
    invited = await client.post("/v1/console/users", headers=admin, json={"email": email, "name": "N"})
    assert invited.status_code == 422, invited.text
    assert (await client.get("/v1/console/users", headers=admin)).json()["total"] == 3


@pytest.mark.parametrize(
    "email",
    [
        "\uff53tudent@alpha.example.com",
        "STUDENT@Alpha.Example.COM",
        "\uff33\uff34\uff35\uff24\uff25\uff2e\uff34@alpha.example.com",
    ],
)
async def test_an_email_spelt_differently_is_the_same_account(client: httpx.AsyncClient, email: str) -> None:
    registered = await client.post("/v1/auth/register", headers={"X-Tenant": "alpha"}, json=_register(email))
    assert registered.status_code == 409, registered.text
    assert registered.json()["details"] == {"email": "already registered"}
    # Signing in normalizes the same way, and finds the account stored before.
    signed_in = await client.post(
        "/v1/auth/login", headers={"X-Tenant": "alpha"}, json={"email": email, "password": PASSWORD}
    )
    assert signed_in.status_code == 200, signed_in.text


@pytest.mark.parametrize(
    ("email", "stored"),
    [
        ("\u0435\u043b\u0435\u043d\u0430@\u043f\u043e\u0447\u0442\u0430.\u0440\u0444", None),  # Cyrillic throughout
        ("\u674e\u96f7@\u4f8b\u5b50.\u4e2d\u56fd", None),  # Chinese
        ("\u5c71\u7530\u30bf\u30ed\u30a6@example.jp", None),  # Han and Katakana, as Japanese is written
        ("Zo\u00eb.Dvo\u0159\u00e1k@Alpha.Example.com", "zo\u00eb.dvo\u0159\u00e1k@alpha.example.com"),
    ],
)
async def test_single_script_international_emails_are_accepted(
    client: httpx.AsyncClient, email: str, stored: str | None
) -> None:
    registered = await client.post("/v1/auth/register", headers={"X-Tenant": "alpha"}, json=_register(email))
    assert registered.status_code == 201, registered.text
    signed_in = await client.post(
        "/v1/auth/login", headers={"X-Tenant": "alpha"}, json={"email": email, "password": "long enough"}
    )
    me = await client.get(
        "/v1/users/me", headers={"Authorization": f"Bearer {signed_in.json()['data']['access_token']}"}
    )
    assert me.json()["data"]["email"] == (stored or email)


@pytest.mark.parametrize("name", ["Ada\u202eecnaL", "Ada\x00", "\u2067Ada"])
async def test_names_that_hide_characters_are_refused_at_sign_up(client: httpx.AsyncClient, name: str) -> None:
    registered = await client.post(
        "/v1/auth/register", headers={"X-Tenant": "alpha"}, json=_register("ada@alpha.example.com", name)
    )
    assert registered.status_code == 422, registered.text
    assert registered.json()["details"] == {
        "name": "value must not contain control characters or bidirectional overrides"
    }
