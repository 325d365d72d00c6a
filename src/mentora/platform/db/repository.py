"""Generic repositories; tenant scoping lives here, not in each query.

A ``TenantScopedRepository`` only ever reads and writes its tenant's rows, so an id of
another tenant's row is simply not found (NOT_FOUND, never 403, never its data).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, ClassVar, Generic, TypeVar

from sqlalchemy import Select, bindparam, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from mentora.platform.db.base import Base

ModelT = TypeVar("ModelT", bound=Base)


def rows_of(model: type[Any]) -> Select[Any]:
    """A read of ``model``'s columns as plain rows, which read by attribute as entities do
    and cost a fraction of loading entities into the session (``bench/read_paths.py``)."""
    return select(*model.__table__.c)


def of_the_tenant(model: type[Any]) -> Any:
    """The condition that scopes a prebuilt read to ``TenantScopedRepository.tenant_id``."""
    return model.__table__.c.tenant_id == bindparam("tenant_id")


@dataclass(frozen=True)
class Listing:
    """A list read built once per process (building a statement and its cache key on every
    request cost more than running it): its pages and its count, parameters bound per call."""

    page: Select[Any]
    count: Select[Any]

    @classmethod
    def of(cls, statement: Select[Any]) -> Listing:
        return cls(
            page=statement.offset(bindparam("skip")).limit(bindparam("limit")),
            count=statement.with_only_columns(func.count(), maintain_column_froms=True).order_by(None),
        )


class Repository(Generic[ModelT]):
    model: ClassVar[type[Any]]

    def __init__(self, session: AsyncSession) -> None:
        self.session = session

    def base_statement(self) -> Select[ModelT]:
        return select(self.model)

    async def get(self, id_: str) -> ModelT | None:
        result = await self.session.execute(self.base_statement().where(self.model.id == id_))
        return result.scalar_one_or_none()

    async def add(self, instance: ModelT) -> ModelT:
        self.session.add(instance)
        await self.session.flush()
        return instance

    async def delete(self, instance: ModelT) -> None:
        await self.session.delete(instance)
        await self.session.flush()

    async def page(self, statement: Select[ModelT], *, skip: int, limit: int) -> tuple[Sequence[ModelT], int]:
        rows = (await self.session.execute(statement.offset(skip).limit(limit))).scalars().all()
        return rows, await self._count(statement)

    async def _count(self, statement: Select[ModelT]) -> int:
        count = statement.with_only_columns(func.count(), maintain_column_froms=True).order_by(None)
        return (await self.session.execute(count)).scalar_one()

    def parameters(self, **values: object) -> dict[str, object]:
        """The bound parameters of a prebuilt read (``Listing``, ``rows_of``): these and the scope's."""
        return values

    async def read(self, statement: Select[Any], **values: object) -> Sequence[Any]:
        """A prebuilt read's rows."""
        rows: Sequence[Any] = (await self.session.execute(statement, self.parameters(**values))).all()
        return rows

    async def read_page(
        self, listing: Listing, *, skip: int, limit: int, **values: object
    ) -> tuple[Sequence[Any], int]:
        """A page of a prebuilt listing's rows, and how many there are in all."""
        rows = await self.read(listing.page, skip=skip, limit=limit, **values)
        total = (await self.session.execute(listing.count, self.parameters(**values))).scalar_one()
        return rows, total


class TenantScopedRepository(Repository[ModelT]):
    def __init__(self, session: AsyncSession, tenant_id: str) -> None:
        super().__init__(session)
        self.tenant_id = tenant_id

    def parameters(self, **values: object) -> dict[str, object]:
        # Prebuilt reads of a tenant's rows name it as ``bindparam("tenant_id")``.
        return {**values, "tenant_id": self.tenant_id}

    def base_statement(self) -> Select[ModelT]:
        return select(self.model).where(self.model.tenant_id == self.tenant_id)

    async def add(self, instance: ModelT) -> ModelT:
        instance.tenant_id = self.tenant_id  # type: ignore[attr-defined]
        return await super().add(instance)
