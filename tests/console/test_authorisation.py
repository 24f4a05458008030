"""Who reaches the console's editing pages (announcements, participation, the
catalogue's local additions and history): each role only its own; no cookie, a device
token, an expired session and a forged CSRF token are refused and change nothing. The
route table below must name every route of those pages, so a new one cannot come
without its check."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
import requests
from sqlalchemy import update
from sqlalchemy.orm import sessionmaker

from sync.server import announcements, participation
from sync.server.console.app import console_app
from sync.server.console.auth import _sha
from sync.server.console.models import ConsoleSession
from sync.server.models import CatalogueEntry, ParticipationIdea
from tests.backend import question

ACCOUNTS = {"analyst": "analyst", "it": "it", "catalogue-editor": "catalogue_editor", "moderator": "moderator"}
PREFIXES = ("/announcements", "/participation", "/catalogue/")  # the pages this table covers
# (method, route as FastAPI names it, role, a concrete path built from the fixture's objects)
ROUTES = [
    ("GET", "/announcements", "moderator", "/announcements"),
    ("GET", "/announcements/new", "moderator", "/announcements/new"),
    ("POST", "/announcements/new", "moderator", "/announcements/new"),
    ("GET", "/announcements/{announcement_id}", "moderator", "/announcements/{notice}"),
    ("POST", "/announcements/{announcement_id}", "moderator", "/announcements/{notice}"),
    ("POST", "/announcements/{announcement_id}/withdraw", "moderator", "/announcements/{notice}/withdraw"),
    ("GET", "/participation", "moderator", "/participation"),
    ("GET", "/participation/{question_id}", "moderator", "/participation/{question}"),
    ("POST", "/participation/{question_id}/{action}", "moderator", "/participation/{question}/close"),
    ("POST", "/participation/ideas/{idea_id}/{action}", "moderator", "/participation/ideas/{idea}/approve"),
    ("GET", "/catalogue/history", "catalogue_editor", "/catalogue/history?site={site}"),
    ("GET", "/catalogue/history/export.{fmt}", "catalogue_editor", "/catalogue/history/export.csv?site={site}"),
    ("POST", "/catalogue/import-ptv", "catalogue_editor", "/catalogue/import-ptv"),
    ("GET", "/catalogue/{site}/{kind}/{entry_id}", "catalogue_editor", "/catalogue/{site}/service/health-station"),
    ("POST", "/catalogue/{site}/provider/{provider_id}/vouchers", "catalogue_editor",
     "/catalogue/{site}/provider/city-health/vouchers"),
    ("POST", "/catalogue/{site}/channel/{channel_id}/note", "catalogue_editor",
     "/catalogue/{site}/channel/health-walkin/note"),
    ("POST", "/catalogue/{site}/channel/{channel_id}/slots", "catalogue_editor",
     "/catalogue/{site}/channel/health-video/slots"),
    ("POST", "/catalogue/{site}/channel/{channel_id}/slots/{slot_id}/remove", "catalogue_editor",
     "/catalogue/{site}/channel/health-video/slots/hv-1/remove"),
]
FORM = {"text_fi": "Ei saa tallentua", "starts": "2030-01-01T08:00", "ends": "2030-01-01T09:00",
        "note_fi": "x", "note_sv": "x", "note_en": "x", "accepts": "yes",
        "slot_starts": "2030-01-01T08:00", "slot_ends": "2030-01-01T09:00", "slot_capacity": "1"}


def test_the_table_names_every_editing_route():
    spec = console_app(sessionmaker()).openapi()["paths"]
    routes = {(m.upper(), p) for p, ops in spec.items() for m in ops if p.startswith(PREFIXES)}
    assert routes == {(m, r) for m, r, _, _ in ROUTES}


@pytest.fixture(scope="module")
def world(console_backend):
    """One of each thing the routes touch, with what each refused request must leave as it is."""
    site = console_backend.new_site()
    now = datetime.now(timezone.utc)
    notice = announcements.create_announcement(console_backend.sessions, texts={"fi": "Koskematon"}, sites=[site],
                                               starts=now, ends=now + timedelta(days=1))
    q = question("ideas", sites=[site])
    participation.author(console_backend.sessions, {"questions": [q]})
    with console_backend.sessions.begin() as s:
        s.add(ParticipationIdea(id="0a1b2c3d-0000-4000-8000-00000000aaaa", question_id=q["id"], title="Puisto",
                                text="Lisää penkkejä", category="parks", status="proposed", supports=0,
                                created_at=now))
    return {"site": site, "notice": notice.id, "question": q["id"], "idea": "0a1b2c3d-0000-4000-8000-00000000aaaa"}


def _state(backend, world) -> tuple:
    """What none of the refused requests may change."""
    with backend.sessions() as s:
        provider = s.get(CatalogueEntry, (world["site"], "provider", "city-health")).data
        service = s.get(CatalogueEntry, (world["site"], "service", "health-station")).data
        idea = s.get(ParticipationIdea, world["idea"]).status
        slots = s.query(CatalogueEntry).filter_by(site_id=world["site"], kind="slot", deleted=False).count()
    notices = [(a.texts, w) for a, _, w in announcements.all_announcements(backend.sessions) if a.id == world["notice"]]
    opened = [q.closes for q, _, _ in participation.questions(backend.sessions) if q.id == world["question"]]
    return provider, service, idea, slots, notices, opened


def _path(template: str, world) -> str:
    return "/console" + template.format(**world)


@pytest.mark.parametrize("account", sorted(ACCOUNTS))
def test_each_role_reaches_only_its_editing_pages(staff, console_backend, world, account):
    s = staff(account)
    csrf = s.csrf("/console/")
    before = _state(console_backend, world)
    for method, _, role, template in ROUTES:
        path = _path(template, world)
        if ACCOUNTS[account] == role:
            if method == "GET":
                assert s.get(path).status_code == 200, (account, path)
            continue
        answer = s.get(path) if method == "GET" else s.post(path, {**FORM, "csrf": csrf})
        assert answer.status_code == 403, (account, method, path, answer.status_code)
    assert _state(console_backend, world) == before


def test_no_cookie_a_device_token_and_a_forged_csrf_are_refused(staff, console_backend, world):
    from sync.server.store import create_enrolment_code, enrol

    token = enrol(console_backend.sessions, create_enrolment_code(console_backend.sessions, world["site"]), "k")["token"]
    admin = staff("admin")
    before = _state(console_backend, world)
    for method, _, _, template in ROUTES:
        url = console_backend.url + _path(template, world)
        call = requests.get if method == "GET" else requests.post
        anon = call(url, data=FORM, allow_redirects=False, timeout=10)
        assert anon.status_code == 401, (method, url)
        device = call(url, data=FORM, allow_redirects=False, timeout=10, headers={"Authorization": f"Bearer {token}"})
        assert device.status_code == 403, (method, url)
        both = admin.get(_path(template, world), headers={"Authorization": f"Bearer {token}"}) if method == "GET" \
            else admin.post(_path(template, world), {**FORM, "csrf": admin.csrf()}, headers={"Authorization": f"Bearer {token}"})
        assert both.status_code == 403, (method, url)
        if method == "POST":
            assert admin.post(_path(template, world), {**FORM, "csrf": "forged"}).status_code == 403, url
            assert admin.post(_path(template, world), FORM).status_code == 403, url
    assert _state(console_backend, world) == before


def test_an_expired_session_is_refused_on_every_editing_route(staff, console_backend, world):
    s = staff("admin")
    csrf = s.csrf()
    with console_backend.sessions.begin() as db:
        db.execute(update(ConsoleSession).where(ConsoleSession.token_hash == _sha(s.cookies["welfare_console"]))
                   .values(last_seen_at=datetime.now(timezone.utc) - timedelta(minutes=31)))
    before = _state(console_backend, world)
    for method, _, _, template in ROUTES:
        answer = s.get(_path(template, world)) if method == "GET" else s.post(_path(template, world), {**FORM, "csrf": csrf})
        assert answer.status_code == 401, (method, template)
    assert _state(console_backend, world) == before
