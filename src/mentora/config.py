"""Settings, read from ``MENTORA_*`` environment variables (and a ``.env`` file)."""

from __future__ import annotations

import ipaddress
from functools import cached_property
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

# Loopback and private addresses: where a scraper runs, and never the public internet.
PRIVATE_NETWORKS = ("127.0.0.0/8", "::1", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7")


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="MENTORA_", env_file=".env", extra="ignore")

    data_dir: Path = Field(Path("data"), description="Where the embedded SQLite file and generated keys live")
    database_url: str | None = Field(
        None, description="SQLAlchemy URL, e.g. postgresql+asyncpg://user:pass@host/db; unset: SQLite in data_dir"
    )
    auto_migrate: bool | None = Field(
        None, description="Apply migrations when serving; default: on for the embedded SQLite, off otherwise"
    )
    db_pool_size: int = Field(20, ge=1)
    db_max_overflow: int = Field(10, ge=0)
    db_pool_timeout: float = Field(30.0, gt=0, description="Seconds to wait for a pooled connection")
    db_connect_timeout: float = Field(5.0, gt=0, description="Seconds to wait for a new connection")
    db_command_timeout: float = Field(30.0, gt=0, description="Seconds a single statement may run")

    max_body_bytes: int = Field(1024 * 1024, ge=1, description="Largest request body accepted")
    web_dir: Path | None = Field(
        None, description="Built web app to serve at /; unset: the one packaged with mentora (src/mentora/_web)"
    )

    # Tenancy
    default_tenant: str | None = Field(
        None, description="Slug used when an unauthenticated request names no tenant (single-tenant installs)"
    )
    base_domain: str | None = Field(None, description="Requests to <slug>.<base_domain> name that tenant")

    # Tokens
    jwt_issuer: str = "mentora"
    jwt_audience: str = "mentora-api"
    jwt_secret: str | None = Field(None, description="HS256 secret; unset: generated into data_dir on first run")
    jwt_private_key_file: Path | None = Field(None, description="PEM private key (Ed25519 or RSA) to sign with")
    jwt_key_id: str | None = Field(None, description="kid of the signing key (asymmetric keys)")
    jwt_public_key_files: dict[str, Path] = Field(
        default_factory=dict, description='JSON {"kid": "path.pem"}: older public keys still accepted (rotation)'
    )
    access_token_minutes: float = Field(30, gt=0, le=24 * 60)
    token_leeway_seconds: int = Field(30, ge=0, le=60)
    refresh_token_days: int = Field(30, ge=1)
    refresh_reuse_grace_seconds: float = Field(
        30.0, ge=0, description="A rotated refresh token replayed within this window revokes nothing"
    )
    principal_cache_seconds: float = Field(
        2.0, ge=0, description="How long a worker trusts a user's active/role state before re-reading it"
    )

    # Passwords (Argon2id); changing these rehashes each password at its next login
    password_time_cost: int = Field(3, ge=1)
    password_memory_kib: int = Field(65536, ge=8)
    password_parallelism: int = Field(4, ge=1)

    # Rate limits ("N/second|minute|hour|day"); tenants may override each in settings.rate_limits
    redis_url: str | None = Field(None, description="redis://host:port/db: limits shared by every process")
    rate_limits_enabled: bool = True
    rate_limit_anonymous: str = Field("300/minute", description="Unauthenticated requests per IP")
    rate_limit_login: str = Field("10/minute", description="Login and register attempts per IP and email")
    rate_limit_login_ip: str = Field("60/minute", description="Login and register attempts per IP")
    rate_limit_login_account: str = Field(
        "20/15 minutes",
        description="Failed logins per account from all addresses, except those it signed in from before",
    )
    rate_limit_user: str = Field("1200/minute", description="Authenticated requests per user")
    rate_limit_tenant: str = Field("20000/minute", description="Authenticated requests per tenant")
    rate_limit_ai_turns: str = Field("20/minute", description="AI tutoring turns per user")
    rate_limit_fallback: Literal["memory", "open", "closed"] = Field(
        "memory", description="Without Redis: per-process limits (memory), no limits (open), or refuse (closed)"
    )
    rate_limit_login_fallback: Literal["memory", "open", "closed"] = Field(
        "closed", description="The same, for login and register (closed: refuse rather than allow guessing)"
    )
    redis_timeout_seconds: float = Field(0.25, gt=0, description="Connect and read timeout of each Redis call")
    redis_retry_seconds: float = Field(5.0, gt=0, description="After a Redis failure, how long before trying again")

    # Outbound calls (AI providers, LMSs)
    outbound_connect_timeout: float = Field(3.0, gt=0, description="Seconds to connect to a downstream service")
    outbound_read_timeout: float = Field(30.0, gt=0, description="Seconds to wait for each chunk of an answer")
    outbound_total_timeout: float = Field(90.0, gt=0, description="Seconds one outbound call may take in all")
    outbound_attempts: int = Field(2, ge=1, le=5, description="Tries of a call that failed before reaching the service")
    outbound_max_response_bytes: int = Field(
        1024 * 1024, ge=1024, description="Largest answer read from a downstream service (a whole stream included)"
    )
    circuit_failure_threshold: int = Field(5, ge=1, description="Consecutive failures that open a circuit")
    circuit_open_seconds: float = Field(30.0, gt=0, description="How long an open circuit refuses calls")
    ai_context_tokens: int = Field(6000, ge=500, description="Token budget of the transcript sent to the AI")

    # Background jobs (grading, LMS publishing)
    run_jobs_in_process: bool | None = Field(
        None, description="Run the job worker inside `serve`; default: on for the embedded SQLite, off otherwise"
    )
    job_max_attempts: int = Field(8, ge=1, le=50, description="Tries before a job is dead-lettered")
    job_backoff_seconds: float = Field(2.0, gt=0, description="First retry delay; doubles each try")
    job_backoff_max_seconds: float = Field(600.0, gt=0)
    job_lease_seconds: float = Field(120.0, gt=0, description="A claimed job not finished by then runs again")
    job_poll_seconds: float = Field(1.0, gt=0, description="How often an idle worker looks for work")

    secrets_key: str | None = Field(
        None, description="Fernet key that encrypts tenant secrets at rest; unset: generated into data_dir"
    )
    demo_password: str | None = Field(None, description="Password of the demo users; unset: a random one")

    trusted_proxies: Annotated[list[str], NoDecode] = Field(
        default_factory=list,
        description="Comma-separated IPs or networks (CIDR) of the reverse proxies whose X-Forwarded-For "
        "and X-Forwarded-Proto are believed; empty: none, the client is the connection's peer",
    )
    host: str = "127.0.0.1"
    port: int = Field(8000, ge=0, le=65535)
    workers: int = Field(1, ge=1)

    # Operator metrics (Prometheus); see platform.metrics
    metrics_enabled: bool = Field(True, description="Count requests, outbound calls, jobs and pool use; serve them")
    metrics_port: int | None = Field(
        None, ge=1, le=65535, description="Serve /metrics on this port (by `mentora serve`) instead of the main one"
    )
    metrics_host: str | None = Field(None, description="Interface of the metrics port; unset: MENTORA_HOST")
    metrics_allow: Annotated[list[str], NoDecode] = Field(
        default_factory=lambda: list(PRIVATE_NETWORKS),
        description="Comma-separated IPs or networks that may read /metrics on the main port",
    )

    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = "INFO"
    log_format: Literal["auto", "json", "text"] = Field("auto", description="auto: JSON unless stderr is a terminal")
    access_log: bool = Field(True, description="One log line per request, with its request id")

    @field_validator("trusted_proxies", "metrics_allow", mode="before")
    @classmethod
    def _networks(cls, value: object) -> object:
        """Each entry must be an address or a network: uvicorn would silently treat a typo
        as a host name that never matches, and the deployment would trust nobody unawares
        (and a typo in ``metrics_allow`` would fail the same way, only later)."""
        entries = value.split(",") if isinstance(value, str) else value
        if not isinstance(entries, list):
            return value
        return [_address_or_network(str(entry).strip()) for entry in entries if str(entry).strip()]

    @cached_property
    def sqlalchemy_url(self) -> str:
        if self.database_url:
            url = self.database_url
            # Accept the URLs hosting providers hand out; the async driver is ours to pick.
            for prefix in ("postgres://", "postgresql://"):
                if url.startswith(prefix):
                    return "postgresql+asyncpg://" + url[len(prefix) :]
            return url
        return f"sqlite:///{(self.data_dir / 'mentora.db').resolve()}"

    @property
    def is_embedded(self) -> bool:
        return self.sqlalchemy_url.startswith("sqlite")

    @property
    def jobs_in_process(self) -> bool:
        return self.is_embedded if self.run_jobs_in_process is None else self.run_jobs_in_process

    @property
    def should_auto_migrate(self) -> bool:
        return self.is_embedded if self.auto_migrate is None else self.auto_migrate


def _address_or_network(text: str) -> str:
    """``10.0.0.7`` or ``10.0.0.0/8`` in the form uvicorn matches (host bits of a network cleared)."""
    if "/" in text:
        return str(ipaddress.ip_network(text, strict=False))
    return str(ipaddress.ip_address(text))
