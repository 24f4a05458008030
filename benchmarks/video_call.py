"""Video call: time from *Join* to the room page loaded, and memory before, during and after calls.

A child process (so the figures are the kiosk's alone) builds ``VideoScreen`` the way
the kiosk does at start-up, then makes ``calls`` real calls to a local room page
(tests/video/pages/call.html on 127.0.0.1: Chromium's fake camera and microphone and a
loopback WebRTC connection), holds each for ``hold_s`` and hangs up.

Memory is the private memory (USS: pages no other process shares) of the kiosk process
plus every QtWebEngineProcess it started; PSS is given too, but it moves whenever other
programs on the machine map the same Qt libraries, so it is the weaker figure.

Target: after a call, memory is back within 20 MB of the figure before it. The first
call also starts Chromium's browser side inside the kiosk process, which stays for the
life of the process; so the figures are given both against the start-up baseline and
against the figure after the first call (what every later call must return to).

    python -m benchmarks.video_call [--calls 5] [--hold-s 3]
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.report import save_results

REPO = Path(__file__).resolve().parent.parent
PAGES = REPO / "tests" / "video" / "pages"
QUICK = {"calls": 2, "hold_s": 1.0}
TARGET_MB = 20.0


# -- memory ------------------------------------------------------------------------------------------
def _children(pid: int) -> list[int]:
    out = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as fh:
                out += [int(c) for c in fh.read().split()]
    except OSError:
        pass
    return out


def _tree(pid: int) -> list[int]:
    seen, todo = [], [pid]
    while todo:
        p = todo.pop()
        if p not in seen:
            seen.append(p)
            todo += _children(p)
    return seen


def _kb(path: str, field: str) -> int:
    try:
        with open(path) as fh:
            for line in fh:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _uss_kb(pid: int) -> int:
    """Memory only this process holds (private pages): not changed by other programs that
    happen to map the same Qt libraries, unlike PSS."""
    path = f"/proc/{pid}/smaps_rollup"
    return _kb(path, "Private_Clean") + _kb(path, "Private_Dirty")


def memory_mb(pid: int | None = None) -> dict:
    pid = pid or os.getpid()
    tree = _tree(pid)
    pss = sum(_kb(f"/proc/{p}/smaps_rollup", "Pss") for p in tree)
    uss = sum(_uss_kb(p) for p in tree)
    each = {}
    for p in tree:
        try:
            with open(f"/proc/{p}/cmdline", "rb") as fh:
                args = fh.read().split(b"\0")
            kind = next((a.decode().split("=", 1)[1] for a in args if a.startswith(b"--type=")), "kiosk")
            if kind == "utility":
                kind += ":" + next((a.decode().split("=", 1)[1].rsplit(".", 1)[-1] for a in args
                                    if a.startswith(b"--utility-sub-type=")), "?")
        except OSError:
            continue
        each[kind] = round(each.get(kind, 0) + _uss_kb(p) / 1024, 1)
    return {"uss_mb": round(uss / 1024, 1), "pss_mb": round(pss / 1024, 1), "kiosk_rss_mb": round(_kb(f"/proc/{pid}/status", "VmRSS") / 1024, 1),
            "processes": len(tree), "uss_by_process_mb": each}


# -- the child: one kiosk process making calls --------------------------------------------------------
def _child(calls: int, hold_s: float, separate: bool = False) -> dict:
    import dataclasses
    import functools
    import http.server
    import threading

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] = "--use-fake-device-for-media-stream"

    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(PAGES))
    handler.log_message = lambda *a: None
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    host = f"127.0.0.1:{httpd.server_address[1]}"

    from ui.video import prepare_application

    prepare_application()
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    from kiosk.config import load_config
    from kiosk.video import EMBEDDED, FROM_ON_DEMAND, VideoCall
    from ui.i18n import Translator
    from ui.screens.video import VideoScreen
    from ui.theme import metrics_for

    def wait(seconds: float, until=None) -> bool:
        """Run the event loop for ``seconds`` or until ``until()`` holds."""
        loop = QEventLoop()
        poll = QTimer()
        poll.setInterval(20)
        poll.timeout.connect(lambda: loop.quit() if until is not None and until() else None)
        limit = QTimer()
        limit.setSingleShot(True)
        limit.timeout.connect(loop.quit)
        limit.start(int(seconds * 1000))
        poll.start()
        loop.exec()
        poll.stop()
        limit.stop()
        return until() if until is not None else True

    video = dataclasses.replace(load_config().video, allowed_hosts=(host,))
    factory = None
    if separate:  # the kiosk's default: each call in its own process (ui/video/call_process.py)
        import tempfile as _tempfile

        from ui.video.process_room import CallProcessRoom
        device = os.path.join(_tempfile.mkdtemp(prefix="video-bench-"), "device.toml")
        with open(device, "w", encoding="utf-8") as fh:
            fh.write(f'[device]\ndata_dir = "{os.path.dirname(device)}"\n'
                     f'[video]\nallowed_hosts = ["{host}"]\nroom_url = "https://{host}/{{room}}"\n')
        factory = lambda call: CallProcessRoom(call, config_path=device, language="fi", fullscreen=False)  # noqa: E731
    screen = VideoScreen(tr=Translator("fi"), metrics=metrics_for("1920x1080"), video=video, embedded_room=factory)
    screen.resize(1920, 980)
    screen.show()
    wait(1.0)
    gc.collect()
    before = memory_mb()

    # The call view lets WebRTC out only through a TURN relay on an allow-listed host; the
    # parent runs one on 127.0.0.1 (tests/video/turn_relay.py) and names it here.
    relay = os.environ.get("VIDEO_BENCH_TURN")
    link = f"http://{host}/call.html" + (f"#turn={relay}" if relay else "")
    runs = []
    for i in range(calls):
        call = VideoCall(service_id="health-video", room="bench-room", link=link,
                         phone_link=link, source=FROM_ON_DEMAND, mode=EMBEDDED,
                         max_duration_s=3600, network_lost_s=20)
        loaded: list[float] = []
        finished: list = []
        t0 = time.perf_counter()  # the resident taps Join
        screen.start_call(call)
        room = screen.room
        room.loaded.connect(lambda s: loaded.append(time.perf_counter() - t0))
        screen.call_finished.connect(finished.append)
        if not wait(30, lambda: bool(loaded)):
            raise RuntimeError("the room page did not load within 30 s")
        state: list = []

        def ask():
            room.page.runJavaScript("window.callState.connection", 0, state.append)

        connected_at = None
        deadline = time.monotonic() + (0 if separate else 20)  # a process call's page is not reachable here
        while time.monotonic() < deadline:
            state.clear()
            ask()
            wait(0.5, lambda: bool(state))
            if state and state[0] == "connected":
                connected_at = time.perf_counter() - t0
                break
        wait(hold_s)
        during = memory_mb()
        screen.hang_up()
        wait(10, lambda: bool(finished))
        # The page processes exit, deferred deletes run, and the room hands freed heap
        # back (ui.video.room.TRIM_AFTER_MS) before the "after" figure is read.
        wait(4.0)
        gc.collect()
        wait(0.5)
        after = memory_mb()
        runs.append({"join_to_loaded_ms": round(loaded[0] * 1000, 1),
                     "join_to_connected_ms": round(connected_at * 1000, 1) if connected_at else None,
                     "during": during, "after": after})
        screen.call_finished.disconnect()
    QTimer.singleShot(0, app.quit)
    httpd.shutdown()
    return {"before": before, "runs": runs}


# -- the parent: run the child, summarise -------------------------------------------------------------
def run(calls: int = 5, hold_s: float = 3.0, separate: bool = False) -> dict:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        env.setdefault("QTWEBENGINE_DISABLE_SANDBOX", "1")  # Chromium's sandbox cannot run as root
    # Output goes to files, not pipes: Chromium's helper processes inherit the child's
    # stdout and can keep a pipe open after the child is gone. The child gets a process
    # group of its own so a timeout ends all of them.
    from tests.video.turn_relay import start_relay, turnserver_available

    relay = start_relay() if turnserver_available() else None  # outside the measured process tree
    if relay is not None:
        env["VIDEO_BENCH_TURN"] = relay.netloc
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        proc = subprocess.Popen([sys.executable, "-m", "benchmarks.video_call", "--child", "--calls", str(calls),
                                 "--hold-s", str(hold_s)] + (["--separate-process"] if separate else []),
                                cwd=REPO, env=env, stdout=out, stderr=err,
                                stdin=subprocess.DEVNULL, start_new_session=True)
        try:
            returncode = proc.wait(timeout=60 + calls * (hold_s + 30))
        except subprocess.TimeoutExpired:
            returncode = "timeout"
        finally:
            try:
                os.killpg(proc.pid, signal.SIGKILL)  # the child's leftover engine helpers
            except ProcessLookupError:
                pass
            proc.wait()
            if relay is not None:
                relay.stop()
        out.seek(0)
        err.seek(0)
        stdout, stderr = out.read(), err.read()
    line = next((ln for ln in stdout.splitlines() if ln.startswith("VIDEO_BENCH ")), None)
    if returncode != 0 or line is None:
        return {"available": False, "reason": f"exit code {returncode}: {(stderr or stdout)[-800:]}"}
    raw = json.loads(line[len("VIDEO_BENCH "):])
    before = raw["before"]["uss_mb"]
    runs = raw["runs"]
    first_after = runs[0]["after"]["uss_mb"]
    loaded = [r["join_to_loaded_ms"] for r in runs]
    connected = [r["join_to_connected_ms"] for r in runs if r["join_to_connected_ms"] is not None]
    return {
        "available": True,
        "separate_process": separate,
        "kiosk_rss_before_after_mb": [raw["before"]["kiosk_rss_mb"], runs[-1]["after"]["kiosk_rss_mb"]],
        "calls": len(runs),
        "first_join_to_loaded_ms": loaded[0],
        "join_to_loaded_ms_median": statistics.median(loaded[1:] or loaded),
        "join_to_connected_ms_median": statistics.median(connected) if connected else None,
        "uss_before_mb": before,
        "uss_during_mb_max": max(r["during"]["uss_mb"] for r in runs),
        "uss_after_first_call_mb": first_after,
        "uss_after_last_call_mb": runs[-1]["after"]["uss_mb"],
        "after_minus_before_mb": round(runs[-1]["after"]["uss_mb"] - before, 1),
        "growth_after_first_call_mb": round(runs[-1]["after"]["uss_mb"] - first_after, 1),
        "pss_before_after_mb": [raw["before"]["pss_mb"], runs[-1]["after"]["pss_mb"]],
        "after_last_call_by_process_mb": runs[-1]["after"]["uss_by_process_mb"],
        "processes_before_during_after": [raw["before"]["processes"], runs[-1]["during"]["processes"],
                                          runs[-1]["after"]["processes"]],
        "target_mb": TARGET_MB,
        "runs": runs,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=5)
    parser.add_argument("--hold-s", type=float, default=3.0)
    parser.add_argument("--separate-process", action="store_true",
                        help="each call in its own process, as the kiosk does by default (video.separate_process)")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print("VIDEO_BENCH " + json.dumps(_child(args.calls, args.hold_s, args.separate_process)), flush=True)
        os._exit(0)  # skip Chromium's slow teardown; the figures are out
    result = run(calls=args.calls, hold_s=args.hold_s, separate=args.separate_process)
    print(json.dumps({k: v for k, v in result.items() if k != "runs"}, indent=1))
    if result.get("available"):
        save_results("video_call", result)
    return 0 if result.get("available") else 1


if __name__ == "__main__":
    sys.exit(main())
