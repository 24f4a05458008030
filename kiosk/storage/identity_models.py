"""Tables for the staff key: synced argon2id verifiers (never PINs) and wrong-PIN lockouts."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from kiosk.storage.models import Base, UTCDateTime


class StaffVerifierRecord(Base):
    """One staff member of this site, as the backend last sent them."""

    __tablename__ = "staff_verifiers"

    staff_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    card_hash: Mapped[str] = mapped_column(String(64), unique=True)   # keys.card_fingerprint()
    role: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(128))
    verifier: Mapped[str] = mapped_column(Text)                        # $argon2id$...
    synced_at: Mapped[datetime] = mapped_column(UTCDateTime)


class StaffLockoutRecord(Base):
    """Wrong PINs per card (also for unknown cards, so guessing cards is slow too)."""

    __tablename__ = "staff_lockouts"

    card_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    lockouts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime)
