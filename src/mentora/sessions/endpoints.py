from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request, Response
from sqlalchemy.ext.asyncio import AsyncSession
from sse_starlette import EventSourceResponse

from mentora.contract import ErrorCode, error_responses, id_links
from mentora.platform.db import DatabaseDep, ReadSessionDep, SessionDep
from mentora.platform.pagination import Page
from mentora.platform.security.permissions import Action, Module, permission
from mentora.platform.security.principal import Principal, RequirePermission
from mentora.platform.services import Services, ServicesDep
from mentora.sessions.schemas import (
    InitializeIn,
    MessageIn,
    SessionDetailEnvelope,
    SessionListEnvelope,
    TurnEnvelope,
    TurnOut,
)
from mentora.sessions.service import SessionService, is_due, session_out, tutor_name
from mentora.sessions.streaming import answer_events
from mentora.sessions.turns import TurnService

router = APIRouter(prefix="/v1/sessions", tags=["sessions"])

SessionReader = Annotated[Principal, Depends(RequirePermission(permission(Module.SESSIONS, Action.VIEW)))]
SessionStarter = Annotated[Principal, Depends(RequirePermission(permission(Module.SESSIONS, Action.CREATE)))]
SessionWriter = Annotated[Principal, Depends(RequirePermission(permission(Module.SESSIONS, Action.EDIT)))]
CREATED_LINKS = id_links(
    dict.fromkeys(
        (
            "get_session",
            "send_message",
            "end_session",
            "get_session_grade",
        ),
        "session_id",
    )
)
STREAM_DOC: dict[int | str, dict[str, Any]] = {
    200: {
        "content": {
            "text/event-stream": {
                "schema": {"type": "string"},
                "example": 'event: meta\ndata: {...}\n\nevent: delta\ndata: {"text": "..."}\n\n'
                "event: done\ndata: {...}\n\n",
            }
        },
        "description": "JSON, or with `Accept: text/event-stream` the events meta, delta..., then done or error",
    }
}


def session_service(session: AsyncSession, caller: Principal, services: Services) -> SessionService:
    return SessionService(session, caller, max_attempts=services.settings.job_max_attempts)


@router.post(
    "/initialize",
    status_code=201,
    responses={**error_responses(ErrorCode.NOT_FOUND, ErrorCode.CONFLICT), **CREATED_LINKS},
)
async def initialize_session(
    data: InitializeIn, caller: SessionStarter, session: SessionDep, services: ServicesDep, response: Response
) -> SessionDetailEnvelope:
    """Start a session on a case study, or resume the active one given as ``session_id`` (200).

    A second active session on the same case study is CONFLICT naming the active
    ``session_id``; so is going past the session limit (the user's, else the tenant's).
    """
    sessions = session_service(session, caller, services)
    tutoring, created = await sessions.initialize(data.content_id, data.session_id)
    if not created:
        response.status_code = 200
    return SessionDetailEnvelope(data=await sessions.detail(tutoring), message="Session started" if created else None)


@router.get("")
async def list_sessions(
    caller: SessionReader,
    session: ReadSessionDep,
    services: ServicesDep,
    page: Page,
    user_id: Annotated[str | None, Query(max_length=36, description="Staff only: one student's")] = None,
    case_study_id: Annotated[str | None, Query(max_length=36, description="Only this case study's")] = None,
) -> SessionListEnvelope:
    """Your sessions, newest first (staff who grade see the tenant's, by student and case study)."""
    sessions = session_service(session, caller, services)
    items, total = await sessions.list(skip=page.skip, limit=page.limit, user_id=user_id, case_study_id=case_study_id)
    tutor = tutor_name(await sessions.tenant())
    return SessionListEnvelope.page_of(
        [session_out(s, tutor) for s in items], total=total, skip=page.skip, limit=page.limit
    )


@router.get("/{session_id}", responses=error_responses(ErrorCode.NOT_FOUND))
async def get_session(
    session_id: str, caller: SessionReader, session: ReadSessionDep, database: DatabaseDep, services: ServicesDep
) -> SessionDetailEnvelope:
    """One session with its transcript."""
    sessions = session_service(session, caller, services)
    tutoring = await sessions.find(session_id)
    if is_due(tutoring):  # rare: its time is up and nothing has ended it yet; that is a write
        async with database.transaction() as writing:
            sessions = session_service(writing, caller, services)
            return SessionDetailEnvelope(data=await sessions.detail(await sessions.get(session_id)))
    return SessionDetailEnvelope(data=await sessions.detail(tutoring))


@router.post("/{session_id}/end", responses=error_responses(ErrorCode.NOT_FOUND, ErrorCode.CONFLICT))
async def end_session(
    session_id: str, caller: SessionWriter, session: SessionDep, services: ServicesDep
) -> SessionDetailEnvelope:
    """End your session."""
    sessions = session_service(session, caller, services)
    tutoring = await sessions.end(session_id)
    return SessionDetailEnvelope(data=await sessions.detail(tutoring), message="Session ended")


@router.post(
    "/{session_id}/messages",
    responses={
        **error_responses(ErrorCode.NOT_FOUND, ErrorCode.CONFLICT, ErrorCode.EXTERNAL_SERVICE_ERROR),
        **STREAM_DOC,
    },
)
async def send_message(
    session_id: str, data: MessageIn, request: Request, caller: SessionWriter, services: ServicesDep
) -> TurnEnvelope:
    """Send your turn and get the tutor's answer; streamed as server-sent events when you
    accept ``text/event-stream``. Your turn is stored before the tutor is asked, so if the
    AI fails (EXTERNAL_SERVICE_ERROR) send the same text again to retry that turn."""
    turns = TurnService(services, caller)
    await turns.count(request.scope)
    turn = await turns.begin(session_id, data.content)
    if "text/event-stream" in request.headers.get("accept", ""):
        # A client that stops reading must not hold the turn forever: sends time out.
        return EventSourceResponse(await answer_events(turns, turn), ping=15, send_timeout=30)  # type: ignore[return-value]
    student, reply = await turns.reply(turn)
    return TurnEnvelope(data=TurnOut(student_message=student, reply=reply))
