"""The reference backend's tables, all of them (Alembic's autogenerate compares this
metadata with sync/server/migrations). Exactly-once rests on the primary key of ``items``."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ARRAY, JSON, Boolean, DateTime, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.ext.compiler import compiles
from sqlalchemy import any_, cast, literal
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column
from sqlalchemy.sql.functions import FunctionElement


class Base(DeclarativeBase):
    pass


class Site(Base):
    __tablename__ = "sites"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    # Last catalogue change number handed out for this site (the cursor's source).
    catalogue_seq: Mapped[int] = mapped_column(Integer, default=0)


class EnrolmentCode(Base):
    __tablename__ = "enrolment_codes"

    code_hash: Mapped[str] = mapped_column(String(64), primary_key=True)  # sha256; the code itself is never stored
    site_id: Mapped[str] = mapped_column(ForeignKey("sites.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    used_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    device_id: Mapped[str | None] = mapped_column(String(36))


class EnrolmentRetry(Base):
    """Who used a code, so that the same kiosk asking again with it (its answer was lost)
    gets the same device back within ``store.ENROL_RETRY_WINDOW``. Only hashes are kept."""

    __tablename__ = "enrolment_retries"

    code_hash: Mapped[str] = mapped_column(ForeignKey("enrolment_codes.code_hash"), primary_key=True)
    request_hash: Mapped[str] = mapped_column(String(64))  # sha256 of the kiosk's enrolment request id
    device_id: Mapped[str] = mapped_column(String(36))
    enrolled_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class Device(Base):
    __tablename__ = "devices"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    site_id: Mapped[str] = mapped_column(ForeignKey("sites.id"), index=True)
    name: Mapped[str] = mapped_column(String(64))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    enrolled_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    last_seen_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    heartbeat: Mapped[dict | None] = mapped_column(JSON)  # the last heartbeat as sent


class _PayloadText(FunctionElement):
    """One text field of an item's JSON payload, spelled the same in queries and in the
    index on it (a bound JSON path would not match the index)."""
    type = String()
    inherit_cache = True
    field = ""


class ticket_id_of(_PayloadText):  # noqa: N801  (reads as a SQL function)
    field = "ticket_id"
    inherit_cache = True


class day_of(_PayloadText):  # noqa: N801
    field = "day"
    inherit_cache = True


class slot_id_of(_PayloadText):  # noqa: N801
    field = "slot_id"
    inherit_cache = True


@compiles(_PayloadText)
@compiles(_PayloadText, "sqlite")
def _payload_text_sqlite(element, compiler, **kw) -> str:
    return f"json_extract({compiler.process(element.clauses, **kw)}, '$.{element.field}')"


@compiles(_PayloadText, "postgresql")
def _payload_text_postgresql(element, compiler, **kw) -> str:
    return f"({compiler.process(element.clauses, **kw)} ->> '{element.field}')"


class Item(Base):
    """One outbox item, stored once: the primary key is the id the kiosk made."""

    __tablename__ = "items"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    device_id: Mapped[str] = mapped_column(ForeignKey("devices.id"), index=True)
    site_id: Mapped[str] = mapped_column(String(64), index=True)
    kind: Mapped[str] = mapped_column(String(32), index=True)
    content_hash: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))  # on the kiosk
    received_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    payload: Mapped[dict] = mapped_column(JSON)

    # A resident's phone looks its queue ticket up by id every 20 s, and the page then
    # reads that site's day: both indexed, so neither reads the whole queue history.
    __table_args__ = (Index("ix_items_queue_ticket_id", ticket_id_of(payload)),
                      Index("ix_items_queue_day", "site_id", "kind", day_of(payload)),
                      # Every kiosk asks for its site's bookings of two days at each sync (issue 17).
                      Index("ix_items_booking_slot", "site_id", "kind", slot_id_of(payload)))


class Slot(Base):
    """A bookable time; ``booked`` only changes through a conditional UPDATE (no overbooking)."""

    __tablename__ = "slots"

    site_id: Mapped[str] = mapped_column(ForeignKey("sites.id"), primary_key=True)
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    channel_id: Mapped[str] = mapped_column(String(64))
    service_id: Mapped[str] = mapped_column(String(64))
    starts_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    ends_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    capacity: Mapped[int] = mapped_column(Integer)
    booked: Mapped[int] = mapped_column(Integer, default=0)


class CatalogueEntry(Base):
    """One provider, service (with its channels) or slot of a site, as served to kiosks.

    ``seq`` is the site's change number when this entry last changed; a deletion keeps
    the row with ``deleted`` so kiosks that pull later learn of it.
    """

    __tablename__ = "catalogue_entries"

    site_id: Mapped[str] = mapped_column(ForeignKey("sites.id"), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16), primary_key=True)
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    seq: Mapped[int] = mapped_column(Integer)
    deleted: Mapped[bool] = mapped_column(Boolean, default=False)
    data: Mapped[dict | None] = mapped_column(JSON)

    __table_args__ = (Index("ix_catalogue_entries_site_seq", "site_id", "seq"),)


class BookingCancellation(Base):
    """At most one cancellation per booking: the primary key makes a second one fail,
    so a slot's place is given back once even when two cancellations race."""

    __tablename__ = "booking_cancellations"

    booking_item_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    cancel_item_id: Mapped[str] = mapped_column(String(36))


class BookingAttendance(Base):
    """Whether the person came for a booked time (issue 17): one row per booking, the
    newest of its check-in events (arrived, arrived_late, late_accepted, no_show). The
    report counts no-shows from here."""

    __tablename__ = "booking_attendance"

    booking_item_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    site_id: Mapped[str] = mapped_column(String(64), index=True)
    service_id: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(16))
    starts_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    last_item_id: Mapped[str] = mapped_column(String(36))


class AuditEvent(Base):
    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    event: Mapped[str] = mapped_column(String(32))
    detail: Mapped[str] = mapped_column(Text, default="")


class BookingShare(Base):
    """How many places of each slot of a service the backend hands every kiosk of a site
    in advance, so that the kiosk can confirm them on the spot even offline."""

    __tablename__ = "booking_shares"

    site_id: Mapped[str] = mapped_column(ForeignKey("sites.id"), primary_key=True)
    service_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    places_per_slot: Mapped[int] = mapped_column(Integer)
    days_ahead: Mapped[int] = mapped_column(Integer)


class SlotAllotment(Base):
    """Places of one slot set aside for one kiosk. They count in ``slots.booked`` from
    the moment they are allotted, so nobody else can take them; a booking from that
    kiosk uses one (``used``) instead of taking a new place."""

    __tablename__ = "slot_allotments"

    site_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    slot_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    device_id: Mapped[str] = mapped_column(ForeignKey("devices.id"), primary_key=True)
    places: Mapped[int] = mapped_column(Integer)
    used: Mapped[int] = mapped_column(Integer, default=0)


class BookingDenial(Base):
    """A booking request the backend could not grant (e.g. the time was taken while the
    kiosk was offline): kept so the resident's phone and staff can see the outcome."""

    __tablename__ = "booking_denials"

    item_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    device_id: Mapped[str] = mapped_column(String(36))
    site_id: Mapped[str] = mapped_column(String(64), index=True)
    slot_id: Mapped[str] = mapped_column(String(64))
    service_id: Mapped[str] = mapped_column(String(64))
    reason: Mapped[str] = mapped_column(String(32))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class ItemRejection(Base):
    """A final refusal of an item: the answer it gets for ever, however often it is sent
    again (issue 12). Only decisions are kept (a booking denied, a cancellation that came
    second); a refusal because the backend lacked something (a service missing from the
    catalogue, a booking not arrived yet) is looked at afresh, so Resend delivers the item
    once that is fixed."""

    __tablename__ = "item_rejections"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    device_id: Mapped[str] = mapped_column(String(36))
    kind: Mapped[str] = mapped_column(String(32))
    content_hash: Mapped[str] = mapped_column(String(64))
    reason: Mapped[str] = mapped_column(String(32))
    detail: Mapped[str] = mapped_column(Text, default="")
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


# -- identity (issue 4; rules in sync/server/identity.py) ----------------------------------

class ResidentCard(Base):
    """A resident's card: a pseudonymous subject, a name to greet with, a PIN verifier."""

    __tablename__ = "resident_cards"

    card_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    subject: Mapped[str] = mapped_column(String(128), unique=True)
    name: Mapped[str] = mapped_column(String(128))
    pin_verifier: Mapped[str] = mapped_column(Text)
    # What staff checked at card issue that participation eligibility reads (birthdate,
    # municipality, resident_district): a card has no provider to ask (issue 14).
    claims: Mapped[dict | None] = mapped_column(JSON, nullable=True)


class CardLockout(Base):
    __tablename__ = "card_lockouts"

    card_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    lockouts: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class StaffMember(Base):
    __tablename__ = "staff_members"

    site_id: Mapped[str] = mapped_column(ForeignKey("sites.id"), primary_key=True)
    staff_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    card_hash: Mapped[str] = mapped_column(String(64))
    role: Mapped[str] = mapped_column(String(16))
    name: Mapped[str] = mapped_column(String(128))
    pin_verifier: Mapped[str] = mapped_column(Text)

    __table_args__ = (UniqueConstraint("site_id", "card_hash", name="uq_staff_card_per_site"),)


class OidcProviderSetting(Base):
    """The OpenID provider for the phone key; ``site_id`` "*" is the city-wide default."""

    __tablename__ = "oidc_providers"

    site_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    issuer: Mapped[str] = mapped_column(String(300))
    client_id: Mapped[str] = mapped_column(String(200))
    scope: Mapped[str] = mapped_column(String(200))


# -- participation (issue 14; rules in kiosk/participation.py, storage in sync/server/participation.py) --
# The register of who has voted and the ballots are separate tables with no column in
# common but the question: see docs/participation.md for what links them and what not.

class ParticipationQuestion(Base):
    """A poll, budgeting round or idea collection as the city authored it."""

    __tablename__ = "participation_questions"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    data: Mapped[dict] = mapped_column(JSON)  # the authoring form, kiosk/participation.parse_question
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    finalised_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))


class ParticipationSecret(Base):
    """The per-question key of the voter pseudonyms; erased when the question is finalised."""

    __tablename__ = "participation_secrets"

    question_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    secret: Mapped[str] = mapped_column(String(64))


class ParticipationSiteDistrict(Base):
    """Which district a site (its kiosks) is in, so district questions reach it."""

    __tablename__ = "participation_site_districts"

    site_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    district: Mapped[str] = mapped_column(String(64))


class VoterRegister(Base):
    """Who has voted, as a keyed pseudonym: the primary key is the one-vote rule."""

    __tablename__ = "participation_register"

    question_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    pseudonym: Mapped[str] = mapped_column(String(64), primary_key=True)  # HMAC(secret, subject)
    item_id: Mapped[str] = mapped_column(String(36))  # the vote that counts now (its receipt)
    cast_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    site_id: Mapped[str] = mapped_column(String(64))
    channel: Mapped[str] = mapped_column(String(16))  # kiosk / staff (authorised in person)


class Ballot(Base):
    """What was chosen: no pseudonym, device, site or time. ``ballot_key`` exists only
    for questions where a later vote replaces the earlier one, and is erased at finalising."""

    __tablename__ = "participation_ballots"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)  # random, not in order of arrival
    question_id: Mapped[str] = mapped_column(String(64), index=True)
    ballot_key: Mapped[str | None] = mapped_column(String(64))
    choices: Mapped[list] = mapped_column(JSON)
    why: Mapped[str | None] = mapped_column(Text)

    # Without SQLite's rowid the rows lie in the order of their random ids, not of arrival
    # (which the register's order would match).
    __table_args__ = (Index("ux_participation_ballots_key", "question_id", "ballot_key", unique=True),
                      {"sqlite_with_rowid": False})


class VoteReceipt(Base):
    """What happened to one vote, idea or support, for the resident's receipt page."""

    __tablename__ = "participation_receipts"

    item_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    question_id: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16))  # counted / replaced / superseded / rejected
    reason: Mapped[str | None] = mapped_column(String(32))


class OtherChannelBatch(Base):
    """Votes counted elsewhere (paper ballots, another system), added by the city."""

    __tablename__ = "participation_batches"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    question_id: Mapped[str] = mapped_column(String(64), index=True)
    channel: Mapped[str] = mapped_column(String(16))
    voters: Mapped[int] = mapped_column(Integer)
    counts: Mapped[dict] = mapped_column(JSON)  # option id -> votes
    note: Mapped[str] = mapped_column(Text, default="")
    added_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class ParticipationIdea(Base):
    """A resident's idea; shown to others only once approved."""

    __tablename__ = "participation_ideas"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)  # the outbox item id (the receipt)
    question_id: Mapped[str] = mapped_column(String(64), index=True)
    title: Mapped[str] = mapped_column(String(160))
    text: Mapped[str] = mapped_column(Text)
    category: Mapped[str] = mapped_column(String(64))
    district: Mapped[str] = mapped_column(String(64), default="")
    language: Mapped[str] = mapped_column(String(3), default="fi")
    status: Mapped[str] = mapped_column(String(16))  # proposed / approved / rejected / merged
    reason: Mapped[str | None] = mapped_column(Text)  # why rejected, shown on the receipt page
    merged_into: Mapped[str | None] = mapped_column(String(36))
    supports: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class IdeaSupportRegister(Base):
    """One support per person per idea: the primary key is the rule."""

    __tablename__ = "participation_idea_supports"

    idea_id: Mapped[str] = mapped_column(String(36), primary_key=True)
    pseudonym: Mapped[str] = mapped_column(String(64), primary_key=True)


# -- a query helper every module of the backend uses (here: below them all) --------------------
def one_of(s: Session, column, values):
    """``column IN values`` for a push's ids. PostgreSQL: ``= ANY(array)``, one parameter,
    so the statement text is the same for every batch size; an expanded IN list was
    rendered anew for each push and was the largest CPU cost of reading its answers."""
    if s.get_bind().dialect.name == "postgresql":
        return column == any_(cast(literal(list(values), ARRAY(String)), ARRAY(String)))
    return column.in_(list(values))


class AnnouncementRow(Base):
    """One notice as the city wrote it; ``sites`` empty means every site."""

    __tablename__ = "announcements"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    texts: Mapped[dict] = mapped_column(JSON)
    sites: Mapped[list] = mapped_column(JSON)
    starts_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    ends_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    priority: Mapped[str] = mapped_column(String(16))
    service_ids: Mapped[list] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    withdrawn_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


class CatalogueAddition(Base):
    """What the city added to a site's catalogue in the console (docs/console.md,
    "Catalogue"): voucher acceptance of a provider (kind ``provider``), a channel's note
    and extra bookable times (kind ``channel``). Kept beside the imported data and laid
    over every import of the site again, so a new PTV download never loses it."""

    __tablename__ = "catalogue_additions"

    site_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16), primary_key=True)
    target_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    data: Mapped[dict] = mapped_column(JSON)
    updated_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    updated_by: Mapped[str] = mapped_column(String(200), default="")


class CatalogueHistory(Base):
    """One change to a site's catalogue: an import (which entry, new, changed or retired,
    which fields) or a console edit; who and when."""

    __tablename__ = "catalogue_history"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    site_id: Mapped[str] = mapped_column(String(64), index=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    actor: Mapped[str] = mapped_column(String(200))       # the console's subject, or "import"
    actor_name: Mapped[str] = mapped_column(String(200), default="")
    kind: Mapped[str] = mapped_column(String(16))         # provider / service / slot / channel
    target_id: Mapped[str] = mapped_column(String(64))
    change: Mapped[str] = mapped_column(String(32))       # new / changed / retired / vouchers / note / slot_added / slot_removed / rule_slots
    detail: Mapped[str] = mapped_column(Text, default="")
