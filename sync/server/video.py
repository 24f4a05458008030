"""On-demand video rooms on the reference backend: "Talk to a nurse now".

A kiosk asks for a room for one service. The desk hands one out only while someone
for that service is on duty and free; otherwise the answer is 409
``no_one_available`` and the kiosk offers a queue number or a booking instead.
A room keeps its specialist busy until the kiosk releases it or it expires.

Who is on duty comes from the city's own rota system in production; the reference
backend reads ``WELFARE_VIDEO_ON_DUTY`` (``health-video=2,social-video=1``) and tests
set it on the desk directly.
"""
# No ``from __future__ import annotations`` here: FastAPI resolves the dependency
# annotations of the route functions at run time, and they refer to a local function.


import os
import secrets
import threading
import time
from dataclasses import dataclass
from typing import Annotated, Callable, Literal

from fastapi import APIRouter, Depends, Path
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy.orm import Session, sessionmaker

from sync import protocol
from sync.server import store
from sync.server.store import BackendError, DeviceIdentity

ROOM_PATTERN = r"^[a-z0-9][a-z0-9-]{2,63}$"
SERVICE_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$"
NO_ONE_AVAILABLE = "no_one_available"


class RoomRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    service_id: str = Field(pattern=SERVICE_PATTERN, description="the catalogue service the resident chose")
    language: Literal["fi", "sv", "en"] = Field(description="the language the resident is using")


class RoomAnswer(BaseModel):
    room: str = Field(description="the room name, unguessable")
    link: str = Field(description="the room link; the kiosk adds nothing but the display name")
    expires_at: float = Field(description="Unix time after which the room is given back to the desk")


class Released(BaseModel):
    released: bool


class VideoError(BaseModel):
    error: str = Field(description=f"e.g. {NO_ONE_AVAILABLE}, unauthorised, invalid_request")
    message: str


@dataclass
class _Room:
    service_id: str
    site: str
    expires_at: float


class OnDemandDesk:
    """Who is free to answer a video call, per service. Thread-safe: FastAPI runs the
    synchronous handlers on a thread pool."""

    def __init__(self, *, room_url: str = "https://video.example.fi/{room}", room_minutes: float = 60.0,
                 clock: Callable[[], float] = time.time) -> None:
        if "{room}" not in room_url:
            raise ValueError("room_url needs {room}")
        self.room_url = room_url
        self.room_minutes = room_minutes
        self._clock = clock
        self._on_duty: dict[str, int] = {}
        self._rooms: dict[str, _Room] = {}
        self._lock = threading.Lock()

    @classmethod
    def from_environment(cls, environ=os.environ) -> "OnDemandDesk":
        desk = cls(room_url=environ.get("WELFARE_VIDEO_ROOM_URL", "https://video.example.fi/{room}"))
        for part in environ.get("WELFARE_VIDEO_ON_DUTY", "").split(","):
            service, _, count = part.strip().partition("=")
            if service:
                desk.set_on_duty(service, int(count or 1))
        return desk

    def set_on_duty(self, service_id: str, count: int) -> None:
        with self._lock:
            self._on_duty[service_id] = max(0, count)

    def _busy(self, service_id: str, now: float) -> int:
        for name in [n for n, r in self._rooms.items() if r.expires_at <= now]:
            del self._rooms[name]
        return sum(1 for r in self._rooms.values() if r.service_id == service_id)

    def take(self, service_id: str, site: str, language: str) -> dict:
        now = self._clock()
        with self._lock:
            if self._busy(service_id, now) >= self._on_duty.get(service_id, 0):
                raise BackendError(NO_ONE_AVAILABLE, f"no one for {service_id} is free for a video call now", 409)
            slug = "".join(ch if ch.isalnum() else "-" for ch in service_id.lower()).strip("-")[:40] or "room"
            name = f"{slug}-{secrets.token_hex(8)}"
            expires = now + self.room_minutes * 60
            self._rooms[name] = _Room(service_id, site, expires)
        # The language goes to the room as Jitsi reads it; the kiosk adds the display name.
        link = self.room_url.replace("{room}", name).replace("{lang}", language)
        return {"room": name, "link": link, "expires_at": expires}

    def release(self, room: str, site: str) -> bool:
        with self._lock:
            held = self._rooms.get(room)
            if held is None or held.site != site:
                return False
            del self._rooms[room]
            return True


def video_router(sessions: sessionmaker[Session], desk: OnDemandDesk | None = None) -> APIRouter:
    """The routes; ``create_app`` includes them. The desk is on ``router.desk`` for tests."""
    router = APIRouter(prefix=protocol.API_PREFIX + "/video", tags=["video"])
    router.desk = desk or OnDemandDesk.from_environment()
    bearer = HTTPBearer(auto_error=False)
    errors = {code: {"model": VideoError} for code in (401, 403, 409, 422)}

    def device(creds: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]) -> DeviceIdentity:
        return store.authenticate(sessions, creds.credentials if creds else None)

    @router.post("/rooms", response_model=RoomAnswer, responses=errors)
    def take_room(body: RoomRequest, who: Annotated[DeviceIdentity, Depends(device)]) -> dict:
        return router.desk.take(body.service_id, who.site, body.language)

    @router.delete("/rooms/{room}", response_model=Released, responses=errors)
    def release_room(room: Annotated[str, Path(pattern=ROOM_PATTERN)],
                     who: Annotated[DeviceIdentity, Depends(device)]) -> dict:
        return {"released": router.desk.release(room, who.site)}

    return router
