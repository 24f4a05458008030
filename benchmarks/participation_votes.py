"""Votes from many kiosks at once on PostgreSQL: the one-vote rule under load.

Starts a throwaway PostgreSQL cluster (fsync on) and a real ``welfare-backend serve``,
authors one approval poll (rule: a later vote replaces the earlier one), enrols K
kiosks, then K client threads each push their share of V votes, one vote per request
(as a kiosk that is online sends them), from P people so that many people vote again
from another kiosk. Reports p50/p99/max request latency, votes/s, and checks that the
totals equal a brute-force recount and that there is one ballot per person.

    python -m benchmarks.participation_votes [--kiosks 50] [--votes 10000] [--people 3000]
"""

from __future__ import annotations

import argparse
import random
import shutil
import tempfile
import threading
import time
import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path

from benchmarks.report import percentile, save_results

QUICK = {"kiosks": 5, "votes": 200, "people": 60}


def run(kiosks: int = 50, votes: int = 10_000, people: int = 3_000) -> dict:
    from sync.client import BackendClient
    from sync.server import participation
    from tests.backend import question
    from tests.backend import start_backend
    from tests.sync.pgcluster import PostgresCluster, PostgresUnavailable

    try:
        cluster = PostgresCluster(fsync=True, max_connections=max(100, kiosks + 50))
    except PostgresUnavailable as exc:
        return {"available": False, "reason": str(exc)}
    work = Path(tempfile.mkdtemp(prefix="bench-votes-"))
    backend = None
    try:
        backend = start_backend(cluster.create_database("bench"), work)
        site = backend.new_site()
        q = question("poll", multiple=True, rule="replace")
        participation.author(backend.sessions, {"questions": [q]})
        clients = [BackendClient(backend.url, credentials=BackendClient(backend.url).enrol(
            backend.enrolment_code(site), f"kiosk-{k}"), timeout_s=120) for k in range(kiosks)]
        rng = random.Random(10)
        base = datetime.now(timezone.utc) - timedelta(hours=1)
        plan = [(f"person-{rng.randrange(people)}",
                 rng.sample(["benches", "trees", "playground"], rng.randint(1, 3))) for _ in range(votes)]
        latest: dict[str, list[str]] = {}
        for person, choices in plan:
            latest[person] = choices
        latencies: list[float] = []
        statuses: dict[str, int] = {}
        lock = threading.Lock()
        barrier = threading.Barrier(kiosks)

        def kiosk(k: int) -> None:
            mine, counts = [], {}
            barrier.wait()
            for n in range(k, votes, kiosks):
                person, choices = plan[n]
                item = {"id": str(uuid.uuid4()), "kind": "vote",
                        "created_at": (base + timedelta(milliseconds=n)).isoformat(),
                        "payload": {"question_id": q["id"], "choices": choices, "subject": person}}
                t0 = time.perf_counter()
                for res in clients[k].push_batch([item]):
                    counts[res["status"]] = counts.get(res["status"], 0) + 1
                mine.append(time.perf_counter() - t0)
            with lock:
                latencies.extend(mine)
                for key, c in counts.items():
                    statuses[key] = statuses.get(key, 0) + c

        threads = [threading.Thread(target=kiosk, args=(k,)) for k in range(kiosks)]
        started = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        elapsed = time.perf_counter() - started
        totals = participation.question_results(backend.sessions, q["id"])
        recount = participation.recount(backend.sessions, q["id"])
        expected: dict[str, int] = {}
        for choices in latest.values():
            for c in choices:
                expected[c] = expected.get(c, 0) + 1
        for c in clients:
            c.close()
        return {
            "kiosks": kiosks, "votes": votes, "people": len(latest),
            "push_p50_ms": round(percentile(latencies, 50) * 1000, 1),
            "push_p99_ms": round(percentile(latencies, 99) * 1000, 1),
            "push_max_ms": round(max(latencies) * 1000, 1),
            "votes_per_s": round(votes / elapsed),
            "answers": statuses, "ballots": totals["ballots"],
            "totals_equal_recount": {k: v for k, v in totals["kiosk"].items() if v} == recount,
            "totals_equal_each_persons_latest_vote": recount == expected,
        }
    finally:
        if backend is not None:
            backend.stop()
        cluster.stop()
        shutil.rmtree(work, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kiosks", type=int, default=50)
    ap.add_argument("--votes", type=int, default=10_000)
    ap.add_argument("--people", type=int, default=3_000)
    args = ap.parse_args(argv)
    result = run(kiosks=args.kiosks, votes=args.votes, people=args.people)
    save_results("participation_votes", result)
    for k, v in result.items():
        print(f"{k}: {v}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
