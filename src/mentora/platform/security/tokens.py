"""Access tokens (signed JWTs, PyJWT) and opaque refresh tokens.

Verification order matters for the contract: everything but expiry is checked first
(format, algorithm, key, signature, issuer, audience, type, claims), and only a token
that passes all of it can be TOKEN_EXPIRED. A forged or foreign token is
AUTHENTICATION_ERROR whatever its ``exp``, so it never sends a client into a refresh loop.
"""

from __future__ import annotations

import hashlib
import secrets
import time
import uuid
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey, RSAPublicKey

from mentora.config import Settings
from mentora.contract import AuthenticationError
from mentora.platform.keys import load_or_create, random_secret

ACCESS_TYPE = "access"
REQUIRED_CLAIMS = ["iss", "aud", "sub", "tenant", "role", "typ", "iat", "exp", "jti", "sid"]
INVALID_TOKEN = "Invalid access token"  # noqa: S105 (a message)
VERIFIED_TOKENS_KEPT = 50_000  # ~30 MB at most; cleared when full, it refills from live traffic


@dataclass(frozen=True, slots=True)
class VerificationKey:
    algorithm: str
    key: Any


@dataclass(frozen=True, slots=True)
class AccessClaims:
    user_id: str
    tenant_id: str
    role: str
    session_id: str
    expires_at: int
    expired: bool = False  # genuine but past ``exp``: TOKEN_EXPIRED once the rest checks out


@dataclass(frozen=True, slots=True)
class IssuedAccessToken:
    token: str
    expires_in: int


def _algorithm_for(public_key: Any) -> str:
    if isinstance(public_key, Ed25519PublicKey):
        return "EdDSA"
    if isinstance(public_key, RSAPublicKey):
        return "RS256"
    raise ValueError("signing keys must be Ed25519 or RSA")


def _load_public_key(path: Path) -> Any:
    data = path.read_bytes()
    try:
        return serialization.load_pem_public_key(data)
    except ValueError:
        return serialization.load_pem_private_key(data, password=None).public_key()


class TokenService:
    def __init__(self, settings: Settings) -> None:
        self._issuer = settings.jwt_issuer
        self._audience = settings.jwt_audience
        self._lifetime = max(1, round(settings.access_token_minutes * 60))
        self._leeway = settings.token_leeway_seconds
        self._verification_keys: dict[str, VerificationKey] = {}
        if settings.jwt_private_key_file is not None:
            private_key = serialization.load_pem_private_key(settings.jwt_private_key_file.read_bytes(), password=None)
            if not isinstance(private_key, Ed25519PrivateKey | RSAPrivateKey):
                raise ValueError("MENTORA_JWT_PRIVATE_KEY_FILE must hold an Ed25519 or RSA key")
            algorithm = _algorithm_for(private_key.public_key())
            self._kid = settings.jwt_key_id or "default"
            self._signing_key: Any = private_key
            self._verification_keys[self._kid] = VerificationKey(algorithm, private_key.public_key())
        else:
            secret = settings.jwt_secret or load_or_create(settings.data_dir / "keys" / "jwt-hs256.key", random_secret)
            algorithm = "HS256"
            self._kid = "hs-" + hashlib.sha256(secret.encode()).hexdigest()[:12]
            self._signing_key = secret
            self._verification_keys[self._kid] = VerificationKey(algorithm, secret)
        self._algorithm = algorithm
        for kid, path in settings.jwt_public_key_files.items():
            public_key = _load_public_key(path)
            self._verification_keys.setdefault(kid, VerificationKey(_algorithm_for(public_key), public_key))
        # Verifying costs ~75 us (PyJWT checks the base64 character by character) and a client
        # sends the same token until it expires, so each worker keeps what it verified, keyed by
        # the exact token text. Only expiry changes with time; it is computed on every use.
        # Worth +14-26% req/s on GET /v1/users/me (docs/benchmarks.md).
        self._verified: dict[str, AccessClaims] = {}

    @property
    def access_lifetime(self) -> int:
        return self._lifetime

    def issue_access(self, *, user_id: str, tenant_id: str, role: str, session_id: str) -> IssuedAccessToken:
        now = int(time.time())
        claims = {
            "iss": self._issuer,
            "aud": self._audience,
            "sub": user_id,
            "tenant": tenant_id,
            "role": role,
            "typ": ACCESS_TYPE,
            "sid": session_id,
            "iat": now,
            "exp": now + self._lifetime,
            "jti": uuid.uuid4().hex,
        }
        token = jwt.encode(claims, self._signing_key, algorithm=self._algorithm, headers={"kid": self._kid})
        return IssuedAccessToken(token=token, expires_in=self._lifetime)

    def verify_access(self, token: str) -> AccessClaims:
        claims = self._verified.get(token)
        if claims is None:
            claims = self._verify_signed_claims(token)
            if len(self._verified) >= VERIFIED_TOKENS_KEPT:
                self._verified.clear()
            self._verified[token] = claims
        if claims.expires_at + self._leeway < time.time():
            return replace(claims, expired=True)
        return claims

    def _verify_signed_claims(self, token: str) -> AccessClaims:
        """Everything but expiry (format, key, algorithm, signature, issuer, audience, claims)."""
        try:
            header = jwt.get_unverified_header(token)
        except jwt.PyJWTError:
            raise AuthenticationError(INVALID_TOKEN) from None
        key = self._verification_keys.get(str(header.get("kid")))
        # The algorithm comes from our key, never from the token: no "none", no HS/RS confusion.
        if key is None or header.get("alg") != key.algorithm:
            raise AuthenticationError(INVALID_TOKEN)
        try:
            claims = jwt.decode(
                token,
                key.key,
                algorithms=[key.algorithm],
                audience=self._audience,
                issuer=self._issuer,
                leeway=self._leeway,
                options={"verify_exp": False, "require": REQUIRED_CLAIMS},
            )
        except jwt.PyJWTError:
            raise AuthenticationError(INVALID_TOKEN) from None
        if claims["typ"] != ACCESS_TYPE or not all(
            isinstance(claims[name], str) for name in ("sub", "tenant", "role", "sid")
        ):
            raise AuthenticationError(INVALID_TOKEN)
        expires_at = claims["exp"]
        if not isinstance(expires_at, int):
            raise AuthenticationError(INVALID_TOKEN)
        return AccessClaims(
            user_id=claims["sub"],
            tenant_id=claims["tenant"],
            role=claims["role"],
            session_id=claims["sid"],
            expires_at=expires_at,
        )


def new_refresh_token() -> str:
    return secrets.token_urlsafe(32)


def hash_refresh_token(token: str) -> str:
    """Refresh tokens are stored hashed: a database leak does not hand out sessions."""
    return hashlib.sha256(token.encode()).hexdigest()
