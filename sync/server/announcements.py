"""Announcements on the reference backend: the city's short notices for the kiosks of
chosen sites (or all), with a window and a priority (issue 15).

Service functions for the CLI now and the city's console later: ``create_announcement``,
``update_announcement``, ``withdraw_announcement``, ``list_for_site``. Kiosks receive the
notices in their catalogue change stream (kind ``announcement``); ``sync_site`` brings a
site's stream in line at each pull, so a notice for every site reaches a site added
later, and a withdrawn or expired one is deleted from the kiosks at their next pull.
The rules (what a notice looks like, when it shows) are kiosk/announcements.py's.
"""

from __future__ import annotations

import json
import sys
import uuid
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from kiosk import announcements as rules
from kiosk.announcements import Announcement, AnnouncementError
from sync.server.models import AnnouncementRow, AuditEvent, CatalogueEntry, Site

KIND = rules.KIND


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _aware(t: datetime) -> datetime:
    return t if t.tzinfo else t.replace(tzinfo=timezone.utc)  # SQLite hands times back naive (UTC)


def _notice(row: AnnouncementRow) -> Announcement:
    return Announcement(row.id, dict(row.texts), _aware(row.starts_at), _aware(row.ends_at), row.priority,
                        tuple(row.service_ids or ()))


def _check(s: Session, d: dict, sites: list[str]) -> Announcement:
    problems = rules.announcement_problems(d)
    if not isinstance(sites, list) or not all(isinstance(x, str) for x in sites):
        problems.append("sites: expected a list of site ids (empty: every site)")
        sites = []
    known = set(s.scalars(select(Site.id)))
    unknown = sorted(set(sites) - known)
    if unknown:
        problems.append(f"sites: unknown site {', '.join(unknown)}")
    if problems:
        raise AnnouncementError(problems)
    return rules.parse_announcement(d)


def create_announcement(sessions: sessionmaker[Session], *, texts: dict[str, str], starts: Any, ends: Any,
                        sites: list[str] | None = None, priority: str = rules.INFO,
                        service_ids: list[str] | None = None, announcement_id: str | None = None,
                        now: datetime | None = None) -> Announcement:
    """Store a notice and put it into the change stream of each site it is for.
    AnnouncementError names every problem (no text, end before start, unknown site...)."""
    aid = announcement_id or f"a-{uuid.uuid4().hex[:12]}"
    d = {"id": aid, "texts": texts, "starts": _iso(starts), "ends": _iso(ends), "priority": priority,
         "service_ids": list(service_ids or [])}
    with sessions.begin() as s:
        a = _check(s, d, list(sites or []))
        if s.get(AnnouncementRow, aid) is not None:
            raise AnnouncementError([f"id: announcement {aid} exists already (update it instead)"])
        s.add(AnnouncementRow(id=a.id, texts=a.texts, sites=list(sites or []), starts_at=a.starts, ends_at=a.ends,
                              priority=a.priority, service_ids=list(a.service_ids), created_at=now or _now()))
        s.add(AuditEvent(at=now or _now(), event="announcement_create", detail=f"announcement={aid}"))
        s.flush()
        for site in _target_sites(s):
            _sync_site(s, site, now or _now())
    return a


def update_announcement(sessions: sessionmaker[Session], announcement_id: str, *, now: datetime | None = None,
                        **changes: Any) -> Announcement:
    """Change texts, sites, starts, ends, priority or service_ids; checked as a new one."""
    allowed = {"texts", "sites", "starts", "ends", "priority", "service_ids"}
    if set(changes) - allowed:
        raise AnnouncementError([f"{k}: not something an announcement has" for k in sorted(set(changes) - allowed)])
    with sessions.begin() as s:
        row = s.get(AnnouncementRow, announcement_id, with_for_update=True)
        if row is None or row.withdrawn_at is not None:
            raise AnnouncementError([f"announcement {announcement_id}: unknown or withdrawn"])
        current = rules.public_form(_notice(row))
        d = {**current, **{k: (_iso(v) if k in ("starts", "ends") else v) for k, v in changes.items()
                           if k != "sites" and v is not None}}
        sites = changes["sites"] if changes.get("sites") is not None else list(row.sites or [])
        a = _check(s, d, sites)
        row.texts, row.sites, row.starts_at, row.ends_at = a.texts, list(sites), a.starts, a.ends
        row.priority, row.service_ids = a.priority, list(a.service_ids)
        s.add(AuditEvent(at=now or _now(), event="announcement_update", detail=f"announcement={announcement_id}"))
        s.flush()
        for site in _target_sites(s):
            _sync_site(s, site, now or _now())
    return a


def withdraw_announcement(sessions: sessionmaker[Session], announcement_id: str, *,
                          now: datetime | None = None) -> None:
    """Take a notice down: the kiosks delete it at their next pull."""
    with sessions.begin() as s:
        row = s.get(AnnouncementRow, announcement_id, with_for_update=True)
        if row is None:
            raise AnnouncementError([f"announcement {announcement_id}: unknown"])
        if row.withdrawn_at is None:
            row.withdrawn_at = now or _now()
            s.add(AuditEvent(at=now or _now(), event="announcement_withdraw", detail=f"announcement={announcement_id}"))
            s.flush()
            for site in _target_sites(s):
                _sync_site(s, site, now or _now())


def list_for_site(sessions: sessionmaker[Session], site: str, now: datetime | None = None) -> list[Announcement]:
    """The notices showing at ``site`` at ``now``: urgent first, then the newest."""
    with sessions() as s:
        return rules.showing([_notice(r) for r in _for_site(s, site)], now or _now())


def all_announcements(sessions: sessionmaker[Session]) -> list[tuple[Announcement, list[str], bool]]:
    """Every notice with its sites and whether it is withdrawn (for the CLI's list)."""
    with sessions() as s:
        rows = s.scalars(select(AnnouncementRow).order_by(AnnouncementRow.starts_at, AnnouncementRow.id))
        return [(_notice(r), list(r.sites or []), r.withdrawn_at is not None) for r in rows]


def _for_site(s: Session, site: str) -> list[AnnouncementRow]:
    return [r for r in s.scalars(select(AnnouncementRow).where(AnnouncementRow.withdrawn_at.is_(None)))
            if not r.sites or site in r.sites]


def _target_sites(s: Session) -> list[str]:
    return sorted(s.scalars(select(Site.id)))


def _sync_site(s: Session, site: str, now: datetime) -> None:
    """The site's stream holds exactly the notices for it that have not ended."""
    from sync.server.participation import put_catalogue_entry

    want = {r.id: rules.public_form(_notice(r)) for r in _for_site(s, site) if _aware(r.ends_at) > now}
    have = set(s.scalars(select(CatalogueEntry.id).where(CatalogueEntry.site_id == site, CatalogueEntry.kind == KIND,
                                                         CatalogueEntry.deleted.is_(False))))
    for aid in sorted(have | set(want)):
        put_catalogue_entry(s, site, KIND, aid, want.get(aid))


def sync_site(sessions: sessionmaker[Session], site: str, now: datetime | None = None) -> None:
    """Called before a kiosk's catalogue pull is answered (sync/server/app.py): expired
    notices leave the stream, notices for every site reach a new site. Writes only
    when something differs."""
    now = now or _now()
    with sessions() as s:
        if s.get(Site, site) is None:
            return
        want = {r.id: rules.public_form(_notice(r)) for r in _for_site(s, site) if _aware(r.ends_at) > now}
        have = {e.id: e.data for e in s.scalars(select(CatalogueEntry).where(
            CatalogueEntry.site_id == site, CatalogueEntry.kind == KIND, CatalogueEntry.deleted.is_(False)))}
    if want == have:
        return
    with sessions.begin() as s:
        _sync_site(s, site, now)


def _iso(v: Any) -> Any:
    return v.isoformat() if isinstance(v, datetime) else v


# -- ``welfare-backend announce ...`` (sync/server/cli.py registers it) ------------------------
def add_cli(sub) -> None:
    p = sub.add_parser("announce", help="notices for the kiosks' home screen, queue display and service cards")
    acts = p.add_subparsers(dest="action", required=True)
    for name in ("create", "update"):
        a = acts.add_parser(name, help=f"{name} an announcement")
        if name == "update":
            a.add_argument("id")
        else:
            a.add_argument("--id", default=None, help="a short lowercase id (default: made up)")
        a.add_argument("--text", action="append", default=[], metavar="LANG=TEXT",
                       help="the notice in one language (repeat: fi=..., sv=..., en=...)")
        a.add_argument("--site", action="append", default=None, help="a site it is for (repeat; none: every site)")
        a.add_argument("--starts", required=name == "create", help="ISO time with offset, e.g. 2026-12-05T07:00+02:00")
        a.add_argument("--ends", required=name == "create", help="ISO time with offset")
        a.add_argument("--priority", choices=rules.PRIORITIES, default="info" if name == "create" else None)
        a.add_argument("--service", action="append", default=None, help="a service id it concerns (repeat)")
    a = acts.add_parser("withdraw", help="take an announcement down (kiosks drop it at their next sync)")
    a.add_argument("id")
    a = acts.add_parser("list", help="the announcements (with --site: those showing there now)")
    a.add_argument("--site", default=None)


def _texts(pairs: list[str]) -> dict[str, str]:
    out = {}
    for pair in pairs:
        lang, sep, text = pair.partition("=")
        if not sep:
            raise AnnouncementError([f"--text {pair!r}: expected LANG=TEXT, e.g. fi=Terveysasema on suljettu"])
        out[lang.strip()] = text
    return out


def run_cli(sessions: sessionmaker[Session], args) -> int:
    try:
        if args.action == "create":
            a = create_announcement(sessions, texts=_texts(args.text), starts=args.starts, ends=args.ends,
                                    sites=args.site or [], priority=args.priority, service_ids=args.service or [],
                                    announcement_id=args.id)
            print(f"announcement {a.id}: stored; kiosks get it at their next sync")
        elif args.action == "update":
            a = update_announcement(sessions, args.id, texts=_texts(args.text) if args.text else None,
                                    sites=args.site, starts=args.starts, ends=args.ends, priority=args.priority,
                                    service_ids=args.service)
            print(f"announcement {a.id}: updated")
        elif args.action == "withdraw":
            withdraw_announcement(sessions, args.id)
            print(f"announcement {args.id}: withdrawn; kiosks drop it at their next sync")
        elif args.site:
            for a in list_for_site(sessions, args.site):
                print(json.dumps(rules.public_form(a), ensure_ascii=False, sort_keys=True))
        else:
            for a, sites, withdrawn in all_announcements(sessions):
                print(json.dumps({**rules.public_form(a), "sites": sites, "withdrawn": withdrawn},
                                 ensure_ascii=False, sort_keys=True))
    except AnnouncementError as exc:
        for problem in exc.problems:
            print(f"announce {args.action}: {problem}", file=sys.stderr)
        return 2
    return 0
