"""Bookings made at another kiosk of the site, known offline (issue 17), end to end against
the REAL reference backend on SQLite and PostgreSQL: kiosk A books, kiosk B pulls the site's
bookings of today and tomorrow at its sync, the backend goes away, B checks the residents in
by reference and by key, and each check-in reaches the backend once when it is back. A cancel
at A reaches B at the next pull; B's own bookings are not doubled; a kiosk of another site
reads none of them; nothing personal comes down.

The slots are tomorrow at 10-14 Helsinki time, so they are in the pulled window whatever the
hour the test runs at (the backend runs on the real clock); the check-in desk's clock is the
test's."""

from __future__ import annotations

from datetime import datetime, timedelta

import requests
import pytest
from sqlalchemy import func, select

from kiosk import outbox
from kiosk.booking import SITE
from kiosk.checkin import CHECKED_IN, CheckInDesk, CheckInRule
from kiosk.queue import WalkInQueue, lines_from_channels
from kiosk.storage.booking_models import BookingRecord
from kiosk.storage.models import OutboxItem
from sync.server.models import BookingAttendance, Item
from tests.backend import enrolled_client
from tests.booking.conftest import CHANNEL, SERVICE, Clock, ten_oclock, booking_catalogue


@pytest.fixture(scope="module")
def backend(any_backend):
    return any_backend


@pytest.fixture
def slots_start() -> datetime:
    return ten_oclock(1)   # tomorrow: the day site bookings are pulled for



def checkin_desk(k, clock) -> CheckInDesk:
    queue = WalkInQueue(k.db, lines_from_channels([(CHANNEL, SERVICE)]), now=clock, outbox=outbox.record)
    return CheckInDesk(k.db, queue, k.desk, rule=CheckInRule(early_min=30, late_min=10), now=clock)


def rows(db) -> dict[str, BookingRecord]:
    with db.sessions() as s:
        return {r.id: r for r in s.scalars(select(BookingRecord))}


def test_booked_at_kiosk_a_checked_in_at_kiosk_b_offline_and_delivered_once(make_kiosk, backend, slots_start):
    a, b = make_kiosk("kiosk-a"), make_kiosk("kiosk-b")
    by_ref = a.desk.book(subject="resident-ref", service_id=SERVICE, channel_id=CHANNEL, slot_id="mv-a",
                         language="fi")
    by_key = a.desk.book(subject="resident-key", service_id=SERVICE, channel_id=CHANNEL, slot_id="mv-c",
                         language="sv")
    gone = a.desk.book(subject="resident-gone", service_id=SERVICE, channel_id=CHANNEL, slot_id="mv-d",
                       language="fi")
    own = b.desk.book(subject="resident-b", service_id=SERVICE, channel_id=CHANNEL, slot_id="mv-e", language="fi")
    assert {x.route for x in (by_ref, by_key, gone, own)} == {"online"}

    b.sync()
    pulled = rows(b.db)
    assert {bid for bid, r in pulled.items() if r.origin == SITE} == {by_ref.id, by_key.id, gone.id}
    assert pulled[own.id].origin == "own" and len(pulled) == 4  # its own booking is not doubled
    # What a stolen kiosk B would hold of A's residents: no subject, no key of kiosk A.
    for bid in (by_ref.id, by_key.id, gone.id):
        r = pulled[bid]
        assert r.subject_key and "resident" not in r.subject_key and r.subject_key != a.desk.subject_key("resident-key")
        assert r.ref == {by_ref.id: by_ref.ref, by_key.id: by_key.ref, gone.id: gone.ref}[bid]

    a.desk.cancel(subject="resident-gone", booking_id=gone.id)  # online: the backend has it at once
    b.sync()
    assert rows(b.db)[gone.id].state == "cancelled"

    b.go_offline()
    b.worker.client.base_url = b.desk.remote.client.base_url  # the backend is away for the worker too
    clock = Clock(slots_start - timedelta(minutes=10))
    desk = checkin_desk(b, clock)
    [by_qr] = desk.find(qr=f"Varaustunnus: {by_ref.ref}\n{a.desk.status_url(by_ref)}")  # A's confirmation QR
    [found] = desk.find(ref=by_ref.ref.lower().replace("-", " "))
    assert by_qr.id == found.id == by_ref.id and found.origin == SITE
    assert desk.check_in(found.id).outcome == CHECKED_IN
    clock.t = slots_start + timedelta(hours=2, minutes=-5)
    [found] = desk.find(subject="resident-key")
    assert found.id == by_key.id and desk.check_in(found.id).outcome == CHECKED_IN
    assert desk.find(subject="resident-nobody") == []
    clock.t = slots_start + timedelta(hours=3, minutes=-5)
    [cancelled] = desk.find(ref=gone.ref)
    assert desk.check_in(cancelled.id).outcome == "cancelled"
    assert b.worker.sync_once().last_error is not None  # really offline
    with backend.sessions() as s:
        assert s.scalar(select(func.count()).select_from(BookingAttendance).where(
            BookingAttendance.booking_item_id.in_([by_ref.id, by_key.id]))) == 0

    b.worker.client.base_url = b.remote.client.base_url
    b.go_online()
    b.sync()
    b.sync()  # a second push sends nothing twice
    with b.db.sessions() as s:
        assert s.scalar(select(func.count()).select_from(OutboxItem).where(
            OutboxItem.kind == "booking_checkin", OutboxItem.state == outbox.PENDING)) == 0
    with backend.sessions() as s:
        arrivals = list(s.scalars(select(Item).where(Item.kind == "booking_checkin")))
        mine = [i for i in arrivals if i.payload["booking_item_id"] in (by_ref.id, by_key.id)]
        assert sorted(i.payload["booking_item_id"] for i in mine) == sorted([by_ref.id, by_key.id])
        assert {r.booking_item_id: r.status for r in s.scalars(select(BookingAttendance).where(
            BookingAttendance.booking_item_id.in_([by_ref.id, by_key.id])))} == {by_ref.id: "arrived",
                                                                                  by_key.id: "arrived"}
    assert rows(b.db)[by_ref.id].arrival == "arrived"  # the next pull kept the arrival


def test_a_kiosk_reads_only_its_own_sites_bookings_and_nothing_personal(make_kiosk, backend, slots_start):
    a = make_kiosk("site-one")
    booked = a.desk.book(subject="resident-secret-subject", service_id=SERVICE, channel_id=CHANNEL, slot_id="mv-b",
                         language="fi", phone="040 123 4567")
    other_site = backend.new_site(booking_catalogue(slots_start))
    other = enrolled_client(backend, other_site, "other-site-kiosk")
    answer = requests.get(f"{backend.url}/api/v1/booking/site",
                          headers={"Authorization": f"Bearer {other.credentials.token}"}, timeout=10)
    assert answer.status_code == 200
    assert answer.json()["site"] == other_site and answer.json()["bookings"] == []

    assert requests.get(f"{backend.url}/api/v1/booking/site", timeout=10).status_code == 401
    assert requests.get(f"{backend.url}/api/v1/booking/site",
                     headers={"Authorization": "Bearer " + "x" * 40}, timeout=10).status_code == 401

    mine = a.remote.site_bookings()
    [row] = [r for r in mine["bookings"] if r["booking_id"] == booked.id]
    # Every value but the keyed hashes (hex, where any four digits turn up now and then: "4567"
    # once did) is looked at for the subject and the phone number, whole or in digits only.
    text = str([{k: v for k, v in r.items() if k != "subject_mac"} for r in mine["bookings"]]) + \
        str({k: v for k, v in mine.items() if k not in ("bookings", "key")})
    for secret in ("resident-secret-subject", "040 123 4567", "0401234567", "123 4567", "1234567"):
        assert secret not in text, secret
    assert all(len(r["subject_mac"]) == 64 and int(r["subject_mac"], 16) >= 0 for r in mine["bookings"])
    assert set(row) == {"booking_id", "ref", "service_id", "channel_id", "slot_id", "start", "end", "state",
                        "subject_mac"}
    again = a.remote.site_bookings()  # a fresh key each time: two answers' hashes do not match
    [row2] = [r for r in again["bookings"] if r["booking_id"] == booked.id]
    assert again["key"] != mine["key"] and row2["subject_mac"] != row["subject_mac"]


def test_pulled_bookings_from_before_today_leave_the_kiosk(make_kiosk, backend, slots_start):
    a, b = make_kiosk("old-a"), make_kiosk("old-b")
    booked = a.desk.book(subject="resident-old", service_id=SERVICE, channel_id=CHANNEL, slot_id="mv-a",
                         language="fi")
    b.sync()
    assert rows(b.db)[booked.id].origin == SITE
    # Two days on, the backend no longer lists it (its time is before the window): it goes.
    answer = b.remote.site_bookings()
    answer["bookings"] = []
    answer["window_start"] = (slots_start + timedelta(days=1)).isoformat()
    b.desk._store_site_bookings(answer)
    assert booked.id not in rows(b.db)
