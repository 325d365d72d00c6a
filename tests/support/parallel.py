"""Parallel runs (pytest-xdist): tests that must not share the machine run alone.

A test marked ``exclusive`` measures time (a revocation heard within 100 ms, a lease
renewed within its seconds) or loads every core, and another worker's load would make it
fail for no fault of the code. Every test of a parallel run holds a shared lock on a file
in the run's temp folder; an exclusive one holds it alone. A second file is the turnstile
that keeps an exclusive test from waiting forever behind a stream of shared ones.
"""

from __future__ import annotations

import fcntl
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def machine_share(lock_dir: Path, *, alone: bool) -> Iterator[None]:
    """Hold the machine with the other workers' tests, or (``alone``) after they have finished."""
    lock_dir.mkdir(parents=True, exist_ok=True)
    with (lock_dir / "turnstile.lock").open("a") as turnstile, (lock_dir / "machine.lock").open("a") as machine:
        # Waits while an exclusive test waits or runs; new tests queue behind it here.
        fcntl.flock(turnstile, fcntl.LOCK_EX)
        try:
            fcntl.flock(machine, fcntl.LOCK_EX if alone else fcntl.LOCK_SH)
        finally:
            if not alone:
                fcntl.flock(turnstile, fcntl.LOCK_UN)
        try:
            yield
        finally:
            fcntl.flock(machine, fcntl.LOCK_UN)
            if alone:
                fcntl.flock(turnstile, fcntl.LOCK_UN)
