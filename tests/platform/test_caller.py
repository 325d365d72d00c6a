"""Who is calling, read once per request: the token, the named tenant, the client address."""

from __future__ import annotations

import pytest

from mentora.app import create_app
from mentora.config import Settings
from mentora.contract import AuthenticationError
from mentora.platform.caller import Caller, CallerReader, NamedTenant, TenantNaming
from mentora.platform.security.tokens import TokenService
from tests.conftest import contract_client
from tests.support.identity import Identity, bearer


def read(settings: Settings, *headers: tuple[str, str], client: tuple[str, int] | None = ("192.0.2.7", 1)) -> Caller:
    reader = CallerReader(TokenService(settings), "mentora.test")
    scope = {"type": "http", "headers": [(k.lower().encode(), v.encode()) for k, v in headers], "client": client}
    return reader.read(scope)


@pytest.mark.parametrize(
    ("headers", "named"),
    [
        ((("X-Tenant", " Alpha "), ("host", "beta.mentora.test")), NamedTenant(TenantNaming.HEADER, "alpha")),
        ((("host", "Beta.Mentora.Test:8443"),), NamedTenant(TenantNaming.SUBDOMAIN, "beta")),
        ((("host", "a.b.mentora.test"),), NamedTenant(TenantNaming.DOMAIN, "a.b.mentora.test")),
        ((("host", "learn.alpha.edu"),), NamedTenant(TenantNaming.DOMAIN, "learn.alpha.edu")),
        ((("X-Tenant", ""), ("host", "beta.mentora.test")), NamedTenant(TenantNaming.SUBDOMAIN, "beta")),
        ((), None),
    ],
)
def test_the_named_tenant_and_how_it_was_named(
    settings: Settings, headers: tuple[tuple[str, str], ...], named: NamedTenant | None
) -> None:
    assert read(settings, *headers).named_tenant == named


def test_an_empty_tenant_header_is_still_one_sent(settings: Settings) -> None:
    assert read(settings, ("X-Tenant", "")).tenant_header == ""
    assert read(settings).tenant_header is None


def test_the_token_is_verified_and_its_outcome_kept(settings: Settings) -> None:
    tokens = TokenService(settings)
    token = tokens.issue_access(user_id="u1", tenant_id="t1", role="STUDENT", session_id="s1").token
    valid = read(settings, ("Authorization", f"Bearer {token}"), ("Authorization", "Bearer second"))
    assert valid.holds_valid_token and valid.claims is not None and valid.claims.user_id == "u1"
    forged = read(settings, ("Authorization", "Bearer not.a.token"))
    assert not forged.holds_valid_token and isinstance(forged.token_error, AuthenticationError)
    assert forged.token == "not.a.token"
    for anonymous in (read(settings), read(settings, ("Authorization", "Basic dXNlcjpwYXNz"))):
        assert (anonymous.token, anonymous.claims, anonymous.token_error) == (None, None, None)


def test_the_client_address_is_the_servers(settings: Settings) -> None:
    assert read(settings).client_ip == "192.0.2.7"
    assert read(settings, client=None).client_ip == "-"


@pytest.mark.usefixtures("identity")
async def test_a_request_verifies_its_token_once(
    settings: Settings, identity: Identity, monkeypatch: pytest.MonkeyPatch
) -> None:
    app = create_app(settings)
    async with app.router.lifespan_context(app), contract_client(app) as client:
        headers = {**await bearer(client, "student@alpha.example.com", "alpha"), "X-Tenant": "alpha"}
        verified: list[str] = []
        verify = TokenService.verify_access

        def counted(self: TokenService, token: str) -> object:
            verified.append(token)
            return verify(self, token)

        monkeypatch.setattr(TokenService, "verify_access", counted)
        response = await client.get("/v1/users/me", headers={**headers, "Origin": "https://elsewhere.example"})
        assert response.status_code == 200
        assert len(verified) == 1
