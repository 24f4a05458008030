"""The booking calls the kiosk makes to the backend while a resident waits (issue 5).

``kiosk.booking.BookingDesk`` uses this as its ``remote``. Every method blocks (the
desk is called off the GUI thread) and turns any trouble on the way (no network,
timeout, not enrolled yet, an answer that does not follow the protocol) into
``kiosk.booking.BackendUnreachable``: the desk then books offline through the outbox,
under the same item id, so nothing is lost and nothing is stored twice.

It has its own HTTP session, apart from the sync worker's, so a booking never waits
behind a long outbox drain.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from kiosk.booking import BackendUnreachable
from sync import protocol
from sync.client import BackendClient, BadResponse, SyncError
from sync.enrolment import load_credentials


class BookingRemote:
    def __init__(self, base_url: str, *, data_dir: Path, timeout_s: float = 5.0) -> None:
        self.client = BackendClient(base_url, timeout_s=timeout_s)
        self.data_dir = Path(data_dir)

    def close(self) -> None:
        self.client.close()

    def _ready(self) -> BackendClient:
        if self.client.credentials is None:
            try:
                self.client.credentials = load_credentials(self.data_dir)
            except ValueError as exc:
                raise BackendUnreachable(str(exc)) from None
            if self.client.credentials is None:
                raise BackendUnreachable("the kiosk is not enrolled yet")
        return self.client

    def push(self, item: dict) -> dict:
        """Send one outbox item now; its result (accepted, duplicate or rejected)."""
        try:
            [result] = self._ready().push_batch([item])
        except SyncError as exc:
            raise BackendUnreachable(str(exc)) from None
        return result

    def availability(self, channel_id: str) -> list[dict]:
        try:
            data = self._ready()._call("GET", "/booking/availability", params={"channel_id": channel_id})
        except SyncError as exc:
            raise BackendUnreachable(str(exc)) from None
        return _checked_list(data, "slots", ("slot_id", "free"))

    def allotments(self, keep: list[str]) -> list[dict]:
        try:
            data = self._ready()._call("POST", "/booking/allotments", body={"keep": list(keep)})
        except SyncError as exc:
            raise BackendUnreachable(str(exc)) from None
        return _checked_list(data, "allotments", ("slot_id", "service_id", "places", "used", "usable_until"))

    def site_bookings(self) -> dict:
        """The site's bookings for today and tomorrow (protocol.SITE_BOOKINGS), checked."""
        try:
            data = self._ready()._call("GET", "/booking/site")
        except SyncError as exc:
            raise BackendUnreachable(str(exc)) from None
        try:
            return protocol.check_site_bookings(data)
        except protocol.ProtocolError as exc:
            raise BackendUnreachable(str(BadResponse(f"the backend's site bookings: {exc}"))) from None

    def resident_bookings(self, subject: str) -> list[dict]:
        """The identified resident's upcoming bookings at the site, made at any kiosk
        (``POST /booking/mine``), checked: times carry their offset, ids are item ids."""
        try:
            data = self._ready()._call("POST", "/booking/mine", body={"subject": subject})
        except SyncError as exc:
            raise BackendUnreachable(str(exc)) from None
        rows = _checked_list(data, "bookings", ("booking_id", "ref", "service_id", "channel_id", "slot_id", "start",
                                                "end", "language", "made_here"))
        for r in rows:
            try:
                if not protocol.is_item_id(r["booking_id"]) or any(
                        datetime.fromisoformat(r[k]).tzinfo is None for k in ("start", "end")):
                    raise ValueError
            except (TypeError, ValueError):
                raise BackendUnreachable(str(BadResponse("the backend's bookings of a resident do not follow "
                                                         "the protocol"))) from None
        return rows

    def day_view(self, channel_id: str, day: str) -> dict:
        """The staff day view of one channel (``day`` as YYYY-MM-DD)."""
        try:
            return self._ready()._call("GET", "/booking/day", params={"channel_id": channel_id, "day": day})
        except SyncError as exc:
            raise BackendUnreachable(str(exc)) from None

    def status_url(self) -> str:
        """The template the desk puts into the resident's QR code."""
        return self.client.base_url + protocol.API_PREFIX + "/booking/status/{id}?lang={lang}"


def _checked_list(data, key: str, fields: tuple[str, ...]) -> list[dict]:
    rows = data.get(key) if isinstance(data, dict) else None
    if not isinstance(rows, list) or not all(isinstance(r, dict) and all(f in r for f in fields) for r in rows):
        raise BackendUnreachable(str(BadResponse(f"the backend's {key} answer does not follow the protocol")))
    return rows
