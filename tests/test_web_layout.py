"""The web app's layout holds, as the backend's does (STYLE.md, bulletproof-react's rule):

    lib/         the API client, the code-to-screen map, auth: imports only lib/
    components/  shared screens pieces: imports lib/ and components/
    features/X/  one area's screens and calls: imports lib/, components/, the app's
                 addresses (app/paths, app/navigation) and its own folder, never another feature
    app/         the shell: routes, providers, layout; may import anything

and every API call goes through `@mentora/client` (no `fetch` of our own API).
"""

from __future__ import annotations

import re
from pathlib import Path, PurePosixPath

SRC = Path(__file__).resolve().parents[1] / "web" / "src"
IMPORT = re.compile(
    r"""(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s+['"]([^'"]+)['"]"""  # import x from "y"
    r"""|import\(\s*['"]([^'"]+)['"]\s*\)"""  # import("y")
)
SHARED_APP_MODULES = {"app/paths", "app/navigation"}


def _sources() -> list[Path]:
    return sorted(p for p in SRC.rglob("*.ts*") if not p.name.endswith((".test.ts", ".test.tsx")))


def _local_imports(source: Path) -> list[str]:
    """The imports of `source` inside src/, as paths relative to src/ without extension."""
    text = source.read_text(encoding="utf-8")
    found = []
    for match in IMPORT.finditer(text):
        target = match.group(1) or match.group(2)
        if target.startswith("."):
            resolved = PurePosixPath(source.parent.relative_to(SRC).as_posix()) / target
            parts: list[str] = []
            for part in resolved.parts:
                if part == "..":
                    parts.pop()
                elif part != ".":
                    parts.append(part)
            found.append("/".join(parts))
    return found


def _allowed(importer: str, imported: str) -> bool:
    layer = importer.split("/")[0]
    target_layer = imported.split("/")[0]
    if layer == "lib":
        return target_layer == "lib"
    if layer == "components":
        return target_layer in {"lib", "components"}
    if layer == "features":
        own = "/".join(importer.split("/")[:2])
        return target_layer in {"lib", "components"} or imported in SHARED_APP_MODULES or imported.startswith(f"{own}/")
    return True


def test_web_import_direction() -> None:
    broken = []
    for source in _sources():
        importer = source.relative_to(SRC).with_suffix("").as_posix()
        imports = _local_imports(source)
        broken += [f"{importer} -> {imported}" for imported in imports if not _allowed(importer, imported)]
    assert broken == [], "imports against the web app's layout:\n" + "\n".join(broken)


def test_the_api_is_called_only_through_the_sdk() -> None:
    callers = [s.relative_to(SRC).as_posix() for s in _sources() if re.search(r"\bfetch\(", s.read_text("utf-8"))]
    assert callers == []


def test_the_rule_catches_a_feature_importing_another() -> None:
    assert not _allowed("features/learning/SessionPage", "features/admin/UsersPage")
    assert not _allowed("lib/api", "components/Problem")
    assert _allowed("features/learning/SessionPage", "features/learning/chat")
    assert _allowed("features/learning/SessionPage", "app/paths")
