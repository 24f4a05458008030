"""The backend's schema comes from Alembic migrations (issue 13), on SQLite and PostgreSQL:
the models and the migrations agree, ``welfare-backend init-db``/``upgrade`` run them, and
a database made by ``create_all`` before migrations existed is adopted, not broken."""

from __future__ import annotations

import subprocess
import sys
import threading
import uuid
from datetime import datetime, timezone

import pytest
from sqlalchemy import inspect, select, text
from sqlalchemy.orm import sessionmaker

from tests.conftest import REPO

EXPRESSION_INDEXES = {"ix_items_queue_ticket_id", "ix_items_queue_day", "ix_items_booking_slot"}


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def empty_db(request, tmp_path) -> str:
    """The URL of an empty database, SQLite and then PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'backend.db'}"
    return request.getfixturevalue("postgres").create_database(f"m_{uuid.uuid4().hex[:10]}")


def cli(db_url: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "sync.server.cli", "--db", db_url, *args], cwd=REPO,
                          capture_output=True, text=True, timeout=120)


def index_names(engine) -> set[str]:
    # Read from the catalogue itself: SQLite's reflection leaves expression indexes out.
    q = ("SELECT name FROM sqlite_master WHERE type = 'index'" if engine.dialect.name == "sqlite"
         else "SELECT indexname FROM pg_indexes WHERE schemaname = 'public'")
    with engine.connect() as conn:
        return set(conn.execute(text(q)).scalars())


def test_models_and_migrations_agree(empty_db):
    from sync.server import schema
    from sync.server.models import Base
    from sync.server.store import make_engine

    engine = make_engine(empty_db)
    done = schema.upgrade(engine)
    assert (done.before, done.after, done.adopted) == (None, schema.head(), False)
    with engine.connect() as conn:
        assert schema.differences(conn) == []
        assert set(inspect(conn).get_table_names()) == set(Base.metadata.tables) | {"alembic_version"}
    assert EXPRESSION_INDEXES <= index_names(engine)  # what autogenerate cannot compare on SQLite
    again = schema.upgrade(engine)
    assert (again.before, again.after, again.adopted) == (done.after, done.after, False)
    engine.dispose()


def test_init_db_and_upgrade_are_commands(empty_db):
    made = cli(empty_db, "init-db")
    assert made.returncode == 0, made.stderr
    assert "upgraded from empty" in made.stdout
    again = cli(empty_db, "upgrade")
    assert again.returncode == 0, again.stderr
    assert "already at" in again.stdout


def _made_by_create_all(url: str):
    """A database as a deployment from before migrations has it: made by ``create_all`` of
    an older version (no identity tables yet, no queue indexes), with data in it."""
    from sync.server.models import Base, Device, Item, Site
    from sync.server.store import make_engine

    engine = make_engine(url)
    older = [t for name, t in Base.metadata.tables.items()
             if name not in ("resident_cards", "card_lockouts", "staff_members", "oidc_providers",
                             # came after migrations (0003-0005): no create_all database ever had them
                             "announcements", "booking_attendance", "catalogue_additions", "catalogue_history")]
    Base.metadata.create_all(engine, tables=older)
    with engine.begin() as conn:
        for name in EXPRESSION_INDEXES:
            conn.execute(text(f"DROP INDEX {name}"))
    now = datetime.now(timezone.utc)
    with sessionmaker(engine).begin() as s:
        s.add(Site(id="kontula", catalogue_seq=3))
        s.flush()
        s.add(Device(id="d-1", site_id="kontula", name="lobby", token_hash="t" * 64, enrolled_at=now))
        s.flush()
        s.add(Item(id="i-1", device_id="d-1", site_id="kontula", kind="feedback", content_hash="h" * 64,
                   created_at=now, received_at=now, payload={"smiley": 5}))
    return engine


def test_a_database_made_by_create_all_is_adopted(empty_db):
    from sync.server import schema
    from sync.server.models import Item, Site

    engine = _made_by_create_all(empty_db)
    upgraded = cli(empty_db, "upgrade")
    assert upgraded.returncode == 0, upgraded.stderr
    assert "adopted" in upgraded.stdout
    with engine.connect() as conn:
        assert schema.current(conn) == schema.head()
        assert schema.differences(conn) == []
    assert EXPRESSION_INDEXES <= index_names(engine)
    with sessionmaker(engine)() as s:  # nothing lost
        assert s.get(Site, "kontula").catalogue_seq == 3
        assert s.scalars(select(Item.payload)).all() == [{"smiley": 5}]
    assert "already at" in cli(empty_db, "upgrade").stdout
    engine.dispose()


def test_a_database_that_cannot_be_adopted_is_left_as_it_was(empty_db):
    """A column missing from an existing table is not something revision 0001 can add:
    the upgrade says what differs and changes nothing (no half-recorded schema)."""
    from sync.server.store import make_engine

    engine = _made_by_create_all(empty_db)
    with engine.begin() as conn:
        conn.execute(text("ALTER TABLE devices DROP COLUMN heartbeat"))
        before = set(inspect(conn).get_table_names())
    refused = cli(empty_db, "upgrade")
    assert refused.returncode == 2
    assert "heartbeat" in refused.stderr and "nothing was changed" in refused.stderr
    assert "Traceback" not in refused.stderr
    engine.dispose()
    engine = make_engine(empty_db)
    assert set(inspect(engine).get_table_names()) == before  # no alembic_version, no identity tables
    engine.dispose()


def test_processes_starting_together_take_turns(empty_db):
    """Two backends started at once on a new database: both come up, one builds it."""
    from sync.server import schema
    from sync.server.store import make_engine

    engines = [make_engine(empty_db) for _ in range(2)]
    results, errors = [], []
    start = threading.Barrier(2)

    def run(engine) -> None:
        start.wait()
        try:
            results.append(schema.upgrade(engine))
        except Exception as exc:  # noqa: BLE001  (reported below)
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(e,)) for e in engines]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert errors == []
    assert sorted(r.before or "" for r in results) == ["", schema.head()]
    for e in engines:
        e.dispose()


def test_the_store_uses_the_migrations(tmp_path):
    from sync.server import schema
    from sync.server.store import open_store

    sessions = open_store(f"sqlite:///{tmp_path / 'backend.db'}")
    with sessions() as s:
        assert schema.current(s.connection()) == schema.head()
    sessions.kw["bind"].dispose()
