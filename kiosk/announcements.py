"""City announcements: short notices on the kiosk's home screen, queue display and
service cards (issue 15, "Announcements").

Not to be confused with ``kiosk/announce.py`` (speech). The rules both ends apply live
here once: what an announcement looks like, when it shows, and which text a screen
uses. The backend (``sync/server/announcements.py``) checks a notice with
``announcement_problems`` before storing it; the kiosk receives notices with the
catalogue pull (kind ``announcement`` in the catalogue mirror) and shows one only
within its window, by the kiosk's own clock, so a notice that starts at 07:00 shows at
07:00 even while the kiosk is offline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, Callable, Iterable

INFO, URGENT = "info", "urgent"
PRIORITIES = (INFO, URGENT)
# The languages a notice may be written in: the kiosk's own three and the ones it offers.
TEXT_LANGUAGES = ("fi", "sv", "en", "ar", "so", "ru", "uk", "et")
TEXT_MAX = 400
_ID = re.compile(r"^[a-z0-9][a-z0-9._-]{0,63}$")
KIND = "announcement"  # the catalogue change kind


class AnnouncementError(ValueError):
    """A notice that cannot be stored; ``problems`` names each thing wrong."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("; ".join(problems))


@dataclass(frozen=True)
class Announcement:
    id: str
    texts: dict[str, str]
    starts: datetime
    ends: datetime
    priority: str = INFO
    service_ids: tuple[str, ...] = ()

    @property
    def urgent(self) -> bool:
        return self.priority == URGENT

    def showing(self, at: datetime) -> bool:
        return self.starts <= at < self.ends

    def text(self, lang: str) -> str:
        """In the screen's language; a notice the city wrote in fewer languages shows in
        the first of fi, sv, en that it has (a notice is the city's own words, not a key)."""
        for code in (lang, "fi", "sv", "en", *TEXT_LANGUAGES):
            if (self.texts.get(code) or "").strip():
                return self.texts[code].strip()
        return ""

    def language_of_text(self, lang: str) -> str:
        for code in (lang, "fi", "sv", "en", *TEXT_LANGUAGES):
            if (self.texts.get(code) or "").strip():
                return code
        return lang


def _time(v: Any, name: str, problems: list[str]) -> datetime | None:
    if isinstance(v, datetime):
        t = v
    else:
        try:
            t = datetime.fromisoformat(v) if isinstance(v, str) else None
        except ValueError:
            t = None
    if t is None or t.tzinfo is None:
        problems.append(f"{name}: expected a time with a UTC offset, like 2026-12-01T08:00:00+02:00")
        return None
    return t.astimezone(timezone.utc)


def announcement_problems(d: Any) -> list[str]:
    problems: list[str] = []
    _parse(d, problems)
    return problems


def parse_announcement(d: Any) -> Announcement:
    problems: list[str] = []
    a = _parse(d, problems)
    if problems or a is None:
        raise AnnouncementError(problems or ["announcement: expected an object"])
    return a


def _parse(d: Any, problems: list[str]) -> Announcement | None:
    if not isinstance(d, dict):
        problems.append("announcement: expected an object")
        return None
    aid = d.get("id")
    if not isinstance(aid, str) or not _ID.match(aid):
        problems.append("id: expected a short lowercase id like 'kontula-closed-1205'")
    texts = d.get("texts")
    clean: dict[str, str] = {}
    if not isinstance(texts, dict):
        problems.append("texts: expected the notice in at least one of " + ", ".join(TEXT_LANGUAGES))
    else:
        for lang, text in texts.items():
            if lang not in TEXT_LANGUAGES:
                problems.append(f"texts.{lang}: not a language the kiosk offers ({', '.join(TEXT_LANGUAGES)})")
            elif not isinstance(text, str):
                problems.append(f"texts.{lang}: expected text")
            elif len(text.strip()) > TEXT_MAX:
                problems.append(f"texts.{lang}: longer than {TEXT_MAX} characters (a notice is short)")
            elif text.strip():
                clean[lang] = " ".join(text.split())
        if not clean and not any(p.startswith("texts.") for p in problems):
            problems.append("texts: no text in any language")
    starts = _time(d.get("starts"), "starts", problems)
    ends = _time(d.get("ends"), "ends", problems)
    if starts and ends and ends <= starts:
        problems.append("ends: must be after starts")
    priority = d.get("priority", INFO)
    if priority not in PRIORITIES:
        problems.append(f"priority: expected one of {', '.join(PRIORITIES)}")
    services = d.get("service_ids") or []
    if not isinstance(services, list) or not all(isinstance(s, str) and s for s in services):
        problems.append("service_ids: expected a list of service ids")
        services = []
    if problems:
        return None
    return Announcement(aid, clean, starts, ends, priority, tuple(services))


def public_form(a: Announcement) -> dict:
    """What a kiosk receives (no sites: a kiosk only gets the notices for its own)."""
    return {"id": a.id, "texts": dict(a.texts), "starts": a.starts.isoformat(), "ends": a.ends.isoformat(),
            "priority": a.priority, "service_ids": list(a.service_ids)}


def showing(notices: Iterable[Announcement], at: datetime) -> list[Announcement]:
    """Those within their window at ``at``: urgent first, then the newest first."""
    return sorted((a for a in notices if a.showing(at)), key=lambda a: (not a.urgent, -a.starts.timestamp(), a.id))


class AnnouncementBoard:
    """The kiosk's notices: stored with the catalogue pull, shown within their window."""

    def __init__(self, db, *, now: Callable[[], datetime] = lambda: datetime.now(timezone.utc)) -> None:
        self._db = db
        self._now = now
        self._held: list[Announcement] | None = None
        self._listeners: list[Callable[[], None]] = []

    def reload(self) -> None:
        """Read the stored notices again (after a pull changed the catalogue); screens then
        ask ``current()`` as often as they like without touching the database."""
        self._held = self.stored()
        for listener in list(self._listeners):
            listener()

    def on_change(self, listener: Callable[[], None]) -> None:
        self._listeners.append(listener)

    def stored(self) -> list[Announcement]:
        from sqlalchemy import select

        from kiosk.storage.models import CatalogueEntryRecord

        entries = CatalogueEntryRecord.__table__
        # A Core read: home shows the notices at start, and this is its only query there;
        # the ORM's query machinery would be built up just for it.
        with self._db.engine.connect() as conn:
            rows = list(conn.scalars(select(entries.c.data).where(entries.c.kind == KIND)))
        out = []
        for d in rows:
            problems: list[str] = []
            a = _parse(d, problems)
            if a is not None:  # the pull checked them; a row of another shape is skipped
                out.append(a)
        return out

    def current(self) -> list[Announcement]:
        if self._held is None:
            self._held = self.stored()
        return showing(self._held, self._now())

    def urgent_for_service(self, service_id: str) -> list[Announcement]:
        return [a for a in self.current() if a.urgent and service_id in a.service_ids]
