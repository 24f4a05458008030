"""Once the city has an item, the resident's personal fields leave the kiosk's disk:
no readable copy in the database file, its write-ahead log or a journal."""

import json
import sqlite3

from kiosk import outbox
from kiosk.storage.db import open_database

SUBJECT = "fi-hetu-subject-7f3a9c1e"
PHONE = "+358401234567"
COMMENT = "Hoitaja Äijälä oli ihana"


def _copies_on_disk(data_dir, values) -> list[str]:
    """Every file of the data dir that still holds one of ``values``, in any spelling
    SQLite or JSON would store it (UTF-8, UTF-16 or \\u escapes)."""
    found = []
    for f in sorted(p for p in data_dir.iterdir() if p.is_file()):
        raw = f.read_bytes()
        for v in values:
            spellings = {v.encode("utf-8"), v.encode("utf-16-le"), json.dumps(v)[1:-1].encode("ascii")}
            if any(s in raw for s in spellings):
                found.append(f"{f.name}: {v}")
    return found


def _record(db, n: int = 20) -> list[str]:
    ids = []
    with db.sessions.begin() as s:
        for i in range(n):
            ids.append(outbox.record(s, "booking", {"slot_id": f"s{i}", "service_id": "maternity-clinic",
                                                    "subject": f"{SUBJECT}-{i:02d}", "phone": PHONE}).id)
        ids.append(outbox.record(s, "feedback", {"service_id": "maternity-clinic", "smiley": 4,
                                                 "comment": COMMENT}).id)
    return ids


def test_acknowledged_items_leave_no_personal_data_in_any_file(tmp_path):
    db = open_database(tmp_path / "kiosk.db")
    ids = _record(db)
    with db.engine.connect() as c:  # some of it reaches the main file before the city answers
        c.exec_driver_sql("PRAGMA wal_checkpoint(PASSIVE)")
    ids += _record(db)
    assert _copies_on_disk(tmp_path, [SUBJECT, PHONE, COMMENT])  # the test can see them

    with db.sessions.begin() as s:
        assert outbox.mark_delivered(s, ids) == len(ids)

    assert _copies_on_disk(tmp_path, [SUBJECT, PHONE, COMMENT]) == []
    with db.sessions() as s:  # what is kept is still there
        assert {i.payload["slot_id"] for i in s.query(outbox.OutboxItem) if i.kind == "booking"} \
            == {f"s{i}" for i in range(20)}
    db.close()
    assert _copies_on_disk(tmp_path, [SUBJECT, PHONE, COMMENT]) == []


def test_a_discarded_item_leaves_no_personal_data_either(tmp_path):
    db = open_database(tmp_path / "kiosk.db")
    ids = _record(db, 3)
    with db.sessions.begin() as s:
        for i in ids:
            outbox.quarantine(s, i, "unknown_service")
    with db.sessions.begin() as s:
        for i in ids:
            outbox.discard(s, i, staff="nurse-1")
    assert _copies_on_disk(tmp_path, [SUBJECT, PHONE, COMMENT]) == []


def test_a_reader_in_the_way_only_delays_the_wipe(tmp_path):
    """A long read (e.g. the staff screen) keeps the log from being emptied at once; the
    next write of the kiosk finishes the job."""
    db = open_database(tmp_path / "kiosk.db")
    ids = _record(db)
    reader = sqlite3.connect(tmp_path / "kiosk.db", timeout=0.1)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM outbox_items").fetchone()  # holds a snapshot with the old rows
    with db.sessions.begin() as s:  # the purge itself is not held up by the reader
        outbox.mark_delivered(s, ids)
    assert db.wipe_owed  # the log could not be emptied while the reader held old pages
    reader.rollback()
    reader.close()
    with db.sessions.begin() as s:  # any later write
        outbox.record(s, "queue_ticket", {"ticket_id": "t1", "event": "issued"})
    assert _copies_on_disk(tmp_path, [SUBJECT, PHONE, COMMENT]) == []


def test_a_finished_visit_keeps_no_subject_once_the_city_has_it(tmp_path):
    """The walk-in visit's own row held the person's subject for ever; it travels in the
    outbox item only, and leaves the disk with it."""
    from kiosk.walk_in import WalkInDesk

    db = open_database(tmp_path / "kiosk.db")
    desk = WalkInDesk(db)
    visit = desk.start(service_id="maternity-clinic", staff_id="nurse-1")
    desk.identify(visit.id, SUBJECT)
    desk.finish(visit.id, "done")
    with db.sessions() as s:
        item = s.query(outbox.OutboxItem).filter_by(kind="walk_in_appointment").one()
        assert item.payload["subject"] == SUBJECT  # the city still gets it
    with db.sessions.begin() as s:
        outbox.mark_delivered(s, [item.id])
    assert _copies_on_disk(tmp_path, [SUBJECT]) == []
    db.close()
