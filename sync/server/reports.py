"""Feedback reports on the reference backend: per service or per provider over a period.

For each group: how many answers, how the four smileys were spread, and the Net
Promoter Score (% promoters 9-10 minus % detractors 0-6) of the answers that gave a
0-10 score. The same figures come as JSON (for the city's own dashboards) and as a
plain HTML page with an inline SVG bar chart (no scripts, no libraries).

A kiosk sends a smiley as a ``feedback`` item at once and the optional score and
comment later as ``feedback_details`` with the same ``answer_id``; the report joins
them. Comments are residents' free text: the page escapes every one of them, so
markup typed on the kiosk is shown as the characters typed, never run.
"""

# No ``from __future__ import annotations``: FastAPI reads the route annotations at run time.
import html
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, Query
from fastapi.responses import HTMLResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, Field
from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from kiosk.catalogue.hours import LOCAL_TZ
from kiosk.feedback import SMILEYS, net_promoter_score
from sync import protocol
from sync.server import store
from sync.server.models import CatalogueEntry, Item
from sync.server.store import BackendError, DeviceIdentity

MAX_PERIOD_DAYS = 400
COMMENTS_SHOWN = 50
# Details arrive after their smiley; an answer given just before the period's end may
# have its details stored a little later.
_DETAILS_GRACE = timedelta(hours=6)
SMILEY_LABELS = {1: "Very unhappy", 2: "Unhappy", 3: "Happy", 4: "Very happy"}


@dataclass
class FeedbackGroup:
    key: str
    name: str
    count: int = 0
    smileys: dict[int, int] = field(default_factory=lambda: {s: 0 for s in SMILEYS})
    scores: list[int] = field(default_factory=list)
    comments: list[str] = field(default_factory=list)

    def as_json(self) -> dict:
        return {"id": self.key, "name": self.name, "count": self.count,
                "smileys": {str(k): v for k, v in self.smileys.items()},
                "nps": net_promoter_score(self.scores), "nps_answers": len(self.scores),
                "promoters": sum(1 for s in self.scores if s >= 9),
                "detractors": sum(1 for s in self.scores if s <= 6),
                "comments": self.comments[-COMMENTS_SHOWN:]}


def _period(start: date, end: date) -> tuple[datetime, datetime]:
    """Whole local days, ``start`` to ``end`` inclusive, as UTC instants."""
    if end < start:
        raise BackendError("invalid_request", "the period ends before it starts", 422)
    if start <= date.min or end >= date.max:  # the day after would not exist (found by the fuzz test)
        raise BackendError("invalid_request", "the period is outside the calendar", 422)
    if (end - start).days > MAX_PERIOD_DAYS:
        raise BackendError("invalid_request", f"a report covers at most {MAX_PERIOD_DAYS} days", 422)
    lo = datetime.combine(start, time(0), LOCAL_TZ).astimezone(timezone.utc)
    hi = datetime.combine(end + timedelta(days=1), time(0), LOCAL_TZ).astimezone(timezone.utc)
    return lo, hi


def _utc(dt: datetime) -> datetime:
    return dt.replace(tzinfo=timezone.utc) if dt.tzinfo is None else dt


def feedback_report(sessions: sessionmaker[Session], site: str, start: date, end: date, *,
                    by: str = "service", language: str = "fi") -> dict:
    """The figures of every service (or provider) that got feedback at ``site`` in the period."""
    if by not in ("service", "provider"):
        raise BackendError("invalid_request", "by is 'service' or 'provider'", 422)
    lo, hi = _period(start, end)
    with sessions() as s:
        answers = [(r.payload, _utc(r.created_at)) for r in s.execute(
            select(Item.payload, Item.created_at).where(Item.site_id == site, Item.kind == "feedback",
                                                        Item.created_at >= lo, Item.created_at < hi))]
        details = [r.payload for r in s.execute(
            select(Item.payload).where(Item.site_id == site, Item.kind == "feedback_details",
                                       Item.created_at >= lo, Item.created_at < hi + _DETAILS_GRACE)
            .order_by(Item.created_at))]
        entries = {(r.kind, r.id): r.data or {} for r in s.scalars(
            select(CatalogueEntry).where(CatalogueEntry.site_id == site,
                                         CatalogueEntry.kind.in_(("service", "provider"))))}

    def name_of(kind: str, key: str) -> str:
        names = entries.get((kind, key), {}).get("names") or {}
        return names.get(language) or names.get("fi") or key

    extra: dict[str, dict] = {}
    for d in details:
        extra.setdefault(d["answer_id"], {}).update({k: v for k, v in d.items() if v is not None})
    groups: dict[str, FeedbackGroup] = {}
    for p, _at in sorted(answers, key=lambda a: a[1]):
        if by == "service":
            key, kind = p["service_id"], "service"
        else:
            key = p.get("provider_id") or entries.get(("service", p["service_id"]), {}).get(
                "responsible_provider") or "unknown"
            kind = "provider"
        g = groups.get(key) or groups.setdefault(key, FeedbackGroup(key, name_of(kind, key)))
        g.count += 1
        g.smileys[p["smiley"]] += 1
        more = extra.get(p.get("answer_id") or "", {}) if p.get("answer_id") else {}
        score = more.get("nps", p.get("nps"))
        if score is not None:
            g.scores.append(score)
        comment = more.get("comment", p.get("comment"))
        if comment:
            g.comments.append(comment)
    ordered = sorted(groups.values(), key=lambda g: (-g.count, g.name.casefold()))
    total = FeedbackGroup("all", "all")
    for g in ordered:
        total.count += g.count
        for k, v in g.smileys.items():
            total.smileys[k] += v
        total.scores += g.scores
    summary = total.as_json()
    del summary["comments"]
    return {"site": site, "from": start.isoformat(), "to": end.isoformat(), "by": by,
            "total": summary, "groups": [g.as_json() for g in ordered]}


# -- the page ---------------------------------------------------------------------------
_BAR_COLOURS = {1: "#B3261E", 2: "#C25E00", 3: "#2E7D32", 4: "#1B5E20"}


def _bar_chart(group: dict) -> str:
    """Four horizontal bars, one per smiley, labelled with words and counts (not colour alone)."""
    width, bar_h, gap, label_w = 640, 28, 10, 150
    most = max(group["smileys"].values()) or 1
    rows = []
    for i, smiley in enumerate(SMILEYS):
        n = group["smileys"][str(smiley)]
        y = i * (bar_h + gap)
        w = round((width - label_w - 60) * n / most)
        rows.append(f'<text x="0" y="{y + 20}" font-size="16">{SMILEY_LABELS[smiley]}</text>'
                    f'<rect x="{label_w}" y="{y}" width="{w}" height="{bar_h}" fill="{_BAR_COLOURS[smiley]}"/>'
                    f'<text x="{label_w + w + 8}" y="{y + 20}" font-size="16">{n}</text>')
    height = len(SMILEYS) * (bar_h + gap)
    title = html.escape(f"Smileys for {group['name']}")
    return (f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{title}" width="{width}" '
            f'height="{height}" viewBox="0 0 {width} {height}">{"".join(rows)}</svg>')


def feedback_report_html(report: dict) -> str:
    e = html.escape
    parts = [f"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Feedback {e(report['site'])}"
             f"</title><style>body{{font-family:sans-serif;max-width:60rem;margin:2rem auto;color:#1a1a1a}}"
             f"table{{border-collapse:collapse}}td,th{{padding:.3rem .8rem;text-align:left}}"
             f".comment{{white-space:pre-wrap;border-left:4px solid #ccc;padding-left:.6rem}}</style></head><body>",
             f"<h1>Feedback, {e(report['site'])}, {e(report['from'])} to {e(report['to'])}</h1>"]
    t = report["total"]
    nps = "no scores" if t["nps"] is None else f"{t['nps']:+.1f}"
    parts.append(f"<p>{t['count']} answers in all; NPS {nps} from {t['nps_answers']} scores.</p>")
    if not report["groups"]:
        parts.append("<p>No feedback in this period.</p>")
    for g in report["groups"]:
        nps = "no scores" if g["nps"] is None else f"{g['nps']:+.1f}"
        parts.append(f"<section><h2>{e(g['name'])}</h2><table>"
                     f"<tr><th>Answers</th><td>{g['count']}</td></tr>"
                     f"<tr><th>NPS</th><td>{nps} ({g['promoters']} promoters, {g['detractors']} detractors, "
                     f"{g['nps_answers']} scores)</td></tr></table>{_bar_chart(g)}")
        if g["comments"]:
            parts.append("<h3>Comments</h3>" + "".join(f'<p class="comment">{e(c)}</p>' for c in g["comments"]))
        parts.append("</section>")
    parts.append("</body></html>")
    return "".join(parts)


class FeedbackGroupAnswer(BaseModel):
    id: str
    name: str
    count: int
    smileys: dict[str, int] = Field(description="answers per smiley: 1 very unhappy ... 4 very happy")
    nps: float | None = Field(description="% promoters (9-10) minus % detractors (0-6); null without scores")
    nps_answers: int
    promoters: int
    detractors: int
    comments: list[str] = Field(default_factory=list, description="plain text, as typed; the newest 50")


class FeedbackReport(BaseModel):
    site: str
    from_: str = Field(alias="from")
    to: str
    by: str
    total: dict
    groups: list[FeedbackGroupAnswer]


def reports_router(sessions: sessionmaker[Session]) -> APIRouter:
    """Reports for the site of the calling device (a kiosk's staff screen, or the city's
    own tools with a device token). A production backend puts its staff sign-in here."""
    router = APIRouter(prefix=protocol.API_PREFIX + "/reports", tags=["reports"])
    bearer = HTTPBearer(auto_error=False)

    def device(creds: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]) -> DeviceIdentity:
        return store.authenticate(sessions, creds.credentials if creds else None)

    Period = Annotated[date, Query(alias="from", description="first day, YYYY-MM-DD (Helsinki time)")]

    @router.get("/feedback", response_model=FeedbackReport, response_model_by_alias=True)
    def report_json(who: Annotated[DeviceIdentity, Depends(device)], start: Period,
                    to: Annotated[date, Query(description="last day, inclusive")],
                    by: Literal["service", "provider"] = "service",
                    lang: Literal["fi", "sv", "en"] = "fi") -> dict:
        return feedback_report(sessions, who.site, start, to, by=by, language=lang)

    @router.get("/feedback.html", response_class=HTMLResponse)
    def report_page(who: Annotated[DeviceIdentity, Depends(device)], start: Period,
                    to: Annotated[date, Query(description="last day, inclusive")],
                    by: Literal["service", "provider"] = "service",
                    lang: Literal["fi", "sv", "en"] = "fi") -> HTMLResponse:
        return HTMLResponse(feedback_report_html(feedback_report(sessions, who.site, start, to, by=by,
                                                                 language=lang)))

    return router
