"""The layout in the README holds: lower layers never import higher ones (import-linter);
nothing on the request path is handed to a thread pool."""

from __future__ import annotations

import inspect
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute

from mentora.app import create_app
from mentora.config import Settings

REPO = Path(__file__).resolve().parents[1]


def test_import_direction() -> None:
    lint_imports = shutil.which("lint-imports")
    assert lint_imports, "import-linter is a dev dependency; run through `uv run`"
    result = subprocess.run([lint_imports, "--no-cache"], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


def _dependency_calls(dependant: Dependant) -> Iterator[Callable[..., Any]]:
    for sub in dependant.dependencies:
        if sub.call is not None:
            yield sub.call
        yield from _dependency_calls(sub)


def _runs_on_the_loop(call: Callable[..., Any]) -> bool:
    target = call if inspect.isfunction(call) else getattr(call, "__call__", call)  # noqa: B004
    return inspect.iscoroutinefunction(target) or inspect.isasyncgenfunction(target)


def test_no_route_sends_work_to_the_thread_pool(settings: Settings) -> None:
    """FastAPI runs plain ``def`` endpoints and dependencies in a thread pool: a thread hop
    costs ~50-100 us a call under load, for work that never blocks here."""
    app = create_app(settings)
    offenders = set()
    for route in app.routes:
        if isinstance(route, APIRoute):
            for call in (route.endpoint, *_dependency_calls(route.dependant)):
                if not _runs_on_the_loop(call):
                    offenders.add(f"{route.path}: {getattr(call, '__qualname__', call)}")
    assert not offenders, sorted(offenders)
