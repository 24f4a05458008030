"""A damaged or emptied kiosk database: reported on the staff screen, kept for IT, and
the items it still owed the city recovered into the new database, so they are sent."""

import sqlite3
import time

from kiosk import outbox
from kiosk.storage.db import open_database
from kiosk.storage.models import OutboxItem


def _fill(db, n_pending: int, *, delivered: int = 0, quarantined: int = 0) -> dict[str, dict]:
    """Booking items with a payload big enough to spread the outbox over many pages."""
    made = {}
    with db.sessions.begin() as s:
        for i in range(n_pending + delivered + quarantined):
            payload = {"slot_id": f"slot-{i}", "service_id": "maternity-clinic",
                       "subject": f"Resident number {i:04d} " + "x" * 400, "phone": f"+35840{i:07d}"}
            made[outbox.record(s, "booking", payload).id] = payload
    ids = list(made)
    with db.sessions.begin() as s:
        outbox.mark_delivered(s, ids[n_pending:n_pending + delivered])
        for item_id in ids[n_pending + delivered:]:
            outbox.quarantine(s, item_id, "unknown_service", "not in the catalogue")
    return {i: made[i] for i in ids[:n_pending]} | {i: made[i] for i in ids[n_pending + delivered:]}


def _owed(db) -> dict[str, tuple[str, dict]]:
    with db.sessions() as s:
        return {i.id: (i.state, i.payload) for i in s.query(OutboxItem).filter(OutboxItem.state != "delivered")}


def test_unsent_items_are_recovered_from_a_database_with_a_damaged_page(tmp_path):
    path = tmp_path / "kiosk.db"
    db = open_database(path)
    owed = _fill(db, 300, delivered=10, quarantined=5)
    db.close()
    con = sqlite3.connect(path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page_size = con.execute("PRAGMA page_size").fetchone()[0]
    con.close()
    raw = bytearray(path.read_bytes())
    page = raw.find(b"Resident number 0150") // page_size  # a page in the middle of the outbox
    assert page > 1
    raw[page * page_size:(page + 1) * page_size] = b"\xa5" * page_size
    path.write_bytes(bytes(raw))

    reopened = open_database(path)
    aside = [p for p in tmp_path.glob("kiosk.db.corrupt-*") if not p.name.endswith(("-wal", "-shm"))]
    assert len(aside) == 1 and aside[0].read_bytes() == bytes(raw)  # kept exactly as found, for IT
    got = _owed(reopened)
    lost = set(owed) - set(got)
    assert 0 < len(lost) < 20, len(lost)  # the rows of that one page, no more
    assert set(got) <= set(owed)  # nothing delivered comes back, nothing is made up
    for item_id, (state, payload) in got.items():
        assert payload == owed[item_id]
        assert state == ("quarantined" if payload["slot_id"] in {f"slot-{i}" for i in range(310, 315)} else "pending")
    notice = reopened.notices[0]
    assert "damaged" in notice and aside[0].name in notice
    assert f"{len(got)} unsent item(s) were recovered" in notice and "could not be read" in notice
    with reopened.sessions() as s:  # the sync worker sends them like any other
        assert len(outbox.pending_for_sending(s, 1000)) == len(got) - 5


def test_an_emptied_database_file_is_reported_and_its_log_recovered(tmp_path):
    """kiosk.db cut to 0 bytes with 50 unsent items still in its write-ahead log."""
    path = tmp_path / "kiosk.db"
    db = open_database(path)
    owed = _fill(db, 50)
    wal = path.with_name("kiosk.db-wal").read_bytes()  # while the kiosk runs, the log holds the writes
    db.close()
    path.write_bytes(b"")
    path.with_name("kiosk.db-wal").write_bytes(wal)

    reopened = open_database(path)
    assert "0 bytes" in reopened.notices[0] and "50 unsent item(s) were recovered" in reopened.notices[0]
    assert {i: p for i, (_s, p) in _owed(reopened).items()} == owed
    assert list(tmp_path.glob("kiosk.db.corrupt-*-wal"))


def test_items_in_a_database_kept_at_an_earlier_start_are_recovered_once(tmp_path):
    """A kiosk that moved a damaged database aside before recovery existed still owes
    its items: the next start reads them, and only once."""
    path = tmp_path / "kiosk.db"
    old = open_database(tmp_path / "old.db")
    owed = _fill(old, 12)
    old.close()
    (tmp_path / "old.db").rename(tmp_path / "kiosk.db.corrupt-20261101T101010")

    db = open_database(path)
    assert "12 unsent item(s) were recovered from kiosk.db.corrupt-20261101T101010" in db.notices[0]
    assert {i: p for i, (_s, p) in _owed(db).items()} == owed
    with db.sessions.begin() as s:
        outbox.mark_delivered(s, list(owed))
    db.close()
    again = open_database(path)
    assert again.notices == [] and _owed(again) == {}


def test_a_kept_damaged_database_goes_two_weeks_after_its_items_were_recovered(tmp_path):
    """It still holds what residents wrote; once its items are copied out and IT had
    14 days to look, nothing is owed from it and it is removed with its side files."""
    from kiosk.storage.recovery import KEEP_DAMAGED_DAYS, forget_recovered

    path = tmp_path / "kiosk.db"
    old = open_database(tmp_path / "old.db")
    _fill(old, 3)
    old.close()
    moved = time.time() - 20 * 86400
    kept_name = f"kiosk.db.corrupt-{time.strftime('%Y%m%dT%H%M%S', time.localtime(moved))}"
    (tmp_path / "old.db").rename(tmp_path / kept_name)
    (tmp_path / (kept_name + "-wal")).write_bytes(b"")
    unread = tmp_path / f"kiosk.db.corrupt-{time.strftime('%Y%m%dT%H%M%S', time.localtime(moved - 60))}"
    db = open_database(path)  # recovers both now; neither goes at the start that read it
    assert (tmp_path / kept_name).exists() and len(_owed(db)) == 3
    # A file that was never read (no mark) stays whatever its age: it may owe items.
    unread.write_bytes(b"")
    assert forget_recovered(path, db.engine, now=moved + (KEEP_DAMAGED_DAYS - 1) * 86400) == []
    assert forget_recovered(path, db.engine) == [kept_name]
    assert not (tmp_path / kept_name).exists() and not (tmp_path / (kept_name + "-wal")).exists()
    assert unread.exists() and len(_owed(db)) == 3  # the recovered items themselves stay owed
    db.close()
