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
        total = (await self.session.execute(select(func.count()).select_from(statement.subquery()))).scalar_one()
        rows = (await self.session.execute(statement.offset(skip).limit(limit))).scalars().all()
        return rows, total


class TenantScopedRepository(Repository[ModelT]):
    def __init__(self, session: AsyncSession, tenant_id: str) -> None:
        super().__init__(session)
        self.tenant_id = tenant_id

    def base_statement(self) -> Select[ModelT]:
        return select(self.model).where(self.model.tenant_id == self.tenant_id)

    async def add(self, instance: ModelT) -> ModelT:
        instance.tenant_id = self.tenant_id  # type: ignore[attr-defined]
        return await super().add(instance)
