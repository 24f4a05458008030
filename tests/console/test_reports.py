"""The console's reports: figures per service and producer, the default period, masked
comments, CSV/JSON exports; and the kiosk-facing report endpoint without a period and in
Finnish."""

from __future__ import annotations

import csv
import io
import uuid
from datetime import date, datetime, timedelta, timezone

import pytest
import requests

from sync.server.reports import mask_personal_data, nps_margin_of_error, parse_filter, percentile


def _push(backend, token_site, items):
    from sync.server.store import DeviceIdentity, push_items

    device, site = token_site
    answers = push_items(backend.sessions, DeviceIdentity(device, site), items)
    assert all(a["status"] == "accepted" for a in answers), answers


def _item(kind, payload, at=None):
    return {"id": str(uuid.uuid4()), "kind": kind, "payload": payload,
            "created_at": (at or datetime.now(timezone.utc)).isoformat()}


@pytest.fixture(scope="module")
def feedback_site(console_backend):
    """A site whose kiosk sent feedback for one service by two producers, with a comment
    holding a phone number and an e-mail address, bookings, a cancellation and queue tickets."""
    from sync.server.store import create_enrolment_code, enrol

    site = console_backend.new_site()
    dev = enrol(console_backend.sessions, create_enrolment_code(console_backend.sessions, site), "lobby-1")
    ident = (dev["device_id"], site)
    now = datetime.now(timezone.utc)
    fb = [_item("feedback", {"service_id": "health-station", "smiley": s, "nps": n, "provider_id": p,
                             "channel_id": "health-walkin"}, now - timedelta(minutes=i))
          for i, (s, n, p) in enumerate([(4, 10, "city-health"), (4, 9, "city-health"), (1, 2, "city-health"),
                                         (3, 8, "physio-oy"), (2, 5, "physio-oy")])]
    fb.append(_item("feedback", {"service_id": "family-cafe", "smiley": 4,
                                 "comment": "Soita 040 123 4567 tai maija@example.fi, kiitos!"}))
    fb.append(_item("feedback", {"service_id": "family-cafe", "smiley": 3}, now - timedelta(days=45)))  # too old
    _push(console_backend, ident, fb)
    slot = next(iter(_slots(console_backend, site)))
    booking = _item("booking", {"slot_id": slot.id, "service_id": slot.service_id})
    _push(console_backend, ident, [booking])
    _push(console_backend, ident, [_item("booking_cancel", {"booking_item_id": booking["id"]})])
    day = datetime.now(timezone.utc).astimezone().date().isoformat()
    issued = now - timedelta(minutes=30)
    tickets = []
    for k, (wait, status) in enumerate([(5, "done"), (15, "done"), (None, "no_show"), (25, "done")]):
        t = {"ticket_id": str(uuid.uuid4()), "event": "issued", "label": f"A{k}", "line_id": "health-walkin",
             "issued_line_id": "health-walkin", "day": day, "status": status, "issued_at": issued.isoformat()}
        if wait is not None:
            t["first_called_at"] = (issued + timedelta(minutes=wait)).isoformat()
        tickets.append(_item("queue_ticket", t))
    _push(console_backend, ident, tickets)
    return site


def _slots(backend, site):
    from sqlalchemy import select

    from sync.server.models import Slot

    with backend.sessions() as s:
        return list(s.scalars(select(Slot).where(Slot.site_id == site, Slot.capacity > 0).limit(1)))


def test_the_report_counts_nps_smileys_bookings_queues_and_masks_comments(staff, feedback_site):
    analyst = staff("analyst")
    page = analyst.get(f"/console/reports?site={feedback_site}")
    assert page.status_code == 200, page.text[:500]
    summary = analyst.get(f"/console/reports/export/summary.json?site={feedback_site}").json()["rows"][0]
    assert summary["answers"] == 6  # the 45-day-old answer is outside the default 30 days
    assert summary["nps"] == 0.0 and summary["nps_answers"] == 5  # 2 promoters, 2 detractors of 5
    assert summary["nps_margin"] is not None and summary["nps_margin"] > 50
    assert summary["bookings"] == 1 and summary["cancellations"] == 1
    assert summary["queue_tickets"] == 4 and summary["no_shows"] == 1
    assert summary["wait_median_min"] == 15.0 and summary["wait_p90_min"] == 25.0
    comments = analyst.get(f"/console/reports/export/comments.json?site={feedback_site}").json()["rows"]
    assert [c["comment"] for c in comments] == ["Soita [phone] tai [email], kiitos!"]
    assert "040 123 4567" not in page.text and "maija@example.fi" not in page.text
    assert "<svg" in page.text and "<title" in page.text


def test_the_same_service_by_two_producers_is_compared(staff, feedback_site):
    analyst = staff("analyst")
    rows = analyst.get(f"/console/reports/export/comparison.json?site={feedback_site}").json()["rows"]
    by = {r["producer"]: r for r in rows}
    assert set(by) == {"Kaupungin terveyspalvelut", "Fysio Kontula Oy"}
    assert (by["Kaupungin terveyspalvelut"]["answers"], by["Fysio Kontula Oy"]["answers"]) == (3, 2)
    assert (by["Kaupungin terveyspalvelut"]["nps"], by["Fysio Kontula Oy"]["nps"]) == (33.3, -50.0)


def test_a_filter_narrows_and_the_csv_says_the_same(staff, feedback_site):
    analyst = staff("analyst")
    q = f"site={feedback_site}&service=health-station&provider=physio-oy"
    rows = analyst.get(f"/console/reports/export/summary.csv?{q}")
    assert rows.status_code == 200 and rows.headers["content-type"].startswith("text/csv")
    assert "attachment" in rows.headers["content-disposition"]
    table = list(csv.DictReader(io.StringIO(rows.content.decode("utf-8-sig"))))
    assert table[0]["answers"] == "2" and table[0]["nps_answers"] == "2"


def test_bad_filter_values_fall_back_to_defaults_never_an_error(staff, feedback_site):
    analyst = staff("analyst")
    page = analyst.get(f"/console/reports?from=yesterday&to=2026-13-40&site=<script>")
    assert page.status_code == 200
    assert 'aria-invalid="true"' in page.text and "<script>" not in page.text
    f, set_aside = parse_filter({"from": "2026-05-10", "to": "2026-05-01"}, date(2026, 6, 1))
    assert set_aside == ["from", "to"] and (f.start, f.end) == (date(2026, 5, 3), date(2026, 6, 1))
    f, _ = parse_filter({}, date(2026, 1, 1))
    assert (f.start, f.end) == (date(2025, 12, 3), date(2026, 1, 1))
    # A last day whose 30 days would begin before the calendar's first (an OverflowError once).
    f, set_aside = parse_filter({"to": "0001-01-02"}, date(2026, 1, 1))
    assert set_aside == ["to"] and (f.start, f.end) == (date(2025, 12, 3), date(2026, 1, 1))


def test_every_table_exports_as_csv_and_json(staff, feedback_site):
    from sync.server.reports import REPORT_TABLES

    analyst = staff("analyst")
    for table in REPORT_TABLES:
        for fmt in ("csv", "json"):
            r = analyst.get(f"/console/reports/export/{table}.{fmt}?site={feedback_site}")
            assert r.status_code == 200, (table, fmt)
    assert analyst.get("/console/reports/export/nonsense.csv").status_code == 422


def test_a_csv_cell_that_looks_like_a_formula_is_defused(console_backend, staff):
    from sync.server.store import create_enrolment_code, enrol

    site = console_backend.new_site()
    dev = enrol(console_backend.sessions, create_enrolment_code(console_backend.sessions, site), "k")
    _push(console_backend, (dev["device_id"], site),
          [_item("feedback", {"service_id": "family-cafe", "smiley": 1, "comment": "=HYPERLINK(\"x\")"})])
    out = staff("analyst").get(f"/console/reports/export/comments.csv?site={site}").content.decode("utf-8-sig")
    assert "'=HYPERLINK" in out


def test_the_figures_helpers():
    assert mask_personal_data("call +358 40 123 4567 now") == "call [phone] now"
    assert mask_personal_data("hetu 010203A123B") == "hetu [id]"
    assert mask_personal_data("room 12, 3 people") == "room 12, 3 people"
    assert nps_margin_of_error([10]) is None
    assert nps_margin_of_error([10, 10, 10]) == 0.0
    assert percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9) == 9 and percentile([], 0.5) is None


def test_the_kiosk_report_has_a_default_period_and_speaks_finnish(console_backend, feedback_site):
    from sync.server.store import create_enrolment_code, enrol

    token = enrol(console_backend.sessions, create_enrolment_code(console_backend.sessions, feedback_site),
                  "staff-screen")["token"]
    auth = {"Authorization": f"Bearer {token}"}
    answer = requests.get(f"{console_backend.url}/api/v1/reports/feedback", headers=auth, timeout=10)
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert (date.fromisoformat(body["to"]) - date.fromisoformat(body["from"])).days == 29
    assert body["total"]["count"] == 6
    page = requests.get(f"{console_backend.url}/api/v1/reports/feedback.html?lang=fi", headers=auth, timeout=10)
    assert page.status_code == 200 and '<html lang="fi">' in page.text
    assert "Erittäin tyytyväinen" in page.text and "Very happy" not in page.text and "answers in all" not in page.text
    assert "[phone]" in page.text and "040 123 4567" not in page.text
    cafe = next(g for g in body["groups"] if g["id"] == "family-cafe")
    assert cafe["comments"] == ["Soita [phone] tai [email], kiitos!"]  # the JSON too
    sv = requests.get(f"{console_backend.url}/api/v1/reports/feedback.html?lang=sv", headers=auth, timeout=10)
    assert "Mycket nöjd" in sv.text
