"""The longest GUI-thread stall per resident and nurse flow, in the real window.

The demo kiosk's window (every service attached, no sync worker, offscreen) is driven
through five flows, step by step, as taps would: browse to a service card, type a
search, take a queue number, a nurse's visit (call, start, finish), a smiley. A 1 ms
QTimer heartbeat runs on the GUI thread meanwhile; the longest gap between two of its
ticks is the longest time the GUI thread could not draw or react (the step's own work
on that thread included). After each step the driver lets the runner's database thread
hand back its results before the next tap, as a person would wait to see them.

Target: <= 16 ms (one frame at 60 Hz) in every flow, after the first pass (which
also builds each screen once: reported apart as ``first_pass_max_stall_ms``).

On a loaded machine a gap also holds the time the GUI thread waited for a CPU (or for the
GIL), which no change to the kiosk shortens. Each gap is therefore also measured in the GUI
thread's own CPU time (``max_stall_cpu_ms``): the work the kiosk itself did in that gap.
What is left of a gap is split by the kernel's count of the GUI thread's time waiting for
a CPU (``/proc/thread-self/schedstat``): the rest, ``blocked`` (``max_blocked_ms``, the most
in any one gap, and per step), is time the thread was not even runnable: waiting for the
interpreter lock that a background thread held (or the driver's own 0.5 ms sleeps), which
the machine's load does not explain and the kiosk's code does.

The interpreter's switch interval is set as the kiosk's ``main()`` sets it
(``ui.app.set_gui_switch_interval``); ``--switch-interval default`` keeps Python's 5 ms.

The garbage collector's pauses are timed through ``gc.callbacks`` (``max_gc_pause_ms`` per
flow, with its generation and thread; a collection on any thread holds the GIL, so the GUI
thread waits for it too). The collector is set up as the kiosk's ``main()`` sets it once
ready (``ui.app.tune_garbage_collector``); ``--gc default`` leaves Python's defaults, for
comparison. ``rss_after_mb`` is the process's RSS after every flow's rounds. Between taps the
driver turns the event loop as ``app.exec()`` does, deferred deletes included (without them a
cleared screen's widgets were never deleted: the 1.2 MB of RSS a round the figures once showed).
``gui_thread_sql`` counts the SQL statements the GUI thread ran in a flow's later rounds,
by the kiosk UI code that ran them (the target is none: ui/background.py runs them).

    python -m benchmarks.ui_flows [--rounds 5] [--gc app|default] [--switch-interval app|default]
"""

from __future__ import annotations

import argparse
import gc
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.report import percentile, save_results

QUICK = {"rounds": 2}
TARGET_STALL_MS = 16


def _flows(window, parts):
    import time as clock

    from kiosk import flow as places
    from kiosk.identity.keys import Identity

    flow = window.flow
    cat = parts.services.catalogue
    services = cat.all_services()
    richest = max(services, key=lambda s: (len(s.channels), len(s.descriptions.get("fi", ""))))
    event = next(iter(cat.counts("life_events")), None)
    queue = parts.queue
    first_line = next(iter(queue.lines)) if queue is not None else None

    def typing(word):
        return [lambda n=n: window.screen(places.SEARCH).field.setText(word[:n]) for n in range(1, len(word) + 1)]

    flows = {
        "browse_to_service_card": [lambda: flow.go(places.BROWSE),
                                   lambda: flow.go(places.RESULTS, life_event=event),
                                   lambda: flow.go(places.SERVICE, service_id=richest.id),
                                   lambda: flow.home()],
        "search_typing": [lambda: flow.go(places.SEARCH), *typing("neuvola"), lambda: flow.home()],
    }
    if queue is not None:
        flows["take_a_queue_number"] = [lambda: flow.go("queue"), lambda: window.screen("queue").take(first_line),
                                        lambda: window.screen("queue").done.click()]
        nurse = Identity(key="staff", subject="bench-nurse", role="nurse", name="Nurse")

        def desk():
            return window.screen("staff_queue")
        flows["nurse_visit"] = [lambda: parts.session.open(nurse, clock.monotonic()),
                                lambda: flow.go("staff_queue"),
                                lambda: desk().call_next.click(),
                                lambda: desk().start.click(),
                                lambda: desk().outcomes["done"].click(),
                                lambda: parts.session.end("logout")]
    if flow.knows("feedback"):
        flows["feedback_smiley"] = [lambda: flow.go("feedback", service_id=richest.id),
                                    lambda: window.screen("feedback").smileys[3].click(),
                                    lambda: window.screen("feedback").done.click(),
                                    lambda: flow.home()]
    return flows


class GcPauses:
    """Every collection's wall time, generation and thread, from ``gc.callbacks``."""

    def __init__(self) -> None:
        self.pauses: list[tuple[float, int, str]] = []
        self._started: dict[int, float] = {}

    def __call__(self, phase: str, info: dict) -> None:
        import threading
        ident = threading.get_ident()
        if phase == "start":
            self._started[ident] = time.perf_counter()
        elif ident in self._started:
            ms = (time.perf_counter() - self._started.pop(ident)) * 1000
            self.pauses.append((ms, info["generation"], threading.current_thread().name))

    def __enter__(self) -> "GcPauses":
        gc.callbacks.append(self)
        return self

    def __exit__(self, *exc) -> None:
        gc.callbacks.remove(self)


class GuiThreadSql:
    """SQL statements run on the GUI (main) thread, by the innermost ``ui/`` frame."""

    UI = (Path(__file__).resolve().parent.parent / "ui").as_posix() + "/"

    def __init__(self) -> None:
        self.seen: dict[str, int] = {}

    def __call__(self, conn, cursor, statement, parameters, context, executemany) -> None:
        import threading
        if threading.current_thread() is not threading.main_thread():
            return
        frame, where = sys._getframe(1), "?"
        while frame is not None:
            path = frame.f_code.co_filename.replace("\\", "/")
            if path.startswith(self.UI):
                where = f"ui/{path[len(self.UI):]}:{frame.f_code.co_name}"
                break
            frame = frame.f_back
        key = f"{statement.lstrip().split(None, 1)[0].upper()} {where}"
        self.seen[key] = self.seen.get(key, 0) + 1


class RunQueue:
    """The calling thread's time spent waiting for a CPU so far, in seconds (Linux), else 0."""

    def __init__(self) -> None:
        try:
            self._file = open("/proc/thread-self/schedstat", "rb", buffering=0)
        except OSError:
            self._file = None

    def __call__(self) -> float:
        if self._file is None:
            return 0.0
        self._file.seek(0)
        return int(self._file.read().split()[1]) / 1e9

    def close(self) -> None:
        if self._file is not None:
            self._file.close()


def run(rounds: int = 5, gc_policy: str = "app", switch_interval: str = "app") -> dict:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if switch_interval == "app":
        import ui.app
        tune_switch = getattr(ui.app, "set_gui_switch_interval", None)  # absent in a base tree before it
        if tune_switch is not None:
            tune_switch()
    from PySide6.QtCore import QEvent, QTimer
    from PySide6.QtWidgets import QApplication

    from kiosk.catalogue.service import Catalogue
    from kiosk.storage.db import open_database
    from ui import screenshots
    from ui.app import load_demo_catalogue
    from ui.background import app_runner

    app = QApplication.instance() or QApplication(sys.argv[:1])
    work = Path(tempfile.mkdtemp(prefix="bench-ui-flows-"))
    try:
        db = open_database(work / "kiosk.db")
        load_demo_catalogue(db)
        catalogue = Catalogue(db)
        window = screenshots.demo_window(app, db, catalogue, work, "1920x1080")
        parts = screenshots.parts_of(window)
        runner = app_runner()
        for _ in range(5):
            app.processEvents()
        tuned = None
        if gc_policy == "app":
            import ui.app
            tune = getattr(ui.app, "tune_garbage_collector", None)  # absent in a base tree before it
            if tune is not None:
                tuned = tune(window)
        collections = GcPauses().__enter__()
        from sqlalchemy import event
        from sqlalchemy.engine import Engine
        sql = GuiThreadSql()
        event.listen(Engine, "before_cursor_execute", sql)

        gaps: list[float] = []
        cpu_gaps: list[float] = []  # the GUI thread's own CPU time in each gap
        blocked_gaps: list[float] = []  # neither running nor waiting for a CPU
        run_queue = RunQueue()
        last = [time.perf_counter(), time.thread_time(), run_queue()]

        def tick() -> None:
            now, cpu, waited = time.perf_counter(), time.thread_time(), run_queue()
            gaps.append(now - last[0])
            cpu_gaps.append(cpu - last[1])
            blocked_gaps.append(max(0.0, (now - last[0]) - (cpu - last[1]) - (waited - last[2])))
            last[0], last[1], last[2] = now, cpu, waited

        def restart_clock() -> None:
            last[0], last[1], last[2] = time.perf_counter(), time.thread_time(), run_queue()

        heartbeat = QTimer()
        heartbeat.setInterval(1)
        heartbeat.timeout.connect(tick)

        def turn() -> None:
            # One turn of the event loop as app.exec() makes it: processEvents() called from
            # outside a running loop leaves the widgets given to deleteLater() alive (a cleared
            # service card's 60 widgets a round piled up, and with them RSS), so their deferred
            # deletes are sent here, where the kiosk's loop would run them.
            app.processEvents()
            app.sendPostedEvents(None, QEvent.Type.DeferredDelete)

        def settle() -> None:
            deadline = time.monotonic() + 10
            while not runner.db_idle() and time.monotonic() < deadline:
                turn()
                time.sleep(0.0005)
            for _ in range(3):
                turn()

        results: dict[str, dict] = {}
        for name, steps in _flows(window, parts).items():
            per_round = []
            per_round_cpu = []
            per_round_blocked = []
            step_worst = [0.0] * len(steps)
            step_worst_cpu = [0.0] * len(steps)
            step_worst_blocked = [0.0] * len(steps)
            gc_worst: tuple[float, int, str] = (0.0, -1, "")
            gc_by_generation = {g: [0, 0.0] for g in range(3)}  # collections, longest ms
            for r in range(rounds):
                window.reset_for_next_person()
                settle()
                gaps.clear()
                cpu_gaps.clear()
                blocked_gaps.clear()
                collections.pauses.clear()
                if r == 1:
                    sql.seen.clear()  # the first round builds screens: counted from the second
                restart_clock()
                heartbeat.start()
                for i, step in enumerate(steps):
                    before = len(gaps)
                    step()
                    settle()
                    # The gap that spans the step's own call is the first one counted after it.
                    step_gaps = gaps[max(before - 1, 0):] if gaps else []
                    if r and step_gaps:
                        step_worst[i] = max(step_worst[i], max(step_gaps) * 1000)
                        step_worst_cpu[i] = max(step_worst_cpu[i], max(cpu_gaps[max(before - 1, 0):]) * 1000)
                        step_worst_blocked[i] = max(step_worst_blocked[i],
                                                    max(blocked_gaps[max(before - 1, 0):]) * 1000)
                heartbeat.stop()
                if r and collections.pauses:
                    gc_worst = max(gc_worst, max(collections.pauses))
                    for ms, generation, _thread in collections.pauses:
                        gc_by_generation[generation][0] += 1
                        gc_by_generation[generation][1] = max(gc_by_generation[generation][1], ms)
                per_round.append(max(gaps) * 1000 if gaps else 0.0)
                per_round_cpu.append(max(cpu_gaps) * 1000 if cpu_gaps else 0.0)
                per_round_blocked.append(max(blocked_gaps) * 1000 if blocked_gaps else 0.0)
            later = per_round[1:] or per_round
            later_cpu = per_round_cpu[1:] or per_round_cpu
            later_blocked = per_round_blocked[1:] or per_round_blocked
            results[name] = {"first_pass_max_stall_ms": round(per_round[0], 1),
                             "max_stall_ms": round(max(later), 1),
                             "max_stall_cpu_ms": round(max(later_cpu), 1),
                             "max_blocked_ms": round(max(later_blocked), 1),
                             "p50_round_max_ms": round(percentile(later, 50), 1),
                             # Which tap the worst stall follows (1-based step of the flow): where to look.
                             "worst_step": 1 + max(range(len(steps)), key=step_worst.__getitem__),
                             "worst_step_ms": round(max(step_worst), 1),
                             "step_max_ms": [round(x, 1) for x in step_worst],
                             "step_max_cpu_ms": [round(x, 1) for x in step_worst_cpu],
                             "step_max_blocked_ms": [round(x, 1) for x in step_worst_blocked],
                             "max_gc_pause_ms": round(gc_worst[0], 1),
                             "max_gc_pause_generation": gc_worst[1],
                             "max_gc_pause_thread": gc_worst[2],
                             # After the first round: how many collections of each generation, the longest.
                             "gc_per_generation": {g: [n, round(ms, 1)] for g, (n, ms) in gc_by_generation.items()},
                             "gui_thread_sql": dict(sql.seen),
                             "rss_after_mb": round(_rss_mb(), 1)}
            sql.seen.clear()
        collections.__exit__()
        event.remove(Engine, "before_cursor_execute", sql)
        run_queue.close()
        window.close()
        db.close()
        worst = max(r["max_stall_ms"] for r in results.values())
        return {"rounds": rounds, "gc": gc_policy, "gc_tuned": tuned,
                "switch_interval_ms": round(sys.getswitchinterval() * 1000, 3), "flows": results, "worst_max_stall_ms": worst,
                "target_stall_ms": TARGET_STALL_MS, "met": worst <= TARGET_STALL_MS,
                "load_avg": [round(x, 2) for x in os.getloadavg()]}
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.ui_flows", description=__doc__.splitlines()[0])
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--gc", choices=("app", "default"), default="app",
                    help="the garbage collector as the kiosk sets it once ready, or Python's defaults")
    ap.add_argument("--switch-interval", choices=("app", "default"), default="app",
                    help="the interpreter's switch interval as the kiosk's main() sets it, or Python's 5 ms")
    args = ap.parse_args(argv)
    result = run(rounds=args.rounds, gc_policy=args.gc, switch_interval=args.switch_interval)
    for name, r in result["flows"].items():
        print(f"{name:26} max stall {r['max_stall_ms']:6.1f} ms, cpu {r['max_stall_cpu_ms']:5.1f} ms, "
              f"blocked {r['max_blocked_ms']:5.1f} ms  (first pass {r['first_pass_max_stall_ms']:.1f} ms, "
              f"worst after step {r['worst_step']}: {r['worst_step_ms']:.1f} ms)")
        print(f"{'':26} per step: {r['step_max_ms']}, cpu {r['step_max_cpu_ms']}, blocked {r['step_max_blocked_ms']}")
        print(f"{'':26} longest gc pause {r['max_gc_pause_ms']:.1f} ms (generation {r['max_gc_pause_generation']}, "
              f"{r['max_gc_pause_thread'] or '-'}), per generation [n, ms] {r['gc_per_generation']}, "
              f"rss after {r['rss_after_mb']:.1f} MB")
        print(f"{'':26} SQL on the GUI thread (later rounds): {r['gui_thread_sql'] or 'none'}")
    print(f"worst {result['worst_max_stall_ms']} ms, target <= {TARGET_STALL_MS} ms, load {result['load_avg']}, "
          f"switch interval {result['switch_interval_ms']} ms")
    print(f"saved to {save_results('ui_flows', result)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
