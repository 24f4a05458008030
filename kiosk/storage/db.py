"""Opening the kiosk database: WAL, durable writes, migrations, corruption handling."""

from __future__ import annotations

import ast
import functools
import logging
import re
import sqlite3
import time
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from kiosk.storage.models import PERSONAL_DATA_REMOVED  # noqa: F401  (also read from here)

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


@dataclass
class Database:
    path: Path
    engine: Engine
    sessions: sessionmaker[Session]
    # Human-readable notices for staff, e.g. "the database was corrupt and moved aside".
    notices: list[str] = field(default_factory=list)
    # Personal fields were removed but their old copies may still be in the WAL.
    wipe_owed: bool = False

    def wipe_freed(self) -> bool:
        """Leave no readable copy of removed data on disk: copy the WAL into the main
        file (where secure_delete has zeroed what was removed) and empty the WAL. True
        when done; False when a reader held old pages, and the next commit tries again."""
        try:
            with self.engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA busy_timeout=200")  # a reader in the way: try later, not wait
                busy = conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
                conn.exec_driver_sql("PRAGMA busy_timeout=5000")
        except Exception:  # never let the wipe fail the change that was committed
            log.exception("could not empty the write-ahead log")
            busy = 1
        self.wipe_owed = bool(busy)
        return not busy

    def close(self) -> None:
        if self.wipe_owed:
            self.wipe_freed()
        self.engine.dispose()


def _on_connect(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    # FULL: a write the user was told succeeded survives a power cut.
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=5000")
    # Removed rows (purged personal fields, discarded items) are overwritten with zeros
    # rather than left readable in free space; Database.wipe_freed() does the WAL.
    cur.execute("PRAGMA secure_delete=ON")
    cur.close()


def check_integrity(path: Path) -> str | None:
    """None when the file is a healthy SQLite database, else what is wrong with it."""
    try:
        with path.open("rb") as fh:
            header = fh.read(16)
        if header and header != b"SQLite format 3\x00":
            return "not an SQLite database"
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            row = conn.execute("PRAGMA quick_check").fetchone()
        finally:
            conn.close()
        if row is None or row[0] != "ok":
            return f"integrity check failed: {row[0] if row else 'no answer'}"
    except (sqlite3.DatabaseError, OSError) as exc:
        return str(exc)
    return None


def move_aside(path: Path, reason: str) -> Path:
    """Keep a corrupt database (it may hold unsent records) under a new name."""
    stamp = time.strftime("%Y%m%dT%H%M%S")
    target = path.with_name(f"{path.name}.corrupt-{stamp}")
    n = 1
    while target.exists():
        n += 1
        target = path.with_name(f"{path.name}.corrupt-{stamp}-{n}")
    path.rename(target)
    for suffix in ("-wal", "-shm", "-journal"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            side.rename(target.with_name(target.name + suffix))
    log.error("database %s was corrupt (%s); moved aside to %s", path, reason, target)
    return target


_REVISION = re.compile(r"^(revision|down_revision)\s*=\s*(.+)$", re.M)


@functools.lru_cache(maxsize=4)  # the scripts do not change while the process runs: read once
def head_revisions(versions: Path | None = None) -> frozenset[str]:
    """The newest revisions of the migration scripts, read from their ``revision`` and
    ``down_revision`` lines without importing Alembic (a test checks this against Alembic's
    own answer)."""
    versions = versions or MIGRATIONS_DIR / "versions"
    revisions: set[str] = set()
    parents: set[str] = set()
    for script in versions.glob("*.py"):
        found = dict((k, ast.literal_eval(v.strip())) for k, v in _REVISION.findall(script.read_text(encoding="utf-8")))
        if "revision" not in found:
            continue
        revisions.add(found["revision"])
        down = found.get("down_revision")
        parents.update(down if isinstance(down, (tuple, list)) else [down] if down else [])
    return frozenset(revisions - parents)


def at_head(engine: Engine) -> bool:
    """The database already has the newest schema: a warm start needs no migration."""
    try:
        with engine.connect() as conn:
            rows = conn.exec_driver_sql("SELECT version_num FROM alembic_version").fetchall()
    except Exception:  # no such table yet (a new database): migrate
        return False
    return frozenset(r[0] for r in rows) == head_revisions()


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest version with Alembic.

    Alembic and its operations cost about a third of a second of the kiosk's start on this
    machine, so a database already at the newest revision is left alone without loading it."""
    if at_head(engine):
        return
    from alembic import command
    from alembic.config import Config as AlembicConfig

    cfg = AlembicConfig()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "heads")


def _problem(path: Path) -> str | None:
    """Why the file at ``path`` cannot be used as the kiosk's database as it is, or None.

    A zero-length file counts: SQLite would open it as a new, empty database (and
    delete its write-ahead log, which may hold the last unsent items), so a kiosk that
    lost its data would carry on as if it never had any."""
    wal = path.with_name(path.name + "-wal")
    if path.exists():
        if path.stat().st_size == 0:
            return "the file was empty (0 bytes)" + (" but its write-ahead log was not" if wal.exists()
                                                     and wal.stat().st_size else "")
        return check_integrity(path)
    if wal.exists() and wal.stat().st_size:
        return "the file was missing but its write-ahead log was there"
    return None


def open_database(path: str | Path) -> Database:
    from kiosk.storage.recovery import forget_recovered, recover_kept, recover_outbox

    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    notices: list[str] = []
    aside = None
    problem = _problem(path)
    if problem:
        if not path.exists():
            path.write_bytes(b"")  # so the log has a file to be kept beside
        aside = move_aside(path, problem)
    # hide_parameters: an error's text (logged, shown to staff, sent in the heartbeat's
    # last_error) names the statement but never the values, which may be a resident's words.
    engine = create_engine(f"sqlite:///{path}", hide_parameters=True)
    event.listen(engine, "connect", _on_connect)
    migrate(engine)
    if aside is not None:
        recovered = recover_outbox(aside, engine)
        notices.append(f"The local database was damaged ({problem}). It was kept as {aside.name} "
                       f"for IT to inspect, and a new one was started. {recovered.describe()}")
    forget_recovered(path, engine)  # before recover_kept: only files read at an earlier start
    for name, earlier in recover_kept(path, engine, skip=aside).items():
        if earlier.items:
            notices.append(f"{earlier.items} unsent item(s) were recovered from {name}, a damaged database "
                           "kept at an earlier start; they will be sent.")
    sessions = sessionmaker(engine, expire_on_commit=False)
    database = Database(path=path, engine=engine, sessions=sessions, notices=notices)

    @event.listens_for(sessions, "after_commit")
    def _wipe_after_purge(session: Session) -> None:
        if session.info.pop(PERSONAL_DATA_REMOVED, False) or database.wipe_owed:
            database.wipe_freed()

    @event.listens_for(sessions, "after_rollback")
    def _forget_purge(session: Session) -> None:
        session.info.pop(PERSONAL_DATA_REMOVED, None)

    return database
