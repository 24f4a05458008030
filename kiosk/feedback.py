"""Quick feedback: four smileys, then optionally 0-10 "would you recommend" and a comment.

Feedback is tied to a service and its provider, never to a person: nothing that
identifies the resident is stored with it. One tap counts; repeated taps within a
short interval (a child drumming on the screen) are filtered out.
"""

from __future__ import annotations

import re
import threading
import unicodedata
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Callable

from sqlalchemy import select

from kiosk import outbox
from kiosk.storage.models import OutboxItem
from kiosk.storage.db import Database

SMILEYS = (1, 2, 3, 4)  # very unhappy, unhappy, happy, very happy: no neutral button
COMMENT_MAX = 500
DEFAULT_REPEAT_INTERVAL_S = 4.0
CONTEXTS = ("home", "booking", "walk_in", "video", "service_card")
# From the home tile, the service just used on this kiosk comes first: one used within
# these minutes. Short, so the next person is not greeted with someone else's service.
RECENT_USE_MINUTES = 10
# Outbox kinds that say "this service was just used here", and how each names it.
_USE_KINDS = ("booking", "walk_in_appointment", "queue_ticket")
_POPULAR_WINDOW = timedelta(days=30)
_POPULAR_ITEMS = 5_000  # enough to rank a site's services; bounded so the tile stays quick

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


class FeedbackError(ValueError):
    def __init__(self, code: str, message: str = ""):
        self.code = code
        super().__init__(message or code)


def clean_comment(text: str | None) -> str | None:
    """Plain text only: control and bidi-override characters removed, white space folded,
    length capped. Markup is kept as the literal characters the resident typed; screens
    show it as plain text, so '<b>' is never rendered."""
    if text is None:
        return None
    text = unicodedata.normalize("NFC", text)
    text = _CONTROL.sub("", text.replace("\r\n", "\n").replace("\t", " "))
    text = "\n".join(" ".join(line.split()) for line in text.split("\n")).strip()
    return text[:COMMENT_MAX] or None


@dataclass(frozen=True)
class FeedbackReceipt:
    id: str
    counted: bool  # False when filtered as a repeated press


def nps_category(score: int) -> str:
    return "promoter" if score >= 9 else "passive" if score >= 7 else "detractor"


def net_promoter_score(scores: list[int]) -> float | None:
    """% promoters (9-10) minus % detractors (0-6); None without answers."""
    if not scores:
        return None
    promoters = sum(1 for s in scores if s >= 9)
    detractors = sum(1 for s in scores if s <= 6)
    return round(100.0 * (promoters - detractors) / len(scores), 1)


class FeedbackBox:
    """Records feedback answers into the outbox.

    The repeat filter is kiosk-wide, not per service: only one person stands at the
    kiosk, so a second answer within ``repeat_interval_s`` of the last press is a
    drumming finger, whatever it pressed. Every press restarts the interval, so a
    flood counts once however long it lasts.
    """

    def __init__(self, db: Database, *, repeat_interval_s: float = DEFAULT_REPEAT_INTERVAL_S,
                 now: Callable[[], datetime] = lambda: datetime.now(timezone.utc)) -> None:
        if repeat_interval_s < 0:
            raise ValueError("repeat_interval_s must not be negative")
        self._db = db
        self._repeat = timedelta(seconds=repeat_interval_s)
        self._now = now
        self._last_tap: datetime | None = None
        self._lock = threading.Lock()
        # Answers that may still get their optional details (one set of details each).
        self._open_answers: dict[str, str] = {}

    def give(self, *, service_id: str, smiley: int, provider_id: str | None = None, channel_id: str | None = None,
             context: str = "home") -> FeedbackReceipt:
        """Count one smiley tap. The answer can be completed later with ``add_details``."""
        if smiley not in SMILEYS:
            raise FeedbackError("bad_smiley", f"smiley must be one of {SMILEYS}")
        if context not in CONTEXTS:
            raise FeedbackError("bad_context", f"context must be one of {', '.join(CONTEXTS)}")
        if not service_id:
            raise FeedbackError("no_service", "feedback is always about a service")
        now = self._now()
        with self._lock:
            last, self._last_tap = self._last_tap, now
            if last is not None and timedelta(0) <= now - last < self._repeat:
                return FeedbackReceipt(id="", counted=False)
        answer_id = str(uuid.uuid4())
        with self._db.sessions.begin() as s:
            outbox.record(s, "feedback", {
                "service_id": service_id, "smiley": smiley, "provider_id": provider_id,
                "channel_id": channel_id, "context": context, "answer_id": answer_id}, now=now)
        with self._lock:
            self._open_answers[answer_id] = service_id
            while len(self._open_answers) > 50:  # only the last few answers can still be completed
                self._open_answers.pop(next(iter(self._open_answers)))
        return FeedbackReceipt(id=answer_id, counted=True)

    def suggestions(self, *, walk_ins: list[str], channel_service: Callable[[str], str | None] = lambda _c: None,
                    limit: int = 4) -> list[str]:
        """The services to offer first from the home tile (see ``suggested_order``)."""
        found = service_suggestions(self._db, now=self._now(), channel_service=channel_service)
        return suggested_order(found, walk_ins, limit)

    def forget(self) -> None:
        """The next person: nobody can add details to the previous person's answer."""
        with self._lock:
            self._open_answers.clear()

    def add_details(self, answer_id: str, *, service_id: str, nps: int | None = None,
                    comment: str | None = None) -> None:
        """The optional second step: 0-10 and a short comment, sent as its own item that
        refers to the smiley by ``answer_id`` (the smiley already counted on its own)."""
        if nps is not None and (isinstance(nps, bool) or not isinstance(nps, int) or not 0 <= nps <= 10):
            raise FeedbackError("bad_nps", "the recommendation score is a whole number from 0 to 10")
        comment = clean_comment(comment)
        if nps is None and comment is None:
            return
        with self._lock:
            if self._open_answers.get(answer_id) != service_id:
                raise FeedbackError("unknown_answer", "details can only complete an answer just given here")
            del self._open_answers[answer_id]
        with self._db.sessions.begin() as s:
            outbox.record(s, "feedback_details", {"answer_id": answer_id, "service_id": service_id,
                                                  "nps": nps, "comment": comment}, now=self._now())


@dataclass(frozen=True)
class ServiceSuggestions:
    """What the home tile offers first: services just used here (most recent first),
    then every service's use count on this kiosk (for "most used")."""
    recent: tuple[str, ...]
    use_counts: dict[str, int]


def _service_of(item: OutboxItem, channel_service: Callable[[str], str | None]) -> str | None:
    p = item.payload or {}
    if item.kind == "queue_ticket":
        if p.get("event") != "issued":
            return None  # one ticket is one use, however often it is called
        return channel_service(p.get("line_id") or "") if p.get("line_id") else None
    return p.get("service_id") or None


def service_suggestions(db: Database, *, now: datetime, channel_service: Callable[[str], str | None] = lambda _c: None,
                        recent_minutes: int = RECENT_USE_MINUTES) -> ServiceSuggestions:
    """Read from this kiosk's own outbox (a booking made here, a queue ticket taken, a
    walk-in visit, feedback given): nothing about who used them is read or returned."""
    since_recent = now - timedelta(minutes=recent_minutes)
    recent: list[str] = []
    counts: dict[str, int] = {}
    with db.sessions() as s:
        rows = s.scalars(select(OutboxItem).where(OutboxItem.created_at >= now - _POPULAR_WINDOW)
                         .where(OutboxItem.kind.in_((*_USE_KINDS, "feedback")))
                         .order_by(OutboxItem.created_at.desc()).limit(_POPULAR_ITEMS)).all()
        for item in rows:
            service_id = _service_of(item, channel_service)
            if not service_id:
                continue
            counts[service_id] = counts.get(service_id, 0) + 1
            created = item.created_at if item.created_at.tzinfo else item.created_at.replace(tzinfo=timezone.utc)
            if item.kind in _USE_KINDS and since_recent <= created <= now and service_id not in recent:
                recent.append(service_id)
    return ServiceSuggestions(recent=tuple(recent), use_counts=counts)


def suggested_order(suggestions: ServiceSuggestions, walk_ins: list[str], limit: int = 4) -> list[str]:
    """Just used here first, then this site's walk-in services, then the most used; each once.
    Ties keep the given walk-in order, so the list is the same on every visit."""
    by_use = sorted(walk_ins, key=lambda sid: -suggestions.use_counts.get(sid, 0))
    popular = sorted(suggestions.use_counts, key=lambda sid: (-suggestions.use_counts[sid], sid))
    out: list[str] = []
    for sid in (*suggestions.recent, *by_use, *popular):
        if sid not in out:
            out.append(sid)
    return out[:limit]
