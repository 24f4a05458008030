"""Arriving for a booked time: check-in at the kiosk into the one queue (issue 17). No Qt, no HTTP.

A resident who booked identifies the booking by the QR code of its confirmation (or
phone page), by its reference typed on screen, or by the key they booked with. The
kiosk then either checks them in, which gives a queue ticket on the service's line
whose place counts from the booked time (kiosk/queue_order.py), or says in plain
words why not and what to do next (``CheckInResult.outcome``):

- ``early``: check-in opens ``rule.early_min`` before the time: wait until then;
- ``late``: more than ``rule.late_min`` after the time: the arrival is recorded and
  the nurse decides (``accept_late``); or take a walk-in number, or book again;
- ``wrong_place``: the service is not queued at this kiosk: the booking's address;
- ``cancelled`` / ``denied`` / ``other_day`` / ``not_found``: book again or take a number.

Each arrival, late acceptance and no-show is a ``booking_checkin`` outbox item written in
the same transaction as the local change (and the ticket), so it reaches the city once,
online or later. Everything here works offline for the bookings this kiosk holds: its own and
the site's of today and tomorrow, pulled at each sync (``BookingDesk.refresh_site_bookings``).
"""

from __future__ import annotations

import dataclasses
import hmac
import re
import threading
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Callable, Iterable, Mapping

from sqlalchemy import or_, select

from kiosk import outbox
from kiosk.booking import (CANCELLED, CONFIRMED, DENIED, REQUESTED, SITE, Booking, BookingDesk, _booking,
                           site_subject_mac)
from kiosk.catalogue.hours import LOCAL_TZ
from kiosk.queue import QueueTicket, WaitEstimate, WalkInQueue
from kiosk.queue_order import NORMAL, PRIORITY_CLASSES
from kiosk.storage.booking_models import BookingRecord
from kiosk.storage.db import Database
from kiosk.storage.queue_models import QueueTicketRecord

# Outcomes of a check-in (translation keys ``checkin.outcome.<code>``).
CHECKED_IN, ALREADY, EARLY, LATE, WRONG_PLACE = "checked_in", "already", "early", "late", "wrong_place"
CANCELLED_OUTCOME, DENIED_OUTCOME, OTHER_DAY, NOT_FOUND = "cancelled", "denied", "other_day", "not_found"
# A booking's arrival, as the booking row keeps it.
ARRIVED, LATE_WAITING, ACCEPTED, NO_SHOW = "arrived", "late", "accepted", "no_show"
# What the nurse's desk shows for each of today's appointments.
NOT_YET, LATE_NOW, CALLED, SERVED = "not_yet", "late", "called", "served"
# The events a ``booking_checkin`` item carries.
EVENTS = ("arrived", "arrived_late", "late_accepted", "no_show")

_UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_REF = re.compile(r"\b([A-Z2-9]{4})[- ]?([A-Z2-9]{4})\b")


class CheckInError(ValueError):
    def __init__(self, code: str, message: str = ""):
        self.code = code
        super().__init__(message or code)


@dataclass(frozen=True)
class CheckInRule:
    """The service's rule for arriving: how early check-in opens, how late it is still on time."""

    early_min: int = 60
    late_min: int = 10


def rule_of(checkin: Mapping[str, int] | None, default: CheckInRule) -> CheckInRule:
    """A catalogue channel's ``checkin`` (docs/catalogue-format.md) as a rule; ``default``
    (the kiosk's [queue] checkin_early_min/checkin_late_min) where it has none."""
    if not checkin:
        return default
    return CheckInRule(early_min=int(checkin.get("early_min", default.early_min)),
                       late_min=int(checkin.get("late_min", default.late_min)))


@dataclass(frozen=True)
class Place:
    """Where a line is served, as configured (``queue.places``): printed on the ticket."""

    room: str
    floor: str = ""


@dataclass(frozen=True)
class CheckInResult:
    outcome: str
    booking: Booking | None = None
    ticket: QueueTicket | None = None
    estimate: WaitEstimate | None = None
    opens_at: datetime | None = None  # early: when check-in opens
    line_id: str | None = None
    place: Place | None = None
    rule: CheckInRule | None = None  # the service's rule the outcome was decided by (its words say it)


@dataclass(frozen=True)
class Appointment:
    """One of today's appointments as the nurse's desk shows it."""

    booking: Booking
    status: str  # not_yet / arrived / late / accepted / called / served / no_show
    line_id: str
    ticket: QueueTicket | None
    arrived_at: datetime | None


def booking_id_in(qr_text: str) -> str | None:
    """The booking id in a confirmation's QR text (its status link carries the id)."""
    m = _UUID.search((qr_text or "").lower())
    return m.group(0) if m else None


def normalise_ref(text: str) -> str | None:
    """A typed reference like 'abcd efgh' or 'ABCD-EFGH' as stored ('ABCD-EFGH'), or None."""
    compact = re.sub(r"[\s\-]", "", (text or "").upper())
    if not re.fullmatch(r"[A-Z2-9]{8}", compact):
        return None
    return f"{compact[:4]}-{compact[4:]}"


def parse_places(entries: Iterable[str]) -> dict[str, Place]:
    """``queue.places`` entries 'line id: room, floor' into places by line id."""
    out = {}
    for entry in entries:
        line_id, sep, rest = entry.partition(":")
        if not sep or not line_id.strip() or not rest.strip():
            raise CheckInError("bad_place", f"{entry!r} is not like 'laboratory.walk-in: Lab 2, 1'")
        room, _, floor = rest.partition(",")
        out[line_id.strip()] = Place(room=room.strip(), floor=floor.strip())
    return out


class CheckInDesk:
    def __init__(self, db: Database, queue: WalkInQueue, bookings: BookingDesk, *,
                 rule: CheckInRule = CheckInRule(), places: Mapping[str, Place] | None = None,
                 catalogue=None, now: Callable[[], datetime] = lambda: datetime.now(timezone.utc)) -> None:
        """``rule``: the kiosk's default; a service's channel in ``catalogue`` (a
        kiosk.catalogue.service.Catalogue) may set its own (``rule_for``)."""
        self._db = db
        self.catalogue = catalogue
        self.queue = queue
        self.bookings = bookings
        self.rule = rule
        self.places = dict(places or {})
        self._now = now
        self._lock = threading.Lock()  # two taps on two kiosk screens must not give two tickets

    # -- finding the booking ------------------------------------------------------------
    def find(self, *, qr: str | None = None, ref: str | None = None, subject: str | None = None) -> list[Booking]:
        """The bookings the person means: one for a QR code or a reference (whatever its
        state: ``check_in`` then says why it cannot be checked in); for a key, that key's
        bookings that can still be checked in today, soonest first. When the key has none
        of those but one of today's was cancelled, denied, checked in or marked a no-show,
        that one alone, so the person hears why (``check_in``'s outcome) rather than
        "no booking was found"."""
        with self._db.sessions() as s:
            q = select(BookingRecord)
            if qr is not None:
                bid = booking_id_in(qr)
                found = _REF.search((qr or "").upper())
                if bid:
                    q = q.where(BookingRecord.id == bid)
                elif found:
                    q = q.where(BookingRecord.ref == f"{found.group(1)}-{found.group(2)}")
                else:
                    return []
            elif ref is not None:
                norm = normalise_ref(ref)
                if norm is None:
                    return []
                q = q.where(BookingRecord.ref == norm)
            elif subject:
                lo, hi = self._today_bounds()
                own_key = self.bookings.subject_key(subject)
                q = q.where(or_(BookingRecord.subject_key == own_key, BookingRecord.origin == SITE),
                            BookingRecord.starts_at >= lo, BookingRecord.starts_at < hi)
                # A booking pulled for the site names its booker by a keyed hash of its own
                # (kiosk.booking.site_subject_mac): one HMAC per pulled booking of today.
                mine = [r for r in s.scalars(q.order_by(BookingRecord.starts_at))
                        if r.subject_key == own_key and r.origin != SITE
                        or r.origin == SITE and r.subject_mac_key and r.subject_key
                        and hmac.compare_digest(r.subject_key, site_subject_mac(r.subject_mac_key, r.id, subject))]
                now = self._now()
                open_ = [r for r in mine if self._may_check_in(r, now)]
                if open_:
                    return [_booking(r) for r in open_]
                # Nothing to check in: the one that explains it. A ticket already taken first
                # (it is shown again), else the most recently changed (a cancellation).
                return [_booking(max(mine, key=lambda r: (bool(r.ticket_id), r.updated_at)))] if mine else []
            else:
                return []
            return [_booking(r) for r in s.scalars(q.order_by(BookingRecord.starts_at))]

    @staticmethod
    def _may_check_in(r: BookingRecord, now: datetime) -> bool:
        """Whether a booking of today may still be checked in: not cancelled or denied, not in
        the queue already, not marked a no-show, and its time not over. (Early and late
        ones count: the check-in says when to come back, or records the late arrival for
        the nurse.)"""
        return r.state in (CONFIRMED, REQUESTED) and not r.ticket_id and r.arrival != NO_SHOW and now < r.ends_at

    def line_for(self, booking: Booking) -> str | None:
        """The queue line that serves the booking here: its own channel if that is a line,
        else a line of the same service; None when the service is not queued at this kiosk."""
        if booking.channel_id in self.queue.lines:
            return booking.channel_id
        return next((lid for lid, line in self.queue.lines.items() if line.service_id == booking.service_id), None)

    def rule_for(self, booking: Booking, line_id: str | None = None) -> CheckInRule:
        """The rule of the booked channel, else of the line that serves it, else the kiosk's."""
        service = self.catalogue.service(booking.service_id) if self.catalogue is not None else None
        if service is not None:
            by_id = {c.id: c for c in service.channels}
            for channel_id in (booking.channel_id, line_id or self.line_for(booking)):
                channel = by_id.get(channel_id)
                if channel is not None and channel.checkin:
                    return rule_of(channel.checkin, self.rule)
        return self.rule

    # -- checking in ----------------------------------------------------------------------
    def check_in(self, booking_id: str, *, priority: int = NORMAL) -> CheckInResult:
        if priority not in PRIORITY_CLASSES:
            raise CheckInError("bad_priority", f"priority is one of {sorted(PRIORITY_CLASSES)}")
        with self._lock:
            result, ticket_event = self._check_in(booking_id, priority)
        if ticket_event is not None:
            self.queue.announce("issued", ticket_event)
        return self._with_estimate(result)

    def _check_in(self, booking_id: str, priority: int) -> tuple[CheckInResult, QueueTicket | None]:
        now = self._now()
        with self._db.sessions.begin() as s:
            r = s.get(BookingRecord, booking_id)
            if r is None:
                return CheckInResult(NOT_FOUND), None
            b = _booking(r)
            if r.state == CANCELLED:
                return CheckInResult(CANCELLED_OUTCOME, b), None
            if r.state == DENIED:
                return CheckInResult(DENIED_OUTCOME, b), None
            line_id = self.line_for(b)
            if line_id is None:
                return CheckInResult(WRONG_PLACE, b), None
            place = self.places.get(line_id)
            rule = self.rule_for(b, line_id)
            if r.ticket_id:  # checked in before (a second tap, a reprint): the same ticket
                ticket = self.queue.ticket(r.ticket_id)
                return CheckInResult(ALREADY, b, ticket, line_id=line_id, place=place, rule=rule), None
            if r.arrival == NO_SHOW:
                return CheckInResult(LATE, b, line_id=line_id, place=place, rule=rule), None
            local_day = r.starts_at.astimezone(LOCAL_TZ).date()
            today = now.astimezone(LOCAL_TZ).date()
            if local_day != today:
                return CheckInResult(OTHER_DAY, b, line_id=line_id, place=place, rule=rule), None
            opens = r.starts_at - timedelta(minutes=rule.early_min)
            if now < opens:
                return CheckInResult(EARLY, b, opens_at=opens, line_id=line_id, place=place, rule=rule), None
            if now > r.starts_at + timedelta(minutes=rule.late_min):
                if r.arrival is None:
                    r.arrival, r.arrived_at = LATE_WAITING, now
                    self._record(s, r, "arrived_late", now)
                return CheckInResult(LATE, _booking(r), line_id=line_id, place=place, rule=rule), None
            if r.state not in (CONFIRMED, REQUESTED):
                return CheckInResult(NOT_FOUND, b), None
            ticket = self.queue.take_number(line_id, priority=priority, booking_id=r.id,
                                            appointment_at=r.starts_at, counts_from=r.starts_at, session=s)
            r.arrival, r.arrived_at, r.ticket_id = ARRIVED, now, ticket.id
            self._record(s, r, "arrived", now, ticket_id=ticket.id)
            return CheckInResult(CHECKED_IN, _booking(r), ticket, line_id=line_id, place=place, rule=rule), ticket

    def _with_estimate(self, result: CheckInResult) -> CheckInResult:
        if result.ticket is None or result.ticket.status != "waiting":
            return result
        return dataclasses.replace(result, estimate=self.queue.estimate(result.ticket.id))

    def _record(self, s, r: BookingRecord, event: str, now: datetime, **extra) -> None:
        payload = {"booking_item_id": r.id, "event": event, "service_id": r.service_id,
                   "channel_id": r.channel_id, "starts_at": r.starts_at.isoformat(), "at": now.isoformat(),
                   **{k: v for k, v in extra.items() if v is not None}}
        outbox.record(s, "booking_checkin", payload, item_id=str(uuid.uuid4()), now=now)

    # -- the nurse ------------------------------------------------------------------------
    def accept_late(self, booking_id: str, *, staff_id: str) -> CheckInResult:
        """The nurse lets a late arrival in: a ticket whose place counts from now."""
        now = self._now()
        with self._lock:
            with self._db.sessions.begin() as s:
                r = s.get(BookingRecord, booking_id)
                if r is None:
                    raise CheckInError("unknown_booking")
                if r.ticket_id:
                    raise CheckInError("already_in_queue")
                if r.state in (CANCELLED, DENIED):
                    raise CheckInError("not_bookable", f"the booking is {r.state}")
                line_id = self.line_for(_booking(r))
                if line_id is None:
                    raise CheckInError("wrong_place")
                ticket = self.queue.take_number(line_id, booking_id=r.id, appointment_at=r.starts_at,
                                                counts_from=now, session=s)
                r.arrival, r.ticket_id = ACCEPTED, ticket.id
                r.arrived_at = r.arrived_at or now
                self._record(s, r, "late_accepted", now, ticket_id=ticket.id, staff_id=staff_id)
                result = CheckInResult(CHECKED_IN, _booking(r), ticket, line_id=line_id, place=self.places.get(line_id))
        self.queue.announce("issued", ticket)
        return self._with_estimate(result)

    def no_show(self, booking_id: str, *, staff_id: str) -> Booking:
        """The person did not come: recorded here and counted in the city's reports."""
        now = self._now()
        with self._lock, self._db.sessions.begin() as s:
            r = s.get(BookingRecord, booking_id)
            if r is None:
                raise CheckInError("unknown_booking")
            if r.ticket_id or r.arrival == NO_SHOW:
                raise CheckInError("already_marked", "the person arrived or is already marked")
            if r.state in (CANCELLED, DENIED):
                raise CheckInError("not_bookable", f"the booking is {r.state}")
            if now < r.starts_at:
                raise CheckInError("not_yet", "the time has not begun")
            r.arrival = NO_SHOW
            self._record(s, r, "no_show", now, staff_id=staff_id)
            return _booking(r)

    # -- the desk's list --------------------------------------------------------------------
    def appointments_today(self, line_ids: Iterable[str] | None = None) -> list[Appointment]:
        """Today's appointments of ``line_ids`` (all lines when None), soonest first."""
        wanted = set(self.queue.lines if line_ids is None else line_ids)
        lo, hi = self._today_bounds()
        now = self._now()
        with self._db.sessions() as s:
            rows = list(s.scalars(select(BookingRecord).where(
                BookingRecord.starts_at >= lo, BookingRecord.starts_at < hi,
                BookingRecord.state.in_((CONFIRMED, REQUESTED))).order_by(BookingRecord.starts_at)))
            tickets = {t.id: t for t in s.scalars(select(QueueTicketRecord).where(
                QueueTicketRecord.id.in_([r.ticket_id for r in rows if r.ticket_id])))} if rows else {}
            out = []
            for r in rows:
                b = _booking(r)
                line_id = self.line_for(b)
                if line_id is None or line_id not in wanted:
                    continue
                ticket = self.queue.ticket(r.ticket_id) if r.ticket_id in tickets else None
                out.append(Appointment(b, self._status(r, ticket, now, self.rule_for(b, line_id)), line_id, ticket,
                                       r.arrived_at))
            return out

    def _status(self, r: BookingRecord, ticket: QueueTicket | None, now: datetime, rule: CheckInRule) -> str:
        if ticket is not None:
            if ticket.status in ("called", "serving"):
                return CALLED
            if ticket.status == "done":
                return SERVED
            if ticket.status == "no_show":
                return NO_SHOW
            return ACCEPTED if r.arrival == ACCEPTED else ARRIVED
        if r.arrival == NO_SHOW:
            return NO_SHOW
        if r.arrival == LATE_WAITING or now > r.starts_at + timedelta(minutes=rule.late_min):
            return LATE_NOW
        return NOT_YET

    def _today_bounds(self) -> tuple[datetime, datetime]:
        local = self._now().astimezone(LOCAL_TZ)
        start = datetime.combine(local.date(), datetime.min.time(), tzinfo=LOCAL_TZ)
        end = datetime.combine(local.date() + timedelta(days=1), datetime.min.time(), tzinfo=LOCAL_TZ)
        return start.astimezone(timezone.utc), end.astimezone(timezone.utc)
