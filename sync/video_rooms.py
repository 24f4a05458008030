"""Asking the city backend for an on-demand video room ("Talk to a nurse now").

Runs on a background thread (it waits on the network). The answer is one of:
a ``RoomOffer``; ``NoOneAvailable`` (nobody for that service is free now); or a
``BackendUnavailable``/``NotEnrolled`` from the client (the kiosk is offline or not
set up). The kiosk tells the resident which, and offers a queue number or a
booking instead (``kiosk.video.alternatives``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sync.client import BackendClient, BadResponse, Refused

_ROOM = re.compile(r"^[a-z0-9][a-z0-9-]{2,63}$")


class NoOneAvailable(Exception):
    """Everyone for the service is busy or off duty."""


@dataclass(frozen=True)
class RoomOffer:
    service_id: str
    room: str
    link: str  # still checked against video.allowed_hosts by kiosk.video.plan_call
    expires_at: float


def request_room(client: BackendClient, *, service_id: str, language: str) -> RoomOffer:
    try:
        # _call: the client's one checked request path (size cap, error mapping).
        data = client._call("POST", "/video/rooms", body={"service_id": service_id, "language": language})
    except Refused as exc:
        if exc.code == "no_one_available":
            raise NoOneAvailable(str(exc)) from None
        raise
    if not isinstance(data, dict):
        raise BadResponse("the video room answer is not an object")
    room, link, expires = data.get("room"), data.get("link"), data.get("expires_at")
    if not isinstance(room, str) or not _ROOM.match(room):
        raise BadResponse(f"the video room answer has a bad room name: {room!r}")
    if not isinstance(link, str) or not link.startswith(("https://", "http://")) or len(link) > 2000:
        raise BadResponse("the video room answer has a bad link")
    if not isinstance(expires, (int, float)) or isinstance(expires, bool):
        raise BadResponse("the video room answer has a bad expiry time")
    return RoomOffer(service_id, room, link, float(expires))


def release_room(client: BackendClient, room: str) -> bool:
    """Give the room back when the call ends, so the specialist is free for the next one."""
    if not _ROOM.match(room):
        raise ValueError(f"bad room name {room!r}")
    data = client._call("DELETE", f"/video/rooms/{room}")
    return bool(isinstance(data, dict) and data.get("released"))
