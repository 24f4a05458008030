"""Announcement tests use the participation tests' real parts: the reference backend as
its own process on 127.0.0.1 (SQLite or PostgreSQL) and kiosks with their own database
and sync worker."""

from tests.participation.conftest import make_kiosk  # noqa: F401
