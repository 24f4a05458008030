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
import math
import re
import statistics
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from typing import Annotated, Any, Literal

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
from sync.server.console.i18n import text as _t
from sync.server.models import BookingAttendance, CatalogueEntry, Item
from sync.server.store import BackendError, DeviceIdentity

MAX_PERIOD_DAYS = 400
DEFAULT_PERIOD_DAYS = 30  # a report asked for without a period covers the last 30 days
COMMENTS_SHOWN = 50
# Details arrive after their smiley; an answer given just before the period's end may
# have its details stored a little later.
_DETAILS_GRACE = timedelta(hours=6)

def smiley_label(smiley: int, language: str) -> str:
    return _t(language, f"smiley_{smiley}")


def default_period(today: date | None = None) -> tuple[date, date]:
    """The last 30 days up to today (Helsinki), both ends included."""
    today = today or datetime.now(LOCAL_TZ).date()
    return today - timedelta(days=DEFAULT_PERIOD_DAYS - 1), today


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
                # Masked wherever a comment leaves the backend, not only on the console.
                "comments": [mask_personal_data(c) for c in self.comments[-COMMENTS_SHOWN:]]}


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


def _bar_chart(group: dict, language: str) -> str:
    """Four horizontal bars, one per smiley, labelled with words and counts (not colour alone)."""
    width, bar_h, gap, label_w = 640, 28, 10, 170
    most = max(group["smileys"].values()) or 1
    rows = []
    for i, smiley in enumerate(SMILEYS):
        n = group["smileys"][str(smiley)]
        y = i * (bar_h + gap)
        w = round((width - label_w - 60) * n / most)
        rows.append(f'<text x="0" y="{y + 20}" font-size="16">{html.escape(smiley_label(smiley, language))}</text>'
                    f'<rect x="{label_w}" y="{y}" width="{w}" height="{bar_h}" fill="{_BAR_COLOURS[smiley]}"/>'
                    f'<text x="{label_w + w + 8}" y="{y + 20}" font-size="16">{n}</text>')
    height = len(SMILEYS) * (bar_h + gap)
    title = html.escape(_t(language, "chart_smileys_of", name=group["name"]))
    return (f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{title}" width="{width}" '
            f'height="{height}" viewBox="0 0 {width} {height}">{"".join(rows)}</svg>')


def feedback_report_html(report: dict, language: str = "fi") -> str:
    """The report as a page in ``language`` (the words are the console's, console/translations)."""
    e, t = html.escape, (lambda key, **kw: html.escape(_t(language, key, **kw)))
    parts = [f"<!doctype html><html lang=\"{language}\"><head><meta charset=\"utf-8\"><title>"
             f"{t('feedback_page_title', site=report['site'])}"
             f"</title><style>body{{font-family:sans-serif;max-width:60rem;margin:2rem auto;color:#1a1a1a}}"
             f"table{{border-collapse:collapse}}td,th{{padding:.3rem .8rem;text-align:left}}"
             f".comment{{white-space:pre-wrap;border-left:4px solid #ccc;padding-left:.6rem}}</style></head><body>",
             f"<h1>{t('feedback_page_heading', site=report['site'], start=report['from'], end=report['to'])}</h1>"]

    def nps_text(value: float | None) -> str:
        return t("no_scores") if value is None else f"{value:+.1f}"

    total = report["total"]
    parts.append(f"<p>{t('feedback_page_total', count=total['count'], nps=nps_text(total['nps']), scores=total['nps_answers'])}</p>")
    if not report["groups"]:
        parts.append(f"<p>{t('no_feedback')}</p>")
    for g in report["groups"]:
        parts.append(f"<section><h2>{e(g['name'])}</h2><table>"
                     f"<tr><th>{t('answers')}</th><td>{g['count']}</td></tr>"
                     f"<tr><th>NPS</th><td>{nps_text(g['nps'])} "
                     f"({t('nps_parts', promoters=g['promoters'], detractors=g['detractors'], scores=g['nps_answers'])})"
                     f"</td></tr></table>{_bar_chart(g, language)}")
        if g["comments"]:
            parts.append(f"<h3>{t('comments')}</h3>" + "".join(f'<p class="comment">{e(c)}</p>'
                                                                for c in g["comments"]))
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

    # Without a period the report covers the last 30 days (it used to answer 422).
    Start = Annotated[date | None, Query(alias="from", description="first day, YYYY-MM-DD (Helsinki time); "
                                                                   "default 29 days before `to`")]
    End = Annotated[date | None, Query(description="last day, inclusive; default today")]

    def period(start: date | None, to: date | None) -> tuple[date, date]:
        first, last = default_period()
        if to is not None:
            last = to
            # Not before the calendar's first day: _period answers 422 for a period that reaches
            # it, where the subtraction itself overflowed into a 500 (found by the fuzz test).
            first = start if start is not None else (
                to - timedelta(days=DEFAULT_PERIOD_DAYS - 1) if to.toordinal() > DEFAULT_PERIOD_DAYS else date.min)
        elif start is not None:
            first, last = start, max(start, last)
        return first, last

    @router.get("/feedback", response_model=FeedbackReport, response_model_by_alias=True)
    def report_json(who: Annotated[DeviceIdentity, Depends(device)], start: Start = None, to: End = None,
                    by: Literal["service", "provider"] = "service",
                    lang: Literal["fi", "sv", "en"] = "fi") -> dict:
        return feedback_report(sessions, who.site, *period(start, to), by=by, language=lang)

    @router.get("/feedback.html", response_class=HTMLResponse)
    def report_page(who: Annotated[DeviceIdentity, Depends(device)], start: Start = None, to: End = None,
                    by: Literal["service", "provider"] = "service",
                    lang: Literal["fi", "sv", "en"] = "fi") -> HTMLResponse:
        return HTMLResponse(feedback_report_html(feedback_report(sessions, who.site, *period(start, to), by=by,
                                                                 language=lang), lang))

    return router


# -- the console's report of a service product card (sync/server/console) -----------------------
# Personal data residents type into a comment by mistake: e-mail addresses, phone numbers,
# Finnish personal identity codes. Masked before a comment reaches a page or an export.
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")
_HETU = re.compile(r"\b\d{6}[-+AaBCDEFUVWXY]\d{3}[0-9A-Ya-y]\b")
_PHONE = re.compile(r"(?<!\w)\+?\d[\d \-()]{5,}\d(?!\w)")


def mask_personal_data(comment: str) -> str:
    masked = _EMAIL.sub("[email]", comment)
    masked = _HETU.sub("[id]", masked)
    return _PHONE.sub(lambda m: "[phone]" if sum(c.isdigit() for c in m.group()) >= 7 else m.group(), masked)


def nps_margin_of_error(scores: list[int]) -> float | None:
    """Half-width of the 95 % confidence interval of the NPS, in NPS points (normal
    approximation: each answer counts +1, 0 or -1). None with fewer than two scores."""
    n = len(scores)
    if n < 2:
        return None
    p = sum(1 for s in scores if s >= 9) / n
    d = sum(1 for s in scores if s <= 6) / n
    variance = p + d - (p - d) ** 2
    return round(100 * 1.96 * math.sqrt(variance / n), 1)


def percentile(values: list[float], q: float) -> float | None:
    """Nearest-rank percentile (q in 0..1); None without values."""
    if not values:
        return None
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q * len(ordered)) - 1)]


@dataclass(frozen=True)
class ReportFilter:
    start: date
    end: date
    site: str | None = None
    service: str | None = None
    provider: str | None = None   # the producer: who actually provided it
    sector: str | None = None     # public / private / third_sector
    channel: str | None = None

    def query(self) -> dict[str, str]:
        q = {"from": self.start.isoformat(), "to": self.end.isoformat()}
        for key in ("site", "service", "provider", "sector", "channel"):
            if getattr(self, key):
                q[key] = getattr(self, key)
        return q


_FILTER_VALUE = re.compile(r"^[A-Za-z0-9_.:-]{1,64}$")


def parse_filter(params: dict[str, str], today: date | None = None) -> tuple[ReportFilter, list[str]]:
    """A filter from a form's values, never an error: what cannot be used is left out and
    named in the second value (the fields whose input was set aside)."""
    first, last = default_period(today)
    set_aside: list[str] = []
    dates: dict[str, date] = {}
    for key in ("from", "to"):
        raw = (params.get(key) or "").strip()
        if not raw:
            continue
        try:
            value = date.fromisoformat(raw)
            if value <= date.min or value >= date.max:
                raise ValueError
            dates[key] = value
        except ValueError:
            set_aside.append(key)
    start, end = dates.get("from"), dates.get("to")
    if start and end and end < start:
        set_aside += ["from", "to"]
        start = end = None
    if start and end and (end - start).days > MAX_PERIOD_DAYS:
        set_aside.append("from")
        start = end - timedelta(days=MAX_PERIOD_DAYS)
    if end and not start:
        if end.toordinal() <= DEFAULT_PERIOD_DAYS:   # its 30 days would start before the calendar
            set_aside.append("to")
            end = None
        else:
            start = end - timedelta(days=DEFAULT_PERIOD_DAYS - 1)
    if start and not end:
        end = min(start + timedelta(days=DEFAULT_PERIOD_DAYS - 1), max(start, last))
    others = {}
    for key in ("site", "service", "provider", "sector", "channel"):
        raw = (params.get(key) or "").strip()
        if raw and not _FILTER_VALUE.match(raw):
            set_aside.append(key)
        elif raw:
            others[key] = raw
    return ReportFilter(start or first, end or last, **others), sorted(set(set_aside))


def _group_nps(scores: list[int]) -> dict:
    return {"nps": net_promoter_score(scores), "nps_answers": len(scores),
            "nps_margin": nps_margin_of_error(scores)}


def service_report(sessions: sessionmaker[Session], f: ReportFilter, language: str = "fi") -> dict[str, Any]:
    """Every table of the console's report for the filter: each a list of plain rows, so
    that the page, the charts, CSV and JSON all show the same figures."""
    lo, hi = _period(f.start, f.end)
    kinds = ("feedback", "feedback_details", "booking", "booking_cancel", "walk_in_appointment", "queue_ticket")
    with sessions() as s:
        q = select(Item.id, Item.device_id, Item.site_id, Item.kind, Item.created_at, Item.payload).where(
            Item.kind.in_(kinds), Item.created_at >= lo, Item.created_at < hi + _DETAILS_GRACE)
        if f.site:
            q = q.where(Item.site_id == f.site)
        rows = s.execute(q.order_by(Item.created_at, Item.id)).all()
        cq = select(CatalogueEntry.site_id, CatalogueEntry.kind, CatalogueEntry.id, CatalogueEntry.data).where(
            CatalogueEntry.kind.in_(("service", "provider")))
        entries = s.execute(cq).all()
        cancelled_ids = [r.payload.get("booking_item_id") for r in rows if r.kind == "booking_cancel"]
        booked = {r.id: r.payload for r in s.execute(select(Item.id, Item.payload).where(
            Item.id.in_([i for i in cancelled_ids if isinstance(i, str)])))} if cancelled_ids else {}
        # Who came for a booked time (issue 17): by the booked time, so a day's no-shows are that day's.
        aq = select(BookingAttendance.service_id, BookingAttendance.status, BookingAttendance.starts_at,
                    BookingAttendance.updated_at)
        if f.site:
            aq = aq.where(BookingAttendance.site_id == f.site)
        attendance = s.execute(aq).all()

    services: dict[str, dict] = {}
    providers: dict[str, dict] = {}
    channel_service: dict[str, str] = {}
    for site_id, kind, eid, data in entries:
        data = data or {}
        if kind == "service" and (f.site is None or site_id == f.site or eid not in services):
            services[eid] = data
            for ch in data.get("channels") or []:
                if isinstance(ch, dict) and isinstance(ch.get("id"), str):
                    channel_service[ch["id"]] = eid
        elif kind == "provider":
            providers.setdefault(eid, data)

    def name(table: dict, key: str) -> str:
        names = (table.get(key) or {}).get("names") or {}
        return names.get(language) or names.get("fi") or key

    def producer_of(service_id: str, payload: dict) -> str:
        return payload.get("provider_id") or (services.get(service_id) or {}).get("responsible_provider") or "unknown"

    def sector_of(provider_id: str) -> str:
        return (providers.get(provider_id) or {}).get("sector") or "unknown"

    def wanted(service_id: str | None, producer: str | None, channel: str | None, *, by_producer: bool = True) -> bool:
        if f.service and service_id != f.service:
            return False
        if f.channel and channel != f.channel:
            return False
        if by_producer and f.provider and producer != f.provider:
            return False
        if by_producer and f.sector and sector_of(producer or "") != f.sector:
            return False
        return True

    def in_period(at: datetime) -> bool:
        return lo <= _utc(at) < hi

    details: dict[str, dict] = {}
    for r in rows:
        if r.kind == "feedback_details":
            details.setdefault(r.payload.get("answer_id") or "", {}).update(
                {k: v for k, v in r.payload.items() if v is not None})

    answers = []   # (at, service, producer, smiley, score, comment)
    per_service: dict[str, dict] = {}

    def svc_row(service_id: str) -> dict:
        return per_service.setdefault(service_id, {"answers": 0, "scores": [], "bookings": 0, "cancellations": 0,
                                                   "queue_tickets": 0, "no_shows": 0, "waits": [],
                                                   "check_ins": 0, "appointment_no_shows": 0})

    bookings = cancellations = 0
    outcomes: Counter[str] = Counter()
    for r in rows:
        p = r.payload
        if r.kind == "feedback" and in_period(r.created_at):
            sid = p.get("service_id")
            prod = producer_of(sid, p)
            if not wanted(sid, prod, p.get("channel_id")):
                continue
            more = details.get(p.get("answer_id") or "", {}) if p.get("answer_id") else {}
            score, comment = more.get("nps", p.get("nps")), more.get("comment", p.get("comment"))
            answers.append((_utc(r.created_at), sid, prod, p.get("smiley"), score, comment))
            row = svc_row(sid)
            row["answers"] += 1
            if score is not None:
                row["scores"].append(score)
        elif r.kind == "booking" and in_period(r.created_at):
            sid = p.get("service_id")
            if wanted(sid, producer_of(sid, {}), p.get("channel_id")):
                bookings += 1
                svc_row(sid)["bookings"] += 1
        elif r.kind == "booking_cancel" and in_period(r.created_at):
            b = booked.get(p.get("booking_item_id")) or {}
            sid = b.get("service_id")
            if sid and wanted(sid, producer_of(sid, {}), b.get("channel_id")):
                cancellations += 1
                svc_row(sid)["cancellations"] += 1
        elif r.kind == "walk_in_appointment" and in_period(r.created_at):
            sid = p.get("service_id")
            if wanted(sid, producer_of(sid, {}), None) and isinstance(p.get("outcome"), str):
                outcomes[p["outcome"]] += 1

    check_ins = appointment_no_shows = 0
    for sid, status, starts_at, updated_at in attendance:
        if not in_period(starts_at or updated_at) or not wanted(sid, producer_of(sid, {}), None):
            continue
        row = svc_row(sid)
        if status == "no_show":
            appointment_no_shows += 1
            row["appointment_no_shows"] += 1
        elif status in ("arrived", "late_accepted"):
            check_ins += 1
            row["check_ins"] += 1

    # Queue tickets: the newest snapshot of each (kiosk, ticket).
    tickets: dict[tuple[str, str], dict] = {}
    for r in rows:
        if r.kind == "queue_ticket" and in_period(r.created_at) and not protocol.queue_ticket_problems(r.payload):
            tickets[(r.device_id, r.payload["ticket_id"])] = r.payload
    lines: dict[str, dict] = {}
    for t in tickets.values():
        line = t["issued_line_id"]
        sid = channel_service.get(line)
        if not wanted(sid, producer_of(sid, {}) if sid else None, line):
            continue
        entry = lines.setdefault(line, {"tickets": 0, "served": 0, "no_shows": 0, "waits": [], "service": sid})
        entry["tickets"] += 1
        entry["served"] += t["status"] == "done"
        entry["no_shows"] += t["status"] == "no_show"
        wait = _wait_minutes(t.get("issued_at"), t.get("first_called_at"))
        if wait is not None:
            entry["waits"].append(wait)
        if sid:
            row = svc_row(sid)
            row["queue_tickets"] += 1
            row["no_shows"] += t["status"] == "no_show"
            if wait is not None:
                row["waits"].append(wait)

    scores = [a[4] for a in answers if a[4] is not None]
    all_waits = [w for e in lines.values() for w in e["waits"]]
    smileys = Counter(a[3] for a in answers)
    summary = [{"answers": len(answers), **_group_nps(scores),
                "promoters": sum(1 for x in scores if x >= 9), "detractors": sum(1 for x in scores if x <= 6),
                "bookings": bookings, "cancellations": cancellations,
                "queue_tickets": sum(e["tickets"] for e in lines.values()),
                "no_shows": sum(e["no_shows"] for e in lines.values()),
                "check_ins": check_ins, "appointment_no_shows": appointment_no_shows,
                "wait_median_min": _round(statistics.median(all_waits)) if all_waits else None,
                "wait_p90_min": _round(percentile(all_waits, 0.9))}]
    smiley_rows = [{"smiley": k, "label": smiley_label(k, language), "answers": smileys.get(k, 0),
                    "share_pct": round(100 * smileys.get(k, 0) / len(answers), 1) if answers else 0.0}
                   for k in SMILEYS]
    weekly = _weekly(answers, f.start, f.end)
    comments = [{"date": a[0].astimezone(LOCAL_TZ).date().isoformat(), "service": name(services, a[1]),
                 "smiley": smiley_label(a[3], language) if a[3] in SMILEYS else "",
                 "comment": mask_personal_data(a[5])}
                for a in reversed(answers) if isinstance(a[5], str) and a[5].strip()][:COMMENTS_SHOWN * 2]
    service_rows = [{"service_id": sid, "service": name(services, sid), "answers": v["answers"],
                     **_group_nps(v["scores"]), "bookings": v["bookings"], "cancellations": v["cancellations"],
                     "queue_tickets": v["queue_tickets"], "no_shows": v["no_shows"],
                     "check_ins": v["check_ins"], "appointment_no_shows": v["appointment_no_shows"],
                     "wait_median_min": _round(statistics.median(v["waits"])) if v["waits"] else None}
                    for sid, v in sorted(per_service.items(), key=lambda kv: name(services, kv[0]).casefold())]
    wait_rows = [{"line_id": line, "service": name(services, e["service"]) if e["service"] else "",
                  "tickets": e["tickets"], "served": e["served"], "no_shows": e["no_shows"],
                  "wait_median_min": _round(statistics.median(e["waits"])) if e["waits"] else None,
                  "wait_p90_min": _round(percentile(e["waits"], 0.9))} for line, e in sorted(lines.items())]
    outcome_rows = [{"outcome": k, "label": _t(language, f"outcome_{k}") if k in _OUTCOMES else k, "visits": n}
                    for k, n in sorted(outcomes.items())]
    # The purchaser-provider question: the same service by each producer, side by side.
    by_producer: dict[tuple[str, str], list] = {}
    for a in answers:
        by_producer.setdefault((a[1], a[2]), []).append(a)
    producers_of: dict[str, set[str]] = {}
    for sid, prod in by_producer:
        producers_of.setdefault(sid, set()).add(prod)
    comparison = []
    for (sid, prod), group in sorted(by_producer.items(), key=lambda kv: (name(services, kv[0][0]).casefold(),
                                                                          name(providers, kv[0][1]).casefold())):
        if len(producers_of[sid]) < 2 and not f.service:
            continue
        sc = [a[4] for a in group if a[4] is not None]
        comparison.append({"service": name(services, sid), "producer": name(providers, prod),
                           "sector": _t(language, f"sector_{sector_of(prod)}") if sector_of(prod) in _SECTORS
                           else sector_of(prod), "answers": len(group), **_group_nps(sc),
                           "happy_pct": round(100 * sum(1 for a in group if a[3] in (3, 4)) / len(group), 1)})
    return {"filter": f.query(), "tables": {
        "summary": summary, "smileys": smiley_rows, "weekly": weekly, "services": service_rows,
        "comparison": comparison, "waits": wait_rows, "outcomes": outcome_rows, "comments": comments}}


_OUTCOMES = ("done", "referred", "follow_up_needed")  # kiosk/walk_in.py OUTCOMES
_SECTORS = ("public", "private", "third_sector")
REPORT_TABLES = ("summary", "smileys", "weekly", "services", "comparison", "waits", "outcomes", "comments")


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


def _wait_minutes(a: Any, b: Any) -> float | None:
    if not isinstance(a, str) or not isinstance(b, str) or protocol.time_problem("a", a) or protocol.time_problem("b", b):
        return None
    minutes = (datetime.fromisoformat(b) - datetime.fromisoformat(a)).total_seconds() / 60
    return minutes if minutes >= 0 else None


def _weekly(answers: list[tuple], start: date, end: date) -> list[dict]:
    """One row per ISO week the period touches (Monday's date), also weeks without answers."""
    monday = start - timedelta(days=start.weekday())
    weeks: dict[date, list] = {}
    while monday <= end:
        weeks[monday] = []
        monday += timedelta(days=7)
    for a in answers:
        day = a[0].astimezone(LOCAL_TZ).date()
        weeks.setdefault(day - timedelta(days=day.weekday()), []).append(a)
    out = []
    for monday, group in sorted(weeks.items()):
        year, week, _ = monday.isocalendar()
        sc = [a[4] for a in group if a[4] is not None]
        out.append({"week": f"{year}-W{week:02d}", "monday": monday.isoformat(), "answers": len(group),
                    **_group_nps(sc)})
    return out
