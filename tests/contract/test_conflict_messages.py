"""A CONFLICT's ``error`` is what a person reads (the seed's ``showConflictMessage(response.error)``).

The catalog's default message, "Resource already exists", is right only for duplicates. Every
``ConflictError(...)`` raised in the code either passes a message of its own or is a
duplicate (each of its details says "already ..."), so a state conflict such as deactivating
oneself can never reach a screen as "Resource already exists".
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

SOURCE = Path(__file__).resolve().parents[2] / "src" / "mentora"


def _conflicts_without_message(tree: ast.AST) -> Iterator[ast.Call]:
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "ConflictError"):
            continue
        has_message = bool(node.args) or any(keyword.arg == "message" for keyword in node.keywords)
        if not has_message:
            yield node


def _is_duplicate(call: ast.Call) -> bool:
    """True when every literal detail says the thing already exists or is already taken."""
    details = next((keyword.value for keyword in call.keywords if keyword.arg == "details"), None)
    if not isinstance(details, ast.Dict) or not details.values:
        return False
    return all(
        isinstance(value, ast.Constant) and isinstance(value.value, str) and value.value.startswith("already")
        for value in details.values
    )


def test_every_state_conflict_says_what_blocks_it() -> None:
    offenders = [
        f"{path.relative_to(SOURCE)}:{call.lineno}"
        for path in sorted(SOURCE.rglob("*.py"))
        for call in _conflicts_without_message(ast.parse(path.read_text(), filename=str(path)))
        if not _is_duplicate(call)
    ]
    assert offenders == [], f"ConflictError without a message of its own (reads 'Resource already exists'): {offenders}"


def test_the_guard_sees_a_state_conflict() -> None:
    """The check above could pass by finding nothing: show it flags what it should."""
    flagged = ast.parse('raise ConflictError(details={"is_active": "you cannot deactivate yourself"})')
    duplicate = ast.parse('raise ConflictError(details={"slug": "already exists"})')
    described = ast.parse('raise ConflictError("You cannot do that", details={"x": "no"})')
    assert [not _is_duplicate(call) for call in _conflicts_without_message(flagged)] == [True]
    assert [not _is_duplicate(call) for call in _conflicts_without_message(duplicate)] == [False]
    assert list(_conflicts_without_message(described)) == []
