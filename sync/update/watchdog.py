"""systemd notifications (READY=1, WATCHDOG=1, STATUS=) and the kiosk's liveness files.

sd_notify is a single datagram to the AF_UNIX socket named in $NOTIFY_SOCKET, so
it needs no library. Outside systemd (no $NOTIFY_SOCKET) every call is a no-op.

The UI uses one object:

    liveness = KioskLiveness.from_environment()
    liveness.ready()                                  # once, after the self-check passed
    timer.setInterval(liveness.ping_interval_ms())    # a QTimer on the GUI thread
    timer.timeout.connect(lambda: liveness.ping(idle=<no one is using the kiosk>))

Because the ping runs on the GUI thread, a frozen event loop stops the pings and
systemd restarts the kiosk after WatchdogSec.
"""

from __future__ import annotations

import json
import os
import socket
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

DEFAULT_PING_INTERVAL_MS = 10_000


def sd_notify(*fields: str, socket_path: str | None = None) -> bool:
    """Send `fields` (e.g. "READY=1", "STATUS=idle") to systemd; False if not under systemd."""
    address = socket_path if socket_path is not None else os.environ.get("NOTIFY_SOCKET", "")
    if not address:
        return False
    if address.startswith("@"):
        address = "\0" + address[1:]  # abstract namespace socket
    message = "\n".join(fields).encode("utf-8")
    with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM | socket.SOCK_CLOEXEC) as sock:
        try:
            sock.connect(address)
            sock.sendall(message)
        except OSError:
            return False
    return True


def running_version() -> str | None:
    """The version of the bundle this process runs from ($KIOSK_VERSION, else the VERSION file)."""
    if os.environ.get("KIOSK_VERSION"):
        return os.environ["KIOSK_VERSION"]
    base = Path(sys.executable).resolve().parent if getattr(sys, "frozen", False) else None
    for folder in filter(None, (base, base.parent if base else None)):
        version_file = folder / "VERSION"
        if version_file.is_file():
            return version_file.read_text(encoding="utf-8").strip()
    return None


def _write_json(path: Path, data: dict | list) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(json.dumps(data), encoding="utf-8")
    os.replace(tmp, path)


class KioskLiveness:
    """What the running kiosk tells systemd and the updater about itself."""

    def __init__(
        self,
        *,
        notify_socket: str | None,
        watchdog_usec: int | None,
        liveness_dir: Path | None,
        version: str | None,
    ):
        self.notify_socket = notify_socket
        self.watchdog_usec = watchdog_usec
        self.liveness_dir = liveness_dir
        self.version = version
        self._last_idle: bool | None = None
        self._last_activity_write = 0.0
        self._started_at: float | None = None

    @classmethod
    def from_environment(cls) -> "KioskLiveness":
        usec = os.environ.get("WATCHDOG_USEC", "")
        # WATCHDOG_PID is deliberately not checked: under cage the main PID is the
        # compositor, the app is its child, and the unit sets NotifyAccess=all.
        watchdog = int(usec) if usec.isdigit() and int(usec) > 0 else None
        directory = os.environ.get("KIOSK_LIVENESS_DIR")
        return cls(
            notify_socket=os.environ.get("NOTIFY_SOCKET") or None,
            watchdog_usec=watchdog,
            liveness_dir=Path(directory) if directory else None,
            version=running_version(),
        )

    def ping_interval_ms(self) -> int:
        """How often to call ping(): half the watchdog interval, as systemd advises."""
        if self.watchdog_usec:
            return max(100, self.watchdog_usec // 2000)
        return DEFAULT_PING_INTERVAL_MS

    def _notify(self, *fields: str) -> bool:
        if not self.notify_socket:
            return False
        return sd_notify(*fields, socket_path=self.notify_socket)

    def _record_start(self, change) -> None:
        """Change this process's entry in starts.json (sync/update/probation.py reads it)."""
        if self.liveness_dir is None or self._started_at is None:
            return
        from sync.update.probation import KEEP_STARTS, STARTS_FILE

        path = self.liveness_dir / STARTS_FILE
        try:
            starts = json.loads(path.read_text(encoding="utf-8"))
            starts = starts if isinstance(starts, list) else []
        except (OSError, ValueError):
            starts = []
        mine = next((s for s in starts if isinstance(s, dict) and s.get("pid") == os.getpid()
                     and s.get("started_at") == self._started_at), None)
        if mine is None:
            mine = {"version": self.version, "pid": os.getpid(), "started_at": self._started_at,
                    "last_seen": self._started_at, "stopped_cleanly": False}
            starts.append(mine)
        change(mine)
        try:
            _write_json(path, starts[-KEEP_STARTS:])
        except OSError:
            pass  # a full /run must not stop the kiosk; the updater then sees no progress

    def ready(self, status: str = "ready") -> None:
        """Call once the window is up and the self-check passed: READY=1 plus the health file."""
        self._notify("READY=1", f"STATUS={status}")
        if self.liveness_dir is not None:
            self._started_at = time.time()
            self._record_start(lambda entry: None)
            _write_json(
                self.liveness_dir / "health.json",
                {
                    "version": self.version,
                    "pid": os.getpid(),
                    "healthy_at": datetime.now(timezone.utc).isoformat(),
                },
            )

    def ping(self, *, idle: bool) -> None:
        """Call from a timer on the GUI thread: WATCHDOG=1, and whether anyone is using the kiosk."""
        self._notify("WATCHDOG=1", f"STATUS={'idle' if idle else 'in use'}")
        now = time.time()
        self._record_start(lambda entry: entry.update(last_seen=now))
        if self.liveness_dir is not None and (idle != self._last_idle or now - self._last_activity_write > 30):
            _write_json(self.liveness_dir / "activity.json", {"idle": idle, "at": now, "pid": os.getpid()})
            self._last_idle = idle
            self._last_activity_write = now

    def stopping(self) -> None:
        """Call on a planned stop: STOPPING=1, and this start counts as a clean one."""
        self._notify("STOPPING=1")
        self._record_start(lambda entry: entry.update(stopped_cleanly=True, last_seen=time.time()))


def read_health(liveness_dir: Path) -> dict | None:
    try:
        return json.loads((Path(liveness_dir) / "health.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def kiosk_reports_idle(liveness_dir: Path, *, max_age_s: float = 90.0) -> bool:
    """True only if the running kiosk said "idle" recently (no file: not idle)."""
    try:
        data = json.loads((Path(liveness_dir) / "activity.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return bool(data.get("idle")) and time.time() - float(data.get("at", 0)) <= max_age_s
