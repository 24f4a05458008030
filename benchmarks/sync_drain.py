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


def run(items: int = 10_000, batch_size: int = 500) -> dict:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QCoreApplication, QTimer

    from kiosk import outbox
    from kiosk.storage.db import open_database
    from sync.worker import SyncWorker
    from tests.sync.conftest import queue_snapshot, start_backend

    work = Path(tempfile.mkdtemp(prefix="bench-sync-drain-"))
    backend = start_backend(f"sqlite:///{work / 'backend.db'}", work)
    try:
        site = backend.new_site()
        data = work / "kiosk"
        data.mkdir()
        (data / "enrolment-code").write_text(backend.enrolment_code(site))
        db = open_database(data / "kiosk.db")
        app = QCoreApplication.instance() or QCoreApplication(sys.argv[:1])

        from ui.sync_bridge import SyncBridge

        # As in the kiosk: the worker reports through the Qt bridge to the GUI thread.
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
        QTimer.singleShot(120_000, app.quit)  # a safety net, not a measurement
        started = time.perf_counter()
        worker.start()
        worker.sync_now()
        app.exec()
        timer.stop()
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
        }
    finally:
        backend.stop()
        shutil.rmtree(work, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--items", type=int, default=10_000)
    ap.add_argument("--batch-size", type=int, default=500)
    args = ap.parse_args(argv)
    result = run(items=args.items, batch_size=args.batch_size)
    save_results("sync_drain", result)
    for k, v in result.items():
        print(f"{k}: {v}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
