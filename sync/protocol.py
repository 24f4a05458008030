"""The wire protocol between a kiosk and the city backend, shared by both ends.

Plain Python on purpose: the kiosk imports this on its start path, so no pydantic here.
Every response the kiosk receives is checked by one of the ``check_*`` functions below;
anything else is a ``ProtocolError``. Documented in docs/protocol.md.
"""

from __future__ import annotations

import hashlib
import json
import re
import uuid
from datetime import date
from dataclasses import dataclass, field
from typing import Any

from kiosk.outbox import ITEM_KINDS, canonical_json, payload_problems
from kiosk.participation import REASONS as _PARTICIPATION_REASONS
from kiosk.values import (EARLIEST_TIME, LATEST_TIME, MAX_JSON_INTEGER, is_time_field,  # noqa: F401 (part of the protocol)
                          json_value_problems, time_problem)

PROTOCOL_VERSION = 1
API_PREFIX = "/api/v1"

MAX_BATCH_ITEMS = 500  # the server refuses larger pushes; the kiosk sends at most this
MAX_PAGE_ENTRIES = 1000  # catalogue changes per page
MAX_CURSOR = 2**31 - 1  # catalogue change numbers are 32-bit integers in the backend's database
MAX_REQUEST_BYTES = 16 * 1024 * 1024  # the backend refuses larger request bodies (a full push is far smaller)
MAX_RESPONSE_BYTES = 8 * 1024 * 1024  # the kiosk refuses larger answers

# Per-item answers.
ACCEPTED, DUPLICATE, REJECTED = "accepted", "duplicate", "rejected"
STATUSES = (ACCEPTED, DUPLICATE, REJECTED)

# Why an item was rejected (machine-readable; the kiosk shows staff a translation).
REASONS = {
    "invalid_payload": "the item does not match its kind's fields",
    "unknown_kind": "the backend does not know this kind of item",
    "unknown_service": "the service is not in this site's catalogue",
    "unknown_slot": "the time slot is not in this site's catalogue",
    "slot_taken": "the time slot is already fully booked",
    "unknown_booking": "the booking to cancel is not known for this device",
    "already_cancelled": "the booking was already cancelled by another item",
    "id_reused_different_content": "an item with this id but different content was already stored",
    "not_your_device": "the item id (or the queue ticket it changes) belongs to another device",
    "booking_cancelled": "the booking checked in for was cancelled",
    "attendance_conflict": "the booking's arrival was already recorded otherwise (e.g. arrived, then no-show)",
    **_PARTICIPATION_REASONS,  # votes, ideas, supports (kiosk/participation.py)
}

# Errors that answer a whole request (JSON body {"error": code, "message": text}).
ERRORS = ("unauthorised", "device_revoked", "invalid_code", "invalid_request", "batch_too_large",
          "rate_limited", "internal")

CATALOGUE_FILE_KINDS = ("provider", "service", "slot")
# Participation questions and approved ideas (issue 14) and the city's announcements
# come in the same change stream.
CATALOGUE_KINDS = CATALOGUE_FILE_KINDS + ("question", "idea", "announcement")  # notices: issue 15

_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
_CURSOR = re.compile(r"^[0-9]{1,18}$")


class ProtocolError(Exception):
    """A message that does not follow the protocol; the text says what is wrong."""


def item_answer(item_id: str, status: str, reason: str | None = None, detail: str = "") -> dict:
    """The backend's answer to one pushed item (``check_push_results`` reads it)."""
    out = {"id": item_id, "status": status}
    if reason:
        out["reason"], out["detail"] = reason, detail[:300]
    return out


def content_hash(kind: str, payload: Any) -> str:
    """What "same content" means for exactly-once: kind and payload, canonically spelled."""
    return hashlib.sha256(kind.encode() + b"\n" + canonical_json(payload)).hexdigest()


def is_item_id(value: Any) -> bool:
    return isinstance(value, str) and bool(_UUID.match(value)) and str(uuid.UUID(value)) == value


def json_body_problems(body: bytes) -> list[str]:
    """The problems of a request body (see json_value_problems); a body that is not JSON at
    all is left to the request's own validation, which says so."""
    try:
        value = json.loads(body)
    except RecursionError:
        return ["body: nested too deeply"]
    except ValueError:  # not JSON, not UTF-8, or an integer too long to read
        return []
    return json_value_problems(value)


# -- queue tickets: a snapshot the backend folds into the resident's page and the summary ------
QUEUE_STATUSES = ("waiting", "called", "serving", "done", "no_show")
_QUEUE_TEXTS = {"event": 32, "label": 16, "line_id": 64, "issued_line_id": 64}
_QUEUE_OPTIONAL_TEXTS = {"room": 32, "out_of_order_reason": 32, "booking_id": 36}
_DAY = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")


def queue_ticket_problems(p: dict) -> list[str]:
    """A ``queue_ticket`` payload must be a whole snapshot as kiosk/queue.py sends it."""
    problems = []
    if not is_item_id(p.get("ticket_id")):
        problems.append("ticket_id: expected a lowercase UUID")
    for key, longest in _QUEUE_TEXTS.items():
        v = p.get(key)
        if not isinstance(v, str) or not v.strip():
            problems.append(f"{key}: missing" if v is None else f"{key}: expected a text")
        elif len(v) > longest:
            problems.append(f"{key}: longer than {longest} characters")
    for key, longest in _QUEUE_OPTIONAL_TEXTS.items():
        v = p.get(key)
        if v is not None and (not isinstance(v, str) or len(v) > longest):
            problems.append(f"{key}: expected a text of at most {longest} characters")
    day = p.get("day")
    try:
        if not isinstance(day, str) or not _DAY.match(day):
            raise ValueError
        date.fromisoformat(day)
    except ValueError:
        problems.append("day: missing" if day is None else "day: expected a date like 2026-12-01")
    if p.get("status") not in QUEUE_STATUSES:
        problems.append(f"status: expected one of {', '.join(QUEUE_STATUSES)}")
    for key, lo, hi in (("priority", -100, 100), ("recall_count", 0, 1000)):
        v = p.get(key, 0)
        if isinstance(v, bool) or not isinstance(v, int) or not lo <= v <= hi:
            problems.append(f"{key}: expected a whole number from {lo} to {hi}")
    if p.get("issued_at") is None:
        problems.append("issued_at: missing")
    return problems


# Rules beyond the kind's fields (kiosk/outbox.py), applied where items arrive.
_KIND_RULES = {"queue_ticket": queue_ticket_problems}


def item_problems(item: Any) -> list[str]:
    """Problems with one pushed item {id, kind, created_at, payload}. Empty means valid."""
    if not isinstance(item, dict):
        return ["expected an object"]
    problems = json_value_problems(item, "item")
    if problems:
        return problems
    extra = set(item) - {"id", "kind", "created_at", "payload"}
    if extra:
        problems.append(f"unknown fields: {', '.join(sorted(map(str, extra)))}")
    if not is_item_id(item.get("id")):
        problems.append("id: expected a lowercase UUID")
    if (p := time_problem("created_at", item.get("created_at"))) is not None:
        problems.append(p)
    kind = item.get("kind")
    if not isinstance(kind, str):
        problems.append("kind: expected a text")
        return problems
    payload = item.get("payload")
    kind_problems = payload_problems(kind, payload)
    problems += kind_problems
    if not kind_problems and kind in _KIND_RULES:
        problems += _KIND_RULES[kind](payload)
    return problems


# -- the requests' and answers' shapes, declared once -----------------------------------
@dataclass(frozen=True)
class Limit:
    """What the backend refuses beyond a field's type, the same on both ends: lengths of a
    text, a list or an object (``max_length``), a text's pattern, a number's minimum."""

    min_length: int | None = None
    max_length: int | None = None
    pattern: str | None = None
    ge: float | None = None


@dataclass(frozen=True)
class Shape:
    """One JSON object of the protocol, declared once for both ends. The backend builds its
    pydantic request and response models, and so the OpenAPI document, from it
    (sync/server/wire.py); the kiosk checks what it receives (``check_*`` below) and what
    it sends (``request_problems``) against it in plain Python: no pydantic on the kiosk's
    start path. ``required`` keys must be there and not null; ``optional`` ones may be
    missing or null (or missing and then ``defaults``, never null); ``each`` gives the shape
    of a list's items; ``values`` the types an object's values may have; ``closed`` refuses
    keys not declared; ``notes`` describe fields in the OpenAPI document."""

    model: str  # the backend's model (OpenAPI schema) name
    what: str  # how the kiosk's error messages name it
    required: dict[str, type]
    optional: dict[str, type] = field(default_factory=dict)
    each: dict[str, "Shape"] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)
    limits: dict[str, Limit] = field(default_factory=dict)
    defaults: dict[str, Any] = field(default_factory=dict)
    values: dict[str, tuple[type, ...]] = field(default_factory=dict)
    closed: bool = False


# Requests (kiosk -> backend).
ENROL_REQUEST = Shape(
    "EnrolRequest", "enrolment request", {"code": str, "name": str}, {"request_id": str}, closed=True,
    limits={"code": Limit(1, 64), "name": Limit(1, 64), "request_id": Limit(43, 128, r"^[A-Za-z0-9_-]+$")},
    notes={"code": "the one-time code IT created for the site",
           "name": "a name IT recognises, e.g. kontula-lobby-1",
           "request_id": "a secret the kiosk made once per install (at least 256 random bits); asking again with "
                         "the same code and request_id within 24 h returns the same credentials"})
PUSH_ITEM = Shape("PushItem", "items[]", {"id": str, "kind": str, "created_at": str, "payload": dict},
                  notes={"id": "a UUID made on the kiosk; the same id is stored once",
                         "kind": "one of: " + ", ".join(ITEM_KINDS),
                         "created_at": "when the kiosk recorded it, ISO 8601 with UTC offset"})
PUSH_REQUEST = Shape("PushRequest", "push", {"items": list}, each={"items": PUSH_ITEM}, closed=True,
                     limits={"items": Limit(max_length=MAX_BATCH_ITEMS)})
HEARTBEAT_REQUEST = Shape(
    "Heartbeat", "heartbeat", {"app_version": str, "outbox_depth": int},
    {"quarantined": int, "oldest_pending_age_s": float, "last_sync_at": str, "last_error": str, "update": dict},
    closed=True, defaults={"quarantined": 0},
    limits={"app_version": Limit(max_length=64), "outbox_depth": Limit(ge=0), "quarantined": Limit(ge=0),
            "oldest_pending_age_s": Limit(ge=0), "last_sync_at": Limit(max_length=64),
            "last_error": Limit(max_length=500), "update": Limit(max_length=32)},
    values={"update": (str, int, float, bool, list, type(None))},
    notes={"update": "the signed-build updater's state (sync/update/status.py), as it reads it"})

# Answers (backend -> kiosk).
ENROL_ANSWER = Shape("EnrolAnswer", "enrolment", {"device_id": str, "token": str, "site": str},
                     notes={"token": "send as Authorization: Bearer <token> from now on"})
ITEM_RESULT = Shape("ItemResult", "results[]", {"id": str, "status": str}, {"reason": str, "detail": str},
                    notes={"status": "accepted, duplicate or rejected",
                           "reason": "why rejected: one of " + ", ".join(REASONS)})
PUSH_ANSWER = Shape("PushAnswer", "push answer", {"results": list}, each={"results": ITEM_RESULT})
HEARTBEAT_ANSWER = Shape("HeartbeatAnswer", "heartbeat answer", {"protocol": int, "server_time": str})
# The site's bookings for today and tomorrow (issue 17): what a check-in at any kiosk of the
# site needs, offline too, and nothing more. No name, no phone, no subject: only a keyed hash
# of the booker's subject (HMAC-SHA256 with the answer's ``key`` over "<booking_id>:<subject>"),
# so the kiosk can tell whether the key a resident shows booked it, and a reader of the
# kiosk's file can neither read a subject nor tell that two bookings are one person's.
SITE_BOOKING_STATES = ("confirmed", "cancelled")
SITE_BOOKING_DAYS = 2  # today and tomorrow, Helsinki time
SITE_BOOKING = Shape(
    "SiteBooking", "bookings[]",
    {"booking_id": str, "ref": str, "service_id": str, "channel_id": str, "slot_id": str, "start": str, "end": str,
     "state": str},
    {"subject_mac": str},
    limits={"booking_id": Limit(36, 36), "ref": Limit(1, 16), "service_id": Limit(1, 64),
            "channel_id": Limit(1, 64), "slot_id": Limit(1, 64), "start": Limit(max_length=64),
            "end": Limit(max_length=64), "state": Limit(max_length=16),
            "subject_mac": Limit(64, 64, r"^[0-9a-f]{64}$")},
    notes={"booking_id": "the id of the booking item (as the kiosk that made it sent it)",
           "ref": "the reference people read aloud, e.g. ABCD-EFGH",
           "state": "confirmed or cancelled",
           "subject_mac": "HMAC-SHA256(key, '<booking_id>:<subject>') in hex; missing when the backend no longer "
                          "holds the subject"})
SITE_BOOKINGS = Shape(
    "SiteBookings", "site bookings", {"site": str, "key": str, "window_start": str, "window_end": str,
                                       "bookings": list},
    each={"bookings": SITE_BOOKING},
    limits={"key": Limit(64, 64, r"^[0-9a-f]{64}$"), "bookings": Limit(max_length=20000)},
    notes={"key": "a fresh random key for this answer's subject_mac values (hex)",
           "window_start": "start of today, Helsinki time, ISO 8601",
           "window_end": "end of tomorrow, Helsinki time, ISO 8601",
           "bookings": "every booking of the site whose time starts in [window_start, window_end)"})
CATALOGUE_CHANGE = Shape("CatalogueChange", "changes[]", {"kind": str, "id": str, "deleted": bool}, {"data": dict})
CATALOGUE_PAGE = Shape("CataloguePage", "catalogue page", {"site": str, "cursor": str, "more": bool, "changes": list},
                       each={"changes": CATALOGUE_CHANGE},
                       notes={"cursor": "opaque; pass it as `since` next time",
                              "more": "true when another page follows right away"})


# -- checks (kiosk side) --------------------------------------------------------------
def _type_ok(value: Any, tp: type) -> bool:
    if tp is float:  # JSON has one kind of number: 3 is a fine float
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    return isinstance(value, tp) and (tp is bool or not isinstance(value, bool))


def _limit_problem(value: Any, limit: Limit) -> str | None:
    if limit.ge is not None and value < limit.ge:
        return f"less than {limit.ge:g}"
    if isinstance(value, (str, list, dict)):
        if limit.min_length is not None and len(value) < limit.min_length:
            return f"shorter than {limit.min_length}"
        if limit.max_length is not None and len(value) > limit.max_length:
            return f"longer than {limit.max_length}"
    if limit.pattern is not None and isinstance(value, str) and not re.match(limit.pattern, value):
        return "not of the expected form"
    return None


def _obj(data: Any, what: str, shape: Shape) -> dict:
    if not isinstance(data, dict):
        raise ProtocolError(f"{what}: expected a JSON object, got {type(data).__name__}")
    for key, tp in shape.required.items():
        if key not in data:
            raise ProtocolError(f"{what}: missing {key}")
        if not _type_ok(data[key], tp):
            raise ProtocolError(f"{what}.{key}: wrong type {type(data[key]).__name__}")
    for key, tp in shape.optional.items():
        if key in shape.defaults and key in data and data[key] is None:
            raise ProtocolError(f"{what}.{key}: null (leave it out instead)")
        if data.get(key) is not None and not _type_ok(data[key], tp):
            raise ProtocolError(f"{what}.{key}: wrong type {type(data[key]).__name__}")
    if shape.closed:
        unknown = sorted(set(data) - set(shape.required) - set(shape.optional))
        if unknown:
            raise ProtocolError(f"{what}: unknown {', '.join(unknown)}")
    for key, limit in shape.limits.items():
        if data.get(key) is not None and (problem := _limit_problem(data[key], limit)):
            raise ProtocolError(f"{what}.{key}: {problem}")
    for key, allowed in shape.values.items():
        for name, value in (data.get(key) or {}).items():
            if not isinstance(value, allowed) or isinstance(value, list) and not all(isinstance(v, str) for v in value):
                raise ProtocolError(f"{what}.{key}.{name}: wrong type {type(value).__name__}")
    for key, item_shape in shape.each.items():
        for i, item in enumerate(data[key]):
            _obj(item, f"{key}[{i}]", item_shape)
    return data


def request_problems(shape: Shape, body: Any) -> str | None:
    """What the backend would refuse in a request the kiosk is about to send (None: nothing),
    naming the field: a kiosk bug is then said where it happens, not as a 422 later."""
    try:
        _obj(body, shape.what, shape)
    except ProtocolError as exc:
        return str(exc)
    return None


def check_enrolment(data: Any) -> dict:
    _obj(data, ENROL_ANSWER.what, ENROL_ANSWER)
    if not is_item_id(data["device_id"]) or len(data["token"]) < 32:
        raise ProtocolError("enrolment: device_id or token has the wrong form")
    return data


def check_push_results(data: Any, sent_ids: list[str]) -> list[dict]:
    """Exactly one answer per item sent, each accepted, duplicate or rejected with a known shape."""
    _obj(data, PUSH_ANSWER.what, PUSH_ANSWER)
    results = data["results"]
    seen = set()
    for i, r in enumerate(results):
        if r["status"] not in STATUSES:
            raise ProtocolError(f"results[{i}].status: {r['status']!r} is not one of {', '.join(STATUSES)}")
        if r["status"] == REJECTED and not r.get("reason"):
            raise ProtocolError(f"results[{i}]: rejected without a reason")
        seen.add(r["id"])
    if seen != set(sent_ids) or len(results) != len(set(sent_ids)):
        raise ProtocolError("push answer: the results do not answer exactly the items sent")
    return results


def check_catalogue_page(data: Any) -> dict:
    _obj(data, CATALOGUE_PAGE.what, CATALOGUE_PAGE)
    if not _CURSOR.match(data["cursor"]):
        raise ProtocolError("catalogue page.cursor: not a cursor")
    for i, ch in enumerate(data["changes"]):
        if ch["kind"] not in CATALOGUE_KINDS:
            raise ProtocolError(f"changes[{i}].kind: {ch['kind']!r} is not one of {', '.join(CATALOGUE_KINDS)}")
        if not ch["deleted"] and not isinstance(ch.get("data"), dict):
            raise ProtocolError(f"changes[{i}].data: missing")
    return data


def check_heartbeat(data: Any) -> dict:
    return _obj(data, HEARTBEAT_ANSWER.what, HEARTBEAT_ANSWER)


def check_site_bookings(data: Any) -> dict:
    """The site's bookings: each well formed, times readable, states known, ids unique."""
    from datetime import datetime

    _obj(data, SITE_BOOKINGS.what, SITE_BOOKINGS)
    seen = set()
    for i, b in enumerate(data["bookings"]):
        if not is_item_id(b["booking_id"]) or b["booking_id"] in seen:
            raise ProtocolError(f"bookings[{i}].booking_id: not a lowercase UUID, or given twice")
        seen.add(b["booking_id"])
        if b["state"] not in SITE_BOOKING_STATES:
            raise ProtocolError(f"bookings[{i}].state: {b['state']!r} is not one of {', '.join(SITE_BOOKING_STATES)}")
        for key in ("start", "end"):
            try:
                if datetime.fromisoformat(b[key]).tzinfo is None:
                    raise ValueError
            except ValueError:
                raise ProtocolError(f"bookings[{i}].{key}: not an ISO 8601 time with its UTC offset") from None
    return data


__all__ = ["ITEM_KINDS", "PROTOCOL_VERSION", "API_PREFIX", "REASONS", "ProtocolError", "content_hash",
           "item_problems", "json_value_problems", "json_body_problems", "time_problem", "queue_ticket_problems", "request_problems", "check_enrolment", "check_push_results", "check_catalogue_page", "check_heartbeat",
           "check_site_bookings"]
