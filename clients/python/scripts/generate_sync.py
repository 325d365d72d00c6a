"""Generate the sync client (``mentora_client/_sync``) from the async one (``mentora_client/_async``).

    uv run python scripts/generate_sync.py

``unasync`` rewrites the code token by token: ``async``/``await`` go, ``AsyncX`` names become
``SyncX`` and the pairs in ``REPLACEMENTS`` are swapped; ruff then sorts the imports that
the renaming put out of order. ``tests/test_generate_sync.py`` fails while ``_sync`` is stale.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import unasync

CLIENT_ROOT = Path(__file__).resolve().parents[1]
PACKAGE = CLIENT_ROOT / "src" / "mentora_client"
ASYNC_DIR = PACKAGE / "_async"
SYNC_DIR = PACKAGE / "_sync"
COMMAND = "uv run python scripts/generate_sync.py"

# Beyond unasync's own (async def, await, AsyncIterator, asynccontextmanager, __aenter__, ...).
REPLACEMENTS = {
    "_async": "_sync",  # the package's own modules
    "AsyncMentoraClient": "MentoraClient",
    "AsyncClient": "Client",
    "AsyncBaseTransport": "BaseTransport",
    "AbstractAsyncContextManager": "AbstractContextManager",
    "aread": "read",
    "aclose": "close",
    "aiter_lines": "iter_lines",
    "aiter_events": "iter_events",
    "acall_for": "call_for",
    "asyncio": "time",  # asyncio.sleep: the only use of asyncio in the async client
}


def header(name: str) -> str:
    source = (ASYNC_DIR / name).relative_to(PACKAGE.parent).as_posix()
    return (
        f"# Generated from {source} by `{COMMAND}`.\n"
        "# Edit that file and run the command again; tests/test_generate_sync.py fails while this one is stale.\n\n"
    )


def sort_imports(code: str, path: Path) -> str:
    """Ruff's import fixes, with the project's settings: the renames leave imports out of order or unused."""
    fix_imports = [sys.executable, "-m", "ruff", "check", "--fix-only", "--exit-zero", "--quiet", "--select", "I,F401"]
    fixed = subprocess.run(  # noqa: S603 -- this interpreter's ruff, on code piped in
        [*fix_imports, "--stdin-filename", str(path), "-"],
        input=code,
        capture_output=True,
        text=True,
        check=True,
        cwd=CLIENT_ROOT,
    )
    return fixed.stdout


def render() -> dict[str, str]:
    """The sync modules, by file name, as the async ones make them now."""
    rule = unasync.Rule(fromdir="/_async/", todir="/_sync/", additional_replacements=REPLACEMENTS)
    with tempfile.TemporaryDirectory() as scratch:
        source, target = Path(scratch) / "_async", Path(scratch) / "_sync"
        shutil.copytree(ASYNC_DIR, source, ignore=shutil.ignore_patterns("__pycache__"))
        unasync.unasync_files([str(path) for path in sorted(source.glob("*.py"))], [rule])
        return {
            path.name: header(path.name) + sort_imports(path.read_text(), SYNC_DIR / path.name)
            for path in sorted(target.glob("*.py"))
        }


def main() -> None:
    modules = render()
    SYNC_DIR.mkdir(exist_ok=True)
    for stale in {path.name for path in SYNC_DIR.glob("*.py")} - set(modules):
        (SYNC_DIR / stale).unlink()
    for name, code in modules.items():
        (SYNC_DIR / name).write_text(code)
    print(f"wrote {', '.join(sorted(modules))} in {SYNC_DIR.relative_to(CLIENT_ROOT)}")


if __name__ == "__main__":
    main()
