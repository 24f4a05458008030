"""The backend is killed with SIGKILL while kiosks upload votes, and started again on the
same database: every vote counts once, the totals equal a recount of the ballots and of
what each person last chose."""

from __future__ import annotations

import random
import signal
import threading
from collections import Counter

from sqlalchemy import func, select

from kiosk.identity.keys import Identity
from sync.server import participation as backend_participation
from sync.server.models import VoterRegister
from tests.backend import question
from tests.backend import start_backend

VOTES = 400


def _registered(backend, qid) -> int:
    with backend.sessions() as s:
        return s.scalar(select(func.count()).select_from(VoterRegister).where(VoterRegister.question_id == qid))


def test_sigkill_of_the_backend_during_votes_counts_each_once(any_backend, make_kiosk, tmp_path):
    rng = random.Random(7)
    site = any_backend.new_site()
    q = question("poll", multiple=True, rule="replace")
    backend_participation.author(any_backend.sessions, {"questions": [q]})
    port = int(any_backend.url.rsplit(":", 1)[1])
    kiosks = [make_kiosk(any_backend, site) for _ in range(2)]
    for k in kiosks:
        k.sync()
        k.worker.batch_size = 5  # many small transactions: the kill lands between and inside them
    latest: dict[str, tuple[str, ...]] = {}
    for n in range(VOTES):
        person = f"p{rng.randrange(120)}"
        choices = tuple(rng.sample(["benches", "trees", "playground"], rng.randint(1, 3)))
        kiosks[n % 2].desk.cast_vote(Identity("card", person, "P"), q["id"], list(choices))
        latest[person] = choices  # one clock for both kiosks: the later cast is the later vote
    uploads = [threading.Thread(target=k.worker.sync_once) for k in kiosks]
    for t in uploads:
        t.start()
    before = _registered(any_backend, q["id"])
    deadline = threading.Event()
    while _registered(any_backend, q["id"]) < before + 10 and not deadline.wait(0.01):
        pass
    any_backend.proc.send_signal(signal.SIGKILL)  # in the middle of the uploads
    any_backend.proc.wait(30)
    for t in uploads:
        t.join(120)
    assert _registered(any_backend, q["id"]) < len(latest)  # the kill did stop it half way
    restarted = start_backend(any_backend.db_url, tmp_path, port=port)
    any_backend.proc = restarted.proc  # the module's fixture stops the new process
    for k in kiosks:
        while k.worker.sync_once().pending:
            pass
    expected = Counter(c for choices in latest.values() for c in choices)
    recount = backend_participation.recount(any_backend.sessions, q["id"])
    totals = backend_participation.question_results(any_backend.sessions, q["id"])
    assert recount == dict(expected) == {k: v for k, v in totals["kiosk"].items() if v}
    assert totals["ballots"] == _registered(any_backend, q["id"]) == len(latest)
