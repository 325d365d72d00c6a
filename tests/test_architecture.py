"""The layout in the README holds: lower layers never import higher ones (import-linter)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_import_direction() -> None:
    lint_imports = shutil.which("lint-imports")
    assert lint_imports, "import-linter is a dev dependency; run through `uv run`"
    result = subprocess.run([lint_imports, "--no-cache"], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout
