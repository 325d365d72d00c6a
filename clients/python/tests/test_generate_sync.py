"""The sync client is generated from the async one, and the package imports in one direction.

- ``mentora_client/_sync`` is what ``scripts/generate_sync.py`` makes of ``_async`` now.
- No module imports, even only for type checking, a module that imports it back: the
  client modules import their resources, which know the client only as a Protocol.
"""

from __future__ import annotations

import ast
import graphlib
import sys
from pathlib import Path

CLIENT_ROOT = Path(__file__).resolve().parents[1]
PACKAGE = CLIENT_ROOT / "src" / "mentora_client"
sys.path.insert(0, str(CLIENT_ROOT / "scripts"))
import generate_sync  # noqa: E402


def test_sync_client_is_generated_from_the_async_one() -> None:
    expected = generate_sync.render()
    held = {path.name: path.read_text() for path in generate_sync.SYNC_DIR.glob("*.py")}
    assert sorted(held) == sorted(expected), f"_sync is stale: run `{generate_sync.COMMAND}`"
    for name, code in expected.items():
        assert held[name] == code, f"_sync/{name} is stale: run `{generate_sync.COMMAND}`"


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imported_modules(path: Path, modules: set[str]) -> set[str]:
    """The package's modules that ``path`` imports anywhere in it (``from x import y`` may name a module y)."""
    found: set[str] = set()
    package = module_name(path) if path.name == "__init__.py" else module_name(path).rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                base = f"{anchor}.{base}" if base else anchor
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found & modules


def import_graph() -> dict[str, set[str]]:
    paths = sorted(PACKAGE.rglob("*.py"))
    modules = {module_name(path) for path in paths}
    return {module_name(path): imported_modules(path, modules) - {module_name(path)} for path in paths}


def test_the_package_has_no_import_cycle() -> None:
    graph = import_graph()
    assert "mentora_client._async.client" in graph["mentora_client"]  # the graph sees the package
    assert "mentora_client._async.resources" in graph["mentora_client._async.client"]
    graphlib.TopologicalSorter(graph).prepare()  # raises CycleError, naming the cycle


def test_resources_do_not_import_a_client() -> None:
    graph = import_graph()
    for side in ("_async", "_sync"):
        imported = graph[f"mentora_client.{side}.resources"]
        assert not {name for name in imported if name.endswith(".client") or name == "mentora_client"}, side
