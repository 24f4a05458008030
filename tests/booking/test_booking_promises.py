"""What a resident is told about a booking stays true (issue 12), against the REAL
reference backend on SQLite and on PostgreSQL:

- a place set aside for a kiosk (its share) is never given to anyone else, so a
  booking the kiosk confirmed from it while offline is always honoured;
- an item's first final answer is its answer for ever: a retried denied booking is
  denied again, and the phone page, the kiosk and the staff day view agree.
"""

from __future__ import annotations

import uuid

import pytest
import requests
from sqlalchemy import select, update

from kiosk import outbox
from kiosk.booking import ALLOTTED, CANCELLED, CONFIRMED, DENIED, ONLINE, REQUESTED, SlotTaken
from kiosk.catalogue.hours import LOCAL_TZ
from kiosk.outbox import OutboxReview
from kiosk.storage.models import OutboxItem
from sync import protocol
from sync.client import BackendClient
from sync.enrolment import load_credentials
from sync.server.booking import day_view, set_booking_share
from sync.server.models import BookingDenial, Item, Slot
from tests.booking.conftest import CHANNEL, SERVICE
from tests.backend import start_backend


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def backend(request, tmp_path_factory):
    """The booking fixtures' backend, here once on each database."""
    workdir = tmp_path_factory.mktemp(f"backend-{request.param}")
    if request.param == "sqlite":
        url = f"sqlite:///{workdir / 'backend.db'}"
    else:
        url = request.getfixturevalue("postgres").create_database(f"promises_{uuid.uuid4().hex[:8]}")
    proc = start_backend(url, workdir)
    yield proc
    proc.stop()


def book(kiosk, slot_id, subject, **kw):
    return kiosk.desk.book(subject=subject, service_id=SERVICE, channel_id=CHANNEL, slot_id=slot_id,
                           language="fi", **kw)


def slot_row(backend, site, slot_id) -> Slot:
    with backend.sessions() as s:
        return s.get(Slot, (site, slot_id))


def phone_page(kiosk, booking) -> str:
    return requests.get(kiosk.desk.status_url(booking, "en"), timeout=5).text


def day_states(backend, site, booking) -> dict[str, str]:
    day = booking.starts_at.astimezone(LOCAL_TZ).date()
    [slot] = [s for s in day_view(backend.sessions, site, CHANNEL, day)["slots"] if s["slot_id"] == booking.slot_id]
    return {b["booking_id"]: b["state"] for b in slot["bookings"]}


def test_places_of_a_kiosk_share_are_never_given_to_anyone_else(backend, site, make_kiosk):
    """The issue's case: capacity 3, a share of 2 per kiosk; kiosk A confirms two from
    its share while offline; meanwhile others book the same slot online."""
    with backend.sessions.begin() as s:
        s.execute(update(Slot).where(Slot.site_id == site, Slot.id == "mv-e").values(capacity=3))
    set_booking_share(backend.sessions, site, SERVICE, places_per_slot=2)
    a, b = make_kiosk("a"), make_kiosk("b")
    a.desk.refresh_allotments()
    assert slot_row(backend, site, "mv-e").booked == 2  # both held for A from now on

    a.go_offline()
    told = [book(a, "mv-e", "anna"), book(a, "mv-e", "bo")]
    assert [(x.state, x.route) for x in told] == [(CONFIRMED, ALLOTTED)] * 2

    # B books online meanwhile: it gets the one place that is nobody's.
    b_booking = book(b, "mv-e", "cay")
    assert b_booking.state == CONFIRMED
    # A's screen can reach the backend again before its outbox has gone: a third
    # resident books there online. A's places are spoken for, so the slot is full.
    a.go_online()
    with pytest.raises(SlotTaken):
        book(a, "mv-e", "dan")
    assert slot_row(backend, site, "mv-e").booked == 3

    a.sync()
    for x in told:
        assert a.desk.booking(x.id).state == CONFIRMED
        assert "is confirmed" in phone_page(a, x)
    with a.db.sessions() as s:
        assert {i.state for i in s.scalars(select(OutboxItem).where(OutboxItem.kind == "booking"))} \
            == {outbox.DELIVERED}
    assert slot_row(backend, site, "mv-e").booked == 3
    states = day_states(backend, site, told[0])
    assert {i for i, st in states.items() if st == "confirmed"} == {told[0].id, told[1].id, b_booking.id}
    # The one refusal the day view shows is Dan's online attempt, told at once.
    with backend.sessions() as s:
        [dan] = s.scalars(select(BookingDenial).where(BookingDenial.site_id == site)).all()
    assert dan.item_id not in {x.id for x in told} and states[dan.item_id] == "denied" and len(states) == 4


def test_an_offline_confirmation_from_the_share_is_honoured_after_the_service_left_the_catalogue(
        backend, site, make_kiosk, slots_start):
    from sync.server.store import import_catalogue
    from tests.booking.conftest import booking_catalogue

    set_booking_share(backend.sessions, site, SERVICE, places_per_slot=1)
    a = make_kiosk("a")
    a.desk.refresh_allotments()
    a.go_offline()
    told = book(a, "mv-b", "anna")
    assert (told.state, told.route) == (CONFIRMED, ALLOTTED)
    data = booking_catalogue(slots_start)
    data["services"] = [sv for sv in data["services"] if sv["id"] != SERVICE]
    import_catalogue(backend.sessions, data, site)  # the city withdraws the service meanwhile
    a.go_online()
    a.sync()
    assert a.desk.booking(told.id).state == CONFIRMED
    assert "is confirmed" in phone_page(a, told)
    assert slot_row(backend, site, "mv-b").booked == 1


def test_an_online_booking_on_a_kiosk_with_places_left_uses_its_own_place(backend, site, make_kiosk):
    """Online, the kiosk still books its own place first, and says so in the item: the
    backend's count of the kiosk's places and the kiosk's own stay the same."""
    set_booking_share(backend.sessions, site, SERVICE, places_per_slot=1)
    a, b = make_kiosk("a"), make_kiosk("b")
    a.desk.refresh_allotments()
    assert slot_row(backend, site, "mv-e").booked == 1
    mine = book(a, "mv-e", "anna")
    assert (mine.state, mine.route) == (CONFIRMED, ONLINE)
    assert slot_row(backend, site, "mv-e").booked == 1  # A's place, not a second one
    assert book(b, "mv-e", "bo").state == CONFIRMED  # the other place of mv-e is everyone's
    with pytest.raises(SlotTaken):
        book(b, "mv-e", "cay")
    a.desk.refresh_allotments()
    assert "mv-e" not in {t.slot_id for t in a.desk.free_times(CHANNEL, ask_backend=False)[0] if t.own_place}


def test_a_booking_item_must_name_a_known_kind_of_place(backend, site, make_kiosk):
    k = make_kiosk()
    client = BackendClient(k.remote.client.base_url, credentials=load_credentials(k.data_dir), timeout_s=10)
    slot = "mv-a"
    [answer] = client.push_batch([{"id": str(uuid.uuid4()), "kind": "booking",
                                   "created_at": "2026-12-01T10:00:00+00:00",
                                   "payload": {"slot_id": slot, "service_id": SERVICE, "place": "anywhere"}}])
    client.close()
    assert (answer["status"], answer["reason"]) == (protocol.REJECTED, "invalid_payload")
    assert "place" in answer["detail"]
    assert slot_row(backend, site, slot).booked == 0


def test_a_denied_booking_stays_denied_when_its_push_is_retried(backend, site, make_kiosk):
    """The issue's case: [booking X, a cancellation that frees X's slot] where X is
    denied, then the same push again (its answer was lost): X stays denied."""
    k = make_kiosk()
    first = book(k, "mv-a", "anna")  # online, the only place of mv-a
    k.go_offline()
    x = book(k, "mv-a", "bo")
    assert x.state == REQUESTED
    k.desk.cancel(subject="anna", booking_id=first.id)  # frees mv-a, sent after X
    with k.db.sessions() as s:
        batch = outbox.pending_for_sending(s, 10)
    assert [i["kind"] for i in batch] == ["booking", "booking_cancel"]

    client = BackendClient(k.remote.client.base_url, credentials=load_credentials(k.data_dir), timeout_s=10)
    answers = client.push_batch(batch)
    assert [(a["status"], a.get("reason")) for a in answers] == [(protocol.REJECTED, "slot_taken"),
                                                                 (protocol.ACCEPTED, None)]
    again = client.push_batch(batch)  # the same request, e.g. after a timeout
    assert [(a["status"], a.get("reason")) for a in again] == [(protocol.REJECTED, "slot_taken"),
                                                               (protocol.DUPLICATE, None)]
    assert client.push_batch(batch[:1]) == again[:1]  # alone, too
    client.close()

    # The kiosk's own drain, and staff pressing Resend, get the same answer.
    k.go_online()
    k.sync()
    assert (k.desk.booking(x.id).state, k.desk.booking(x.id).reason) == (DENIED, "slot_taken")
    review = OutboxReview(k.db)
    [q] = review.quarantined_items()
    review.retry(q.id, staff="nurse-1")
    k.sync()
    assert (k.desk.booking(x.id).state, k.desk.booking(x.id).reason) == (DENIED, "slot_taken")
    assert k.desk.booking(first.id).state == CANCELLED

    # Backend, phone page and staff day view agree: X denied, no place held for it.
    with backend.sessions() as s:
        assert s.get(Item, x.id) is None
        assert s.get(BookingDenial, x.id).reason == "slot_taken"
    assert slot_row(backend, site, "mv-a").booked == 0
    assert "could not be booked" in phone_page(k, x)
    assert day_states(backend, site, x) == {first.id: "cancelled", x.id: "denied"}



def test_a_denial_left_beside_a_stored_booking_by_an_older_backend_is_not_shown(backend, site, make_kiosk):
    """Before issue 12 a denied item could be accepted later, leaving both rows: the day
    view then said confirmed and denied at once. The stored booking is the truth."""
    from datetime import datetime, timezone

    k = make_kiosk()
    b = book(k, "mv-c", "anna")
    with backend.sessions.begin() as s:
        item = s.get(Item, b.id)
        s.add(BookingDenial(item_id=b.id, device_id=item.device_id, site_id=site, slot_id="mv-c",
                            service_id=SERVICE, reason="slot_taken", at=datetime.now(timezone.utc)))
    assert day_states(backend, site, b) == {b.id: "confirmed"}
    assert "is confirmed" in phone_page(k, b)
