"""SQLAlchemy 2 typed models for the kiosk's local database.

Multilingual text is stored as a JSON object ``{"fi": ..., "sv": ..., "en": ...}``;
rows are turned into plain domain objects (``kiosk.catalogue.domain``) before they
reach the UI.
"""

from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import JSON, Boolean, DateTime, ForeignKey, Index, Integer, String, Text, TypeDecorator
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


# Set in ``session.info`` by code that removes personal data (kiosk/outbox.py): after
# that session commits, the old copies are wiped from disk (db.Database.wipe_freed).
# Here, not in db.py, so the outbox needs nothing of db.py (db -> recovery -> outbox).
PERSONAL_DATA_REMOVED = "personal_data_removed"


class Base(DeclarativeBase):
    pass


class UTCDateTime(TypeDecorator):
    """A point in time, stored in UTC and handed back aware of it.

    SQLite keeps no time zone: without this every reader would get naive datetimes
    and have to remember to mark them UTC (and a non-UTC value would be stored as if
    it were UTC). Same column in the database as ``DateTime(timezone=True)``."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is not None and value.tzinfo is not None:
            value = value.astimezone(timezone.utc)
        return value

    def process_result_value(self, value, dialect):
        if value is not None and value.tzinfo is None:
            value = value.replace(tzinfo=timezone.utc)
        return value


class ProviderRecord(Base):
    __tablename__ = "providers"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    names: Mapped[dict] = mapped_column(JSON)
    sector: Mapped[str] = mapped_column(String(16))  # public / private / third_sector
    organiser_type: Mapped[str] = mapped_column(String(32))
    business_id: Mapped[str | None] = mapped_column(String(16))
    contact: Mapped[dict] = mapped_column(JSON, default=dict)
    accepts_vouchers: Mapped[bool] = mapped_column(Boolean, default=False)


class ServiceProducerRecord(Base):
    __tablename__ = "service_producers"

    service_id: Mapped[str] = mapped_column(ForeignKey("services.id", ondelete="CASCADE"), primary_key=True)
    provider_id: Mapped[str] = mapped_column(ForeignKey("providers.id", ondelete="RESTRICT"), primary_key=True)


class ServiceRecord(Base):
    __tablename__ = "services"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    names: Mapped[dict] = mapped_column(JSON)
    short_descriptions: Mapped[dict] = mapped_column(JSON)
    descriptions: Mapped[dict] = mapped_column(JSON)
    user_instructions: Mapped[dict] = mapped_column(JSON, default=dict)
    goal: Mapped[dict] = mapped_column(JSON, default=dict)
    content: Mapped[dict] = mapped_column(JSON, default=dict)
    outputs: Mapped[dict] = mapped_column(JSON, default=dict)
    quality: Mapped[dict] = mapped_column(JSON, default=dict)
    charge_type: Mapped[str] = mapped_column(String(16))  # free / charged / voucher
    price_text: Mapped[dict] = mapped_column(JSON, default=dict)
    target_groups: Mapped[list] = mapped_column(JSON, default=list)
    life_events: Mapped[list] = mapped_column(JSON, default=list)
    service_classes: Mapped[list] = mapped_column(JSON, default=list)
    keywords: Mapped[dict] = mapped_column(JSON, default=dict)
    languages: Mapped[list] = mapped_column(JSON, default=list)
    responsible_provider_id: Mapped[str] = mapped_column(ForeignKey("providers.id", ondelete="RESTRICT"), index=True)

    channels: Mapped[list[ChannelRecord]] = relationship(back_populates="service", cascade="all, delete-orphan",
                                                         order_by="ChannelRecord.id")
    producers: Mapped[list[ServiceProducerRecord]] = relationship(cascade="all, delete-orphan")


class ChannelRecord(Base):
    __tablename__ = "channels"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    service_id: Mapped[str] = mapped_column(ForeignKey("services.id", ondelete="CASCADE"), index=True)
    kind: Mapped[str] = mapped_column(String(16))  # visit / video / phone / web / walk_in
    names: Mapped[dict] = mapped_column(JSON, default=dict)
    address: Mapped[dict] = mapped_column(JSON, default=dict)
    phone: Mapped[str | None] = mapped_column(String(32))
    url: Mapped[str | None] = mapped_column(String(512))
    opening_hours: Mapped[dict] = mapped_column(JSON, default=dict)
    accessibility: Mapped[dict] = mapped_column(JSON, default=dict)
    languages: Mapped[list] = mapped_column(JSON, default=list)
    # The service's rule for arriving for a booked time: {"early_min", "late_min"} or empty
    # (the kiosk's [queue] checkin_early_min/checkin_late_min apply), issue 17.
    checkin: Mapped[dict | None] = mapped_column(JSON, default=dict)

    service: Mapped[ServiceRecord] = relationship(back_populates="channels")


class SlotRecord(Base):
    __tablename__ = "slots"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    channel_id: Mapped[str] = mapped_column(ForeignKey("channels.id", ondelete="CASCADE"), index=True)
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)  # stored in UTC
    ends_at: Mapped[datetime] = mapped_column(UTCDateTime)
    capacity: Mapped[int] = mapped_column(Integer, default=1)
    booked: Mapped[int] = mapped_column(Integer, default=0)


class CatalogueMetaRecord(Base):
    """Facts about the catalogue copy in use: where it came from and when."""

    __tablename__ = "catalogue_meta"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


# -- sync (issue 3): the outbox, its audit trail, sync state and the catalogue mirror --

class OutboxItem(Base):
    """A change that must reach the city backend exactly once (see kiosk/outbox.py)."""

    __tablename__ = "outbox_items"
    # The sending order (kiosk/outbox.py: pending_for_sending, oldest pending): a range scan
    # instead of sorting every pending row per batch, so a drain stays linear in its size.
    __table_args__ = (Index("ix_outbox_items_state_order", "state", "created_at", "id"),)

    id: Mapped[str] = mapped_column(String(36), primary_key=True)  # UUID made on the kiosk
    kind: Mapped[str] = mapped_column(String(32))
    payload: Mapped[dict] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    state: Mapped[str] = mapped_column(String(16), index=True)  # pending / quarantined / delivered
    reason: Mapped[str | None] = mapped_column(String(64))  # why the backend rejected it
    detail: Mapped[str | None] = mapped_column(Text)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_attempt_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    delivered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)


class OutboxAuditRecord(Base):
    """Staff retries and discards of quarantined items: who, when, what."""

    __tablename__ = "outbox_audit"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    item_id: Mapped[str] = mapped_column(String(36), index=True)
    kind: Mapped[str] = mapped_column(String(32))
    action: Mapped[str] = mapped_column(String(16))  # retry / discard
    staff: Mapped[str] = mapped_column(String(64))
    reason: Mapped[str] = mapped_column(String(64), default="")
    payload: Mapped[dict | None] = mapped_column(JSON)  # a discarded item's content, personal fields removed


class SyncStateRecord(Base):
    """Small facts the sync worker keeps across restarts (cursor, last success, last error)."""

    __tablename__ = "sync_state"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class CatalogueEntryRecord(Base):
    """The catalogue as last received from the backend, entry by entry, so an incremental
    download can be checked as a whole document before it is applied."""

    __tablename__ = "catalogue_entries"

    kind: Mapped[str] = mapped_column(String(16), primary_key=True)  # provider / service / slot / question / idea
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    data: Mapped[dict] = mapped_column(JSON)
