"""A kiosk and the real reference backend process on 127.0.0.1: enrol, push, exactly once."""

import stat
from datetime import datetime, timezone

from sqlalchemy import select

from kiosk import outbox
from kiosk.storage.models import OutboxItem
from sync.server.models import Device, Slot
from sync.server.store import revoke_device
from tests.backend import server_items, some_slot


def _book_and_feedback(db, slot):
    with db.sessions.begin() as s:
        booking = outbox.record(s, "booking", {"slot_id": slot.id, "service_id": slot.service_id,
                                               "subject": "pseudonym-42", "phone": "+358401234567"})
        feedback = outbox.record(s, "feedback", {"service_id": slot.service_id, "smiley": 3, "nps": 9,
                                                 "comment": "Kiitos!"})
    return booking, feedback


def test_booking_and_feedback_arrive_once(db, backend, site, kiosk_data, make_worker):
    slot = some_slot(backend, site)
    booking, feedback = _book_and_feedback(db, slot)
    worker = make_worker()

    status = worker.sync_once()
    assert status.last_error is None and status.online and status.enrolled
    assert status.pending == 0 and status.pushed == 2

    creds = kiosk_data / "device.json"
    assert stat.S_IMODE(creds.stat().st_mode) == 0o600
    assert not (kiosk_data / "enrolment-code").exists()  # the one-time code is used up

    assert worker.sync_once().pushed == 0  # nothing sent twice
    stored = {i.id: i for i in server_items(backend, site_id=site)}
    assert set(stored) == {booking.id, feedback.id}
    assert stored[booking.id].payload["subject"] == "pseudonym-42"
    assert stored[feedback.id].payload == {"service_id": slot.service_id, "smiley": 3, "nps": 9, "comment": "Kiitos!"}
    with backend.sessions() as s:
        assert s.get(Slot, (site, slot.id)).booked == 1
        device = s.get(Device, stored[booking.id].device_id)
        assert device.site_id == site and device.heartbeat["outbox_depth"] == 0

    with db.sessions() as s:
        local = s.get(OutboxItem, booking.id)
        assert local.state == "delivered" and "subject" not in local.payload and "phone" not in local.payload
        assert "comment" not in s.get(OutboxItem, feedback.id).payload


def test_rejected_items_are_quarantined_and_do_not_block_the_rest(db, backend, site, make_worker):
    slot = some_slot(backend, site)
    with db.sessions.begin() as s:
        bad_slot = outbox.record(s, "booking", {"slot_id": "no-such-slot", "service_id": slot.service_id})
        bad_service = outbox.record(s, "feedback", {"service_id": "no-such-service", "smiley": 1})
        good = outbox.record(s, "staff_audit", {"staff_id": "p1", "event": "yes"})
    status = make_worker().sync_once()
    assert status.pending == 0 and status.quarantined == 2 and status.last_error is None
    with db.sessions() as s:
        reasons = {i.id: i.reason for i in outbox.quarantined(s)}
    assert reasons == {bad_slot.id: "unknown_slot", bad_service.id: "unknown_service"}
    assert [i.id for i in server_items(backend, site_id=site)] == [good.id]


def test_last_place_goes_to_one_booking_only(db, backend, site, make_worker):
    slot = some_slot(backend, site, capacity=1)
    with db.sessions.begin() as s:
        first = outbox.record(s, "booking", {"slot_id": slot.id, "service_id": slot.service_id})
    with db.sessions.begin() as s:
        second = outbox.record(s, "booking", {"slot_id": slot.id, "service_id": slot.service_id})
    make_worker().sync_once()
    with db.sessions() as s:
        assert s.get(OutboxItem, first.id).state == "delivered"
        assert (s.get(OutboxItem, second.id).state, s.get(OutboxItem, second.id).reason) == ("quarantined", "slot_taken")


def test_revoked_device_is_refused_with_a_clear_error(db, backend, site, make_worker, kiosk_data):
    worker = make_worker()
    assert worker.sync_once().last_error is None
    device_id = worker.client.credentials.device_id
    revoke_device(backend.sessions, device_id)
    with db.sessions.begin() as s:
        item = outbox.record(s, "staff_audit", {"staff_id": "p", "event": "o"})
    status = worker.sync_once()
    assert status.revoked and "revoked" in status.last_error
    assert status.pending == 1  # kept for when the kiosk is enrolled again
    with db.sessions() as s:
        assert s.get(OutboxItem, item.id).state == "pending"


def test_not_enrolled_kiosk_says_so_and_keeps_everything(db, backend, site, make_worker, kiosk_data):
    (kiosk_data / "enrolment-code").unlink()
    with db.sessions.begin() as s:
        outbox.record(s, "staff_audit", {"staff_id": "p", "event": "o"})
    status = make_worker().sync_once()
    assert not status.enrolled and "not enrolled" in status.last_error and status.pending == 1


def test_an_enrolment_code_works_once(backend, site):
    from sync.client import BackendClient, Refused
    import pytest

    code = backend.enrolment_code(site)
    client = BackendClient(backend.url)
    assert client.enrol(code, "a").site == site
    with pytest.raises(Refused, match="unknown or already used"):
        client.enrol(code, "b")


def test_an_item_id_reused_with_other_content_is_rejected(db, backend, site, make_worker):
    worker = make_worker()
    with db.sessions.begin() as s:
        item = outbox.record(s, "staff_audit", {"staff_id": "p", "event": "yes"})
    worker.sync_once()
    answer = worker.client.push_batch([{"id": item.id, "kind": "staff_audit", "created_at": "2026-11-25T10:00:00+00:00",
                                        "payload": {"staff_id": "p", "event": "no"}}])
    assert answer == [{"id": item.id, "status": "rejected", "reason": "id_reused_different_content",
                       "detail": answer[0]["detail"]}]
    assert server_items(backend, id=item.id)[0].payload["event"] == "yes"


def test_cancelling_gives_the_place_back_once(db, backend, site, make_worker):
    slot = some_slot(backend, site, capacity=1)
    worker = make_worker()
    with db.sessions.begin() as s:
        booking = outbox.record(s, "booking", {"slot_id": slot.id, "service_id": slot.service_id})
    worker.sync_once()
    with db.sessions.begin() as s:
        first = outbox.record(s, "booking_cancel", {"booking_item_id": booking.id})
        second = outbox.record(s, "booking_cancel", {"booking_item_id": booking.id})
        stranger = outbox.record(s, "booking_cancel", {"booking_item_id": "00000000-0000-4000-8000-000000000000"})
    status = worker.sync_once()
    with db.sessions() as s:
        assert s.get(OutboxItem, first.id).state == "delivered"
        assert s.get(OutboxItem, second.id).reason == "already_cancelled"
        assert s.get(OutboxItem, stranger.id).reason == "unknown_booking"
    assert status.quarantined == 2
    with backend.sessions() as s:
        assert s.get(Slot, (site, slot.id)).booked == 0


def test_many_small_batches_deliver_everything_once_in_order(db, backend, site, make_worker):
    with db.sessions.begin() as s:
        ids = [outbox.record(s, "staff_audit", {"staff_id": "p", "event": str(n)},
                             now=datetime(2026, 11, 25, 9, 0, n // 3, tzinfo=timezone.utc)).id for n in range(7)]
    status = make_worker(batch_size=2).sync_once()
    assert status.pushed == 7 and status.pending == 0
    stored = sorted(server_items(backend, site_id=site), key=lambda i: (i.received_at, i.created_at, i.id))
    assert sorted(i.id for i in stored) == sorted(ids)
    assert [i.payload["event"] for i in stored] == [str(n) for n in sorted(range(7), key=lambda n: (n // 3, ids[n]))]


def test_feedback_from_the_feedback_service_arrives_without_identity(db, backend, site, make_worker):
    from kiosk.feedback import FeedbackBox

    feedback = FeedbackBox(db)
    receipt = feedback.give(service_id="maternity-clinic", smiley=4, provider_id="city-health", context="home")
    feedback.add_details(receipt.id, service_id="maternity-clinic", nps=10, comment="Hyvä palvelu")
    status = make_worker().sync_once()
    assert status.pending == 0 and status.quarantined == 0, status
    stored = {i.kind: i.payload for i in server_items(backend, site_id=site)}
    assert stored["feedback"]["smiley"] == 4 and stored["feedback_details"]["nps"] == 10
    assert stored["feedback_details"]["answer_id"] == stored["feedback"]["answer_id"] == receipt.id


def test_each_sync_refreshes_staff_verifiers_and_reports_the_updater(db, backend, site, make_worker, tmp_path,
                                                                     monkeypatch):
    """The heartbeat carries the signed-build updater's state; staff verifiers come down."""
    from sqlalchemy import func

    from kiosk.storage.identity_models import StaffVerifierRecord
    from sync.server.identity import add_staff

    monkeypatch.setenv("KIOSK_UPDATE_STATE_DIR", str(tmp_path / "update-state"))
    add_staff(backend.sessions, site, "nurse-11", "A1B2C3D4", "2468", role="nurse", name="Nurse Eleven")
    worker = make_worker()
    status = worker.sync_once()
    assert status.last_error is None
    with db.sessions() as s:
        assert s.scalar(select(func.count()).select_from(StaffVerifierRecord)) == 1
    with backend.sessions() as s:
        device = s.scalars(select(Device).where(Device.site_id == site)).one()
        update = device.heartbeat["update"]
    assert update is not None and update["state"] == "not_checked"
