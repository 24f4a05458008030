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


# -- a drain stays linear: nothing per batch may grow with the outbox ---------------------


def _plans(db, fn):
    """SQLite's query plan of every SELECT that ``fn(session)`` runs."""
    from sqlalchemy import event

    statements = []

    def seen(conn, cursor, statement, parameters, context, executemany):
        if statement.lstrip().upper().startswith("SELECT"):
            statements.append((statement, parameters))

    event.listen(db.engine, "before_cursor_execute", seen)
    try:
        with db.sessions() as s:
            fn(s)
    finally:
        event.remove(db.engine, "before_cursor_execute", seen)
    raw = db.engine.raw_connection()
    try:
        return [" | ".join(row[-1] for row in raw.execute(f"EXPLAIN QUERY PLAN {sql}", params).fetchall())
                for sql, params in statements]
    finally:
        raw.close()


def test_next_batch_and_oldest_pending_read_an_index_range_without_sorting(db):
    from datetime import datetime, timezone

    with db.sessions.begin() as s:
        for n in range(50):
            outbox.record(s, "feedback", {"service_id": "x", "smiley": 1})
    after = (datetime.now(timezone.utc), "m")
    plans = _plans(db, lambda s: (outbox.pending_for_sending(s, 10), outbox.pending_for_sending(s, 10, after=after),
                                  outbox.summary(s)))
    assert len(plans) == 4, plans
    for plan in plans:
        assert "TEMP B-TREE" not in plan, plan  # a sort of every pending row, per batch
        assert "SEARCH outbox_items USING" in plan and "INDEX ix_outbox_items_state" in plan, plan  # no full scan
    assert sum("ix_outbox_items_state_order" in plan for plan in plans) >= 3, plans  # the ordered reads


def test_the_worker_counts_the_outbox_once_per_round_not_once_per_batch(make_worker, db, monkeypatch):
    calls = []
    real = outbox.summary
    monkeypatch.setattr(outbox, "summary", lambda s: calls.append(1) or real(s))
    worker = make_worker(batch_size=10)
    worker.sync_once()  # enrol
    with db.sessions.begin() as s:
        for n in range(120):
            outbox.record(s, "feedback", {"service_id": "maternity-clinic", "smiley": 1 + n % 4})
    seen = []
    worker._on_status = lambda st: seen.append(st.pending)
    calls.clear()
    status = worker.sync_once()
    assert status.pushed == 120 and status.pending == 0
    assert len(calls) <= 2, len(calls)  # 12 batches
    # Staff still see the count go down batch by batch (from when the round counted), and it ends exact.
    seen = seen[seen.index(120):]
    assert seen[0] == 120 and seen[-1] == 0 and all(a >= b for a, b in zip(seen, seen[1:])), seen
    assert len({p for p in seen if 0 < p < 120}) >= 5, seen
