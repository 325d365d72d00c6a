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
"""

from __future__ import annotations

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
