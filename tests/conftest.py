"""The shared fixtures, in one place: a fresh kiosk SQLite file per test, the mini
catalogue, a device config, and the real parts at the network boundary (the reference
backend as its own process, on SQLite or PostgreSQL, and a sync worker pointed at it).
Also the real kiosk window (``make_window``, ``window``) and kiosks with their own
database and worker (``make_kiosk``), used by several folders. Helpers that are not
fixtures live in plain modules (tests/backend.py, ...)."""

from __future__ import annotations

import json
import os
import sys
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# The kiosk's speech (the idle hint at a first touch) never reaches the machine's own
# speech-dispatcher: spd-say would start one per run, and without a sound output it waits
# for ever. Pointed at no server, spd-say refuses at once and espeak-ng takes over
# (kiosk/speech.py); tests that want the real server start their own
# (tests/kiosk/test_speech_dispatcher.py).
os.environ.setdefault("SPEECHD_ADDRESS", "unix_socket:/nonexistent/kiosk-tests-no-speech-dispatcher")


FAKETIME_SHIM = Path(__file__).resolve().parent / "faketime"


def faketime_env(env: dict[str, str]) -> dict[str, str]:
    """``env`` made fit for a test run under libfaketime (``faketime -f '@...'``).

    libfaketime 0.9.10 also fakes CLOCK_MONOTONIC by default; every timed wait in Python
    (Event.wait, Lock.acquire(timeout=), queue.get(timeout=)) then never returns and the
    run hangs in the first test with a background thread. Only the wall clock is what
    the tests move, so the monotonic clock stays real, and tests/faketime/sitecustomize.py
    mends time.sleep, which that combination breaks. With the "start at" form each child
    process (backend, OpenID provider) would start at that instant again, a minute in
    the past of a test a minute into the run: FAKETIME_DONT_RESET keeps one clock.
    """
    path = [str(FAKETIME_SHIM), str(REPO), *filter(None, env.get("PYTHONPATH", "").split(os.pathsep))]
    return {**env, "FAKETIME_DONT_FAKE_MONOTONIC": "1", "FAKETIME_DONT_RESET": "1",
            "PYTHONPATH": os.pathsep.join(dict.fromkeys(path))}


def pytest_configure(config) -> None:
    """Make ``faketime -f '@2026-12-05 21:40:00' python -m pytest ...`` work as typed:
    a run started under libfaketime restarts itself once with ``faketime_env``."""
    if "FAKETIME" not in os.environ or os.environ.get("FAKETIME_DONT_FAKE_MONOTONIC") == "1":
        return
    capture = config.pluginmanager.getplugin("capturemanager")
    if capture is not None:
        capture.suspend_global_capture(in_=True)  # give the restarted run the real stdout
    sys.stdout.flush()
    sys.stderr.flush()
    os.execve(sys.executable, [sys.executable, *sys.orig_argv[1:]], faketime_env(dict(os.environ)))


@pytest.fixture(autouse=True)
def collect_garbage_on_the_gui_thread():
    """Once a Qt test installed the GUI-thread collector (ui/collector.py), Python collects
    nothing by itself for the rest of the run: tests that never turn the event loop (the
    core's, the backend's) get their due collection here, between tests, on the main thread."""
    yield
    _delete_what_the_test_left_to_qt()
    collector = sys.modules.get("ui.collector")
    if collector is not None and collector.installed() is not None:
        collector.installed().collect_due()


def _delete_what_the_test_left_to_qt() -> None:
    """Windows a test made die in that test. pytest-qt closes the widgets of ``qtbot.addWidget``
    with ``deleteLater()`` after the test, outside any event loop, so without this Qt deleted
    them in the next test's first event loop (its settle step), with that test's own widgets
    going the same turn: one test's windows, timers and bridges lived on into another's, and
    the order of the tests decided what was deleted with what. Here, at the teardown of the
    test that made them (pytest-qt has called ``deleteLater()`` by now)."""
    if "PySide6.QtCore" not in sys.modules:
        return
    from PySide6.QtCore import QCoreApplication, QEvent

    if QCoreApplication.instance() is None:
        return
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    # A test that ended in Arabic left the whole application right to left (ui/bidi.py), and
    # the next test's bare widgets were mirrored: each test starts left to right.
    if "PySide6.QtWidgets" in sys.modules:
        from PySide6.QtCore import Qt
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance()
        if isinstance(app, QApplication) and app.layoutDirection() != Qt.LayoutDirection.LeftToRight:
            app.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    screenshots = sys.modules.get("ui.screenshots")
    if screenshots is not None:
        screenshots.forget_deleted_windows()   # their parts held them (and their services) for ever


FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def mini_catalogue_data() -> dict:
    return json.loads((FIXTURES / "mini_catalogue.json").read_text(encoding="utf-8"))


@pytest.fixture
def db(tmp_path):
    from kiosk.storage.db import open_database

    database = open_database(tmp_path / "kiosk.db")
    yield database
    database.close()


@pytest.fixture
def catalogue(db, mini_catalogue_data):
    from kiosk.catalogue.importer import import_catalogue
    from kiosk.catalogue.service import Catalogue

    import_catalogue(db, mini_catalogue_data)
    return Catalogue(db)


@pytest.fixture
def device_config(tmp_path) -> Path:
    """A device file that keeps all data inside the test's own folder."""
    path = tmp_path / "device.toml"
    path.write_text(f'[device]\ndata_dir = "{(tmp_path / "data").as_posix()}"\n', encoding="utf-8")
    return path


# -- the reference backend and a kiosk pointed at it (helpers in tests/backend.py) ------------
@pytest.fixture(scope="module")
def backend(tmp_path_factory):
    """The reference backend on SQLite, one process per test module."""
    from tests.backend import start_backend

    workdir = tmp_path_factory.mktemp("backend")
    proc = start_backend(f"sqlite:///{workdir / 'backend.db'}", workdir)
    yield proc
    proc.stop()


@pytest.fixture
def site(backend) -> str:
    return backend.new_site()


@pytest.fixture
def kiosk_data(tmp_path, backend, site) -> Path:
    """A kiosk data directory holding a one-time enrolment code for ``site``."""
    data = tmp_path / "data"
    data.mkdir()
    (data / "enrolment-code").write_text(backend.enrolment_code(site) + "\n")
    return data


@pytest.fixture
def make_worker(db, kiosk_data, backend):
    """A SyncWorker for the test's kiosk database; by default pointed at the backend."""
    from sync.worker import SyncWorker

    made = []

    def make(url: str | None = None, **kw):
        kw.setdefault("timeout_s", 5.0)
        kw.setdefault("interval_s", 3600)
        w = SyncWorker(db, base_url=url or backend.url, data_dir=kiosk_data, device_name="test-kiosk", **kw)
        made.append(w)
        return w

    yield make
    for w in made:
        w.stop()


@pytest.fixture(scope="session")
def postgres():
    """A real PostgreSQL server for this test session. Skipped with the reason when it
    cannot start here; in CI (CI=true) that is a failure instead."""
    from tests.sync.pgcluster import PostgresCluster, PostgresUnavailable

    try:
        cluster = PostgresCluster()
    except PostgresUnavailable as exc:
        if os.environ.get("CI") == "true":
            pytest.fail(f"PostgreSQL is required in CI but could not start: {exc}")
        pytest.skip(f"PostgreSQL could not start here: {exc}")
    yield cluster
    cluster.stop()


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def any_backend(request, tmp_path_factory):
    """The reference backend on SQLite and then on PostgreSQL, one process per module each."""
    from tests.backend import start_backend

    workdir = tmp_path_factory.mktemp(f"backend-{request.param}")
    if request.param == "sqlite":
        url = f"sqlite:///{workdir / 'backend.db'}"
    else:
        url = request.getfixturevalue("postgres").create_database(f"t_{uuid.uuid4().hex[:10]}")
    proc = start_backend(url, workdir)
    yield proc
    proc.stop()


# -- a real kiosk window (tests/ui, tests/identity, ...) ---------------------------------
# A Tuesday at 10:15 in Helsinki: the maternity clinic and the family café are open,
# the physiotherapist's phone line (Mondays only) is not.
TUESDAY_MORNING = datetime(2026, 11, 24, 10, 15, tzinfo=ZoneInfo("Europe/Helsinki"))


class FakeClock:
    """Monotonic seconds the test moves by hand, for the idle countdown."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def make_window(qtbot, catalogue, tmp_path):
    """make_window(resolution=..., language=..., extra_ui='...') -> a shown KioskWindow."""
    from kiosk.config import load_config
    from ui.app import create_window

    made = []

    def make(resolution: str = "1920x1080", extra_ui: str = "", notices: tuple[str, ...] = (), cat=None):
        device = tmp_path / f"device-{len(made)}.toml"
        device.write_text(f'[device]\ndata_dir = "{(tmp_path / "data").as_posix()}"\n'
                          f'[ui]\nresolution = "{resolution}"\n{extra_ui}\n', encoding="utf-8")
        config = load_config(device)
        window = create_window(config, cat if cat is not None else catalogue, notices=notices,
                               now=lambda: TUESDAY_MORNING)
        window.idle_watch.timer.stop()  # tests drive the countdown themselves
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        made.append(window)
        return window

    return make


@pytest.fixture
def window(make_window):
    return make_window()


# -- kiosks with their own database and sync worker (tests/participation, tests/announcements)
@dataclass
class Kiosk:
    """One kiosk: its own database, desk and sync worker."""

    db: object
    desk: object
    worker: object

    def sync(self):
        status = self.worker.sync_once()
        assert status.last_error is None, status.last_error
        return status


@pytest.fixture
def make_kiosk(tmp_path):
    from kiosk.participation import ParticipationDesk
    from kiosk.storage.db import open_database
    from sync.worker import SyncWorker

    made = []

    def make(backend, site, *, now=None, url=None) -> Kiosk:
        n = len(made) + 1
        data = Path(tmp_path / f"kiosk{n}")
        data.mkdir()
        (data / "enrolment-code").write_text(backend.enrolment_code(site) + "\n")
        db = open_database(data / "kiosk.db")
        worker = SyncWorker(db, base_url=url or backend.url, data_dir=data, device_name=f"kiosk-{n}",
                            timeout_s=30.0, interval_s=3600)
        desk = ParticipationDesk(db, now=now) if now else ParticipationDesk(db)
        k = Kiosk(db, desk, worker)
        made.append(k)
        return k

    yield make
    for k in made:
        k.worker.stop()
        k.db.close()
