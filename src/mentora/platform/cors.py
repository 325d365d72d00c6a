"""CORS per tenant: an origin is allowed when a tenant lists it in ``allowed_origins``.

A preflight carries no token and no tenant header, only its Origin, so the origin itself
finds the tenants that allow it; an actual request that names its tenant (``X-Tenant``)
is allowed only for that tenant's origins. Starlette's CORSMiddleware takes one static
list, so this small middleware asks the tenant directory (cached) instead.
"""

from __future__ import annotations

from starlette.datastructures import Headers
from starlette.responses import Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from mentora.platform.caller import caller_of
from mentora.platform.tenancy import TenantResolver

ALLOWED_METHODS = "GET, POST, PUT, PATCH, DELETE"
ALLOWED_HEADERS = "authorization, content-type, x-tenant, x-request-id, idempotency-key, accept, last-event-id"
# Every header a client acts on: a browser hides the others from the page.
EXPOSED_HEADERS = (
    "x-request-id, retry-after, www-authenticate, allow, idempotent-replayed, "
    "ratelimit-limit, ratelimit-remaining, ratelimit-reset"
)
PREFLIGHT_MAX_AGE = "600"


class TenantCorsMiddleware:
    def __init__(self, app: ASGIApp, *, tenants: TenantResolver) -> None:
        self.app = app
        self._tenants = tenants

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not any(name == b"origin" for name, _ in scope["headers"]):
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        origin = headers["origin"]
        allowed_for = await self._tenants.tenants_allowing(origin)
        named = caller_of(scope).tenant_header  # only an explicit X-Tenant restricts the origin
        allowed = bool(allowed_for) and (named is None or named in allowed_for)
        if scope["method"] == "OPTIONS" and "access-control-request-method" in headers:
            if allowed:
                await self._preflight(origin)(scope, receive, send)
                return
            await self.app(scope, receive, send)  # answered as an unknown method, without CORS headers
            return
        if not allowed:
            await self.app(scope, receive, send)
            return

        async def send_with_cors(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [
                    *message.get("headers", ()),
                    (b"access-control-allow-origin", origin.encode("latin-1")),
                    (b"access-control-expose-headers", EXPOSED_HEADERS.encode()),
                    (b"vary", b"Origin"),
                ]
            await send(message)

        await self.app(scope, receive, send_with_cors)

    @staticmethod
    def _preflight(origin: str) -> Response:
        return Response(
            status_code=204,
            headers={
                "Access-Control-Allow-Origin": origin,
                "Access-Control-Allow-Methods": ALLOWED_METHODS,
                "Access-Control-Allow-Headers": ALLOWED_HEADERS,
                "Access-Control-Max-Age": PREFLIGHT_MAX_AGE,
                "Vary": "Origin",
            },
        )
