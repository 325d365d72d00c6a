"""Typed methods, one thin wrapper per route; a new route is a few lines here.

The resources know their client only through the small Protocol below: the client module
imports them, never the reverse. ``tests/test_openapi.py`` checks every method against the spec.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import AbstractAsyncContextManager, asynccontextmanager
from typing import Any, Protocol, Unpack, cast

from mentora_client._base import Params, segment, tokens_of
from mentora_client._session import AsyncSession
from mentora_client.errors import error_from_envelope
from mentora_client.hooks import Hooks, Tokens
from mentora_client.page import Page
from mentora_client.sse import ServerSentEvent
from mentora_client.types import (
    CaseStudyCreate,
    CaseStudyOut,
    CaseStudyStaffOut,
    CaseStudyUpdate,
    ChangePasswordIn,
    ErrorCodeOut,
    FirstAdminIn,
    GradeOut,
    HealthOut,
    InitializeIn,
    InvitedUserOut,
    JobDetailOut,
    JobOut,
    LoginIn,
    MeOut,
    MessageIn,
    MeUpdate,
    RegisterIn,
    RoleCreate,
    RoleOut,
    RoleUpdate,
    SessionDetailOut,
    SessionOut,
    TenantCreate,
    TenantOut,
    TenantUpdate,
    TokenPair,
    TurnOut,
    UserInvite,
    UserOut,
    UserUpdate,
)


class AsyncRequester(Protocol):
    """What the resources need of their client: its calls, which apply the whole policy."""

    async def request(
        self, method: str, path: str, *, params: Params | None = ..., json: Any = ..., authenticated: bool = ...
    ) -> Any: ...

    def stream(
        self, method: str, path: str, *, json: Any = ...
    ) -> AbstractAsyncContextManager[AsyncIterator[ServerSentEvent]]: ...


class _Resource:
    def __init__(self, client: AsyncRequester) -> None:
        self._client = client

    async def _data(self, method: str, path: str, **options: Any) -> Any:
        envelope = await self._client.request(method, path, **options)
        return envelope["data"]


class Auth(_Resource):
    def __init__(self, client: AsyncRequester, session: AsyncSession) -> None:
        super().__init__(client)
        self._session = session

    async def login(self, **body: Unpack[LoginIn]) -> TokenPair:
        """Sign in; the client keeps the tokens and refreshes them when they expire."""
        pair = cast(TokenPair, await self._data("POST", "/v1/auth/login", json=body, authenticated=False))
        self._session.start(tokens_of(pair))
        return pair

    async def register(self, **body: Unpack[RegisterIn]) -> TokenPair:
        """Create a student account and sign it in."""
        pair = cast(TokenPair, await self._data("POST", "/v1/auth/register", json=body, authenticated=False))
        self._session.start(tokens_of(pair))
        return pair

    async def refresh(self) -> Tokens | None:
        """Refresh the access token now (requests also do it by themselves when they need to)."""
        await self._session.refresh()
        return self._session.tokens

    async def logout(self) -> None:
        """End the sign-in on the server and forget the tokens, whatever the server says."""
        tokens = self._session.tokens
        try:
            if tokens is not None:
                body = {"refresh_token": tokens.refresh_token}
                await self._client.request("POST", "/v1/auth/logout", json=body, authenticated=False)
        finally:
            self._session.start(None)


class Me(_Resource):
    async def get(self) -> MeOut:
        return cast(MeOut, await self._data("GET", "/v1/users/me"))

    async def update(self, **body: Unpack[MeUpdate]) -> UserOut:
        return cast(UserOut, await self._data("PATCH", "/v1/users/me", json=body))

    async def change_password(self, **body: Unpack[ChangePasswordIn]) -> None:
        await self._data("POST", "/v1/users/me/change-password", json=body)


class Users(_Resource):
    """The tenant's users (``/v1/console/users``)."""

    async def list(
        self,
        *,
        role: str | None = None,
        is_active: bool | None = None,
        q: str | None = None,
        skip: int | None = None,
        limit: int | None = None,
    ) -> Page[UserOut]:
        params = {"role": role, "is_active": is_active, "q": q, "skip": skip, "limit": limit}
        return cast(Page[UserOut], await self._client.request("GET", "/v1/console/users", params=params))

    async def invite(self, **body: Unpack[UserInvite]) -> InvitedUserOut:
        return cast(InvitedUserOut, await self._data("POST", "/v1/console/users", json=body))

    async def get(self, user_id: str) -> UserOut:
        return cast(UserOut, await self._data("GET", f"/v1/console/users/{segment(user_id)}"))

    async def update(self, user_id: str, **body: Unpack[UserUpdate]) -> UserOut:
        return cast(UserOut, await self._data("PATCH", f"/v1/console/users/{segment(user_id)}", json=body))

    async def delete(self, user_id: str) -> None:
        await self._data("DELETE", f"/v1/console/users/{segment(user_id)}")

    async def deactivate(self, user_id: str) -> UserOut:
        return cast(UserOut, await self._data("POST", f"/v1/console/users/{segment(user_id)}/deactivate"))


class Roles(_Resource):
    """The tenant's roles (``/v1/console/roles``)."""

    async def list(self, *, skip: int | None = None, limit: int | None = None) -> Page[RoleOut]:
        params = {"skip": skip, "limit": limit}
        return cast(Page[RoleOut], await self._client.request("GET", "/v1/console/roles", params=params))

    async def create(self, **body: Unpack[RoleCreate]) -> RoleOut:
        return cast(RoleOut, await self._data("POST", "/v1/console/roles", json=body))

    async def get(self, role_id: str) -> RoleOut:
        return cast(RoleOut, await self._data("GET", f"/v1/console/roles/{segment(role_id)}"))

    async def update(self, role_id: str, **body: Unpack[RoleUpdate]) -> RoleOut:
        return cast(RoleOut, await self._data("PATCH", f"/v1/console/roles/{segment(role_id)}", json=body))

    async def delete(self, role_id: str) -> None:
        await self._data("DELETE", f"/v1/console/roles/{segment(role_id)}")


class Tenants(_Resource):
    """Institutions (``/v1/console/tenants``), for the platform operator."""

    async def list(
        self, *, include_inactive: bool | None = None, skip: int | None = None, limit: int | None = None
    ) -> Page[TenantOut]:
        params = {"include_inactive": include_inactive, "skip": skip, "limit": limit}
        return cast(Page[TenantOut], await self._client.request("GET", "/v1/console/tenants", params=params))

    async def create(self, **body: Unpack[TenantCreate]) -> TenantOut:
        return cast(TenantOut, await self._data("POST", "/v1/console/tenants", json=body))

    async def get(self, tenant_id: str) -> TenantOut:
        return cast(TenantOut, await self._data("GET", f"/v1/console/tenants/{segment(tenant_id)}"))

    async def update(self, tenant_id: str, **body: Unpack[TenantUpdate]) -> TenantOut:
        return cast(TenantOut, await self._data("PATCH", f"/v1/console/tenants/{segment(tenant_id)}", json=body))

    async def deactivate(self, tenant_id: str) -> None:
        await self._data("DELETE", f"/v1/console/tenants/{segment(tenant_id)}")

    async def create_admin(self, tenant_id: str, **body: Unpack[FirstAdminIn]) -> InvitedUserOut:
        path = f"/v1/console/tenants/{segment(tenant_id)}/admins"
        return cast(InvitedUserOut, await self._data("POST", path, json=body))


class CaseStudies(_Resource):
    """The case studies a learner may start (``/v1/case-studies``)."""

    async def list(self, *, skip: int | None = None, limit: int | None = None) -> Page[CaseStudyOut]:
        params = {"skip": skip, "limit": limit}
        return cast(Page[CaseStudyOut], await self._client.request("GET", "/v1/case-studies", params=params))

    async def get(self, case_study_id: str) -> CaseStudyOut:
        return cast(CaseStudyOut, await self._data("GET", f"/v1/case-studies/{segment(case_study_id)}"))


class ConsoleCaseStudies(_Resource):
    """Authoring case studies (``/v1/console/case-studies``), with the fields staff see."""

    async def list(self, *, skip: int | None = None, limit: int | None = None) -> Page[CaseStudyStaffOut]:
        params = {"skip": skip, "limit": limit}
        page = await self._client.request("GET", "/v1/console/case-studies", params=params)
        return cast(Page[CaseStudyStaffOut], page)

    async def create(self, **body: Unpack[CaseStudyCreate]) -> CaseStudyStaffOut:
        return cast(CaseStudyStaffOut, await self._data("POST", "/v1/console/case-studies", json=body))

    async def get(self, case_study_id: str) -> CaseStudyStaffOut:
        path = f"/v1/console/case-studies/{segment(case_study_id)}"
        return cast(CaseStudyStaffOut, await self._data("GET", path))

    async def update(self, case_study_id: str, **body: Unpack[CaseStudyUpdate]) -> CaseStudyStaffOut:
        path = f"/v1/console/case-studies/{segment(case_study_id)}"
        return cast(CaseStudyStaffOut, await self._data("PATCH", path, json=body))

    async def delete(self, case_study_id: str) -> None:
        await self._data("DELETE", f"/v1/console/case-studies/{segment(case_study_id)}")


class Sessions(_Resource):
    """Tutoring sessions (``/v1/sessions``)."""

    def __init__(self, client: AsyncRequester, hooks: Hooks) -> None:
        super().__init__(client)
        self._hooks = hooks  # an ``error`` event in a turn stream is reported like a failed request

    async def initialize(self, **body: Unpack[InitializeIn]) -> SessionDetailOut:
        """Start a session on a case study, or resume the active one (``session_id``)."""
        return cast(SessionDetailOut, await self._data("POST", "/v1/sessions/initialize", json=body))

    async def list(
        self, *, user_id: str | None = None, skip: int | None = None, limit: int | None = None
    ) -> Page[SessionOut]:
        params = {"user_id": user_id, "skip": skip, "limit": limit}
        return cast(Page[SessionOut], await self._client.request("GET", "/v1/sessions", params=params))

    async def get(self, session_id: str) -> SessionDetailOut:
        return cast(SessionDetailOut, await self._data("GET", f"/v1/sessions/{segment(session_id)}"))

    async def end(self, session_id: str) -> SessionDetailOut:
        return cast(SessionDetailOut, await self._data("POST", f"/v1/sessions/{segment(session_id)}/end"))

    async def send_message(self, session_id: str, **body: Unpack[MessageIn]) -> TurnOut:
        """Send a turn and wait for the whole answer."""
        path = f"/v1/sessions/{segment(session_id)}/messages"
        return cast(TurnOut, await self._data("POST", path, json=body))

    @asynccontextmanager
    async def stream_message(
        self, session_id: str, **body: Unpack[MessageIn]
    ) -> AsyncIterator[AsyncIterator[ServerSentEvent]]:
        """Send a turn and read the answer as it is written: ``meta``, ``delta``..., then ``done``.

        An ``error`` event is raised as its typed error (e.g. ExternalServiceError).
        """
        path = f"/v1/sessions/{segment(session_id)}/messages"
        async with self._client.stream("POST", path, json=body) as events:
            yield self._raising_error_events(events)

    async def _raising_error_events(self, events: AsyncIterator[ServerSentEvent]) -> AsyncIterator[ServerSentEvent]:
        async for event in events:
            if event.event == "error":
                error = error_from_envelope(event.json())
                await self._hooks.acall_for(error)
                raise error
            yield event


class Grades(_Resource):
    """Grades of tutoring sessions (``/v1/grades``; publishing is ``/v1/console/grades``)."""

    async def list(
        self,
        *,
        user_id: str | None = None,
        case_study_id: str | None = None,
        skip: int | None = None,
        limit: int | None = None,
    ) -> Page[GradeOut]:
        params = {"user_id": user_id, "case_study_id": case_study_id, "skip": skip, "limit": limit}
        return cast(Page[GradeOut], await self._client.request("GET", "/v1/grades", params=params))

    async def for_session(self, session_id: str) -> GradeOut:
        return cast(GradeOut, await self._data("GET", f"/v1/grades/session/{segment(session_id)}"))

    async def publish(self, grade_id: str) -> GradeOut:
        """Publish now (to the LMS), without waiting for the scheduled time."""
        return cast(GradeOut, await self._data("POST", f"/v1/console/grades/{segment(grade_id)}/publish"))


class Jobs(_Resource):
    """Background jobs (``/v1/console/jobs``), e.g. grading and LMS publishing."""

    async def list(
        self, *, status: str | None = None, kind: str | None = None, skip: int | None = None, limit: int | None = None
    ) -> Page[JobOut]:
        params = {"status": status, "kind": kind, "skip": skip, "limit": limit}
        return cast(Page[JobOut], await self._client.request("GET", "/v1/console/jobs", params=params))

    async def get(self, job_id: str) -> JobDetailOut:
        return cast(JobDetailOut, await self._data("GET", f"/v1/console/jobs/{segment(job_id)}"))

    async def retry(self, job_id: str) -> JobDetailOut:
        """Run a dead job again."""
        return cast(JobDetailOut, await self._data("POST", f"/v1/console/jobs/{segment(job_id)}/retry"))


class Meta(_Resource):
    async def error_codes(self) -> list[ErrorCodeOut]:
        return cast(list[ErrorCodeOut], await self._data("GET", "/v1/meta/error-codes", authenticated=False))

    async def health(self) -> HealthOut:
        return cast(HealthOut, await self._data("GET", "/healthz", authenticated=False))
