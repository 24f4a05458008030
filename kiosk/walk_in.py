"""A nurse's ad-hoc appointment with the person they called in.

What is recorded is what the city counts: which service, who (pseudonymously, and
only if the person identified), when it started and ended, and the outcome as a code.
Never free text: the kiosk is no place for health records.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Callable

from sqlalchemy import select

from kiosk import outbox
from kiosk.storage.db import Database
from kiosk.storage.queue_models import WalkInAppointmentRecord

OUTCOMES = ("done", "referred", "follow_up_needed")


class WalkInError(ValueError):
    def __init__(self, code: str, message: str = ""):
        self.code = code
        super().__init__(message or code)


@dataclass(frozen=True)
class WalkInAppointment:
    id: str
    ticket_id: str | None
    service_id: str
    staff_id: str
    subject: str | None
    started_at: datetime
    ended_at: datetime | None
    outcome: str | None
    follow_up_item_id: str | None

    @property
    def open(self) -> bool:
        return self.ended_at is None


def _appointment(r: WalkInAppointmentRecord) -> WalkInAppointment:
    return WalkInAppointment(id=r.id, ticket_id=r.ticket_id, service_id=r.service_id, staff_id=r.staff_id,
                             subject=r.subject, started_at=r.started_at, ended_at=r.ended_at,
                             outcome=r.outcome, follow_up_item_id=r.follow_up_item_id)


class WalkInDesk:
    def __init__(self, db: Database, *, now: Callable[[], datetime] = lambda: datetime.now(timezone.utc)) -> None:
        self._db = db
        self._now = now

    def start(self, *, service_id: str, staff_id: str, ticket_id: str | None = None,
              subject: str | None = None) -> WalkInAppointment:
        """Open an appointment; it is on disk at once, so a crash mid-visit loses nothing."""
        if not service_id or not staff_id:
            raise WalkInError("missing", "an appointment needs a service and a nurse")
        with self._db.sessions.begin() as s:
            rec = WalkInAppointmentRecord(id=str(uuid.uuid4()), ticket_id=ticket_id, service_id=service_id,
                                          staff_id=staff_id, subject=subject, started_at=self._now())
            s.add(rec)
            s.flush()
            return _appointment(rec)

    def identify(self, appointment_id: str, subject: str) -> WalkInAppointment:
        """The person showed their key during the visit (e.g. to book a follow-up)."""
        with self._db.sessions.begin() as s:
            rec = self._open(s, appointment_id)
            rec.subject = subject
            return _appointment(rec)

    def link_follow_up(self, appointment_id: str, booking_item_id: str) -> WalkInAppointment:
        with self._db.sessions.begin() as s:
            rec = self._open(s, appointment_id)
            rec.follow_up_item_id = booking_item_id
            return _appointment(rec)

    def finish(self, appointment_id: str, outcome: str) -> WalkInAppointment:
        """Close the appointment and hand it to the outbox in the same transaction."""
        if outcome not in OUTCOMES:
            raise WalkInError("bad_outcome", f"outcome must be one of {', '.join(OUTCOMES)}")
        with self._db.sessions.begin() as s:
            rec = self._open(s, appointment_id)
            rec.ended_at, rec.outcome = self._now(), outcome
            payload = {"appointment_id": rec.id, "service_id": rec.service_id, "staff_id": rec.staff_id,
                       "started_at": rec.started_at.isoformat(), "ended_at": rec.ended_at.isoformat(),
                       "outcome": outcome}
            for key in ("ticket_id", "subject", "follow_up_item_id"):
                if getattr(rec, key):
                    payload[key] = getattr(rec, key)
            outbox.record(s, "walk_in_appointment", payload, now=self._now())
            finished = _appointment(rec)
            # The subject travels in the outbox item alone, which is purged once the city has
            # it; the visit's own row would otherwise keep it on disk for ever.
            rec.subject = None
            return finished

    def open_appointments(self, staff_id: str | None = None) -> list[WalkInAppointment]:
        """Unfinished visits, e.g. to resume after a restart."""
        q = select(WalkInAppointmentRecord).where(WalkInAppointmentRecord.ended_at.is_(None))
        if staff_id:
            q = q.where(WalkInAppointmentRecord.staff_id == staff_id)
        with self._db.sessions() as s:
            return [_appointment(r) for r in s.scalars(q.order_by(WalkInAppointmentRecord.started_at))]

    @staticmethod
    def _open(s, appointment_id: str) -> WalkInAppointmentRecord:
        rec = s.get(WalkInAppointmentRecord, appointment_id)
        if rec is None:
            raise WalkInError("unknown_appointment")
        if rec.ended_at is not None:
            raise WalkInError("already_finished")
        return rec
