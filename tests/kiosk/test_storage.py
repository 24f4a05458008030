import sqlite3

from sqlalchemy import text

from kiosk.catalogue.importer import import_catalogue
from kiosk.catalogue.service import Catalogue
from kiosk.storage.db import open_database


def test_database_uses_wal_and_full_sync(db):
    with db.engine.connect() as conn:
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1


def test_schema_is_made_by_migrations(db):
    with db.engine.connect() as conn:
        versions = [r[0] for r in conn.execute(text("SELECT version_num FROM alembic_version"))]
    assert versions and all(v for v in versions)


def test_empty_file_becomes_a_fresh_database_and_is_reported(tmp_path, mini_catalogue_data):
    # An empty file where the database was may have held unsent items: never silent.
    path = tmp_path / "kiosk.db"
    path.write_bytes(b"")
    database = open_database(path)
    assert "the file was empty (0 bytes)" in database.notices[0]
    assert "No unsent items could be read" in database.notices[0]
    assert len(Catalogue(database)) == 0
    import_catalogue(database, mini_catalogue_data)  # the new database works
    assert len(Catalogue(database)) == 5


def test_corrupt_database_is_moved_aside_reported_and_kept(tmp_path, mini_catalogue_data):
    path = tmp_path / "kiosk.db"
    path.write_bytes(b"this is not sqlite at all" * 100)
    database = open_database(path)
    aside = list(tmp_path.glob("kiosk.db.corrupt-*"))
    assert len(aside) == 1 and aside[0].read_bytes().startswith(b"this is not sqlite")
    assert "damaged" in database.notices[0] and aside[0].name in database.notices[0]
    import_catalogue(database, mini_catalogue_data)  # the new database works
    assert len(Catalogue(database)) == 5


def test_damaged_pages_are_detected(tmp_path, mini_catalogue_data):
    path = tmp_path / "kiosk.db"
    database = open_database(path)
    import_catalogue(database, mini_catalogue_data)
    database.close()
    con = sqlite3.connect(path)
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.close()
    raw = bytearray(path.read_bytes())
    for i in range(4096 + 100, min(len(raw), 4096 * 4)):  # scribble over the pages after the header page
        raw[i] = 0xA5
    path.write_bytes(bytes(raw))
    reopened = open_database(path)
    assert reopened.notices, "a damaged database must be reported"
    assert list(tmp_path.glob("kiosk.db.corrupt-*"))


def test_migration_history_has_one_head(db):
    """Parallel branches must be merged, so every kiosk ends on the same single version."""
    from alembic.config import Config as AlembicConfig
    from alembic.script import ScriptDirectory

    from kiosk.storage.db import MIGRATIONS_DIR

    cfg = AlembicConfig()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    heads = ScriptDirectory.from_config(cfg).get_heads()
    assert len(heads) == 1
    with db.engine.connect() as conn:
        assert [r[0] for r in conn.execute(text("SELECT version_num FROM alembic_version"))] == heads
