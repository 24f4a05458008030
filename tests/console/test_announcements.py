"""Announcements written in the console (moderator): list, write, edit, withdraw, each
with CSRF and the audit log; a refused form says why next to the field and gives every
typed word back; what is stored reaches the kiosks through the real backend."""

from __future__ import annotations

import html
import re
from datetime import datetime, timedelta, timezone

from sqlalchemy import select

from kiosk.catalogue.hours import LOCAL_TZ
from sync.server import announcements
from sync.server.console.models import ConsoleAuditEvent


def _local(t: datetime) -> str:
    return t.astimezone(LOCAL_TZ).strftime("%Y-%m-%dT%H:%M")


def _form(csrf: str, **over) -> dict:
    now = datetime.now(timezone.utc)
    d = {"csrf": csrf, "text_fi": "Terveysasema on suljettu tänään.", "text_sv": "Hälsostationen är stängd i dag.",
         "starts": _local(now - timedelta(minutes=5)), "ends": _local(now + timedelta(hours=6)), "priority": "info"}
    d.update(over)
    return d


def _stored(backend, text_fi: str):
    return [(a, sites, gone) for a, sites, gone in announcements.all_announcements(backend.sessions)
            if a.texts.get("fi") == text_fi]


def _audit(backend, action: str) -> list[ConsoleAuditEvent]:
    with backend.sessions() as s:
        return list(s.scalars(select(ConsoleAuditEvent).where(ConsoleAuditEvent.action == action)))


def test_a_moderator_writes_edits_and_withdraws_a_notice(console_backend, staff):
    site = console_backend.new_site()
    mod = staff("moderator")
    assert mod.get("/console/announcements").status_code == 200
    csrf = mod.csrf("/console/announcements/new")
    fi = f"Kontulan terveysasema on suljettu {site}."
    done = mod.post("/console/announcements/new", _form(csrf, text_fi=fi, site=[site], service=["health-station"],
                                                          priority="urgent"))
    assert done.status_code == 200, done.text[:800]
    assert "Tiedote on tallennettu" in done.text and fi in done.text
    [(a, sites, withdrawn)] = _stored(console_backend, fi)
    assert sites == [site] and a.priority == "urgent" and a.service_ids == ("health-station",) and not withdrawn
    assert a.texts["sv"] == "Hälsostationen är stängd i dag." and "en" not in a.texts
    assert [x.id for x in announcements.list_for_site(console_backend.sessions, site)] == [a.id]
    assert any(e.target == a.id and e.actor == "moderator" for e in _audit(console_backend, "announcement_create"))

    edit = mod.get(f"/console/announcements/{a.id}")
    assert edit.status_code == 200 and html.escape(fi, quote=False) in edit.text
    assert f'value="{site}" checked' in edit.text
    changed = mod.post(f"/console/announcements/{a.id}", _form(csrf, text_fi=fi + " Avataan huomenna.", site=[site],
                                                                 priority="info"))
    assert changed.status_code == 200 and "Muutokset on tallennettu" in changed.text
    [(a2, _, _)] = _stored(console_backend, fi + " Avataan huomenna.")
    assert a2.id == a.id and a2.priority == "info" and a2.service_ids == ()
    assert any(e.target == a.id for e in _audit(console_backend, "announcement_update"))

    gone = mod.post(f"/console/announcements/{a.id}/withdraw", {"csrf": csrf})
    assert gone.status_code == 200 and "Tiedote on poistettu" in gone.text
    assert announcements.list_for_site(console_backend.sessions, site) == []
    assert any(e.target == a.id for e in _audit(console_backend, "announcement_withdraw"))
    # A withdrawn notice stays in the list (marked) and cannot change any more.
    assert re.search(rf'id="notice-{a.id}">\s*<td><span class="badge plain">poistettu', gone.text)
    again = mod.post(f"/console/announcements/{a.id}", _form(csrf, text_fi="Uusi teksti"))
    assert again.status_code == 409 and "Uusi teksti" in again.text
    assert _stored(console_backend, "Uusi teksti") == []


def test_a_refused_form_says_why_next_to_the_field_and_keeps_what_was_typed(console_backend, staff):
    site = console_backend.new_site()
    mod = staff("moderator")
    csrf = mod.csrf("/console/announcements/new")
    now = datetime.now(timezone.utc)
    cases = [
        ({"text_fi": " ", "text_sv": ""}, "texts", "Kirjoita tiedote ainakin yhdellä kielellä."),
        ({"text_en": "x" * 401}, "text_en", "Teksti on liian pitkä."),
        ({"ends": _local(now - timedelta(hours=1))}, "ends", "Päättymisen pitää olla alkamisen jälkeen."),
        ({"starts": "5.12.2026 7.00"}, "starts", "Anna päivä ja kellonaika"),
        ({"starts": "2027-03-28T03:30"}, "starts", "Anna päivä ja kellonaika"),  # the hour the clocks skip
        ({"starts": "2026-10-25T03:30"}, "starts", "Anna päivä ja kellonaika"),  # the hour that comes twice
        ({"priority": "loud"}, "priority", "Valitse tavallinen tai kiireellinen."),
        ({"site": [site, "no-such-site"]}, "sites", "Valittua toimipistettä ei ole."),
        ({"service": ["no-such-service"]}, "services", "Valittua palvelua ei ole"),
    ]
    for n, (change, field, words) in enumerate(cases):
        fi = f"Tarkistus {n} {site}"
        uk = "" if field == "texts" else "Поліклініка зачинена"
        form = _form(csrf, **{"text_fi": fi, "text_uk": uk, **change})
        page = mod.post("/console/announcements/new", form)
        assert page.status_code == 422, (change, page.status_code)
        m = re.search(rf'<p class="field-error" id="e-{field}">(.*?)</p>', page.text, re.S)
        assert m and words in html.unescape(m.group(1)), (change, m and m.group(1))
        assert f'aria-describedby="e-{field}"' in page.text, change
        assert uk in page.text  # every typed word comes back
        if change.get("text_fi", fi).strip():
            assert html.escape(fi, quote=False) in page.text
        if "site" in change:
            assert f'value="{site}" checked' in page.text
        assert _stored(console_backend, fi) == [], change
    refused = [e for e in _audit(console_backend, "announcement_create") if e.outcome == "refused"]
    assert len(refused) >= len(cases)


def test_a_forged_csrf_stores_nothing_and_gives_the_text_back(console_backend, staff):
    mod = staff("moderator")
    fi = "Väärennetty lomake ei tallennu."
    page = mod.post("/console/announcements/new", _form("forged-token", text_fi=fi))
    assert page.status_code == 403 and fi in page.text and "Lomake oli vanhentunut" in page.text
    assert _stored(console_backend, fi) == []
    n = announcements.create_announcement(console_backend.sessions, texts={"fi": "Pysyy"}, sites=[console_backend.new_site()],
                                          starts=datetime.now(timezone.utc), ends=datetime.now(timezone.utc) + timedelta(hours=1))
    assert mod.post(f"/console/announcements/{n.id}/withdraw", {"csrf": "forged"}).status_code == 403
    assert mod.post(f"/console/announcements/{n.id}/withdraw", {}).status_code == 403
    [(_, _, withdrawn)] = _stored(console_backend, "Pysyy")
    assert not withdrawn
    assert any(e.target.endswith("/withdraw") for e in _audit(console_backend, "csrf_refused"))
