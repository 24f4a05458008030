"""Thousands of random votes from several kiosks that go offline for stretches (one of
them behind a proxy that loses answers): the published totals equal a brute-force
recount of the stored ballots and what each person's counting vote said."""

from __future__ import annotations

import random
from collections import Counter
from datetime import datetime, timedelta, timezone

from sqlalchemy import select

from kiosk.identity.keys import Identity
from kiosk.participation import ParticipationError
from sync.server import participation as backend_participation
from sync.server.models import VoterRegister
from tests.backend import question
from tests.sync.faultproxy import FaultProxy

VOTES = 2_000
PEOPLE = 150
KIOSKS = 3


def test_totals_equal_a_brute_force_recount(any_backend, make_kiosk):
    rng = random.Random(14)
    site = any_backend.new_site()
    poll = question("poll", multiple=True, rule="replace")        # a later vote replaces the earlier one
    budget = question("budget", rule="first")                    # the first vote stands
    backend_participation.author(any_backend.sessions, {"questions": [poll, budget]})
    # One clock for all kiosks, a millisecond per vote: "later" is well defined.
    ticks = iter(datetime.now(timezone.utc) - timedelta(hours=1) + timedelta(milliseconds=n) for n in range(10**6))
    clock = lambda: next(ticks)  # noqa: E731
    proxy = FaultProxy(any_backend.url)
    try:
        kiosks = [make_kiosk(any_backend, site, now=clock) for _ in range(KIOSKS - 1)]
        kiosks.append(make_kiosk(any_backend, site, now=clock, url=proxy.url))
        for k in kiosks:
            k.sync()
        offline_until = [0] * KIOSKS
        cast: dict[str, tuple[str, str, tuple[str, ...]]] = {}  # item id -> (question, person, choices)
        order: list[str] = []
        for n in range(VOTES):
            k = rng.randrange(KIOSKS)
            person = f"person-{rng.randrange(PEOPLE)}"
            if rng.random() < 0.5:
                qid, choices = poll["id"], rng.sample(["benches", "trees", "playground"], rng.randint(1, 3))
            else:
                qid, choices = budget["id"], rng.sample(["benches", "trees", "playground"], rng.randint(1, 2))
            try:
                r = kiosks[k].desk.cast_vote(Identity("card", person, "P"), qid, choices)
            except ParticipationError as exc:
                assert exc.code == "over_budget"  # trees + playground: refused on the kiosk, never sent
                continue
            cast[r.item_id] = (qid, person, tuple(choices))
            order.append(r.item_id)
            if n >= offline_until[k] and rng.random() < 0.03:
                if rng.random() < 0.3:
                    offline_until[k] = n + rng.randint(100, 400)  # a stretch without network
                elif k == KIOSKS - 1 and rng.random() < 0.5:
                    proxy.fail("/api/v1/outbox", "drop_after_commit")  # stored, answer lost
                    kiosks[k].worker.sync_once()
                else:
                    kiosks[k].sync()
        for k in kiosks:  # the network comes back everywhere
            while k.worker.sync_once().pending:
                pass
    finally:
        proxy.close()

    # replace: each person's latest cast vote counts
    latest: dict[str, tuple[str, ...]] = {}
    for item_id in order:
        qid, person, choices = cast[item_id]
        if qid == poll["id"]:
            latest[person] = choices
    expected_poll = Counter(c for choices in latest.values() for c in choices)
    # first: whichever vote of the person the register holds (arrival decides), exactly one each
    with any_backend.sessions() as s:
        register = {r.pseudonym: r.item_id for r in s.scalars(
            select(VoterRegister).where(VoterRegister.question_id == budget["id"]))}
    counted = [cast[i] for i in register.values()]
    assert len({person for _, person, _ in counted}) == len(counted) == \
        len({p for q, p, _ in cast.values() if q == budget["id"]})
    expected_budget = Counter(c for _, _, choices in counted for c in choices)

    for q, expected in ((poll, expected_poll), (budget, expected_budget)):
        res = backend_participation.question_results(any_backend.sessions, q["id"])
        recount = backend_participation.recount(any_backend.sessions, q["id"])
        assert {k: v for k, v in res["kiosk"].items() if v} == recount == dict(expected), q["type"]
    assert backend_participation.question_results(any_backend.sessions, poll["id"])["ballots"] == len(latest)
