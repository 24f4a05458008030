"""The outbox: every change that must reach the city, written in the same transaction
as the local change, with an id made here (a UUID) so the backend can store it once.

An item is *pending* until the backend acknowledges it (accepted or duplicate), then
*delivered* and its personal fields are purged. An item the backend rejects is
*quarantined* with the reason, shown to staff, and never blocks the rest. Nothing that
has not been delivered is ever deleted automatically: only staff discard it, and every
discard is written to the audit table.

This module is the kiosk's side and knows nothing of HTTP; ``sync/`` carries the items.
Item kinds and their payloads are declared here once, so a bad payload fails at
``record()`` (while the caller can still tell the person) and the wire protocol
(``sync/protocol.py``) reuses the very same checks.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any, Callable, Iterable

from sqlalchemy import and_, func, or_, select, update
from sqlalchemy.orm import Session

from kiosk.participation_items import ITEM_KIND_SPECS as _PARTICIPATION_KINDS
from kiosk.storage.models import PERSONAL_DATA_REMOVED, OutboxAuditRecord, OutboxItem
from kiosk.values import is_time_field, json_value_problems, time_problem

PENDING, QUARANTINED, DELIVERED = "pending", "quarantined", "delivered"
STATES = (PENDING, QUARANTINED, DELIVERED)

MAX_PAYLOAD_BYTES = 16_384
_TEXT_MAX = 2_000


class OutboxError(ValueError):
    """A payload that cannot be recorded, with a message naming the field."""


# -- item kinds -------------------------------------------------------------------------
_str, _int, _bool, _num = str, int, bool, (int, float)


@dataclass(frozen=True)
class ItemKind:
    name: str
    required: dict[str, Any]
    optional: dict[str, Any] = field(default_factory=dict)
    # Fields that identify or could identify a person: purged locally after delivery.
    personal: frozenset[str] = frozenset()
    # Open kinds accept further scalar fields (e.g. the queue's ticket snapshot).
    open: bool = False
    checks: tuple[Callable[[dict], str | None], ...] = ()
    # Rejections that are final (a vote that did not count): the personal fields go at
    # once instead of waiting on the kiosk for staff to discard the item. Other rejections
    # keep the item whole, so Resend can still deliver it.
    purge_when_rejected: frozenset[str] = frozenset()


def _range(key: str, lo: int, hi: int) -> Callable[[dict], str | None]:
    def check(p: dict) -> str | None:
        v = p.get(key)
        if v is not None and not lo <= v <= hi:
            return f"{key}: {v!r} is not from {lo} to {hi}"
        return None
    return check


def _iso_time(key: str) -> Callable[[dict], str | None]:
    def check(p: dict) -> str | None:
        v = p.get(key)
        if v is None:
            return None
        try:
            if datetime.fromisoformat(v).tzinfo is None:
                return f"{key}: {v!r} has no UTC offset"
        except ValueError:
            return f"{key}: {v!r} is not a time like 2026-12-01T09:00:00+02:00"
        return None
    return check


def _one_of(key: str, values: tuple[str, ...]) -> Callable[[dict], str | None]:
    def check(p: dict) -> str | None:
        v = p.get(key)
        if v is not None and v not in values:
            return f"{key}: {v!r} is not one of {', '.join(values)}"
        return None
    return check


# Which place a booking takes: one the backend set aside for this kiosk (its share, the
# kiosk may confirm it on the spot, even offline), or one open to everyone. Without it
# (kiosks before issue 12) the backend uses the kiosk's share first.
PLACE_SHARE, PLACE_OPEN = "share", "open"

ITEM_KINDS: dict[str, ItemKind] = {k.name: k for k in (
    ItemKind("booking", {"slot_id": _str, "service_id": _str},
             {"channel_id": _str, "subject": _str, "phone": _str, "language": _str, "booking_ref": _str,
              "place": _str},
             personal=frozenset({"subject", "phone"}), checks=(_one_of("place", (PLACE_SHARE, PLACE_OPEN)),)),
    ItemKind("booking_cancel", {"booking_item_id": _str}, {"subject": _str, "reason": _str},
             personal=frozenset({"subject"})),
    # Feedback never carries identity; the free comment may still name someone, so it
    # is purged locally once the city has it.
    ItemKind("feedback", {"service_id": _str, "smiley": _int},
             {"provider_id": _str, "nps": _int, "comment": _str, "channel_id": _str, "context": _str,
              "answer_id": _str},
             personal=frozenset({"comment"}), checks=(_range("smiley", 1, 4), _range("nps", 0, 10))),
    # The optional second step of a feedback answer (kiosk/feedback.py), tied to it by answer_id.
    ItemKind("feedback_details", {"answer_id": _str, "service_id": _str}, {"nps": _int, "comment": _str},
             personal=frozenset({"comment"}), checks=(_range("nps", 0, 10),)),
    ItemKind("walk_in_appointment", {"service_id": _str, "started_at": _str, "outcome": _str},
             {"ended_at": _str, "ticket_id": _str, "subject": _str, "staff_id": _str, "follow_up_item_id": _str},
             personal=frozenset({"subject"}), open=True,
             checks=(_iso_time("started_at"), _iso_time("ended_at"))),
    ItemKind("queue_ticket", {"ticket_id": _str, "event": _str}, open=True),
    # Arrival for a booked time, a late arrival the nurse let in, a no-show (kiosk/checkin.py).
    ItemKind("booking_checkin", {"booking_item_id": _str, "event": _str},
             {"service_id": _str, "channel_id": _str, "starts_at": _str, "at": _str, "ticket_id": _str,
              "staff_id": _str},
             checks=(_one_of("event", ("arrived", "arrived_late", "late_accepted", "no_show")),
                     _iso_time("starts_at"), _iso_time("at"))),
    # Votes, ideas and supports (kiosk/participation_items.py declares their fields).
    *(ItemKind(name, **spec) for name, spec in _PARTICIPATION_KINDS.items()),
    ItemKind("staff_audit", {"event": _str, "staff_id": _str}, {"at": _str, "detail": _str, "role": _str},
             open=True, checks=(_iso_time("at"),)),
)}


def _type_ok(value: Any, tp: Any) -> bool:
    if isinstance(value, bool) and tp is not bool:
        return False
    return isinstance(value, tp)


def payload_problems(kind: str, payload: Any) -> list[str]:
    """Every problem with a payload, each naming the field. Empty means valid."""
    spec = ITEM_KINDS.get(kind)
    if spec is None:
        return [f"kind: {kind!r} is not one of {', '.join(ITEM_KINDS)}"]
    if not isinstance(payload, dict):
        return ["payload: expected an object"]
    problems = []
    for key, tp in spec.required.items():
        if key not in payload or payload[key] is None:
            problems.append(f"{key}: missing")
        elif not _type_ok(payload[key], tp):
            problems.append(f"{key}: wrong type {type(payload[key]).__name__}")
    for key, value in payload.items():
        if not isinstance(key, str):
            problems.append(f"{key!r}: field names must be texts")
        elif key in spec.required:
            continue
        elif key in spec.optional:
            if value is not None and not _type_ok(value, spec.optional[key]):
                problems.append(f"{key}: wrong type {type(value).__name__}")
        elif not spec.open:
            problems.append(f"{key}: unknown field")
        elif value is not None and not isinstance(value, (str, int, float, bool)):
            problems.append(f"{key}: expected a text, number or true/false")
        if isinstance(value, str) and len(value) > _TEXT_MAX:
            problems.append(f"{key}: longer than {_TEXT_MAX} characters")
    if not problems:
        # The values themselves (finite numbers, real Unicode, times a kiosk can mean), by
        # the rule the backend applies to them too.
        problems += json_value_problems(payload, "payload")
        problems += [p for k, v in payload.items() if is_time_field(k) and v is not None
                     and (p := time_problem(k, v)) is not None]
    if not problems:
        problems += [p for check in spec.checks if (p := check(payload))]
    # Each text is at most _TEXT_MAX long, so only a payload with many fields can be too big.
    if not problems and len(payload) * (_TEXT_MAX + 64) > MAX_PAYLOAD_BYTES \
            and len(canonical_json(payload)) > MAX_PAYLOAD_BYTES:
        problems.append(f"payload: larger than {MAX_PAYLOAD_BYTES} bytes")
    return problems


def canonical_json(value: Any) -> bytes:
    """One spelling of a JSON value, so the same content always hashes the same."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False,
                      allow_nan=False).encode("utf-8")


# -- recording ---------------------------------------------------------------------------
def record(session: Session, kind: str, payload: dict, *, item_id: str | None = None,
           now: datetime | None = None) -> OutboxItem:
    """Add an item to the outbox inside the caller's transaction.

    Call it in the same ``with sessions.begin() as s:`` block as the local change, so
    either both are stored or neither. Raises OutboxError for a bad payload.
    """
    problems = payload_problems(kind, payload)
    if problems:
        raise OutboxError(f"cannot record {kind}: " + "; ".join(problems))
    item = OutboxItem(id=item_id or str(uuid.uuid4()), kind=kind, payload=json.loads(canonical_json(payload)),
                      created_at=now or datetime.now(timezone.utc), state=PENDING, attempts=0)
    session.add(item)
    return item


@dataclass(frozen=True)
class OutboxSummary:
    pending: int
    quarantined: int
    oldest_pending_at: datetime | None


def summary(session: Session) -> OutboxSummary:
    # Delivered rows pile up (their ids are kept); counting only the other two states reads
    # just their part of the (state, created_at, id) index, and the oldest is its first entry.
    counts = dict(session.execute(select(OutboxItem.state, func.count())
                                  .where(OutboxItem.state.in_((PENDING, QUARANTINED)))
                                  .group_by(OutboxItem.state)).all())
    oldest = session.scalar(select(OutboxItem.created_at).where(OutboxItem.state == PENDING)
                            .order_by(OutboxItem.created_at, OutboxItem.id).limit(1))
    if oldest is not None and oldest.tzinfo is None:
        oldest = oldest.replace(tzinfo=timezone.utc)
    return OutboxSummary(counts.get(PENDING, 0), counts.get(QUARANTINED, 0), oldest)


def pending_batch(session: Session, limit: int) -> list[OutboxItem]:
    """The oldest pending items, at most ``limit``."""
    return list(session.scalars(select(OutboxItem).where(OutboxItem.state == PENDING)
                                .order_by(OutboxItem.created_at, OutboxItem.id).limit(limit)))


def quarantined(session: Session) -> list[OutboxItem]:
    return list(session.scalars(select(OutboxItem).where(OutboxItem.state == QUARANTINED)
                                .order_by(OutboxItem.created_at, OutboxItem.id)))


def pending_for_sending(session: Session, limit: int, *, after: tuple[datetime, str] | None = None) -> list[dict]:
    """The oldest pending items as plain dicts {id, kind, created_at, payload}, ready to send;
    with ``after=(created_at, id)`` only those that come after that item (the next batch).

    Plain rows rather than ORM objects: the sync worker drains thousands of these, and
    it runs beside the GUI thread, so it should hold the interpreter as little as it can.
    """
    q = (select(OutboxItem.id, OutboxItem.kind, OutboxItem.created_at, OutboxItem.payload)
         .where(OutboxItem.state == PENDING).order_by(OutboxItem.created_at, OutboxItem.id).limit(limit))
    if after is not None:
        q = q.where(or_(OutboxItem.created_at > after[0],
                        and_(OutboxItem.created_at == after[0], OutboxItem.id > after[1])))
    rows = session.execute(q)
    return [{"id": r.id, "kind": r.kind, "payload": r.payload,
             "created_at": (r.created_at if r.created_at.tzinfo else r.created_at.replace(tzinfo=timezone.utc))
             .isoformat()} for r in rows]


_WITH_PERSONAL = tuple(k for k, spec in ITEM_KINDS.items() if spec.personal)


def mark_delivered(session: Session, item_ids: Iterable[str], *, now: datetime | None = None) -> int:
    """The backend has the items: purge their personal fields and take them out of the queue."""
    now = now or datetime.now(timezone.utc)
    ids = list(item_ids)
    if not ids:
        return 0
    # Only items of kinds that have personal fields need their payload rewritten.
    purged = []
    for r in session.execute(select(OutboxItem.id, OutboxItem.kind, OutboxItem.payload)
                             .where(OutboxItem.id.in_(ids), OutboxItem.state != DELIVERED,
                                    OutboxItem.kind.in_(_WITH_PERSONAL))):
        personal = ITEM_KINDS[r.kind].personal
        if personal & r.payload.keys():
            purged.append({"id": r.id, "payload": {k: v for k, v in r.payload.items() if k not in personal}})
    if purged:  # ORM bulk UPDATE by primary key: one executemany
        session.execute(update(OutboxItem), purged)
        session.info[PERSONAL_DATA_REMOVED] = True  # old copies are wiped from disk after the commit
    res = session.execute(update(OutboxItem).where(OutboxItem.id.in_(ids), OutboxItem.state != DELIVERED)
                          .values(state=DELIVERED, delivered_at=now, reason=None, detail=None)
                          .execution_options(synchronize_session=False))
    return res.rowcount


def quarantine(session: Session, item_id: str, reason: str, detail: str = "") -> None:
    item = session.get(OutboxItem, item_id)
    if item is not None and item.state == PENDING:
        item.state, item.reason, item.detail = QUARANTINED, reason, detail[:500]
        spec = ITEM_KINDS.get(item.kind)
        if spec is not None and reason in spec.purge_when_rejected:
            item.payload = {k: v for k, v in item.payload.items() if k not in spec.personal}
            session.info[PERSONAL_DATA_REMOVED] = True  # old copies are wiped from disk after the commit


def note_attempt(session: Session, item_ids: Iterable[str], *, now: datetime | None = None) -> None:
    session.execute(update(OutboxItem).where(OutboxItem.id.in_(list(item_ids)))
                    .values(attempts=OutboxItem.attempts + 1, last_attempt_at=now or datetime.now(timezone.utc))
                    .execution_options(synchronize_session=False))


def retry(session: Session, item_id: str, *, staff: str) -> None:
    """Staff send a quarantined item again (e.g. after the city fixed its catalogue)."""
    item = _quarantined(session, item_id)
    session.add(OutboxAuditRecord(at=datetime.now(timezone.utc), item_id=item.id, kind=item.kind,
                                  action="retry", staff=staff, reason=item.reason or ""))
    item.state, item.reason, item.detail = PENDING, None, None


def discard(session: Session, item_id: str, *, staff: str) -> None:
    """Staff give up on a quarantined item. Logged with who, when and the item's content."""
    item = _quarantined(session, item_id)
    personal = ITEM_KINDS[item.kind].personal if item.kind in ITEM_KINDS else frozenset()
    kept = {k: v for k, v in item.payload.items() if k not in personal}
    session.add(OutboxAuditRecord(at=datetime.now(timezone.utc), item_id=item.id, kind=item.kind,
                                  action="discard", staff=staff, reason=item.reason or "",
                                  payload=kept))
    session.delete(item)
    session.info[PERSONAL_DATA_REMOVED] = True


def _quarantined(session: Session, item_id: str) -> OutboxItem:
    item = session.get(OutboxItem, item_id)
    if item is None:
        raise OutboxError(f"no outbox item {item_id}")
    if item.state != QUARANTINED:
        raise OutboxError(f"outbox item {item_id} is {item.state}, only quarantined items can be retried or discarded")
    return item


# -- for the staff screen: plain objects, one unit of work per call ----------------------
@dataclass(frozen=True)
class QuarantinedItem:
    id: str
    kind: str
    reason: str
    detail: str
    created_at: datetime
    summary: str  # non-personal fields, e.g. "slot_id=...; service_id=..."
    # The same non-personal fields as values, so the staff screen can say the item in words.
    fields: dict = field(default_factory=dict)


class OutboxReview:
    """What staff may do with the outbox: see set-aside items, retry or discard them."""

    def __init__(self, db) -> None:
        self._db = db

    def counts(self) -> OutboxSummary:
        with self._db.sessions() as s:
            return summary(s)

    def quarantined_items(self) -> list[QuarantinedItem]:
        with self._db.sessions() as s:
            out = []
            for i in quarantined(s):
                personal = ITEM_KINDS[i.kind].personal if i.kind in ITEM_KINDS else frozenset()
                fields = {k: v for k, v in sorted(i.payload.items()) if k not in personal}
                shown = "; ".join(f"{k}={v}" for k, v in fields.items())
                created = i.created_at if i.created_at.tzinfo else i.created_at.replace(tzinfo=timezone.utc)
                out.append(QuarantinedItem(i.id, i.kind, i.reason or "", i.detail or "", created, shown[:200],
                                           fields))
            return out

    def retry(self, item_id: str, *, staff: str) -> None:
        with self._db.sessions.begin() as s:
            retry(s, item_id, staff=staff)

    def discard(self, item_id: str, *, staff: str) -> None:
        with self._db.sessions.begin() as s:
            discard(s, item_id, staff=staff)
