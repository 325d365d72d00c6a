# Generated from mentora_client/_async/resources.py by `uv run python scripts/generate_sync.py`.
# Edit that file and run the command again; tests/test_generate_sync.py fails while this one is stale.

"""Typed methods, one thin wrapper per route; a new route is a few lines here.

The resources know their client only through the small Protocol below: the client module
imports them, never the reverse. ``tests/test_openapi.py`` checks every method against the spec.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import Any, Protocol, Unpack, cast

from mentora_client._base import Params, segment, tokens_of
from mentora_client._session import SyncSession
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


class SyncRequester(Protocol):
    """What the resources need of their client: its calls, which apply the whole policy."""

    def request(
        self, method: str, path: str, *, params: Params | None = ..., json: Any = ..., authenticated: bool = ...
    ) -> Any: ...

    def stream(
        self, method: str, path: str, *, json: Any = ...
    ) -> AbstractContextManager[Iterator[ServerSentEvent]]: ...


class _Resource:
    def __init__(self, client: SyncRequester) -> None:
        self._client = client

    def _data(self, method: str, path: str, **options: Any) -> Any:
        envelope = self._client.request(method, path, **options)
        return envelope["data"]


class Auth(_Resource):
    def __init__(self, client: SyncRequester, session: SyncSession) -> None:
        super().__init__(client)
        self._session = session

    def login(self, **body: Unpack[LoginIn]) -> TokenPair:
        """Sign in; the client keeps the tokens and refreshes them when they expire."""
        pair = cast(TokenPair, self._data("POST", "/v1/auth/login", json=body, authenticated=False))
        self._session.start(tokens_of(pair))
        return pair

    def register(self, **body: Unpack[RegisterIn]) -> TokenPair:
        """Create a student account and sign it in."""
        pair = cast(TokenPair, self._data("POST", "/v1/auth/register", json=body, authenticated=False))
        self._session.start(tokens_of(pair))
        return pair

    def refresh(self) -> Tokens | None:
        """Refresh the access token now (requests also do it by themselves when they need to)."""
        self._session.refresh()
        return self._session.tokens

    def logout(self) -> None:
        """End the sign-in on the server and forget the tokens, whatever the server says."""
        tokens = self._session.tokens
        try:
            if tokens is not None:
                body = {"refresh_token": tokens.refresh_token}
                self._client.request("POST", "/v1/auth/logout", json=body, authenticated=False)
        finally:
            self._session.start(None)


class Me(_Resource):
    def get(self) -> MeOut:
        return cast(MeOut, self._data("GET", "/v1/users/me"))

    def update(self, **body: Unpack[MeUpdate]) -> UserOut:
        return cast(UserOut, self._data("PATCH", "/v1/users/me", json=body))

    def change_password(self, **body: Unpack[ChangePasswordIn]) -> None:
        self._data("POST", "/v1/users/me/change-password", json=body)


class Users(_Resource):
    """The tenant's users (``/v1/console/users``)."""

    def list(
        self,
        *,
        role: str | None = None,
        is_active: bool | None = None,
        q: str | None = None,
        skip: int | None = None,
        limit: int | None = None,
    ) -> Page[UserOut]:
        params = {"role": role, "is_active": is_active, "q": q, "skip": skip, "limit": limit}
        return cast(Page[UserOut], self._client.request("GET", "/v1/console/users", params=params))

    def invite(self, **body: Unpack[UserInvite]) -> InvitedUserOut:
        return cast(InvitedUserOut, self._data("POST", "/v1/console/users", json=body))

    def get(self, user_id: str) -> UserOut:
        return cast(UserOut, self._data("GET", f"/v1/console/users/{segment(user_id)}"))

    def update(self, user_id: str, **body: Unpack[UserUpdate]) -> UserOut:
        return cast(UserOut, self._data("PATCH", f"/v1/console/users/{segment(user_id)}", json=body))

    def delete(self, user_id: str) -> None:
        self._data("DELETE", f"/v1/console/users/{segment(user_id)}")

    def deactivate(self, user_id: str) -> UserOut:
        return cast(UserOut, self._data("POST", f"/v1/console/users/{segment(user_id)}/deactivate"))


class Roles(_Resource):
    """The tenant's roles (``/v1/console/roles``)."""

    def list(self, *, skip: int | None = None, limit: int | None = None) -> Page[RoleOut]:
        params = {"skip": skip, "limit": limit}
        return cast(Page[RoleOut], self._client.request("GET", "/v1/console/roles", params=params))

    def create(self, **body: Unpack[RoleCreate]) -> RoleOut:
        return cast(RoleOut, self._data("POST", "/v1/console/roles", json=body))

    def get(self, role_id: str) -> RoleOut:
        return cast(RoleOut, self._data("GET", f"/v1/console/roles/{segment(role_id)}"))

    def update(self, role_id: str, **body: Unpack[RoleUpdate]) -> RoleOut:
        return cast(RoleOut, self._data("PATCH", f"/v1/console/roles/{segment(role_id)}", json=body))

    def delete(self, role_id: str) -> None:
        self._data("DELETE", f"/v1/console/roles/{segment(role_id)}")


class Tenants(_Resource):
    """Institutions (``/v1/console/tenants``), for the platform operator."""

    def list(
        self, *, include_inactive: bool | None = None, skip: int | None = None, limit: int | None = None
    ) -> Page[TenantOut]:
        params = {"include_inactive": include_inactive, "skip": skip, "limit": limit}
        return cast(Page[TenantOut], self._client.request("GET", "/v1/console/tenants", params=params))

    def create(self, **body: Unpack[TenantCreate]) -> TenantOut:
        return cast(TenantOut, self._data("POST", "/v1/console/tenants", json=body))

    def get(self, tenant_id: str) -> TenantOut:
        return cast(TenantOut, self._data("GET", f"/v1/console/tenants/{segment(tenant_id)}"))

    def update(self, tenant_id: str, **body: Unpack[TenantUpdate]) -> TenantOut:
        return cast(TenantOut, self._data("PATCH", f"/v1/console/tenants/{segment(tenant_id)}", json=body))

    def deactivate(self, tenant_id: str) -> None:
        self._data("DELETE", f"/v1/console/tenants/{segment(tenant_id)}")

    def create_admin(self, tenant_id: str, **body: Unpack[FirstAdminIn]) -> InvitedUserOut:
        path = f"/v1/console/tenants/{segment(tenant_id)}/admins"
        return cast(InvitedUserOut, self._data("POST", path, json=body))


class CaseStudies(_Resource):
    """The case studies a learner may start (``/v1/case-studies``)."""

    def list(self, *, skip: int | None = None, limit: int | None = None) -> Page[CaseStudyOut]:
        params = {"skip": skip, "limit": limit}
        return cast(Page[CaseStudyOut], self._client.request("GET", "/v1/case-studies", params=params))

    def get(self, case_study_id: str) -> CaseStudyOut:
        return cast(CaseStudyOut, self._data("GET", f"/v1/case-studies/{segment(case_study_id)}"))


class ConsoleCaseStudies(_Resource):
    """Authoring case studies (``/v1/console/case-studies``), with the fields staff see."""

    def list(self, *, skip: int | None = None, limit: int | None = None) -> Page[CaseStudyStaffOut]:
        params = {"skip": skip, "limit": limit}
        page = self._client.request("GET", "/v1/console/case-studies", params=params)
        return cast(Page[CaseStudyStaffOut], page)

    def create(self, **body: Unpack[CaseStudyCreate]) -> CaseStudyStaffOut:
        return cast(CaseStudyStaffOut, self._data("POST", "/v1/console/case-studies", json=body))

    def get(self, case_study_id: str) -> CaseStudyStaffOut:
        path = f"/v1/console/case-studies/{segment(case_study_id)}"
        return cast(CaseStudyStaffOut, self._data("GET", path))

    def update(self, case_study_id: str, **body: Unpack[CaseStudyUpdate]) -> CaseStudyStaffOut:
        path = f"/v1/console/case-studies/{segment(case_study_id)}"
        return cast(CaseStudyStaffOut, self._data("PATCH", path, json=body))

    def delete(self, case_study_id: str) -> None:
        self._data("DELETE", f"/v1/console/case-studies/{segment(case_study_id)}")


class Sessions(_Resource):
    """Tutoring sessions (``/v1/sessions``)."""

    def __init__(self, client: SyncRequester, hooks: Hooks) -> None:
        super().__init__(client)
        self._hooks = hooks  # an ``error`` event in a turn stream is reported like a failed request

    def initialize(self, **body: Unpack[InitializeIn]) -> SessionDetailOut:
        """Start a session on a case study, or resume the active one (``session_id``)."""
        return cast(SessionDetailOut, self._data("POST", "/v1/sessions/initialize", json=body))

    def list(
        self, *, user_id: str | None = None, skip: int | None = None, limit: int | None = None
    ) -> Page[SessionOut]:
        params = {"user_id": user_id, "skip": skip, "limit": limit}
        return cast(Page[SessionOut], self._client.request("GET", "/v1/sessions", params=params))

    def get(self, session_id: str) -> SessionDetailOut:
        return cast(SessionDetailOut, self._data("GET", f"/v1/sessions/{segment(session_id)}"))

    def end(self, session_id: str) -> SessionDetailOut:
        return cast(SessionDetailOut, self._data("POST", f"/v1/sessions/{segment(session_id)}/end"))

    def send_message(self, session_id: str, **body: Unpack[MessageIn]) -> TurnOut:
        """Send a turn and wait for the whole answer."""
        path = f"/v1/sessions/{segment(session_id)}/messages"
        return cast(TurnOut, self._data("POST", path, json=body))

    @contextmanager
    def stream_message(
        self, session_id: str, **body: Unpack[MessageIn]
    ) -> Iterator[Iterator[ServerSentEvent]]:
        """Send a turn and read the answer as it is written: ``meta``, ``delta``..., then ``done``.

        An ``error`` event is raised as its typed error (e.g. ExternalServiceError).
        """
        path = f"/v1/sessions/{segment(session_id)}/messages"
        with self._client.stream("POST", path, json=body) as events:
            yield self._raising_error_events(events)

    def _raising_error_events(self, events: Iterator[ServerSentEvent]) -> Iterator[ServerSentEvent]:
        for event in events:
            if event.event == "error":
                error = error_from_envelope(event.json())
                self._hooks.call_for(error)
                raise error
            yield event


class Grades(_Resource):
    """Grades of tutoring sessions (``/v1/grades``; publishing is ``/v1/console/grades``)."""

    def list(
        self,
        *,
        user_id: str | None = None,
        case_study_id: str | None = None,
        skip: int | None = None,
        limit: int | None = None,
    ) -> Page[GradeOut]:
        params = {"user_id": user_id, "case_study_id": case_study_id, "skip": skip, "limit": limit}
        return cast(Page[GradeOut], self._client.request("GET", "/v1/grades", params=params))

    def for_session(self, session_id: str) -> GradeOut:
        return cast(GradeOut, self._data("GET", f"/v1/grades/session/{segment(session_id)}"))

    def publish(self, grade_id: str) -> GradeOut:
        """Publish now (to the LMS), without waiting for the scheduled time."""
        return cast(GradeOut, self._data("POST", f"/v1/console/grades/{segment(grade_id)}/publish"))


class Jobs(_Resource):
    """Background jobs (``/v1/console/jobs``), e.g. grading and LMS publishing."""

    def list(
        self, *, status: str | None = None, kind: str | None = None, skip: int | None = None, limit: int | None = None
    ) -> Page[JobOut]:
        params = {"status": status, "kind": kind, "skip": skip, "limit": limit}
        return cast(Page[JobOut], self._client.request("GET", "/v1/console/jobs", params=params))

    def get(self, job_id: str) -> JobDetailOut:
        return cast(JobDetailOut, self._data("GET", f"/v1/console/jobs/{segment(job_id)}"))

    def retry(self, job_id: str) -> JobDetailOut:
        """Run a dead job again."""
        return cast(JobDetailOut, self._data("POST", f"/v1/console/jobs/{segment(job_id)}/retry"))


class Meta(_Resource):
    def error_codes(self) -> list[ErrorCodeOut]:
        return cast(list[ErrorCodeOut], self._data("GET", "/v1/meta/error-codes", authenticated=False))

    def health(self) -> HealthOut:
        return cast(HealthOut, self._data("GET", "/healthz", authenticated=False))
