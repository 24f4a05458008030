"""Incremental catalogue download, applied all at once or not at all.

Pages of changes since the stored cursor are collected first (bounded), merged over the
local mirror of the backend's entries, rebuilt into a whole catalogue document and
checked with the importer's own ``validate()``. Only a document that passes is applied,
in ONE transaction together with the new cursor. A malformed, partial or invalid
download raises ``BadResponse`` and leaves the catalogue in use untouched.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy import select

from kiosk.catalogue.importer import FORMAT, REQUIRED_LANGUAGES, validate
from kiosk.storage.db import Database
from kiosk.storage.models import (CatalogueEntryRecord, CatalogueMetaRecord, ChannelRecord, ProviderRecord,
                                  ServiceProducerRecord, ServiceRecord, SlotRecord, SyncStateRecord)
from sync.client import BackendClient, BadResponse

MAX_PAGES = 200
CURSOR_KEY = "catalogue_cursor"
_SLOT_KEYS = {"id", "channel_id", "service_id", "start", "end", "capacity"}


@dataclass(frozen=True)
class PullResult:
    cursor: str
    changed: int
    deleted: int


def stored_cursor(db: Database) -> str:
    with db.sessions() as s:
        rec = s.get(SyncStateRecord, CURSOR_KEY)
    return rec.value if rec else "0"


def build_document(entries: dict[tuple[str, str], dict]) -> dict:
    """The catalogue file these entries describe (format docs/catalogue-format.md)."""
    slots_by_channel: dict[str, list[dict]] = {}
    problems = []
    for (kind, eid), d in entries.items():
        if kind == "slot":
            if set(d) - _SLOT_KEYS:
                problems.append(f"slot {eid}: unknown fields {sorted(set(d) - _SLOT_KEYS)}")
            slots_by_channel.setdefault(d.get("channel_id"), []).append(
                {k: d[k] for k in ("id", "start", "end", "capacity") if k in d})
    services = []
    for (kind, _eid), d in sorted(entries.items()):
        if kind == "service":
            channels = d.get("channels") if isinstance(d.get("channels"), list) else []
            services.append({**d, "channels": [
                {**ch, "slots": slots_by_channel.pop(ch.get("id"), [])} if isinstance(ch, dict) else ch
                for ch in channels]})
    for channel_id, slots in slots_by_channel.items():
        problems.append(f"slots {[s.get('id') for s in slots][:3]}: channel {channel_id!r} is in no service")
    if problems:
        raise BadResponse("the catalogue download is inconsistent: " + "; ".join(problems[:5]))
    return {"format": FORMAT, "source": "city backend",
            "providers": [d for (kind, _), d in sorted(entries.items()) if kind == "provider"],
            "services": services}


def pull_catalogue(db: Database, client: BackendClient, *, page_size: int = 500) -> PullResult:
    since = cursor = stored_cursor(db)
    changes: dict[tuple[str, str], dict] = {}
    for _ in range(MAX_PAGES):
        page = client.catalogue_changes(cursor, page_size)
        if int(page["cursor"]) < int(cursor):
            raise BadResponse("the catalogue download went backwards (cursor decreased)")
        for ch in page["changes"]:
            if not ch["deleted"] and ch["data"].get("id") != ch["id"]:
                raise BadResponse(f"catalogue change {ch['kind']} {ch['id']!r}: data is for another id")
            changes[(ch["kind"], ch["id"])] = ch
        cursor = page["cursor"]
        if not page["more"]:
            break
    else:
        raise BadResponse(f"the catalogue download did not end within {MAX_PAGES} pages")
    if not changes and cursor == since:
        return PullResult(cursor, 0, 0)

    full = since == "0"  # a first download replaces whatever the kiosk had
    with db.sessions() as s:
        mirror = {} if full else {(e.kind, e.id): e.data for e in s.scalars(select(CatalogueEntryRecord))}
    entries = dict(mirror)
    for key, ch in changes.items():
        if ch["deleted"]:
            entries.pop(key, None)
        else:
            entries[key] = ch["data"]
    document = build_document(entries)
    errors = validate(document) + _participation_problems(entries) + _announcement_problems(entries)
    if errors:
        raise BadResponse(f"the catalogue download was rejected ({len(errors)} errors, first: {errors[0]}); "
                          "the previous catalogue stays in use")
    return _apply(db, entries, mirror, full, cursor, since)


def _participation_problems(entries: dict[tuple[str, str], dict]) -> list[str]:
    """Questions and ideas are checked like the rest: one bad one keeps the old copy."""
    from kiosk.participation import question_problems

    problems = [p for (kind, _), d in entries.items() if kind == "question" for p in question_problems(d)]
    for (kind, eid), d in entries.items():
        if kind == "idea" and not (isinstance(d.get("question_id"), str) and isinstance(d.get("title"), str)
                                   and isinstance(d.get("text"), str)):
            problems.append(f"idea {eid}: needs question_id, title and text")
    return problems


def _announcement_problems(entries: dict[tuple[str, str], dict]) -> list[str]:
    """The city's notices (kiosk/announcements.py) are checked like the rest."""
    from kiosk.announcements import KIND, announcement_problems

    return [f"announcement {eid}: {p}" for (kind, eid), d in entries.items() if kind == KIND
            for p in announcement_problems(d)]


def _apply(db: Database, entries: dict, mirror: dict, full: bool, cursor: str, since: str) -> PullResult:
    changed = [k for k, d in entries.items() if mirror.get(k) != d]
    with db.sessions.begin() as s:
        if full:
            local = {("provider", i) for i in s.scalars(select(ProviderRecord.id))}
            local |= {("service", i) for i in s.scalars(select(ServiceRecord.id))}
            local |= {("slot", i) for i in s.scalars(select(SlotRecord.id))}
            gone = local - set(entries)
            for e in s.scalars(select(CatalogueEntryRecord)):
                s.delete(e)
            s.flush()
        else:
            gone = set(mirror) - set(entries)
        # Deletions first, children before parents; then upserts, parents before children.
        for kind, model in (("slot", SlotRecord), ("service", ServiceRecord), ("provider", ProviderRecord)):
            for k, eid in gone:
                if k == kind and (rec := s.get(model, eid)) is not None:
                    s.delete(rec)
            s.flush()
        for key in gone:
            if (rec := s.get(CatalogueEntryRecord, key)) is not None:
                s.delete(rec)
        for kind in ("provider", "service", "slot"):
            for key in changed:
                if key[0] == kind:
                    s.merge(_record(kind, entries[key]))
            s.flush()
        for key in changed:
            s.merge(CatalogueEntryRecord(kind=key[0], id=key[1], data=entries[key]))
        s.merge(SyncStateRecord(key=CURSOR_KEY, value=cursor))
        s.merge(CatalogueMetaRecord(key="source", value="city backend"))
        s.merge(CatalogueMetaRecord(key="imported_at", value=datetime.now(timezone.utc).isoformat()))
    return PullResult(cursor, len(changed), len(gone))


def _record(kind: str, d: dict):
    if kind == "provider":
        return ProviderRecord(id=d["id"], names=d["names"], sector=d["sector"], organiser_type=d["organiser_type"],
                              business_id=d.get("business_id"), contact=d.get("contact") or {},
                              accepts_vouchers=d.get("accepts_vouchers", False))
    if kind == "service":
        rec = ServiceRecord(
            id=d["id"], names=d["names"], short_descriptions=d["short_descriptions"], descriptions=d["descriptions"],
            **{k: d.get(k) or {} for k in ("user_instructions", "goal", "content", "outputs", "quality",
                                          "price_text", "keywords")},
            **{k: d.get(k) or [] for k in ("life_events", "service_classes")},
            charge_type=d["charge_type"], target_groups=d["target_groups"],
            languages=d.get("languages") or list(REQUIRED_LANGUAGES), responsible_provider_id=d["responsible_provider"])
        rec.producers = [ServiceProducerRecord(service_id=d["id"], provider_id=pid)
                         for pid in dict.fromkeys(d.get("producers") or [d["responsible_provider"]])]
        rec.channels = [ChannelRecord(
            id=ch["id"], service_id=d["id"], kind=ch["kind"], names=ch.get("names") or {},
            address=ch.get("address") or {}, phone=ch.get("phone"), url=ch.get("url"),
            opening_hours=ch.get("opening_hours") or {}, accessibility=ch.get("accessibility") or {},
            languages=ch.get("languages") or [], checkin=ch.get("checkin") or {}) for ch in d["channels"]]
        return rec
    return SlotRecord(id=d["id"], channel_id=d["channel_id"],
                      starts_at=datetime.fromisoformat(d["start"]).astimezone(timezone.utc),
                      ends_at=datetime.fromisoformat(d["end"]).astimezone(timezone.utc), capacity=d.get("capacity", 1))
