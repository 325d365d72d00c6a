"""Generic repositories; tenant scoping lives here, not in each query.

A ``TenantScopedRepository`` only ever reads and writes its tenant's rows, so an id of
another tenant's row is simply not found (NOT_FOUND, never 403, never its data).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar, Generic, TypeVar

from sqlalchemy import Select, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from mentora.platform.db.base import Base

ModelT = TypeVar("ModelT", bound=Base)


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

    async def rows(self, statement: Select[ModelT]) -> Sequence[Any]:
        """What ``statement`` finds, for reading only: the model's columns as plain rows (read
        by attribute, as the entities would be), a fraction of the cost of loading entities
        into the session (``bench/read_paths.py``)."""
        columns = statement.with_only_columns(*self.model.__table__.c, maintain_column_froms=True)
        return (await self.session.execute(columns)).all()

    async def page_of_rows(self, statement: Select[ModelT], *, skip: int, limit: int) -> tuple[Sequence[Any], int]:
        """``page``, as ``rows``."""
        return await self.rows(statement.offset(skip).limit(limit)), await self._count(statement)

    async def _count(self, statement: Select[ModelT]) -> int:
        count = statement.with_only_columns(func.count(), maintain_column_froms=True).order_by(None)
        return (await self.session.execute(count)).scalar_one()


class TenantScopedRepository(Repository[ModelT]):
    def __init__(self, session: AsyncSession, tenant_id: str) -> None:
        super().__init__(session)
        self.tenant_id = tenant_id

    def base_statement(self) -> Select[ModelT]:
        return select(self.model).where(self.model.tenant_id == self.tenant_id)

    async def add(self, instance: ModelT) -> ModelT:
        instance.tenant_id = self.tenant_id  # type: ignore[attr-defined]
        return await super().add(instance)
