"""What every part of the reference backend needs about the calling kiosk: who it is
(``authenticate`` a device token) and how a request is refused as a whole
(``BackendError``). Below store, booking, queue and the routers, so those import it
without importing each other (issue 13: no import circles)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from sync.server.models import Device


class BackendError(Exception):
    """A request the backend refuses as a whole; ``code`` is one of protocol.ERRORS."""

    def __init__(self, code: str, message: str, status: int = 400):
        super().__init__(message)
        self.code, self.message, self.status = code, message, status


def sha256_hex(text: str) -> str:
    """How tokens and codes are kept: only their hash is stored."""
    return hashlib.sha256(text.encode()).hexdigest()


@dataclass(frozen=True)
class DeviceIdentity:
    id: str
    site: str


def authenticate(sessions: sessionmaker[Session], token: str | None) -> DeviceIdentity:
    if not token:
        raise BackendError("unauthorised", "missing device token (Authorization: Bearer ...)", 401)
    query = select(Device.id, Device.site_id, Device.revoked_at).where(Device.token_hash == sha256_hex(token))
    engine = sessions.kw["bind"]
    if engine.dialect.name == "postgresql":
        # Autocommit: one round trip on every request, not BEGIN, SELECT and ROLLBACK.
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            device = conn.execute(query).first()
    else:  # SQLite: its connections BEGIN IMMEDIATE (store.make_engine), so no write lock for a read here
        with sessions() as s:
            device = s.execute(query).first()
    if device is None:
        raise BackendError("unauthorised", "unknown device token", 401)
    if device.revoked_at is not None:
        raise BackendError("device_revoked", "this device has been revoked by IT; enrol it again with a new code", 403)
    return DeviceIdentity(device.id, device.site_id)
