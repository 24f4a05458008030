"""The kiosk's models and its migrations (kiosk/storage/migrations) agree: a database
built by the migrations is what the models describe, so a model changed without a
revision fails here and not on a kiosk in the field (issue 13)."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect


def kiosk_metadata():
    import kiosk.storage.booking_models  # noqa: F401  (tables of their own modules)
    import kiosk.storage.identity_models  # noqa: F401
    import kiosk.storage.queue_models  # noqa: F401
    from kiosk.storage.models import Base

    return Base.metadata


def test_models_and_migrations_agree(db):
    with db.engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"render_as_batch": True})
        assert compare_metadata(context, kiosk_metadata()) == []
        assert set(inspect(conn).get_table_names()) == set(kiosk_metadata().tables) | {"alembic_version"}


def test_the_migrations_have_one_head(db):
    from alembic.config import Config

    from kiosk.storage.db import MIGRATIONS_DIR

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    heads = ScriptDirectory.from_config(cfg).get_heads()
    assert len(heads) == 1, f"two revisions on one parent: add a merge revision ({heads})"
    with db.engine.connect() as conn:
        assert MigrationContext.configure(conn).get_current_revision() == heads[0]


def test_the_heads_read_without_alembic_are_alembics_heads(tmp_path):
    from alembic.config import Config

    from kiosk.storage.db import MIGRATIONS_DIR, head_revisions

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    assert head_revisions() == frozenset(ScriptDirectory.from_config(cfg).get_heads())
    # A branch point and a merge, as the history will have them when two revisions meet.
    versions = tmp_path / "versions"
    versions.mkdir()
    for name, down in (("a", None), ("b", "a"), ("c", "a"), ("m", ("b", "c")), ("d", "m"), ("e", "m")):
        (versions / f"{name}.py").write_text(f'revision = "{name}"\ndown_revision = {down!r}\n', encoding="utf-8")
    assert head_revisions(versions) == {"d", "e"}


def test_a_warm_start_opens_the_database_without_loading_alembic(tmp_path):
    """Alembic costs about a third of a second of a start; a database at the newest
    revision needs none of it. A database behind it still migrates."""
    import subprocess
    import sys

    from kiosk.storage.db import open_database

    open_database(tmp_path / "kiosk.db").close()  # new: migrated
    probe = ("import sys; from pathlib import Path; from kiosk.storage.db import open_database; "
             f"open_database(Path({str(tmp_path / 'kiosk.db')!r})).close(); "
             "print('alembic' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False", out.stderr
    # A database one revision behind (made by the migrations up to the head's parent): the
    # start migrates it, and that does load Alembic.
    from alembic import command
    from alembic.config import Config
    from alembic.script import ScriptDirectory
    from sqlalchemy import create_engine

    from kiosk.storage.db import MIGRATIONS_DIR

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    (head,) = ScriptDirectory.from_config(cfg).get_heads()
    parent = ScriptDirectory.from_config(cfg).get_revision(head).down_revision
    older = tmp_path / "older"
    older.mkdir()
    engine = create_engine(f"sqlite:///{older / 'kiosk.db'}")
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, parent)
    engine.dispose()
    probe = probe.replace(str(tmp_path / "kiosk.db"), str(older / "kiosk.db"))
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert out.returncode == 0 and out.stdout.strip() == "True", out.stderr
    import sqlite3
    with sqlite3.connect(older / "kiosk.db") as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [(head,)]
