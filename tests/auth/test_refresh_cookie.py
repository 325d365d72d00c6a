"""The refresh token as an HttpOnly cookie (browser apps), with its CSRF token: on SQLite and PostgreSQL.

httpx's cookie jar sends no ``Secure`` cookie over http, so each request names its
cookies in an explicit ``Cookie`` header, as a browser would send them.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from dataclasses import dataclass

import httpx
import pytest
from fastapi import FastAPI
from sqlalchemy import func, select

from mentora.app import create_app
from mentora.config import Settings
from mentora.platform.idempotency import IdempotencyRecord
from tests.conftest import contract_client
from tests.support.contract import check_response
from tests.support.identity import PASSWORD, Identity

pytestmark = pytest.mark.usefixtures("db_identity")

THIRTY_DAYS = 30 * 24 * 60 * 60
STUDENT = "student@alpha.example.com"
CLEARED = [
    "mentora_refresh=; Path=/v1/auth; HttpOnly; Secure; SameSite=Strict; Max-Age=0",
    "mentora_csrf=; Path=/; Secure; SameSite=Strict; Max-Age=0",
]
BAD_CSRF = {
    "success": False,
    "error": "Missing or invalid CSRF token",
    "code": "AUTHORIZATION_ERROR",
    "details": {"required": "X-CSRF-Token"},
}


@dataclass(frozen=True)
class BrowserSignIn:
    """What a browser holds after a cookie sign-in: the access token in memory, two cookies."""

    access_token: str
    refresh: str
    csrf: str

    @property
    def cookie(self) -> str:
        return f"mentora_refresh={self.refresh}; mentora_csrf={self.csrf}"

    @property
    def bearer(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.access_token}"}


def cookies_set(response: httpx.Response) -> dict[str, str]:
    """Each cookie a response sets, by name, with its attributes as sent."""
    return {value.split("=", 1)[0]: value for value in response.headers.get_list("set-cookie")}


def signed_in(response: httpx.Response) -> BrowserSignIn:
    assert response.status_code in (200, 201), response.text
    assert response.json()["data"]["refresh_token"] is None
    cookies = cookies_set(response)
    assert set(cookies) == {"mentora_refresh", "mentora_csrf"}
    refresh, csrf = (cookies[name].split(";", 1)[0].split("=", 1)[1] for name in ("mentora_refresh", "mentora_csrf"))
    return BrowserSignIn(response.json()["data"]["access_token"], refresh, csrf)


async def cookie_login(client: httpx.AsyncClient, email: str = STUDENT) -> BrowserSignIn:
    response = await client.post(
        "/v1/auth/login",
        json={"email": email, "password": PASSWORD, "refresh_cookie": True},
        headers={"X-Tenant": "alpha"},
    )
    return signed_in(response)


async def cookie_call(
    client: httpx.AsyncClient, action: str, cookie: str, csrf: str | bytes | None, **headers: str
) -> httpx.Response:
    sent: dict[str, str | bytes] = {"Cookie": cookie, **headers}
    if csrf is not None:
        sent["X-CSRF-Token"] = csrf
    return await client.post(f"/v1/auth/{action}", json={}, headers=sent)


async def can_refresh(client: httpx.AsyncClient, browser: BrowserSignIn) -> BrowserSignIn:
    return signed_in(await cookie_call(client, "refresh", browser.cookie, browser.csrf))


@pytest.fixture
async def no_grace_app(db_settings: Settings, db_identity: Identity) -> AsyncIterator[FastAPI]:
    """Any second use of a rotated refresh token is a replay: a request that rotated in
    secret is caught by the next use of the token it rotated."""
    app = create_app(db_settings.model_copy(update={"refresh_reuse_grace_seconds": 0.0}))
    async with app.router.lifespan_context(app):
        yield app


@pytest.fixture
async def no_grace(no_grace_app: FastAPI) -> AsyncIterator[httpx.AsyncClient]:
    async with contract_client(no_grace_app) as client:
        yield client


async def test_login_with_refresh_cookie_sets_both_cookies_exactly(db_client: httpx.AsyncClient) -> None:
    response = await db_client.post(
        "/v1/auth/login",
        json={"email": STUDENT, "password": PASSWORD, "refresh_cookie": True},
        headers={"X-Tenant": "alpha"},
    )
    browser = signed_in(response)
    assert cookies_set(response) == {
        "mentora_refresh": f"mentora_refresh={browser.refresh}; Path=/v1/auth; HttpOnly; Secure; SameSite=Strict; "
        f"Max-Age={THIRTY_DAYS}",
        "mentora_csrf": f"mentora_csrf={browser.csrf}; Path=/; Secure; SameSite=Strict; Max-Age={THIRTY_DAYS}",
    }
    assert len(browser.refresh) >= 43 and len(browser.csrf) == 43  # 256 bits each, base64url
    assert browser.csrf != browser.refresh
    assert (await db_client.get("/v1/users/me", headers=browser.bearer)).status_code == 200


async def test_login_without_the_flag_is_unchanged(db_client: httpx.AsyncClient) -> None:
    response = await db_client.post(
        "/v1/auth/login", json={"email": STUDENT, "password": PASSWORD}, headers={"X-Tenant": "alpha"}
    )
    assert response.status_code == 200
    assert response.headers.get_list("set-cookie") == []
    assert isinstance(response.json()["data"]["refresh_token"], str)
    body_token = response.json()["data"]["refresh_token"]
    refreshed = await db_client.post("/v1/auth/refresh", json={"refresh_token": body_token})
    assert refreshed.status_code == 200 and isinstance(refreshed.json()["data"]["refresh_token"], str)


async def test_register_with_refresh_cookie(db_client: httpx.AsyncClient) -> None:
    response = await db_client.post(
        "/v1/auth/register",
        json={"email": "browser@example.com", "password": "long enough", "name": "B", "refresh_cookie": True},
        headers={"X-Tenant": "alpha"},
    )
    assert response.status_code == 201
    browser = signed_in(response)
    assert "HttpOnly" in cookies_set(response)["mentora_refresh"]
    me = await db_client.get("/v1/users/me", headers=browser.bearer)
    assert me.json()["data"]["email"] == "browser@example.com"
    assert (await can_refresh(db_client, browser)).refresh != browser.refresh


async def test_cookie_refresh_rotates_and_sets_new_cookies(no_grace: httpx.AsyncClient) -> None:
    first = await cookie_login(no_grace)
    response = await cookie_call(no_grace, "refresh", first.cookie, first.csrf)
    second = signed_in(response)
    assert second.refresh != first.refresh and second.csrf != first.csrf
    assert "Path=/v1/auth; HttpOnly; Secure; SameSite=Strict" in cookies_set(response)["mentora_refresh"]
    assert (await no_grace.get("/v1/users/me", headers=second.bearer)).status_code == 200
    third = await can_refresh(no_grace, second)  # the new cookie works with the new CSRF token
    assert third.refresh not in (first.refresh, second.refresh)


@pytest.mark.parametrize(
    "csrf", [None, "", "not-the-token", "é".encode("latin-1")], ids=["missing", "empty", "wrong", "non-ascii"]
)
async def test_a_cookie_without_its_csrf_token_is_refused_and_changes_nothing(
    no_grace: httpx.AsyncClient, csrf: str | bytes | None
) -> None:
    browser = await cookie_login(no_grace)
    for action in ("refresh", "logout"):
        refused = await cookie_call(no_grace, action, browser.cookie, csrf)
        assert refused.status_code == 403
        assert refused.json() == BAD_CSRF
        assert refused.headers.get_list("set-cookie") == []
    # Neither rotated nor ended anything: without a grace window, a rotation would make this a replay.
    assert (await no_grace.get("/v1/users/me", headers=browser.bearer)).status_code == 200
    await can_refresh(no_grace, browser)


async def test_the_csrf_token_of_another_sign_in_is_refused(no_grace: httpx.AsyncClient) -> None:
    mine = await cookie_login(no_grace)
    other = await cookie_login(no_grace)
    refused = await cookie_call(no_grace, "refresh", mine.cookie, other.csrf)
    assert refused.json() == BAD_CSRF
    # Nor is an earlier CSRF token of the same sign-in, once its refresh token has rotated.
    rotated = await can_refresh(no_grace, mine)
    assert (await cookie_call(no_grace, "refresh", rotated.cookie, mine.csrf)).json() == BAD_CSRF
    await can_refresh(no_grace, rotated)
    await can_refresh(no_grace, other)


@pytest.mark.parametrize(
    "origin", ["https://evil.example", "http://testserver.evil.example", "https://testserver", "null"]
)
async def test_a_cookie_sent_from_another_origin_is_refused(no_grace: httpx.AsyncClient, origin: str) -> None:
    browser = await cookie_login(no_grace)
    refused = await cookie_call(no_grace, "refresh", browser.cookie, browser.csrf, Origin=origin)
    assert refused.status_code == 403
    assert refused.json() == {
        "success": False,
        "error": "Cross-origin request refused",
        "code": "AUTHORIZATION_ERROR",
        "details": {"required": "same-origin"},
    }
    assert refused.headers.get_list("set-cookie") == []
    accepted = await cookie_call(no_grace, "refresh", browser.cookie, browser.csrf, Origin="http://testserver")
    assert accepted.status_code == 200


async def test_the_own_origin_is_the_scheme_the_server_sees(no_grace_app: FastAPI) -> None:
    """Behind a trusted proxy, uvicorn puts its X-Forwarded-Proto in the request's scheme."""
    transport = httpx.ASGITransport(app=no_grace_app)
    hooks = {"response": [check_response]}
    async with httpx.AsyncClient(transport=transport, base_url="https://api.example.edu", event_hooks=hooks) as client:
        browser = await cookie_login(client)
        plain = await cookie_call(client, "refresh", browser.cookie, browser.csrf, Origin="http://api.example.edu")
        assert plain.status_code == 403
        same = await cookie_call(client, "refresh", browser.cookie, browser.csrf, Origin="https://API.example.edu:443")
        assert same.status_code == 200


async def test_a_body_token_is_used_as_always_whatever_the_cookies(no_grace: httpx.AsyncClient) -> None:
    browser = await cookie_login(no_grace)
    plain = await no_grace.post(
        "/v1/auth/login", json={"email": STUDENT, "password": PASSWORD}, headers={"X-Tenant": "alpha"}
    )
    body_token = plain.json()["data"]["refresh_token"]
    response = await no_grace.post(
        "/v1/auth/refresh",
        json={"refresh_token": body_token},
        headers={"Cookie": browser.cookie, "Origin": "https://evil.example"},
    )
    assert response.status_code == 200
    assert response.headers.get_list("set-cookie") == []
    assert isinstance(response.json()["data"]["refresh_token"], str)
    await can_refresh(no_grace, browser)  # the cookie was not touched


async def test_no_token_and_no_cookie_is_authentication_error(db_client: httpx.AsyncClient) -> None:
    response = await db_client.post("/v1/auth/refresh", json={}, headers={"X-CSRF-Token": "anything"})
    assert response.status_code == 401
    assert response.json() == {
        "success": False,
        "error": "No refresh token",
        "code": "AUTHENTICATION_ERROR",
        "details": {"reason": "missing"},
    }
    assert response.headers["www-authenticate"] == "Bearer"
    assert response.headers.get_list("set-cookie") == []


async def test_a_replayed_cookie_revokes_the_sign_in_and_clears_the_cookies(no_grace: httpx.AsyncClient) -> None:
    stolen = await cookie_login(no_grace)
    current = await can_refresh(no_grace, stolen)
    replay = await cookie_call(no_grace, "refresh", stolen.cookie, stolen.csrf)
    assert replay.status_code == 401
    assert replay.json()["code"] == "AUTHENTICATION_ERROR"
    assert replay.headers.get_list("set-cookie") == CLEARED
    # As with a body token: the whole sign-in ended, the newest cookie and access token too.
    after = await cookie_call(no_grace, "refresh", current.cookie, current.csrf)
    assert after.status_code == 401 and after.headers.get_list("set-cookie") == CLEARED
    assert (await no_grace.get("/v1/users/me", headers=current.bearer)).status_code == 401


async def test_cookie_logout_clears_the_cookies_and_ends_the_sign_in(db_client: httpx.AsyncClient) -> None:
    browser = await cookie_login(db_client)
    assert (await db_client.get("/v1/users/me", headers=browser.bearer)).status_code == 200
    response = await cookie_call(db_client, "logout", browser.cookie, browser.csrf)
    assert response.status_code == 200
    assert response.json() == {"success": True, "data": None, "message": "Signed out"}
    assert response.headers.get_list("set-cookie") == CLEARED
    assert (await db_client.get("/v1/users/me", headers=browser.bearer)).status_code == 401
    ended = await cookie_call(db_client, "refresh", browser.cookie, browser.csrf)
    assert ended.status_code == 401
    assert ended.headers.get_list("set-cookie") == CLEARED


async def test_logout_without_any_token_succeeds_and_clears(db_client: httpx.AsyncClient) -> None:
    response = await db_client.post("/v1/auth/logout", json={})
    assert response.status_code == 200
    assert response.headers.get_list("set-cookie") == CLEARED


async def test_a_second_tab_refreshing_within_the_grace_window_keeps_the_sign_in(db_client: httpx.AsyncClient) -> None:
    """Two tabs share the cookie and may both refresh with it at once: both succeed, and
    whichever answer the browser keeps last holds a refresh token and its own CSRF token."""
    browser = await cookie_login(db_client)
    tabs = await asyncio.gather(*(cookie_call(db_client, "refresh", browser.cookie, browser.csrf) for _ in range(2)))
    assert [tab.status_code for tab in tabs] == [200, 200]
    for kept in map(signed_in, tabs):
        assert (await db_client.get("/v1/users/me", headers=kept.bearer)).status_code == 200
        await can_refresh(db_client, kept)
    # A tab that refreshes a moment later, with the cookie the first answer replaced, still succeeds.
    late = await cookie_call(db_client, "refresh", browser.cookie, browser.csrf)
    assert late.status_code == 200
    await can_refresh(db_client, signed_in(late))


async def test_another_worker_accepts_the_cookie(db_settings: Settings, db_client: httpx.AsyncClient) -> None:
    """The CSRF token is derived from the shared secrets key: nothing per process, nothing stored."""
    browser = await cookie_login(db_client)
    other = create_app(db_settings)
    async with other.router.lifespan_context(other), contract_client(other) as elsewhere:
        await can_refresh(elsewhere, browser)


async def test_an_oversized_cookie_is_validation_error(db_client: httpx.AsyncClient) -> None:
    response = await cookie_call(db_client, "refresh", f"mentora_refresh={'x' * 201}", "csrf")
    assert response.status_code == 422
    assert response.json()["details"] == {"cookie.mentora_refresh": "ensure this value has at most 200 characters"}


async def test_the_cookies_are_never_logged_nor_kept(db_settings: Settings, caplog: pytest.LogCaptureFixture) -> None:
    app = create_app(db_settings.model_copy(update={"access_log": True, "log_level": "DEBUG"}))
    async with app.router.lifespan_context(app), contract_client(app) as client:
        with caplog.at_level(logging.DEBUG):
            keyed = {"Idempotency-Key": "browser-1"}
            login = await client.post(
                "/v1/auth/login",
                json={"email": STUDENT, "password": PASSWORD, "refresh_cookie": True},
                headers={"X-Tenant": "alpha", **keyed},
            )
            browser = signed_in(login)
            rotated = signed_in(
                await client.post(
                    "/v1/auth/refresh",
                    json={},
                    headers={"Cookie": browser.cookie, "X-CSRF-Token": browser.csrf, **keyed},
                )
            )
            await cookie_call(client, "logout", rotated.cookie, rotated.csrf, **keyed)
        assert any(record.getMessage().startswith("POST /v1/auth/refresh") for record in caplog.records)
        logged = caplog.text + "".join(repr(vars(record)) for record in caplog.records)
        for secret in (browser.refresh, browser.csrf, rotated.refresh, rotated.csrf):
            assert secret not in logged
        async with app.state.services.database.sessionmaker() as session:
            kept = (await session.execute(select(func.count()).select_from(IdempotencyRecord))).scalar_one()
        assert kept == 0
