from datetime import datetime, timedelta, timezone

import pytest

from kiosk import outbox
from kiosk.storage.db import open_database
from kiosk.walk_in import WalkInDesk, WalkInError


class Clock:
    def __init__(self):
        self.t = datetime(2026, 12, 1, 8, 0, tzinfo=timezone.utc)

    def __call__(self):
        return self.t


def test_appointment_is_recorded_with_codes_and_sent_through_the_outbox(db):
    clock = Clock()
    desk = WalkInDesk(db, now=clock)
    appt = desk.start(service_id="nurse-walk-in", staff_id="nurse-7", ticket_id="t-1")
    desk.identify(appt.id, "pseudonym-abc")
    clock.t += timedelta(minutes=12)
    done = desk.finish(appt.id, "follow_up_needed")
    assert done.ended_at - done.started_at == timedelta(minutes=12)
    with db.sessions() as s:
        [item] = outbox.pending_batch(s, 10)
    assert item.kind == "walk_in_appointment"
    assert item.payload["outcome"] == "follow_up_needed" and item.payload["subject"] == "pseudonym-abc"
    assert item.payload["ticket_id"] == "t-1" and item.payload["appointment_id"] == appt.id


def test_outcome_must_be_a_code_and_a_visit_ends_once(db):
    desk = WalkInDesk(db)
    appt = desk.start(service_id="s", staff_id="n")
    with pytest.raises(WalkInError) as exc:
        desk.finish(appt.id, "patient had flu symptoms")  # free text is refused
    assert exc.value.code == "bad_outcome"
    desk.finish(appt.id, "done")
    with pytest.raises(WalkInError) as exc:
        desk.finish(appt.id, "done")
    assert exc.value.code == "already_finished"
    with db.sessions() as s:
        assert len(outbox.pending_batch(s, 10)) == 1


def test_an_open_visit_survives_a_restart(db):
    appt = WalkInDesk(db).start(service_id="s", staff_id="nurse-1")
    reopened = WalkInDesk(open_database(db.path))
    assert [a.id for a in reopened.open_appointments("nurse-1")] == [appt.id]
    assert reopened.open_appointments("nurse-2") == []
