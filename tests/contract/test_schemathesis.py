"""Property-based runs of Schemathesis against the app's own spec, as each system role.

- Stateless: every operation, with generated valid and invalid requests.
- Stateful: sequences that follow the spec's links (create, then get, change, delete).

Every built-in check runs, plus ``check_schemathesis_response``: the contract's own
assertion (envelope, code, status from the catalog) on every response. Runs are
derandomized with a fixed seed, so a failure reproduces.
"""

from __future__ import annotations

import shutil
import sqlite3
import uuid
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from tempfile import TemporaryDirectory
from typing import Any

import httpx
import hypothesis
import pytest
import schemathesis
from fastapi import FastAPI

from mentora.app import create_app
from mentora.config import Settings
from mentora.platform.security.permissions import SystemRole
from tests.conftest import make_settings
from tests.support.contract import check_schemathesis_response
from tests.support.identity import PASSWORD, SIGN_IN, create_identity


def _expecting(operation_id: str, *statuses: str) -> dict[str, Any]:
    """Also accept ``statuses`` for schema-valid requests to one operation."""
    accepted = ["2xx", "3xx", "401", "403", "404", "409", "429", "5xx", *statuses]
    return {
        "include-operation-id": operation_id,
        "checks": {"positive_data_acceptance": {"expected-statuses": accepted}},
    }


CONFIG = schemathesis.Config.from_dict(
    {
        "seed": 20240601,
        "generation": {"max-examples": 5, "deterministic": True, "database": "none"},
        "checks": {
            # The contract answers a method a route lacks with 404 NOT_FOUND (and Allow), not 405.
            "unsupported_method": {"enabled": False},
            # On, like every other built-in check: a schema-valid request is accepted, a schema-violating one refused.
            "positive_data_acceptance": {"enabled": True},
            "negative_data_rejection": {"enabled": True},
        },
        # Each caller's own X-Tenant and token (see ``caller``) replace generated ones, so a negated
        # value would never be sent: fixed here, they are not generated. tests/platform/test_tenancy.py
        # tests tenant naming, tests/auth and tests/platform/test_token_attacks.py bad tokens.
        "parameters": {"header.X-Tenant": "alpha", "header.Authorization": "Bearer replaced-by-the-caller"},
        "operations": [
            # A schema-valid tenant_slug may name no tenant (TENANT_ERROR), or not the one X-Tenant names (422).
            _expecting("register", "400", "422"),
            _expecting("login", "400", "422"),
            _expecting("find_institution", "400", "422"),
            # Checked against stored data, past what a schema can say: VALIDATION_ERROR on the field.
            _expecting("change_password", "422"),  # the current password must be right
            _expecting("invite_user", "422"),  # the role must exist
            _expecting("update_user", "422"),
            # email-validator refuses special-use domains (.test, .local) that the email format allows.
            _expecting("create_tenant_admin", "422"),
            {
                "include-operation-id": "initialize_session",
                # GET /v1/sessions/initialize is GET /v1/sessions/{session_id}, so Allow rightly names GET too.
                "checks": {"allow_header_conformance": {"enabled": False}},
            },
        ],
    }
)


def _spec() -> dict[str, Any]:
    with TemporaryDirectory() as data_dir:
        return create_app(Settings(data_dir=Path(data_dir))).openapi()


schema = schemathesis.openapi.from_dict(_spec(), config=CONFIG)


@dataclass(frozen=True)
class Caller:
    """The app on a database of its own, and the headers of one signed-in role."""

    app: FastAPI
    headers: dict[str, str]
    database: Path
    signed_in: Path  # the database as it was right after signing in


def _copy_database(source: Path, target: Path) -> None:
    """Copy through SQLite itself, so the app's open connections read the copy."""
    with closing(sqlite3.connect(source)) as origin, closing(sqlite3.connect(target)) as copy:
        origin.backup(copy)


@pytest.fixture(scope="module")
async def seeded_database(tmp_path_factory: pytest.TempPathFactory, sqlite_template: Path) -> Path:
    """The identity's tenants and users, created once and copied for every test (~180 of them)."""
    data_dir = tmp_path_factory.mktemp("schemathesis-seed")
    shutil.copy(sqlite_template, data_dir / "mentora.db")
    await create_identity(make_settings(data_dir))
    return data_dir / "mentora.db"


@pytest.fixture(params=list(SystemRole), ids=str)
async def caller(request: pytest.FixtureRequest, settings: Settings, seeded_database: Path) -> Caller:
    shutil.copy(seeded_database, settings.data_dir / "mentora.db")
    # Rate limits would turn a long run into 429s; tests/platform/test_rate_limits.py covers them.
    app = create_app(settings.model_copy(update={"rate_limits_enabled": False}))
    email, tenant = SIGN_IN[request.param]
    async with (
        app.router.lifespan_context(app),
        httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://testserver") as client,
    ):
        login = await client.post(
            "/v1/auth/login", json={"email": email, "password": PASSWORD}, headers={"X-Tenant": tenant}
        )
    assert login.status_code == 200, login.text
    token = login.json()["data"]["access_token"]
    database = settings.data_dir / "mentora.db"
    signed_in = settings.data_dir / "signed-in.db"
    _copy_database(database, signed_in)
    return Caller(app, {"Authorization": f"Bearer {token}", "X-Tenant": tenant}, database, signed_in)


def _call_kwargs(case: schemathesis.Case, caller: Caller) -> dict[str, Any]:
    """Send ``case`` to the caller's app, as the caller, the way a client would."""
    # The checks' own probes (ignored_auth) pick their transport from the schema, not the call.
    case.operation.schema.app = caller.app
    # The key's rule is in words, not in the schema: one request per key, of letters, digits and
    # "._:-" (tests/platform/test_idempotency.py). Each example sends its own, as the SDKs do.
    if case.headers and "Idempotency-Key" in case.headers:
        case.headers["Idempotency-Key"] = str(uuid.uuid4())
    headers = dict(caller.headers)
    if case.headers is None or "Authorization" not in case.headers:
        # A negative case that removed the token on purpose: send it without one (a positive
        # case always carries one, which the caller's replaces).
        del headers["Authorization"]
    return {"app": caller.app, "headers": headers}


@schema.parametrize()
# One app per operation and role, shared by its examples the way a server is.
@hypothesis.settings(suppress_health_check=[hypothesis.HealthCheck.function_scoped_fixture])
def test_every_operation(case: schemathesis.Case, caller: Caller) -> None:
    case.call_and_validate(**_call_kwargs(case, caller), additional_checks=[check_schemathesis_response])


def test_linked_operations(caller: Caller) -> None:
    class RoleStateMachine(schema.as_state_machine()):  # type: ignore[misc]
        def setup(self) -> None:
            # Each scenario starts from the same data: Hypothesis replays scenarios and must see the
            # same answers (else FlakyStrategyDefinition), and a slug taken by an earlier one is CONFLICT.
            _copy_database(caller.signed_in, caller.database)

        def get_call_kwargs(self, case: schemathesis.Case) -> dict[str, Any]:
            return _call_kwargs(case, caller)

        def validate_response(self, response: schemathesis.Response, case: schemathesis.Case, **kwargs: Any) -> None:
            super().validate_response(response, case, additional_checks=[check_schemathesis_response], **kwargs)

    RoleStateMachine.run(
        settings=hypothesis.settings(
            max_examples=15,
            stateful_step_count=8,
            derandomize=True,
            database=None,
            deadline=None,
            suppress_health_check=list(hypothesis.HealthCheck),
        )
    )
