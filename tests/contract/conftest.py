from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from fastapi import FastAPI

from mentora.app import create_app
from mentora.config import Settings
from tests.support import probe


@pytest.fixture
async def app(settings: Settings) -> AsyncIterator[FastAPI]:
    """The real app plus the probe routes."""
    application = create_app(settings)
    application.include_router(probe.router)
    probe.calls.clear()
    async with application.router.lifespan_context(application):
        yield application
