from __future__ import annotations

from contextlib import AbstractAsyncContextManager
from typing import Annotated, Any

from fastapi import APIRouter, Cookie, Header, Request, Response

from mentora.auth.cookies import (
    AUTH_PATH,
    CSRF_COOKIE,
    CSRF_HEADER,
    REFRESH_COOKIE,
    RefreshCookieRoute,
    RefreshCookies,
    missing_refresh_token,
)
from mentora.auth.schemas import LoginIn, RefreshIn, RegisterIn, TokenEnvelope
from mentora.auth.service import AuthService
from mentora.contract import AuthorizationError, EmptyEnvelope, ErrorCode, error_responses
from mentora.platform.db import SessionDep
from mentora.platform.ratelimit.sign_in import sign_in_limited
from mentora.platform.services import Services, ServicesDep
from mentora.platform.tenancy import TenantRef

router = APIRouter(prefix=AUTH_PATH, tags=["auth"], route_class=RefreshCookieRoute)

RefreshCookie = Annotated[
    str | None,
    Cookie(
        alias=REFRESH_COOKIE,
        max_length=200,
        description="The refresh token, when `refresh_cookie` put it in this cookie (browser apps). "
        "Used only when the body has no `refresh_token`, and then only with `X-CSRF-Token`.",
    ),
]
CsrfToken = Annotated[
    str | None,
    Header(
        alias=CSRF_HEADER,
        description=f"The value of the `{CSRF_COOKIE}` cookie: required when the `{REFRESH_COOKIE}` "
        "cookie is used, else AUTHORIZATION_ERROR.",
    ),
]


def _sets_cookies(status: int, when: str) -> dict[int | str, dict[str, Any]]:
    """The success response's ``Set-Cookie``, said in its description as well as its headers."""
    text = (
        f"{when}: `{REFRESH_COOKIE}` (HttpOnly, `Path={AUTH_PATH}`) and `{CSRF_COOKIE}` (readable by the page, "
        "`Path=/`), both `Secure; SameSite=Strict`, one `Set-Cookie` header each."
    )
    return {
        status: {
            "description": f"Success. Set-Cookie: {text}",
            "headers": {"Set-Cookie": {"description": text, "schema": {"type": "string"}}},
        }
    }


ASKED_FOR_COOKIES = "With `refresh_cookie`, the refresh token's cookies"


def auth_service(session: SessionDep, services: Services) -> AuthService:
    return AuthService(
        session,
        tokens=services.tokens,
        passwords=services.passwords,
        settings=services.settings,
        forget_sign_in=services.forget_sign_in,
    )


def refresh_cookies(services: Services) -> RefreshCookies:
    return RefreshCookies(services.secrets, lifetime_days=services.settings.refresh_token_days)


def limit_sign_in(
    request: Request, services: Services, tenant: TenantRef, email: str
) -> AbstractAsyncContextManager[None]:
    """Against guessing: attempts per IP, and per IP and email (checked before any password);
    failed logins per account from every address."""
    return sign_in_limited(services.limiter, request.scope, tenant.id, email, tenant.settings)


SIGN_IN_ERRORS = (ErrorCode.TENANT_ERROR, ErrorCode.RATE_LIMIT_EXCEEDED)
# A refresh cookie sent without its CSRF token, or from another origin.
COOKIE_ERRORS = (ErrorCode.AUTHORIZATION_ERROR,)
REGISTRATION_CLOSED = "This institution does not let students create their own accounts; ask for an invitation"


@router.post(
    "/register",
    status_code=201,
    responses={
        **error_responses(ErrorCode.CONFLICT, ErrorCode.AUTHORIZATION_ERROR, *SIGN_IN_ERRORS),
        **_sets_cookies(201, ASKED_FOR_COOKIES),
    },
)
async def register(
    data: RegisterIn, request: Request, response: Response, session: SessionDep, services: ServicesDep
) -> TokenEnvelope:
    """Create a student account in the tenant the request names, and sign it in.
    AUTHORIZATION_ERROR when the institution has closed registration (``settings.registration_open``)."""
    tenant = await services.tenants.resolve_unauthenticated(request, data.tenant_slug)
    if not tenant.settings.registration_open:
        # Refused before any password work or attempt counting: nothing was tried.
        raise AuthorizationError(REGISTRATION_CLOSED, details={"required": "settings.registration_open"})
    async with limit_sign_in(request, services, tenant, data.email):
        pair = await auth_service(session, services).register(tenant, data)
    if data.refresh_cookie:
        pair = refresh_cookies(services).deliver(response, pair)
    return TokenEnvelope(data=pair, message="Account created")


@router.post(
    "/login",
    responses={
        **error_responses(ErrorCode.AUTHENTICATION_ERROR, *SIGN_IN_ERRORS),
        **_sets_cookies(200, ASKED_FOR_COOKIES),
    },
)
async def login(
    data: LoginIn, request: Request, response: Response, session: SessionDep, services: ServicesDep
) -> TokenEnvelope:
    """Exchange email and password for an access token and a refresh token."""
    tenant = await services.tenants.resolve_unauthenticated(request, data.tenant_slug)
    async with limit_sign_in(request, services, tenant, data.email):
        pair = await auth_service(session, services).login(tenant, data.email, data.password, reader=services.database)
    if data.refresh_cookie:
        pair = refresh_cookies(services).deliver(response, pair)
    return TokenEnvelope(data=pair)


@router.post(
    "/refresh",
    responses={
        **error_responses(ErrorCode.AUTHENTICATION_ERROR, *COOKIE_ERRORS),
        **_sets_cookies(200, "Through the cookie, the new refresh token's cookies"),
    },
)
async def refresh(
    data: RefreshIn,
    request: Request,
    response: Response,
    session: SessionDep,
    services: ServicesDep,
    cookie: RefreshCookie = None,
    csrf_token: CsrfToken = None,
) -> TokenEnvelope:
    """Rotate a refresh token: the new pair replaces it, and it cannot be used again.

    The token comes from the body, or else from the `mentora_refresh` cookie; through the
    cookie, the new one is set as the cookie again (and `refresh_token` is null), and a
    token refused with AUTHENTICATION_ERROR has its cookies cleared.
    """
    if data.refresh_token is not None:
        return TokenEnvelope(data=await auth_service(session, services).refresh(data.refresh_token))
    cookies = refresh_cookies(services)
    token = cookies.accept(request, cookie, csrf_token)
    if token is None:
        raise missing_refresh_token()
    return TokenEnvelope(data=cookies.deliver(response, await auth_service(session, services).refresh(token)))


@router.post(
    "/logout",
    responses={
        **error_responses(*COOKIE_ERRORS),
        **_sets_cookies(200, "Without `refresh_token` in the body, both cookies, cleared (`Max-Age=0`)"),
    },
)
async def logout(
    data: RefreshIn,
    request: Request,
    response: Response,
    session: SessionDep,
    services: ServicesDep,
    cookie: RefreshCookie = None,
    csrf_token: CsrfToken = None,
) -> EmptyEnvelope:
    """End the sign-in the refresh token belongs to: it and its access tokens stop working.

    The token comes from the body, or else from the `mentora_refresh` cookie, whose
    cookies are then cleared. Signing out what is not signed in (no token, an unknown
    or ended one) succeeds and changes nothing.
    """
    token = data.refresh_token
    if token is None:
        cookies = refresh_cookies(services)
        token = cookies.accept(request, cookie, csrf_token)
        cookies.clear(response)
    if token is not None:
        await auth_service(session, services).logout(token)
    return EmptyEnvelope(data=None, message="Signed out")
