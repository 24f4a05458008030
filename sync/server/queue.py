"""Walk-in queue on the reference backend: "follow your turn" and the daily summary.

Kiosks send every queue change as a ``queue_ticket`` outbox item carrying a snapshot
of the ticket. The backend folds those snapshots: the newest one per ticket is its
state. The ticket id (a UUID made on the kiosk) is the unguessable key of the
resident's phone page, so the page needs no login and shows no personal data.
"""
# No ``from __future__ import annotations``: FastAPI resolves route annotations at run time.

import html
import statistics
from datetime import date, datetime
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Path, Query
from fastapi.responses import HTMLResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, Field
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from sync import protocol
from sync.server.devices import BackendError, DeviceIdentity, authenticate
from sync.server.models import Item, day_of, one_of, ticket_id_of

TICKET_ID = r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"
DAY = r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"

PAGE_TEXT = {
    "fi": {"title": "Vuoronumerosi", "waiting": "Odota vuoroasi.", "ahead": "Edelläsi jonossa: {n}",
           "called": "Sinut on kutsuttu huoneeseen {room}.", "serving": "Vuorosi on nyt.",
           "done": "Käynti on päättynyt. Kiitos!", "no_show": "Numeroasi kutsuttiin, mutta et ehtinyt paikalle. "
           "Ota uusi numero kioskista.", "refresh": "Sivu päivittyy itsestään."},
    "sv": {"title": "Ditt könummer", "waiting": "Vänta på din tur.", "ahead": "Före dig i kön: {n}",
           "called": "Du har kallats till rum {room}.", "serving": "Det är din tur nu.",
           "done": "Besöket är avslutat. Tack!", "no_show": "Ditt nummer ropades upp men du hann inte dit. "
           "Ta ett nytt nummer vid kiosken.", "refresh": "Sidan uppdateras av sig själv."},
    "en": {"title": "Your queue number", "waiting": "Please wait for your turn.", "ahead": "People ahead of you: {n}",
           "called": "You have been called to room {room}.", "serving": "It is your turn now.",
           "done": "Your visit has ended. Thank you!", "no_show": "Your number was called but you were not "
           "there. Please take a new number at the kiosk.", "refresh": "This page updates by itself."},
}


class LineSummary(BaseModel):
    line_id: str
    issued: int
    served: int
    no_shows: int
    waiting: int
    average_wait_min: float | None = Field(description="from issue to first call")
    longest_wait_min: float | None


class QueueSummary(BaseModel):
    site: str
    day: str
    lines: list[LineSummary]


class TicketState(BaseModel):
    label: str
    status: str
    room: str | None
    ahead: int


def _tickets(s: Session, site: str, day: str, device_id: str | None = None) -> dict[tuple[str, str], dict]:
    """The newest snapshot of every ticket of a site's day (of one kiosk, if given), keyed
    by (kiosk, ticket id): a ticket is only ever what its own kiosk says it is."""
    q = day_lookup(site, day, device_id)
    # Snapshots stored before the backend checked them whole are passed over.
    return {(kiosk, payload["ticket_id"]): {**payload, "device_id": kiosk}
            for kiosk, payload in s.execute(q).all() if not protocol.queue_ticket_problems(payload)}


def day_lookup(site: str, day: str, device_id: str | None = None):
    """Every snapshot of a site's day (of one kiosk, if given), oldest first (indexed)."""
    q = (select(Item.device_id, Item.payload)
         .where(Item.site_id == site, day_of(Item.payload) == day, Item.kind == "queue_ticket")
         .order_by(Item.created_at, Item.received_at))
    return q if device_id is None else q.where(Item.device_id == device_id)


def ticket_lookup(ticket_id: str):
    """The first snapshot stored for a ticket id: its kiosk, site and day (an indexed lookup)."""
    return (select(Item.device_id, Item.site_id, Item.payload)
            .where(ticket_id_of(Item.payload) == ticket_id, Item.kind == "queue_ticket")
            .order_by(Item.received_at, Item.id).limit(1))


def ticket_owners(s: Session, ticket_ids: set[str]) -> dict[str, str]:
    """The kiosk of each ticket id that has a stored snapshot: the sender of its first
    one, as ``ticket_lookup`` reads it, for a whole push in one indexed query."""
    if not ticket_ids:
        return {}
    owners: dict[str, str] = {}
    for tid, device_id in s.execute(select(ticket_id_of(Item.payload), Item.device_id)
                                    .where(one_of(s, ticket_id_of(Item.payload), sorted(ticket_ids)),
                                           Item.kind == "queue_ticket")
                                    .order_by(Item.received_at, Item.id)):
        owners.setdefault(tid, device_id)
    return owners


def ticket_of_another_device(s: Session, device: DeviceIdentity, item: dict,
                             owners: dict[str, str] | None = None) -> dict | None:
    """A rejection when another kiosk already sent this ticket: a kiosk may only change its own.
    ``owners``: ``ticket_owners`` of the push this item came in (else it is looked up)."""
    tid = item["payload"]["ticket_id"]
    if owners is None:
        owners = ticket_owners(s, {tid})
    owner = owners.get(tid)
    if owner is not None and owner != device.id:
        return protocol.item_answer(item["id"], protocol.REJECTED, "not_your_device",
                             "this queue ticket belongs to another kiosk")
    return None


def _minutes(a: str | None, b: str | None) -> float | None:
    """Minutes from ``a`` to ``b``; None when either is missing or not a time with an
    offset (a snapshot stored before the backend checked its times must not break the page)."""
    if protocol.time_problem("a", a) or protocol.time_problem("b", b):
        return None
    return (datetime.fromisoformat(b) - datetime.fromisoformat(a)).total_seconds() / 60


def summarise(tickets: dict[str, dict]) -> list[dict]:
    out = []
    for line in sorted({t["line_id"] for t in tickets.values()} | {t["issued_line_id"] for t in tickets.values()}):
        mine = [t for t in tickets.values() if t["line_id"] == line]
        waits = [w for t in mine if (w := _minutes(t.get("issued_at"), t.get("first_called_at"))) is not None]
        out.append({"line_id": line,
                    "issued": sum(1 for t in tickets.values() if t["issued_line_id"] == line),
                    "served": sum(1 for t in mine if t["status"] == "done"),
                    "no_shows": sum(1 for t in mine if t["status"] == "no_show"),
                    "waiting": sum(1 for t in mine if t["status"] == "waiting"),
                    "average_wait_min": round(statistics.fmean(waits), 1) if waits else None,
                    "longest_wait_min": round(max(waits), 1) if waits else None})
    return out


def ticket_state(s: Session, ticket_id: str) -> dict | None:
    # One indexed lookup for the ticket, then only its own kiosk's day: a phone refreshes
    # this page every 20 s, so it must not read the whole queue history.
    found = s.execute(ticket_lookup(ticket_id)).first()
    if found is None:
        return None
    day = found.payload.get("day")
    tickets = _tickets(s, found.site_id, day, found.device_id) if isinstance(day, str) else {}
    t = tickets.get((found.device_id, ticket_id))
    if t is None:  # only snapshots stored before they were checked whole: nothing to show yet
        return None
    same_line = [o for o in tickets.values() if o["line_id"] == t["line_id"] and o["status"] == "waiting"]
    same_line.sort(key=lambda o: (-o.get("priority", 0), o.get("issued_at") or ""))
    ahead = next((i for i, o in enumerate(same_line) if o["ticket_id"] == ticket_id), 0)
    return {"label": t["label"], "status": t["status"], "room": t.get("room"), "ahead": ahead}


def queue_router(sessions: sessionmaker[Session]) -> APIRouter:
    router = APIRouter(prefix=protocol.API_PREFIX + "/queue", tags=["queue"])
    bearer = HTTPBearer(auto_error=False)

    def device(creds: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]) -> DeviceIdentity:
        return authenticate(sessions, creds.credentials if creds else None)

    @router.get("/summary", response_model=QueueSummary)
    def summary(who: Annotated[DeviceIdentity, Depends(device)],
                day: Annotated[str, Query(pattern=DAY)]) -> dict:
        """The day's figures for the calling kiosk's site, from every kiosk there."""
        try:
            date.fromisoformat(day)
        except ValueError:
            raise BackendError("invalid_request", "day: not a date like 2026-12-01", 422) from None
        with sessions() as s:
            return {"site": who.site, "day": day, "lines": summarise(_tickets(s, who.site, day))}

    @router.get("/tickets/{ticket_id}", response_model=TicketState)
    def ticket(ticket_id: Annotated[str, Path(pattern=TICKET_ID)]) -> dict:
        with sessions() as s:
            state = ticket_state(s, ticket_id)
        if state is None:
            raise BackendError("unknown_ticket", "no such ticket (yet): the kiosk may not have synced it", 404)
        return state

    @router.get("/tickets/{ticket_id}/page", response_class=HTMLResponse)
    def page(ticket_id: Annotated[str, Path(pattern=TICKET_ID)],
             lang: Annotated[Literal["fi", "sv", "en"], Query()] = "fi") -> HTMLResponse:
        """What the resident's phone shows after scanning the QR on the kiosk."""
        t = PAGE_TEXT[lang]
        with sessions() as s:
            state = ticket_state(s, ticket_id)
        if state is None:
            body, label = f"<p>{html.escape(t['waiting'])}</p>", "…"
        else:
            label = html.escape(state["label"])
            status = state["status"]
            if status == "waiting":
                body = f"<p>{html.escape(t['waiting'])}</p><p>{html.escape(t['ahead'].format(n=state['ahead']))}</p>"
            elif status == "called":
                body = f"<p><strong>{html.escape(t['called'].format(room=state['room'] or ''))}</strong></p>"
            else:
                body = f"<p>{html.escape(t.get(status, t['done']))}</p>"
        doc = (f'<!doctype html><html lang="{lang}"><head><meta charset="utf-8">'
               '<meta name="viewport" content="width=device-width, initial-scale=1">'
               '<meta http-equiv="refresh" content="20">'
               f"<title>{html.escape(t['title'])}</title>"
               "<style>body{font-family:sans-serif;font-size:1.4rem;margin:1.5rem;color:#111;background:#fff}"
               ".n{font-size:5rem;font-weight:bold;margin:.5rem 0}</style></head><body>"
               f"<h1>{html.escape(t['title'])}</h1><div class=\"n\">{label}</div>{body}"
               f"<p><small>{html.escape(t['refresh'])}</small></p></body></html>")
        return HTMLResponse(doc)

    return router
