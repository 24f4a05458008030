"""200 simulated kiosks pushing to the reference backend on PostgreSQL at the same time.

Starts a throwaway PostgreSQL cluster (fsync on, as in production) and a real
``welfare-backend serve`` process on it, enrols K devices, then K client threads each
push R batches of B items (feedback, queue events and bookings competing for the same slots)
as fast as they are answered. Reports push latency p50/p99/max over every request and
the total items/s. The client threads share one Python process with each other (and
the backend shares the 2 cores), so the figures are an upper bound on what a kiosk
would wait.

    python -m benchmarks.sync_concurrent_kiosks [--kiosks 200] [--rounds 5] [--batch 20]
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import threading
import time
import uuid
from datetime import datetime, timezone
from pathlib import Path

from benchmarks.report import percentile, save_results

QUICK = {"kiosks": 20, "rounds": 2}


def run(kiosks: int = 200, rounds: int = 5, batch: int = 20) -> dict:
    from sqlalchemy import func, select

    from sync.client import BackendClient
    from sync.server.models import Item, Slot
    from tests.sync.conftest import start_backend
    from tests.sync.pgcluster import PostgresCluster, PostgresUnavailable

    try:
        cluster = PostgresCluster(fsync=True, max_connections=max(100, kiosks + 50))
    except PostgresUnavailable as exc:
        return {"available": False, "reason": str(exc)}
    work = Path(tempfile.mkdtemp(prefix="bench-kiosks-"))
    backend = None
    try:
        backend = start_backend(cluster.create_database("bench"), work)
        site = backend.new_site()
        with backend.sessions() as s:
            slots = list(s.scalars(select(Slot).where(Slot.site_id == site).order_by(Slot.id).limit(50)))
        clients = []
        for k in range(kiosks):
            creds = BackendClient(backend.url).enrol(backend.enrolment_code(site), f"kiosk-{k}")
            clients.append(BackendClient(backend.url, credentials=creds, timeout_s=120))

        latencies: list[float] = []
        statuses: dict[str, int] = {}
        lock = threading.Lock()
        barrier = threading.Barrier(kiosks)

        def kiosk(k: int) -> None:
            mine: list[float] = []
            counts: dict[str, int] = {}
            barrier.wait()
            for r in range(rounds):
                now = datetime.now(timezone.utc).isoformat()
                items = []
                for j in range(batch):
                    if j == 0:
                        sl = slots[(k + r) % len(slots)]
                        kind, payload = "booking", {"slot_id": sl.id, "service_id": sl.service_id}
                    elif j % 2:
                        kind, payload = "feedback", {"service_id": slots[0].service_id, "smiley": 1 + j % 4}
                    else:
                        kind, payload = "queue_ticket", {"ticket_id": f"t{k}-{r}-{j}", "event": "issued"}
                    items.append({"id": str(uuid.uuid4()), "kind": kind, "created_at": now, "payload": payload})
                t0 = time.perf_counter()
                for res in clients[k].push_batch(items):
                    key = res["status"] if res["status"] != "rejected" else f"rejected:{res['reason']}"
                    counts[key] = counts.get(key, 0) + 1
                mine.append(time.perf_counter() - t0)
            with lock:
                latencies.extend(mine)
                for key, n in counts.items():
                    statuses[key] = statuses.get(key, 0) + n

        threads = [threading.Thread(target=kiosk, args=(k,)) for k in range(kiosks)]
        started = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        elapsed = time.perf_counter() - started
        with backend.sessions() as s:
            stored = s.scalar(select(func.count()).select_from(Item).where(Item.site_id == site))
            overbooked = s.scalar(select(func.count()).select_from(Slot)
                                  .where(Slot.site_id == site, Slot.booked > Slot.capacity))
        for c in clients:
            c.close()
        return {
            "kiosks": kiosks, "pushes": len(latencies), "items_per_push": batch,
            "push_p50_ms": round(percentile(latencies, 50) * 1000, 1),
            "push_p99_ms": round(percentile(latencies, 99) * 1000, 1),
            "push_max_ms": round(max(latencies) * 1000, 1),
            "items_per_s": round(kiosks * rounds * batch / elapsed),
            "stored": stored, "answers": statuses, "overbooked_slots": overbooked,
        }
    finally:
        if backend is not None:
            backend.stop()
        cluster.stop()
        shutil.rmtree(work, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kiosks", type=int, default=200)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--batch", type=int, default=20)
    args = ap.parse_args(argv)
    result = run(kiosks=args.kiosks, rounds=args.rounds, batch=args.batch)
    save_results("sync_concurrent_kiosks", result)
    for k, v in result.items():
        print(f"{k}: {v}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
