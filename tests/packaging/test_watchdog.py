"""The watchdog contract: READY=1, WATCHDOG=1 pings, restart when the pings stop.

What is real: the sd_notify datagrams (sync.update.watchdog over an AF_UNIX socket
named by $NOTIFY_SOCKET, as systemd does), a real Qt event loop pinging from a
QTimer as the UI will, the unit files checked by `systemd-analyze verify`.
What is simulated, and why: systemd itself. Tests here cannot run systemd as
PID 1, so `UnitSupervisor` implements the part of systemd's contract the unit
relies on (Type=notify, WatchdogSec -> SIGABRT, Restart=on-failure,
StartLimitBurst/StartLimitIntervalSec), with the values read from the unit file
and the watchdog interval shortened so the test takes seconds.
"""

from __future__ import annotations

import configparser
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from sync.update.watchdog import KioskLiveness, kiosk_reports_idle, read_health, sd_notify

REPO = Path(__file__).resolve().parents[2]
UNITS = REPO / "packaging" / "systemd"

# A kiosk stand-in that pings from a QTimer like the UI, then freezes its event loop
# (a hung GUI) after FREEZE_AFTER_S seconds.
FREEZING_APP = """\
import os, sys, time
from PySide6.QtCore import QCoreApplication, QTimer
from sync.update.watchdog import KioskLiveness
app = QCoreApplication(sys.argv)
liveness = KioskLiveness.from_environment()
liveness.ready()
ping = QTimer(); ping.setInterval(liveness.ping_interval_ms())
ping.timeout.connect(lambda: liveness.ping(idle=True)); ping.start()
freeze = float(os.environ["FREEZE_AFTER_S"])
QTimer.singleShot(int(freeze * 1000), lambda: time.sleep(3600))
app.exec()
"""


def _pythonpath() -> str:
    """The repository first, and whatever the run already puts there (under faketime,
    tests/faketime, whose time.sleep the freezing kiosk stand-in relies on)."""
    return os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))


def unit_settings(name: str) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str
    parser.read(UNITS / name)
    return parser


def _seconds(text: str) -> float:
    text = text.strip()
    for suffix, factor in (("min", 60), ("ms", 0.001), ("s", 1)):
        if text.endswith(suffix):
            return float(text[: -len(suffix)]) * factor
    return float(text)


@dataclass
class UnitSupervisor:
    """systemd's watchdog and restart policy for one Type=notify service (simulated)."""

    command: list[str]
    env: dict[str, str]
    socket_dir: Path
    watchdog_s: float
    start_limit_burst: int
    start_limit_interval_s: float
    log: list[str] = field(default_factory=list)
    starts: list[float] = field(default_factory=list)
    pids: list[int] = field(default_factory=list)

    def run(self, *, give_up_after_s: float) -> str:
        path = self.socket_dir / "notify.sock"
        with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
            sock.bind(str(path))
            sock.settimeout(0.05)
            deadline = time.monotonic() + give_up_after_s
            while time.monotonic() < deadline:
                now = time.monotonic()
                recent = [t for t in self.starts if now - t < self.start_limit_interval_s]
                if len(recent) >= self.start_limit_burst:
                    self.log.append("start-limit-hit")
                    return "failed"
                self.starts.append(now)
                env = {**self.env, "NOTIFY_SOCKET": str(path), "WATCHDOG_USEC": str(int(self.watchdog_s * 1e6))}
                proc = subprocess.Popen(self.command, env=env)
                self.pids.append(proc.pid)
                outcome = self._watch(proc, sock, deadline)
                self.log.append(outcome)
                if outcome == "exited-cleanly":
                    return "inactive"  # Restart=on-failure does not restart a clean exit
            return "timeout"

    def _watch(self, proc: subprocess.Popen, sock: socket.socket, deadline: float) -> str:
        last_ping = time.monotonic()
        ready = False
        while time.monotonic() < deadline:
            try:
                for line in sock.recv(4096).decode().splitlines():
                    if line == "READY=1":
                        ready = True
                        last_ping = time.monotonic()
                    elif line == "WATCHDOG=1":
                        last_ping = time.monotonic()
            except TimeoutError:
                pass
            if proc.poll() is not None:
                return "exited-cleanly" if proc.returncode == 0 else "exited-with-failure"
            if ready and time.monotonic() - last_ping > self.watchdog_s:
                proc.send_signal(signal.SIGABRT)  # what systemd sends on a watchdog timeout
                try:
                    proc.wait(timeout=2)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()
                return "watchdog-timeout"
        proc.kill()
        proc.wait()
        return "deadline"


def test_unit_declares_the_watchdog_contract():
    service = unit_settings("welfare-kiosk.service")
    assert service["Service"]["Type"] == "notify"
    assert service["Service"]["NotifyAccess"] == "all"  # the app is cage's child
    assert _seconds(service["Service"]["WatchdogSec"]) > 0
    # always: cage exits 0 when the kiosk dies of a signal, so on-failure would not restart it
    assert service["Service"]["Restart"] == "always"
    assert int(service["Unit"]["StartLimitBurst"]) >= 2
    assert _seconds(service["Unit"]["StartLimitIntervalSec"]) > 0
    assert "/usr/bin/cage" in service["Service"]["ExecStart"]
    assert "/opt/welfare-kiosk/current/" in service["Service"]["ExecStart"]


def test_kiosk_that_stops_pinging_is_restarted_until_the_start_limit(tmp_path):
    unit = unit_settings("welfare-kiosk.service")
    app = tmp_path / "app.py"
    app.write_text(FREEZING_APP)
    liveness_dir = tmp_path / "run"
    supervisor = UnitSupervisor(
        command=[sys.executable, str(app)],
        env={**os.environ, "PYTHONPATH": _pythonpath(), "FREEZE_AFTER_S": "1.0", "QT_QPA_PLATFORM": "offscreen",
             "KIOSK_LIVENESS_DIR": str(liveness_dir), "KIOSK_VERSION": "1.0.0"},
        socket_dir=tmp_path,
        watchdog_s=1.0,  # the unit says 30 s; shortened so the test takes seconds
        start_limit_burst=3,  # the unit's burst (5) scaled down with it
        start_limit_interval_s=60,
    )
    assert int(unit["Unit"]["StartLimitBurst"]) >= supervisor.start_limit_burst

    result = supervisor.run(give_up_after_s=40)

    assert supervisor.log == ["watchdog-timeout"] * 3 + ["start-limit-hit"], supervisor.log
    assert result == "failed"
    assert len(set(supervisor.pids)) == 3  # really restarted: three different processes
    assert read_health(liveness_dir)["version"] == "1.0.0"
    assert kiosk_reports_idle(liveness_dir)


def test_kiosk_that_keeps_pinging_is_not_restarted(tmp_path):
    app = tmp_path / "app.py"
    # Pings for 4 s (more than two watchdog intervals), then exits cleanly.
    app.write_text(FREEZING_APP.replace("lambda: time.sleep(3600)", "app.quit"))
    supervisor = UnitSupervisor(
        command=[sys.executable, str(app)],
        env={**os.environ, "PYTHONPATH": _pythonpath(), "FREEZE_AFTER_S": "4.0", "QT_QPA_PLATFORM": "offscreen"},
        socket_dir=tmp_path,
        watchdog_s=1.5,
        start_limit_burst=3,
        start_limit_interval_s=60,
    )
    assert supervisor.run(give_up_after_s=30) == "inactive"
    assert supervisor.log == ["exited-cleanly"]


def test_sd_notify_sends_one_datagram_and_is_a_no_op_outside_systemd(tmp_path, monkeypatch):
    path = tmp_path / "notify.sock"
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
        sock.bind(str(path))
        assert sd_notify("READY=1", "STATUS=ready", socket_path=str(path))
        assert sock.recv(4096) == b"READY=1\nSTATUS=ready"
    monkeypatch.delenv("NOTIFY_SOCKET", raising=False)
    assert sd_notify("WATCHDOG=1") is False
    liveness = KioskLiveness.from_environment()
    liveness.ping(idle=False)  # no socket, no folder: nothing happens, nothing raises
    assert liveness.ping_interval_ms() == 10_000


def test_ping_interval_is_half_the_watchdog(monkeypatch):
    monkeypatch.setenv("WATCHDOG_USEC", "30000000")
    assert KioskLiveness.from_environment().ping_interval_ms() == 15_000


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze is not installed")
def test_units_pass_systemd_analyze_verify(tmp_path):
    # A throw-away root holding the units, the distribution's own units, and stand-ins
    # for the executables the units name (cage and the bundle are not installed here).
    root = tmp_path / "root"
    (root / "etc/systemd/system").mkdir(parents=True)
    (root / "usr/lib/systemd").mkdir(parents=True)
    shutil.copytree("/usr/lib/systemd/system", root / "usr/lib/systemd/system", symlinks=True)
    for exe in ("usr/bin/cage", "opt/welfare-kiosk/current/welfare-kiosk", "opt/welfare-kiosk/updater/welfare-kiosk"):
        (root / exe).parent.mkdir(parents=True, exist_ok=True)
        (root / exe).write_text("#!/bin/sh\n")
        (root / exe).chmod(0o755)
    names = sorted(p.name for p in UNITS.glob("*.service")) + sorted(p.name for p in UNITS.glob("*.timer"))
    for name in names:
        shutil.copy(UNITS / name, root / "etc/systemd/system" / name)
    result = subprocess.run(
        ["systemd-analyze", "verify", f"--root={root}", *names], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0 and result.stderr.strip() == "", result.stderr
