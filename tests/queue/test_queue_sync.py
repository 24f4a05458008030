"""Queue tickets and walk-in appointments made offline reach the real backend once,
and the backend serves the resident's follow-your-turn page and the site's summary."""

import requests

from kiosk import outbox
from kiosk.queue import WalkInQueue, lines_from_channels
from kiosk.walk_in import WalkInDesk
from tests.backend import server_items


def test_offline_queue_day_syncs_once_and_feeds_the_phone_page_and_summary(db, backend, site, make_worker):
    q = WalkInQueue(db, lines_from_channels([("health-walkin", "health-station")]), outbox=outbox.record)
    desk = WalkInDesk(db)
    # The network is down all morning: everything goes to the outbox only.
    a, b, c = (q.take_number("health-walkin") for _ in range(3))
    q.call_next(["health-walkin"], staff_id="nurse-1", room="112")
    appt = desk.start(service_id="health-station", staff_id="nurse-1", ticket_id=a.id)
    q.finish(a.id)
    desk.finish(appt.id, "done")
    q.call_next(["health-walkin"], staff_id="nurse-1", room="112")
    q.no_show(b.id)

    worker = make_worker()
    first = worker.sync_once()
    assert first.last_error is None and first.pending == 0 and first.quarantined == 0
    assert worker.sync_once().pushed == 0  # nothing twice
    kinds = sorted(i.kind for i in server_items(backend, site_id=site))
    assert kinds.count("queue_ticket") == 3 + 1 + 1 + 1 + 1  # issued x3, called, finished, called, no-show
    assert kinds.count("walk_in_appointment") == 1

    page = requests.get(f"{backend.url}/api/v1/queue/tickets/{c.id}/page?lang=sv", timeout=5)
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert c.label in page.text and "Före dig i kön: 0" in page.text
    state = requests.get(f"{backend.url}/api/v1/queue/tickets/{b.id}", timeout=5).json()
    assert state == {"label": b.label, "status": "no_show", "room": "112", "ahead": 0}

    assert requests.get(f"{backend.url}/api/v1/queue/tickets/00000000-0000-4000-8000-000000000000",
                        timeout=5).status_code == 404
    assert requests.get(f"{backend.url}/api/v1/queue/summary?day={a.day}", timeout=5).status_code == 401


def test_site_summary_needs_the_device_and_counts_the_day(db, backend, site, kiosk_data, make_worker):
    import json

    q = WalkInQueue(db, lines_from_channels([("health-walkin", "health-station")]), outbox=outbox.record)
    a = q.take_number("health-walkin")
    q.take_number("health-walkin")
    q.call_next(["health-walkin"], staff_id="nurse-1", room="1")
    q.finish(a.id)
    worker = make_worker()
    assert worker.sync_once().last_error is None
    creds = json.loads((kiosk_data / "device.json").read_text())
    token = creds.get("token") or creds.get("device_token")
    answer = requests.get(f"{backend.url}/api/v1/queue/summary", params={"day": a.day},
                          headers={"Authorization": f"Bearer {token}"}, timeout=5)
    assert answer.status_code == 200, answer.text
    [line] = answer.json()["lines"]
    assert (line["issued"], line["served"], line["waiting"], line["no_shows"]) == (2, 1, 1, 0)
    assert line["average_wait_min"] is not None
