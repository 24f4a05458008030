"""Arriving for a booked time, end to end against the REAL reference backend (issue 17),
on SQLite and PostgreSQL: book online and offline, check in by QR, by reference and by
key, a late arrival the nurse lets in, a no-show; the check-ins reach the backend once
(also when made offline and delivered later) and the city's report counts them.

The kiosk's clock for the check-in is the test's (the slots are the day after tomorrow);
booking and the backend run on the real clock, so this passes at any hour."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from kiosk import outbox
from kiosk.checkin import ALREADY, CHECKED_IN, LATE, CheckInDesk, CheckInRule, Place
from kiosk.queue import WalkInQueue, lines_from_channels
from kiosk.storage.models import OutboxItem
from sync.server.models import BookingAttendance, Item
from sync.server.reports import ReportFilter, service_report
from tests.booking.conftest import CHANNEL, SERVICE, Clock


@pytest.fixture(scope="module")
def backend(any_backend):
    return any_backend



def checkin_desk(k, clock) -> CheckInDesk:
    queue = WalkInQueue(k.db, lines_from_channels([(CHANNEL, SERVICE)]), now=clock, outbox=outbox.record)
    return CheckInDesk(k.db, queue, k.desk, rule=CheckInRule(early_min=30, late_min=10),
                       places={CHANNEL: Place("204", "2")}, now=clock)


def pending(db, kind: str) -> int:
    with db.sessions() as s:
        return s.scalar(select(func.count()).select_from(OutboxItem)
                        .where(OutboxItem.kind == kind, OutboxItem.state == outbox.PENDING))


def attendance(backend) -> dict[str, str]:
    with backend.sessions() as s:
        return {r.booking_item_id: r.status for r in s.scalars(select(BookingAttendance))}


def test_check_in_by_qr_reference_and_key_late_and_no_show_reach_the_report(make_kiosk, backend, site,
                                                                               slots_start):
    k = make_kiosk()
    made = {}
    for who, slot in (("qr", "mv-a"), ("ref", "mv-b"), ("late", "mv-c"), ("gone", "mv-d"), ("key", "mv-e")):
        made[who] = k.desk.book(subject=f"resident-{who}", service_id=SERVICE, channel_id=CHANNEL, slot_id=slot,
                                language="fi")
        assert made[who].route == "online"
    clock = Clock(slots_start - timedelta(minutes=10))
    desk = checkin_desk(k, clock)

    status = k.desk.status_url(made["qr"])
    [found] = desk.find(qr=f"Äitiysneuvola\nVaraustunnus: {made['qr'].ref}\n{status}")
    by_qr = desk.check_in(found.id)
    assert by_qr.outcome == CHECKED_IN and by_qr.ticket.label == "A001" and by_qr.place.room == "204"

    clock.t = slots_start + timedelta(hours=1, minutes=-5)
    [found] = desk.find(ref=made["ref"].ref.replace("-", " ").lower())
    assert desk.check_in(found.id).outcome == CHECKED_IN
    assert desk.check_in(found.id).outcome == ALREADY  # a second tap records nothing

    clock.t = slots_start + timedelta(hours=2, minutes=25)
    assert desk.check_in(made["late"].id).outcome == LATE
    clock.t += timedelta(minutes=2)
    assert desk.accept_late(made["late"].id, staff_id="nurse-1").ticket is not None
    clock.t = slots_start + timedelta(hours=3, minutes=30)
    desk.no_show(made["gone"].id, staff_id="nurse-1")

    clock.t = slots_start + timedelta(hours=4, minutes=-3)
    [found] = desk.find(subject="resident-key")
    assert desk.check_in(found.id).outcome == CHECKED_IN

    assert pending(k.db, "booking_checkin") == 6  # 3 arrivals, late + let in, no-show
    k.sync()
    k.sync()  # a second push sends nothing twice
    assert pending(k.db, "booking_checkin") == 0
    seen = attendance(backend)
    assert {who: seen.get(b.id) for who, b in made.items()} == {
        "qr": "arrived", "ref": "arrived", "late": "late_accepted", "gone": "no_show", "key": "arrived"}
    with backend.sessions() as s:
        assert s.scalar(select(func.count()).select_from(Item).where(Item.kind == "booking_checkin",
                                                                     Item.site_id == site)) == 6

    day = slots_start.date()
    report = service_report(backend.sessions, ReportFilter(start=day - timedelta(days=1), end=day + timedelta(days=1),
                                                           site=site))
    summary = report["tables"]["summary"][0]
    assert summary["check_ins"] == 4 and summary["appointment_no_shows"] == 1
    [row] = [r for r in report["tables"]["services"] if r["service_id"] == SERVICE]
    assert row["check_ins"] == 4 and row["appointment_no_shows"] == 1


def test_offline_booking_and_check_in_are_delivered_later_once(make_kiosk, backend, site, slots_start):
    k = make_kiosk("k-offline")
    k.go_offline()
    b = k.desk.book(subject="resident-offline", service_id=SERVICE, channel_id=CHANNEL, slot_id="mv-e",
                    language="sv")
    assert b.route == "request"  # offline, outside the kiosk's share: a request
    clock = Clock(slots_start + timedelta(hours=4, minutes=-20))
    desk = checkin_desk(k, clock)
    result = desk.check_in(desk.find(ref=b.ref)[0].id)
    assert result.outcome == CHECKED_IN and result.estimate is not None
    assert b.id not in attendance(backend)  # nothing has left the kiosk yet
    k.go_online()
    k.sync()  # the booking and its check-in in one push: the booking first
    k.sync()
    assert attendance(backend)[b.id] == "arrived"
    with backend.sessions() as s:
        assert s.scalar(select(func.count()).select_from(Item).where(
            Item.kind == "booking_checkin", Item.payload["booking_item_id"].as_string() == b.id)) == 1


def test_backend_refuses_a_check_in_for_a_cancelled_booking_or_one_that_is_not_a_booking(make_kiosk, backend):
    k = make_kiosk("k-refused")
    b = k.desk.book(subject="resident-cancel", service_id=SERVICE, channel_id=CHANNEL, slot_id="mv-d",
                    language="fi")
    k.desk.cancel(subject="resident-cancel", booking_id=b.id)  # online: the backend has the cancellation
    k.sync()

    def check_in(booking_item_id: str, n: int) -> dict:
        return k.remote.push({"id": f"6a3e7f0c-1d2b-4c5d-8e9f-0a1b2c3d4e{n:02d}", "kind": "booking_checkin",
                              "created_at": "2026-12-02T10:00:00+00:00",
                              "payload": {"booking_item_id": booking_item_id, "event": "arrived",
                                          "service_id": SERVICE}})
    answer = check_in(b.id, 1)
    assert (answer["status"], answer["reason"]) == ("rejected", "booking_cancelled")
    with backend.sessions() as s:
        not_a_booking = s.scalar(select(Item.id).where(Item.kind != "booking").limit(1))
    answer = check_in(not_a_booking, 2)
    assert (answer["status"], answer["reason"]) == ("rejected", "unknown_booking")
    assert b.id not in attendance(backend)
