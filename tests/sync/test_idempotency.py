"""Exactly once under concurrency, enforced by the database: the same items pushed by
many connections at the same moment, on SQLite and on PostgreSQL."""

import threading
import uuid
from collections import Counter
from datetime import datetime, timezone

from sqlalchemy import func, select

from sync.client import BackendClient
from sync.server.models import Item, Slot

THREADS = 8


def _client(backend, site) -> BackendClient:
    creds = BackendClient(backend.url).enrol(backend.enrolment_code(site), "racer")
    return BackendClient(backend.url, credentials=creds, timeout_s=30)


def _item(kind, payload, item_id=None):
    return {"id": item_id or str(uuid.uuid4()), "kind": kind,
            "created_at": datetime.now(timezone.utc).isoformat(), "payload": payload}


def _race(pushes):
    """Run the pushes at the same moment; the answers of each."""
    barrier = threading.Barrier(len(pushes))
    answers = [None] * len(pushes)

    def go(k):
        barrier.wait()
        answers[k] = pushes[k]()

    threads = [threading.Thread(target=go, args=(k,)) for k in range(len(pushes))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    return answers


def test_same_batch_pushed_concurrently_is_stored_once(any_backend):
    backend = any_backend
    site = backend.new_site()
    client = _client(backend, site)
    with backend.sessions() as s:
        slots = list(s.scalars(select(Slot).where(Slot.site_id == site).order_by(Slot.id).limit(10)))
    items = [_item("booking", {"slot_id": sl.id, "service_id": sl.service_id}) for sl in slots]
    items += [_item("feedback", {"service_id": slots[0].service_id, "smiley": 2}) for _ in range(40)]
    answers = _race([lambda: client.push_batch(items) for _ in range(THREADS)])

    per_item = {i["id"]: Counter() for i in items}
    for answer in answers:
        for r in answer:
            per_item[r["id"]][r["status"]] += 1
    assert all(c == Counter(accepted=1, duplicate=THREADS - 1) for c in per_item.values()), per_item
    with backend.sessions() as s:
        assert s.scalar(select(func.count()).select_from(Item).where(Item.site_id == site)) == len(items)
        assert s.scalar(select(func.sum(Slot.booked)).where(Slot.site_id == site)) == len(slots)


def test_concurrent_bookings_never_overbook(any_backend):
    backend = any_backend
    site = backend.new_site()
    client = _client(backend, site)
    with backend.sessions() as s:
        slot = s.scalars(select(Slot).where(Slot.site_id == site).order_by(Slot.capacity.desc(), Slot.id)).first()
    contenders = slot.capacity + THREADS
    pushes = [lambda: client.push_batch([_item("booking", {"slot_id": slot.id, "service_id": slot.service_id})])
              for _ in range(contenders)]
    answers = _race(pushes)
    statuses = Counter(a[0]["status"] for a in answers)
    reasons = Counter(a[0].get("reason") for a in answers if a[0]["status"] == "rejected")
    assert statuses == Counter(accepted=slot.capacity, rejected=THREADS)
    assert reasons == Counter(slot_taken=THREADS)
    with backend.sessions() as s:
        assert s.get(Slot, (site, slot.id)).booked == slot.capacity


def test_same_id_with_different_content_at_once_keeps_the_first(any_backend):
    backend = any_backend
    site = backend.new_site()
    client = _client(backend, site)
    item_id = str(uuid.uuid4())
    pushes = [lambda k=k: client.push_batch([_item("staff_audit", {"staff_id": "p", "event": f"o{k}"}, item_id)])
              for k in range(THREADS)]
    answers = [a[0] for a in _race(pushes)]
    assert Counter(a["status"] for a in answers) == Counter(accepted=1, rejected=THREADS - 1)
    assert {a.get("reason") for a in answers if a["status"] == "rejected"} == {"id_reused_different_content"}
    with backend.sessions() as s:
        assert s.scalar(select(func.count()).select_from(Item).where(Item.id == item_id)) == 1


def test_an_item_of_another_device_is_refused(any_backend):
    backend = any_backend
    site = backend.new_site()
    mine, theirs = _client(backend, site), _client(backend, site)
    item = _item("staff_audit", {"staff_id": "p", "event": "yes"})
    assert mine.push_batch([item])[0]["status"] == "accepted"
    answer = theirs.push_batch([item])[0]
    assert (answer["status"], answer["reason"]) == ("rejected", "not_your_device")


def test_racing_cancellations_give_the_place_back_once(any_backend):
    backend = any_backend
    site = backend.new_site()
    client = _client(backend, site)
    with backend.sessions() as s:
        slot = s.scalars(select(Slot).where(Slot.site_id == site).order_by(Slot.id)).first()
    booking = _item("booking", {"slot_id": slot.id, "service_id": slot.service_id})
    assert client.push_batch([booking])[0]["status"] == "accepted"
    answers = [a[0] for a in _race([lambda: client.push_batch([_item("booking_cancel", {"booking_item_id": booking["id"]})])
                                    for _ in range(THREADS)])]
    assert Counter(a["status"] for a in answers) == Counter(accepted=1, rejected=THREADS - 1)
    assert {a["reason"] for a in answers if a["status"] == "rejected"} == {"already_cancelled"}
    with backend.sessions() as s:
        assert s.get(Slot, (site, slot.id)).booked == 0
