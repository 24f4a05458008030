"""The reference backend's storage operations, independent of HTTP (the CLI and the API
both call these). Every function takes a ``sessionmaker`` and runs its own transaction.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any

from sqlalchemy import (Engine, create_engine, event, func, literal, null, select, text,
                        union_all, update)
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, sessionmaker

from kiosk.catalogue.hours import LOCAL_TZ
from kiosk.catalogue.importer import CatalogueError, validate
from kiosk.catalogue.rules import expand_slot_rules, is_rule_slot_id_of
from sync import protocol
from sync.server import booking, catalogue_edits, participation, queue, schema
# BackendError, DeviceIdentity and authenticate live in devices.py (below booking and
# queue, which use them); imported here too, where the routers and the CLI find them.
from sync.server.devices import BackendError, DeviceIdentity, authenticate, sha256_hex as _sha  # noqa: F401
from sync.server.models import (AuditEvent, BookingAttendance, BookingCancellation, BookingDenial, CatalogueEntry, Device,
                                EnrolmentCode, EnrolmentRetry, Item, ItemRejection, Site, Slot, SlotAllotment,
                                one_of)

_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud and typed by IT


def _now() -> datetime:
    return datetime.now(timezone.utc)


# Per worker process: FastAPI runs the synchronous routes on 40 threads, so up to 40
# requests may hold a connection at once. PostgreSQL's max_connections must cover
# workers x (POOL_SIZE + POOL_OVERFLOW) plus the console and the tools.
POOL_SIZE = 20
POOL_OVERFLOW = 20


def make_engine(url: str) -> Engine:
    # hide_parameters: a logged database error names the statement, never the values
    # (a resident's comment, a ballot, a subject hash).
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 30}, hide_parameters=True)

        @event.listens_for(engine, "connect")
        def _on_connect(dbapi_conn, _rec) -> None:
            # Let SQLAlchemy's "begin" below decide when a transaction starts.
            dbapi_conn.isolation_level = None
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=FULL")
            cur.execute("PRAGMA busy_timeout=30000")
            cur.close()

        @event.listens_for(engine, "begin")
        def _on_begin(conn) -> None:
            # Take the write lock up front: two writers that both read first and then
            # try to write would otherwise fail with "database is locked".
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        return engine
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://"):]
    # One pool per process (serve --workers N opens N). No ping before each checkout: it
    # was a round trip per request (two per push, with the device lookup). A connection
    # that died with a database restart or failover fails one request instead; SQLAlchemy
    # then drops every older connection of the pool, and the kiosk sends the batch again
    # (the same ids: it is stored once). pool_recycle retires connections a proxy or
    # firewall may have cut while idle. docs/deploy.md
    return create_engine(url, pool_size=POOL_SIZE, max_overflow=POOL_OVERFLOW, pool_recycle=1800,
                         pool_pre_ping=False, hide_parameters=True)


def open_store(url: str) -> sessionmaker[Session]:
    """Sessions on the database at ``url``, its schema brought to the newest migration."""
    engine = make_engine(url)
    schema.upgrade(engine)
    return sessionmaker(engine, expire_on_commit=False)


# -- catalogue ------------------------------------------------------------------------
@dataclass(frozen=True)
class CatalogueImport:
    changed: int
    deleted: int
    cursor: int


def _catalogue_entries(data: dict, rule_made: dict[str, str] | None = None) -> dict[tuple[str, str], dict]:
    """Every entry of the catalogue file by (kind, id); ``rule_made`` collects the ids of the
    slots that weekly rules made (slot id -> channel id)."""
    today = datetime.now(LOCAL_TZ).date()
    entries: dict[tuple[str, str], dict] = {}
    for p in data["providers"]:
        entries[("provider", p["id"])] = p
    for sv in data["services"]:
        channels = [{k: v for k, v in ch.items() if k not in ("slots", "slot_rules")} for ch in sv["channels"]]
        entries[("service", sv["id"])] = {**sv, "channels": channels}
        for ch in sv["channels"]:
            expanded = expand_slot_rules(ch["id"], ch.get("slot_rules") or [], today)  # the kiosks' own ids
            if rule_made is not None:
                rule_made.update((slot["id"], ch["id"]) for slot in expanded)
            for slot in (ch.get("slots") or []) + expanded:
                entries[("slot", slot["id"])] = {"id": slot["id"], "channel_id": ch["id"], "service_id": sv["id"],
                                                 "start": slot["start"], "end": slot["end"],
                                                 "capacity": slot.get("capacity", 1)}
    return entries


def import_catalogue(sessions: sessionmaker[Session], data: Any, site: str, *,
                     actor: str = catalogue_edits.IMPORT_ACTOR, actor_name: str = "") -> CatalogueImport:
    """Validate with the kiosk's own validator, then record what changed for ``site``.
    The site's console additions (sync/server/catalogue_edits.py) are laid over the
    document first, so a re-import keeps them; every changed entry goes into the
    catalogue's history."""
    with sessions() as s:
        data = catalogue_edits.overlay(s, site, data)
    errors = validate(data)
    if errors:
        raise CatalogueError(errors)
    rule_made: dict[str, str] = {}
    entries = _catalogue_entries(data, rule_made)
    changed = deleted = 0
    now = _now()
    # Weekly rules make a rolling window of slots: each day's import adds a day's slots and
    # retires the past day's. One history row per channel says how many ("+12 / -12"), so the
    # console's history keeps naming what people changed instead of filling with slots.
    rolled: dict[str, list[int]] = {}
    with sessions.begin() as s:

        def note(kind: str, eid: str, change: str, detail: str = "") -> None:
            channel = rule_made.get(eid) if kind == "slot" else None
            if channel is None and kind == "slot" and change == "retired":
                channel = rule_channel(eid)
            if channel is not None and change in ("new", "retired"):
                rolled.setdefault(channel, [0, 0])[0 if change == "new" else 1] += 1
                return
            catalogue_edits.history(s, site, actor=actor, actor_name=actor_name, kind=kind, target=eid, change=change,
                                    detail=detail, at=now)

        def rule_channel(slot_id: str) -> str | None:
            row = existing.get(("slot", slot_id))
            return is_rule_slot_id_of(slot_id, {row.data.get("channel_id")}) if row is not None else None

        site_row = s.get(Site, site, with_for_update=True) or Site(id=site, catalogue_seq=0)
        s.add(site_row)
        seq = site_row.catalogue_seq
        # Questions and ideas share the site's change stream but not the catalogue file.
        existing = {(e.kind, e.id): e for e in s.scalars(select(CatalogueEntry).where(
            CatalogueEntry.site_id == site, CatalogueEntry.kind.in_(protocol.CATALOGUE_FILE_KINDS)))}
        for (kind, eid), d in entries.items():
            row = existing.get((kind, eid))
            if row is None:
                seq += 1
                s.add(CatalogueEntry(site_id=site, kind=kind, id=eid, seq=seq, deleted=False, data=d))
                changed += 1
                note(kind, eid, "new")
            elif row.deleted or row.data != d:
                seq += 1
                note(kind, eid, "back" if row.deleted else "changed", catalogue_edits.changed_fields(row.data, d))
                row.seq, row.deleted, row.data = seq, False, d
                changed += 1
        for key, row in existing.items():
            if key not in entries and not row.deleted:
                seq += 1
                # Retired, not erased: the reports still name what residents said about it.
                row.seq, row.deleted = seq, True
                deleted += 1
                note(key[0], key[1], "retired")
        for channel, (added, retired) in sorted(rolled.items()):
            catalogue_edits.history(s, site, actor=actor, actor_name=actor_name, kind="channel", target=channel,
                                    change="rule_slots", detail=f"+{added} / -{retired}", at=now)
        site_row.catalogue_seq = seq
        slots = {r.id: r for r in s.scalars(select(Slot).where(Slot.site_id == site))}
        for (kind, eid), d in entries.items():
            if kind != "slot":
                continue
            row = slots.pop(eid, None) or Slot(site_id=site, id=eid, booked=0)
            row.channel_id, row.service_id, row.capacity = d["channel_id"], d["service_id"], d["capacity"]
            row.starts_at = datetime.fromisoformat(d["start"]).astimezone(timezone.utc)
            row.ends_at = datetime.fromisoformat(d["end"]).astimezone(timezone.utc)
            s.add(row)
        for row in slots.values():
            if row.booked == 0:  # a slot someone booked stays, so the booking keeps its time
                s.delete(row)
        s.add(AuditEvent(at=_now(), event="catalogue_import", detail=f"site={site} changed={changed} deleted={deleted}"))
    return CatalogueImport(changed, deleted, seq)


def catalogue_changes(sessions: sessionmaker[Session], site: str, since: int, limit: int) -> dict:
    """Entries of ``site`` changed after ``since``, oldest change first, at most ``limit``."""
    limit = max(1, min(limit, protocol.MAX_PAGE_ENTRIES))
    with sessions() as s:
        rows = list(s.scalars(select(CatalogueEntry)
                              .where(CatalogueEntry.site_id == site, CatalogueEntry.seq > since)
                              .order_by(CatalogueEntry.seq).limit(limit + 1)))
    more = len(rows) > limit
    rows = rows[:limit]
    cursor = rows[-1].seq if rows else since
    return {"site": site, "cursor": str(cursor), "more": more,
            "changes": [{"kind": r.kind, "id": r.id, "deleted": r.deleted, "data": None if r.deleted else r.data}
                        for r in rows]}


# -- devices --------------------------------------------------------------------------
def create_enrolment_code(sessions: sessionmaker[Session], site: str) -> str:
    raw = "".join(secrets.choice(_CODE_ALPHABET) for _ in range(12))
    code = "-".join(raw[i:i + 4] for i in range(0, 12, 4))
    with sessions.begin() as s:
        if s.get(Site, site) is None:
            s.add(Site(id=site, catalogue_seq=0))
            s.flush()
        s.add(EnrolmentCode(code_hash=_sha(_normalise_code(code)), site_id=site, created_at=_now()))
        s.add(AuditEvent(at=_now(), event="enrolment_code", detail=f"site={site}"))
    return code


def _normalise_code(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch.isalnum())


ENROL_RETRY_WINDOW = timedelta(hours=24)  # docs/protocol.md


def _derived_token(request_id: str, device_id: str) -> str:
    """The device token for an enrolment made with ``request_id``: the same each time it
    is asked for, so a retry can answer it again; the backend keeps only its hash."""
    mac = hmac.new(request_id.encode(), b"welfare-kiosk device token\0" + device_id.encode(), hashlib.sha256)
    return base64.urlsafe_b64encode(mac.digest()).rstrip(b"=").decode()


def enrol(sessions: sessionmaker[Session], code: str, name: str, request_id: str | None = None) -> dict:
    """Exchange a one-time code for device credentials. The code works once, except that
    the kiosk that used it (the same ``request_id``, a secret it made) gets the same
    credentials again within ENROL_RETRY_WINDOW: its first answer may have been lost."""
    device_id = str(uuid.uuid4())
    token = _derived_token(request_id, device_id) if request_id else secrets.token_urlsafe(32)
    code_hash = _sha(_normalise_code(code))
    with sessions.begin() as s:
        # The conditional UPDATE makes "once" hold even when two kiosks try the same code.
        res = s.execute(update(EnrolmentCode)
                        .where(EnrolmentCode.code_hash == code_hash, EnrolmentCode.used_at.is_(None))
                        .values(used_at=_now(), device_id=device_id)
                        .returning(EnrolmentCode.site_id))
        site = res.scalar()
        if site is not None:
            s.add(Device(id=device_id, site_id=site, name=name[:64], token_hash=_sha(token), enrolled_at=_now()))
            if request_id:
                s.add(EnrolmentRetry(code_hash=code_hash, request_hash=_sha(request_id), device_id=device_id,
                                     enrolled_at=_now()))
            s.add(AuditEvent(at=_now(), event="enrol", detail=f"device={device_id} site={site} name={name[:64]}"))
            return {"device_id": device_id, "token": token, "site": site}
        again = _enrolment_again(s, code_hash, request_id) if request_id else None
        if again is not None:
            s.add(AuditEvent(at=_now(), event="enrol_retry", detail=f"device={again['device_id']} site={again['site']}"))
            return again
    raise BackendError("invalid_code", "this enrolment code is unknown or already used (a kiosk's retry "
                       "with it is answered for 24 h): IT must make a new one", 403)


def _enrolment_again(s: Session, code_hash: str, request_id: str) -> dict | None:
    """The credentials of the enrolment this request id already made with this code, if
    it is recent and the device still holds the token it was given."""
    retry = s.get(EnrolmentRetry, code_hash)
    if retry is None or not hmac.compare_digest(retry.request_hash, _sha(request_id)):
        return None
    at = retry.enrolled_at if retry.enrolled_at.tzinfo else retry.enrolled_at.replace(tzinfo=timezone.utc)  # SQLite
    if _now() - at > ENROL_RETRY_WINDOW:
        return None
    device = s.get(Device, retry.device_id)
    token = _derived_token(request_id, retry.device_id)
    if device is None or device.revoked_at is not None or not hmac.compare_digest(device.token_hash, _sha(token)):
        return None
    return {"device_id": device.id, "token": token, "site": device.site_id}


def revoke_device(sessions: sessionmaker[Session], device_id: str) -> bool:
    with sessions.begin() as s:
        device = s.get(Device, device_id)
        if device is None:
            return False
        if device.revoked_at is None:
            device.revoked_at = _now()
            s.add(AuditEvent(at=_now(), event="revoke", detail=f"device={device_id}"))
    return True


def record_heartbeat(sessions: sessionmaker[Session], device: DeviceIdentity, beat: dict) -> None:
    with sessions.begin() as s:
        s.execute(update(Device).where(Device.id == device.id).values(last_seen_at=_now(), heartbeat=beat))


# -- outbox push ----------------------------------------------------------------------
_answer = protocol.item_answer


@dataclass(frozen=True)
class _Decided:
    """What the backend answered an item id before: stored (``reason`` None) or refused for good."""

    device_id: str
    content_hash: str | None  # None: not known (a denial kept by a backend before issue 12)
    reason: str | None = None
    detail: str = ""


def _decided(s: Session, ids: list[str], *, old_denials: bool = True) -> dict[str, _Decided]:
    if not ids:
        return {}
    # One query for the three places an answer is kept (a round trip per place made each
    # push wait longer): stored items first, then final refusals, then denials from before
    # item_rejections existed, which are final too (the phone page said so).
    parts = [select(literal(0).label("src"), Item.id, Item.device_id, Item.content_hash,
                    null().label("reason"), null().label("detail")).where(one_of(s, Item.id, ids)),
             select(literal(1), ItemRejection.id, ItemRejection.device_id, ItemRejection.content_hash,
                    ItemRejection.reason, ItemRejection.detail).where(one_of(s, ItemRejection.id, ids))]
    if old_denials:
        parts.append(select(literal(2), BookingDenial.item_id, BookingDenial.device_id, null(),
                            BookingDenial.reason, null()).where(one_of(s, BookingDenial.item_id, ids)))
    out: dict[str, _Decided] = {}
    for src, item_id, device_id, content_hash, reason, detail in sorted(s.execute(union_all(*parts)),
                                                                        key=lambda r: r[0]):
        if item_id in out:
            continue
        if src == 0:
            out[item_id] = _Decided(device_id, content_hash)
        elif src == 1:
            out[item_id] = _Decided(device_id, content_hash, reason, detail or "")
        else:
            out[item_id] = _Decided(device_id, None, reason or "slot_taken", "this booking was denied before")
    return out


def _compare(item_id: str, h: str, device: DeviceIdentity, before: _Decided) -> dict:
    if before.device_id != device.id:
        return _answer(item_id, protocol.REJECTED, "not_your_device", "this id was sent by another device")
    if before.content_hash is not None and before.content_hash != h:
        return _answer(item_id, protocol.REJECTED, "id_reused_different_content",
                       "an item with this id and different content is already stored")
    if before.reason is not None:  # the first final answer is the answer for ever
        return _answer(item_id, protocol.REJECTED, before.reason, before.detail)
    return _answer(item_id, protocol.DUPLICATE)


def _is_final(kind: str, reason: str) -> bool:
    """Whether a refusal is a decision that must never change (kept in item_rejections).

    A booking's refusal is a denial: the resident's phone, the kiosk and the staff day
    view say so, so it stays denied even if a place frees up later. A cancellation that
    came second stays refused. Other refusals say the backend lacked something (a service
    missing from the catalogue, a booking that has not arrived): sent again, e.g. by
    staff after the city fixed its catalogue, the item is looked at afresh.
    """
    return kind == "booking" or reason == "already_cancelled"


def _refuse_for_good(s: Session, device: DeviceIdentity, item: dict, h: str, answer: dict) -> None:
    s.add(ItemRejection(id=item["id"], device_id=device.id, kind=item["kind"], content_hash=h,
                        reason=answer["reason"], detail=answer.get("detail") or "", at=_now()))


def _decide(s: Session, device: DeviceIdentity, item: dict, h: str, services: set[str],
            batch_bookings: dict[str, dict], ticket_owners: dict[str, str] | None = None,
            allotted: set[str] | None = None) -> dict:
    """The answer to an item the backend has not answered before, with its side effects
    (slot places, cancellations); a final refusal is kept for the next time it comes.
    Read for the whole push at once, else per item: ``ticket_owners`` (queue.ticket_owners)
    and ``allotted``, the slots where this kiosk holds places (``_allotted_slots``).

    The caller holds the item's id (``_hold_ids``, or SQLite's one writer), so no other
    transaction can answer it meanwhile: what ``_decided`` read before is still so."""
    p = item["payload"]
    if item["kind"] == "booking" and booking.take_place_of_share(s, device, item, allotted):
        # Honoured whatever happened to the catalogue since (booking.take_place_of_share).
        answer = _answer(item["id"], protocol.ACCEPTED)
    elif _names_a_service(item) and p["service_id"] not in services:
        answer = _answer(item["id"], protocol.REJECTED, "unknown_service",
                         f"service {item['payload']['service_id']!r} is not in this site's catalogue")
        if item["kind"] == "booking":
            booking.record_denial(s, device, item, answer)
    else:
        answer = _effects(s, device, item, batch_bookings, ticket_owners, allotted) \
            or _answer(item["id"], protocol.ACCEPTED)
    # No second look at the stored answers before refusing: a concurrent push of this very
    # item waits for the id (_hold_ids) until this one commits, then reads this answer.
    if answer["status"] == protocol.REJECTED and _is_final(item["kind"], answer["reason"]):
        _refuse_for_good(s, device, item, h, answer)
    return answer


def _allotted_slots(s: Session, device: DeviceIdentity, slot_ids: set[str]) -> set[str]:
    """Of ``slot_ids``, those where this kiosk holds allotted places (used or not). Read once
    per push: most bookings come from kiosks without a share, and each used to cost a
    slot read and an UPDATE of the allotments while its slot's row lock was held. A place
    is allotted in an earlier request than any booking that uses it (booking.allot)."""
    if not slot_ids:
        return set()
    return set(s.scalars(select(SlotAllotment.slot_id).where(
        SlotAllotment.site_id == device.site, SlotAllotment.device_id == device.id,
        one_of(s, SlotAllotment.slot_id, sorted(slot_ids)))))


def _effects(s: Session, device: DeviceIdentity, item: dict, batch_bookings: dict[str, dict],
             ticket_owners: dict[str, str] | None = None, allotted: set[str] | None = None) -> dict | None:
    """Side effects of an item on shared state (slot capacity); a rejection, or None.
    ``batch_bookings``: bookings accepted earlier in the same push, not inserted yet."""
    kind, p = item["kind"], item["payload"]
    if kind == "booking":
        return booking.take_open_place(s, device, item, allotted)  # None, or why there was none
    if kind == "queue_ticket":
        return queue.ticket_of_another_device(s, device, item, ticket_owners)
    if kind == "booking_cancel":
        booking_id = p["booking_item_id"]
        stored = s.get(Item, booking_id)
        if stored is not None:
            owner, booked_kind, slot_id = stored.device_id, stored.kind, stored.payload.get("slot_id")
        elif booking_id in batch_bookings:  # the booking came in this very push, just before
            owner, booked_kind, slot_id = device.id, "booking", batch_bookings[booking_id]["payload"]["slot_id"]
        else:
            owner = booked_kind = slot_id = None
        # A resident may cancel at any kiosk of the site a booking they made at another
        # (issue 17): the cancellation names them, and the booking's own subject must match.
        by_its_booker = stored is not None and stored.site_id == device.site and bool(p.get("subject")) \
            and isinstance(stored.payload.get("subject"), str) \
            and hmac.compare_digest(stored.payload["subject"].encode(), p["subject"].encode())
        if booked_kind != "booking" or owner != device.id and not by_its_booker:
            return _answer(item["id"], protocol.REJECTED, "unknown_booking",
                           f"no booking {booking_id!r} from this device or its booker")
        if s.get(BookingCancellation, booking_id) is not None:
            return _answer(item["id"], protocol.REJECTED, "already_cancelled",
                           f"booking {booking_id!r} was already cancelled")
        s.add(BookingCancellation(booking_item_id=booking_id, cancel_item_id=item["id"]))
        s.flush()
        booking.give_back_place(s, device, slot_id)
    if kind == "booking_checkin":
        return _attendance(s, device, item, batch_bookings)
    if kind in participation.KINDS:  # votes, ideas, supports (sync/server/participation.py)
        return participation.apply_item(s, device, item)
    return None


# Which check-in event may follow which: a no-show cannot undo an arrival, an arrival after a
# recorded no-show is the nurse letting the person in after all (late_accepted).
_ATTENDANCE_NEXT = {None: {"arrived", "arrived_late", "late_accepted", "no_show"},
                    "arrived_late": {"arrived", "late_accepted", "no_show"},
                    "no_show": {"late_accepted"}, "arrived": set(), "late_accepted": set()}


def _attendance(s: Session, device: DeviceIdentity, item: dict, batch_bookings: dict[str, dict]) -> dict | None:
    """A check-in event of a booking of this site (issue 17, kiosk/checkin.py)."""
    p = item["payload"]
    booking_id = p["booking_item_id"]
    stored = s.get(Item, booking_id)
    if stored is not None and (stored.kind != "booking" or stored.site_id != device.site):
        return _answer(item["id"], protocol.REJECTED, "unknown_booking", f"no booking {booking_id!r} at this site")
    # A booking not here yet is on its way: the kiosk made it before the check-in, but a
    # batch that was split or retried may bring the check-in first. Its row then takes the
    # service from the check-in itself.
    booked = stored.payload if stored is not None else (batch_bookings.get(booking_id) or {}).get("payload") or {}
    if s.get(BookingCancellation, booking_id) is not None and p["event"] != "no_show":
        return _answer(item["id"], protocol.REJECTED, "booking_cancelled", f"booking {booking_id!r} was cancelled")
    row = s.get(BookingAttendance, booking_id, with_for_update=True)
    at = datetime.fromisoformat(p["at"]) if p.get("at") else _now()
    if row is None:
        row = BookingAttendance(booking_item_id=booking_id, site_id=device.site,
                                service_id=booked.get("service_id") or p.get("service_id") or "",
                                status="", updated_at=at, last_item_id=item["id"],
                                starts_at=datetime.fromisoformat(p["starts_at"]) if p.get("starts_at") else None)
        s.add(row)
    if p["event"] == "arrived_late" and row.status in ("arrived", "late_accepted"):
        return None  # the late arrival's own note came after the nurse let them in: nothing new
    if p["event"] not in _ATTENDANCE_NEXT.get(row.status or None, set()):
        # Two kiosks or a nurse and a kiosk told different stories: the first word stands,
        # and the later one is kept as a refusal staff can read, never silently lost.
        return _answer(item["id"], protocol.REJECTED, "attendance_conflict",
                       f"booking {booking_id!r} is already {row.status}, not {p['event']}")
    row.status, row.updated_at, row.last_item_id = p["event"], at, item["id"]
    s.flush()
    return None


# Kinds whose ``service_id`` names a service of the site's catalogue, from the kinds'
# declarations. Each is checked against the same catalogue whatever else is in the
# push: the catalogue used to be read only when a booking, feedback or visit came along,
# so a feedback_details item pushed on its own was refused for every service (issue 11).
_KINDS_NAMING_A_SERVICE = frozenset(name for name, spec in protocol.ITEM_KINDS.items()
                                    if "service_id" in spec.required or "service_id" in spec.optional)


def _names_a_service(raw: dict) -> bool:
    return raw["kind"] in _KINDS_NAMING_A_SERVICE and raw["payload"].get("service_id") is not None


def _hold_ids(s: Session, ids: list[str]) -> None:
    """Let one transaction at a time answer a given item id. PostgreSQL: a lock per id
    for this transaction, taken in one order (no deadlock); a concurrent push of the same
    item waits and then reads this one's answer instead of deciding again. SQLite's
    BEGIN IMMEDIATE already lets one writer in at a time."""
    if ids and s.get_bind().dialect.name == "postgresql":
        s.execute(text("SELECT pg_advisory_xact_lock(k) FROM (SELECT DISTINCT hashtextextended(i, 0) AS k "
                       "FROM unnest(CAST(:ids AS text[])) AS i ORDER BY k) AS held"), {"ids": ids})


def push_items(sessions: sessionmaker[Session], device: DeviceIdentity, items: list[Any]) -> list[dict]:
    """Store each item once and answer each: accepted, duplicate or rejected with a reason.
    An item's first final answer is its answer for ever (``_is_final``).

    One transaction per batch. New items go in together inside a savepoint; if another
    request stored one of them meanwhile (unique id violated), the savepoint is undone
    and the items go one by one, each compared with what is stored.
    """
    if len(items) > protocol.MAX_BATCH_ITEMS:
        raise BackendError("batch_too_large", f"at most {protocol.MAX_BATCH_ITEMS} items per push", 413)
    results: list[dict | None] = [None] * len(items)
    candidates: list[tuple[int, dict, str]] = []
    for i, raw in enumerate(items):
        problems = protocol.item_problems(raw)
        if problems:
            item_id = raw.get("id") if isinstance(raw, dict) and isinstance(raw.get("id"), str) else ""
            reason = "unknown_kind" if any(p.startswith("kind:") for p in problems) else "invalid_payload"
            results[i] = _answer(item_id[:64], protocol.REJECTED, reason, "; ".join(problems))
        else:
            candidates.append((i, raw, protocol.content_hash(raw["kind"], raw["payload"])))
    now = _now()
    with sessions.begin() as s:
        candidates = participation.keyed_hashes(s, candidates)
        ids = [raw["id"] for _, raw, _ in candidates]
        _hold_ids(s, ids)
        decided = _decided(s, ids)
        named = {raw["payload"]["service_id"] for _, raw, _ in candidates if _names_a_service(raw)}
        services = set(s.scalars(select(CatalogueEntry.id).where(
            CatalogueEntry.site_id == device.site, CatalogueEntry.kind == "service",
            CatalogueEntry.deleted.is_(False), one_of(s, CatalogueEntry.id, sorted(named))))) if named else set()
        fresh: list[tuple[int, dict, str]] = []
        first_in_batch: dict[str, tuple[int, str]] = {}
        repeats: list[tuple[int, dict, str]] = []
        for i, raw, h in candidates:
            if raw["id"] in decided:
                results[i] = _compare(raw["id"], h, device, decided[raw["id"]])
            elif raw["id"] in first_in_batch:
                repeats.append((i, raw, h))
            else:
                first_in_batch[raw["id"]] = (i, h)
                fresh.append((i, raw, h))
        # Read once for the whole push, not once per item: a place-taking UPDATE locks its
        # slot's row until the commit, so every query after it in the batch made the other
        # kiosks booking that slot wait longer (benchmarks/sync_concurrent_kiosks.py).

        owners = queue.ticket_owners(s, {raw["payload"]["ticket_id"] for _, raw, _ in fresh
                                               if raw["kind"] == "queue_ticket"})
        allotted = _allotted_slots(s, device, {raw["payload"]["slot_id"] for _, raw, _ in fresh
                                               if raw["kind"] == "booking"})

        def row(raw: dict, h: str) -> dict:
            return {"id": raw["id"], "device_id": device.id, "site_id": device.site, "kind": raw["kind"],
                    "content_hash": h, "created_at": datetime.fromisoformat(raw["created_at"]),
                    "received_at": now, "payload": participation.stored_payload(raw)}

        try:
            with s.begin_nested():
                rows, batch_bookings = [], {}
                for i, raw, h in fresh:
                    results[i] = _decide(s, device, raw, h, services, batch_bookings, owners, allotted)
                    if results[i]["status"] == protocol.ACCEPTED:
                        rows.append(row(raw, h))
                        if raw["kind"] == "booking":
                            batch_bookings[raw["id"]] = raw
                if rows:
                    s.execute(Item.__table__.insert(), rows)
        except IntegrityError:
            # Someone stored one of these ids at the same moment: go one by one.
            for i, raw, h in fresh:
                before = _decided(s, [raw["id"]]).get(raw["id"])
                if before is not None:
                    results[i] = _compare(raw["id"], h, device, before)
                    continue
                try:
                    with s.begin_nested():
                        results[i] = _decide(s, device, raw, h, services, {})
                        if results[i]["status"] == protocol.ACCEPTED:
                            s.execute(Item.__table__.insert(), [row(raw, h)])
                except IntegrityError:
                    before = _decided(s, [raw["id"]]).get(raw["id"])
                    if before is not None:
                        results[i] = _compare(raw["id"], h, device, before)
                    else:  # another constraint: a concurrent cancellation of the same booking
                        results[i] = _answer(raw["id"], protocol.REJECTED, "already_cancelled",
                                             "the booking was cancelled at the same moment by another item")
                        try:
                            with s.begin_nested():
                                _refuse_for_good(s, device, raw, h, results[i])
                        except IntegrityError:
                            pass  # refused for good by a concurrent push already
        # The same id twice in one push: the second gets what the first got.
        for i, raw, h in repeats:
            first, first_h = first_in_batch[raw["id"]]
            results[i] = _compare(raw["id"], h, device, _Decided(
                device.id, first_h, results[first].get("reason") if results[first]["status"] == protocol.REJECTED
                else None, results[first].get("detail") or ""))
    return [r for r in results if r is not None]


def count_items(sessions: sessionmaker[Session], **where: Any) -> int:
    with sessions() as s:
        q = select(func.count()).select_from(Item)
        for k, v in where.items():
            q = q.where(getattr(Item, k) == v)
        return s.scalar(q)
