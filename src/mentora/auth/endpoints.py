from __future__ import annotations

from contextlib import AbstractAsyncContextManager
from functools import partial

from fastapi import APIRouter, Request

from mentora.auth.schemas import LoginIn, RefreshIn, RegisterIn, TokenEnvelope
from mentora.auth.service import AuthService, RefreshTokenReplayedError
from mentora.contract import EmptyEnvelope, ErrorCode, error_responses
from mentora.platform.db import SessionDep
from mentora.platform.db.session import after_commit
from mentora.platform.ratelimit.sign_in import sign_in_limited
from mentora.platform.services import Services, ServicesDep
from mentora.platform.tenancy import TenantRef

router = APIRouter(prefix="/v1/auth", tags=["auth"])


def auth_service(session: SessionDep, services: Services) -> AuthService:
    return AuthService(session, tokens=services.tokens, passwords=services.passwords, settings=services.settings)


def limit_sign_in(
    request: Request, services: Services, tenant: TenantRef, email: str
) -> AbstractAsyncContextManager[None]:
    """Against guessing: attempts per IP, and per IP and email (checked before any password);
    failed logins per account from every address."""
    return sign_in_limited(services.limiter, request.scope, tenant.id, email, tenant.settings)


SIGN_IN_ERRORS = (ErrorCode.TENANT_ERROR, ErrorCode.RATE_LIMIT_EXCEEDED)


@router.post("/register", status_code=201, responses=error_responses(ErrorCode.CONFLICT, *SIGN_IN_ERRORS))
async def register(data: RegisterIn, request: Request, session: SessionDep, services: ServicesDep) -> TokenEnvelope:
    """Create a student account in the tenant the request names, and sign it in."""
    tenant = await services.tenants.resolve_unauthenticated(request, data.tenant_slug)
    async with limit_sign_in(request, services, tenant, data.email):
        pair = await auth_service(session, services).register(tenant, data)
    return TokenEnvelope(data=pair, message="Account created")


@router.post("/login", responses=error_responses(ErrorCode.AUTHENTICATION_ERROR, *SIGN_IN_ERRORS))
async def login(data: LoginIn, request: Request, session: SessionDep, services: ServicesDep) -> TokenEnvelope:
    """Exchange email and password for an access token and a refresh token."""
    tenant = await services.tenants.resolve_unauthenticated(request, data.tenant_slug)
    async with limit_sign_in(request, services, tenant, data.email):
        pair = await auth_service(session, services).login(tenant, data.email, data.password, reader=services.database)
    return TokenEnvelope(data=pair)


@router.post("/refresh", responses=error_responses(ErrorCode.AUTHENTICATION_ERROR))
async def refresh(data: RefreshIn, session: SessionDep, services: ServicesDep) -> TokenEnvelope:
    """Rotate a refresh token: the new pair replaces it, and it cannot be used again."""
    try:
        return TokenEnvelope(data=await auth_service(session, services).refresh(data.refresh_token))
    except RefreshTokenReplayedError as replayed:
        # The revocation is committed although the request fails; then its tokens stop working.
        after_commit(session, partial(services.forget_sign_in, replayed.sign_in))
        raise


@router.post("/logout")
async def logout(data: RefreshIn, session: SessionDep, services: ServicesDep) -> EmptyEnvelope:
    """End the sign-in the refresh token belongs to: it and its access tokens stop working."""
    ended = await auth_service(session, services).logout(data.refresh_token)
    if ended is not None:
        after_commit(session, partial(services.forget_sign_in, ended))
    return EmptyEnvelope(data=None, message="Signed out")
