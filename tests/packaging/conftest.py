"""A real update repository: real ed25519 keys, real TUF metadata, served over HTTP on 127.0.0.1.

Release archives here are small synthetic bundles (a VERSION file and a tiny
`kiosk.py` that either reports healthy or crashes), so the update tests take
seconds; `make bundle` is exercised by the slow-marked test in test_bundle.py.
"""

from __future__ import annotations

import functools
import os
import subprocess
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def _pythonpath() -> str:
    """The repository first, and whatever the run already puts there (under faketime,
    tests/faketime, which mends time.sleep for the kiosk stand-ins)."""
    return os.pathsep.join(filter(None, [str(REPO), os.environ.get("PYTHONPATH")]))


sys.path.insert(0, str(REPO / "packaging"))

import update_repository as publisher  # noqa: E402

from sync.update.settings import UpdateSettings  # noqa: E402
from sync.update.updater import Updater, enroll  # noqa: E402

HEALTHY_KIOSK = """\
import sys
from pathlib import Path
from sync.update.watchdog import KioskLiveness
here = Path(__file__).resolve().parent
liveness = KioskLiveness.from_environment()
liveness.version = (here / "VERSION").read_text().strip()
liveness.ready()
liveness.stopping()  # a clean quit, as the app reports one (not a crash after ready)
"""
CRASHING_KIOSK = "import sys\nsys.exit('self-check failed: cannot open the database')\n"


class QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - keep pytest output readable
        pass


@pytest.fixture
def keys(tmp_path):
    offline, online = tmp_path / "offline-keys", tmp_path / "online-keys"
    publisher.create_keys(offline, online, root_keys=3, targets_keys=1)
    return offline, online


@pytest.fixture
def signers(keys):
    return publisher._role_signers(*keys)


@pytest.fixture
def all_signers(keys):
    return publisher.load_keys(*keys)


@pytest.fixture
def repository(tmp_path, signers):
    repo = publisher.UpdateRepository(tmp_path / "update-repo")
    repo.init_with_roles(signers, thresholds={"root": 2, "targets": 1})
    return repo


@pytest.fixture
def server(repository):
    handler = functools.partial(QuietHandler, directory=str(repository.repo_dir))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


@pytest.fixture
def make_archive(tmp_path):
    def make(version: str, *, healthy: bool = True, payload: bytes = b"") -> Path:
        folder = tmp_path / "bundles" / version
        folder.mkdir(parents=True)
        (folder / "VERSION").write_text(version + "\n")
        (folder / "kiosk.py").write_text(HEALTHY_KIOSK if healthy else CRASHING_KIOSK)
        (folder / "payload.bin").write_bytes(payload or os.urandom(2048))
        archive = tmp_path / "dist" / f"welfare-kiosk-{version}.tar.gz"
        publisher.write_release_archive(folder, archive)
        return archive

    return make


class KioskProcess:
    """Stands in for `systemctl restart welfare-kiosk`: runs current/kiosk.py."""

    def __init__(self, install_root: Path, liveness_dir: Path):
        self.install_root = install_root
        self.liveness_dir = liveness_dir
        self.process: subprocess.Popen | None = None
        self.restarts = 0

    def restart(self) -> None:
        self.stop()
        self.restarts += 1
        env = {**os.environ, "PYTHONPATH": _pythonpath(), "KIOSK_LIVENESS_DIR": str(self.liveness_dir)}
        env.pop("NOTIFY_SOCKET", None)
        self.process = subprocess.Popen(
            [sys.executable, str(self.install_root / "current" / "kiosk.py")], env=env, stderr=subprocess.DEVNULL
        )

    def stop(self) -> None:
        if self.process is not None:
            self.process.kill() if self.process.poll() is None else None
            self.process.wait()


@pytest.fixture
def device(tmp_path, repository, server):
    """An enrolled kiosk: trusted root installed, settings pointing at the local server."""

    def make(*, channel="stable", group="default", health_timeout_s=10.0, night_window=None, name="kiosk"):
        base = tmp_path / name
        settings = UpdateSettings(
            repository_url=server,
            install_root=base / "opt",
            state_dir=base / "state",
            liveness_dir=base / "run",
            channel=channel,
            device_group=group,
            health_timeout_s=health_timeout_s,
            night_window=night_window,
        )
        enroll(settings, repository.metadata_dir / "root.json")
        return settings

    return make


@pytest.fixture
def kiosk_processes():
    started: list[KioskProcess] = []

    def make(settings: UpdateSettings) -> KioskProcess:
        proc = KioskProcess(settings.install_root, settings.liveness_dir)
        started.append(proc)
        return proc

    yield make
    for proc in started:
        proc.stop()


def make_updater(settings: UpdateSettings, kiosk: KioskProcess, *, idle: bool = True) -> Updater:
    return Updater(settings, is_idle=lambda: idle, restart_kiosk=kiosk.restart, poll_interval_s=0.1)


def metadata_snapshot(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(Path(folder).glob("*.json"))}
