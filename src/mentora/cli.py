"""The ``mentora`` command."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Annotated

import typer
import uvicorn

from mentora.config import Settings
from mentora.platform.db import create_engine
from mentora.platform.db.migrations import upgrade_to_head

OutputOption = Annotated[Path | None, typer.Option(help="File to write; default: standard output")]

cli = typer.Typer(help="Mentora: multi-tenant API for AI tutoring.", no_args_is_help=True, add_completion=False)


async def _migrate(settings: Settings) -> None:
    engine = create_engine(settings)
    try:
        await upgrade_to_head(engine)
    finally:
        await engine.dispose()


@cli.command()
def serve(
    host: Annotated[str | None, typer.Option(help="Interface to bind [default: MENTORA_HOST or 127.0.0.1]")] = None,
    port: Annotated[int | None, typer.Option(help="Port [default: MENTORA_PORT or 8000]")] = None,
    workers: Annotated[int | None, typer.Option(help="Worker processes [default: MENTORA_WORKERS or 1]")] = None,
) -> None:
    """Run the API (migrating the embedded database first)."""
    settings = Settings()
    if settings.should_auto_migrate:
        # Once, here, before any worker starts: workers only check the revision.
        asyncio.run(_migrate(settings))
    uvicorn.run(
        "mentora.app:create_app",
        factory=True,
        host=host or settings.host,
        port=settings.port if port is None else port,
        workers=workers or settings.workers,
        log_config=None,  # create_app configures logging
        access_log=False,  # our request middleware logs each request with its id
        proxy_headers=True,
        server_header=False,
    )


@cli.command()
def migrate() -> None:
    """Apply every pending schema migration to the configured database."""
    asyncio.run(_migrate(Settings()))
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


def main() -> None:
    cli()
