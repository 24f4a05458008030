"""Booking tables on the kiosk (issue 5). Kept apart from models.py so each area's schema reads on its own."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from kiosk.storage.models import Base, UTCDateTime


class BookingRecord(Base):
    """One booking made at this kiosk, or one of its site's bookings pulled from the backend
    (``origin`` "site": made at another kiosk, on the phone or the web) so that check-in works
    offline for it. ``id`` is the id of its ``booking`` outbox item, so the backend stores it
    once whichever way it travels (online at once, or later), and a pulled booking the kiosk
    made itself is the same row."""

    __tablename__ = "bookings"
    __table_args__ = (Index("ix_bookings_subject", "subject_key", "starts_at"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    ref: Mapped[str] = mapped_column(String(16))  # short, for people to read aloud
    # A keyed hash of the resident's pseudonymous subject: enough to show them their own
    # bookings, nothing a reader of the file could turn back into a person.
    subject_key: Mapped[str] = mapped_column(String(64))
    service_id: Mapped[str] = mapped_column(String(64))
    channel_id: Mapped[str] = mapped_column(String(64))
    slot_id: Mapped[str] = mapped_column(String(64))
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime)  # UTC
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime)
    state: Mapped[str] = mapped_column(String(16))  # created, requested, confirmed, denied, cancelled
    route: Mapped[str] = mapped_column(String(16))  # online, allotted (kiosk share, offline), request
    language: Mapped[str] = mapped_column(String(2))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
    reason: Mapped[str | None] = mapped_column(String(32))  # why denied
    cancel_item_id: Mapped[str | None] = mapped_column(String(36))
    # Arrival for the booked time (issue 17, kiosk/checkin.py): arrived, late (waits for the
    # nurse), accepted (late, let in by the nurse) or no_show; empty until then.
    arrival: Mapped[str | None] = mapped_column(String(16))
    arrived_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    ticket_id: Mapped[str | None] = mapped_column(String(36))
    # "own" (made here) or "site" (pulled, kiosk/booking.py refresh_site_bookings). A pulled
    # row's subject_key is the backend's keyed hash of the booker's subject under
    # subject_mac_key (kiosk.booking.site_subject_mac), or empty when the backend has none.
    origin: Mapped[str] = mapped_column(String(8), default="own", server_default="own")
    subject_mac_key: Mapped[str | None] = mapped_column(String(64))


class SlotAllotmentRecord(Base):
    """Places of a slot the backend set aside for this kiosk: confirmable here, even offline."""

    __tablename__ = "slot_allotments"

    slot_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    service_id: Mapped[str] = mapped_column(String(64))
    places: Mapped[int] = mapped_column(Integer)
    used: Mapped[int] = mapped_column(Integer)  # by bookings the backend has or this kiosk made
    usable_until: Mapped[datetime] = mapped_column(UTCDateTime)
