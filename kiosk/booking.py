"""Booking a time with a service, online or offline (issue 5). No Qt, no HTTP.

States follow Helsinki's booking system (Respa): *created* (chosen, not yet sent),
*requested* (made offline outside the kiosk's share: the city decides at the next
sync), *confirmed*, *denied*, *cancelled*.

How a booking is made (``BookingDesk.book``):

1. **Online**: the booking item goes to the backend at once through the ``remote``
   (``sync/booking_client.py``), which stores it with an atomic capacity check. The
   answer is confirmed, or taken (``SlotTaken``: nothing is kept, the resident picks
   another time).
2. **Offline** (the backend cannot be reached): if the backend set aside a place of
   this slot for this kiosk (an *allotment*) and one is left, the booking is
   confirmed on the spot; that place already counts as booked on the backend, so it
   can never be double-booked. The item says so (``place: share``); any other booking
   says ``place: open`` and the backend never spends a place of the share on it, so
   the places stay for the confirmations made from them. Any other slot becomes a *request*, which the outbox
   delivers at the next sync: accepted means confirmed, refused means denied. A denied
   request stays visible (the resident's bookings, the staff screen, the resident's
   phone through the status link); nothing is dropped.

Either way the booking is written with its outbox item in one transaction, under the
item's id, so the backend stores it once even if the online answer was lost. The
resident's phone number (optional, for a reminder) travels only in the outbox item
and is purged once the backend has it.
"""

from __future__ import annotations

import dataclasses
import hashlib
import hmac
import re
import secrets
import threading
import uuid
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Callable, Iterable, Protocol

from sqlalchemy import select, update

from kiosk import outbox
from kiosk.catalogue.service import Catalogue
from kiosk.storage.booking_models import BookingRecord, SlotAllotmentRecord
from kiosk.storage.db import Database
from kiosk.storage.models import OutboxItem, SlotRecord
from kiosk.storage.writes import on_db_thread

CREATED, REQUESTED, CONFIRMED, DENIED, CANCELLED = "created", "requested", "confirmed", "denied", "cancelled"
STATES = (CREATED, REQUESTED, CONFIRMED, DENIED, CANCELLED)
ONLINE, ALLOTTED, REQUEST = "online", "allotted", "request"
OWN, SITE = "own", "site"  # a booking's origin: made here, or pulled (the route of a pulled one is "site" too)
BOOKABLE_CHANNELS = ("visit", "video")
LANGUAGES = ("fi", "sv", "en")
_REF_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud at a desk


class BookingError(ValueError):
    """A booking that cannot be made or changed; ``code`` says why (for the screen's text)."""

    def __init__(self, code: str, message: str = ""):
        self.code = code
        super().__init__(message or code)


class SlotTaken(BookingError):
    def __init__(self, slot_id: str):
        super().__init__("slot_taken", f"slot {slot_id} was just booked by someone else")


class BackendUnreachable(Exception):
    """Raised by a remote when the backend cannot be asked now: the kiosk is offline."""


class BookingRemote(Protocol):
    """The backend, as the desk needs it (``sync.booking_client.BookingRemote``). Every
    method blocks: call the desk off the GUI thread."""

    def push(self, item: dict) -> dict: ...          # one outbox item -> its result
    def availability(self, channel_id: str) -> list[dict]: ...
    def allotments(self, keep: list[str]) -> list[dict]: ...
    def site_bookings(self) -> dict: ...            # protocol.SITE_BOOKINGS, checked
    def resident_bookings(self, subject: str) -> list[dict]: ...  # a resident's, made at any kiosk of the site


# -- phone numbers ----------------------------------------------------------------------
def normalise_phone(text: str | None) -> str | None:
    """A phone number for an SMS reminder in international form (+358401234567), or
    None when left empty. Finnish numbers may be written 040 123 4567 or 040-1234567;
    others with + or 00 and the country code. Anything else raises BookingError("bad_phone")."""
    if text is None or not text.strip():
        return None
    compact = re.sub(r"[\s\-().]", "", text.strip())
    if compact.startswith("00"):
        compact = "+" + compact[2:]
    if re.fullmatch(r"0\d{5,11}", compact):
        compact = "+358" + compact[1:]
    if not re.fullmatch(r"\+[1-9]\d{7,14}", compact):
        raise BookingError("bad_phone", f"{text!r} is not a phone number like 040 123 4567 or +46 70 123 4567")
    if compact.startswith("+358") and not 7 <= len(compact) - 4 <= 11:
        raise BookingError("bad_phone", f"{text!r} is not a Finnish phone number")
    return compact


# -- plain objects for the UI -------------------------------------------------------------
@dataclass(frozen=True)
class FreeTime:
    slot_id: str
    channel_id: str
    starts_at: datetime
    ends_at: datetime
    free: int
    own_place: bool  # the kiosk holds a place of this slot: confirmed at once, even offline


@dataclass(frozen=True)
class Booking:
    id: str
    ref: str
    service_id: str
    channel_id: str
    slot_id: str
    starts_at: datetime
    ends_at: datetime
    state: str
    route: str
    language: str
    reason: str | None = None
    origin: str = "own"  # "site": made at another kiosk of this site (pulled, or listed by the backend)

    @property
    def made_elsewhere(self) -> bool:
        """Made at another kiosk: "my bookings" says so, the resident may not remember it."""
        return self.origin == SITE


@dataclass(frozen=True)
class ResidentBookings:
    """What "my bookings" shows: ``everywhere`` when the backend answered, so bookings made at
    other kiosks of the site (origin "site") are in the list; else only what this kiosk holds,
    and ``unreachable`` when that is because the backend did not answer."""

    bookings: list[Booking]
    everywhere: bool
    unreachable: bool = False


def site_subject_mac(key: str, booking_id: str, subject: str) -> str:
    """The keyed hash by which a booking pulled from the backend (made at another kiosk)
    names its booker (protocol.SITE_BOOKING): the backend makes it, the kiosk checks a
    resident's key against it. Keyed per answer and per booking, so it neither gives the
    subject back nor links one person's bookings."""
    return hmac.new(bytes.fromhex(key), f"{booking_id}:{subject}".encode(), hashlib.sha256).hexdigest()


def _utc(dt: datetime) -> datetime:
    return dt.replace(tzinfo=timezone.utc) if dt.tzinfo is None else dt.astimezone(timezone.utc)


def _booking(r: BookingRecord) -> Booking:
    return Booking(id=r.id, ref=r.ref, service_id=r.service_id, channel_id=r.channel_id, slot_id=r.slot_id,
                   starts_at=r.starts_at, ends_at=r.ends_at, state=r.state, route=r.route,
                   language=r.language, reason=r.reason, origin=r.origin or OWN)


def _ref() -> str:
    raw = "".join(secrets.choice(_REF_ALPHABET) for _ in range(8))
    return f"{raw[:4]}-{raw[4:]}"


class BookingDesk:
    """What the booking screens ask. Methods that may use the network (``free_times``,
    ``book``, ``cancel``, ``after_sync``) block: call them off the GUI thread."""

    def __init__(self, db: Database, catalogue: Catalogue, *, remote: BookingRemote | None = None,
                 status_url: str | None = None, subject_salt: str = "",
                 now: Callable[[], datetime] = lambda: datetime.now(timezone.utc)) -> None:
        """``status_url``: the backend's status page with ``{id}`` and ``{lang}``, e.g.
        ``https://kiosk-api.example.fi/api/v1/booking/status/{id}?lang={lang}``."""
        self._db = db
        self._catalogue = catalogue
        self.remote = remote
        self._status_url = status_url
        self._salt = subject_salt
        self._now = now
        # The GUI's background calls and the sync thread share the desk: one change at a
        # time, so a share renewed mid-booking never miscounts the kiosk's places.
        self._lock = threading.RLock()

    # -- choosing ---------------------------------------------------------------------------
    def bookable_channels(self, service_id: str) -> list:
        service = self._catalogue.service(service_id)
        if service is None:
            return []
        return [c for c in service.channels if c.kind in BOOKABLE_CHANNELS]

    def free_times(self, channel_id: str, *, ask_backend: bool = True) -> tuple[list[FreeTime], bool]:
        """Free times of a channel, soonest first, and whether the backend answered.

        Online the backend's counts are used (others' bookings included); offline the
        kiosk's own copy (its own bookings included). Either way the places set aside
        for this kiosk are free for it.
        """
        now = self._now()
        with self._db.sessions() as s:
            slots = list(s.scalars(select(SlotRecord).where(SlotRecord.channel_id == channel_id,
                                                            SlotRecord.starts_at > now)
                                   .order_by(SlotRecord.starts_at, SlotRecord.id)))
            own = self._own_places(s, [r.id for r in slots], now)
        remote_free: dict[str, int] | None = None
        if ask_backend and self.remote is not None:
            try:
                remote_free = {a["slot_id"]: int(a["free"]) for a in self.remote.availability(channel_id)}
            except BackendUnreachable:
                remote_free = None
        out = []
        for r in slots:
            free = (remote_free.get(r.id, 0) if remote_free is not None else max(0, r.capacity - r.booked))
            free += own.get(r.id, 0)
            if free > 0:
                out.append(FreeTime(r.id, r.channel_id, r.starts_at, r.ends_at, free,
                                    own.get(r.id, 0) > 0))
        return out, remote_free is not None

    def _own_places(self, s, slot_ids: Iterable[str], now: datetime) -> dict[str, int]:
        ids = list(slot_ids)
        if not ids:
            return {}
        return {a.slot_id: a.places - a.used for a in s.scalars(
            select(SlotAllotmentRecord).where(SlotAllotmentRecord.slot_id.in_(ids)))
            if a.places > a.used and a.usable_until > now}

    # -- booking ----------------------------------------------------------------------------
    def subject_key(self, subject: str) -> str:
        return hashlib.sha256(f"welfare-kiosk-booking:{self._salt}:{subject}".encode()).hexdigest()

    def book(self, *, subject: str, service_id: str, channel_id: str, slot_id: str, language: str,
             phone: str | None = None) -> Booking:
        """Book ``slot_id`` for the identified resident. Raises BookingError (``past_slot``,
        ``unknown_slot``, ``bad_phone``, ...) or SlotTaken; then nothing is stored."""
        with self._lock:
            return self._book_unlocked(subject=subject, service_id=service_id, channel_id=channel_id,
                                       slot_id=slot_id, language=language, phone=phone)

    def _book_unlocked(self, *, subject: str, service_id: str, channel_id: str, slot_id: str, language: str,
                       phone: str | None) -> Booking:
        if language not in LANGUAGES:
            raise BookingError("bad_language", f"language is one of {', '.join(LANGUAGES)}")
        if not subject:
            raise BookingError("no_identity", "booking needs an identified resident")
        phone = normalise_phone(phone)
        now = self._now()
        with self._db.sessions() as s:
            slot = s.get(SlotRecord, slot_id)
            if slot is None or slot.channel_id != channel_id or \
                    channel_id not in {c.id for c in self.bookable_channels(service_id)}:
                raise BookingError("unknown_slot", f"slot {slot_id} is no longer offered for this service")
            if slot.starts_at <= now:
                raise BookingError("past_slot", f"slot {slot_id} has already started")
            starts, ends = slot.starts_at, slot.ends_at
            # Decided before the item is made, so online and offline send the same
            # content: the backend uses a place of the share only when the item says so,
            # and never for a booking that does not, so the kiosk's offline
            # confirmations from its share always find their places.
            from_share = bool(self._own_places(s, [slot_id], now))
        item_id, ref = str(uuid.uuid4()), _ref()
        payload = {"slot_id": slot_id, "service_id": service_id, "channel_id": channel_id, "subject": subject,
                   "phone": phone, "language": language, "booking_ref": ref,
                   "place": outbox.PLACE_SHARE if from_share else outbox.PLACE_OPEN}
        payload = {k: v for k, v in payload.items() if v is not None}
        answer = None
        if self.remote is not None:
            try:
                answer = self.remote.push({"id": item_id, "kind": "booking", "created_at": now.isoformat(),
                                           "payload": payload})
            except BackendUnreachable:
                answer = None  # offline: the same item goes through the outbox, stored once
        if answer is not None and answer["status"] == "rejected":
            if answer.get("reason") == "slot_taken":
                raise SlotTaken(slot_id)
            raise BookingError(answer.get("reason") or "rejected", answer.get("detail") or "")

        # The rows are written by the one database thread (kiosk/storage/writes.py); this
        # thread, which made the backend call, waits for them.
        def store():
            with self._db.sessions.begin() as s:
                # The desk's lock is held since the choice above: the share is as it was then.
                allotment = s.get(SlotAllotmentRecord, slot_id) if from_share else None
                if allotment is not None:
                    allotment.used += 1  # the backend uses this place of the share, online or not
                if answer is not None:
                    state, route = CONFIRMED, ONLINE
                elif allotment is not None:
                    state, route = CONFIRMED, ALLOTTED
                else:
                    state, route = REQUESTED, REQUEST
                record = BookingRecord(id=item_id, ref=ref, subject_key=self.subject_key(subject),
                                       service_id=service_id, channel_id=channel_id, slot_id=slot_id,
                                       starts_at=starts, ends_at=ends,
                                       state=state, route=route, language=language, created_at=now, updated_at=now)
                s.add(record)
                outbox.record(s, "booking", payload, item_id=item_id, now=now)
                s.execute(update(SlotRecord).where(SlotRecord.id == slot_id).values(booked=SlotRecord.booked + 1))
                if answer is not None:
                    s.flush()
                    outbox.mark_delivered(s, [item_id], now=now)  # the phone number goes at once
                return _booking(record)
        return on_db_thread(store)

    def cancel(self, *, subject: str, booking_id: str) -> Booking:
        """The resident cancels one of their own upcoming bookings."""
        with self._lock:
            return self._cancel_unlocked(subject=subject, booking_id=booking_id)

    def _cancel_unlocked(self, *, subject: str, booking_id: str) -> Booking:
        """The resident cancels one of their own upcoming bookings."""
        now = self._now()
        with self._db.sessions() as s:
            r = s.get(BookingRecord, booking_id)
            made_elsewhere = r is None or r.origin == SITE
        if made_elsewhere:
            return self._cancel_made_elsewhere(subject=subject, booking_id=booking_id, now=now)

        def store_cancel():
            with self._db.sessions.begin() as s:
                r = s.get(BookingRecord, booking_id)
                if r is None or r.subject_key != self.subject_key(subject):
                    raise BookingError("unknown_booking", "no such booking of yours")
                if r.state not in (CONFIRMED, REQUESTED):
                    raise BookingError("not_cancellable", f"the booking is {r.state}")
                if r.starts_at <= now:
                    raise BookingError("past_slot", "the time has already started")
                r.state, r.updated_at = CANCELLED, now
                s.execute(update(SlotRecord).where(SlotRecord.id == r.slot_id, SlotRecord.booked > 0)
                          .values(booked=SlotRecord.booked - 1))
                booking_item = s.get(OutboxItem, r.id)
                sent = None
                if booking_item is not None and booking_item.state == outbox.DELIVERED:
                    sent = self._record_cancel(s, r, subject, now)
                # Else the booking itself has not reached the backend yet. The cancellation
                # is recorded once it has (``refresh_states``): the backend can only cancel
                # a booking it holds, and both in one push would refuse the cancellation.
                return _booking(r), sent
        result, sent = on_db_thread(store_cancel)
        if sent is not None:
            self._send_now(sent)  # give the place back to others at once; offline the outbox does it later
        return result

    def _cancel_made_elsewhere(self, *, subject: str, booking_id: str, now: datetime) -> Booking:
        """A booking the resident made at another kiosk of the site: cancelled online only,
        through the backend, which checks that the booking names this resident. Offline it is
        refused (``needs_connection``) rather than promised: this kiosk cannot know whether the
        other kiosk or the city changed it meanwhile."""
        if self.remote is None:
            raise BookingError("needs_connection", "a booking made elsewhere is cancelled through the backend")
        try:
            theirs = {b["booking_id"]: b for b in self.remote.resident_bookings(subject)}
        except BackendUnreachable:
            raise BookingError("needs_connection", "the backend cannot be reached") from None
        row = theirs.get(booking_id)
        if row is None:
            raise BookingError("unknown_booking", "no such upcoming booking of yours")
        booking = self._remote_booking(row)
        if booking.starts_at <= now:
            raise BookingError("past_slot", "the time has already started")
        item = {"id": str(uuid.uuid4()), "kind": "booking_cancel", "created_at": now.isoformat(),
                "payload": {"booking_item_id": booking_id, "reason": "resident", "subject": subject}}
        try:
            answer = self.remote.push(item)
        except BackendUnreachable:
            raise BookingError("needs_connection", "the backend did not answer the cancellation") from None
        if answer["status"] == "rejected":
            raise BookingError(answer.get("reason") or "rejected", answer.get("detail") or "")

        def store():
            with self._db.sessions.begin() as s:
                # Kept as delivered: the kiosk's record of what it sent, never sent again.
                outbox.record(s, "booking_cancel", item["payload"], item_id=item["id"], now=now)
                s.flush()
                outbox.mark_delivered(s, [item["id"]], now=now)
                r = s.get(BookingRecord, booking_id)  # pulled for the site: check-in here refuses it now
                if r is not None and r.state != CANCELLED:
                    r.state, r.reason, r.updated_at, r.cancel_item_id = CANCELLED, "resident", now, item["id"]
        on_db_thread(store)
        return dataclasses.replace(booking, state=CANCELLED)

    @staticmethod
    def _remote_booking(row: dict) -> Booking:
        # ``made_here``: the backend's word that this kiosk sent it (its own row may be gone).
        return Booking(id=row["booking_id"], ref=row["ref"], service_id=row["service_id"],
                       channel_id=row["channel_id"], slot_id=row["slot_id"],
                       starts_at=_utc(datetime.fromisoformat(row["start"])),
                       ends_at=_utc(datetime.fromisoformat(row["end"])), state=CONFIRMED, route=SITE,
                       language=row.get("language") or "fi", origin=OWN if row.get("made_here") else SITE)

    def _record_cancel(self, s, r: BookingRecord, subject: str | None, now: datetime) -> dict:
        cancel_id = str(uuid.uuid4())
        payload = {"booking_item_id": r.id, "reason": "resident"}
        if subject:
            payload["subject"] = subject
        item = outbox.record(s, "booking_cancel", payload, item_id=cancel_id, now=now)
        r.cancel_item_id = cancel_id
        return {"id": item.id, "kind": item.kind, "created_at": now.isoformat(), "payload": dict(item.payload)}

    def _send_now(self, item: dict) -> None:
        if self.remote is None:
            return
        try:
            answer = self.remote.push(item)
        except BackendUnreachable:
            return

        def store_answer():
            with self._db.sessions.begin() as s:
                if answer["status"] in ("accepted", "duplicate"):
                    outbox.mark_delivered(s, [item["id"]])
                else:
                    outbox.quarantine(s, item["id"], answer.get("reason") or "rejected",
                                      answer.get("detail") or "")
        on_db_thread(store_answer)

    # -- reading ------------------------------------------------------------------------------
    def my_bookings(self, subject: str) -> list[Booking]:
        """The resident's upcoming bookings made at this kiosk, soonest first (denied ones
        too, so they learn of them; cancelled ones not)."""
        self.refresh_states()
        with self._db.sessions() as s:
            return self._own_upcoming(s, subject, self._now())

    def _own_upcoming(self, s, subject: str, now: datetime) -> list[Booking]:
        rows = s.scalars(select(BookingRecord).where(BookingRecord.subject_key == self.subject_key(subject),
                                                     BookingRecord.starts_at > now,
                                                     BookingRecord.state != CANCELLED)
                         .order_by(BookingRecord.starts_at))
        return [_booking(r) for r in rows]

    def _pulled_upcoming(self, s, subject: str, now: datetime, known: set[str]) -> list[Booking]:
        """The site's bookings pulled for today and tomorrow whose keyed hash names ``subject``."""
        return [_booking(r) for r in s.scalars(select(BookingRecord).where(
            BookingRecord.origin == SITE, BookingRecord.starts_at > now, BookingRecord.state != CANCELLED))
            if r.id not in known and r.subject_mac_key and r.subject_key
            and hmac.compare_digest(r.subject_key, site_subject_mac(r.subject_mac_key, r.id, subject))]

    def known_bookings(self, subject: str) -> ResidentBookings:
        """What this kiosk already holds of the resident's upcoming bookings (made here, and
        pulled for today and tomorrow), read from its database alone: no lock, no network, so
        "my bookings" shows them at once while ``resident_bookings`` asks the backend (which
        may take its whole timeout on a network that hangs). States are as last stored."""
        now = self._now()
        with self._db.sessions() as s:
            own = self._own_upcoming(s, subject, now)
            pulled = self._pulled_upcoming(s, subject, now, {b.id for b in own})
        return ResidentBookings(sorted(own + pulled, key=lambda b: (b.starts_at, b.id)), everywhere=False)

    def resident_bookings(self, subject: str) -> ResidentBookings:
        """What "my bookings" shows: the resident's upcoming bookings made here (``my_bookings``)
        and, online, those made at the site's other kiosks (the backend's list); offline, of
        those, the ones pulled for today and tomorrow. Blocks: call it off the GUI thread."""
        own = self.my_bookings(subject)
        known = {b.id for b in own}
        elsewhere: list[Booking] | None = None
        if self.remote is not None:
            try:
                elsewhere = [self._remote_booking(row) for row in self.remote.resident_bookings(subject)
                             if row["booking_id"] not in known]
            except BackendUnreachable:
                elsewhere = None
        everywhere = elsewhere is not None
        if elsewhere is None:
            with self._db.sessions() as s:
                elsewhere = self._pulled_upcoming(s, subject, self._now(), known)
        return ResidentBookings(sorted(own + elsewhere, key=lambda b: (b.starts_at, b.id)), everywhere=everywhere,
                                unreachable=self.remote is not None and not everywhere)

    def denied(self) -> list[Booking]:
        """Denied upcoming requests, for the staff screen: someone may need a call."""
        self.refresh_states()
        with self._db.sessions() as s:
            return [_booking(r) for r in s.scalars(select(BookingRecord).where(BookingRecord.state == DENIED)
                                                   .order_by(BookingRecord.starts_at))]

    def booking(self, booking_id: str) -> Booking | None:
        with self._db.sessions() as s:
            r = s.get(BookingRecord, booking_id)
            return _booking(r) if r else None

    def status_url(self, booking: Booking, language: str | None = None) -> str | None:
        if not self._status_url:
            return None
        return self._status_url.replace("{id}", booking.id).replace("{lang}", language or booking.language)

    # -- after a sync ---------------------------------------------------------------------------
    def refresh_states(self) -> list[Booking]:
        """Requests the backend accepted become confirmed, refused ones denied; returns those that changed."""
        with self._lock:
            return self._refresh_states_unlocked()

    def _refresh_states_unlocked(self) -> list[Booking]:
        """Requests whose item the backend accepted become confirmed; refused ones denied.
        Returns the bookings that changed."""
        changed, cancels = [], []
        now = self._now()

        def store_states():
            with self._db.sessions.begin() as s:
                # Cancellations waiting for their booking to reach the backend.
                for r, state in s.execute(select(BookingRecord, OutboxItem.state)
                                          .join(OutboxItem, OutboxItem.id == BookingRecord.id)
                                          .where(BookingRecord.state == CANCELLED,
                                                 BookingRecord.cancel_item_id.is_(None))):
                    if state == outbox.DELIVERED:
                        cancels.append(self._record_cancel(s, r, None, now))
                open_rows = list(s.scalars(select(BookingRecord).where(BookingRecord.state.in_((REQUESTED, CONFIRMED,
                                                                                                 DENIED)))))
                items = {i.id: i for i in s.scalars(select(OutboxItem).where(
                    OutboxItem.id.in_([r.id for r in open_rows])))} if open_rows else {}
                for r in open_rows:
                    item = items.get(r.id)
                    before = r.state
                    if item is None:
                        if r.state == REQUESTED:  # staff discarded the refused request
                            r.state, r.reason = DENIED, r.reason or "discarded"
                    elif item.state == outbox.DELIVERED and r.state != CONFIRMED:
                        r.state, r.reason = CONFIRMED, None
                    elif item.state == outbox.QUARANTINED and r.state != DENIED:
                        r.state, r.reason = DENIED, item.reason
                    elif item.state == outbox.PENDING and r.state == DENIED:  # staff sent it again
                        r.state, r.reason = REQUESTED, None
                    if r.state != before:
                        r.updated_at = now
                        delta = -1 if r.state == DENIED else 1 if before == DENIED else 0
                        if delta:
                            s.execute(update(SlotRecord)
                                      .where(SlotRecord.id == r.slot_id, SlotRecord.booked + delta >= 0)
                                      .values(booked=SlotRecord.booked + delta))
                        changed.append(_booking(r))
        on_db_thread(store_states)
        for item in cancels:
            self._send_now(item)
        return changed

    def refresh_allotments(self) -> int:
        """Renew the kiosk's share from the backend; how many slots it holds. Raises
        BackendUnreachable when offline (the old list stays)."""
        with self._lock:
            return self._refresh_allotments_unlocked()

    def _refresh_allotments_unlocked(self) -> int:
        """Ask the backend for this kiosk's share of slots; returns how many slots it holds.
        Raises BackendUnreachable when offline (the old list stays)."""
        if self.remote is None:
            return 0
        with self._db.sessions() as s:
            keep = sorted({r.slot_id for r, item_state in s.execute(
                select(BookingRecord, OutboxItem.state).join(OutboxItem, OutboxItem.id == BookingRecord.id)
                .where(BookingRecord.route == ALLOTTED, OutboxItem.state == outbox.PENDING))})
        answer = self.remote.allotments(keep)

        def store_share():
            with self._db.sessions.begin() as s:
                # Bookings on the kiosk's places that the backend does not have yet.
                undelivered: dict[str, int] = {}
                for r in s.scalars(select(BookingRecord).join(OutboxItem, OutboxItem.id == BookingRecord.id)
                                   .where(BookingRecord.route == ALLOTTED, OutboxItem.state == outbox.PENDING)):
                    undelivered[r.slot_id] = undelivered.get(r.slot_id, 0) + 1
                s.query(SlotAllotmentRecord).delete()
                for a in answer:
                    s.add(SlotAllotmentRecord(slot_id=a["slot_id"], service_id=a["service_id"], places=int(a["places"]),
                                              used=int(a["used"]) + undelivered.get(a["slot_id"], 0),
                                              usable_until=_utc(datetime.fromisoformat(a["usable_until"]))))
        on_db_thread(store_share)
        return len(answer)

    def refresh_site_bookings(self) -> int:
        """Renew the site's bookings of today and tomorrow from the backend, so that check-in
        works offline for bookings made at other kiosks, on the phone or the web; how many the
        backend listed. Raises BackendUnreachable when offline (the old copy stays)."""
        if self.remote is None:
            return 0
        answer = self.remote.site_bookings()  # outside the lock: HTTP never holds up a booking
        with self._lock:
            return self._store_site_bookings(answer)

    def _store_site_bookings(self, answer: dict) -> int:
        now = self._now()
        lo = _utc(datetime.fromisoformat(answer["window_start"]))
        listed = {b["booking_id"]: b for b in answer["bookings"]}
        with self._db.sessions.begin() as s:
            have = {r.id: r for r in s.scalars(select(BookingRecord).where(BookingRecord.id.in_(list(listed))))} \
                if listed else {}
            for bid, b in listed.items():
                state = CANCELLED if b["state"] == "cancelled" else CONFIRMED
                r = have.get(bid)
                if r is not None and r.origin != SITE:
                    # The kiosk's own booking: the same row, never a second one. Only a
                    # cancellation made elsewhere (another kiosk, the city) is news for it.
                    if state == CANCELLED and r.state in (CONFIRMED, REQUESTED):
                        r.state, r.reason, r.updated_at = CANCELLED, "cancelled_elsewhere", now
                        r.cancel_item_id = r.cancel_item_id or "elsewhere"  # nothing of ours to send
                    continue
                fields = dict(ref=b["ref"], service_id=b["service_id"], channel_id=b["channel_id"],
                              slot_id=b["slot_id"], starts_at=_utc(datetime.fromisoformat(b["start"])),
                              ends_at=_utc(datetime.fromisoformat(b["end"])), subject_key=b.get("subject_mac") or "",
                              subject_mac_key=answer["key"] if b.get("subject_mac") else None)
                if r is None:
                    s.add(BookingRecord(id=bid, state=state, route=SITE, origin=SITE, language="",
                                        created_at=now, updated_at=now, **fields))
                    continue
                changed = r.state != state and r.state in (CONFIRMED, CANCELLED)
                for k, v in fields.items():
                    setattr(r, k, v)
                if changed:
                    r.state, r.updated_at = state, now
            # Pulled rows the backend no longer lists: from before today they are done with
            # (nothing personal stays longer than it must); within the window a booking
            # that vanished is gone unless someone already arrived for it.
            for r in s.scalars(select(BookingRecord).where(BookingRecord.origin == SITE)):
                if r.id in listed:
                    continue
                if r.starts_at < lo or r.arrival is None:
                    s.delete(r)
        return len(listed)

    def on_sync_status(self, status) -> None:
        """Register as ``SyncWorker.after_sync(desk.on_sync_status)``: it runs on the sync
        thread (it sends HTTP), never on the GUI thread. After each successful sync:
        requests resolved, the kiosk's share renewed."""
        done = (not getattr(status, "syncing", True) and getattr(status, "online", False)
                and getattr(status, "last_sync_at", None) is not None)
        if done and status.last_sync_at != getattr(self, "_last_sync_seen", None):
            self._last_sync_seen = status.last_sync_at
            self.after_sync()

    def after_sync(self) -> None:
        """Call after each successful sync (on the sync thread): states, then the share."""
        self.refresh_states()
        for renew in (self.refresh_allotments, self.refresh_site_bookings):
            try:
                renew()
            except BackendUnreachable:
                pass
