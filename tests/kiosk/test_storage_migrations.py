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
