"""Hostile and odd values at the reference backend's edge, on SQLite and PostgreSQL: each
gets a clear 4xx answer or a rejection with a reason, never a 500, and nothing a kiosk
sends can break what the site's other kiosks or residents see."""

from __future__ import annotations

import json
import uuid
from datetime import datetime, timezone

import pytest
import requests
from sqlalchemy import text

from sync.server.models import Item
from tests.backend import queue_snapshot, some_slot

API = "/api/v1"


class Kiosk:
    """One enrolled device of a site, talking raw HTTP (so it can send what a kiosk never would)."""

    def __init__(self, backend, site: str) -> None:
        self.url = backend.url + API
        self.token = requests.post(self.url + "/enrol", json={"code": backend.enrolment_code(site), "name": "k"},
                                   timeout=10).json()["token"]
        self.auth = {"Authorization": f"Bearer {self.token}"}

    def post(self, path: str, body, **kw) -> requests.Response:
        data = body if isinstance(body, (bytes, str)) else json.dumps(body)  # allows NaN, lone surrogates
        return requests.post(self.url + path, data=data, timeout=30,
                             headers={**self.auth, "Content-Type": "application/json"}, **kw)

    def get(self, path: str, **params) -> requests.Response:
        return requests.get(self.url + path, params=params, headers=self.auth, timeout=30)

    def push(self, *items) -> list[dict]:
        r = self.post("/outbox", {"items": list(items)})
        assert r.status_code == 200, r.text
        return r.json()["results"]


def item(kind: str, payload: dict, *, created_at: str | None = None) -> dict:
    return {"id": str(uuid.uuid4()), "kind": kind, "payload": payload,
            "created_at": created_at or datetime.now(timezone.utc).isoformat()}


@pytest.fixture(scope="module")
def place(any_backend):
    """A site with two kiosks."""
    site = any_backend.new_site()
    return any_backend, site, Kiosk(any_backend, site), Kiosk(any_backend, site)


def rejected(result: dict) -> tuple[str, str]:
    return result["status"], result.get("reason")


# -- queue tickets ---------------------------------------------------------------------------
def test_a_partial_queue_ticket_is_rejected_and_the_site_queue_pages_keep_working(place):
    backend, site, kiosk, _ = place
    good = queue_snapshot()
    assert kiosk.push(item("queue_ticket", good))[0]["status"] == "accepted"
    partial = {"ticket_id": str(uuid.uuid4()), "event": "issued", "day": good["day"]}
    bad_status = {**queue_snapshot(), "status": "teleported"}
    bad_day = {**queue_snapshot(), "day": "2026-13-45"}
    no_uuid = {**queue_snapshot(), "ticket_id": "t1"}
    results = kiosk.push(*(item("queue_ticket", p) for p in (partial, bad_status, bad_day, no_uuid)))
    assert [rejected(r) for r in results] == [("rejected", "invalid_payload")] * 4
    assert "label: missing" in results[0]["detail"] and "status" in results[1]["detail"]
    assert kiosk.get("/queue/summary", day=good["day"]).status_code == 200
    page = requests.get(f"{backend.url}{API}/queue/tickets/{good['ticket_id']}/page", timeout=10)
    assert page.status_code == 200 and good["label"] in page.text


def test_another_kiosk_cannot_change_what_a_residents_ticket_page_shows(place):
    backend, site, mine, other = place
    line = f"line-{uuid.uuid4().hex[:8]}"  # a line of its own: nobody ahead
    ticket = queue_snapshot(label="A007", line_id=line, issued_line_id=line)
    assert mine.push(item("queue_ticket", ticket))[0]["status"] == "accepted"
    forged = {**ticket, "label": "Z999", "status": "called", "room": "evil", "event": "called"}
    assert rejected(other.push(item("queue_ticket", forged))[0]) == ("rejected", "not_your_device")
    state = requests.get(f"{backend.url}{API}/queue/tickets/{ticket['ticket_id']}", timeout=10).json()
    assert state == {"label": "A007", "status": "waiting", "room": None, "ahead": 0}
    # Its own kiosk still moves it on.
    called = {**ticket, "status": "called", "room": "112", "event": "called"}
    assert mine.push(item("queue_ticket", called, created_at=datetime.now(timezone.utc).isoformat()))[0]["status"] \
        == "accepted"
    state = requests.get(f"{backend.url}{API}/queue/tickets/{ticket['ticket_id']}", timeout=10).json()
    assert (state["status"], state["room"]) == ("called", "112")


@pytest.mark.parametrize("lookup,index", [("ticket", "ix_items_queue_ticket_id"), ("day", "ix_items_queue_day")])
def test_the_ticket_page_lookups_use_an_index(place, lookup, index):
    backend = place[0]
    from sync.server.queue import day_lookup, ticket_lookup

    query = ticket_lookup(str(uuid.uuid4())) if lookup == "ticket" else day_lookup("site-x", "2026-12-01", "dev")
    with backend.sessions() as s:
        dialect = s.bind.dialect
        sql = str(query.compile(dialect=dialect, compile_kwargs={"literal_binds": True}))
        if dialect.name == "sqlite":
            plan = " ".join(str(r[-1]) for r in s.execute(text("EXPLAIN QUERY PLAN " + sql)))
        else:
            s.execute(text("SET LOCAL enable_seqscan = off"))  # a small table: ask whether the index can serve it
            plan = " ".join(r[0] for r in s.execute(text("EXPLAIN " + sql)))
    assert index in plan, plan


# -- values that used to answer 500 ----------------------------------------------------------
BAD_VALUES = {"lone surrogate": "\ud800", "NaN": float("nan"), "Infinity": float("inf"), "-Infinity": float("-inf"),
              "huge number": 10 ** 30}


@pytest.mark.parametrize("name", sorted(BAD_VALUES))
def test_odd_values_in_an_open_item_are_refused_with_a_reason(place, name):
    _, _, kiosk, _ = place
    r = kiosk.post("/outbox", {"items": [item("queue_ticket", {**queue_snapshot(), "extra": BAD_VALUES[name]})]})
    assert r.status_code in (200, 422), r.text
    if r.status_code == 200:
        assert rejected(r.json()["results"][0]) == ("rejected", "invalid_payload")
    else:
        assert r.json()["error"] == "invalid_request" and r.json()["message"]


@pytest.mark.parametrize("name", sorted(BAD_VALUES))
def test_odd_values_in_a_heartbeat_are_refused(place, name):
    _, _, kiosk, _ = place
    value = BAD_VALUES[name]
    beat = {"app_version": value if isinstance(value, str) else "1.0", "outbox_depth": 0,
            "oldest_pending_age_s": value if not isinstance(value, str) else 1.5}
    r = kiosk.post("/heartbeat", beat)
    assert r.status_code == 422, r.text
    assert r.json()["error"] == "invalid_request"
    assert kiosk.post("/heartbeat", {"app_version": "1.0", "outbox_depth": 0}).status_code == 200


def test_a_lone_surrogate_anywhere_is_a_clear_4xx(place):
    backend, site, kiosk, _ = place
    for path, body in (("/enrol", {"code": "\ud800", "name": "x"}),
                       ("/identity/card/verify", {"card": "\udfff", "pin": "1234"}),
                       ("/outbox", {"items": [item("staff_audit", {"event": "p", "staff_id": "o\ud800"})]}),
                       ("/outbox", {"items": [item("staff_audit", {"event": "p", "staff_id": "n1", "\ud800": "o"})]})):
        r = kiosk.post(path, body)
        assert r.status_code == 422, (path, r.status_code, r.text[:300])
        assert r.json()["error"] == "invalid_request"
    # A real pair (an emoji escaped as two halves) is fine.
    assert kiosk.push(item("staff_audit", {"event": "p", "staff_id": "\U0001F600"}))[0]["status"] == "accepted"


@pytest.mark.parametrize("since", ["999999999999999999", "2147483648"])
def test_a_cursor_beyond_any_the_backend_hands_out_is_a_422(place, since):
    _, _, kiosk, _ = place
    r = kiosk.get("/catalogue/changes", since=since)
    assert r.status_code == 422, r.text
    assert r.json()["error"] == "invalid_request" and "since" in r.json()["message"]
    assert kiosk.get("/catalogue/changes", since="2147483647").status_code == 200


@pytest.mark.parametrize("created_at", ["9999-12-31T23:59:59-14:00", "0001-01-01T00:00:00+14:00",
                                        "1900-01-01T00:00:00+00:00", "2300-01-01T00:00:00+00:00"])
def test_a_booking_from_outside_any_sane_time_is_rejected_and_the_day_view_keeps_working(place, created_at):
    backend, site, kiosk, _ = place
    slot = some_slot(backend, site)
    booking = item("booking", {"slot_id": slot.id, "service_id": slot.service_id}, created_at=created_at)
    result = kiosk.push(booking)[0]
    assert rejected(result) == ("rejected", "invalid_payload") and "created_at" in result["detail"]
    with backend.sessions() as s:
        assert s.get(Item, booking["id"]) is None
    day = slot.starts_at.date().isoformat()
    assert kiosk.get("/booking/day", channel_id=slot.channel_id, day=day).status_code == 200


@pytest.mark.parametrize("field,value", [("started_at", "9999-12-31T23:59:59-14:00"), ("ended_at", "nonsense"),
                                         ("started_at", "2026-12-01T10:00:00")])
def test_times_inside_payloads_are_checked_the_same_way(place, field, value):
    _, _, kiosk, _ = place
    payload = {"service_id": "health-station", "started_at": "2026-12-01T10:00:00+02:00", "outcome": "done",
               field: value}
    result = kiosk.push(item("walk_in_appointment", payload))[0]
    assert rejected(result) == ("rejected", "invalid_payload") and field in result["detail"]


def test_deeply_nested_and_oversized_bodies_are_refused(place):
    _, _, kiosk, _ = place
    r = kiosk.post("/heartbeat", b'{"update": ' + b"[" * 100_000 + b"]" * 100_000 + b"}")
    assert r.status_code == 422 and r.json()["error"] == "invalid_request"
    r = kiosk.post("/outbox", b'{"items": [], "pad": "' + b"x" * (17 * 1024 * 1024) + b'"}')
    assert r.status_code == 413 and r.json()["error"] == "invalid_request"


@pytest.mark.parametrize("query", [{"from": "0001-01-01", "to": "0001-01-02"}, {"from": "9999-12-30", "to": "9999-12-31"},
                                   {"from": "2026-12-02", "to": "2026-12-01"},
                                   {"to": "0001-01-01"}, {"to": "0001-01-15"}])   # the default start before day one
def test_report_periods_at_the_ends_of_the_calendar_are_a_422(place, query):
    _, _, kiosk, _ = place
    r = kiosk.get("/reports/feedback", **query)
    assert r.status_code in (200, 422), r.text
    if r.status_code == 422:
        assert r.json()["error"] == "invalid_request"


def test_a_partial_ticket_stored_before_the_checks_does_not_break_the_pages(place):
    # Rows a backend stored before it checked snapshots whole are passed over, not a 500.
    backend, site, kiosk, _ = place
    partial_id, whole = str(uuid.uuid4()), queue_snapshot(day="2026-11-30")
    assert kiosk.push(item("queue_ticket", whole))[0]["status"] == "accepted"
    with backend.sessions.begin() as s:
        device_id = s.get(Item, kiosk.push(item("queue_ticket", queue_snapshot(day="2026-11-30")))[0]["id"]).device_id
        for payload in ({"ticket_id": partial_id, "event": "issued"},
                        {"ticket_id": str(uuid.uuid4()), "event": "issued", "day": "2026-11-30"}):
            s.add(Item(id=str(uuid.uuid4()), device_id=device_id, site_id=site, kind="queue_ticket", content_hash="x",
                       created_at=datetime.now(timezone.utc), received_at=datetime.now(timezone.utc), payload=payload))
    assert requests.get(f"{backend.url}{API}/queue/tickets/{partial_id}", timeout=10).status_code == 404
    assert requests.get(f"{backend.url}{API}/queue/tickets/{partial_id}/page", timeout=10).status_code == 200
    assert requests.get(f"{backend.url}{API}/queue/tickets/{whole['ticket_id']}", timeout=10).status_code == 200
    assert kiosk.get("/queue/summary", day="2026-11-30").status_code == 200


def test_the_summary_passes_over_old_snapshots_with_times_it_cannot_read():
    """A snapshot stored before the checks, with a time without offset, used to raise
    TypeError out of the summary (a 500 for the whole site's page)."""
    from sync.server.queue import summarise

    good = {**queue_snapshot(), "issued_at": "2026-12-01T09:00:00+02:00", "first_called_at": "2026-12-01T09:12:00+02:00"}
    old = {**queue_snapshot(), "issued_at": "2026-12-01T09:00:00", "first_called_at": "2026-12-01T09:30:00+02:00"}
    lines = summarise({("k1", good["ticket_id"]): good, ("k1", old["ticket_id"]): old})
    assert [(line["issued"], line["average_wait_min"]) for line in lines] == [(2, 12.0)]  # the old one's wait left out
