"""A page of a list endpoint: the list envelope without its ``success`` flag."""

from __future__ import annotations

from typing import Generic, TypedDict, TypeVar

T = TypeVar("T")

__all__ = ["Page"]


class Page(TypedDict, Generic[T]):
    data: list[T]
    total: int
    page: int
    page_size: int
    total_pages: int
    message: str | None
