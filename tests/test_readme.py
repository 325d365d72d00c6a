"""The README's example answers are the shapes the API really sends.

Each JSON block after a ``<!-- response: METHOD PATH -->`` comment is compared with a real
answer to that request (as a tenant admin): the same keys at every level, so a newcomer who
follows the README finds ``access_token`` where it says."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.support.identity import PASSWORD, Identity, login

README = Path(__file__).resolve().parents[1] / "README.md"
EXAMPLE = re.compile(r"<!-- response: (?P<method>[A-Z]+) (?P<path>\S+) -->\s*```json\n(?P<body>.*?)\n```", re.DOTALL)
ELIDED = "..."  # an example may stand for the rest of an object with {"...": "..."}


def documented_examples() -> list[tuple[str, str, Any]]:
    return [(m["method"], m["path"], json.loads(m["body"])) for m in EXAMPLE.finditer(README.read_text())]


def assert_same_shape(documented: Any, actual: Any, where: str = "$") -> None:
    if isinstance(documented, dict):
        assert isinstance(actual, dict), f"{where}: the README shows an object"
        if ELIDED in documented:
            assert set(documented) - {ELIDED} <= set(actual), f"{where}: {sorted(documented)} vs {sorted(actual)}"
        else:
            assert set(documented) == set(actual), f"{where}: {sorted(documented)} vs {sorted(actual)}"
        for key, value in documented.items():
            if key != ELIDED:
                assert_same_shape(value, actual[key], f"{where}.{key}")
    elif isinstance(documented, list):
        assert isinstance(actual, list) and len(actual) >= len(documented), f"{where}: the README shows a list"
        for index, item in enumerate(documented):
            assert_same_shape(item, actual[index], f"{where}[{index}]")
    else:
        assert type(documented) is type(actual), f"{where}: {documented!r} vs {actual!r}"


def test_the_readme_shows_examples() -> None:
    shown = {(method, path.split("?")[0]) for method, path, _ in documented_examples()}
    assert {("POST", "/v1/auth/login"), ("GET", "/v1/users/me"), ("GET", "/v1/console/users")} <= shown


@pytest.mark.parametrize(("method", "path", "documented"), documented_examples())
async def test_the_readme_example_is_what_the_api_answers(
    client: httpx.AsyncClient, identity: Identity, method: str, path: str, documented: Any
) -> None:
    email = identity.a.email("ADMIN")
    if (method, path) == ("POST", "/v1/auth/login"):
        response = await client.post(path, json={"email": email, "password": PASSWORD}, headers={"X-Tenant": "alpha"})
    else:
        token = (await login(client, email, "alpha"))["access_token"]
        response = await client.request(method, path, headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200, response.text
    assert_same_shape(documented, response.json())
