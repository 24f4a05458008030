"""The announcement form of the console (docs/console.md, "Announcements"): what the
form's fields become, and which field each problem belongs to, so the page can say it
in words next to the field and give every typed word back.

The rules of a notice stay kiosk/announcements.py's and the storing
sync/server/announcements.py's; this only turns a browser's form into their arguments.
Times are typed in Finnish time (``datetime-local``), as staff think of them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone

from kiosk.announcements import INFO, PRIORITIES, TEXT_LANGUAGES, TEXT_MAX, Announcement
from kiosk.catalogue.hours import LOCAL_TZ

_LOCAL_FORMAT = "%Y-%m-%dT%H:%M"


@dataclass
class NoticeForm:
    """What the member of staff typed, kept as typed (a refused form shows it again)."""

    texts: dict[str, str] = field(default_factory=lambda: {lang: "" for lang in TEXT_LANGUAGES})
    sites: list[str] = field(default_factory=list)
    services: list[str] = field(default_factory=list)
    starts: str = ""
    ends: str = ""
    priority: str = INFO

    @classmethod
    def of(cls, a: Announcement, sites: list[str]) -> "NoticeForm":
        return cls(texts={lang: a.texts.get(lang, "") for lang in TEXT_LANGUAGES}, sites=list(sites),
                   services=list(a.service_ids), starts=local_input(a.starts), ends=local_input(a.ends),
                   priority=a.priority)


def local_input(t: datetime) -> str:
    """A UTC time as a ``datetime-local`` value in Finnish time."""
    return t.astimezone(LOCAL_TZ).strftime(_LOCAL_FORMAT)


def local_text(t: datetime) -> str:
    return t.astimezone(LOCAL_TZ).strftime("%d.%m.%Y %H:%M")


def parse_local(value: str) -> datetime | None:
    """A typed Finnish time, or None: not a time, or one that does not exist (the hour the
    clocks skip in March) or exists twice (the hour repeated in October), since a notice
    must not start an hour off from what was meant."""
    value = value.strip()
    try:
        naive = datetime.strptime(value[:16], _LOCAL_FORMAT) if len(value) >= 16 else None
    except ValueError:
        return None
    if naive is None or value[16:] not in ("", ":00"):
        return None
    early, late = naive.replace(tzinfo=LOCAL_TZ, fold=0), naive.replace(tzinfo=LOCAL_TZ, fold=1)
    if early.utcoffset() != late.utcoffset():
        return None
    t = early.astimezone(timezone.utc)
    if t.astimezone(LOCAL_TZ).replace(tzinfo=None) != naive:
        return None
    return t


def check(form: NoticeForm, *, known_sites: set[str], known_services: set[str]) -> dict[str, str]:
    """The problems of the form, field -> translation key; empty when it can be stored.
    The same checks as kiosk/announcements.py's, so the backend's own check never has to
    answer in English."""
    errors: dict[str, str] = {}
    for lang, words in form.texts.items():
        if len(words.strip()) > TEXT_MAX:
            errors[f"text_{lang}"] = "ann_err_too_long"
    if not any(w.strip() for w in form.texts.values()):
        errors["texts"] = "ann_err_no_text"
    starts, ends = parse_local(form.starts), parse_local(form.ends)
    if starts is None:
        errors["starts"] = "ann_err_time"
    if ends is None:
        errors["ends"] = "ann_err_time"
    if starts and ends and ends <= starts:
        errors["ends"] = "ann_err_order"
    if form.priority not in PRIORITIES:
        errors["priority"] = "ann_err_priority"
    if set(form.sites) - known_sites:
        errors["sites"] = "ann_err_site"
    if set(form.services) - known_services:
        errors["services"] = "ann_err_service"
    return errors


def arguments(form: NoticeForm) -> dict:
    """The checked form as create_announcement/update_announcement arguments."""
    return {"texts": {lang: w for lang, w in form.texts.items() if w.strip()}, "sites": sorted(set(form.sites)),
            "starts": parse_local(form.starts), "ends": parse_local(form.ends), "priority": form.priority,
            "service_ids": sorted(set(form.services))}


def state(a: Announcement, withdrawn: bool, now: datetime) -> str:
    if withdrawn:
        return "withdrawn"
    if now >= a.ends:
        return "ended"
    return "showing" if a.showing(now) else "upcoming"
