"""Check-in for a booked time on the kiosk alone (issue 17): every outcome in plain codes,
one ticket per booking, outbox items written with the change. The clock is the test's:
times are fixed instants, so the tests pass at any hour (and under faketime)."""

from __future__ import annotations

import dataclasses
import json
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import select

from kiosk import outbox
from kiosk.booking import BookingDesk
from kiosk.checkin import (ACCEPTED, ARRIVED, CALLED, CHECKED_IN, ALREADY, CANCELLED_OUTCOME, EARLY, LATE, LATE_NOW,
                           NO_SHOW, NOT_FOUND, NOT_YET, OTHER_DAY, WRONG_PLACE, CheckInDesk, CheckInError,
                           CheckInRule, Place, booking_id_in, normalise_ref, parse_places)
from kiosk.queue import WalkInQueue, lines_from_channels
from kiosk.queue_order import URGENT, OrderRule
from kiosk.storage.models import OutboxItem, SlotRecord

# 10:00 in Helsinki on a winter day; the booked times are around it.
T0 = datetime(2026, 12, 3, 8, 0, tzinfo=timezone.utc)


class Clock:
    def __init__(self, t: datetime) -> None:
        self.t = t

    def __call__(self) -> datetime:
        return self.t


@pytest.fixture
def clock():
    return Clock(T0 - timedelta(days=1))  # bookings are made the day before


@pytest.fixture
def desks(db, catalogue, clock):
    with db.sessions.begin() as s:
        for n, minutes in enumerate((0, 60, 120, 24 * 60)):
            start = T0 + timedelta(minutes=minutes)
            s.add(SlotRecord(id=f"slot-{n}", channel_id="maternity-visit", starts_at=start,
                             ends_at=start + timedelta(minutes=45), capacity=3, booked=0))
    bookings = BookingDesk(db, catalogue, remote=None, now=clock)
    # The maternity clinic's visits are queued on a line of their own at this kiosk.
    queue = WalkInQueue(db, lines_from_channels([("health-walkin", "health-station"),
                                                 ("maternity-visit", "maternity-clinic")]),
                        now=clock, outbox=outbox.record, order_rule=OrderRule())
    checkin = CheckInDesk(db, queue, bookings, rule=CheckInRule(early_min=30, late_min=10),
                          places={"maternity-visit": Place("204", "2")}, now=clock)
    return bookings, queue, checkin


def book(bookings, slot: str, who: str = "resident-1"):
    return bookings.book(subject=who, service_id="maternity-clinic", channel_id="maternity-visit", slot_id=slot,
                         language="fi")


def items(db, kind: str) -> list[dict]:
    with db.sessions() as s:
        return [i.payload for i in s.scalars(select(OutboxItem).where(OutboxItem.kind == kind)
                                             .order_by(OutboxItem.created_at, OutboxItem.id))]


def test_found_by_qr_reference_and_key(desks, clock):
    bookings, _queue, checkin = desks
    b = book(bookings, "slot-0")
    other = book(bookings, "slot-3", who="resident-2")
    qr_text = f"Äitiysneuvola\nVaraustunnus: {b.ref}\nhttps://api.example.fi/api/v1/booking/status/{b.id}?lang=fi"
    assert [x.id for x in checkin.find(qr=qr_text)] == [b.id]
    assert [x.id for x in checkin.find(qr=f"Varaustunnus: {b.ref}")] == [b.id]  # no link: the reference
    assert [x.id for x in checkin.find(ref=b.ref.lower().replace("-", " "))] == [b.id]
    clock.t = T0 - timedelta(minutes=5)
    assert [x.id for x in checkin.find(subject="resident-1")] == [b.id]  # today's only
    assert checkin.find(subject="resident-2") == []  # theirs is tomorrow
    assert checkin.find(ref="nonsense") == [] and checkin.find(qr="https://example.fi/") == []
    assert other.id != b.id


def test_the_key_lists_only_bookings_that_can_still_be_checked_in_today(desks, clock):
    """Cancelled, already checked in, no-show and ended bookings are not offered by the key;
    when nothing is left, the one that explains it is, so the person hears why."""
    bookings, _queue, checkin = desks
    first, gone, later = book(bookings, "slot-0"), book(bookings, "slot-1"), book(bookings, "slot-2")
    bookings.cancel(subject="resident-1", booking_id=gone.id)
    clock.t = T0 - timedelta(minutes=5)
    assert [x.id for x in checkin.find(subject="resident-1")] == [first.id, later.id]  # not the cancelled one
    assert checkin.check_in(first.id).outcome == CHECKED_IN
    clock.t = T0 + timedelta(minutes=100)
    assert [x.id for x in checkin.find(subject="resident-1")] == [later.id]  # not the one checked in
    clock.t = T0 + timedelta(minutes=170)  # 12.50: the 12.00 time is over
    [why] = checkin.find(subject="resident-1")
    assert why.id == first.id and checkin.check_in(why.id).outcome == ALREADY  # its number, again

    # Only a cancelled one today: that one, and the check-in says it was cancelled.
    clock.t = T0 - timedelta(days=1)
    only = book(bookings, "slot-1", who="resident-2")
    bookings.cancel(subject="resident-2", booking_id=only.id)
    clock.t = T0 + timedelta(minutes=55)
    [why] = checkin.find(subject="resident-2")
    assert why.id == only.id and checkin.check_in(why.id).outcome == CANCELLED_OUTCOME
    # The same by reference and by QR: found, never accepted.
    assert checkin.check_in(checkin.find(ref=only.ref)[0].id).outcome == CANCELLED_OUTCOME
    assert checkin.check_in(checkin.find(qr=f"Varaustunnus: {only.ref}")[0].id).outcome == CANCELLED_OUTCOME
    assert checkin.find(subject="resident-3") == []


def test_on_time_gives_one_ticket_with_room_wait_and_one_outbox_item(desks, clock, db):
    bookings, queue, checkin = desks
    b = book(bookings, "slot-0")
    clock.t = T0 - timedelta(minutes=20)
    first = checkin.check_in(b.id)
    assert first.outcome == CHECKED_IN and first.ticket.line_id == "maternity-visit"
    assert first.ticket.label == "B001" and first.place == Place("204", "2")
    assert first.ticket.appointment_at == T0 and first.ticket.counts_from == T0
    assert first.estimate is not None and first.estimate.ahead == 0
    again = checkin.check_in(b.id)  # a second tap: the same ticket, nothing new recorded
    assert again.outcome == ALREADY and again.ticket.id == first.ticket.id
    events = items(db, "booking_checkin")
    assert [(e["event"], e["booking_item_id"], e["ticket_id"]) for e in events] == [("arrived", b.id, first.ticket.id)]
    assert len(queue.waiting()) == 1


def test_too_early_says_when_and_too_late_waits_for_the_nurse(desks, clock, db):
    bookings, queue, checkin = desks
    b = book(bookings, "slot-1")  # 11:00
    clock.t = T0 + timedelta(minutes=60 - 31)
    early = checkin.check_in(b.id)
    assert early.outcome == EARLY and early.opens_at == T0 + timedelta(minutes=30) and early.ticket is None
    clock.t = T0 + timedelta(minutes=60 + 11)
    late = checkin.check_in(b.id)
    assert late.outcome == LATE and late.ticket is None and queue.waiting() == []
    assert checkin.check_in(b.id).outcome == LATE  # asked again: still one arrival recorded
    [appt] = checkin.appointments_today(["maternity-visit"])
    assert appt.status == LATE_NOW
    clock.t += timedelta(minutes=2)  # the nurse comes to the kiosk
    accepted = checkin.accept_late(b.id, staff_id="nurse-1")
    assert accepted.ticket.counts_from == clock.t  # the late one queues from now, not from 11:00
    assert checkin.appointments_today()[0].status == ACCEPTED
    with pytest.raises(CheckInError) as err:
        checkin.accept_late(b.id, staff_id="nurse-1")
    assert err.value.code == "already_in_queue"
    assert [e["event"] for e in items(db, "booking_checkin")] == ["arrived_late", "late_accepted"]


def test_cancelled_other_day_wrong_place_and_unknown(desks, clock, db, catalogue):
    bookings, queue, checkin = desks
    gone = book(bookings, "slot-2")
    bookings.cancel(subject="resident-1", booking_id=gone.id)
    tomorrow = book(bookings, "slot-3")
    clock.t = T0 + timedelta(minutes=110)
    assert checkin.check_in(gone.id).outcome == CANCELLED_OUTCOME
    assert checkin.check_in(tomorrow.id).outcome == OTHER_DAY
    assert checkin.check_in("00000000-0000-4000-8000-000000000000").outcome == NOT_FOUND
    elsewhere = CheckInDesk(db, WalkInQueue(db, lines_from_channels([("health-walkin", "health-station")]),
                                            now=clock), bookings, now=clock)
    assert elsewhere.check_in(tomorrow.id).outcome == WRONG_PLACE
    assert items(db, "booking_checkin") == [] and queue.waiting() == []


def test_no_show_is_recorded_once_and_not_before_the_time(desks, clock, db):
    bookings, _queue, checkin = desks
    b = book(bookings, "slot-1")
    clock.t = T0 + timedelta(minutes=30)
    assert checkin.appointments_today()[0].status == NOT_YET
    with pytest.raises(CheckInError):
        checkin.no_show(b.id, staff_id="nurse-1")
    clock.t = T0 + timedelta(minutes=90)
    checkin.no_show(b.id, staff_id="nurse-1")
    assert checkin.appointments_today()[0].status == NO_SHOW
    with pytest.raises(CheckInError):
        checkin.no_show(b.id, staff_id="nurse-1")
    assert checkin.check_in(b.id).outcome == LATE  # came after all: the nurse decides
    assert [e["event"] for e in items(db, "booking_checkin")] == ["no_show"]


def test_desk_list_follows_the_ticket(desks, clock):
    bookings, queue, checkin = desks
    b = book(bookings, "slot-0")
    clock.t = T0 - timedelta(minutes=1)
    t = checkin.check_in(b.id, priority=URGENT).ticket
    assert t.priority == URGENT and checkin.appointments_today()[0].status == ARRIVED
    queue.call_next(["maternity-visit"], staff_id="nurse-1", room="204")
    assert checkin.appointments_today()[0].status == CALLED


def test_text_helpers():
    assert booking_id_in("…/status/0A1B2C3D-0000-4000-8000-00000000000F?lang=fi") == \
        "0a1b2c3d-0000-4000-8000-00000000000f"
    assert normalise_ref(" abcd-efgh ") == "ABCD-EFGH" and normalise_ref("ABC") is None
    assert parse_places(["lab.walk-in: Lab 2, 1", "x: 112"]) == {"lab.walk-in": Place("Lab 2", "1"),
                                                                  "x": Place("112", "")}
    with pytest.raises(CheckInError):
        parse_places(["no colon here"])


def test_a_service_sets_its_own_rule_in_the_catalogue_and_the_kiosk_rule_is_the_default(db, mini_catalogue_data,
                                                                                           clock):
    """The dental clinic says 15 min early / 5 late in its channel's ``checkin``; the health
    station says nothing and keeps the kiosk's 30 / 10."""
    from kiosk.catalogue.importer import import_catalogue, validate
    from kiosk.catalogue.service import Catalogue

    data = json.loads(json.dumps(mini_catalogue_data))
    [visit] = [ch for sv in data["services"] for ch in sv["channels"] if ch["id"] == "maternity-visit"]
    visit["checkin"] = {"early_min": 15, "late_min": 5}
    assert validate(data) == []
    bad = json.loads(json.dumps(data))
    [ch] = [c for sv in bad["services"] for c in sv["channels"] if c["id"] == "maternity-visit"]
    ch["checkin"] = {"early_min": -1, "late_min": 5, "extra": 1}
    problems = validate(bad)
    assert any("checkin.early_min" in p and "0 to 240" in p for p in problems)
    assert any("checkin.extra" in p for p in problems)
    import_catalogue(db, data)
    catalogue = Catalogue(db)
    with db.sessions.begin() as s:
        for n, minutes in enumerate((0, 60)):
            start = T0 + timedelta(minutes=minutes)
            s.add(SlotRecord(id=f"slot-{n}", channel_id="maternity-visit", starts_at=start,
                             ends_at=start + timedelta(minutes=45), capacity=3, booked=0))
    bookings = BookingDesk(db, catalogue, remote=None, now=clock)
    queue = WalkInQueue(db, lines_from_channels([("maternity-visit", "maternity-clinic")]), now=clock,
                        outbox=outbox.record, order_rule=OrderRule())
    checkin = CheckInDesk(db, queue, bookings, rule=CheckInRule(early_min=30, late_min=10), catalogue=catalogue,
                          now=clock)
    first, second = book(bookings, "slot-0"), book(bookings, "slot-1", who="resident-2")

    clock.t = T0 - timedelta(minutes=20)  # inside the kiosk's 30, outside the clinic's 15
    early = checkin.check_in(first.id)
    assert early.outcome == EARLY and early.opens_at == T0 - timedelta(minutes=15)
    assert early.rule == CheckInRule(15, 5)
    clock.t = T0 + timedelta(minutes=60 + 7)  # the kiosk's 10 would still be on time
    late = checkin.check_in(second.id)
    assert late.outcome == LATE and late.rule.late_min == 5
    assert checkin.rule_for(checkin.find(ref=first.ref)[0]) == CheckInRule(15, 5)
    # A booking of a service without a rule of its own: the kiosk's.
    plain = dataclasses.replace(first, service_id="health-station", channel_id="health-walkin")
    assert checkin.rule_for(plain) == CheckInRule(30, 10)
