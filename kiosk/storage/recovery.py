"""Reading what can still be read from a damaged kiosk database.

A database that fails its check is moved aside (``db.move_aside``) and a new one is
started; the items the old one still owed the city (its outbox) are copied into the
new one here, so the sync worker delivers them. Item ids are made on the kiosk, so an
item the city already had is answered "duplicate" and nothing is counted twice.

Reading works on a copy of the moved-aside files (the kept file stays as it was, for
IT) and walks each table by rowid: when a page cannot be read, the reader seeks past
it and carries on, so one damaged page costs the rows on that page, not the table.
A main file of zero bytes is rebuilt from the pages in its write-ahead log first:
SQLite itself would delete that log when it opens a zero-length database.
"""

from __future__ import annotations

import json
import logging
import shutil
import sqlite3
import struct
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine, text

log = logging.getLogger(__name__)

# The outbox columns copied as stored (same spelling of times, JSON as written).
_OUTBOX_COLUMNS = ("id", "kind", "payload", "created_at", "state", "reason", "detail", "attempts",
                   "last_attempt_at", "delivered_at")
_OWED = ("pending", "quarantined")  # delivered items owe nothing; their personal fields are gone
_MAX_ROWID = 2 ** 63 - 1
_MARK = "recovered_from:"  # sync_state key prefix: this kept file has been read once
# A damaged database is kept for IT this long after its items were copied out; then it
# goes, since it still holds what residents entrusted (comments, bookings) and nothing
# is owed from it any more. docs/configuration.md
KEEP_DAMAGED_DAYS = 14


@dataclass(frozen=True)
class Recovery:
    items: int  # unsent outbox items copied into the new database
    unreadable: int  # damaged places skipped or rows that made no sense (at least this many rows lost)
    readable: bool  # False: not even the outbox table could be found

    def describe(self) -> str:
        if not self.readable:
            return "No unsent items could be read from it."
        text_ = f"{self.items} unsent item(s) were recovered from it and will be sent."
        if self.unreadable:
            text_ += f" {self.unreadable} damaged place(s) could not be read; IT may find more in the kept file."
        return text_


def recover_kept(path: Path, engine: Engine, *, skip: Path | None = None) -> dict[str, Recovery]:
    """Recover from every database kept beside ``path`` by an earlier start that has
    not been recovered yet (e.g. moved aside by a version that did not recover)."""
    with engine.connect() as conn:
        done = {r[0][len(_MARK):] for r in conn.execute(
            text("SELECT key FROM sync_state WHERE key LIKE :p"), {"p": _MARK + "%"})}
    out = {}
    for kept in sorted(path.parent.glob(f"{path.name}.corrupt-*")):
        if kept.name.endswith(("-wal", "-shm", "-journal")) or kept.name in done or kept == skip:
            continue
        out[kept.name] = recover_outbox(kept, engine)
    return out


def forget_recovered(path: Path, engine: Engine, *, now: float | None = None,
                     keep_days: float = KEEP_DAMAGED_DAYS) -> list[str]:
    """Delete the damaged databases kept beside ``path`` that were recovered at an
    earlier start and were moved aside more than ``keep_days`` ago (the time is in the
    name ``move_aside`` gave them). Returns the names removed."""
    now = time.time() if now is None else now
    with engine.connect() as conn:
        done = {r[0][len(_MARK):] for r in conn.execute(
            text("SELECT key FROM sync_state WHERE key LIKE :p"), {"p": _MARK + "%"})}
    removed = []
    for kept in sorted(path.parent.glob(f"{path.name}.corrupt-*")):
        if kept.name.endswith(("-wal", "-shm", "-journal")) or kept.name not in done:
            continue
        stamp = kept.name[len(path.name) + len(".corrupt-"):][:15]
        try:
            moved = time.mktime(time.strptime(stamp, "%Y%m%dT%H%M%S"))
        except ValueError:  # not a name this kiosk gave: leave it to IT
            continue
        if now - moved < keep_days * 86400:
            continue
        for side in (kept, *(kept.with_name(kept.name + s) for s in ("-wal", "-shm", "-journal"))):
            side.unlink(missing_ok=True)
        log.warning("removed %s: its unsent items were recovered and it was kept %d days", kept.name, keep_days)
        removed.append(kept.name)
    return removed


def recover_outbox(aside: Path, engine: Engine) -> Recovery:
    """Copy the unsent outbox items of the moved-aside database ``aside`` into ``engine``."""
    with tempfile.TemporaryDirectory(prefix="kiosk-recover-") as tmp:
        work = Path(tmp) / "damaged.db"
        try:
            _working_copy(aside, work)
            rows, unreadable, readable = _read_outbox(work)
        except (OSError, sqlite3.Error) as exc:
            log.error("cannot read the moved-aside database %s: %s", aside, exc)
            return Recovery(0, 0, False)
    items, bad = _valid_items(rows)
    cols = ", ".join(_OUTBOX_COLUMNS)
    marks = ", ".join(f":{c}" for c in _OUTBOX_COLUMNS)
    with engine.begin() as conn:  # the items and the note that this file is done, together
        if items:
            # OR IGNORE: an item already in the new database (a second recovery) stays as it is.
            conn.execute(text(f"INSERT OR IGNORE INTO outbox_items ({cols}) VALUES ({marks})"), items)
        conn.execute(text("INSERT OR REPLACE INTO sync_state (key, value) VALUES (:k, :v)"),
                     {"k": _MARK + aside.name, "v": str(len(items))})
    log.warning("recovered %d unsent item(s) from %s (%d unreadable)", len(items), aside, unreadable + bad)
    return Recovery(len(items), unreadable + bad, readable)


def _working_copy(aside: Path, work: Path) -> None:
    wal = aside.with_name(aside.name + "-wal")
    if aside.stat().st_size == 0:
        if wal.exists():
            _rebuild_from_wal(wal, work)
        else:
            work.write_bytes(b"")
        return
    shutil.copyfile(aside, work)
    if wal.exists():
        shutil.copyfile(wal, work.with_name(work.name + "-wal"))


def _rebuild_from_wal(wal: Path, work: Path) -> None:
    """A database file made of the committed pages of a write-ahead log (format:
    sqlite.org/fileformat2.html#walformat); pages it does not hold stay zero."""
    data = wal.read_bytes()
    if len(data) < 32:
        work.write_bytes(b"")
        return
    magic, _version, page_size, _seq, salt1, salt2 = struct.unpack(">IIIIII", data[:24])
    if magic not in (0x377F0682, 0x377F0683) or page_size < 512 or page_size & (page_size - 1):
        work.write_bytes(b"")
        return
    pages: dict[int, bytes] = {}
    pending: dict[int, bytes] = {}
    db_pages = 0
    frame = 24 + page_size
    for off in range(32, len(data) - frame + 1, frame):
        page_no, commit_size, s1, s2 = struct.unpack(">IIII", data[off:off + 16])
        if (s1, s2) != (salt1, salt2):
            break  # frames of an older log generation
        pending[page_no] = data[off + 24:off + frame]
        if commit_size:  # a commit: everything up to here is durable
            pages.update(pending)
            pending.clear()
            db_pages = commit_size
    with work.open("wb") as fh:
        fh.truncate(db_pages * page_size)
        for page_no, content in pages.items():
            if 1 <= page_no <= db_pages:
                fh.seek((page_no - 1) * page_size)
                fh.write(content)


def _read_outbox(path: Path) -> tuple[list[dict], int, bool]:
    conn = sqlite3.connect(path)
    try:
        try:
            known = {r[1] for r in conn.execute("PRAGMA table_info(outbox_items)")}
        except sqlite3.DatabaseError:
            return [], 1, False
        cols = [c for c in _OUTBOX_COLUMNS if c in known]
        if "id" not in cols or "payload" not in cols:
            return [], 0, False
        rows, unreadable = _rows_by_rowid(conn, "outbox_items", cols)
        return [dict(zip(cols, r)) for r in rows], unreadable, True
    finally:
        conn.close()


def _rows_by_rowid(conn: sqlite3.Connection, table: str, cols: list[str]) -> tuple[list[tuple], int]:
    """Every row that can be read, in rowid order, stepping over pages that cannot."""
    select = f"SELECT rowid, {', '.join(cols)} FROM {table} WHERE rowid > ? ORDER BY rowid"
    rows: list[tuple] = []
    unreadable = 0
    after = -_MAX_ROWID - 1
    while True:
        try:
            for row in conn.execute(select, (after,)):
                rows.append(row[1:])
                after = row[0]
            return rows, unreadable
        except sqlite3.DatabaseError:
            unreadable += 1
            resume = _next_readable(conn, table, after)
            if resume is None:
                return rows, unreadable
            after = resume


def _next_readable(conn: sqlite3.Connection, table: str, bad: int) -> int | None:
    """The smallest rowid bound past ``bad`` from which the table can be read again."""
    def ok(bound: int) -> bool:
        try:
            conn.execute(f"SELECT rowid FROM {table} WHERE rowid > ? ORDER BY rowid LIMIT 1", (bound,)).fetchall()
            return True
        except sqlite3.DatabaseError:
            return False

    step = 1
    while not ok(bad + step):  # leap over the damage...
        step *= 2
        if bad + step > _MAX_ROWID:
            return None
    lo, hi = bad + step // 2, bad + step  # ...then come back to just past it
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if ok(mid):
            hi = mid
        else:
            lo = mid
    return hi


def _valid_items(rows: list[dict]) -> tuple[list[dict], int]:
    from kiosk.outbox import ITEM_KINDS

    items, bad = [], 0
    for r in rows:
        if r.get("state", "pending") not in _OWED:
            continue
        try:
            payload = json.loads(r["payload"]) if isinstance(r["payload"], (str, bytes)) else None
        except ValueError:
            payload = None
        if (not isinstance(r["id"], str) or len(r["id"]) != 36 or r.get("kind") not in ITEM_KINDS
                or not isinstance(payload, dict) or not isinstance(r.get("created_at"), str)):
            bad += 1
            continue
        item = {c: r.get(c) for c in _OUTBOX_COLUMNS}
        item["state"] = item["state"] or "pending"
        item["attempts"] = item["attempts"] if isinstance(item["attempts"], int) else 0
        items.append(item)
    return items, bad
