from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass

import httpx
import pytest
from fastapi import FastAPI

from mentora.app import create_app
from mentora.config import Settings
from tests.conftest import contract_client
from tests.support.case_study import CASE_STUDY
from tests.support.fake_ai import API_KEY, FakeAIProvider, running_fake_ai
from tests.support.identity import Identity, bearer


@pytest.fixture
def fake_ai() -> Iterator[FakeAIProvider]:
    with running_fake_ai() as provider:
        yield provider


@pytest.fixture
def tutoring_settings(settings: Settings) -> Settings:
    return settings.model_copy(
        update={
            "outbound_read_timeout": 0.5,
            "outbound_total_timeout": 3.0,
            "outbound_attempts": 2,
            "circuit_failure_threshold": 3,
            "circuit_open_seconds": 1.0,
        }
    )


@pytest.fixture
async def tutoring_app(tutoring_settings: Settings, identity: Identity) -> AsyncIterator[FastAPI]:
    app = create_app(tutoring_settings)
    async with app.router.lifespan_context(app):
        yield app


@pytest.fixture
async def http(tutoring_app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    async with contract_client(tutoring_app, timeout=20) as client:
        yield client


@dataclass
class Classroom:
    """Tenant alpha on the fake provider, tenant beta on the offline tutor, a case study each."""

    alpha_case: str
    beta_case: str
    alpha_student: dict[str, str]
    beta_student: dict[str, str]
    alpha_admin: dict[str, str]
    alpha_faculty: dict[str, str]
    operator: dict[str, str]


async def add_case_study(http: httpx.AsyncClient, admin: dict[str, str]) -> str:
    response = await http.post("/v1/console/case-studies", headers=admin, json=CASE_STUDY)
    assert response.status_code == 201, response.text
    return str(response.json()["data"]["id"])


@pytest.fixture
async def classroom(http: httpx.AsyncClient, identity: Identity, fake_ai: FakeAIProvider) -> Classroom:
    operator = await bearer(http, "operator@platform.example.com", "platform")
    configured = await http.patch(
        f"/v1/console/tenants/{identity.a.id}",
        headers=operator,
        json={"ai_config": {"base_url": fake_ai.base_url, "model": "fake-1", "api_key": API_KEY}},
    )
    assert configured.status_code == 200
    alpha_admin = await bearer(http, identity.a.email("ADMIN"), "alpha")
    beta_admin = await bearer(http, identity.b.email("ADMIN"), "beta")
    return Classroom(
        alpha_case=await add_case_study(http, alpha_admin),
        beta_case=await add_case_study(http, beta_admin),
        alpha_student=await bearer(http, identity.a.email("STUDENT"), "alpha"),
        beta_student=await bearer(http, identity.b.email("STUDENT"), "beta"),
        alpha_admin=alpha_admin,
        alpha_faculty=await bearer(http, identity.a.email("FACULTY"), "alpha"),
        operator=operator,
    )
