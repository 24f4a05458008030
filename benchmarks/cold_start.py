"""Cold start and idle memory of the real kiosk process.

Runs ``welfare-kiosk --demo --exit-when-ready --config <tmp device file>`` with
QT_QPA_PLATFORM=offscreen. The app prints one line ``KIOSK_READY <ms since process
start> <VmRSS kB>`` once home is shown and the event loop is idle, then exits 0. We
record our own wall time from spawn to that line and the app's own figures.

- first run: a fresh data directory, so the demo catalogue is imported into a new DB;
- warm runs: the same data directory again (the usual morning start of a kiosk);
- idle: started without ``--exit-when-ready``, given as long as the slowest warm start
  took plus a few seconds alone, VmRSS read from /proc/<pid>/status, then terminated.

Targets on a 2-core machine: start <= 1 s, idle RSS <= 120 MB.

    python -m benchmarks.cold_start [--first-runs 3] [--warm-runs 7] [--idle-s 3]
"""

from __future__ import annotations

import argparse
import os
import selectors
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.report import save_results

READY_TIMEOUT_S = 60.0
# A small run for `run_all --quick`.
QUICK = {"first_runs": 1, "warm_runs": 2, "idle_s": 2.0}


def kiosk_command() -> list[str] | None:
    """The installed console script next to this Python (the project's .venv), if there is one."""
    script = Path(sys.executable).parent / "welfare-kiosk"
    if script.exists():
        return [str(script)]
    found = shutil.which("welfare-kiosk")
    return [found] if found else None


def write_device_file(folder: Path) -> Path:
    data = folder / "data"
    path = folder / "device.toml"
    path.write_text(f'[device]\ndata_dir = "{data.as_posix()}"\n', encoding="utf-8")
    return path


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    return env


class Unavailable(Exception):
    """The kiosk could not be measured (not installed, flag missing, crashed): say why."""


def _read_line_until(proc: subprocess.Popen, prefix: str, timeout_s: float) -> tuple[str | None, str]:
    """The first stdout line starting with ``prefix`` (or None), and everything read."""
    assert proc.stdout is not None
    sel = selectors.DefaultSelector()
    sel.register(proc.stdout, selectors.EVENT_READ)
    deadline = time.monotonic() + timeout_s
    seen = []
    buf = b""
    try:
        while time.monotonic() < deadline:
            if not sel.select(timeout=max(0.0, deadline - time.monotonic())):
                break
            chunk = os.read(proc.stdout.fileno(), 4096)
            if not chunk:
                break  # the process closed stdout (exited)
            buf += chunk
            while b"\n" in buf:
                line, buf = buf.split(b"\n", 1)
                text = line.decode("utf-8", "replace")
                seen.append(text)
                if text.startswith(prefix):
                    return text, "\n".join(seen)
    finally:
        sel.close()
    return None, "\n".join(seen)


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def measure_start(command: list[str], device_file: Path) -> dict:
    """One start: wall ms from spawn to KIOSK_READY, and the app's own ms and VmRSS."""
    t0 = time.perf_counter()
    proc = subprocess.Popen([*command, "--demo", "--exit-when-ready", "--config", str(device_file)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=_env())
    try:
        line, output = _read_line_until(proc, "KIOSK_READY", READY_TIMEOUT_S)
        wall_ms = (time.perf_counter() - t0) * 1000
        if line is None:
            _stop(proc)
            err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
            tail = " | ".join((output + "\n" + err).strip().splitlines()[-3:])
            raise Unavailable(f"no KIOSK_READY line (exit code {proc.returncode}): {tail[:300]}")
        try:
            rc = proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            _stop(proc)
            raise Unavailable("the kiosk printed KIOSK_READY but did not exit")
        parts = line.split()
        if len(parts) != 3:
            raise Unavailable(f"unexpected ready line: {line!r}")
        return {"wall_ms": round(wall_ms, 1), "app_ms": float(parts[1]), "app_rss_kb": int(parts[2]),
                "exit_code": rc}
    finally:
        _stop(proc)
        for stream in (proc.stdout, proc.stderr):
            if stream:
                stream.close()


def vm_rss_kb(pid: int) -> int | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text(encoding="ascii").splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return None


def measure_idle_rss(command: list[str], device_file: Path, idle_s: float, start_s: float = 0.0) -> dict:
    """Start without --exit-when-ready, wait ``start_s`` (how long a start took) plus ``idle_s``
    with nobody touching it, read VmRSS, terminate."""
    proc = subprocess.Popen([*command, "--demo", "--config", str(device_file)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=_env())
    try:
        time.sleep(start_s + idle_s)
        if proc.poll() is not None:
            raise Unavailable(f"the kiosk exited with {proc.returncode} before it was idle")
        rss = vm_rss_kb(proc.pid)
        if rss is None:
            raise Unavailable("cannot read /proc/<pid>/status")
        return {"idle_s": idle_s, "idle_rss_kb": rss}
    finally:
        _stop(proc)


def _summary(runs: list[dict], key: str) -> float:
    return round(statistics.median(r[key] for r in runs), 1)


def run(first_runs: int = 3, warm_runs: int = 7, idle_s: float = 3.0, command: list[str] | None = None) -> dict:
    """Figures, or ``{"available": False, "reason": ...}`` when the kiosk cannot be measured."""
    command = command or kiosk_command()
    if command is None:
        return {"available": False, "reason": "welfare-kiosk is not installed (run `make venv`)"}
    with tempfile.TemporaryDirectory(prefix="kiosk-bench-") as tmp:
        root = Path(tmp)
        try:
            firsts = []
            for i in range(max(1, first_runs)):
                folder = root / f"first-{i}"
                folder.mkdir()
                firsts.append(measure_start(command, write_device_file(folder)))
            # Warm: the data directory of the first fresh run, catalogue already imported.
            warm_device = root / "first-0" / "device.toml"
            warms = [measure_start(command, warm_device) for _ in range(max(1, warm_runs))]
            slowest_start_s = max(r["wall_ms"] for r in warms) / 1000
            idle = measure_idle_rss(command, warm_device, idle_s, slowest_start_s) if idle_s > 0 else None
        except Unavailable as exc:
            return {"available": False, "reason": str(exc)}
    result = {
        "available": True,
        "first_runs": len(firsts),
        "first_wall_ms_median": _summary(firsts, "wall_ms"),
        "first_app_ms_median": _summary(firsts, "app_ms"),
        "warm_runs": len(warms),
        "warm_wall_ms_median": _summary(warms, "wall_ms"),
        "warm_wall_ms_min": min(r["wall_ms"] for r in warms),
        "warm_wall_ms_max": max(r["wall_ms"] for r in warms),
        "warm_app_ms_median": _summary(warms, "app_ms"),
        "ready_rss_mb_median": round(statistics.median(r["app_rss_kb"] for r in warms) / 1024, 1),
        "idle_rss_mb": round(idle["idle_rss_kb"] / 1024, 1) if idle else None,
        "idle_after_s": idle_s if idle else None,
        "nonzero_exits": sum(r["exit_code"] != 0 for r in firsts + warms),
        "target_start_ms": 1000,
        "target_idle_rss_mb": 120,
        "runs": {"first": firsts, "warm": warms},
    }
    return result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--first-runs", type=int, default=3)
    ap.add_argument("--warm-runs", type=int, default=7)
    ap.add_argument("--idle-s", type=float, default=3.0)
    args = ap.parse_args(argv)
    result = run(args.first_runs, args.warm_runs, args.idle_s)
    for key, value in result.items():
        if key != "runs":
            print(f"{key:24} {value}")
    print(f"saved to {save_results('cold_start', result)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
