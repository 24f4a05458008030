"""Bookings on the reference backend, beyond storing booking items (``store.push_items``).

- **Kiosk shares (allotments).** The city sets, per service, how many places of each
  slot every kiosk of a site gets in advance (``set_booking_share``). A kiosk asks for
  its share at each sync (``POST /api/v1/booking/allotments``). An allotted place is
  counted in ``slots.booked`` at once, by the same conditional UPDATE that guards
  every booking, so nobody else can take it; when that kiosk's booking item arrives it
  uses the allotted place (``take_allotted_place``) instead of a new one. So a kiosk can
  confirm an allotted place on the spot while offline and it can never be double-booked.
  Only a booking item that says so (``place: share``) uses the kiosk's places; an online
  booking or a request (``place: open``) never does, so the places stay for the
  kiosk's offline confirmations, which are honoured even if the service has left the
  catalogue since.
  A hold ends only one way: when the kiosk asks for its share again (so it is online),
  its unused places of slots that start within ``RELEASE_BEFORE`` go back to everyone,
  except where it says it holds an undelivered booking (``keep``). The places of a
  kiosk that stays offline stay held, because it may have confirmed them.
- **Availability** per channel for the kiosk's calendar while online.
- **Denials.** A booking request that could not be granted (the time was taken while
  the kiosk was offline, or the slot vanished) is recorded, so the resident's phone
  (``/booking/status/{id}``) and staff see the outcome: never silently dropped. A denial
  is final: the same item sent again (a lost answer, staff's Resend) is denied again,
  even when a place has freed up since, so phone, kiosk and day view never disagree.
- **Staff day view** per channel: every slot of a day with its bookings.
- **The site's bookings** for today and tomorrow (``site_bookings``), which every kiosk of
  the site pulls at each sync so that a check-in works offline for a booking made at
  another kiosk: ids, references, times and states, and a keyed hash of the booker's
  subject under a key made afresh for each answer (``kiosk.booking.site_subject_mac``).
  Never a name, a phone number or the subject itself.
- **A resident's bookings at the site** (``resident_bookings``): a kiosk at which a resident
  identified asks for their upcoming bookings made anywhere in the site, so that "my bookings"
  there shows, and can cancel, a booking made at another kiosk (the cancellation names the
  resident, ``store._effects``). The kiosk sends the pseudonymous subject its key gave, as a
  booking item does; the answer carries no subject, name or phone.
"""

# No ``from __future__ import annotations``: FastAPI reads the route annotations at run time.
import html
import secrets
from datetime import date, datetime, time, timedelta, timezone
from typing import Annotated

from fastapi import APIRouter, Depends, Path, Query
from fastapi.responses import HTMLResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from kiosk import outbox
from kiosk.booking import site_subject_mac
from kiosk.catalogue.hours import LOCAL_TZ
from sync import protocol
from sync.server.devices import BackendError, DeviceIdentity, authenticate
from sync.server.wire import SiteBookings
from sync.server.models import (BookingCancellation, BookingDenial, BookingShare, CatalogueEntry, Item, Site,
                                SlotAllotment, Slot, slot_id_of)

# Unused allotted places of a slot that starts within this long go back to everyone;
# the kiosk stops treating them as its own at the same moment.
RELEASE_BEFORE = timedelta(hours=2)
ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._:@-]{0,99}$"


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _utc(dt: datetime) -> datetime:
    return dt.replace(tzinfo=timezone.utc) if dt.tzinfo is None else dt


# -- configuration --------------------------------------------------------------------
def set_booking_share(sessions: sessionmaker[Session], site: str, service_id: str, places_per_slot: int,
                      days_ahead: int = 7) -> None:
    """Every kiosk of ``site`` gets ``places_per_slot`` places of each slot of the service
    starting within ``days_ahead`` days. 0 places stops handing out new ones."""
    if not 0 <= places_per_slot <= 10 or not 1 <= days_ahead <= 60:
        raise ValueError("places_per_slot is 0-10 and days_ahead 1-60")
    with sessions.begin() as s:
        if s.get(Site, site) is None:
            raise ValueError(f"no site {site!r}")
        s.merge(BookingShare(site_id=site, service_id=service_id, places_per_slot=places_per_slot,
                             days_ahead=days_ahead))


# -- allotments -----------------------------------------------------------------------
def allot(sessions: sessionmaker[Session], device: DeviceIdentity, *, keep: frozenset[str] = frozenset(),
          now: datetime | None = None) -> list[dict]:
    """Release this kiosk's unused places that start soon, hand out its share of new
    slots, and answer every place the kiosk may still confirm on its own.

    ``keep``: slots where the kiosk holds an allotted booking it has not delivered yet;
    their places stay with it whatever the time.
    """
    now = now or _now()
    soon = now + RELEASE_BEFORE
    with sessions.begin() as s:
        mine = {a.slot_id: a for a in s.scalars(
            select(SlotAllotment).where(SlotAllotment.site_id == device.site, SlotAllotment.device_id == device.id)
            .with_for_update())}
        slots = {sl.id: sl for sl in s.scalars(select(Slot).where(Slot.site_id == device.site,
                                                                    Slot.id.in_(list(mine))))} if mine else {}
        for slot_id, a in mine.items():
            sl = slots.get(slot_id)
            unused = a.places - a.used
            if unused > 0 and slot_id not in keep and (sl is None or _utc(sl.starts_at) <= soon):
                s.execute(update(Slot).where(Slot.site_id == device.site, Slot.id == slot_id, Slot.booked >= unused)
                          .values(booked=Slot.booked - unused))
                a.places = a.used
        for share in s.scalars(select(BookingShare).where(BookingShare.site_id == device.site,
                                                          BookingShare.places_per_slot > 0)):
            candidates = s.scalars(select(Slot).where(
                Slot.site_id == device.site, Slot.service_id == share.service_id, Slot.starts_at > soon,
                Slot.starts_at <= now + timedelta(days=share.days_ahead)).order_by(Slot.starts_at))
            for sl in candidates:
                if sl.id in mine:
                    continue
                # As many places as the share asks for, or fewer when fewer are free.
                for n in range(share.places_per_slot, 0, -1):
                    res = s.execute(update(Slot).where(Slot.site_id == device.site, Slot.id == sl.id,
                                                       Slot.booked + n <= Slot.capacity)
                                    .values(booked=Slot.booked + n))
                    if res.rowcount == 1:
                        a = SlotAllotment(site_id=device.site, slot_id=sl.id, device_id=device.id, places=n, used=0)
                        s.add(a)
                        mine[sl.id] = a
                        slots[sl.id] = sl
                        break
        s.flush()
        out = []
        for slot_id, a in sorted(mine.items()):
            sl = slots.get(slot_id) or s.get(Slot, (device.site, slot_id))
            if sl is None or a.places <= 0:
                continue
            if _utc(sl.starts_at) <= soon and slot_id not in keep:
                continue
            out.append({"slot_id": slot_id, "service_id": sl.service_id, "channel_id": sl.channel_id,
                        "start": _utc(sl.starts_at).isoformat(), "places": a.places, "used": a.used,
                        "usable_until": (_utc(sl.starts_at) - RELEASE_BEFORE).isoformat()})
        return out


# -- a booking item's place (inside the push transaction, store.push_items) ----------------
# Every rule about a slot's places is in this module: the push only asks, in this order,
# take_place_of_share, then (the service is in the catalogue) take_open_place; a
# cancellation calls give_back_place.

def take_place_of_share(s: Session, device: DeviceIdentity, item: dict, allotted: set[str] | None = None) -> bool:
    """One of the places set aside for this kiosk, already counted in slots.booked: the
    kiosk may have confirmed it on the spot while offline, so it is honoured whatever
    happened to the catalogue since. Only for a booking that says it took a place of the
    share (or, from kiosks that do not say, as before): a place set aside for offline
    confirmations is never spent on online bookings or requests. ``allotted``: the slots
    where this kiosk holds places, read once per push (None: look)."""
    p = item["payload"]
    return p.get("place") != outbox.PLACE_OPEN and (allotted is None or p["slot_id"] in allotted) \
        and take_allotted_place(s, device, p["slot_id"], p["service_id"])


def take_open_place(s: Session, device: DeviceIdentity, item: dict, allotted: set[str] | None = None) -> dict | None:
    """An open place for a booking (its kiosk's share was tried first): None when taken,
    else the rejection, recorded as a denial."""
    p = item["payload"]
    res = s.execute(update(Slot)
                    .where(Slot.site_id == device.site, Slot.id == p["slot_id"],
                           Slot.service_id == p["service_id"], Slot.booked < Slot.capacity)
                    .values(booked=Slot.booked + 1))
    if res.rowcount == 1 or (allotted is None or p["slot_id"] in allotted) \
            and take_expired_place(s, device, p["slot_id"], p["service_id"]):
        return None
    slot = s.get(Slot, (device.site, p["slot_id"]))
    if slot is None or slot.service_id != p["service_id"]:
        return record_denial(s, device, item, protocol.item_answer(
            item["id"], protocol.REJECTED, "unknown_slot",
            f"slot {p['slot_id']!r} of service {p['service_id']!r} is not in this site's catalogue"))
    return record_denial(s, device, item, protocol.item_answer(
        item["id"], protocol.REJECTED, "slot_taken", f"slot {p['slot_id']!r} is fully booked"))


def give_back_place(s: Session, device: DeviceIdentity, slot_id: str | None) -> None:
    """A cancelled booking's place is free again (the cancellation is recorded once)."""
    s.execute(update(Slot).where(Slot.site_id == device.site, Slot.id == slot_id,
                                 Slot.booked > 0).values(booked=Slot.booked - 1))


def take_allotted_place(s: Session, device: DeviceIdentity, slot_id: str, service_id: str) -> bool:
    """Inside the push transaction: a booking from this kiosk uses one of its places."""
    if s.get(Slot, (device.site, slot_id)) is None or s.get(Slot, (device.site, slot_id)).service_id != service_id:
        return False
    res = s.execute(update(SlotAllotment).where(SlotAllotment.site_id == device.site,
                                                SlotAllotment.slot_id == slot_id,
                                                SlotAllotment.device_id == device.id,
                                                SlotAllotment.used < SlotAllotment.places)
                    .values(used=SlotAllotment.used + 1))
    return res.rowcount == 1


def take_expired_place(s: Session, device: DeviceIdentity, slot_id: str, service_id: str) -> bool:
    """Inside the push transaction, for a booking of this kiosk that found no open place:
    a place still held for the kiosk although its hold has expired (the slot starts within
    ``RELEASE_BEFORE``; the kiosk stopped confirming from it at ``usable_until``, and will
    give it back at its next ask). Typically the kiosk's own offline request arriving just
    before that ask; confirmations made from the place are older and were sent first."""
    slot = s.get(Slot, (device.site, slot_id))
    if slot is None or _utc(slot.starts_at) > _now() + RELEASE_BEFORE:
        return False
    return take_allotted_place(s, device, slot_id, service_id)


def record_denial(s: Session, device: DeviceIdentity, item: dict, answer: dict) -> dict:
    """Inside the push transaction: remember a refused booking so its outcome can be looked up.
    The refusal is final (``store._is_final``): the same item sent again is refused again."""
    if s.get(Item, item["id"]) is None:
        p = item["payload"]
        s.merge(BookingDenial(item_id=item["id"], device_id=device.id, site_id=device.site, slot_id=p["slot_id"],
                              service_id=p["service_id"], reason=answer.get("reason") or "", at=_now()))
    return answer


# -- reading ---------------------------------------------------------------------------
def availability(sessions: sessionmaker[Session], site: str, channel_id: str, *, now: datetime | None = None,
                 limit: int = 500) -> list[dict]:
    now = now or _now()
    with sessions() as s:
        rows = s.scalars(select(Slot).where(Slot.site_id == site, Slot.channel_id == channel_id,
                                            Slot.starts_at > now).order_by(Slot.starts_at).limit(limit))
        return [{"slot_id": r.id, "service_id": r.service_id, "start": _utc(r.starts_at).isoformat(),
                 "end": _utc(r.ends_at).isoformat(), "free": max(0, r.capacity - r.booked)} for r in rows]


def _booking_items(s: Session, site: str, slot_ids: set[str]) -> list[Item]:
    # The reference backend filters in Python; a city backend would index payload->slot_id.
    return [i for i in s.scalars(select(Item).where(Item.site_id == site, Item.kind == "booking"))
            if i.payload.get("slot_id") in slot_ids]


def day_view(sessions: sessionmaker[Session], site: str, channel_id: str, day: date) -> dict:
    """Every slot of ``channel_id`` on ``day`` (Helsinki time) with its bookings, for staff."""
    if day <= date.min or day >= date.max:  # the day after would not exist (found by the fuzz test)
        raise BackendError("invalid_request", "the day is outside the calendar", 422)
    lo = datetime.combine(day, time(0), LOCAL_TZ).astimezone(timezone.utc)
    hi = datetime.combine(day + timedelta(days=1), time(0), LOCAL_TZ).astimezone(timezone.utc)
    with sessions() as s:
        slots = list(s.scalars(select(Slot).where(Slot.site_id == site, Slot.channel_id == channel_id,
                                                  Slot.starts_at >= lo, Slot.starts_at < hi).order_by(Slot.starts_at)))
        ids = {sl.id for sl in slots}
        items = _booking_items(s, site, ids)
        cancelled = set(s.scalars(select(BookingCancellation.booking_item_id).where(
            BookingCancellation.booking_item_id.in_([i.id for i in items])))) if items else set()
        held = {}
        for a in s.scalars(select(SlotAllotment).where(SlotAllotment.site_id == site,
                                                       SlotAllotment.slot_id.in_(ids))):
            held[a.slot_id] = held.get(a.slot_id, 0) + a.places - a.used
        denied = list(s.scalars(select(BookingDenial).where(BookingDenial.site_id == site,
                                                            BookingDenial.slot_id.in_(ids))))
    by_slot: dict[str, list[dict]] = {}
    for i in sorted(items, key=lambda i: i.received_at):
        by_slot.setdefault(i.payload["slot_id"], []).append({
            "booking_id": i.id, "booking_ref": i.payload.get("booking_ref"), "language": i.payload.get("language"),
            "state": "cancelled" if i.id in cancelled else "confirmed", "device_id": i.device_id})
    stored = {i.id for i in items}
    for d in denied:
        if d.item_id in stored:  # a backend before issue 12 could accept a denied item later
            continue
        by_slot.setdefault(d.slot_id, []).append({"booking_id": d.item_id, "booking_ref": None, "language": None,
                                                  "state": "denied", "device_id": d.device_id})
    return {"site": site, "channel_id": channel_id, "date": day.isoformat(), "slots": [
        {"slot_id": sl.id, "start": _utc(sl.starts_at).isoformat(), "end": _utc(sl.ends_at).isoformat(),
         "capacity": sl.capacity, "booked": sl.booked, "held_for_kiosks": held.get(sl.id, 0),
         "bookings": by_slot.get(sl.id, [])} for sl in slots]}


def site_bookings(sessions: sessionmaker[Session], site: str, *, now: datetime | None = None) -> dict:
    """Every booking of ``site`` whose time starts today or tomorrow (Helsinki time), as a
    check-in needs it (protocol.SITE_BOOKINGS). Bookings that were denied never became
    items, so they are not here; cancelled ones are, so a kiosk holding one learns of it."""
    now = now or _now()
    today = now.astimezone(LOCAL_TZ).date()
    lo = datetime.combine(today, time(0), LOCAL_TZ).astimezone(timezone.utc)
    last = today + timedelta(days=protocol.SITE_BOOKING_DAYS)
    hi = datetime.combine(last, time(0), LOCAL_TZ).astimezone(timezone.utc)
    key = secrets.token_hex(32)  # one key per answer: the hashes of two answers cannot be matched
    with sessions() as s:
        slots = {sl.id: sl for sl in s.scalars(select(Slot).where(Slot.site_id == site, Slot.starts_at >= lo,
                                                                  Slot.starts_at < hi))}
        # Through the index on the payload's slot: each sync of each kiosk asks this.
        items = list(s.scalars(select(Item).where(Item.site_id == site, Item.kind == "booking",
                                                  slot_id_of(Item.payload).in_(list(slots))))) if slots else []
        cancelled = set(s.scalars(select(BookingCancellation.booking_item_id).where(
            BookingCancellation.booking_item_id.in_([i.id for i in items])))) if items else set()
    out = []
    for i in sorted(items, key=lambda i: (_utc(slots[i.payload["slot_id"]].starts_at), i.id)):
        p, sl = i.payload, slots[i.payload["slot_id"]]
        if not p.get("booking_ref"):
            continue  # a booking from a kiosk before references: nobody can name it at check-in
        row = {"booking_id": i.id, "ref": p["booking_ref"], "service_id": p["service_id"],
               "channel_id": p.get("channel_id") or sl.channel_id, "slot_id": sl.id,
               "start": _utc(sl.starts_at).isoformat(), "end": _utc(sl.ends_at).isoformat(),
               "state": "cancelled" if i.id in cancelled else "confirmed"}
        if p.get("subject"):
            row["subject_mac"] = site_subject_mac(key, i.id, p["subject"])
        out.append(row)
    return {"site": site, "key": key, "window_start": lo.isoformat(), "window_end": hi.isoformat(), "bookings": out}


def resident_bookings(sessions: sessionmaker[Session], device: DeviceIdentity, subject: str, *,
                      now: datetime | None = None, limit: int = 200) -> list[dict]:
    """The upcoming, not cancelled bookings of ``subject`` at the caller's site, soonest
    first, whichever kiosk made them (``made_here``: the caller did)."""
    now = now or _now()
    with sessions() as s:
        slots = {sl.id: sl for sl in s.scalars(select(Slot).where(Slot.site_id == device.site, Slot.starts_at > now))}
        # The reference backend filters in Python; a city backend would index the subject.
        items = [i for i in s.scalars(select(Item).where(Item.site_id == device.site, Item.kind == "booking",
                                                         slot_id_of(Item.payload).in_(list(slots))))
                 if i.payload.get("subject") == subject and i.payload.get("booking_ref")] if slots else []
        cancelled = set(s.scalars(select(BookingCancellation.booking_item_id).where(
            BookingCancellation.booking_item_id.in_([i.id for i in items])))) if items else set()
    out = []
    for i in sorted(items, key=lambda i: (_utc(slots[i.payload["slot_id"]].starts_at), i.id)):
        if i.id in cancelled:
            continue
        p, sl = i.payload, slots[i.payload["slot_id"]]
        out.append({"booking_id": i.id, "ref": p["booking_ref"], "service_id": p["service_id"],
                    "channel_id": p.get("channel_id") or sl.channel_id, "slot_id": sl.id,
                    "start": _utc(sl.starts_at).isoformat(), "end": _utc(sl.ends_at).isoformat(),
                    "language": p.get("language") or "fi", "made_here": i.device_id == device.id})
    return out[:limit]


def booking_status(sessions: sessionmaker[Session], booking_id: str) -> dict | None:
    """What a resident's phone sees: the state and the time, nothing personal."""
    with sessions() as s:
        item = s.get(Item, booking_id)
        if item is not None and item.kind == "booking":
            state = "cancelled" if s.get(BookingCancellation, booking_id) else "confirmed"
            slot_id, service_id, site = item.payload["slot_id"], item.payload["service_id"], item.site_id
        else:
            denial = s.get(BookingDenial, booking_id)
            if denial is None:
                return None
            state, slot_id, service_id, site = "denied", denial.slot_id, denial.service_id, denial.site_id
        slot = s.get(Slot, (site, slot_id))
        service = s.get(CatalogueEntry, (site, "service", service_id))
    return {"booking_id": booking_id, "state": state, "service_id": service_id,
            "service_names": (service.data or {}).get("names", {}) if service else {},
            "start": _utc(slot.starts_at).isoformat() if slot else None}


_STATUS_TEXT = {
    "fi": {"confirmed": "Varaus on vahvistettu.", "cancelled": "Varaus on peruttu.",
           "denied": "Aikaa ei valitettavasti saatu: se ehdittiin varata. Varaa uusi aika.",
           "unknown": "Varausta ei ole vielä käsitelty. Katso uudelleen myöhemmin.", "title": "Varauksesi"},
    "sv": {"confirmed": "Bokningen är bekräftad.", "cancelled": "Bokningen är avbokad.",
           "denied": "Tyvärr fick du inte tiden: någon hann boka den. Boka en ny tid.",
           "unknown": "Bokningen är inte behandlad ännu. Titta igen senare.", "title": "Din bokning"},
    "en": {"confirmed": "Your booking is confirmed.", "cancelled": "Your booking was cancelled.",
           "denied": "Sorry, the time could not be booked: someone else booked it first. Please book another time.",
           "unknown": "Your booking has not been handled yet. Please look again later.", "title": "Your booking"},
}


def status_page(status: dict | None, lang: str) -> str:
    texts = _STATUS_TEXT.get(lang, _STATUS_TEXT["fi"])
    e = html.escape
    body = [f"<h1>{e(texts['title'])}</h1>"]
    if status is None:
        body.append(f"<p>{e(texts['unknown'])}</p>")
    else:
        name = status["service_names"].get(lang) or status["service_names"].get("fi") or status["service_id"]
        body.append(f"<p><strong>{e(name)}</strong></p>")
        if status["start"]:
            start = datetime.fromisoformat(status["start"]).astimezone(LOCAL_TZ)
            body.append(f"<p>{start:%d.%m.%Y %H.%M}</p>")
        body.append(f"<p>{e(texts[status['state']])}</p>")
    return (f"<!doctype html><html lang=\"{e(lang)}\"><head><meta charset=\"utf-8\">"
            f"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{e(texts['title'])}"
            f"</title><style>body{{font-family:sans-serif;font-size:1.3rem;margin:1.5rem;color:#1a1a1a}}</style>"
            f"</head><body>{''.join(body)}</body></html>")


# -- routes -----------------------------------------------------------------------------
class AllotmentRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    keep: list[str] = Field(default_factory=list, max_length=500,
                            description="slots where the kiosk holds an allotted booking it has not delivered yet")


class Allotment(BaseModel):
    slot_id: str
    service_id: str
    channel_id: str
    start: str
    places: int = Field(description="places set aside for this kiosk")
    used: int = Field(description="of them, used by bookings the backend has")
    usable_until: str = Field(description="after this the kiosk no longer confirms this slot on its own")


class AllotmentAnswer(BaseModel):
    allotments: list[Allotment]


class FreeSlot(BaseModel):
    slot_id: str
    service_id: str
    start: str
    end: str
    free: int


class AvailabilityAnswer(BaseModel):
    channel_id: str
    slots: list[FreeSlot]


class ResidentBookingsRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")
    subject: str = Field(min_length=1, max_length=200,
                         description="the pseudonymous subject the resident's key gave (as in a booking item)")


class ResidentBooking(BaseModel):
    booking_id: str
    ref: str
    service_id: str
    channel_id: str
    slot_id: str
    start: str
    end: str
    language: str
    made_here: bool = Field(description="the asking kiosk made this booking")


class ResidentBookingsAnswer(BaseModel):
    bookings: list[ResidentBooking]


def booking_router(sessions: sessionmaker[Session]) -> APIRouter:
    router = APIRouter(prefix=protocol.API_PREFIX + "/booking", tags=["booking"])
    bearer = HTTPBearer(auto_error=False)

    def device(creds: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]) -> DeviceIdentity:
        return authenticate(sessions, creds.credentials if creds else None)

    @router.post("/allotments", response_model=AllotmentAnswer)
    def allotments(body: AllotmentRequest, who: Annotated[DeviceIdentity, Depends(device)]) -> dict:
        return {"allotments": allot(sessions, who, keep=frozenset(body.keep))}

    @router.get("/availability", response_model=AvailabilityAnswer)
    def free(who: Annotated[DeviceIdentity, Depends(device)],
             channel_id: Annotated[str, Query(pattern=ID_PATTERN)]) -> dict:
        return {"channel_id": channel_id, "slots": availability(sessions, who.site, channel_id)}

    @router.get("/site", response_model=SiteBookings)
    def site(who: Annotated[DeviceIdentity, Depends(device)]) -> dict:
        # Always the caller's own site: the token says which, so no kiosk can ask for another's.
        return site_bookings(sessions, who.site)

    @router.post("/mine", response_model=ResidentBookingsAnswer)
    def mine(body: ResidentBookingsRequest, who: Annotated[DeviceIdentity, Depends(device)]) -> dict:
        # POST, so the subject travels in the body and never in a URL or an access log.
        return {"bookings": resident_bookings(sessions, who, body.subject)}

    @router.get("/day")
    def staff_day(who: Annotated[DeviceIdentity, Depends(device)],
                  channel_id: Annotated[str, Query(pattern=ID_PATTERN)], day: Annotated[date, Query()]) -> dict:
        return day_view(sessions, who.site, channel_id, day)

    @router.get("/status/{booking_id}", response_class=HTMLResponse)
    def status(booking_id: Annotated[str, Path(pattern=r"^[0-9a-fA-F-]{32,36}$")],
               lang: Annotated[str, Query(pattern="^(fi|sv|en)$")] = "fi") -> HTMLResponse:
        # No token: this is what the resident's phone opens from the kiosk's QR code. The
        # id is a random UUID and the page shows no personal data.
        return HTMLResponse(status_page(booking_status(sessions, booking_id), lang))

    return router


__all__ = ["allot", "availability", "booking_router", "booking_status", "day_view", "give_back_place",
           "record_denial", "resident_bookings", "site_bookings", "take_open_place", "take_place_of_share", "set_booking_share", "take_allotted_place", "take_expired_place", "RELEASE_BEFORE"]
