"""Forged, altered, foreign and expired access tokens, against the real app.

Only a genuine token whose ``exp`` has passed is TOKEN_EXPIRED; everything else is
AUTHENTICATION_ERROR, so a forged token never sends a client into a refresh loop.
"""

from __future__ import annotations

import base64
import json
import time
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from fastapi import FastAPI

from mentora.app import create_app
from mentora.config import Settings
from tests.conftest import contract_client
from tests.support.identity import Identity, bearer, login

SECRET = "a-test-signing-secret-that-is-long-enough-for-hs256"


@pytest.fixture
def hs_settings(settings: Settings) -> Settings:
    return settings.model_copy(update={"jwt_secret": SECRET})


@pytest.fixture
async def hs_client(hs_settings: Settings, identity: Identity) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(hs_settings)
    async with app.router.lifespan_context(app), contract_client(app) as client:
        yield client


def claims_of(token: str) -> tuple[dict[str, Any], dict[str, Any]]:
    return jwt.get_unverified_header(token), jwt.decode(token, options={"verify_signature": False})


def b64(data: dict[str, Any]) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()


async def me(client: httpx.AsyncClient, token: str, **headers: str) -> httpx.Response:
    return await client.get("/v1/users/me", headers={"Authorization": f"Bearer {token}", **headers})


async def genuine(client: httpx.AsyncClient) -> str:
    return (await login(client, "student@alpha.example.com", "alpha"))["access_token"]


def assert_rejected(response: httpx.Response, challenge: str = 'Bearer error="invalid_token"') -> None:
    assert response.status_code == 401
    assert response.json()["code"] == "AUTHENTICATION_ERROR", response.json()
    assert response.headers["www-authenticate"] == challenge


async def test_genuine_token_works(hs_client: httpx.AsyncClient) -> None:
    assert (await me(hs_client, await genuine(hs_client))).status_code == 200


async def test_missing_or_malformed_credentials(hs_client: httpx.AsyncClient) -> None:
    # No bearer token sent: the bare challenge (RFC 6750 section 3.1).
    assert_rejected(await hs_client.get("/v1/users/me"), "Bearer")
    assert_rejected(await hs_client.get("/v1/users/me", headers={"Authorization": "Basic dXNlcjpwYXNz"}), "Bearer")
    assert_rejected(await hs_client.get("/v1/users/me", headers={"Authorization": "Bearer "}), "Bearer")
    assert_rejected(await me(hs_client, "not.a.jwt"))
    assert_rejected(await me(hs_client, "a" * 5000))


async def test_alg_none(hs_client: httpx.AsyncClient) -> None:
    header, claims = claims_of(await genuine(hs_client))
    unsigned = f"{b64({**header, 'alg': 'none'})}.{b64(claims)}."
    assert_rejected(await me(hs_client, unsigned))


async def test_tampered_payload(hs_client: httpx.AsyncClient) -> None:
    token = await genuine(hs_client)
    header_part, _, signature = token.split(".")
    _, claims = claims_of(token)
    tampered = f"{header_part}.{b64({**claims, 'role': 'SUPER_ADMIN'})}.{signature}"
    assert_rejected(await me(hs_client, tampered))


async def test_wrong_key(hs_client: httpx.AsyncClient) -> None:
    header, claims = claims_of(await genuine(hs_client))
    forged = jwt.encode(claims, "some-other-secret-of-sufficient-length-xx", algorithm="HS256", headers=header)
    assert_rejected(await me(hs_client, forged))


@pytest.mark.parametrize(("claim", "value"), [("iss", "evil"), ("aud", "other-api"), ("typ", "refresh")])
async def test_wrong_issuer_audience_or_type(hs_client: httpx.AsyncClient, claim: str, value: str) -> None:
    header, claims = claims_of(await genuine(hs_client))
    assert_rejected(
        await me(hs_client, jwt.encode({**claims, claim: value}, SECRET, algorithm="HS256", headers=header))
    )


@pytest.mark.parametrize("claim", ["sub", "tenant", "sid", "exp", "jti"])
async def test_missing_claim(hs_client: httpx.AsyncClient, claim: str) -> None:
    header, claims = claims_of(await genuine(hs_client))
    del claims[claim]
    assert_rejected(await me(hs_client, jwt.encode(claims, SECRET, algorithm="HS256", headers=header)))


async def test_forged_and_expired_is_not_token_expired(hs_client: httpx.AsyncClient) -> None:
    header, claims = claims_of(await genuine(hs_client))
    expired = {**claims, "exp": int(time.time()) - 3600}
    assert_rejected(await me(hs_client, jwt.encode(expired, "wrong-secret-of-sufficient-length-xxxxx", headers=header)))
    assert_rejected(await me(hs_client, jwt.encode({**expired, "aud": "x"}, SECRET, headers=header)))


async def test_genuine_and_expired_is_token_expired(hs_client: httpx.AsyncClient) -> None:
    header, claims = claims_of(await genuine(hs_client))
    expired = jwt.encode({**claims, "exp": int(time.time()) - 120}, SECRET, algorithm="HS256", headers=header)
    response = await me(hs_client, expired)
    assert response.status_code == 401
    assert response.json() == {
        "success": False,
        "error": "Access token has expired",
        "code": "TOKEN_EXPIRED",
        "details": {},
    }
    assert response.headers["www-authenticate"] == (
        'Bearer error="invalid_token", error_description="access token expired"'
    )


async def test_expired_within_leeway_is_accepted(hs_client: httpx.AsyncClient) -> None:
    header, claims = claims_of(await genuine(hs_client))
    barely = jwt.encode({**claims, "exp": int(time.time()) - 5}, SECRET, algorithm="HS256", headers=header)
    assert (await me(hs_client, barely)).status_code == 200


async def test_token_of_another_tenant(hs_client: httpx.AsyncClient) -> None:
    token = await genuine(hs_client)  # alpha's
    assert_rejected(await me(hs_client, token, **{"X-Tenant": "beta"}))
    assert_rejected(await me(hs_client, token, **{"X-Tenant": "no-such-tenant"}))
    assert (await me(hs_client, token, **{"X-Tenant": "alpha"})).status_code == 200


def write_key(path: Path, key: Ed25519PrivateKey) -> Path:
    path.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    return path


async def test_asymmetric_keys_rotation_and_hs_rs_confusion(
    settings: Settings, identity: Identity, tmp_path: Path
) -> None:
    old_key, new_key = Ed25519PrivateKey.generate(), Ed25519PrivateKey.generate()
    old_file, new_file = write_key(tmp_path / "old.pem", old_key), write_key(tmp_path / "new.pem", new_key)
    old_app = create_app(settings.model_copy(update={"jwt_private_key_file": old_file, "jwt_key_id": "k1"}))
    async with old_app.router.lifespan_context(old_app), contract_client(old_app) as client:
        old_token = await genuine(client)
    assert jwt.get_unverified_header(old_token) == {"alg": "EdDSA", "kid": "k1", "typ": "JWT"}

    rotated = settings.model_copy(
        update={"jwt_private_key_file": new_file, "jwt_key_id": "k2", "jwt_public_key_files": {"k1": old_file}}
    )
    app: FastAPI = create_app(rotated)
    async with app.router.lifespan_context(app), contract_client(app) as client:
        new_token = await genuine(client)
        assert jwt.get_unverified_header(new_token)["kid"] == "k2"
        assert (await me(client, new_token)).status_code == 200
        assert (await me(client, old_token)).status_code == 200  # signed by the previous key, still accepted

        _, claims = claims_of(new_token)
        public_pem = new_key.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        )
        # HS/asymmetric confusion: HMAC-signed with the public key as the secret.
        confused = _hmac_token({"alg": "HS256", "kid": "k2", "typ": "JWT"}, claims, public_pem)
        assert_rejected(await me(client, confused))
        assert_rejected(
            await me(client, jwt.encode(claims, Ed25519PrivateKey.generate(), algorithm="EdDSA", headers={"kid": "k2"}))
        )
        assert_rejected(await me(client, jwt.encode(claims, new_key, algorithm="EdDSA", headers={"kid": "k9"})))


def _hmac_token(header: dict[str, Any], claims: dict[str, Any], secret: bytes) -> str:
    """PyJWT refuses to HMAC with a PEM key, so an attacker would sign by hand; so do we."""
    import hashlib
    import hmac

    signing_input = f"{b64(header)}.{b64(claims)}".encode()
    signature = base64.urlsafe_b64encode(hmac.new(secret, signing_input, hashlib.sha256).digest()).rstrip(b"=")
    return f"{signing_input.decode()}.{signature.decode()}"


async def test_expired_but_otherwise_invalid_is_not_token_expired(settings: Settings, identity: Identity) -> None:
    secret = "another-test-secret-long-enough-for-hs256-xx"
    app = create_app(settings.model_copy(update={"jwt_secret": secret}))
    async with app.router.lifespan_context(app), contract_client(app) as client:
        admin = await bearer(client, identity.a.email("ADMIN"), "alpha")
        token = (await login(client, identity.a.email("STUDENT"), "alpha"))["access_token"]
        header = jwt.get_unverified_header(token)
        claims = jwt.decode(token, options={"verify_signature": False})
        expired = jwt.encode({**claims, "exp": int(time.time()) - 600}, secret, headers=header)
        auth = {"Authorization": f"Bearer {expired}"}
        assert (await client.get("/v1/users/me", headers=auth)).json()["code"] == "TOKEN_EXPIRED"
        other_tenant = await client.get("/v1/users/me", headers={**auth, "X-Tenant": "beta"})
        assert other_tenant.json()["code"] == "AUTHENTICATION_ERROR"
        await client.post(f"/v1/console/users/{identity.a.user_ids['STUDENT']}/deactivate", headers=admin)
        deactivated = await client.get("/v1/users/me", headers=auth)
        assert deactivated.json()["code"] == "AUTHENTICATION_ERROR"


async def test_rs256_keys(settings: Settings, identity: Identity, tmp_path: Path) -> None:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    path = tmp_path / "rsa.pem"
    path.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    app = create_app(settings.model_copy(update={"jwt_private_key_file": path, "jwt_key_id": "rsa-1"}))
    async with app.router.lifespan_context(app), contract_client(app) as client:
        token = (await login(client, identity.a.email("STUDENT"), "alpha"))["access_token"]
        assert jwt.get_unverified_header(token)["alg"] == "RS256"
        assert (await client.get("/v1/users/me", headers={"Authorization": f"Bearer {token}"})).status_code == 200
