"""Local additions to a site's catalogue edited in the city console, and the catalogue's
change history (docs/console.md, "Catalogue").

What the city adds (a provider's voucher acceptance, a channel's note shown on the kiosk,
extra bookable times of a channel) is kept in ``catalogue_additions`` beside the imported
data, applied to the live entries at once (kiosks get it at their next pull) and laid
over every later import of the site (``overlay``, called by store.import_catalogue), so
a new PTV download never loses it. Every change, from an import or from the console,
gets a row in ``catalogue_history``: who, when, which entry, what.

Problems are raised as ``EditError`` with a translation key of the console per field,
so the form can say it in words beside the field."""

from __future__ import annotations

import copy
import uuid
from datetime import datetime, timedelta, timezone
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from kiosk.catalogue.importer import REQUIRED_LANGUAGES
from kiosk.catalogue.rules import text_problem
from sync.server.models import (CatalogueAddition, CatalogueEntry, CatalogueHistory, Slot)

NOTE_MAX = 300
CAPACITY_MAX = 50
SLOT_MAX = timedelta(hours=12)
IMPORT_ACTOR = "import"


class EditError(ValueError):
    """Field -> translation key (sync/server/console/translations)."""

    def __init__(self, errors: dict[str, str]):
        super().__init__(", ".join(f"{k}: {v}" for k, v in sorted(errors.items())))
        self.errors = errors


def _now() -> datetime:
    return datetime.now(timezone.utc)


def history(s: Session, site: str, *, actor: str, actor_name: str = "", kind: str, target: str, change: str,
            detail: str = "", at: datetime | None = None) -> None:
    s.add(CatalogueHistory(site_id=site, at=at or _now(), actor=actor[:200], actor_name=actor_name[:200],
                           kind=kind, target_id=target[:64], change=change, detail=detail[:2000]))


def changed_fields(before: dict | None, after: dict | None) -> str:
    """The top-level fields that differ, for the history ("names, channels")."""
    before, after = before or {}, after or {}
    return ", ".join(sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k)))


# -- laid over every import --------------------------------------------------------------
def additions(s: Session, site: str) -> list[CatalogueAddition]:
    return list(s.scalars(select(CatalogueAddition).where(CatalogueAddition.site_id == site)
                          .order_by(CatalogueAddition.kind, CatalogueAddition.target_id)))


def overlay(s: Session, site: str, data: Any) -> Any:
    """The import document with the site's console additions applied (a copy). An
    addition for something not in this import stays stored and applies again when the
    item comes back, as with local-additions.json."""
    rows = additions(s, site) if isinstance(data, dict) else []
    if not rows:
        return data
    doc = copy.deepcopy(data)
    providers = {p.get("id"): p for p in doc.get("providers") or [] if isinstance(p, dict)}
    channels = {ch.get("id"): ch for sv in doc.get("services") or [] if isinstance(sv, dict)
                for ch in sv.get("channels") or [] if isinstance(ch, dict)}
    for row in rows:
        if row.kind == "provider" and row.target_id in providers and "accepts_vouchers" in row.data:
            providers[row.target_id]["accepts_vouchers"] = bool(row.data["accepts_vouchers"])
        elif row.kind == "channel" and row.target_id in channels:
            ch = channels[row.target_id]
            if "accessibility" in row.data:
                if row.data["accessibility"]:
                    ch["accessibility"] = dict(row.data["accessibility"])
                else:
                    ch.pop("accessibility", None)
            extra = row.data.get("slots") or []
            if extra:
                ids = {x["id"] for x in extra}
                ch["slots"] = [x for x in ch.get("slots") or [] if x.get("id") not in ids] + [dict(x) for x in extra]
    return doc


# -- the console's edits -----------------------------------------------------------------
def _addition(s: Session, site: str, kind: str, target: str) -> CatalogueAddition:
    row = s.get(CatalogueAddition, (site, kind, target), with_for_update=True)
    if row is None:
        row = CatalogueAddition(site_id=site, kind=kind, target_id=target, data={}, updated_at=_now())
        s.add(row)
    return row


def _entry(s: Session, site: str, kind: str, eid: str) -> CatalogueEntry | None:
    row = s.get(CatalogueEntry, (site, kind, eid), with_for_update=True)
    return None if row is None or row.deleted else row


def _service_of_channel(s: Session, site: str, channel_id: str) -> CatalogueEntry | None:
    for row in s.scalars(select(CatalogueEntry).where(CatalogueEntry.site_id == site,
                                                      CatalogueEntry.kind == "service",
                                                      CatalogueEntry.deleted.is_(False))):
        if any(isinstance(c, dict) and c.get("id") == channel_id for c in (row.data or {}).get("channels") or []):
            return row
    return None


def set_vouchers(sessions: sessionmaker[Session], site: str, provider_id: str, accepts: bool, *,
                 actor: str, actor_name: str = "") -> bool:
    """Whether the provider accepts the city's service vouchers. False: no such provider."""
    from sync.server.participation import put_catalogue_entry

    with sessions.begin() as s:
        entry = _entry(s, site, "provider", provider_id)
        if entry is None:
            return False
        add = _addition(s, site, "provider", provider_id)
        add.data, add.updated_at, add.updated_by = {**add.data, "accepts_vouchers": accepts}, _now(), actor
        if bool((entry.data or {}).get("accepts_vouchers")) != accepts:
            put_catalogue_entry(s, site, "provider", provider_id, {**entry.data, "accepts_vouchers": accepts})
        history(s, site, actor=actor, actor_name=actor_name, kind="provider", target=provider_id, change="vouchers",
                detail="accepts_vouchers=" + ("true" if accepts else "false"))
    return True


def check_note(texts: dict[str, str]) -> dict[str, str]:
    """The note in fi, sv and en, or none at all (every kiosk language needs it)."""
    errors: dict[str, str] = {}
    given = {k: v.strip() for k, v in texts.items() if v.strip()}
    if not given:
        return errors
    for lang in REQUIRED_LANGUAGES:
        words = given.get(lang, "")
        if not words:
            errors[f"note_{lang}"] = "cat_err_note_missing"
        elif len(words) > NOTE_MAX:
            errors[f"note_{lang}"] = "cat_err_note_long"
        elif text_problem(words) is not None:
            errors[f"note_{lang}"] = "cat_err_note_chars"
    return errors


def set_note(sessions: sessionmaker[Session], site: str, channel_id: str, texts: dict[str, str], *,
             actor: str, actor_name: str = "") -> bool:
    """The channel's note shown on the kiosk (the format's ``accessibility``); empty texts
    remove it. EditError for a bad note; False for an unknown channel."""
    from sync.server.participation import put_catalogue_entry

    errors = check_note(texts)
    if errors:
        raise EditError(errors)
    note = {lang: " ".join(texts[lang].split()) for lang in REQUIRED_LANGUAGES if texts.get(lang, "").strip()}
    with sessions.begin() as s:
        service = _service_of_channel(s, site, channel_id)
        if service is None:
            return False
        add = _addition(s, site, "channel", channel_id)
        add.data, add.updated_at, add.updated_by = {**add.data, "accessibility": note or None}, _now(), actor
        data = copy.deepcopy(service.data)
        for ch in data["channels"]:
            if ch.get("id") == channel_id:
                if note:
                    ch["accessibility"] = note
                else:
                    ch.pop("accessibility", None)
        if data != service.data:
            put_catalogue_entry(s, site, "service", service.id, data)
        history(s, site, actor=actor, actor_name=actor_name, kind="channel", target=channel_id, change="note",
                detail=note.get("fi", "") or "-")
    return True


def add_slot(sessions: sessionmaker[Session], site: str, channel_id: str, starts: datetime | None,
             ends: datetime | None, capacity: str, *, actor: str, actor_name: str = "",
             now: datetime | None = None) -> str | None:
    """An extra bookable time on a channel; its id, or None for an unknown channel."""
    from sync.server.participation import put_catalogue_entry

    errors: dict[str, str] = {}
    now = now or _now()
    if starts is None:
        errors["slot_starts"] = "cat_err_time"
    elif starts <= now:
        errors["slot_starts"] = "cat_err_past"
    if ends is None:
        errors["slot_ends"] = "cat_err_time"
    elif starts is not None and ends <= starts:
        errors["slot_ends"] = "cat_err_order"
    elif starts is not None and ends - starts > SLOT_MAX:
        errors["slot_ends"] = "cat_err_slot_long"
    places = int(capacity) if capacity.strip().isdigit() else 0
    if not 1 <= places <= CAPACITY_MAX:
        errors["slot_capacity"] = "cat_err_capacity"
    if errors:
        raise EditError(errors)
    assert starts is not None and ends is not None
    slot_id = f"{channel_id[:48]}.x{uuid.uuid4().hex[:8]}"  # never the form slot_rules make (…YYYYMMDDtHHMM)
    slot = {"id": slot_id, "start": starts.isoformat(), "end": ends.isoformat(), "capacity": places}
    with sessions.begin() as s:
        service = _service_of_channel(s, site, channel_id)
        if service is None:
            return None
        add = _addition(s, site, "channel", channel_id)
        add.data = {**add.data, "slots": [*(add.data.get("slots") or []), slot]}
        add.updated_at, add.updated_by = _now(), actor
        put_catalogue_entry(s, site, "slot", slot_id, {"id": slot_id, "channel_id": channel_id,
                                                       "service_id": service.id, "start": slot["start"],
                                                       "end": slot["end"], "capacity": places})
        s.add(Slot(site_id=site, id=slot_id, channel_id=channel_id, service_id=service.id, starts_at=starts,
                   ends_at=ends, capacity=places, booked=0))
        history(s, site, actor=actor, actor_name=actor_name, kind="slot", target=slot_id, change="slot_added",
                detail=f"{channel_id} {slot['start']} – {slot['end']}, {places}")
    return slot_id


def remove_slot(sessions: sessionmaker[Session], site: str, channel_id: str, slot_id: str, *, actor: str,
                actor_name: str = "") -> str:
    """Take back an extra time the console added: "removed", "booked" (someone has it:
    it stays) or "unknown"."""
    from sync.server.participation import put_catalogue_entry

    with sessions.begin() as s:
        add = s.get(CatalogueAddition, (site, "channel", channel_id), with_for_update=True)
        mine = [x for x in (add.data.get("slots") or []) if x["id"] == slot_id] if add is not None else []
        if not mine:
            return "unknown"
        row = s.get(Slot, (site, slot_id), with_for_update=True)
        if row is not None and row.booked > 0:
            return "booked"
        add.data = {**add.data, "slots": [x for x in add.data.get("slots") or [] if x["id"] != slot_id]}
        add.updated_at, add.updated_by = _now(), actor
        if row is not None:
            s.delete(row)
        if _entry(s, site, "slot", slot_id) is not None:
            put_catalogue_entry(s, site, "slot", slot_id, None)
        history(s, site, actor=actor, actor_name=actor_name, kind="slot", target=slot_id, change="slot_removed",
                detail=channel_id)
    return "removed"


def console_slots(sessions: sessionmaker[Session], site: str) -> dict[str, list[dict]]:
    """Channel id -> the extra times the console added, with how many are booked."""
    with sessions() as s:
        booked = {r.id: r.booked for r in s.scalars(select(Slot).where(Slot.site_id == site))}
        return {a.target_id: [{**x, "booked": booked.get(x["id"], 0)} for x in a.data.get("slots") or []]
                for a in additions(s, site) if a.kind == "channel"}


def history_rows(sessions: sessionmaker[Session], site: str, limit: int = 500) -> list[dict]:
    with sessions() as s:
        rows = s.scalars(select(CatalogueHistory).where(CatalogueHistory.site_id == site)
                         .order_by(CatalogueHistory.id.desc()).limit(limit))
        return [{"at": (r.at if r.at.tzinfo else r.at.replace(tzinfo=timezone.utc)), "actor": r.actor,
                 "actor_name": r.actor_name, "kind": r.kind, "target": r.target_id, "change": r.change,
                 "detail": r.detail} for r in rows]
