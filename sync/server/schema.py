"""The reference backend's schema: Alembic migrations in sync/server/migrations.

``upgrade(engine)`` brings a database to the newest revision: a new one is built from
nothing, one made by ``create_all`` before there were migrations (today's deployments)
is adopted (revision 0001 adds what it lacks, then it is checked against the models
and recorded), one already migrated gets the revisions it has not had. Run by
``welfare-backend init-db`` / ``upgrade`` and at every start (``store.open_store``);
several processes starting at once take turns (an advisory lock on PostgreSQL, the
write lock on SQLite).

A developer adds a revision with ``python -m sync.server.schema revision -m "what"``
(docs/migrations.md).
"""

from __future__ import annotations

import argparse
import logging
import sys
import tempfile
import warnings
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, inspect, text

import sync.server.console.models  # noqa: F401  (the console's tables: part of the metadata compared)
from sync.server.models import Base

log = logging.getLogger(__name__)

# Any table every create_all database had: its presence without Alembic's version table
# means "made before migrations".
_ADOPT_MARK = "items"
# pg_advisory_xact_lock key for "one migration at a time" (any constant; "wkmg" in ASCII).
_LOCK_KEY = 0x776B6D67


class SchemaMismatch(RuntimeError):
    """The database's tables differ from what the migrations make: nothing was recorded."""


@dataclass(frozen=True)
class Upgrade:
    before: str | None  # the revision the database had (None: none, i.e. new or adopted)
    after: str
    adopted: bool  # made by create_all before migrations, now recorded

    def describe(self) -> str:
        if self.adopted:
            return f"database made before migrations adopted, now at {self.after}"
        if self.before == self.after:
            return f"database already at {self.after}"
        return f"database upgraded from {self.before or 'empty'} to {self.after}"


def _config(connection: Connection | None = None):
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(resources.files("sync.server") / "migrations"))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def head() -> str:
    from alembic.script import ScriptDirectory

    heads = ScriptDirectory.from_config(_config()).get_heads()
    if len(heads) != 1:  # two revisions on the same parent: docs/migrations.md says how to merge
        raise SchemaMismatch(f"the backend migrations have {len(heads)} heads ({', '.join(sorted(heads))}); "
                             "add a merge revision")
    return heads[0]


def current(conn: Connection) -> str | None:
    from alembic.migration import MigrationContext

    return MigrationContext.configure(conn).get_current_revision()


def differences(conn: Connection) -> list:
    """What autogenerate would change to make the database match the models ([] = equal).
    Expression indexes are left out on SQLite, which cannot reflect them."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=".*expression-based index.*")
        return compare_metadata(MigrationContext.configure(conn, opts={"render_as_batch": True}), Base.metadata)


def upgrade(engine: Engine) -> Upgrade:
    from alembic import command

    with engine.begin() as conn:  # SQLite: BEGIN IMMEDIATE (store.make_engine), one writer at a time
        if conn.dialect.name == "postgresql":
            conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": _LOCK_KEY})
        before = current(conn)
        adopted = before is None and inspect(conn).has_table(_ADOPT_MARK)
        if adopted:
            log.warning("the backend database has tables but no migration record: adopting it")
        command.upgrade(_config(conn), "heads")
        after = current(conn)
        if adopted:
            diff = differences(conn)
            if diff:
                # Raising rolls the transaction back: the database stays as it was.
                raise SchemaMismatch("the existing database differs from the backend's tables in ways the "
                                     "migrations cannot adopt; nothing was changed: "
                                     + "; ".join(map(str, diff[:20])))
    return Upgrade(before, after, adopted)


def _new_revision(message: str) -> int:
    """Autogenerate a revision against a scratch SQLite database at the newest revision."""
    from alembic import command

    with tempfile.TemporaryDirectory() as tmp:
        engine = create_engine(f"sqlite:///{Path(tmp) / 'scratch.db'}")
        upgrade(engine)
        with engine.begin() as conn:
            cfg = _config(conn)
            # Written into the source tree (not an installed copy): run from the repository.
            cfg.set_main_option("script_location", str(Path(__file__).with_name("migrations")))
            cfg.set_main_option("file_template", "%%(rev)s")  # 0002_console_sessions.py
            number = len(list(Path(__file__).with_name("migrations").joinpath("versions").glob("[0-9]*.py"))) + 1
            slug = "_".join("".join(ch if ch.isalnum() else " " for ch in message.lower()).split())[:27]  # alembic_version holds 32 characters
            with warnings.catch_warnings():
                warnings.filterwarnings("ignore", message=".*expression-based index.*")
                command.revision(cfg, message=message, autogenerate=True, rev_id=f"{number:04d}_{slug}")
        engine.dispose()
    print("review the new file: expression indexes (SQLite cannot compare them) and data moves are yours to write")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m sync.server.schema",
                                     description="The reference backend's migrations (for developers).")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("revision", help="autogenerate a new revision from the models")
    p.add_argument("-m", "--message", required=True)
    sub.add_parser("heads", help="print the newest revision")
    args = parser.parse_args(argv)
    if args.command == "revision":
        return _new_revision(args.message)
    print(head())
    return 0


if __name__ == "__main__":
    sys.exit(main())
