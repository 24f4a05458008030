"""The walk-in queue: residents take a number, nurses call them in.

Numbers are unique per device, day and line prefix, and are committed with
synchronous=FULL before they are shown, so a crash or power cut can neither lose a
ticket nor hand the same number out twice. All times are UTC; "the day" is the
kiosk's local day (Europe/Helsinki).
"""

from __future__ import annotations

import math
import statistics
import uuid
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Callable, Iterable, Sequence

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from kiosk.catalogue.hours import LOCAL_TZ
from kiosk.queue_order import PRIORITY_CLASSES, OrderRule, in_order
from kiosk.storage.db import Database
from kiosk.storage.queue_models import QueueTicketRecord

WAITING, CALLED, SERVING, DONE, NO_SHOW = "waiting", "called", "serving", "done", "no_show"
OPEN_STATES = (WAITING, CALLED, SERVING)
# Why a nurse served someone out of turn. Codes, not free text: no health details in the queue.
OUT_OF_ORDER_REASONS = ("urgent", "accessibility", "appointment_time", "interpreter_present", "staff_judgement")
PREFIXES = "ABCDEFGHJKLMNPRSTUVXYZ"  # no I, O, Q, W: easy to confuse when read aloud or on screen
DEFAULT_SERVICE_MINUTES = 10.0
# The estimate looks at this many recent services on the line.
ESTIMATE_SAMPLE = 12


class QueueError(Exception):
    """An action that cannot be done, with a reason code the UI translates."""

    def __init__(self, code: str, message: str = ""):
        self.code = code
        super().__init__(message or code)


@dataclass(frozen=True)
class QueueLine:
    id: str  # the walk-in channel id in the catalogue
    prefix: str
    service_id: str


@dataclass(frozen=True)
class QueueTicket:
    id: str
    day: str
    prefix: str
    number: int
    line_id: str
    issued_line_id: str
    priority: int
    status: str
    issued_at: datetime
    called_at: datetime | None
    first_called_at: datetime | None
    started_at: datetime | None
    finished_at: datetime | None
    room: str | None
    called_by: str | None
    recall_count: int
    out_of_order_reason: str | None
    # A checked-in appointment (issue 17): its booking, its booked time, and the moment its
    # place in the queue counts from (kiosk/queue_order.py); None for a walk-in.
    booking_id: str | None = None
    appointment_at: datetime | None = None
    counts_from: datetime | None = None

    @property
    def label(self) -> str:
        """What the resident sees and hears: 'A012'."""
        return f"{self.prefix}{self.number:03d}"


@dataclass(frozen=True)
class WaitEstimate:
    ahead: int
    minutes: int  # rounded up to whole minutes; 0 when you are next
    minutes_per_person: float
    based_on: int  # how many finished services today the figure comes from (0 = default)


@dataclass(frozen=True)
class LineSummary:
    line_id: str
    issued: int
    served: int
    no_shows: int
    waiting: int
    average_wait_min: float | None
    longest_wait_min: float | None


def _ticket(r: QueueTicketRecord) -> QueueTicket:
    return QueueTicket(id=r.id, day=r.day, prefix=r.prefix, number=r.number, line_id=r.line_id,
                       issued_line_id=r.issued_line_id, priority=r.priority, status=r.status,
                       issued_at=r.issued_at, called_at=r.called_at,
                       first_called_at=r.first_called_at, started_at=r.started_at,
                       finished_at=r.finished_at, room=r.room, called_by=r.called_by,
                       recall_count=r.recall_count, out_of_order_reason=r.out_of_order_reason,
                       booking_id=r.booking_id, appointment_at=r.appointment_at, counts_from=r.counts_from)


def lines_from_channels(channels: Iterable[tuple[str, str]]) -> list[QueueLine]:
    """Queue lines for (channel id, service id) pairs, lettered A, B, C... in order."""
    out = []
    for i, (channel_id, service_id) in enumerate(channels):
        if i >= len(PREFIXES):
            raise QueueError("too_many_lines", f"at most {len(PREFIXES)} queue lines per device")
        out.append(QueueLine(id=channel_id, prefix=PREFIXES[i], service_id=service_id))
    return out


# A change that must reach the city: (session, kind, payload). Set by the outbox wiring;
# called inside the same transaction as the queue change.
OutboxWriter = Callable[[Session, str, dict], None]


class WalkInQueue:
    def __init__(self, db: Database, lines: Sequence[QueueLine], *,
                 now: Callable[[], datetime] = lambda: datetime.now(timezone.utc),
                 outbox: OutboxWriter | None = None,
                 default_service_minutes: float = DEFAULT_SERVICE_MINUTES,
                 order_rule: OrderRule | None = None) -> None:
        if not lines:
            raise QueueError("no_lines", "the queue needs at least one line")
        self._db = db
        self.lines = {line.id: line for line in lines}
        self._now = now
        self._outbox = outbox
        self._default_minutes = default_service_minutes
        self.order_rule = order_rule or OrderRule()
        self._listeners: list[Callable[[str, QueueTicket], None]] = []

    # -- listening ----------------------------------------------------------------------
    def subscribe(self, callback: Callable[[str, QueueTicket], None]) -> None:
        """``callback(event, ticket)`` after each committed change: issued, called, recalled, ..."""
        self._listeners.append(callback)

    def _emit(self, event: str, ticket: QueueTicket) -> None:
        for cb in list(self._listeners):
            cb(event, ticket)

    def _record(self, s: Session, event: str, t: QueueTicketRecord) -> None:
        if self._outbox is not None:
            payload = {
                "ticket_id": t.id, "event": event, "day": t.day, "label": f"{t.prefix}{t.number:03d}",
                "line_id": t.line_id, "issued_line_id": t.issued_line_id, "status": t.status,
                "priority": t.priority, "room": t.room, "recall_count": t.recall_count,
                "out_of_order_reason": t.out_of_order_reason,
                **{k: (v.isoformat() if (v := getattr(t, k)) else None)
                   for k in ("issued_at", "called_at", "first_called_at", "started_at", "finished_at")}}
            if t.booking_id:  # an appointment's ticket: the city sees it came from a booking
                payload.update(booking_id=t.booking_id, appointment_at=t.appointment_at.isoformat()
                               if t.appointment_at else None,
                               counts_from=t.counts_from.isoformat() if t.counts_from else None)
            self._outbox(s, "queue_ticket", payload)

    def today(self) -> str:
        return self._now().astimezone(LOCAL_TZ).date().isoformat()

    # -- residents ----------------------------------------------------------------------
    def take_number(self, line_id: str, *, priority: int = 0, booking_id: str | None = None,
                    appointment_at: datetime | None = None, counts_from: datetime | None = None,
                    session: Session | None = None) -> QueueTicket:
        """A number on ``line_id``. For a checked-in appointment (kiosk/checkin.py) the
        booking, its time and the moment its place counts from come along; ``session``
        lets the check-in write the ticket in its own transaction (both or neither)."""
        line = self._line(line_id)
        if session is not None:
            rec = self._new_ticket(session, line, priority, booking_id, appointment_at, counts_from)
            return _ticket(rec)  # the caller emits after its commit (``announce``)
        for _attempt in range(5):
            try:
                with self._db.sessions.begin() as s:
                    rec = self._new_ticket(s, line, priority, booking_id, appointment_at, counts_from)
                    ticket = _ticket(rec)
                break
            except IntegrityError:
                continue  # another writer took the number first: take the next one
        else:
            raise QueueError("busy", "could not allot a number; try again")
        self._emit("issued", ticket)
        return ticket

    def _new_ticket(self, s: Session, line: QueueLine, priority: int, booking_id: str | None,
                    appointment_at: datetime | None, counts_from: datetime | None) -> QueueTicketRecord:
        day = self.today()
        last = s.scalar(select(func.max(QueueTicketRecord.number))
                        .where(QueueTicketRecord.day == day, QueueTicketRecord.prefix == line.prefix))
        rec = QueueTicketRecord(
            id=str(uuid.uuid4()), day=day, prefix=line.prefix, number=(last or 0) + 1,
            line_id=line.id, issued_line_id=line.id, priority=priority, status=WAITING,
            issued_at=self._now(), recall_count=0, booking_id=booking_id, appointment_at=appointment_at,
            counts_from=counts_from)
        s.add(rec)
        s.flush()
        self._record(s, "issued", rec)
        return rec

    def announce(self, event: str, ticket: QueueTicket) -> None:
        """Tell listeners of a ticket written in another module's transaction, after its commit."""
        self._emit(event, ticket)

    def ticket(self, ticket_id: str) -> QueueTicket:
        with self._db.sessions() as s:
            rec = s.get(QueueTicketRecord, ticket_id)
            if rec is None:
                raise QueueError("unknown_ticket")
            return _ticket(rec)

    def waiting(self, line_ids: Iterable[str] | None = None) -> list[QueueTicket]:
        """Today's waiting tickets in the order they will be called: one order for walk-ins
        and appointments, priorities with a head start that ages (kiosk/queue_order.py)."""
        q = (select(QueueTicketRecord)
             .where(QueueTicketRecord.day == self.today(), QueueTicketRecord.status == WAITING))
        if line_ids is not None:
            q = q.where(QueueTicketRecord.line_id.in_(list(line_ids)))
        with self._db.sessions() as s:
            return in_order((_ticket(r) for r in s.scalars(q)), self.order_rule)

    def recent_calls(self, limit: int = 6) -> list[QueueTicket]:
        """Called or in-service tickets, newest call first: what the queue display shows."""
        with self._db.sessions() as s:
            rows = s.scalars(select(QueueTicketRecord)
                             .where(QueueTicketRecord.day == self.today(),
                                    QueueTicketRecord.status.in_((CALLED, SERVING)))
                             .order_by(QueueTicketRecord.called_at.desc()).limit(limit))
            return [_ticket(r) for r in rows]

    def estimate(self, ticket_id: str) -> WaitEstimate:
        """The wait of someone already holding ``ticket_id``."""
        t = self.ticket(ticket_id)
        queue = self.waiting([t.line_id])
        return self._estimate(t.line_id, next((i for i, w in enumerate(queue) if w.id == t.id), 0))

    def estimate_for_newcomer(self, line_id: str) -> WaitEstimate:
        """What someone who takes a number on ``line_id`` now can expect."""
        self._line(line_id)
        return self._estimate(line_id, len(self.waiting([line_id])))

    def _estimate(self, line_id: str, ahead: int) -> WaitEstimate:
        per_person, based_on = self._minutes_per_person(line_id)
        minutes = math.ceil(ahead * per_person / self._servers(line_id)) if ahead else 0
        return WaitEstimate(ahead=ahead, minutes=minutes, minutes_per_person=per_person, based_on=based_on)

    def _servers(self, line_id: str) -> int:
        """Nurses serving this line now work in parallel."""
        with self._db.sessions() as s:
            return s.scalar(select(func.count(func.distinct(QueueTicketRecord.called_by)))
                            .where(QueueTicketRecord.day == self.today(), QueueTicketRecord.line_id == line_id,
                                   QueueTicketRecord.status.in_((CALLED, SERVING)))) or 1

    def _minutes_per_person(self, line_id: str) -> tuple[float, int]:
        with self._db.sessions() as s:
            rows = s.execute(select(QueueTicketRecord.started_at, QueueTicketRecord.finished_at)
                             .where(QueueTicketRecord.day == self.today(), QueueTicketRecord.line_id == line_id,
                                    QueueTicketRecord.status == DONE, QueueTicketRecord.started_at.is_not(None))
                             .order_by(QueueTicketRecord.finished_at.desc()).limit(ESTIMATE_SAMPLE)).all()
        durations = [(b - a).total_seconds() / 60 for a, b in rows if a and b]
        if len(durations) < 3:  # too few to trust: lean on the configured figure
            return self._default_minutes, len(durations)
        # The median resists one unusually long visit; clamp to a sane range.
        return min(max(statistics.median(durations), 1.0), 120.0), len(durations)

    # -- nurses -------------------------------------------------------------------------
    def call_next(self, line_ids: Iterable[str], *, staff_id: str, room: str) -> QueueTicket | None:
        """Call the next person waiting on any of ``line_ids``; None when nobody waits."""
        line_ids = list(line_ids)
        for lid in line_ids:
            self._line(lid)
        for _attempt in range(5):
            queue = self.waiting(line_ids)
            if not queue:
                return None
            try:
                return self._call(queue[0].id, staff_id=staff_id, room=room, reason=None, racing=True)
            except QueueError as exc:
                if exc.code != "already_called":
                    raise
        return None

    def call_out_of_order(self, ticket_id: str, *, staff_id: str, room: str, reason: str) -> QueueTicket:
        if reason not in OUT_OF_ORDER_REASONS:
            raise QueueError("reason_required", f"reason must be one of {', '.join(OUT_OF_ORDER_REASONS)}")
        return self._call(ticket_id, staff_id=staff_id, room=room, reason=reason)

    def _call(self, ticket_id: str, *, staff_id: str, room: str, reason: str | None,
              racing: bool = False) -> QueueTicket:
        with self._db.sessions.begin() as s:
            rec = self._get(s, ticket_id)
            if rec.status != WAITING:
                if racing:  # another nurse called this person a moment ago: take the next
                    raise QueueError("already_called")
                raise QueueError("not_waiting")
            now = self._now()
            rec.status, rec.called_at, rec.room, rec.called_by = CALLED, now, room, staff_id
            rec.first_called_at = rec.first_called_at or now
            rec.out_of_order_reason = reason
            self._record(s, "called", rec)
            ticket = _ticket(rec)
        self._emit("called", ticket)
        return ticket

    def recall(self, ticket_id: str) -> QueueTicket:
        return self._change(ticket_id, "recalled", (CALLED,),
                            lambda r: (setattr(r, "recall_count", r.recall_count + 1),
                                       setattr(r, "called_at", self._now())))

    def start_service(self, ticket_id: str) -> QueueTicket:
        return self._change(ticket_id, "started", (CALLED,),
                            lambda r: (setattr(r, "status", SERVING), setattr(r, "started_at", self._now())))

    def finish(self, ticket_id: str) -> QueueTicket:
        def done(r: QueueTicketRecord) -> None:
            now = self._now()
            r.status, r.finished_at = DONE, now
            r.started_at = r.started_at or r.called_at or now
        return self._change(ticket_id, "finished", (CALLED, SERVING), done)

    def no_show(self, ticket_id: str) -> QueueTicket:
        return self._change(ticket_id, "no_show", (CALLED,),
                            lambda r: (setattr(r, "status", NO_SHOW), setattr(r, "finished_at", self._now())))

    def transfer(self, ticket_id: str, to_line_id: str) -> QueueTicket:
        """Move a person to another line. They keep their number and their place in time."""
        self._line(to_line_id)

        def move(r: QueueTicketRecord) -> None:
            if r.line_id == to_line_id:
                raise QueueError("same_line")
            r.line_id, r.status, r.room, r.called_by, r.called_at = to_line_id, WAITING, None, None, None
        return self._change(ticket_id, "transferred", OPEN_STATES, move)

    def set_priority(self, ticket_id: str, priority: int, *, from_resident: bool = False) -> QueueTicket:
        """A waiting ticket's priority class: from the resident's answers (kiosk/priority_questions.py)
        or changed by the nurse at the desk. Only the class code is kept. The resident's answers
        never overrule a class already on the ticket (the nurse's word stands)."""
        if priority not in PRIORITY_CLASSES:
            raise QueueError("bad_priority", f"priority is one of {sorted(PRIORITY_CLASSES)}")

        def apply(r: QueueTicketRecord) -> None:
            if from_resident and r.priority:
                raise QueueError("priority_set", "the ticket already has a priority class")
            r.priority = priority
        return self._change(ticket_id, "priority", (WAITING,), apply)

    def _change(self, ticket_id: str, event: str, allowed: tuple[str, ...], apply) -> QueueTicket:
        with self._db.sessions.begin() as s:
            rec = self._get(s, ticket_id)
            if rec.status not in allowed:
                raise QueueError("wrong_state", f"ticket is {rec.status}; {event} needs {'/'.join(allowed)}")
            apply(rec)
            self._record(s, event, rec)
            ticket = _ticket(rec)
        self._emit(event, ticket)
        return ticket

    # -- reports ------------------------------------------------------------------------
    def daily_summary(self, day: str | None = None) -> list[LineSummary]:
        day = day or self.today()
        with self._db.sessions() as s:
            rows = [_ticket(r) for r in s.scalars(select(QueueTicketRecord).where(QueueTicketRecord.day == day))]
        out = []
        for line_id in sorted({t.issued_line_id for t in rows} | {t.line_id for t in rows}):
            mine = [t for t in rows if t.line_id == line_id]
            waits = [(t.first_called_at - t.issued_at).total_seconds() / 60 for t in mine if t.first_called_at]
            out.append(LineSummary(
                line_id=line_id, issued=sum(1 for t in rows if t.issued_line_id == line_id),
                served=sum(1 for t in mine if t.status == DONE), no_shows=sum(1 for t in mine if t.status == NO_SHOW),
                waiting=sum(1 for t in mine if t.status == WAITING),
                average_wait_min=round(statistics.fmean(waits), 1) if waits else None,
                longest_wait_min=round(max(waits), 1) if waits else None))
        return out

    # -- internals ----------------------------------------------------------------------
    def _line(self, line_id: str) -> QueueLine:
        try:
            return self.lines[line_id]
        except KeyError:
            raise QueueError("unknown_line", f"no queue line {line_id!r} on this kiosk") from None

    @staticmethod
    def _get(s: Session, ticket_id: str) -> QueueTicketRecord:
        rec = s.get(QueueTicketRecord, ticket_id)
        if rec is None:
            raise QueueError("unknown_ticket")
        return rec
