"""Walk-in queue tables. Kept apart from models.py so each area's schema reads on its own."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from kiosk.storage.models import Base, UTCDateTime


class QueueTicketRecord(Base):
    __tablename__ = "queue_tickets"
    __table_args__ = (
        # The number on a ticket is never reused on the same device and day, even after a crash.
        UniqueConstraint("day", "prefix", "number", name="uq_queue_ticket_number"),
        Index("ix_queue_tickets_waiting", "status", "line_id"),
    )

    id: Mapped[str] = mapped_column(String(36), primary_key=True)  # UUID made on the kiosk
    day: Mapped[str] = mapped_column(String(10))  # local date, ISO
    prefix: Mapped[str] = mapped_column(String(2))
    number: Mapped[int] = mapped_column(Integer)
    line_id: Mapped[str] = mapped_column(String(64))  # current line (a walk-in channel id)
    issued_line_id: Mapped[str] = mapped_column(String(64))
    priority: Mapped[int] = mapped_column(Integer, default=0)  # higher is served first
    status: Mapped[str] = mapped_column(String(16))  # waiting / called / serving / done / no_show
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime)
    called_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    first_called_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    room: Mapped[str | None] = mapped_column(String(32))
    called_by: Mapped[str | None] = mapped_column(String(64))
    recall_count: Mapped[int] = mapped_column(Integer, default=0)
    out_of_order_reason: Mapped[str | None] = mapped_column(String(32))
    # A checked-in appointment (issue 17, kiosk/checkin.py); empty for walk-ins.
    booking_id: Mapped[str | None] = mapped_column(String(36))
    appointment_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    counts_from: Mapped[datetime | None] = mapped_column(UTCDateTime)


class WalkInAppointmentRecord(Base):
    """A nurse's ad-hoc appointment. Codes and times only: no free-text health information."""

    __tablename__ = "walk_in_appointments"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)  # UUID, also the outbox item's payload id
    ticket_id: Mapped[str | None] = mapped_column(String(36))
    service_id: Mapped[str] = mapped_column(String(64))
    staff_id: Mapped[str] = mapped_column(String(64))
    subject: Mapped[str | None] = mapped_column(String(128))  # pseudonymous, only if the person identified
    started_at: Mapped[datetime] = mapped_column(UTCDateTime)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    outcome: Mapped[str | None] = mapped_column(String(24))
    follow_up_item_id: Mapped[str | None] = mapped_column(String(36))
