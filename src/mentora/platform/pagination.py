"""``skip``/``limit`` paging, the same on every list route."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Query
from pydantic import BaseModel

# Past any real table, and within the 64-bit OFFSET every database takes.
MAX_SKIP = 1_000_000_000


class PageParams(BaseModel):
    skip: int = 0
    limit: int = 20


async def page_params(
    skip: Annotated[int, Query(ge=0, le=MAX_SKIP, description="Rows to skip")] = 0,
    limit: Annotated[int, Query(ge=1, le=100, description="Rows per page (1..100)")] = 20,
) -> PageParams:
    return PageParams(skip=skip, limit=limit)


Page = Annotated[PageParams, Depends(page_params)]
