"""Announcements end to end: written on the backend (service functions and the CLI),
received by real kiosks with the catalogue pull over HTTP, shown only within their
window, gone after a withdrawal or the end."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime, timedelta, timezone

import pytest

from kiosk.announcements import AnnouncementBoard, AnnouncementError
from kiosk.storage.models import CatalogueEntryRecord
from sync.server import announcements as backend_announcements
from tests.conftest import REPO

TEXTS = {"fi": "Terveysasema on suljettu tänään.", "sv": "Hälsostationen är stängd i dag.",
         "en": "The health station is closed today."}


def stored_ids(kiosk) -> set[str]:
    with kiosk.db.sessions() as s:
        return {r.id for r in s.query(CatalogueEntryRecord).filter_by(kind="announcement")}


def test_a_notice_reaches_its_sites_kiosks_and_shows_only_within_its_window(any_backend, make_kiosk):
    here, there = any_backend.new_site(), any_backend.new_site()
    now = datetime.now(timezone.utc)
    urgent = backend_announcements.create_announcement(
        any_backend.sessions, texts=TEXTS, starts=now - timedelta(hours=1), ends=now + timedelta(hours=8),
        sites=[here], priority="urgent", service_ids=["neuvola"])
    later = backend_announcements.create_announcement(
        any_backend.sessions, texts={"fi": "Kirjasto avataan klo 12."}, starts=now + timedelta(days=1),
        ends=now + timedelta(days=2), sites=[here])
    everywhere = backend_announcements.create_announcement(
        any_backend.sessions, texts={"fi": "Joulun aukioloajat", "sv": "Öppettider i julen", "en": "Christmas hours"},
        starts=now - timedelta(days=1), ends=now + timedelta(days=3))
    try:
        _reaches_its_sites(any_backend, make_kiosk, here, there, now, urgent, later, everywhere)
    finally:  # a notice for every site would reach the other tests' sites too
        backend_announcements.withdraw_announcement(any_backend.sessions, everywhere.id)


def _reaches_its_sites(any_backend, make_kiosk, here, there, now, urgent, later, everywhere):
    k_here, k_there = make_kiosk(any_backend, here), make_kiosk(any_backend, there)
    k_here.sync(), k_there.sync()
    assert stored_ids(k_here) == {urgent.id, later.id, everywhere.id}    # stored ahead of their time
    assert stored_ids(k_there) == {everywhere.id}                         # another site's notice does not come
    board = AnnouncementBoard(k_here.db)
    assert [a.id for a in board.current()] == [urgent.id, everywhere.id]  # urgent first; "later" not yet
    assert [a.id for a in board.urgent_for_service("neuvola")] == [urgent.id]
    assert board.urgent_for_service("kirjasto") == []
    assert board.current()[0].text("sv") == TEXTS["sv"]
    tomorrow = AnnouncementBoard(k_here.db, now=lambda: now + timedelta(days=1, minutes=1))
    assert [a.id for a in tomorrow.current()] == [later.id, everywhere.id]  # by the kiosk's clock, offline too
    assert backend_announcements.list_for_site(any_backend.sessions, here, now) == board.current()


def test_withdrawn_and_expired_notices_disappear_after_the_next_pull(any_backend, make_kiosk):
    site = any_backend.new_site()
    now = datetime.now(timezone.utc)
    withdrawn = backend_announcements.create_announcement(any_backend.sessions, texts=TEXTS, sites=[site],
                                                          starts=now - timedelta(hours=1), ends=now + timedelta(hours=1))
    ending = backend_announcements.create_announcement(any_backend.sessions, texts=TEXTS, sites=[site],
                                                       starts=now - timedelta(hours=1), ends=now + timedelta(hours=1))
    kiosk = make_kiosk(any_backend, site)
    kiosk.sync()
    assert stored_ids(kiosk) == {withdrawn.id, ending.id}
    backend_announcements.withdraw_announcement(any_backend.sessions, withdrawn.id)
    # Time passes for "ending": its end moves into the past with nothing else touched, so
    # only the pull itself can take it off the kiosks.
    with any_backend.sessions.begin() as s:
        s.get(backend_announcements.AnnouncementRow, ending.id).ends_at = now - timedelta(seconds=1)
    kiosk.sync()
    assert stored_ids(kiosk) == set()
    assert AnnouncementBoard(kiosk.db).current() == []


def test_an_update_moves_the_notice_and_a_new_site_gets_the_notices_for_every_site(any_backend, make_kiosk):
    a_site, b_site = any_backend.new_site(), any_backend.new_site()
    now = datetime.now(timezone.utc)
    n = backend_announcements.create_announcement(any_backend.sessions, texts=TEXTS, sites=[a_site],
                                                  starts=now - timedelta(hours=1), ends=now + timedelta(hours=1))
    k_a, k_b = make_kiosk(any_backend, a_site), make_kiosk(any_backend, b_site)
    k_a.sync(), k_b.sync()
    assert (stored_ids(k_a), stored_ids(k_b)) == ({n.id}, set())
    backend_announcements.update_announcement(any_backend.sessions, n.id, sites=[b_site], priority="urgent")
    k_a.sync(), k_b.sync()
    assert (stored_ids(k_a), stored_ids(k_b)) == (set(), {n.id})
    assert AnnouncementBoard(k_b.db).current()[0].urgent
    for_all = backend_announcements.create_announcement(any_backend.sessions, texts=TEXTS, starts=now,
                                                        ends=now + timedelta(hours=1))
    try:
        newcomer = make_kiosk(any_backend, any_backend.new_site())  # a site the city adds afterwards
        newcomer.sync()
        assert stored_ids(newcomer) == {for_all.id}
    finally:
        backend_announcements.withdraw_announcement(any_backend.sessions, for_all.id)


def test_bad_input_is_a_clear_error_and_stores_nothing(backend):
    site = backend.new_site()
    now = datetime.now(timezone.utc)
    cases = [
        (dict(texts={"fi": "  ", "sv": ""}), "texts: no text in any language"),
        (dict(texts={}), "texts: no text in any language"),
        (dict(texts={"xx": "Hei"}), "texts.xx: not a language the kiosk offers"),
        (dict(ends=now - timedelta(hours=2)), "ends: must be after starts"),
        (dict(sites=["nowhere-site"]), "sites: unknown site nowhere-site"),
        (dict(starts="2026-12-05T07:00"), "starts: expected a time with a UTC offset"),
        (dict(priority="loud"), "priority: expected one of info, urgent"),
    ]
    for change, expected in cases:
        args = dict(texts=TEXTS, starts=now - timedelta(hours=1), ends=now + timedelta(hours=1), sites=[site])
        args.update(change)
        with pytest.raises(AnnouncementError) as err:
            backend_announcements.create_announcement(backend.sessions, **args)
        assert any(expected in p for p in err.value.problems), (expected, err.value.problems)
    assert backend_announcements.list_for_site(backend.sessions, site, now) == []


def cli(db: str, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "sync.server.cli", "--db", db, "announce", *args], cwd=REPO,
                          capture_output=True, text=True, timeout=60)


def test_the_city_writes_and_withdraws_notices_from_the_command_line(backend, make_kiosk):
    site = backend.new_site()
    now = datetime.now(timezone.utc)
    ok = cli(backend.db_url, "create", "--id", "closed-today", "--text", "fi=Suljettu tänään",
             "--text", "sv=Stängt i dag", "--text", "en=Closed today", "--site", site, "--priority", "urgent",
             "--service", "neuvola", "--starts", (now - timedelta(minutes=5)).isoformat(),
             "--ends", (now + timedelta(hours=2)).isoformat())
    assert ok.returncode == 0, ok.stderr
    listed = cli(backend.db_url, "list", "--site", site)
    assert '"closed-today"' in listed.stdout and "Stängt i dag" in listed.stdout
    kiosk = make_kiosk(backend, site)
    kiosk.sync()
    assert [a.id for a in AnnouncementBoard(kiosk.db).urgent_for_service("neuvola")] == ["closed-today"]
    bad = cli(backend.db_url, "create", "--site", "no-such-site", "--starts", "2026-12-05T10:00+02:00",
              "--ends", "2026-12-05T09:00+02:00")
    assert bad.returncode == 2
    for expected in ("texts: no text in any language", "ends: must be after starts", "unknown site no-such-site"):
        assert expected in bad.stderr, bad.stderr
    assert "Traceback" not in bad.stderr
    assert cli(backend.db_url, "withdraw", "closed-today").returncode == 0
    kiosk.sync()
    assert stored_ids(kiosk) == set()
