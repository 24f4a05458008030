"""Catalogue import: validate a JSON file completely, then replace the catalogue in
one transaction. A file with any error changes nothing; every error is listed with
its location, e.g. ``services[12].names.sv: missing``. Format: docs/catalogue-format.md.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any, Callable

from sqlalchemy import delete

from kiosk.catalogue import rules, vocab
from kiosk.catalogue.hours import LOCAL_TZ
from kiosk.catalogue.rules import expand_slot_rules
from kiosk.storage.db import Database
from kiosk.storage.models import (CatalogueMetaRecord, ChannelRecord, ProviderRecord, ServiceProducerRecord,
                                  ServiceRecord, SlotRecord)

FORMAT = "welfare-kiosk-catalogue/1"
REQUIRED_LANGUAGES = ("fi", "sv", "en")
SHORT_DESCRIPTION_MAX = 150
_ID = rules.ID
_LANG = re.compile(r"^[a-z]{2,3}$")
_BUSINESS_ID = re.compile(r"^\d{7}-\d$")


class CatalogueError(Exception):
    def __init__(self, errors: list[str]):
        self.errors = errors
        shown = "\n  ".join(errors[:50])
        more = f"\n  ... and {len(errors) - 50} more" if len(errors) > 50 else ""
        super().__init__(f"catalogue rejected, {len(errors)} error(s):\n  {shown}{more}")


@dataclass(frozen=True)
class ImportResult:
    providers: int
    services: int
    channels: int
    slots: int


class _Checker:
    def __init__(self) -> None:
        self.errors: list[str] = []

    def err(self, path: str, msg: str) -> None:
        self.errors.append(f"{path}: {msg}")

    def obj(self, path: str, value: Any, required: dict[str, Callable], optional: dict[str, Callable]) -> dict | None:
        if not isinstance(value, dict):
            self.err(path or "(document)", f"expected an object, got {type(value).__name__}")
            return None

        def at(key: str) -> str:
            return f"{path}.{key}" if path else key

        for key, check in required.items():
            if key not in value:
                self.err(at(key), "missing")
            else:
                check(at(key), value[key])
        for key, check in optional.items():
            if key in value and value[key] is not None:
                check(at(key), value[key])
        for key in value:
            if key not in required and key not in optional:
                self.err(at(key), "unknown field")
        return value

    def text(self, max_len: int | None = None, required: bool = True, multiline: bool = False) -> Callable:
        def check(path: str, value: Any) -> None:
            if not isinstance(value, dict):
                self.err(path, "expected an object of texts by language, e.g. {\"fi\": ..., \"sv\": ..., \"en\": ...}")
                return
            if required or value:
                for lang in REQUIRED_LANGUAGES:
                    if lang not in value:
                        self.err(f"{path}.{lang}", "missing")
            for lang, t in value.items():
                if not _LANG.match(str(lang)):
                    self.err(f"{path}.{lang}", "not a language code")
                elif not isinstance(t, str) or not t.strip():
                    self.err(f"{path}.{lang}", "expected a non-empty text")
                elif max_len is not None and len(t) > max_len:
                    self.err(f"{path}.{lang}", f"{len(t)} characters, at most {max_len} allowed")
                elif problem := rules.text_problem(t, multiline=multiline):
                    self.err(f"{path}.{lang}", problem)
        return check

    def choice(self, options: tuple[str, ...]) -> Callable:
        def check(path: str, value: Any) -> None:
            if value not in options:
                self.err(path, f"{value!r} is not one of: {', '.join(options)}")
        return check

    def choices(self, options: tuple[str, ...] | None, non_empty: bool = False) -> Callable:
        def check(path: str, value: Any) -> None:
            if not isinstance(value, list):
                self.err(path, "expected a list")
                return
            if non_empty and not value:
                self.err(path, "expected at least one item")
            for i, v in enumerate(value):
                if options is not None and v not in options:
                    self.err(f"{path}[{i}]", f"{v!r} is not one of: {', '.join(options)}")
                elif options is None and not (isinstance(v, str) and _LANG.match(v)):
                    self.err(f"{path}[{i}]", f"{v!r} is not a language code")
        return check

    def string(self, pattern: re.Pattern | None = None, what: str = "") -> Callable:
        def check(path: str, value: Any) -> None:
            if not isinstance(value, str) or not value.strip():
                self.err(path, "expected a non-empty text")
            elif problem := rules.text_problem(value):
                self.err(path, problem)
            elif pattern is not None and not pattern.match(value):
                self.err(path, f"{value!r} is not {what}")
        return check

    def boolean(self, path: str, value: Any) -> None:
        if not isinstance(value, bool):
            self.err(path, "expected true or false")

    def keywords(self, path: str, value: Any) -> None:
        if not isinstance(value, dict):
            self.err(path, "expected an object of keyword lists by language")
            return
        for lang, words in value.items():
            if not _LANG.match(str(lang)):
                self.err(f"{path}.{lang}", "not a language code")
            elif not isinstance(words, list) or not all(isinstance(w, str) and w.strip() for w in words):
                self.err(f"{path}.{lang}", "expected a list of non-empty texts")
            else:
                for j, w in enumerate(words):
                    if problem := rules.text_problem(w):
                        self.err(f"{path}.{lang}[{j}]", problem)

    def contact(self, path: str, value: Any) -> None:
        self.obj(path, value, {}, {k: self.string() for k in ("phone", "email", "web", "address")})

    def ranges(self, path: str, value: Any) -> None:
        if not isinstance(value, list):
            self.err(path, 'expected a list of ["HH:MM", "HH:MM"] pairs')
            return
        for i, problem in rules.opening_ranges_problems(value):
            self.err(f"{path}[{i}]", problem)

    def opening_hours(self, path: str, value: Any) -> None:
        def regular(p: str, v: Any) -> None:
            self.obj(p, v, {}, {d: self.ranges for d in vocab.WEEKDAYS})

        def exceptions(p: str, v: Any) -> None:
            if not isinstance(v, list):
                self.err(p, "expected a list")
                return
            for i, e in enumerate(v):
                self.obj(f"{p}[{i}]", e, {"date": self.iso_date},
                         {"closed": self.boolean, "hours": self.ranges, "note": self.text()})

        self.obj(path, value, {}, {"regular": regular, "exceptions": exceptions, "always_open": self.boolean})

    def iso_date(self, path: str, value: Any) -> None:
        try:
            date.fromisoformat(value)
        except (TypeError, ValueError):
            self.err(path, f"{value!r} is not a date like 2026-12-24")

    def timestamp(self, path: str, value: Any) -> None:
        try:
            dt = datetime.fromisoformat(value)
        except (TypeError, ValueError):
            self.err(path, f"{value!r} is not a time like 2026-12-01T09:00:00+02:00")
            return
        if dt.tzinfo is None:
            self.err(path, f"{value!r} has no UTC offset")
            return
        try:
            dt.astimezone(timezone.utc)
        except OverflowError:  # e.g. 9999-12-31T23:59:59-14:00 is in the year 10000 in UTC
            self.err(path, f"{value!r} is outside the range of times the kiosk can store")

    def positive_int(self, path: str, value: Any, hi: int = 1000) -> None:
        if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= hi:
            self.err(path, f"expected a whole number from 1 to {hi}")


def _minutes(c: _Checker, path: str, value: Any, hi: int) -> None:
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= hi:
        c.err(path, f"expected a whole number of minutes from 0 to {hi}")


def _slot_rule_checks(c: _Checker) -> tuple[dict, dict]:
    def times(p: str, v: Any) -> None:
        if not isinstance(v, list) or not v:
            c.err(p, 'expected a list of "HH:MM" times')
            return
        for i, x in enumerate(v):
            if problem := rules.clock_problem(x):
                c.err(f"{p}[{i}]", f"{problem}: a slot starts at a time of the day")

    def weekdays(p: str, v: Any) -> None:
        c.choices(vocab.WEEKDAYS, non_empty=True)(p, v)

    return ({"weekdays": weekdays, "times": times, "duration_min": lambda p, v: c.positive_int(p, v, 480)},
            {"capacity": c.positive_int, "weeks_ahead": lambda p, v: c.positive_int(p, v, 26)})


def validate(data: Any) -> list[str]:
    """Every problem in the document, each with its location. Empty means valid."""
    c = _Checker()
    if not isinstance(data, dict):
        return ["(document): expected a JSON object"]
    provider_ids: set[str] = set()
    ids: dict[str, set[str]] = {"service": set(), "channel": set(), "slot": set()}
    channels_with_rules: set[str] = set()
    explicit_slots: list[tuple[str, str]] = []  # (path, id)

    def unique(kind: str) -> Callable:
        def check(path: str, value: Any) -> None:
            c.string(_ID, rules.ID_WHAT)(path, value)
            if isinstance(value, str):
                if value in ids[kind]:
                    c.err(path, f"duplicate {kind} id {value!r}")
                ids[kind].add(value)
        return check

    def provider_ref(path: str, value: Any) -> None:
        if value not in provider_ids:
            c.err(path, f"unknown provider {value!r}")

    def providers(path: str, value: Any) -> None:
        if not isinstance(value, list) or not value:
            c.err(path, "expected a non-empty list")
            return
        for i, p in enumerate(value):
            pid = p.get("id") if isinstance(p, dict) else None
            if isinstance(pid, str) and pid in provider_ids:
                c.err(f"{path}[{i}].id", f"duplicate provider id {pid!r}")
            c.obj(f"{path}[{i}]", p,
                  {"id": c.string(_ID, rules.ID_WHAT),
                   "names": c.text(), "sector": c.choice(vocab.SECTORS),
                   "organiser_type": c.choice(vocab.ORGANISER_TYPES)},
                  {"business_id": c.string(_BUSINESS_ID, "a Finnish business id like 1234567-8"),
                   "contact": c.contact, "accepts_vouchers": c.boolean})
            if isinstance(pid, str):
                provider_ids.add(pid)

    def slots(path: str, value: Any) -> None:
        if not isinstance(value, list):
            c.err(path, "expected a list")
            return
        for i, s in enumerate(value):
            c.obj(f"{path}[{i}]", s, {"id": unique("slot"), "start": c.timestamp, "end": c.timestamp},
                  {"capacity": c.positive_int})
            if isinstance(s, dict) and isinstance(s.get("id"), str):
                explicit_slots.append((f"{path}[{i}].id", s["id"]))
            if isinstance(s, dict):
                try:
                    if datetime.fromisoformat(s["end"]) <= datetime.fromisoformat(s["start"]):
                        c.err(f"{path}[{i}].end", "must be after start")
                except (KeyError, TypeError, ValueError):
                    pass

    def slot_rules(path: str, value: Any) -> None:
        if not isinstance(value, list):
            c.err(path, "expected a list")
            return
        req, opt = _slot_rule_checks(c)
        for i, r in enumerate(value):
            c.obj(f"{path}[{i}]", r, req, opt)

    def channels(path: str, value: Any) -> None:
        if not isinstance(value, list) or not value:
            c.err(path, "expected a non-empty list: every service needs a way to reach it")
            return
        for i, ch in enumerate(value):
            p = f"{path}[{i}]"
            c.obj(p, ch, {"id": unique("channel"), "kind": c.choice(vocab.CHANNEL_KINDS)},
                  {"names": c.text(), "address": address, "phone": c.string(), "url": url,
                   "opening_hours": c.opening_hours, "accessibility": c.text(),
                   "languages": c.choices(None), "slots": slots, "slot_rules": slot_rules,
                   "checkin": checkin})
            if isinstance(ch, dict):
                kind = ch.get("kind")
                if kind == "visit" and not ch.get("address"):
                    c.err(f"{p}.address", "missing: a visit channel needs an address")
                if kind == "phone" and not ch.get("phone"):
                    c.err(f"{p}.phone", "missing: a phone channel needs a number")
                if kind in ("web", "video") and not ch.get("url") and kind == "web":
                    c.err(f"{p}.url", "missing: a web channel needs an address")
                weekly = ch.get("slot_rules")
                if isinstance(weekly, list) and weekly:
                    if isinstance(ch.get("id"), str):
                        channels_with_rules.add(ch["id"])
                    for sub, problem in rules.slot_rule_problems(ch.get("id"), weekly):
                        c.err(f"{p}.{sub}", problem)

    def checkin(path: str, value: Any) -> None:
        # The service's own rule for arriving for a booked time (issue 17, kiosk/checkin.py).
        c.obj(path, value, {"early_min": lambda p, v: _minutes(c, p, v, 240),
                            "late_min": lambda p, v: _minutes(c, p, v, 120)}, {})

    def address(path: str, value: Any) -> None:
        c.obj(path, value, {"street": c.text(), "postal_code": c.string(re.compile(r"^\d{5}$"), "a postal code"),
                            "city": c.text()}, {"room": c.text()})

    def url(path: str, value: Any) -> None:
        c.string(re.compile(r"^https?://\S+$"), "an http(s) address")(path, value)

    def services(path: str, value: Any) -> None:
        if not isinstance(value, list) or not value:
            c.err(path, "expected a non-empty list")
            return
        for i, s in enumerate(value):
            p = f"{path}[{i}]"

            def producers(pp: str, v: Any) -> None:
                if not isinstance(v, list):
                    c.err(pp, "expected a list of provider ids")
                    return
                for j, ref in enumerate(v):
                    provider_ref(f"{pp}[{j}]", ref)

            c.obj(p, s,
                  {"id": unique("service"), "names": c.text(),
                   "short_descriptions": c.text(SHORT_DESCRIPTION_MAX), "descriptions": c.text(multiline=True),
                   "charge_type": c.choice(vocab.CHARGE_TYPES),
                   "target_groups": c.choices(vocab.TARGET_GROUPS, non_empty=True),
                   "responsible_provider": provider_ref, "channels": channels},
                  {"user_instructions": c.text(multiline=True), "goal": c.text(multiline=True),
                   "content": c.text(multiline=True), "outputs": c.text(multiline=True),
                   "quality": c.text(multiline=True), "price_text": c.text(),
                   "life_events": c.choices(vocab.LIFE_EVENTS), "service_classes": c.choices(vocab.SERVICE_CLASSES),
                   "keywords": c.keywords, "languages": c.choices(None), "producers": producers})
            if isinstance(s, dict) and s.get("charge_type") == "charged" and not s.get("price_text"):
                c.err(f"{p}.price_text", "missing: a charged service must say what it costs")

    c.obj("", data,
          {"format": lambda p, v: v == FORMAT or c.err(p, f"expected {FORMAT!r}, got {v!r}"),
           "providers": providers, "services": services},
          {"source": c.string(), "generated_at": c.timestamp})
    for path, slot_id in explicit_slots:
        if (channel := rules.is_rule_slot_id_of(slot_id, channels_with_rules)) is not None:
            c.err(path, f"{slot_id!r} has the form of the slots that channel {channel!r} makes from its "
                        "slot_rules (<channel id>.YYYYMMDDtHHMM): choose another id")
    return c.errors


_expand_rules = expand_slot_rules  # the old private name, for callers not yet moved to kiosk.catalogue.rules


def load_file(path: str | Path) -> Any:
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise CatalogueError([f"{path}: cannot read: {exc.strerror}"]) from None
    try:
        return json.loads(raw.decode("utf-8"))
    except RecursionError:
        raise CatalogueError([f"{path}: nested too deeply to be a catalogue"]) from None
    except UnicodeDecodeError as exc:
        raise CatalogueError([f"{path}: not UTF-8 text (byte {exc.start})"]) from None
    except json.JSONDecodeError as exc:
        raise CatalogueError([f"{path}: line {exc.lineno} column {exc.colno}: not valid JSON: {exc.msg}"]) from None


def _utc(value: str) -> datetime:
    return datetime.fromisoformat(value).astimezone(timezone.utc)


def import_catalogue(db: Database, data: Any, *, today: date | None = None) -> ImportResult:
    """Validate ``data`` fully, then replace the whole catalogue in one transaction."""
    errors = validate(data)
    if errors:
        raise CatalogueError(errors)
    today = today or datetime.now(LOCAL_TZ).date()
    slots_by_channel = {ch["id"]: (ch.get("slots") or []) + expand_slot_rules(ch["id"], ch.get("slot_rules") or [],
                                                                              today)
                        for sv in data["services"] for ch in sv["channels"]}
    made: dict[str, str] = {}
    for channel_id, slots in slots_by_channel.items():  # validate() rules this out; the database must never see it
        for slot in slots:
            if slot["id"] in made:
                raise CatalogueError([f"channel {channel_id!r}: slot {slot['id']!r} is made twice "
                                      f"(also by channel {made[slot['id']]!r})"])
            made[slot["id"]] = channel_id
    n_channels = n_slots = 0
    with db.sessions.begin() as s:
        for model in (SlotRecord, ChannelRecord, ServiceProducerRecord, ServiceRecord, ProviderRecord):
            s.execute(delete(model))
        for p in data["providers"]:
            s.add(ProviderRecord(id=p["id"], names=p["names"], sector=p["sector"],
                                 organiser_type=p["organiser_type"], business_id=p.get("business_id"),
                                 contact=p.get("contact") or {}, accepts_vouchers=p.get("accepts_vouchers", False)))
        s.flush()
        for sv in data["services"]:
            rec = ServiceRecord(
                id=sv["id"], names=sv["names"], short_descriptions=sv["short_descriptions"],
                descriptions=sv["descriptions"],
                **{k: sv.get(k) or {} for k in ("user_instructions", "goal", "content", "outputs", "quality",
                                                "price_text", "keywords")},
                **{k: sv.get(k) or [] for k in ("life_events", "service_classes")},
                charge_type=sv["charge_type"], target_groups=sv["target_groups"],
                languages=sv.get("languages") or list(REQUIRED_LANGUAGES),
                responsible_provider_id=sv["responsible_provider"])
            rec.producers = [ServiceProducerRecord(provider_id=pid)
                             for pid in dict.fromkeys(sv.get("producers") or [sv["responsible_provider"]])]
            for ch in sv["channels"]:
                rec.channels.append(ChannelRecord(
                    id=ch["id"], kind=ch["kind"], names=ch.get("names") or {}, address=ch.get("address") or {},
                    phone=ch.get("phone"), url=ch.get("url"), opening_hours=ch.get("opening_hours") or {},
                    accessibility=ch.get("accessibility") or {}, languages=ch.get("languages") or [],
                    checkin=ch.get("checkin") or {}))
                n_channels += 1
            s.add(rec)
        s.flush()
        for channel_id, slots in slots_by_channel.items():
            for slot in slots:
                s.add(SlotRecord(id=slot["id"], channel_id=channel_id, starts_at=_utc(slot["start"]),
                                 ends_at=_utc(slot["end"]), capacity=slot.get("capacity", 1), booked=0))
                n_slots += 1
        s.merge(CatalogueMetaRecord(key="source", value=str(data.get("source", ""))))
        s.merge(CatalogueMetaRecord(key="imported_at", value=datetime.now(timezone.utc).isoformat()))
    return ImportResult(len(data["providers"]), len(data["services"]), n_channels, n_slots)
