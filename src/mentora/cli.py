"""The ``mentora`` command."""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import Coroutine
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
import uvicorn
from sqlalchemy.exc import SQLAlchemyError

from mentora.bootstrap import (
    DEMO_SLUG,
    create_demo_if_fresh,
    create_superuser,
    create_tenant,
    create_user,
    existing_demo_accounts,
    set_password,
)
from mentora.config import Settings
from mentora.contract import MentoraError
from mentora.platform.db import migrations, translate_database_error
from mentora.platform.metrics import metrics_for_workers
from mentora.platform.tracing import TracingUnavailableError, check_tracing_available
from mentora.tenants.service import PLATFORM_SLUG

T = TypeVar("T")
OutputOption = Annotated[Path | None, typer.Option(help="File to write; default: standard output")]

cli = typer.Typer(help="Mentora: multi-tenant API for AI tutoring.", no_args_is_help=True, add_completion=False)


@cli.command()
def serve(
    host: Annotated[str | None, typer.Option(help="Interface to bind [default: MENTORA_HOST or 127.0.0.1]")] = None,
    port: Annotated[int | None, typer.Option(help="Port [default: MENTORA_PORT or 8000]")] = None,
    workers: Annotated[int | None, typer.Option(help="Worker processes [default: MENTORA_WORKERS or 1]")] = None,
) -> None:
    """Run the API (migrating the embedded database first)."""
    settings = Settings()
    _check_tracing()
    if settings.should_auto_migrate:
        # Once, here, before any worker starts: workers only check the revision.
        asyncio.run(migrations.migrate(settings))
    if settings.is_embedded:
        demo = asyncio.run(create_demo_if_fresh(settings))
        if demo is not None:
            typer.echo(
                f"Created the demo tenant {demo.tenant_slug!r}. Sign in with X-Tenant: {demo.tenant_slug} as\n"
                + "".join(f"  {email}\n" for email in demo.emails)
                + f"  {', '.join(demo.sample_students)} (students with graded sessions)\n"
                + (
                    f"or with X-Tenant: {PLATFORM_SLUG}, as the platform operator\n  {demo.operator}\n"
                    if demo.operator
                    else ""
                )
                + f"with the password: {demo.password}"
            )
        else:
            _remind_of_demo_accounts(settings)
    with metrics_for_workers(settings) if settings.metrics_enabled else contextlib.nullcontext():
        _run_server(settings, host, port, workers)


def _run_server(settings: Settings, host: str | None, port: int | None, workers: int | None) -> None:
    uvicorn.run(
        "mentora.app:create_app",
        factory=True,
        host=host or settings.host,
        port=settings.port if port is None else port,
        workers=workers or settings.workers,
        log_config=None,  # create_app configures logging
        access_log=False,  # our request middleware logs each request with its id
        # X-Forwarded-* only from the proxies named: anyone else could pick their own address.
        proxy_headers=bool(settings.trusted_proxies),
        forwarded_allow_ips=settings.trusted_proxies,
        server_header=False,
    )


def _check_tracing() -> None:
    try:
        check_tracing_available()
    except TracingUnavailableError as exc:
        typer.echo(f"error: {exc}", err=True)
        raise typer.Exit(1) from None


def _remind_of_demo_accounts(settings: Settings) -> None:
    """On a restart the password printed at first run is gone: say how to set a new one."""
    emails = asyncio.run(existing_demo_accounts(settings))
    if emails:
        typer.echo(
            f"The demo tenant {DEMO_SLUG!r} has the users {', '.join(emails)}.\n"
            f"Lost their password? Set a new one with:  mentora set-password --tenant {DEMO_SLUG} --email {emails[0]}"
        )


@cli.command()
def worker() -> None:
    """Run background jobs (grading, LMS publishing) until stopped; run as many as you like."""
    from mentora.platform.logging import configure_logging
    from mentora.runtime import run_worker

    settings = Settings()
    configure_logging(settings)
    _check_tracing()
    asyncio.run(run_worker(settings))


@cli.command()
def migrate() -> None:
    """Apply every pending schema migration to the configured database."""
    asyncio.run(migrations.migrate(Settings()))
    typer.echo("database is at the latest schema revision")


@cli.command()
def openapi(output: OutputOption = None) -> None:
    """Write the OpenAPI spec as JSON."""
    from mentora.app import create_app

    spec = json.dumps(create_app(Settings()).openapi(), indent=2, sort_keys=False) + "\n"
    if output is None:
        typer.echo(spec, nl=False)
    else:
        output.write_text(spec)


@cli.command("error-codes")
def error_codes(output: OutputOption = None) -> None:
    """Write the error-code reference (Markdown) from the code's own catalog."""
    from mentora.contract.reference import render_markdown

    if output is None:
        typer.echo(render_markdown(), nl=False)
    else:
        output.write_text(render_markdown())


PasswordOption = Annotated[
    str, typer.Option(prompt=True, hide_input=True, confirmation_prompt=True, help="Prompted for when not given")
]


def _run_or_exit(action: Coroutine[Any, Any, T]) -> T:
    try:
        try:
            return asyncio.run(action)
        except SQLAlchemyError as exc:
            raise translate_database_error(exc) from exc
    except MentoraError as exc:
        details = "; ".join(f"{field}: {message}" for field, message in exc.details.items())
        typer.echo(f"error: {exc.message}" + (f" ({details})" if details else ""), err=True)
        raise typer.Exit(1) from None


@cli.command("create-superuser")
def create_superuser_command(
    email: Annotated[str, typer.Option()],
    name: Annotated[str, typer.Option()] = "Platform operator",
    password: PasswordOption = "",
) -> None:
    """Create a platform operator (SUPER_ADMIN of the ``platform`` tenant)."""
    _check_password(password)
    user = _run_or_exit(create_superuser(Settings(), email=email, name=name, password=password))
    typer.echo(f"created platform operator {user.email}; sign in with X-Tenant: {PLATFORM_SLUG}")


@cli.command("create-tenant")
def create_tenant_command(name: Annotated[str, typer.Option()], slug: Annotated[str, typer.Option()]) -> None:
    """Create an institution."""
    tenant = _run_or_exit(create_tenant(Settings(), name=name, slug=slug))
    typer.echo(f"created tenant {tenant.slug} ({tenant.id})")


@cli.command("create-user")
def create_user_command(
    tenant: Annotated[str, typer.Option(help="Tenant slug")],
    email: Annotated[str, typer.Option()],
    name: Annotated[str, typer.Option()],
    role: Annotated[str, typer.Option(help="STUDENT, FACULTY, ADMIN or a custom role's name")] = "STUDENT",
    password: PasswordOption = "",
) -> None:
    """Create a user in a tenant."""
    _check_password(password)
    user = _run_or_exit(
        create_user(Settings(), tenant_slug=tenant, email=email, name=name, password=password, role=role)
    )
    typer.echo(f"created {user.email} in {tenant}")


@cli.command("set-password")
def set_password_command(
    tenant: Annotated[str, typer.Option(help="Tenant slug")],
    email: Annotated[str, typer.Option()],
    password: PasswordOption = "",
) -> None:
    """Set a user's password (e.g. a demo user's, after a restart); their sign-ins end."""
    _check_password(password)
    user = _run_or_exit(set_password(Settings(), tenant_slug=tenant, email=email, password=password))
    typer.echo(f"password set for {user.email} in {tenant}; their earlier sign-ins have ended")


def _check_password(password: str) -> None:
    if not 8 <= len(password) <= 100:
        typer.echo("error: the password must have 8 to 100 characters", err=True)
        raise typer.Exit(2)


def main() -> None:
    cli()
