"""Booking against the REAL reference backend: online, offline from the kiosk's share,
offline requests resolved at the next sync, two kiosks racing, cancelling, bad input."""

from __future__ import annotations

import threading
from datetime import timedelta

import pytest
import requests
from sqlalchemy import select

from kiosk import outbox
from kiosk.booking import (ALLOTTED, CANCELLED, CONFIRMED, DENIED, ONLINE, REQUEST, REQUESTED, BookingError,
                           SlotTaken)
from kiosk.storage.models import OutboxItem
from sync.server.booking import day_view, set_booking_share
from sync.server.models import Slot
from sync.server.store import import_catalogue
from tests.booking.conftest import CHANNEL, SERVICE, booking_catalogue
from tests.backend import server_items

ANNA, BO = "subject-anna", "subject-bo"


def booked(backend, site, slot_id) -> int:
    with backend.sessions() as s:
        return s.get(Slot, (site, slot_id)).booked


def outbox_items(db, kind=None) -> list[OutboxItem]:
    with db.sessions() as s:
        q = select(OutboxItem)
        if kind:
            q = q.where(OutboxItem.kind == kind)
        return list(s.scalars(q))


def book(kiosk, slot_id, subject=ANNA, **kw):
    return kiosk.desk.book(subject=subject, service_id=SERVICE, channel_id=CHANNEL, slot_id=slot_id,
                           language=kw.pop("language", "fi"), **kw)


def test_online_booking_is_confirmed_at_once_and_stored_once(backend, site, make_kiosk):
    k = make_kiosk()
    times, online = k.desk.free_times(CHANNEL)
    assert online and [t.slot_id for t in times] == ["mv-a", "mv-b", "mv-c", "mv-d", "mv-e"]  # soonest first
    b = book(k, "mv-e", phone="040 123 4567", language="sv")
    assert (b.state, b.route) == (CONFIRMED, ONLINE)
    assert booked(backend, site, "mv-e") == 1
    [stored] = server_items(backend, site_id=site, kind="booking")
    assert stored.id == b.id and stored.payload["phone"] == "+358401234567"
    assert stored.payload["booking_ref"] == b.ref and stored.payload["language"] == "sv"
    # Delivered: nothing left to send, and the phone number is gone from the kiosk.
    [item] = outbox_items(k.db, "booking")
    assert item.state == outbox.DELIVERED and "phone" not in item.payload and "subject" not in item.payload
    k.sync()
    assert len(server_items(backend, site_id=site, kind="booking")) == 1
    assert booked(backend, site, "mv-e") == 1
    # The other place of mv-e is still offered; a slot of one place that is booked is not.
    book(k, "mv-a", subject=BO)
    free = {t.slot_id: t.free for t in k.desk.free_times(CHANNEL)[0]}
    assert free["mv-e"] == 1 and "mv-a" not in free
    assert [x.id for x in k.desk.my_bookings(ANNA)] == [b.id]
    page = requests.get(k.desk.status_url(b), timeout=5)
    assert page.status_code == 200 and "Bokningen är bekräftad." in page.text


def test_two_kiosks_racing_for_the_last_place_one_wins_the_other_is_told(backend, site, make_kiosk):
    k1, k2 = make_kiosk("k1"), make_kiosk("k2")
    outcomes: dict[str, object] = {}
    gate = threading.Barrier(2)

    def race(name, kiosk, subject):
        gate.wait()
        try:
            outcomes[name] = book(kiosk, "mv-b", subject=subject)
        except SlotTaken as exc:
            outcomes[name] = exc

    threads = [threading.Thread(target=race, args=("k1", k1, ANNA)), threading.Thread(target=race, args=("k2", k2, BO))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    winners = [o for o in outcomes.values() if not isinstance(o, SlotTaken)]
    losers = [o for o in outcomes.values() if isinstance(o, SlotTaken)]
    assert len(winners) == 1 and len(losers) == 1 and winners[0].state == CONFIRMED
    assert booked(backend, site, "mv-b") == 1
    assert len(server_items(backend, site_id=site, kind="booking")) == 1
    loser = k1 if isinstance(outcomes["k1"], SlotTaken) else k2
    assert outbox_items(loser.db, "booking") == []  # the loser keeps nothing and picks another time
    assert "mv-b" not in {t.slot_id for t in loser.desk.free_times(CHANNEL)[0]}


def test_offline_booking_from_the_kiosk_share_is_confirmed_and_never_double_booked(backend, site, make_kiosk):
    set_booking_share(backend.sessions, site, SERVICE, places_per_slot=1)
    k1, k2 = make_kiosk("k1"), make_kiosk("k2")
    assert k1.desk.refresh_allotments() == 5
    assert booked(backend, site, "mv-c") == 1  # held for k1 from now on
    k1.go_offline()
    times, online = k1.desk.free_times(CHANNEL)
    assert not online and all(t.own_place for t in times)
    b = book(k1, "mv-c")
    assert (b.state, b.route) == (CONFIRMED, ALLOTTED)
    # k2 asks for the same single place online while k1 is offline: it is not free.
    assert "mv-c" not in {t.slot_id for t in k2.desk.free_times(CHANNEL)[0] if not t.own_place}
    with pytest.raises(SlotTaken):
        book(k2, "mv-c", subject=BO)
    # k1's share of mv-c is used up: a second booking there offline is only a request.
    second = book(k1, "mv-c", subject=BO)
    assert second.state == REQUESTED
    k1.go_online()
    k1.sync()
    assert k1.desk.booking(b.id).state == CONFIRMED
    assert k1.desk.booking(second.id).state == DENIED  # capacity 1: the request could not be granted
    assert booked(backend, site, "mv-c") == 1
    assert [i.id for i in server_items(backend, site_id=site, kind="booking")] == [b.id]


def test_offline_request_is_confirmed_at_the_next_sync(backend, site, make_kiosk):
    k = make_kiosk()
    k.go_offline()
    b = book(k, "mv-d", phone="+46 70 123 45 67")
    assert (b.state, b.route) == (REQUESTED, REQUEST)
    page = requests.get(k.desk.status_url(b, "en"), timeout=5)
    assert "not been handled yet" in page.text  # what the resident's phone shows meanwhile
    [item] = outbox_items(k.db, "booking")
    assert item.state == outbox.PENDING and item.payload["phone"] == "+46701234567"
    k.go_online()
    k.sync()
    assert k.desk.booking(b.id).state == CONFIRMED
    assert booked(backend, site, "mv-d") == 1
    [item] = outbox_items(k.db, "booking")
    assert "phone" not in item.payload  # kept only until synced
    assert "is confirmed" in requests.get(k.desk.status_url(b, "en"), timeout=5).text


def test_offline_request_for_a_time_taken_meanwhile_is_denied_and_reported(backend, site, make_kiosk):
    k1, k2 = make_kiosk("k1"), make_kiosk("k2")
    k1.go_offline()
    request = book(k1, "mv-a")
    assert request.state == REQUESTED
    book(k2, "mv-a", subject=BO)  # k2 is online and gets it first
    k1.go_online()
    k1.sync()
    denied = k1.desk.booking(request.id)
    assert (denied.state, denied.reason) == (DENIED, "slot_taken")
    assert [d.id for d in k1.desk.denied()] == [request.id]  # the staff screen lists it
    assert [x.state for x in k1.desk.my_bookings(ANNA)] == [DENIED]  # and the resident sees it
    [item] = outbox_items(k1.db, "booking")
    assert item.state == outbox.QUARANTINED  # visible on the staff sync screen, never dropped
    assert "could not be booked" in requests.get(k1.desk.status_url(request, "en"), timeout=5).text
    day = day_view(backend.sessions, site, CHANNEL, denied.starts_at.astimezone(_helsinki()).date())
    slot = next(s for s in day["slots"] if s["slot_id"] == "mv-a")
    assert sorted(b["state"] for b in slot["bookings"]) == ["confirmed", "denied"]
    assert booked(backend, site, "mv-a") == 1
    # the kiosk no longer counts the denied request as taking a place
    assert k1.desk.free_times(CHANNEL, ask_backend=False)[0][0].slot_id == "mv-a"


def _helsinki():
    from kiosk.catalogue.hours import LOCAL_TZ
    return LOCAL_TZ


def test_staff_day_view_over_http(backend, site, make_kiosk, slots_start):
    k = make_kiosk()
    b = book(k, "mv-e")
    day = slots_start.astimezone(_helsinki()).date()
    view = k.remote.day_view(CHANNEL, day.isoformat())
    slot = next(s for s in view["slots"] if s["slot_id"] == "mv-e")
    assert slot["capacity"] == 2 and slot["booked"] == 1
    assert slot["bookings"] == [{"booking_id": b.id, "booking_ref": b.ref, "language": "fi", "state": "confirmed",
                                 "device_id": slot["bookings"][0]["device_id"]}]
    assert "subject" not in str(view)


def test_cancel_gives_the_place_back(backend, site, make_kiosk):
    k = make_kiosk()
    b = book(k, "mv-a")
    with pytest.raises(BookingError) as err:
        k.desk.cancel(subject=BO, booking_id=b.id)  # not Bo's booking
    assert err.value.code == "unknown_booking"
    cancelled = k.desk.cancel(subject=ANNA, booking_id=b.id)
    assert cancelled.state == CANCELLED
    assert booked(backend, site, "mv-a") == 0
    assert k.desk.my_bookings(ANNA) == []
    [cancel_item] = server_items(backend, site_id=site, kind="booking_cancel")
    assert cancel_item.payload["booking_item_id"] == b.id
    with pytest.raises(BookingError) as err:
        k.desk.cancel(subject=ANNA, booking_id=b.id)
    assert err.value.code == "not_cancellable"
    assert "cancelled" in requests.get(k.desk.status_url(b, "en"), timeout=5).text
    # The place is free again for anyone.
    assert book(k, "mv-a", subject=BO).state == CONFIRMED


def test_offline_cancel_of_an_offline_request_travels_after_it(backend, site, make_kiosk):
    k = make_kiosk()
    k.go_offline()
    b = book(k, "mv-b")
    k.desk.cancel(subject=ANNA, booking_id=b.id)
    k.go_online()
    k.sync()
    assert booked(backend, site, "mv-b") == 0
    assert len(server_items(backend, site_id=site, kind="booking_cancel")) == 1
    assert all(i.state == outbox.DELIVERED for i in outbox_items(k.db))


def test_past_and_vanished_slots_are_refused_and_nothing_is_kept(backend, site, make_kiosk, slots_start):
    k = make_kiosk()
    with pytest.raises(BookingError) as err:
        book(k, "no-such-slot")
    assert err.value.code == "unknown_slot"
    later = make_kiosk("k-later", now=lambda: slots_start + timedelta(minutes=1))
    with pytest.raises(BookingError) as err:
        book(later, "mv-a")
    assert err.value.code == "past_slot"
    # The city removes mv-d after the kiosk downloaded it: the backend says so at once.
    data = booking_catalogue(slots_start)
    for sv in data["services"]:
        for ch in sv["channels"]:
            if ch["id"] == CHANNEL:
                ch["slots"] = [s for s in ch["slots"] if s["id"] != "mv-d"]
    import_catalogue(backend.sessions, data, site)
    with pytest.raises(BookingError) as err:
        book(k, "mv-d")
    assert err.value.code == "unknown_slot"
    assert outbox_items(k.db) == [] and outbox_items(later.db) == []
    assert server_items(backend, site_id=site, kind="booking") == []


@pytest.mark.parametrize("phone", ["12345", "040 123", "+358 40", "call me", "+0 123 456 789", "040 1234 5678 9999"])
def test_a_phone_number_in_the_wrong_format_is_refused_before_anything_is_stored(backend, site, make_kiosk, phone):
    k = make_kiosk()
    with pytest.raises(BookingError) as err:
        book(k, "mv-a", phone=phone)
    assert err.value.code == "bad_phone"
    assert outbox_items(k.db) == [] and booked(backend, site, "mv-a") == 0


def test_phone_formats():
    from kiosk.booking import normalise_phone

    assert normalise_phone("040 123 4567") == "+358401234567"
    assert normalise_phone("040-1234567") == "+358401234567"
    assert normalise_phone("+358 (0)40 123 4567".replace("(0)", "")) == "+358401234567"
    assert normalise_phone("0046 70 123 45 67") == "+46701234567"
    assert normalise_phone("09 310 5015") == "+35893105015"
    assert normalise_phone("  ") is None and normalise_phone(None) is None


def test_allotted_places_of_slots_starting_soon_go_back_to_everyone(backend, site, make_kiosk, slots_start):
    from sync.enrolment import load_credentials
    from sync.server.booking import RELEASE_BEFORE, allot
    from sync.server.store import DeviceIdentity

    set_booking_share(backend.sessions, site, SERVICE, places_per_slot=1)
    k = make_kiosk()
    assert k.desk.refresh_allotments() == 5
    assert booked(backend, site, "mv-a") == 1
    me = DeviceIdentity(load_credentials(k.data_dir).device_id, site)
    # mv-a (at slots_start) now starts within RELEASE_BEFORE: its unused place goes back.
    held = allot(backend.sessions, me, now=slots_start - RELEASE_BEFORE + timedelta(minutes=1))
    assert "mv-a" not in {a["slot_id"] for a in held} and "mv-b" in {a["slot_id"] for a in held}
    assert booked(backend, site, "mv-a") == 0
    # ...unless the kiosk says it holds an undelivered booking there.
    set_booking_share(backend.sessions, site, SERVICE, places_per_slot=1)
    k2 = make_kiosk("k2")
    k2.desk.refresh_allotments()
    me2 = DeviceIdentity(load_credentials(k2.data_dir).device_id, site)
    assert k2.desk.free_times(CHANNEL)[0][0].own_place  # k2 got the place k1 gave back
    held = allot(backend.sessions, me2, keep=frozenset({"mv-a"}), now=slots_start + timedelta(minutes=30))
    assert [a["slot_id"] for a in held] == ["mv-a", "mv-e"]  # mv-a kept; mv-e starts later anyway
    assert booked(backend, site, "mv-a") == 1


def test_the_worker_status_callback_resolves_requests_and_renews_the_share(backend, site, make_kiosk):
    from sync.worker import SyncWorker

    set_booking_share(backend.sessions, site, SERVICE, places_per_slot=1)
    k = make_kiosk()
    k.go_offline()
    request = book(k, "mv-a")
    k.go_online()
    worker = SyncWorker(k.db, base_url=backend.url, data_dir=k.data_dir, timeout_s=5.0, interval_s=3600,
                        on_status=k.desk.on_sync_status)
    try:
        worker.sync_once()
    finally:
        worker.stop()
    assert k.desk.booking(request.id).state == CONFIRMED
    times, _ = k.desk.free_times(CHANNEL, ask_backend=False)
    assert {t.slot_id for t in times if t.own_place} == {"mv-b", "mv-c", "mv-d", "mv-e"}
