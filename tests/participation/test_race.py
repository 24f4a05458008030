"""Races on the one-vote rule, on SQLite and PostgreSQL, against the real backend over
HTTP: the same people voting from two kiosks at once while the city finalises the
question, under both rules. A vote takes the question row FOR SHARE and finalise takes
it FOR UPDATE, so a vote is either wholly before the finalise (its ballot re-written
without a key and counted in the published totals) or sees the question finalised and
is refused; nothing slips between. Totals equal a brute-force recount."""

from __future__ import annotations

import threading
from collections import Counter
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import select

from sync.server import participation as backend_participation
from sync.server.models import Ballot, ParticipationSecret, VoterRegister, VoteReceipt
from tests.backend import enrolled_client, question, vote_item

PEOPLE = 40


@pytest.mark.parametrize("rule", ["replace", "first"])
def test_votes_from_two_kiosks_racing_the_finalise(any_backend, rule):
    site = any_backend.new_site()
    now = datetime.now(timezone.utc)
    q = question("poll", rule=rule, late_grace_h=1, closes=now + timedelta(days=1))
    backend_participation.author(any_backend.sessions, {"questions": [q]})
    clients = [enrolled_client(any_backend, site, f"racer{n}") for n in range(2)]
    people = [f"race-{rule}-{n}" for n in range(PEOPLE)]
    answers: list[list[tuple[str, int, dict]]] = [[], []]
    start = threading.Barrier(3)
    finalised: dict = {}
    base = now - timedelta(minutes=10)

    def kiosk(n: int) -> None:
        start.wait(timeout=30)
        for i, person in enumerate(people):
            item = vote_item(q["id"], [("trees", "benches")[n]], person,
                             created_at=base + timedelta(seconds=i * 10 + n))
            answers[n].append((person, n, clients[n].push_batch([item])[0]))

    def city() -> None:
        start.wait(timeout=30)
        # Once some votes are in, finalise "after the grace time" (the clock handed in).
        while sum(len(a) for a in answers) < PEOPLE // 2:
            threading.Event().wait(0.005)
        finalised.update(backend_participation.finalise(any_backend.sessions, q["id"],
                                                        now=q_closes(q) + timedelta(hours=2)))

    threads = [threading.Thread(target=kiosk, args=(n,)) for n in range(2)] + [threading.Thread(target=city)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(180)
    assert finalised, "the finalise did not run"

    reasons = Counter(a.get("reason") for pair in answers for _, _, a in pair)
    allowed = {None, "question_closed"} | ({"already_voted"} if rule == "first" else set())
    assert set(reasons) <= allowed, reasons
    assert reasons["question_closed"] > 0 and reasons[None] > 0   # the race really happened
    with any_backend.sessions() as s:
        ballots = list(s.scalars(select(Ballot).where(Ballot.question_id == q["id"])))
        register = list(s.scalars(select(VoterRegister).where(VoterRegister.question_id == q["id"])))
        receipts = {r.item_id: r for r in s.scalars(select(VoteReceipt).where(VoteReceipt.question_id == q["id"]))}
        assert s.get(ParticipationSecret, q["id"]) is None
    # Nothing came in after the finalise: no ballot with a key, none beyond the register.
    assert all(b.ballot_key is None for b in ballots)
    assert len(ballots) == len(register) == len({r.pseudonym for r in register})
    recount = backend_participation.recount(any_backend.sessions, q["id"])
    published = {k: v for k, v in finalised["kiosk"].items() if v}
    assert published == recount == dict(Counter(c for b in ballots for c in b.choices))
    # Every vote the kiosks were told counted is in the published totals, as its receipt says.
    counted = [rid for rid, r in receipts.items() if r.status == "counted"]
    assert len(counted) == len(ballots)
    assert sum(recount.values()) == len(ballots)


def q_closes(q: dict) -> datetime:
    return datetime.fromisoformat(q["closes"])
