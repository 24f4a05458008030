"""Drain a large outbox to the local reference backend, and how still the GUI stays.

Records N items in the kiosk's outbox, then lets the real ``SyncWorker`` thread push
them to a real ``welfare-backend serve`` process on 127.0.0.1 (SQLite) while an
offscreen Qt event loop runs a 1 ms QTimer on the GUI thread; the longest gap between
its ticks is the longest GUI-thread stall during the sync. Targets: >= 5,000 items/s,
stall <= 16 ms (one frame at 60 Hz).

    python -m benchmarks.sync_drain [--items 10000] [--batch-size 500]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.report import percentile, save_results

QUICK = {"items": 1000}


def _cpu_s(pid: int) -> float:
    """User + system CPU seconds of a process (Linux /proc), 0 where unavailable."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return 0.0


def run(items: int = 10_000, batch_size: int = 500) -> dict:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QCoreApplication, QTimer

    from kiosk import outbox
    from kiosk.storage.db import open_database
    from sync.worker import SyncWorker
    from tests.backend import queue_snapshot, start_backend

    work = Path(tempfile.mkdtemp(prefix="bench-sync-drain-"))
    backend = start_backend(f"sqlite:///{work / 'backend.db'}", work)
    try:
        site = backend.new_site()
        data = work / "kiosk"
        data.mkdir()
        (data / "enrolment-code").write_text(backend.enrolment_code(site))
        db = open_database(data / "kiosk.db")
        app = QCoreApplication.instance() or QCoreApplication(sys.argv[:1])

        from ui.app import set_gui_switch_interval
        from ui.sync_bridge import SyncBridge

        # As in the kiosk: the interpreter's switch interval main() sets, and the worker
        # reports through the Qt bridge to the GUI thread.
        set_gui_switch_interval()
        bridge = SyncBridge()
        done_at: list[float] = []
        bridge.status_changed.connect(lambda st: (not st.syncing and st.pending == 0 and st.pushed
                                                  and done_at.append(time.perf_counter())))
        worker = SyncWorker(db, base_url=backend.url, data_dir=data, interval_s=3600, batch_size=batch_size,
                            pull_catalogue=False, on_status=bridge.on_status)
        first = worker.sync_once()  # enrol outside the measurement
        assert first.enrolled, first.last_error

        t0 = time.perf_counter()
        with db.sessions.begin() as s:
            for n in range(items):
                if n % 3 == 0:
                    outbox.record(s, "queue_ticket", queue_snapshot(label=f"A{n % 1000:03d}"))
                elif n % 3 == 1:
                    # (votes need an authored question now: benchmarks/participation_votes.py measures them)
                    outbox.record(s, "queue_ticket", {"ticket_id": f"t{n}", "event": "called", "room": "112"})
                else:
                    outbox.record(s, "feedback", {"service_id": "maternity-clinic", "smiley": 1 + n % 4, "nps": n % 11})
        record_s = time.perf_counter() - t0
        # Recording 50,000 items in one transaction (setup, not something a kiosk does) leaves
        # that many objects for the collector; collect them now, not in the middle of the drain.
        import gc
        gc.collect()

        # The same timer with no sync running: what this machine's load alone costs.
        idle_gaps: list[float] = []
        idle_last = [time.perf_counter()]

        def idle_tick() -> None:
            now = time.perf_counter()
            idle_gaps.append(now - idle_last[0])
            idle_last[0] = now

        idle_timer = QTimer()
        idle_timer.setInterval(1)
        idle_timer.timeout.connect(idle_tick)
        idle_timer.start()
        QTimer.singleShot(2000, app.quit)
        app.exec()
        idle_timer.stop()

        # Garbage collections stop every thread; their longest pause explains a stall or not.
        import gc
        gc_pauses: list[float] = []
        gc_started = [0.0]

        def gc_watch(phase: str, info: dict) -> None:
            if phase == "start":
                gc_started[0] = time.perf_counter()
            else:
                gc_pauses.append(time.perf_counter() - gc_started[0])

        gc.callbacks.append(gc_watch)
        gaps: list[float] = []
        last = [time.perf_counter()]

        def tick() -> None:
            now = time.perf_counter()
            gaps.append(now - last[0])
            last[0] = now
            if done_at:
                app.quit()

        timer = QTimer()
        timer.setInterval(1)
        timer.timeout.connect(tick)
        timer.start()
        QTimer.singleShot(max(120_000, items * 10), app.quit)  # a safety net (10 ms per item), not a measurement
        started = time.perf_counter()
        cpu_started, backend_cpu_started = time.process_time(), _cpu_s(backend.proc.pid)
        worker.start()
        worker.sync_now()
        app.exec()
        timer.stop()
        kiosk_cpu = time.process_time() - cpu_started
        backend_cpu = _cpu_s(backend.proc.pid) - backend_cpu_started
        gc.callbacks.remove(gc_watch)
        worker.stop()
        status = worker.status
        elapsed = (done_at[0] if done_at else time.perf_counter()) - started
        delivered = backend.sessions().execute(
            __import__("sqlalchemy").text("SELECT count(*) FROM items WHERE site_id = :s"), {"s": site}).scalar()
        db.close()
        return {
            "items": items, "batch_size": batch_size, "delivered": delivered, "pending_after": status.pending,
            "drain_s": round(elapsed, 2), "items_per_s": round(items / elapsed),
            "target_items_per_s": 5000,
            "gui_max_stall_ms": round(max(gaps) * 1000, 1), "gui_p99_gap_ms": round(percentile(gaps, 99) * 1000, 1),
            "target_stall_ms": 16, "gui_ticks": len(gaps),
            "idle_max_gap_ms": round(max(idle_gaps) * 1000, 1), "idle_p99_gap_ms": round(percentile(idle_gaps, 99) * 1000, 1),
            "load_avg": [round(x, 2) for x in os.getloadavg()], "record_items_s": round(record_s, 2),
            # CPU seconds of the drain: what it costs whatever the load (the wall rate is not).
            "kiosk_cpu_s": round(kiosk_cpu, 2), "backend_cpu_s": round(backend_cpu, 2),
            "items_per_cpu_s": round(items / (kiosk_cpu + backend_cpu)) if kiosk_cpu + backend_cpu else None,
            "gc_runs": len(gc_pauses), "gc_max_pause_ms": round(max(gc_pauses, default=0) * 1000, 1),
        }
    finally:
        backend.stop()
        shutil.rmtree(work, ignore_errors=True)


def kiosk_side(items: int = 10_000, batch_size: int = 500) -> dict:
    """The kiosk's own part of a drain, without backend or network: read each batch, record
    its answer (attempt + delivered), as the worker does, and count once at the end. Its
    CPU time per item should not grow with the outbox (what "linear" means for the kiosk)."""
    from datetime import datetime

    from kiosk import outbox
    from kiosk.storage.db import open_database

    work = Path(tempfile.mkdtemp(prefix="bench-kiosk-drain-"))
    try:
        db = open_database(work / "kiosk.db")
        with db.sessions.begin() as s:
            for n in range(items):
                outbox.record(s, "feedback", {"service_id": "maternity-clinic", "smiley": 1 + n % 4, "nps": n % 11})
        after = None
        c0, t0 = time.thread_time(), time.perf_counter()
        while True:
            with db.sessions() as s:
                batch = outbox.pending_for_sending(s, batch_size, after=after)
            if not batch:
                break
            after = (datetime.fromisoformat(batch[-1]["created_at"]), batch[-1]["id"])
            ids = [i["id"] for i in batch]
            with db.sessions.begin() as s:
                outbox.note_attempt(s, ids)
                outbox.mark_delivered(s, ids)
        with db.sessions() as s:
            left = outbox.summary(s).pending
        cpu, wall = time.thread_time() - c0, time.perf_counter() - t0
        db.close()
        return {"items": items, "pending_after": left, "cpu_s": round(cpu, 2), "wall_s": round(wall, 2),
                "items_per_cpu_s": round(items / cpu), "load_avg": [round(x, 2) for x in os.getloadavg()]}
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--items", type=int, default=10_000)
    ap.add_argument("--batch-size", type=int, default=500)
    ap.add_argument("--kiosk-only", action="store_true",
                    help="only the kiosk's database work per batch, no backend (see kiosk_side)")
    args = ap.parse_args(argv)
    if args.kiosk_only:
        result = kiosk_side(items=args.items, batch_size=args.batch_size)
        save_results("sync_drain_kiosk_side", result)
    else:
        result = run(items=args.items, batch_size=args.batch_size)
        save_results("sync_drain", result)
    for k, v in result.items():
        print(f"{k}: {v}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
