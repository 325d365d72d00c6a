from __future__ import annotations

from fastapi import APIRouter

from mentora.contract import CATALOG, ErrorCode, error_responses
from mentora.meta.schemas import ErrorCodeOut, ErrorCodesEnvelope, HealthEnvelope, HealthOut
from mentora.platform.db import DatabaseDep

router = APIRouter(tags=["meta"])

_ERROR_CODES = ErrorCodesEnvelope(
    data=[
        ErrorCodeOut(code=entry.code, status=entry.status, description=entry.description, action=entry.action)
        for entry in CATALOG
    ]
)


@router.get("/healthz")
async def healthz() -> HealthEnvelope:
    """The process is up."""
    return HealthEnvelope(data=HealthOut())


@router.get("/readyz", responses=error_responses(ErrorCode.DATABASE_ERROR))
async def readyz(database: DatabaseDep) -> HealthEnvelope:
    """The database answers; DATABASE_ERROR when it does not."""
    await database.ping()
    return HealthEnvelope(data=HealthOut())


@router.get("/v1/meta/error-codes")
async def list_error_codes() -> ErrorCodesEnvelope:
    """The catalog of error codes: code, HTTP status, description and the frontend's action."""
    return _ERROR_CODES
