"""The two apps every benchmark compares, and how to sign in to ours.

The bare app is plain FastAPI with the same route table (routing cost grows with it)
and the same typed handlers, answering with FastAPI's defaults (plain model, its own 422
and 404) and none of our layers. Ours is the whole platform: request id, body limit,
CORS, idempotency, tenant, token verification, permission, rate limits (counted in
memory, never reached), envelopes.

Over HTTP the apps are served by uvicorn factories (``bare_from_env``, ``mentora_from_env``).
The bare one then also answers ``/bench/me`` with the queries ``GET /v1/users/me`` makes
(the user by id in its tenant, in a write transaction on the same SQLite file), so the
two can be compared on a route that reads the database. ``MENTORA_BENCH_SHIMS_OFF``
(comma-separated ``SHIMS`` names) serves ours without some of its shortcuts, to measure
what each one gains.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Annotated

import httpx
from fastapi import Depends, FastAPI
from pydantic import BaseModel, EmailStr, Field
from sqlalchemy import select

from mentora.api import mount_routers
from mentora.app import create_app
from mentora.bootstrap import create_tenant, create_user
from mentora.config import Settings
from mentora.contract import SuccessEnvelope
from mentora.platform.db import Database
from mentora.platform.db.migrations import migrate
from mentora.platform.security.permissions import Action, Module, permission
from mentora.platform.security.principal import Principal, RequirePermission
from mentora.users.models import User

TENANT = "bench"
EMAIL = "student@bench.example.com"
PASSWORD = "bench-password-1"  # a throwaway account in a temporary database
# Counted on every request, never reached: the cost of counting, not of refusing. Per second,
# so a moving window holds about one second of hits, no more than the deployment's limits hold.
GENEROUS = "1000000/second"


class MemberSettings(BaseModel):
    max_sessions: int | None = None


class MemberIn(BaseModel):
    email: EmailStr
    name: str = Field(min_length=1, max_length=255)
    settings: MemberSettings | None = None


class MemberOut(BaseModel):
    email: str
    name: str


# Parametrize once, as the domains' schemas do: subscripting per request costs ~1.4 us.
MemberEnvelope = SuccessEnvelope[MemberOut]
CaseStudyViewer = Annotated[Principal, Depends(RequirePermission(permission(Module.CASE_STUDIES, Action.VIEW)))]


def bare_app() -> FastAPI:
    app = FastAPI()
    mount_routers(app)

    @app.get("/bench/member")
    async def get_member() -> MemberOut:
        return MemberOut(email="ada@example.com", name="Ada")

    @app.post("/bench/members")
    async def create_member(member: MemberIn) -> MemberOut:
        return MemberOut(email=member.email, name=member.name)

    return app


def bare_from_env() -> FastAPI:
    """uvicorn factory: the bare app, with ``/bench/me`` reading the benchmark's user as
    ``GET /v1/users/me`` does (no token: it knows whom to read)."""
    settings = bench_settings(Path(os.environ["MENTORA_DATA_DIR"]))
    database = Database.from_settings(settings)
    user_key: dict[str, str] = {}

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        async with database.reading() as session:
            user = (await session.execute(select(User).where(User.email == EMAIL))).scalar_one()
        user_key.update(id=user.id, tenant_id=user.tenant_id)
        yield
        await database.dispose()

    app = bare_app()
    app.router.lifespan_context = lifespan

    @app.get("/bench/me")
    async def get_me() -> MemberOut:
        async with database.reading() as session:  # as a route that only reads
            statement = select(User).where(User.tenant_id == user_key["tenant_id"], User.id == user_key["id"])
            user = (await session.execute(statement)).scalar_one()
        return MemberOut(email=user.email, name=user.name)

    return app


def bench_settings(data_dir: Path, **overrides: object) -> Settings:
    generous = {"rate_limit_anonymous": GENEROUS, "rate_limit_user": GENEROUS, "rate_limit_tenant": GENEROUS}
    return Settings(data_dir=data_dir, access_log=False, log_level="ERROR", **{**generous, **overrides})


def mentora_app(settings: Settings) -> FastAPI:
    app = create_app(settings)

    @app.get("/bench/member")
    async def get_member() -> MemberEnvelope:
        return MemberEnvelope(data=MemberOut(email="ada@example.com", name="Ada"))

    @app.get("/bench/tenant-member")
    async def get_tenant_member(caller: CaseStudyViewer) -> MemberEnvelope:
        return MemberEnvelope(data=MemberOut(email="ada@example.com", name="Ada"))

    @app.post("/bench/members")
    async def create_member(member: MemberIn) -> MemberEnvelope:
        return MemberEnvelope(data=MemberOut(email=member.email, name=member.name))

    return app


def mentora_from_env() -> FastAPI:
    """uvicorn factory: ours, on the database and data folder named by MENTORA_* variables,
    without the shortcuts named in ``MENTORA_BENCH_SHIMS_OFF``."""
    off = [name for name in os.environ.get("MENTORA_BENCH_SHIMS_OFF", "").split(",") if name]
    for name in off:
        SHIMS[name].before()
    app = mentora_app(bench_settings(Path(os.environ["MENTORA_DATA_DIR"])))
    for name in off:
        SHIMS[name].after(app)
    count_earlier_callers(app, int(os.environ.get("MENTORA_BENCH_EARLIER_CALLERS", "0")))
    return app


def count_earlier_callers(app: FastAPI, callers: int) -> None:
    """The rate limiter's memory as after ``callers`` other callers came and went: one hit each,
    under a key of its own, in a one-second window that has passed by the time the run starts."""
    if not callers:
        return
    from limits import RateLimitItemPerSecond

    from mentora.platform.services import Services

    services: Services = app.state.services
    in_process = services.limiter._local._limiter  # set-up reaches in; the app never does
    one_a_second = RateLimitItemPerSecond(1)
    for caller in range(callers):
        in_process.hit(one_a_second, "earlier-caller", str(caller))


class ShimSwitch:
    """How to serve ours without one shortcut: before building the app, and after."""

    def __init__(self, before: Callable[[], None] = lambda: None, after: Callable[[FastAPI], None] = lambda _: None):
        self.before = before
        self.after = after


def _without_swept_in_steps() -> None:
    from limits.storage import MemoryStorage

    from mentora.platform.ratelimit import limiter

    limiter.SweptInSteps = MemoryStorage  # type: ignore[misc] # the library's own, with its timer thread


class _NeverKept(dict[str, object]):
    def __setitem__(self, key: str, value: object) -> None:
        pass


def _without_verified_tokens() -> None:
    from mentora.platform.security.tokens import TokenService

    built = TokenService.__init__

    def init(self: TokenService, settings: Settings) -> None:
        built(self, settings)
        self._verified = _NeverKept()  # type: ignore[assignment] # every request verifies its token

    TokenService.__init__ = init  # type: ignore[method-assign]


SHIMS: dict[str, ShimSwitch] = {
    "swept_in_steps": ShimSwitch(before=_without_swept_in_steps),
    "verified_tokens": ShimSwitch(before=_without_verified_tokens),
    # Not a shortcut but a cost: "gain" is then minus the cost of counting every request.
    "metrics": ShimSwitch(before=lambda: os.environ.__setitem__("MENTORA_METRICS_ENABLED", "false")),
}


async def prepare_database(settings: Settings) -> None:
    """Migrate, then add the tenant and the student the benchmarks sign in as."""
    await migrate(settings)
    await create_tenant(settings, name="Bench University", slug=TENANT)
    await create_user(
        settings, tenant_slug=TENANT, email=EMAIL, name="Bench Student", password=PASSWORD, role="STUDENT"
    )


async def sign_in(client: httpx.AsyncClient, email: str = EMAIL) -> dict[str, str]:
    """Headers of a signed-in user of the bench tenant (the student unless told)."""
    response = await client.post("/v1/auth/login", json={"email": email, "password": PASSWORD}, headers=tenant_header())
    response.raise_for_status()
    return {**tenant_header(), "Authorization": f"Bearer {response.json()['data']['access_token']}"}


def tenant_header() -> dict[str, str]:
    return {"X-Tenant": TENANT}


async def sign_in_over_http(url: str, email: str = EMAIL) -> dict[str, str]:
    """``sign_in`` against a server running at ``url``."""
    async with httpx.AsyncClient(base_url=url) as client:
        return await sign_in(client, email)
