"""The reference backend's HTTP API (FastAPI). The OpenAPI document comes from here:
``welfare-backend openapi > docs/openapi.json``."""


import logging
from datetime import datetime, timezone
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, Field
from sqlalchemy.orm import Session, sessionmaker

from sync import protocol
from sync.server import announcements, store
from sync.server.store import BackendError, DeviceIdentity
from sync.server.booking import booking_router
from sync.server.console.app import console_app
from sync.server.console.fleet import metrics_router
from sync.server.identity import identity_router
from sync.server.participation import participation_router
from sync.server.reports import reports_router
from sync.server.queue import queue_router
from sync.server.video import video_router
# The requests' and answers' models come from the shapes in sync/protocol.py, which the kiosk checks.
from sync.server.wire import (CataloguePage, EnrolAnswer, EnrolRequest, Heartbeat, HeartbeatAnswer, PushAnswer,
                              PushRequest)

log = logging.getLogger(__name__)


class ErrorAnswer(BaseModel):
    error: str = Field(description="one of: " + ", ".join(protocol.ERRORS))
    message: str


_ERRORS = {401: {"model": ErrorAnswer}, 403: {"model": ErrorAnswer}, 422: {"model": ErrorAnswer}}


class RequestBodyGuard:
    """Checks every JSON request body before any route sees it (ASGI middleware).

    Python's JSON reader accepts what no store takes: NaN and ±Infinity, a lone ``\\ud800``
    escape, integers of any size, nesting until the interpreter's recursion limit. Those
    used to reach the database and come back as a 500; here they are a 422 that says
    which value is wrong (protocol.json_body_problems), and an oversized body is a 413.
    One place for every route, also the ones other modules add.
    """

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http" or scope["method"] not in ("POST", "PUT", "PATCH"):
            return await self.app(scope, receive, send)
        ctype = dict(scope.get("headers") or ()).get(b"content-type", b"").decode("latin-1").lower()
        if ctype and "json" not in ctype:
            return await self.app(scope, receive, send)
        chunks, size, more = [], 0, True
        while more:
            message = await receive()
            if message["type"] != "http.request":  # the client went away
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > protocol.MAX_REQUEST_BYTES:
                return await self._refuse(send, 413, f"the request body is larger than "
                                                     f"{protocol.MAX_REQUEST_BYTES // (1024 * 1024)} MiB")
            chunks.append(chunk)
            more = message.get("more_body", False)
        body = b"".join(chunks)
        problems = protocol.json_body_problems(body) if body else []
        if problems:
            return await self._refuse(send, 422, "; ".join(problems)[:1000])
        replayed = False

        async def replay() -> dict:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    @staticmethod
    async def _refuse(send, status: int, message: str) -> None:
        await JSONResponse({"error": "invalid_request", "message": message}, status_code=status)(
            {"type": "http"}, None, send)


def create_app(sessions: sessionmaker[Session]) -> FastAPI:
    app = FastAPI(title="Welfare kiosk city backend (reference)", version=str(protocol.PROTOCOL_VERSION),
                  description="Protocol between welfare kiosks and the city backend. See docs/protocol.md.")
    app.add_middleware(RequestBodyGuard)
    bearer = HTTPBearer(auto_error=False)

    @app.exception_handler(BackendError)
    async def _backend_error(_req: Request, exc: BackendError) -> JSONResponse:
        return JSONResponse({"error": exc.code, "message": exc.message}, status_code=exc.status)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_req: Request, exc: RequestValidationError) -> JSONResponse:
        first = exc.errors()[:5]
        msg = "; ".join(f"{'.'.join(map(str, e.get('loc', ())))}: {e.get('msg')}" for e in first)
        return JSONResponse({"error": "invalid_request", "message": msg[:1000]}, status_code=422)

    def device(creds: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]) -> DeviceIdentity:
        return store.authenticate(sessions, creds.credentials if creds else None)

    @app.get(protocol.API_PREFIX + "/health", tags=["status"])
    def health() -> dict[str, Any]:
        return {"status": "ok", "protocol": protocol.PROTOCOL_VERSION}

    @app.post(protocol.API_PREFIX + "/enrol", response_model=EnrolAnswer, responses=_ERRORS, tags=["devices"])
    def enrol(body: EnrolRequest) -> dict:
        return store.enrol(sessions, body.code, body.name, body.request_id)

    @app.post(protocol.API_PREFIX + "/outbox", response_model=PushAnswer, responses=_ERRORS, tags=["outbox"])
    def push(body: PushRequest, who: Annotated[DeviceIdentity, Depends(device)]) -> JSONResponse:
        # Answered as built: the results are plain dicts of texts made by store.push_items,
        # and checking them again against PushAnswer cost a tenth of a push's CPU.
        # PushAnswer still documents the answer (response_model).
        return JSONResponse({"results": store.push_items(sessions, who, [i.model_dump() for i in body.items])})

    @app.post(protocol.API_PREFIX + "/heartbeat", response_model=HeartbeatAnswer, responses=_ERRORS,
              tags=["status"])
    def heartbeat(body: Heartbeat, who: Annotated[DeviceIdentity, Depends(device)]) -> dict:
        store.record_heartbeat(sessions, who, body.model_dump())
        return {"protocol": protocol.PROTOCOL_VERSION, "server_time": datetime.now(timezone.utc).isoformat()}

    @app.get(protocol.API_PREFIX + "/catalogue/changes", response_model=CataloguePage, responses=_ERRORS,
             tags=["catalogue"])
    def catalogue_changes(who: Annotated[DeviceIdentity, Depends(device)],
                          since: Annotated[str, Query(pattern=r"^[0-9]{1,18}$")] = "0",
                          limit: Annotated[int, Query(ge=1, le=protocol.MAX_PAGE_ENTRIES)] = 500) -> dict:
        if int(since) > protocol.MAX_CURSOR:  # a number the database cannot even compare with
            raise BackendError("invalid_request", "since: not a cursor this backend handed out "
                                                  f"(at most {protocol.MAX_CURSOR})", 422)
        announcements.sync_site(sessions, who.site)  # expired notices leave, notices for all sites arrive
        return store.catalogue_changes(sessions, who.site, int(since), limit)

    app.include_router(video_router(sessions))  # on-demand video rooms (sync/server/video.py)
    app.include_router(identity_router(sessions))  # card/PIN, staff verifiers, OpenID provider (sync/server/identity.py)
    app.include_router(booking_router(sessions))  # allotments, availability, staff day view (sync/server/booking.py)
    app.include_router(reports_router(sessions))  # feedback reports (sync/server/reports.py)
    app.include_router(queue_router(sessions))  # follow-your-turn page, daily summary (sync/server/queue.py)
    app.include_router(participation_router(sessions))  # results, receipt pages (sync/server/participation.py)
    app.include_router(metrics_router(sessions))  # the fleet for Prometheus (sync/server/console/fleet.py)
    app.mount("/console", console_app(sessions))  # the city's web console (docs/console.md)
    return app


def app_from_environment() -> FastAPI:
    """The app of one worker process of ``welfare-backend serve --workers N``: each
    worker opens its own engine and pool on $WELFARE_BACKEND_DB (a pool must never cross
    a fork)."""
    import os

    return create_app(store.open_store(os.environ["WELFARE_BACKEND_DB"]))
