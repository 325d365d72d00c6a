"""What the sync and async clients share: configuration, request preparation, decoding."""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

import httpx

from mentora_client._retry import RetryPolicy, takes_idempotency_key
from mentora_client._version import __version__
from mentora_client.errors import MentoraError, TransportError, error_from_response
from mentora_client.hooks import Hooks, Tokens
from mentora_client.types import TokenPair

DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=5.0)
REFRESH_PATH = "/v1/auth/refresh"

Params = Mapping[str, str | int | float | bool | None]


@dataclass(frozen=True)
class ClientConfig:
    tenant: str | None = None
    retry: RetryPolicy = field(default_factory=RetryPolicy)
    idempotency_keys: bool = True
    hooks: Hooks = field(default_factory=Hooks)


@dataclass(frozen=True)
class Call:
    """One logical call: every attempt of it sends the same method, URL, body and key."""

    method: str
    path: str
    params: dict[str, str | int | float | bool]
    content: bytes | None
    headers: dict[str, str]
    authenticated: bool
    idempotency_key: str | None

    @property
    def keyed(self) -> bool:
        return self.idempotency_key is not None


def prepare_call(
    config: ClientConfig,
    method: str,
    path: str,
    *,
    params: Params | None,
    json_body: Any,
    headers: Mapping[str, str] | None,
    authenticated: bool,
    idempotency_key: str | None,
) -> Call:
    method = method.upper()
    if not takes_idempotency_key(method, path):
        idempotency_key = None  # the server would ignore it, so it must not make the call look retryable
    elif idempotency_key is None and config.idempotency_keys:
        idempotency_key = str(uuid.uuid4())
    sent_headers = base_headers(config)
    content = None
    if json_body is not None:
        content = json.dumps(json_body, separators=(",", ":"), ensure_ascii=False).encode()
        sent_headers["Content-Type"] = "application/json"
    if idempotency_key is not None:
        sent_headers["Idempotency-Key"] = idempotency_key
    sent_headers.update(headers or {})
    return Call(
        method=method,
        path=path,
        params={name: value for name, value in (params or {}).items() if value is not None},
        content=content,
        headers=sent_headers,
        authenticated=authenticated,
        idempotency_key=idempotency_key,
    )


def base_headers(config: ClientConfig) -> dict[str, str]:
    headers = {"Accept": "application/json"}
    if config.tenant:
        headers["X-Tenant"] = config.tenant
    return headers


def attempt_headers(call: Call, access_token: str | None) -> dict[str, str]:
    if access_token is None:
        return call.headers
    return {**call.headers, "Authorization": f"Bearer {access_token}"}


def refresh_call(config: ClientConfig, refresh_token: str) -> Call:
    """The refresh request: sent once, never retried, never intercepted, and like every sign-in call without a key."""
    return Call(
        method="POST",
        path=REFRESH_PATH,
        params={},
        content=json.dumps({"refresh_token": refresh_token}).encode(),
        headers={**base_headers(config), "Content-Type": "application/json"},
        authenticated=False,
        idempotency_key=None,
    )


def tokens_of(pair: TokenPair) -> Tokens:
    """The tokens of a sign-in. This client keeps the refresh token itself, so it needs it in
    the body: ``refresh_cookie`` (the API keeping it in a browser cookie) is for browser apps."""
    refresh_token = pair["refresh_token"]
    if refresh_token is None:
        raise MentoraError("The token response has no refresh token: refresh_cookie is for browser apps")
    return Tokens(pair["access_token"], refresh_token)


def tokens_from_envelope(envelope: Any) -> Tokens:
    data = envelope.get("data") if isinstance(envelope, dict) else None
    if not isinstance(data, dict) or not isinstance(data.get("access_token"), str):
        raise MentoraError("The token response has no access token")
    return Tokens(access_token=data["access_token"], refresh_token=str(data["refresh_token"]))


def decode_success(response: httpx.Response) -> Any:
    """The JSON body of a 2xx response (the success envelope); None when it is empty."""
    if not response.content:
        return None
    try:
        return response.json()
    except ValueError as exc:
        raise MentoraError(f"HTTP {response.status_code} with a body that is not JSON") from exc


def transport_error(exc: httpx.TransportError, call: Call, url: httpx.URL) -> TransportError:
    reason = type(exc).__name__
    error = TransportError(
        f"No response: {reason}: {exc}" if str(exc) else f"No response: {reason}", method=call.method, url=str(url)
    )
    error.__cause__ = exc
    return error


def segment(value: str) -> str:
    """A path parameter, escaped."""
    return quote(value, safe="")


def user_agent() -> str:
    return f"mentora-client-python/{__version__}"


__all__ = [
    "DEFAULT_TIMEOUT",
    "REFRESH_PATH",
    "Call",
    "ClientConfig",
    "Params",
    "attempt_headers",
    "decode_success",
    "error_from_response",
    "prepare_call",
    "base_headers",
    "refresh_call",
    "segment",
    "tokens_from_envelope",
    "transport_error",
    "user_agent",
]
