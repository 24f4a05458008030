"""Alembic environment of the reference backend: run against the connection handed in
by sync.server.schema (``welfare-backend init-db`` / ``upgrade``, and every start)."""

from alembic import context

import sync.server.console.models  # noqa: F401  (the console's tables, on the same Base)
from sync.server.models import Base

connection = context.config.attributes["connection"]
# render_as_batch: SQLite cannot ALTER most things; batch mode copies the table there and
# is plain ALTER TABLE on PostgreSQL.
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
