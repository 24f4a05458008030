"""Participation moderation in the console (moderator): ideas proposed on a real kiosk are
approved or rejected in the console and the kiosk follows at its next sync; questions are
opened, closed and their results published, each with CSRF and the audit log."""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone

import requests
from sqlalchemy import select

from kiosk.identity.keys import Identity
from sync.server import participation
from sync.server.console.models import ConsoleAuditEvent
from tests.backend import question


def _audit(backend, action: str) -> list[ConsoleAuditEvent]:
    with backend.sessions() as s:
        return list(s.scalars(select(ConsoleAuditEvent).where(ConsoleAuditEvent.action == action)))


def _resident(subject: str) -> Identity:
    return Identity("card", subject, "Maija")


def test_ideas_from_a_kiosk_are_approved_and_rejected_in_the_console(console_backend, staff, make_kiosk):
    site = console_backend.new_site()
    q = question("ideas", sites=[site])
    participation.author(console_backend.sessions, {"questions": [q]})
    kiosk = make_kiosk(console_backend, site)
    kiosk.sync()
    good = kiosk.desk.propose_idea(_resident("p1"), q["id"], title="Uimaranta", text="Kontulaan uimaranta",
                                   category="parks", district="kontula")
    ad = kiosk.desk.propose_idea(_resident("p2"), q["id"], title="Mainos", text="Osta meiltä", category="culture")
    kiosk.sync()
    mod = staff("moderator")
    listing = mod.get("/console/participation")
    assert listing.status_code == 200 and "2 ideaa, 2 odottaa" in listing.text
    page = mod.get(f"/console/participation/{q['id']}")
    assert page.status_code == 200 and "Kontulaan uimaranta" in page.text and "Kontula" in page.text
    csrf = mod.csrf(f"/console/participation/{q['id']}")

    # A rejection without a reason: said beside the reason field, nothing changes.
    refused = mod.post(f"/console/participation/ideas/{ad.item_id}/reject", {"csrf": csrf, "reason": "  "})
    assert refused.status_code == 422
    m = re.search(rf'<p class="field-error" id="e-{ad.item_id}">(.*?)</p>', refused.text, re.S)
    assert m and "Kirjoita syy" in m.group(1)
    assert f'aria-describedby="e-{ad.item_id}"' in refused.text
    too_long = mod.post(f"/console/participation/ideas/{ad.item_id}/reject", {"csrf": csrf, "reason": "Pitkä " * 100})
    assert too_long.status_code == 422 and "Pitkä Pitkä" in too_long.text  # the typed reason comes back
    assert {i.id: i.status for i in participation.ideas(console_backend.sessions, q["id"])}[ad.item_id] == "proposed"

    assert mod.post(f"/console/participation/ideas/{good.item_id}/approve", {"csrf": "forged"}).status_code == 403
    done = mod.post(f"/console/participation/ideas/{good.item_id}/approve", {"csrf": csrf})
    assert done.status_code == 200 and "Idea on hyväksytty" in done.text
    done = mod.post(f"/console/participation/ideas/{ad.item_id}/reject", {"csrf": csrf, "reason": "Mainontaa"})
    assert done.status_code == 200 and "Idea on hylätty" in done.text
    assert {i.id: i.status for i in participation.ideas(console_backend.sessions, q["id"])} == {
        good.item_id: "approved", ad.item_id: "rejected"}
    assert any(e.target == good.item_id and e.actor == "moderator" for e in _audit(console_backend, "idea_approve"))
    assert any(e.target == ad.item_id and e.detail == "Mainontaa" for e in _audit(console_backend, "idea_reject"))

    kiosk.sync()
    assert [i.title for i in kiosk.desk.ideas(q["id"])] == ["Uimaranta"]
    receipt = requests.get(f"{console_backend.url}/participation/receipt/{ad.item_id}?lang=fi", timeout=10).text
    assert "Mainontaa" in receipt


def test_a_question_is_opened_closed_and_its_results_published(console_backend, staff, make_kiosk):
    site = console_backend.new_site()
    now = datetime.now(timezone.utc)
    q = question("poll", sites=[site], opens=now + timedelta(days=2), closes=now + timedelta(days=9), late_grace_h=0)
    participation.author(console_backend.sessions, {"questions": [q]})
    kiosk = make_kiosk(console_backend, site)
    kiosk.sync()
    assert kiosk.desk.open_questions() == []
    mod = staff("moderator")
    csrf = mod.csrf("/console/participation")
    assert "ei vielä auki" in mod.get("/console/participation").text

    assert mod.post(f"/console/participation/{q['id']}/open", {"csrf": "forged"}).status_code == 403
    opened = mod.post(f"/console/participation/{q['id']}/open", {"csrf": csrf})
    assert opened.status_code == 200 and "Kysymys on auki" in opened.text
    kiosk.sync()
    assert [x.id for x in kiosk.desk.open_questions()] == [q["id"]]

    early = mod.post(f"/console/participation/{q['id']}/finalise", {"csrf": csrf})
    assert early.status_code == 409 and "Tuloksia ei voi vielä julkaista" in early.text

    closed = mod.post(f"/console/participation/{q['id']}/close", {"csrf": csrf})
    assert closed.status_code == 200 and "Kysymys on suljettu" in closed.text
    kiosk.sync()
    assert kiosk.desk.open_questions() == []
    published = mod.post(f"/console/participation/{q['id']}/finalise", {"csrf": csrf})
    assert published.status_code == 200 and "Tulokset on julkaistu" in published.text
    assert "tulokset julkaistu" in published.text
    for action in ("open", "close", "finalise"):
        assert any(e.target == q["id"] and e.outcome == "ok" for e in _audit(console_backend, f"question_{action}"))
    assert any(e.target == q["id"] and e.outcome == "refused" for e in _audit(console_backend, "question_finalise"))
    # Finalised: it cannot be opened again.
    again = mod.post(f"/console/participation/{q['id']}/open", {"csrf": csrf})
    assert again.status_code == 409
