"""Every kind of item the kiosk puts into its outbox, for every service of the demo
catalogue, reaches the REAL reference backend over HTTP: alone (one item per push) and
in mixed batches, with zero rejections (issue 11: ``feedback_details`` was rejected as
``unknown_service`` whenever no other kind that names a service was in the same push).
And items a kiosk quarantined for that reason are delivered by *Resend* once the
backend is fixed."""

from __future__ import annotations

import json
import random
from collections import Counter

import pytest
from sqlalchemy import select

from kiosk import outbox
from kiosk.booking import BookingDesk
from kiosk.catalogue.service import Catalogue
from kiosk.checkin import CHECKED_IN, CheckInDesk
from kiosk.feedback import FeedbackBox
from kiosk.identity.audit import record_staff_event
from kiosk.identity.keys import Identity
from kiosk.outbox import ITEM_KINDS, OutboxReview
from kiosk.participation import ParticipationDesk
from kiosk.queue import PREFIXES, WalkInQueue, lines_from_channels
from kiosk.storage.models import OutboxItem
from kiosk.walk_in import OUTCOMES, WalkInDesk
from sync import protocol
from sync.client import BackendClient
from sync.enrolment import load_credentials
from sync.server import participation as backend_participation
from tests.conftest import REPO
from tests.backend import question
from tests.backend import server_items

DEMO = REPO / "assets" / "demo" / "catalogue.json"


@pytest.fixture
def site(backend) -> str:  # the sync fixtures' kiosk and worker use this site
    return backend.new_site(json.loads(DEMO.read_text(encoding="utf-8")))


def _builders_for_other_kinds(service_ids: list[str]):
    """A payload for each kind no kiosk module below records yet (e.g. a kind added
    later), made from its declaration, so that kind is pushed for every service too."""
    covered = {"booking", "booking_cancel", "booking_checkin", "feedback", "feedback_details", "walk_in_appointment",
               "queue_ticket", "staff_audit", "vote", "idea", "idea_support"}
    out = []
    for name, spec in ITEM_KINDS.items():
        if name in covered:
            continue
        for n, sid in enumerate(service_ids):
            payload = {}
            for key, tp in spec.required.items():
                payload[key] = sid if key == "service_id" else 1 if tp is int else f"{key}-{n}"
            if "service_id" in spec.optional:
                payload["service_id"] = sid
            out.append((name, payload))
    return out


def open_questions(backend, site: str) -> tuple[str, str]:
    """A poll and an idea collection asked at the site, as the city authors them."""
    poll, ideas = question("poll", sites=[site]), question("ideas", sites=[site])
    backend_participation.author(backend.sessions, {"questions": [poll, ideas]})
    return poll["id"], ideas["id"]


def approve_an_idea(db, backend, worker, ideas_id: str) -> None:
    """One idea proposed at the kiosk and approved by the city, so residents can support it."""
    ParticipationDesk(db).propose_idea(Identity("card", "proposer", "P"), ideas_id, title="Penkkejä",
                                       text="Lisää penkkejä puistoon", category="parks")
    assert worker.sync_once().last_error is None
    for idea in backend_participation.ideas(backend.sessions, ideas_id):
        backend_participation.moderate(backend.sessions, idea.id, "approve")
    assert worker.sync_once().last_error is None  # the kiosk now has the approved idea


def record_everything(db, catalogue: Catalogue, round_no: int, questions: tuple[str, str]) -> Counter:
    """What a busy kiosk day records, through the kiosk's own modules, for every service."""
    services = [s.id for s in catalogue.all_services()]
    poll_id, ideas_id = questions
    part = ParticipationDesk(db)
    approved = part.ideas(ideas_id)[0].id
    for n, sid in enumerate(services):  # one person per service and round: each vote counts
        person = Identity("card", f"voter-{sid}-{round_no}", "P")
        part.cast_vote(person, poll_id, [("benches", "trees", "playground")[n % 3]])
        part.propose_idea(person, ideas_id, title=f"Idea {n}", text=f"Ehdotus {sid}", category="parks")
        part.support_idea(person, approved)
    box = FeedbackBox(db, repeat_interval_s=0)
    desk = BookingDesk(db, catalogue, remote=None)  # no remote: every booking goes through the outbox
    walk_in = WalkInDesk(db)
    booked = 0
    for n, sid in enumerate(services):
        answer = box.give(service_id=sid, smiley=1 + n % 4, context="home")
        box.add_details(answer.id, service_id=sid, nps=n % 11, comment=f"Kiitos {sid}")
        visit = walk_in.start(service_id=sid, staff_id="nurse-1", subject=f"walk-in-{sid}")
        walk_in.finish(visit.id, OUTCOMES[n % len(OUTCOMES)])
        for channel in desk.bookable_channels(sid):
            times, _ = desk.free_times(channel.id, ask_backend=False)
            if len(times) > round_no:
                b = desk.book(subject=f"resident-{sid}-{round_no}", service_id=sid, channel_id=channel.id,
                              slot_id=times[round_no].slot_id, language="fi", phone="040 123 4567")
                if n % 2:  # cancelled before it reached the city: the kiosk sends the cancel after it
                    desk.cancel(subject=f"resident-{sid}-{round_no}", booking_id=b.id)
                else:  # the person arrives on time (the kiosk's clock at the booked time)
                    at = (lambda t: lambda: t)(b.starts_at)
                    line = WalkInQueue(db, lines_from_channels([(channel.id, sid)]), now=at, outbox=outbox.record)
                    assert CheckInDesk(db, line, desk, now=at).check_in(b.id).outcome == CHECKED_IN
                booked += 1
                break
    for start in range(0, len(services), len(PREFIXES)):
        queue = WalkInQueue(db, lines_from_channels((f"line-{sid}", sid) for sid in services[start:start + 22]),
                            outbox=outbox.record)
        for line_id in queue.lines:
            queue.take_number(line_id)
    with db.sessions.begin() as s:
        record_staff_event(s, "login", "nurse-1", role="nurse", site="kontula")
        for kind, payload in _builders_for_other_kinds(services):
            outbox.record(s, kind, payload)
    assert booked >= 30, "the demo catalogue should offer bookable times for many services"
    with db.sessions() as s:
        return Counter(i.kind for i in s.scalars(select(OutboxItem).where(OutboxItem.state == outbox.PENDING)))


def quarantined(db) -> list[tuple[str, str, str]]:
    with db.sessions() as s:
        return [(i.kind, i.reason, i.detail) for i in outbox.quarantined(s)]


def test_every_kind_for_every_demo_service_is_accepted_alone_and_in_mixed_batches(db, backend, site, make_worker):
    questions = open_questions(backend, site)
    first = make_worker()
    assert first.sync_once().last_error is None  # enrolled, the demo catalogue pulled
    approve_an_idea(db, backend, first, questions[1])
    catalogue = Catalogue(db)
    assert len(catalogue.all_services()) == 90
    desk = BookingDesk(db, catalogue, remote=None)

    # Round 1: every item alone, one push each.
    kinds = record_everything(db, catalogue, 0, questions)
    alone = make_worker(batch_size=1)
    status = alone.sync_once()
    assert status.last_error is None
    assert quarantined(db) == []
    desk.refresh_states()  # the cancellations of delivered bookings are recorded now...
    assert alone.sync_once().last_error is None  # ...and go alone too
    assert quarantined(db) == []

    # Round 2: the same kinds again, in mixed batches as the worker sends them...
    kinds2 = record_everything(db, catalogue, 1, questions)
    assert kinds2 == kinds
    mixed = make_worker(batch_size=200)
    assert mixed.sync_once().last_error is None
    assert quarantined(db) == []
    # ...and in shuffled small batches of whatever kinds happen to come together,
    # cancellations in the same push as other kinds.
    desk.refresh_states()
    kinds3 = record_everything(db, catalogue, 2, questions)
    client = BackendClient(backend.url, credentials=load_credentials(first.data_dir), timeout_s=30)
    with db.sessions() as s:
        pending = outbox.pending_for_sending(s, 5000)
    assert {i["kind"] for i in pending} == set(kinds) | {"booking_cancel"} == set(ITEM_KINDS)
    random.Random(11).shuffle(pending)
    answers = []
    for start in range(0, len(pending), 7):
        answers += client.push_batch(pending[start:start + 7])
    client.close()
    rejected = [(a["reason"], a.get("detail")) for a in answers if a["status"] == protocol.REJECTED]
    assert rejected == []
    assert len(answers) == len(pending)
    assert Counter({k: v for k, v in kinds3.items() if k != "booking_cancel"}) == kinds

    stored = Counter(i.kind for i in server_items(backend, site_id=site))
    for kind, n in kinds.items():
        assert stored[kind] == 3 * n + (kind == "idea"), kind  # + the idea approved first
    assert stored["booking_cancel"] == kinds3["booking_cancel"] * 2 > 0
    assert stored["feedback_details"] == 3 * 90


def test_items_quarantined_by_the_old_backend_are_delivered_by_resend(db, backend, site, make_worker):
    """A kiosk that met the faulty backend holds feedback_details set aside as
    unknown_service; staff press Resend once the backend is fixed and they arrive."""
    worker = make_worker()
    assert worker.sync_once().last_error is None
    catalogue = Catalogue(db)
    box = FeedbackBox(db, repeat_interval_s=0)
    sids = [s.id for s in catalogue.all_services()][:5]
    for sid in sids:
        answer = box.give(service_id=sid, smiley=4)
        box.add_details(answer.id, service_id=sid, nps=9, comment="Hyvä")
    with db.sessions.begin() as s:
        details = [i for i in s.scalars(select(OutboxItem).where(OutboxItem.kind == "feedback_details"))]
        for item in details:  # exactly what the old backend's answer left on the kiosk
            outbox.quarantine(s, item.id, "unknown_service",
                              f"service {item.payload['service_id']!r} is not in this site's catalogue")
    assert worker.sync_once().last_error is None
    assert [q[0] for q in quarantined(db)] == ["feedback_details"] * 5
    review = OutboxReview(db)
    for q in review.quarantined_items():
        review.retry(q.id, staff="nurse-1")  # the staff screen's Resend
    assert worker.sync_once().last_error is None
    assert quarantined(db) == []
    with db.sessions() as s:
        assert {i.state for i in s.scalars(select(OutboxItem))} == {outbox.DELIVERED}
    on_server = server_items(backend, site_id=site, kind="feedback_details")
    assert sorted(i.payload["service_id"] for i in on_server) == sorted(sids)
    assert all(i.payload["nps"] == 9 for i in on_server)
    # ...and the city's feedback report has the score and the comment of each.
    from datetime import datetime, timedelta

    from kiosk.catalogue.hours import LOCAL_TZ
    from sync.server.reports import feedback_report

    today = datetime.now(LOCAL_TZ).date()
    report = feedback_report(backend.sessions, site, today - timedelta(days=1), today)  # midnight may pass
    groups = {g["id"]: g for g in report["groups"]}
    assert set(groups) == set(sids)
    for g in groups.values():
        assert (g["nps_answers"], g["nps"], g["comments"]) == (1, 100, ["Hyvä"])
