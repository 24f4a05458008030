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
import os
import shutil
import tempfile
import threading
import time
import uuid
from datetime import datetime, timezone
from pathlib import Path

from benchmarks.report import percentile, save_results

QUICK = {"kiosks": 20, "rounds": 2}


def tree_cpu_s(pid: int) -> float:
    """User + system CPU seconds of a process and all its descendants (from /proc), so a
    figure can be read per CPU second while other work shares the machine."""
    tick = os.sysconf("SC_CLK_TCK")
    children: dict[int, list[int]] = {}
    stats: dict[int, list[str]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        stats[int(entry.name)] = fields
        children.setdefault(int(fields[1]), []).append(int(entry.name))
    total, todo = 0.0, [pid]
    while todo:
        p = todo.pop()
        if p in stats:
            total += (int(stats[p][11]) + int(stats[p][12])) / tick  # utime, stime
        todo.extend(children.get(p, []))
    return total


def postgres_cpu_s() -> float:
    """CPU seconds of every postgres process on the machine (the benchmark's cluster is
    the only one its backend talks to; others' clusters count too: read as an upper bound)."""
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and (entry / "comm").read_text().strip() == "postgres":
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                total += (int(fields[11]) + int(fields[12])) / tick
        except OSError:
            continue
    return total


def kiosk_batch(k: int, r: int, batch: int, slots: list[tuple[str, str]]) -> list[dict]:
    """Round ``r`` of kiosk ``k``: one booking of a slot many kiosks want, then feedback
    and queue tickets (also what benchmarks/sync_peers.py sends pouchdb-server)."""
    now = datetime.now(timezone.utc).isoformat()
    items = []
    for j in range(batch):
        if j == 0:
            slot_id, service_id = slots[(k + r) % len(slots)]
            kind, payload = "booking", {"slot_id": slot_id, "service_id": service_id}
        elif j % 2:
            kind, payload = "feedback", {"service_id": slots[0][1], "smiley": 1 + j % 4}
        else:  # a whole snapshot, as kiosk/queue.py sends it (protocol.queue_ticket_problems)
            kind, payload = "queue_ticket", {
                "ticket_id": str(uuid.uuid4()), "event": "issued", "day": now[:10],
                "label": f"A{j:03d}", "line_id": "general", "issued_line_id": "general",
                "status": "waiting", "priority": 0, "recall_count": 0, "issued_at": now}
        items.append({"id": str(uuid.uuid4()), "kind": kind, "created_at": now, "payload": payload})
    return items


def run(kiosks: int = 200, rounds: int = 5, batch: int = 20, workers: int = 1, profile: str | None = None) -> dict:
    from sqlalchemy import func, select

    from sync.client import BackendClient
    from sync.server.models import Item, Slot
    from tests.backend import start_backend
    from tests.sync.pgcluster import PostgresCluster, PostgresUnavailable

    try:
        cluster = PostgresCluster(fsync=True, max_connections=max(100, kiosks + 50))
    except PostgresUnavailable as exc:
        return {"available": False, "reason": str(exc)}
    work = Path(tempfile.mkdtemp(prefix="bench-kiosks-"))
    backend = None
    try:
        backend = start_backend(cluster.create_database("bench"), work, workers=workers)
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
            # Warm up untimed, all at once: the kiosk's keep-alive connection and the
            # backend's database pools, as on a backend that has been up for a while.
            clients[k].heartbeat({"app_version": "bench", "outbox_depth": rounds * batch})
            barrier.wait()
            for r in range(rounds):
                items = kiosk_batch(k, r, batch, [(sl.id, sl.service_id) for sl in slots])
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
        spy = None
        if profile:  # py-spy over the backend's process tree while the kiosks push
            import subprocess
            import sys
            spy = subprocess.Popen([str(Path(sys.executable).parent / "py-spy"), "record", "--subprocesses", "--gil", "--rate", "250",
                                    "--format", "raw" if profile.endswith(".txt") else "flamegraph",
                                    "-o", profile, "--pid", str(backend.proc.pid)],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        cpu0 = tree_cpu_s(backend.proc.pid), time.process_time()
        started = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        elapsed = time.perf_counter() - started
        load = [round(x, 2) for x in os.getloadavg()]
        backend_cpu = tree_cpu_s(backend.proc.pid) - cpu0[0]
        client_cpu = time.process_time() - cpu0[1]
        if spy is not None:
            spy.send_signal(2)
            spy.wait(60)
        with backend.sessions() as s:
            stored = s.scalar(select(func.count()).select_from(Item).where(Item.site_id == site))
            overbooked = s.scalar(select(func.count()).select_from(Slot)
                                  .where(Slot.site_id == site, Slot.booked > Slot.capacity))
        for c in clients:
            c.close()
        return {
            "workers": workers, "kiosks": kiosks, "pushes": len(latencies), "items_per_push": batch,
            "push_p50_ms": round(percentile(latencies, 50) * 1000, 1),
            "push_p99_ms": round(percentile(latencies, 99) * 1000, 1),
            "push_max_ms": round(max(latencies) * 1000, 1),
            "items_per_s": round(kiosks * rounds * batch / elapsed),
            # CPU per push: what a push costs the backend whatever else runs on the machine.
            "backend_cpu_ms_per_push": round(backend_cpu * 1000 / len(latencies), 2),
            "client_cpu_ms_per_push": round(client_cpu * 1000 / len(latencies), 2),
            "stored": stored, "answers": statuses, "overbooked_slots": overbooked, "load_avg": load,
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
    ap.add_argument("--workers", type=int, default=1, help="backend processes (serve --workers)")
    ap.add_argument("--profile", help="write a py-spy profile of the backend here (.svg flame graph, .txt raw)")
    args = ap.parse_args(argv)
    result = run(kiosks=args.kiosks, rounds=args.rounds, batch=args.batch, workers=args.workers,
                 profile=args.profile)
    save_results("sync_concurrent_kiosks", result)
    for k, v in result.items():
        print(f"{k}: {v}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
