"""An item's first final answer is its answer for ever (issue 12), on SQLite and
PostgreSQL, also when the same item is pushed by many connections at the same moment
while a cancellation frees its place; and which refusals are *not* final, so that
Resend still delivers an item once the city has fixed what was missing."""

from __future__ import annotations

import json
import threading
import uuid
from datetime import datetime, timezone

from sqlalchemy import select

from sync import protocol
from sync.client import BackendClient
from sync.server.models import BookingDenial, Item, ItemRejection, Slot
from sync.server.store import import_catalogue
from tests.conftest import FIXTURES




def _client(backend, site) -> BackendClient:
    creds = BackendClient(backend.url).enrol(backend.enrolment_code(site), "kiosk")
    return BackendClient(backend.url, credentials=creds, timeout_s=60)


def _item(kind, payload):
    return {"id": str(uuid.uuid4()), "kind": kind, "created_at": datetime.now(timezone.utc).isoformat(),
            "payload": payload}


def _one_place_slot(backend, site) -> tuple[str, str]:
    with backend.sessions() as s:
        slot = s.scalars(select(Slot).where(Slot.site_id == site, Slot.capacity == 1).order_by(Slot.id)).first()
        return slot.id, slot.service_id


def test_a_denied_booking_pushed_at_once_by_many_while_its_place_frees_gets_one_answer(any_backend):
    backend = any_backend
    site = backend.new_site()
    slot_id, service_id = _one_place_slot(backend, site)
    clients = [_client(backend, site)]
    creds = clients[0].credentials
    clients += [BackendClient(backend.url, credentials=creds, timeout_s=60) for _ in range(7)]
    first = _item("booking", {"slot_id": slot_id, "service_id": service_id, "place": "open"})
    assert clients[0].push_batch([first])[0]["status"] == protocol.ACCEPTED
    x = _item("booking", {"slot_id": slot_id, "service_id": service_id, "place": "open"})
    cancel = _item("booking_cancel", {"booking_item_id": first["id"]})
    batches = [[x, cancel] if n % 2 else [x] for n in range(len(clients))]
    answers: list = [None] * len(clients)
    gate = threading.Barrier(len(clients))

    def push(n):
        gate.wait()
        answers[n] = clients[n].push_batch(batches[n])

    threads = [threading.Thread(target=push, args=(n,)) for n in range(len(clients))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    for c in clients:
        c.close()
    x_answers = {(a[0]["status"], a[0].get("reason")) for a in answers}
    # One decision about X: either stored once (then every later answer is duplicate)
    # or denied (then every answer is that denial); never both.
    with backend.sessions() as s:
        stored, refused = s.get(Item, x["id"]), s.get(ItemRejection, x["id"])
        denial = s.get(BookingDenial, x["id"])
        booked = s.get(Slot, (site, slot_id)).booked
    assert (stored is None) != (refused is None)
    if stored is not None:
        assert x_answers <= {(protocol.ACCEPTED, None), (protocol.DUPLICATE, None)}
        assert sum(a[0]["status"] == protocol.ACCEPTED for a in answers) == 1
        assert denial is None and booked == 1
    else:
        assert x_answers == {(protocol.REJECTED, "slot_taken")}
        assert denial is not None and booked == 0
    cancel_answers = [a[1]["status"] for a in answers if len(a) == 2]
    assert sorted(cancel_answers)[0] == protocol.ACCEPTED and cancel_answers.count(protocol.ACCEPTED) == 1
    # Asked again later, X answers what it answered first.
    again = BackendClient(backend.url, credentials=creds, timeout_s=60)
    later = again.push_batch([x])[0]
    again.close()
    assert (later["status"] == protocol.REJECTED) == (refused is not None)


def test_a_refusal_for_a_missing_service_is_not_final(any_backend):
    """Feedback about a service the site's catalogue lacks is refused; once the city adds
    the service, the same item (Resend) is accepted. A booking refused the same way is a
    denial and stays one: the resident was told."""
    backend = any_backend
    data = json.loads((FIXTURES / "mini_catalogue.json").read_text(encoding="utf-8"))
    full = json.loads(json.dumps(data))
    missing = data["services"].pop()
    site = backend.new_site(data)
    client = _client(backend, site)
    feedback = _item("feedback", {"service_id": missing["id"], "smiley": 4})
    details = _item("feedback_details", {"answer_id": "a1", "service_id": missing["id"], "nps": 10})
    booking = _item("booking", {"slot_id": "nowhere", "service_id": missing["id"], "place": "open"})
    first = client.push_batch([feedback, details, booking])
    assert [(a["status"], a["reason"]) for a in first] == [(protocol.REJECTED, "unknown_service")] * 3
    import_catalogue(backend.sessions, full, site)
    again = client.push_batch([feedback, details, booking])
    client.close()
    assert [a["status"] for a in again] == [protocol.ACCEPTED, protocol.ACCEPTED, protocol.REJECTED]
    assert again[2]["reason"] == "unknown_service"
    with backend.sessions() as s:
        assert s.get(BookingDenial, booking["id"]).reason == "unknown_service"  # the phone page says denied


def test_a_booking_and_its_cancellation_in_one_push_are_both_accepted(any_backend):
    backend = any_backend
    site = backend.new_site()
    slot_id, service_id = _one_place_slot(backend, site)
    client = _client(backend, site)
    booking = _item("booking", {"slot_id": slot_id, "service_id": service_id, "place": "open"})
    cancel = _item("booking_cancel", {"booking_item_id": booking["id"]})
    answers = client.push_batch([booking, cancel])
    assert [a["status"] for a in answers] == [protocol.ACCEPTED, protocol.ACCEPTED]
    assert [a["status"] for a in client.push_batch([booking, cancel])] == [protocol.DUPLICATE] * 2
    client.close()
    with backend.sessions() as s:
        assert s.get(Slot, (site, slot_id)).booked == 0


def test_the_same_id_twice_in_one_push_gets_the_first_ones_answer_twice(any_backend):
    backend = any_backend
    site = backend.new_site()
    slot_id, service_id = _one_place_slot(backend, site)
    client = _client(backend, site)
    taker = _item("booking", {"slot_id": slot_id, "service_id": service_id, "place": "open"})
    x = _item("booking", {"slot_id": slot_id, "service_id": service_id, "place": "open"})
    # Through the raw call: the client itself never sends one id twice.
    answers = client._call("POST", "/outbox", body={"items": [taker, x, x]})["results"]
    client.close()
    assert [(a["status"], a.get("reason")) for a in answers] == [
        (protocol.ACCEPTED, None), (protocol.REJECTED, "slot_taken"), (protocol.REJECTED, "slot_taken")]


def test_a_booking_denied_by_an_older_backend_stays_denied_when_resent(any_backend):
    """Kiosks still hold bookings an older backend denied (only a booking_denials row,
    no item_rejections): staff's Resend after the upgrade gets the same denial, even now
    that the slot has room."""
    backend = any_backend
    site = backend.new_site()
    slot_id, service_id = _one_place_slot(backend, site)
    client = _client(backend, site)
    x = _item("booking", {"slot_id": slot_id, "service_id": service_id})
    with backend.sessions.begin() as s:
        s.add(BookingDenial(item_id=x["id"], device_id=client.credentials.device_id, site_id=site, slot_id=slot_id,
                            service_id=service_id, reason="slot_taken", at=datetime.now(timezone.utc)))
    [answer] = client.push_batch([x])
    client.close()
    assert (answer["status"], answer["reason"]) == (protocol.REJECTED, "slot_taken")
    with backend.sessions() as s:
        assert s.get(Item, x["id"]) is None and s.get(Slot, (site, slot_id)).booked == 0


def test_a_kiosks_request_may_take_its_own_place_whose_hold_has_expired(any_backend):
    """A kiosk back from being offline delivers a request for a slot that starts within
    RELEASE_BEFORE, where the backend still holds a place for it (it has not asked for its
    share since): the request gets that place. Another kiosk's booking does not."""
    from datetime import timedelta

    from sync.server.booking import RELEASE_BEFORE
    from sync.server.models import SlotAllotment
    from tests.booking.conftest import CHANNEL, SERVICE, booking_catalogue

    backend = any_backend
    start = (datetime.now(timezone.utc) + RELEASE_BEFORE / 2).replace(second=0, microsecond=0)
    site = backend.new_site(booking_catalogue(start))
    mine, other = _client(backend, site), _client(backend, site)
    with backend.sessions.begin() as s:  # what the kiosk's last ask, hours ago, left
        s.add(SlotAllotment(site_id=site, slot_id="mv-a", device_id=mine.credentials.device_id, places=1, used=0))
        s.get(Slot, (site, "mv-a")).booked = 1
    late = start + timedelta(hours=10)  # a slot far enough ahead: its held place stays the kiosk's
    with backend.sessions.begin() as s:
        s.get(Slot, (site, "mv-e")).starts_at = late
        s.add(SlotAllotment(site_id=site, slot_id="mv-e", device_id=mine.credentials.device_id, places=2, used=0))
        s.get(Slot, (site, "mv-e")).booked = 2
    payload = {"service_id": SERVICE, "channel_id": CHANNEL, "place": "open"}
    [theirs] = other.push_batch([_item("booking", {**payload, "slot_id": "mv-a"})])
    [request] = mine.push_batch([_item("booking", {**payload, "slot_id": "mv-a"})])
    [not_yet] = mine.push_batch([_item("booking", {**payload, "slot_id": "mv-e"})])
    mine.close()
    other.close()
    assert (theirs["status"], theirs["reason"]) == (protocol.REJECTED, "slot_taken")
    assert request["status"] == protocol.ACCEPTED
    assert (not_yet["status"], not_yet["reason"]) == (protocol.REJECTED, "slot_taken")  # still held for confirmations
    with backend.sessions() as s:
        assert s.get(Slot, (site, "mv-a")).booked == 1
