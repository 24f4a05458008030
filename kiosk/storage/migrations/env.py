"""Alembic environment: run against the connection handed in by kiosk.storage.db.migrate."""

from alembic import context

import kiosk.storage.queue_models  # noqa: F401  (tables for autogenerate)
import kiosk.storage.identity_models  # noqa: F401  (tables for autogenerate)
import kiosk.storage.booking_models  # noqa: F401  (tables for autogenerate)
from kiosk.storage.models import Base

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
