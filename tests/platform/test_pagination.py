"""``skip``/``limit`` paging: what a list route takes."""

from __future__ import annotations

import httpx
import pytest

from mentora.platform.pagination import MAX_SKIP
from tests.support.identity import bearer

pytestmark = pytest.mark.usefixtures("identity")


async def test_skip_past_the_database_offset_range_is_a_validation_error(client: httpx.AsyncClient) -> None:
    # Found by Schemathesis: a skip beyond 64 bits reached SQLite and answered INTERNAL_ERROR.
    student = await bearer(client, "student@alpha.example.com", "alpha")
    too_far = await client.get("/v1/sessions", params={"skip": 2**70}, headers=student)
    assert too_far.status_code == 422
    assert set(too_far.json()["details"]) == {"query.skip"}
    last = await client.get("/v1/sessions", params={"skip": MAX_SKIP}, headers=student)
    assert last.status_code == 200
    assert last.json()["data"] == []
