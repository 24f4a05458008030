"""Feedback from the kiosk's FeedbackBox through the outbox to the REAL reference backend,
and the backend's report computed from known answers."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
import requests

from kiosk.feedback import FeedbackBox, FeedbackError, clean_comment, net_promoter_score
from sync.enrolment import load_credentials
from tests.backend import server_items


class Clock:
    def __init__(self) -> None:
        self.now = datetime.now(timezone.utc)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def box(db, clock) -> FeedbackBox:
    return FeedbackBox(db, repeat_interval_s=4.0, now=clock)


def _report(backend, kiosk_data, fmt: str = "", **params) -> requests.Response:
    creds = load_credentials(kiosk_data)
    today = datetime.now(timezone.utc).date()
    query = {"from": (today - timedelta(days=1)).isoformat(), "to": (today + timedelta(days=1)).isoformat(),
             **params}
    return requests.get(f"{backend.url}/api/v1/reports/feedback{fmt}", params=query,
                        headers={"Authorization": f"Bearer {creds.token}"}, timeout=10)


def test_a_smiley_alone_arrives_once(backend, site, make_worker, box, kiosk_data):
    receipt = box.give(service_id="maternity-clinic", smiley=4, provider_id="city-health", context="booking")
    assert receipt.counted
    worker = make_worker()
    assert worker.sync_once().pushed == 1
    worker.sync_once()  # nothing is sent twice
    items = server_items(backend, site_id=site, kind="feedback")
    assert len(items) == 1
    p = items[0].payload
    assert p["smiley"] == 4 and p["service_id"] == "maternity-clinic" and p["answer_id"] == receipt.id
    # No identity of any kind travels with feedback.
    assert not {"subject", "phone", "name"} & p.keys()
    assert server_items(backend, site_id=site, kind="feedback_details") == []


def test_score_and_comment_arrive_with_their_smiley(backend, site, make_worker, box):
    receipt = box.give(service_id="health-station", smiley=2)
    box.add_details(receipt.id, service_id="health-station", nps=6, comment="  Long   wait\ttoday  ")
    make_worker().sync_once()
    [details] = server_items(backend, site_id=site, kind="feedback_details")
    assert details.payload == {"answer_id": receipt.id, "service_id": "health-station", "nps": 6,
                               "comment": "Long wait today"}


def test_details_only_complete_an_answer_given_here_and_only_once(db, box):
    receipt = box.give(service_id="health-station", smiley=3)
    with pytest.raises(FeedbackError) as err:
        box.add_details("not-an-answer", service_id="health-station", nps=5)
    assert err.value.code == "unknown_answer"
    with pytest.raises(FeedbackError) as err:
        box.add_details(receipt.id, service_id="health-station", nps=11)
    assert err.value.code == "bad_nps"
    box.add_details(receipt.id, service_id="health-station", nps=8)
    with pytest.raises(FeedbackError):
        box.add_details(receipt.id, service_id="health-station", nps=9)
    box.forget()
    with pytest.raises(FeedbackError):
        box.give(service_id="health-station", smiley=5)


def test_a_flood_of_presses_counts_once_until_the_finger_rests(backend, site, make_worker, box, clock):
    counted = []
    for i in range(40):  # a child drumming: a press every half second, on any smiley
        counted.append(box.give(service_id="family-cafe", smiley=1 + i % 4).counted)
        clock.advance(0.5)
    assert counted.count(True) == 1 and counted[0]
    clock.advance(4.0)
    assert box.give(service_id="family-cafe", smiley=4).counted  # the next person, after a pause
    make_worker().sync_once()
    assert len(server_items(backend, site_id=site, kind="feedback")) == 2


def test_report_figures_from_known_answers(backend, site, make_worker, db, kiosk_data):
    box = FeedbackBox(db, repeat_interval_s=0)
    # maternity: smileys 4 4 3 1 2, scores 10 9 7 3 (one answer without a score)
    for smiley, score in ((4, 10), (4, 9), (3, 7), (1, 3), (2, None)):
        r = box.give(service_id="maternity-clinic", smiley=smiley, provider_id="city-health")
        if score is not None:
            box.add_details(r.id, service_id="maternity-clinic", nps=score)
    # family cafe (another provider): one very happy answer with a 10
    r = box.give(service_id="family-cafe", smiley=4, provider_id="parish")
    box.add_details(r.id, service_id="family-cafe", nps=10, comment="Kiitos!")
    make_worker().sync_once()

    answer = _report(backend, kiosk_data)
    assert answer.status_code == 200, answer.text
    report = answer.json()
    groups = {g["id"]: g for g in report["groups"]}
    m = groups["maternity-clinic"]
    assert m["count"] == 5
    assert m["smileys"] == {"1": 1, "2": 1, "3": 1, "4": 2}
    assert (m["promoters"], m["detractors"], m["nps_answers"]) == (2, 1, 4)
    assert m["nps"] == 25.0  # (2 - 1) / 4
    assert groups["family-cafe"]["nps"] == 100.0 and groups["family-cafe"]["comments"] == ["Kiitos!"]
    assert report["total"]["count"] == 6 and report["total"]["nps"] == 40.0  # (3 - 1) / 5

    by_provider = {g["id"]: g for g in _report(backend, kiosk_data, by="provider").json()["groups"]}
    assert by_provider["city-health"]["count"] == 5 and by_provider["parish"]["count"] == 1

    # A period without the answers has none of them.
    creds = load_credentials(kiosk_data)
    old = requests.get(f"{backend.url}/api/v1/reports/feedback", params={"from": "2020-01-01", "to": "2020-01-31"},
                       headers={"Authorization": f"Bearer {creds.token}"}, timeout=10).json()
    assert old["groups"] == [] and old["total"]["count"] == 0

    page = _report(backend, kiosk_data, ".html")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert "<svg" in page.text and "+25.0" in page.text and "Kiitos!" in page.text


def test_report_refuses_a_backwards_period_and_strangers(backend, site, make_worker, kiosk_data):
    make_worker().sync_once()  # enrols
    bad = _report(backend, kiosk_data, **{"from": "2026-05-02", "to": "2026-05-01"})
    assert bad.status_code == 422 and bad.json()["error"] == "invalid_request"
    anon = requests.get(f"{backend.url}/api/v1/reports/feedback", params={"from": "2026-05-01", "to": "2026-05-02"},
                        timeout=10)
    assert anon.status_code == 401


def test_markup_and_control_characters_stay_plain_text(backend, site, make_worker, box, kiosk_data):
    typed = "<b>bold</b>\x00\x1b[31m <script>alert(1)</script>\u202eevil & co"
    assert clean_comment(typed) == "<b>bold</b>[31m <script>alert(1)</script>evil & co"
    r = box.give(service_id="health-station", smiley=1)
    box.add_details(r.id, service_id="health-station", comment=typed)
    make_worker().sync_once()
    [details] = server_items(backend, site_id=site, kind="feedback_details")
    assert details.payload["comment"] == "<b>bold</b>[31m <script>alert(1)</script>evil & co"
    page = _report(backend, kiosk_data, ".html").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "<script>" not in page
    assert "&lt;b&gt;bold&lt;/b&gt;" in page and "&amp; co" in page


def test_net_promoter_score_edges():
    assert net_promoter_score([]) is None
    assert net_promoter_score([9, 10]) == 100.0
    assert net_promoter_score([0, 6]) == -100.0
    assert net_promoter_score([7, 8]) == 0.0
    assert net_promoter_score([10, 6, 8]) == 0.0
