"""The kiosk as it really runs: cage started from packaging/systemd/welfare-kiosk.service.

The command line and environment are read from the unit file itself, so a change to the
unit is what the tests run; only the paths of a real kiosk are mapped to this checkout
(``/opt/welfare-kiosk/current/welfare-kiosk`` -> ``python -m ui.app``, the device file and
the runtime/state folders -> the test's temporary folder).

Why cage's X11 backend inside Xvfb and not ``WLR_BACKENDS=headless``: Debian 12's cage
0.1.4 offers neither the virtual-keyboard nor the virtual-pointer nor the output-management
protocol (tried: ``wtype`` says "Compositor does not support the virtual keyboard
protocol", ``wlr-randr`` "compositor doesn't support wlr-output-management"), and the
headless backend has no input devices and a fixed 1280x720 output. Nested in Xvfb, the X
window is cage's "monitor": resizing it sets the output mode (1920x1080, 1280x800) and
XTEST (``xdotool``) gives cage a real seat keyboard and pointer, delivered to the kiosk as
Wayland input like a USB keyboard or touch screen's pointer emulation would be. The
kiosk itself still runs with ``QT_QPA_PLATFORM=wayland`` as on the hardware, and
``grim`` takes the screenshots through cage's screencopy.

cage refuses to run as root (it checks that it cannot regain root); when the tests run
as root (a container) cage is started in a user namespace as uid 1000, which is what
``User=kiosk`` gives it on the hardware.
"""

from __future__ import annotations

import os
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
UNIT = REPO / "packaging" / "systemd" / "welfare-kiosk.service"
BUNDLE_EXE = "/opt/welfare-kiosk/current/welfare-kiosk"
DEVICE_FILE = "/etc/welfare-kiosk/device.toml"
TOOLS = ("cage", "Xvfb", "xdotool", "grim", "xwininfo")


class CageUnavailable(Exception):
    """cage cannot run on this machine; the message says why (a test skips with it)."""


@dataclass
class Unit:
    exec_start: list[str]
    environment: dict[str, str]
    service: dict[str, str]


def read_unit(path: Path = UNIT) -> Unit:
    exec_start: list[str] = []
    env: dict[str, str] = {}
    service: dict[str, str] = {}
    section = ""
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("["):
            section = line
            continue
        key, _, value = line.partition("=")
        if section != "[Service]":
            continue
        if key == "ExecStart":
            exec_start = shlex.split(value)
        elif key == "Environment":
            for item in shlex.split(value):
                name, _, val = item.partition("=")
                env[name] = val
        else:
            service[key] = value
    return Unit(exec_start, env, service)


def seconds(value: str) -> float:
    """systemd's time span as written in our unit: "30s", "3s", "10min" or plain seconds."""
    value = value.strip()
    for suffix, factor in (("min", 60.0), ("ms", 0.001), ("s", 1.0)):
        if value.endswith(suffix):
            return float(value[: -len(suffix)]) * factor
    return float(value)


def missing_tools() -> list[str]:
    return [t for t in TOOLS if shutil.which(t) is None]


def wait_for(condition, timeout: float, interval: float = 0.05, what: str = "condition"):
    """Poll ``condition`` until it returns something truthy; raise with ``what`` on timeout."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(interval)


class Display:
    """Xvfb: the kiosk's monitor and input devices (cage's X11 backend draws into it)."""

    def __init__(self, width: int = 1920, height: int = 1080) -> None:
        self.width, self.height = width, height
        self.proc: subprocess.Popen | None = None
        self.name = ""

    def start(self) -> "Display":
        read, write = os.pipe()
        self.proc = subprocess.Popen(
            ["Xvfb", "-displayfd", str(write), "-screen", "0", f"{self.width}x{self.height}x24",
             "-nolisten", "tcp", "-noreset"], pass_fds=(write,), stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL, start_new_session=True)
        os.close(write)
        with os.fdopen(read) as f:
            number = f.readline().strip()
        if not number:
            raise CageUnavailable("Xvfb did not start")
        self.name = f":{number}"
        return self

    def env(self) -> dict[str, str]:
        return {"DISPLAY": self.name, "PATH": os.environ.get("PATH", "/usr/bin:/bin")}

    def x(self, *args: str, timeout: float = 10) -> str:
        done = subprocess.run(list(args), env=self.env(), capture_output=True, text=True, timeout=timeout)
        return done.stdout

    def top_windows(self) -> list[tuple[str, int, int]]:
        """(id, width, height) of each window mapped on the X screen: cage's outputs."""
        out = []
        for line in self.x("xwininfo", "-root", "-children").splitlines():
            parts = line.split()
            if parts and parts[0].startswith("0x"):
                for p in parts:
                    if "x" in p and "+" in p and p[0].isdigit():
                        w, h = p.split("+")[0].split("x")
                        out.append((parts[0], int(w), int(h)))
                        break
        return out

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            self.proc.wait(10)


@dataclass
class KioskSession:
    """One cage + kiosk start, as ``welfare-kiosk.service``'s ExecStart runs it."""

    display: Display
    tmp: Path
    device: Path
    size: tuple[int, int] = (1920, 1080)
    unit: Unit = field(default_factory=read_unit)
    proc: subprocess.Popen | None = None
    window: str = ""
    runtime_dir: Path | None = None
    notify: socket.socket | None = None
    log_path: Path | None = None
    starts: int = 0
    app: list[str] | None = None  # another program in cage's place of the kiosk (tests/cage/test_text.py)
    # Variables a site would set in a drop-in (Environment=, e.g. another XKB_DEFAULT_LAYOUT).
    drop_in: dict[str, str] = field(default_factory=dict)

    # --- the command line and environment of the unit, mapped to this checkout ------
    def command(self) -> list[str]:
        argv: list[str] = []
        for word in self.unit.exec_start:
            if word == BUNDLE_EXE:
                argv += self.app or [sys.executable, "-m", "ui.app"]
            elif word == DEVICE_FILE:
                argv.append(str(self.device))
            elif word.startswith("/usr/bin/") and shutil.which(Path(word).name):
                argv.append(shutil.which(Path(word).name))
            else:
                argv.append(word)
        if os.geteuid() == 0:
            # cage will not run as root; the unit gives it User=kiosk. A user namespace
            # gives it a uid that cannot become root, and files of this checkout stay readable.
            argv = ["unshare", "--user", "--map-user=1000", "--map-group=1000", *argv]
        return argv

    def environment(self) -> dict[str, str]:
        state = self.tmp / "state"
        env = {}
        for name, value in self.unit.environment.items():
            value = value.replace("/run/welfare-kiosk", str(self.tmp / "run"))
            value = value.replace("/var/lib/welfare-kiosk-updater", str(state))
            env[name] = value
        (self.tmp / "run").mkdir(exist_ok=True)
        state.mkdir(exist_ok=True)
        self.runtime_dir = self.tmp / "xdg-runtime"
        self.runtime_dir.mkdir(mode=0o700, exist_ok=True)
        env.update(self.display.env())
        env.update({
            "HOME": str(self.tmp),
            "XDG_RUNTIME_DIR": str(self.runtime_dir),  # what PAMName=login gives the kiosk user
            "LANG": "C.UTF-8",
            "PYTHONPATH": str(REPO),
            "PYTHONDONTWRITEBYTECODE": "1",
            "WLR_BACKENDS": "x11",
        })
        if not Path("/dev/dri").exists():
            env["WLR_RENDERER"] = "pixman"
        env.update(self.drop_in)
        if self.notify is not None:
            env["NOTIFY_SOCKET"] = self.notify.getsockname()
            env["WATCHDOG_USEC"] = str(int(seconds(self.unit.service["WatchdogSec"]) * 1_000_000))
        return env

    def open_notify_socket(self) -> None:
        """A $NOTIFY_SOCKET as systemd gives Type=notify units (READY=1, WATCHDOG=1)."""
        self.notify = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.notify.bind(str(self.tmp / "notify.sock"))
        os.chmod(self.tmp / "notify.sock", 0o777)
        self.notify.setblocking(False)

    def notifications(self) -> list[str]:
        out = []
        if self.notify is None:
            return out
        while True:
            try:
                out.extend(self.notify.recv(4096).decode().split("\n"))
            except BlockingIOError:
                return [m for m in out if m]

    # --- start, resize, stop --------------------------------------------------------
    def start(self, timeout: float = 60) -> "KioskSession":
        before = {w[0] for w in self.display.top_windows()}
        self.starts += 1
        self.log_path = self.tmp / f"cage-{self.starts}.log"
        log = self.log_path.open("wb")
        self.proc = subprocess.Popen(self.command(), env=self.environment(), cwd=REPO, stdout=log,
                                     stderr=subprocess.STDOUT, start_new_session=True)
        log.close()

        def new_window():
            if self.proc.poll() is not None:
                raise CageUnavailable(f"cage exited ({self.proc.returncode}) before showing anything:\n"
                                      + self.log_tail())
            fresh = [w for w in self.display.top_windows() if w[0] not in before]
            return fresh[0][0] if fresh else None

        self.window = wait_for(new_window, 20, what="cage's output window")
        self.display.x("xdotool", "windowsize", "--sync", self.window, str(self.size[0]), str(self.size[1]))
        self.display.x("xdotool", "mousemove", str(self.size[0] - 1), str(self.size[1] - 1))
        if self.app is None:
            wait_for(lambda: self.kiosk_pid() is not None, timeout, what="the kiosk process")
        return self

    def log_tail(self, lines: int = 30) -> str:
        if self.log_path is None or not self.log_path.exists():
            return ""
        return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])

    def processes(self) -> dict[int, str]:
        """Every process in cage's session (the session leader and its descendants): pid -> command."""
        if self.proc is None:
            return {}
        children: dict[int, list[int]] = {}
        commands: dict[int, str] = {}
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                stat = (entry / "stat").read_text()
                cmd = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace").strip()
            except OSError:
                continue
            ppid = int(stat.rsplit(")", 1)[1].split()[1])
            children.setdefault(ppid, []).append(int(entry.name))
            commands[int(entry.name)] = cmd
        out, todo = {}, [self.proc.pid]
        while todo:
            pid = todo.pop()
            if pid in commands:
                out[pid] = commands[pid]
            todo.extend(children.get(pid, []))
        return out

    def kiosk_pids(self) -> list[int]:
        return [pid for pid, cmd in self.processes().items() if is_kiosk(cmd)]

    def kiosk_pid(self) -> int | None:
        pids = self.kiosk_pids()
        return pids[0] if pids else None

    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            try:
                os.killpg(self.proc.pid, signal.SIGTERM)
                self.proc.wait(10)
            except (ProcessLookupError, subprocess.TimeoutExpired):
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(10)

    def kill_all(self) -> None:
        """What systemd does to the unit's cgroup after a watchdog timeout: SIGKILL for all."""
        if self.proc is not None and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(10)

    # --- looking and touching -----------------------------------------------------------
    def screenshot(self, path: Path):
        """A PNG of the output through cage's screencopy (grim), loaded as a QImage."""
        from PySide6.QtGui import QImage

        env = {"WAYLAND_DISPLAY": str(self.runtime_dir / "wayland-0"), "PATH": os.environ.get("PATH", "")}
        prefix = ["unshare", "--user", "--map-user=1000", "--map-group=1000"] if os.geteuid() == 0 else []
        subprocess.run([*prefix, "grim", str(path)], env=env, check=True, timeout=20, capture_output=True)
        image = QImage(str(path))
        assert not image.isNull(), f"grim wrote no image to {path}"
        return image

    def key(self, *keys: str) -> None:
        self.display.x("xdotool", "key", "--delay", "30", *keys)

    def key_down(self, key: str) -> None:
        self.display.x("xdotool", "keydown", key)

    def key_up(self, key: str) -> None:
        self.display.x("xdotool", "keyup", key)

    def tap(self, x: int, y: int) -> None:
        # A move before the press: the first press after cage starts is lost without one.
        self.display.x("xdotool", "mousemove", "--sync", str(x + 1), str(y), "mousemove", "--sync", str(x), str(y),
                       "click", "1")

    def press(self, x: int, y: int) -> None:
        self.display.x("xdotool", "mousemove", "--sync", str(x), str(y), "mousedown", "1")

    def release(self) -> None:
        self.display.x("xdotool", "mouseup", "1")


def is_kiosk(command: str) -> bool:
    words = command.split()
    return len(words) >= 3 and words[0] == sys.executable and words[1:3] == ["-m", "ui.app"]


def is_call_process(command: str) -> bool:
    words = command.split()
    return len(words) >= 3 and words[0] == sys.executable and words[1:3] == ["-m", "ui.video.call_process"]


def difference(a, b, step: int = 8) -> float:
    """Share of sampled pixels (every ``step``-th in each direction) that differ clearly."""
    if a.size() != b.size():
        return 1.0
    differ = total = 0
    for y in range(0, a.height(), step):
        for x in range(0, a.width(), step):
            total += 1
            pa, pb = a.pixel(x, y), b.pixel(x, y)
            if any(abs(((pa >> s) & 255) - ((pb >> s) & 255)) > 24 for s in (0, 8, 16)):
                differ += 1
    return differ / total


def unpainted(image, step: int = 8) -> float:
    """Share of sampled pixels that are pure black: cage's background where no window is."""
    black = total = 0
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            total += 1
            if image.pixel(x, y) & 0xFFFFFF == 0:
                black += 1
    return black / total
