"""The kiosk's outbox: recorded with the local change, purged after delivery, staff actions logged."""

import pytest
from sqlalchemy import select, text

from kiosk import outbox
from kiosk.storage.models import CatalogueMetaRecord, OutboxAuditRecord, OutboxItem


def test_item_is_recorded_in_the_callers_transaction(db):
    with db.sessions.begin() as s:
        item = outbox.record(s, "feedback", {"service_id": "maternity-clinic", "smiley": 4})
    with db.sessions() as s:
        stored = s.get(OutboxItem, item.id)
        assert stored.state == "pending" and stored.payload["smiley"] == 4
        assert len(stored.id) == 36


def test_a_failed_local_change_records_nothing(db):
    with pytest.raises(RuntimeError):
        with db.sessions.begin() as s:
            s.add(CatalogueMetaRecord(key="x", value="y"))
            outbox.record(s, "feedback", {"service_id": "maternity-clinic", "smiley": 2})
            raise RuntimeError("the local change failed")
    with db.sessions() as s:
        assert s.scalar(select(OutboxItem)) is None


@pytest.mark.parametrize("kind,payload,fragment", [
    ("feedback", {"service_id": "x", "smiley": 5}, "smiley: 5 is not from 1 to 4"),
    ("feedback", {"service_id": "x"}, "smiley: missing"),
    ("feedback", {"service_id": "x", "smiley": 1, "subject": "abc"}, "subject: unknown field"),
    ("booking", {"slot_id": 3, "service_id": "x"}, "slot_id: wrong type int"),
    ("teleport", {}, "kind: 'teleport' is not one of"),
    ("feedback", {"service_id": "x", "smiley": True}, "smiley: wrong type bool"),
])
def test_bad_payload_is_refused_with_the_field_named(db, kind, payload, fragment):
    with db.sessions.begin() as s:
        with pytest.raises(outbox.OutboxError, match=fragment.replace("(", r"\(")):
            outbox.record(s, kind, payload)


def test_delivery_purges_personal_fields_and_keeps_the_rest(db):
    with db.sessions.begin() as s:
        item = outbox.record(s, "booking", {"slot_id": "s1", "service_id": "x", "subject": "pseudo-123",
                                            "phone": "+358401234567"})
    with db.sessions.begin() as s:
        assert outbox.mark_delivered(s, [item.id]) == 1
    with db.sessions() as s:
        stored = s.get(OutboxItem, item.id)
        assert stored.state == "delivered" and stored.payload == {"slot_id": "s1", "service_id": "x"}
        raw = s.execute(text("SELECT payload FROM outbox_items")).scalar()
        assert "pseudo-123" not in raw and "+358" not in raw
        assert outbox.summary(s).pending == 0


def test_quarantined_item_can_be_retried_or_discarded_and_both_are_logged(db):
    with db.sessions.begin() as s:
        a = outbox.record(s, "booking", {"slot_id": "s1", "service_id": "x", "phone": "+358401"})
        b = outbox.record(s, "staff_audit", {"staff_id": "p", "event": "o"})
    with db.sessions.begin() as s:
        outbox.quarantine(s, a.id, "slot_taken", "someone else was quicker")
        outbox.quarantine(s, b.id, "unknown_poll")
        assert [i.id for i in outbox.pending_batch(s, 10)] == []
    with db.sessions.begin() as s:
        outbox.retry(s, b.id, staff="nurse-1")
        outbox.discard(s, a.id, staff="admin-2")
    with db.sessions() as s:
        assert [i.id for i in outbox.pending_batch(s, 10)] == [b.id]
        assert s.get(OutboxItem, a.id) is None
        log = {r.action: r for r in s.scalars(select(OutboxAuditRecord))}
        assert log["discard"].staff == "admin-2" and log["discard"].reason == "slot_taken"
        assert log["discard"].payload == {"slot_id": "s1", "service_id": "x"}  # phone not kept
        assert log["retry"].item_id == b.id


def test_only_quarantined_items_can_be_discarded(db):
    with db.sessions.begin() as s:
        item = outbox.record(s, "staff_audit", {"staff_id": "p", "event": "o"})
    with db.sessions.begin() as s:
        with pytest.raises(outbox.OutboxError, match="only quarantined"):
            outbox.discard(s, item.id, staff="admin")
    with db.sessions() as s:
        assert s.get(OutboxItem, item.id).state == "pending"
