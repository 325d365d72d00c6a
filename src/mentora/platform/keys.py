"""Development keys generated on first run and kept in the data directory.

A fresh install works without configuring secrets, and no secret is ever in the
repository; production sets them through the environment instead.
"""

from __future__ import annotations

import os
import secrets
from collections.abc import Callable
from pathlib import Path


def load_or_create(path: Path, generate: Callable[[], str]) -> str:
    """Read the secret at ``path``, creating it (mode 0600) if it does not exist yet."""
    try:
        return path.read_text().strip()
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    value = generate()
    draft = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
    descriptor = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w") as file:
        file.write(value)
    try:
        # A hard link appears whole or not at all: when several workers start at once,
        # exactly one key wins and nobody reads a half-written file.
        os.link(draft, path)
    except FileExistsError:
        value = path.read_text().strip()
    finally:
        draft.unlink()
    return value


def random_secret() -> str:
    return secrets.token_urlsafe(48)
