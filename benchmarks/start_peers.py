"""Start and memory of the kiosk beside what a city would run instead (issue 18).

    python -m benchmarks.start_peers [--runs 7] [--idle-s 4] [--importtime]

Three programs, started in turn on one Xvfb screen (1280x800) so that each pays for a real
X11 window, interleaved run by run so that a busy moment of the machine falls on all of
them alike:

- **kiosk**: ``welfare-kiosk --demo --exit-when-ready`` (warm: the demo catalogue already
  imported), Qt on xcb; ready is its own ``KIOSK_READY`` line, printed once home is shown and
  the event loop is idle.
- **chromium**: Debian's ``chromium --kiosk`` on a local page with the home screen's six big
  buttons and a heading (fresh profile per run, the flags a locked-down kiosk page runs
  with); ready is the page's request to ``/ready``, sent from the first animation frame after
  ``load`` (drawn and taking input).
- **bare-qt**: a PySide6 window with the same six buttons and nothing else, the floor of
  any Qt kiosk on this Python; ready once shown and the event loop is idle.

Start is wall time from spawn to ready. Memory is the proportional set size (PSS, shared
pages split between the processes that map them) summed over the whole process tree, read
``--idle-s`` seconds after ready with nobody touching it: Chromium's renderer, GPU and
utility processes count, and so would a kiosk's call process. The kiosk's idle figure is
taken without ``--exit-when-ready``, so its sync worker runs (without a backend to reach,
it retries in the background, as on a kiosk whose network is down).

``--importtime`` adds where the kiosk's start goes: ``python -X importtime`` of one warm
start, the slowest top-level imports.
"""

from __future__ import annotations

import argparse
import http.server
import os
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from benchmarks.cold_start import _read_line_until, kiosk_command, write_device_file
from benchmarks.report import save_results

CHROMIUM = "/usr/bin/chromium"
READY_TIMEOUT_S = 60.0
SIZE = (1280, 800)
LABELS = ("Etsi palvelu", "Varaa aika", "Jonotusnumero", "Anna palautetta", "Puhu hoitajan kanssa", "Osallistu")

PAGE = """<!doctype html><html lang="fi"><head><meta charset="utf-8"><title>Kiosk</title>
<style>body{font-family:'Noto Sans','DejaVu Sans',sans-serif;margin:40px;background:#fff}
h1{font-size:40px}main{display:grid;grid-template-columns:1fr 1fr;gap:24px}
button{font-size:28px;min-height:140px;border-radius:16px;border:2px solid #1a1a1a;background:#f4f4f4}</style>
</head><body><h1>Tervetuloa</h1><main>%s</main>
<script>addEventListener('load',()=>requestAnimationFrame(()=>fetch('/ready')));</script></body></html>
""" % "".join(f"<button>{label}</button>" for label in LABELS)

BARE_QT = r"""
import sys
from PySide6.QtCore import QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget
app = QApplication(sys.argv[:1])
app.setFont(QFont(["Noto Sans", "DejaVu Sans"], 20))
w = QWidget(); col = QVBoxLayout(w); col.addWidget(QLabel("Tervetuloa"))
grid = QGridLayout(); col.addLayout(grid)
for i, text in enumerate(%r):
    b = QPushButton(text); b.setMinimumHeight(140); grid.addWidget(b, i // 2, i %% 2)
w.resize(%d, %d); w.show()
def ready():
    print("READY", flush=True)
    if "--exit-when-ready" in sys.argv:
        app.quit()
QTimer.singleShot(0, ready)
app.exec()
""" % (LABELS, SIZE[0], SIZE[1])


class Unavailable(Exception):
    pass


# -- the screen -----------------------------------------------------------------------------------
def start_xvfb() -> tuple[subprocess.Popen, str]:
    if shutil.which("Xvfb") is None:
        raise Unavailable("Xvfb is not installed (packaging/system-deps.sh)")
    for n in range(140, 200):
        if not Path(f"/tmp/.X11-unix/X{n}").exists() and not Path(f"/tmp/.X{n}-lock").exists():
            break
    proc = subprocess.Popen(["Xvfb", f":{n}", "-screen", "0", f"{SIZE[0]}x{SIZE[1]}x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 10
    while not Path(f"/tmp/.X11-unix/X{n}").exists():
        if proc.poll() is not None or time.monotonic() > deadline:
            raise Unavailable("Xvfb did not start")
        time.sleep(0.05)
    return proc, f":{n}"


def _env(display: str) -> dict[str, str]:
    env = dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb")
    env.pop("WAYLAND_DISPLAY", None)
    return env


# -- the process tree's memory ---------------------------------------------------------------------
def _children(pid: int) -> list[int]:
    out = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            out += [int(c) for c in (task / "children").read_text().split()]
        except OSError:
            pass
    return out


def tree_pss_kb(pid: int) -> int:
    total, todo, seen = 0, [pid], set()
    while todo:
        p = todo.pop()
        if p in seen:
            continue
        seen.add(p)
        try:
            text = Path(f"/proc/{p}/smaps_rollup").read_text()
            total += int(re.search(r"^Pss:\s+(\d+) kB", text, re.M).group(1))
        except (OSError, AttributeError):
            continue
        todo += _children(p)
    return total


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        try:
            os.killpg(proc.pid, signal.SIGTERM)
        except ProcessLookupError:
            pass
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    for stream in (proc.stdout, proc.stderr):
        if stream:
            stream.close()


# -- the peers ------------------------------------------------------------------------------------
class ReadyServer:
    """Serves the page and notes the moment the page asks for /ready."""

    def __init__(self) -> None:
        self.ready = threading.Event()
        outer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *_args):
                pass

            def do_GET(self):
                if self.path.startswith("/ready"):
                    outer.ready_at = time.perf_counter()
                    outer.ready.set()
                    body = b"ok"
                    ctype = "text/plain"
                else:
                    body, ctype = PAGE.encode("utf-8"), "text/html; charset=utf-8"
                self.send_response(200)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.send_header("Cache-Control", "no-store")
                self.end_headers()
                self.wfile.write(body)

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}/index.html"

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def chromium_argv(url: str, profile: Path) -> list[str]:
    return [CHROMIUM, "--kiosk", "--no-sandbox", "--no-first-run", "--disable-gpu", "--disable-quic",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-default-apps", "--disable-features=Translate,MediaRouter", "--noerrdialogs",
            "--disable-infobars", "--password-store=basic", f"--user-data-dir={profile}",
            f"--window-size={SIZE[0]},{SIZE[1]}", url]


def run_chromium(display: str, server: ReadyServer, tmp: Path, idle_s: float | None) -> dict:
    profile = Path(tempfile.mkdtemp(prefix="chromium-", dir=tmp))
    server.ready.clear()
    t0 = time.perf_counter()
    proc = subprocess.Popen(chromium_argv(server.url, profile), env=_env(display), stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        if not server.ready.wait(READY_TIMEOUT_S):
            raise Unavailable(f"chromium never asked for /ready (exit code {proc.poll()})")
        out = {"start_ms": round((server.ready_at - t0) * 1000, 1)}
        if idle_s is not None:
            time.sleep(idle_s)
            out["idle_pss_mb"] = round(tree_pss_kb(proc.pid) / 1024, 1)
        return out
    finally:
        _stop(proc)
        shutil.rmtree(profile, ignore_errors=True)


def _run_ready_line(argv: list[str], env: dict, prefix: str, idle_s: float | None) -> dict:
    t0 = time.perf_counter()
    proc = subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    try:
        line, output = _read_line_until(proc, prefix, READY_TIMEOUT_S)
        if line is None:
            err = proc.stderr.read().decode("utf-8", "replace") if proc.poll() is not None else ""
            tail = " | ".join((output + "\n" + err).strip().splitlines()[-3:])
            raise Unavailable(f"no {prefix} line from {Path(argv[0]).name}: {tail[:300]}")
        out = {"start_ms": round((time.perf_counter() - t0) * 1000, 1)}
        if idle_s is not None:
            time.sleep(idle_s)
            out["idle_pss_mb"] = round(tree_pss_kb(proc.pid) / 1024, 1)
        return out
    finally:
        _stop(proc)


def run_kiosk(display: str, device: Path, idle_s: float | None, start_s: float = 3.0) -> dict:
    command = kiosk_command()
    if command is None:
        raise Unavailable("welfare-kiosk is not installed (run `make venv`)")
    argv = [*command, "--demo", "--config", str(device)]
    if idle_s is None:
        return _run_ready_line([*argv, "--exit-when-ready"], _env(display), "KIOSK_READY", None)
    # Not --exit-when-ready: that mode starts no sync thread, and prints no line otherwise. The
    # slowest measured start is waited for, then the same idle time as the others.
    proc = subprocess.Popen(argv, env=_env(display), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    try:
        time.sleep(start_s + idle_s)
        if proc.poll() is not None:
            raise Unavailable(f"the kiosk exited with {proc.returncode} before it was idle")
        return {"idle_pss_mb": round(tree_pss_kb(proc.pid) / 1024, 1)}
    finally:
        _stop(proc)


def run_bare_qt(display: str, idle_s: float | None) -> dict:
    argv = [sys.executable, "-c", BARE_QT] + ([] if idle_s is not None else ["--exit-when-ready"])
    return _run_ready_line(argv, _env(display), "READY", idle_s)


def importtime(device: Path, display: str, top: int = 12) -> dict:
    """Where one warm start's imports go: cumulative ms per top-level package, and the
    modules that cost most by themselves (self time)."""
    command = kiosk_command()
    proc = subprocess.run([sys.executable, "-X", "importtime", "-m", "ui.app", "--demo", "--exit-when-ready",
                           "--config", str(device)], env=_env(display), capture_output=True, text=True,
                          timeout=120, cwd=Path(command[0]).parent if command else None)
    by_package: dict[str, float] = {}
    by_self: list[tuple[str, float]] = []
    for line in proc.stderr.splitlines():
        m = re.match(r"import time:\s+(\d+) \|\s+(\d+) \| (\s*)(\S+)", line)
        if not m:
            continue
        by_self.append((m.group(4), int(m.group(1)) / 1000))
        if not m.group(3):  # a top-level import (no extra indent)
            name = m.group(4).split(".")[0]
            by_package[name] = by_package.get(name, 0.0) + int(m.group(2)) / 1000
    return {"cumulative_by_package": sorted(by_package.items(), key=lambda kv: -kv[1])[:top],
            "self": sorted(by_self, key=lambda kv: -kv[1])[:top]}


def _stats(values: list[float]) -> dict:
    return {"median": round(statistics.median(values), 1), "min": round(min(values), 1), "max": round(max(values), 1)}


def run(runs: int = 7, idle_s: float = 4.0, with_importtime: bool = False) -> dict:
    if not Path(CHROMIUM).exists():
        return {"available": False, "reason": "Debian's chromium is not installed (packaging/system-deps.sh)"}
    load_before = os.getloadavg()
    try:
        xvfb, display = start_xvfb()
    except Unavailable as exc:
        return {"available": False, "reason": str(exc)}
    server = ReadyServer()
    starts: dict[str, list[float]] = {"kiosk": [], "chromium": [], "bare-qt": []}
    idle: dict[str, list[float]] = {"kiosk": [], "chromium": [], "bare-qt": []}
    try:
        with tempfile.TemporaryDirectory(prefix="start-peers-") as tmp_name:
            tmp = Path(tmp_name)
            device = write_device_file(tmp)
            run_kiosk(display, device, None)  # imports the demo catalogue: every measured start is warm
            peers = {
                "kiosk": lambda idle_for: run_kiosk(display, device, idle_for,
                                                    max(starts["kiosk"] or [3000]) / 1000),
                "chromium": lambda idle_for: run_chromium(display, server, tmp, idle_for),
                "bare-qt": lambda idle_for: run_bare_qt(display, idle_for),
            }
            names = list(peers)
            for i in range(runs):
                order = names[i % 3:] + names[:i % 3]  # rotate who goes first
                for name in order:
                    starts[name].append(peers[name](None)["start_ms"])
            for i in range(max(1, runs // 3)):
                for name in names[i % 3:] + names[:i % 3]:
                    idle[name].append(peers[name](idle_s)["idle_pss_mb"])
            imports = importtime(device, display) if with_importtime else None
    except Unavailable as exc:
        return {"available": False, "reason": str(exc)}
    finally:
        server.close()
        xvfb.terminate()
        xvfb.wait(timeout=10)
    start = {k: _stats(v) for k, v in starts.items()}
    memory = {k: _stats(v) for k, v in idle.items()}
    return {
        "available": True, "runs": runs, "idle_s": idle_s,
        "load_average_before": [round(x, 2) for x in load_before],
        "load_average_after": [round(x, 2) for x in os.getloadavg()],
        "start_ms": start, "idle_pss_mb": memory,
        "ratio_start_kiosk_to_chromium": round(start["kiosk"]["median"] / start["chromium"]["median"], 2),
        "ratio_start_kiosk_to_bare_qt": round(start["kiosk"]["median"] / start["bare-qt"]["median"], 2),
        "ratio_pss_kiosk_to_chromium": round(memory["kiosk"]["median"] / memory["chromium"]["median"], 2),
        "ratio_pss_kiosk_to_bare_qt": round(memory["kiosk"]["median"] / memory["bare-qt"]["median"], 2),
        "targets": {"start_vs_chromium": 0.6, "start_vs_bare_qt": 2.0, "pss_vs_chromium": 0.25},
        "importtime_ms": imports,
        "raw": {"start_ms": starts, "idle_pss_mb": idle},
    }


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m benchmarks.start_peers", description=__doc__.splitlines()[0])
    p.add_argument("--runs", type=int, default=7)
    p.add_argument("--idle-s", type=float, default=4.0)
    p.add_argument("--importtime", action="store_true")
    args = p.parse_args(argv)
    result = run(args.runs, args.idle_s, args.importtime)
    if not result["available"]:
        print(f"start_peers: not measured: {result['reason']}", file=sys.stderr)
        return 1
    print(f"load average before {result['load_average_before']}, after {result['load_average_after']}")
    print("| figure | kiosk | chromium --kiosk | bare PySide6 | kiosk / chromium | kiosk / bare Qt |")
    print("|---|---|---|---|---|---|")
    s, m = result["start_ms"], result["idle_pss_mb"]

    def cell(d, unit):
        return f"{d['median']:,} {unit} ({d['min']:,}–{d['max']:,})"
    print(f"| warm start to interactive (Xvfb, median of {result['runs']}) | {cell(s['kiosk'], 'ms')} | "
          f"{cell(s['chromium'], 'ms')} | {cell(s['bare-qt'], 'ms')} | {result['ratio_start_kiosk_to_chromium']}× | "
          f"{result['ratio_start_kiosk_to_bare_qt']}× |")
    print(f"| idle PSS, process tree, {result['idle_s']} s after ready | {cell(m['kiosk'], 'MB')} | "
          f"{cell(m['chromium'], 'MB')} | {cell(m['bare-qt'], 'MB')} | {result['ratio_pss_kiosk_to_chromium']}× | "
          f"{result['ratio_pss_kiosk_to_bare_qt']}× |")
    if result["importtime_ms"]:
        for title, key in (("imports of one kiosk start, cumulative ms per top-level package", "cumulative_by_package"),
                           ("the modules that cost most by themselves, ms", "self")):
            print(f"\n{title}:")
            for name, ms in result["importtime_ms"][key]:
                print(f"  {name:40} {ms:8.1f}")
    save_results("start_peers", result)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
