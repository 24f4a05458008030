"""Start the kiosk: ``welfare-kiosk [--config PATH] [--demo] [--fullscreen] [--version] [--exit-when-ready]``.

Start-up is kept short: Qt is imported only after the configuration is known to be
good, and every screen but home is built the first time someone opens it.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from pathlib import Path

from kiosk.config import REPO_ROOT, Config, ConfigError, load_config
from kiosk.packaged import asset

log = logging.getLogger("ui.app")

DEMO_CATALOGUE = asset("demo", "catalogue.json")
# Until the full demo catalogue exists, the small test catalogue keeps `make run` useful.
FALLBACK_CATALOGUE = REPO_ROOT / "tests" / "fixtures" / "mini_catalogue.json"

_IMPORTED_AT = time.monotonic()

# The GUI thread shares one interpreter with the runner's threads (database, QR codes, the
# network) and the sync worker. Every Python call Qt makes into the kiosk during a paint
# (paint events, heights for widths, event filters) takes the interpreter lock again, and
# with Python's default 5 ms switch interval a busy background thread keeps it up to that
# long each time; 1 ms keeps the longest GUI stall of a 10,000-item sync drain within a
# frame (benchmarks/sync_drain.py, docs/benchmarks.md). Set once on the start path.
GUI_SWITCH_INTERVAL_S = 0.001


def set_gui_switch_interval() -> float:
    """The interpreter's switch interval as the kiosk runs (``main()``, before any thread
    starts; the flow and sync benchmarks call it too); returns the interval in force."""
    if sys.getswitchinterval() > GUI_SWITCH_INTERVAL_S:
        sys.setswitchinterval(GUI_SWITCH_INTERVAL_S)
    return sys.getswitchinterval()


def ms_since_process_start() -> float:
    """Milliseconds since the kernel started this process (not since Python got going)."""
    try:
        uptime = float(Path("/proc/uptime").read_text().split()[0])
        stat = Path("/proc/self/stat").read_text()
        start_ticks = int(stat.rsplit(")", 1)[1].split()[19])
        return (uptime - start_ticks / os.sysconf("SC_CLK_TCK")) * 1000.0
    except (OSError, ValueError, IndexError):
        return (time.monotonic() - _IMPORTED_AT) * 1000.0


def rss_kb() -> int:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def version() -> str:
    from kiosk.version import app_version  # the one definition (pyproject.toml via the metadata)

    return app_version()


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="welfare-kiosk", description="Touch-screen welfare kiosk.")
    p.add_argument("--config", metavar="PATH", help="device configuration file (over config/default.toml)")
    p.add_argument("--demo", action="store_true", help="load the demo catalogue when the kiosk has none")
    p.add_argument("--fullscreen", action="store_true", help="kiosk mode: full screen, no window decorations")
    p.add_argument("--version", action="store_true", help="print the version and exit")
    p.add_argument("--exit-when-ready", action="store_true",
                   help="for benchmarks: print 'KIOSK_READY <ms> <VmRSS kB>' once home is shown, then exit")
    return p.parse_args(argv)


def load_demo_catalogue(db) -> str | None:
    """Import the demo catalogue when the kiosk has none; returns what was imported."""
    from sqlalchemy import func, select

    from kiosk.storage.models import ServiceRecord

    with db.engine.connect() as conn:
        if conn.scalar(select(func.count()).select_from(ServiceRecord.__table__)):
            return None
    # The importer (and its validation rules) only when there is something to import:
    # a warm start does not load it.
    from kiosk.catalogue.importer import CatalogueError, import_catalogue, load_file

    source = DEMO_CATALOGUE if DEMO_CATALOGUE.exists() else FALLBACK_CATALOGUE
    try:
        result = import_catalogue(db, load_file(source))
    except CatalogueError as exc:
        # A broken demo file must not stop the kiosk; it starts with an empty catalogue.
        log.error("demo catalogue %s not imported:\n%s", source, exc)
        return None
    log.info("imported demo catalogue %s: %s", source, result)
    return source.name


def apply_theme(app, config: Config):
    """Style sheet and font for the whole application, in the site's theme at ordinary
    size; returns the appearance (``.base_metrics`` are the layout sizes)."""
    from ui.appearance import Appearance

    appearance = Appearance(theme=config.ui.theme, resolution=config.ui.resolution, app=app)
    appearance.apply()
    return appearance


def create_window(config: Config, catalogue, *, notices: tuple[str, ...] = (), app=None, now=None,
                  services=None):
    """The kiosk window with its theme, language, idle watch and core screens; used by
    main() and the tests. With ``services`` (ui.services.KioskServices) the catalogue,
    notices and clock come from there."""
    from datetime import datetime, timezone

    from PySide6.QtWidgets import QApplication

    from kiosk.flow import KioskFlow
    from ui.background import app_runner
    from ui.bidi import follow_language
    from ui.collector import collect_on_gui_thread
    from ui.i18n import Translator
    from ui.idle_watch import IdleWatch
    from ui.window import KioskWindow, register_core_screens

    app = app or QApplication.instance()
    # Before any worker thread can free a cycle holding this window (ui/collector.py).
    collect_on_gui_thread(app)
    appearance = apply_theme(app, config)
    metrics = appearance.base_metrics
    announcements = None
    if services is not None:
        catalogue, notices, now = services.catalogue, services.notices, services.now
        announcements = services.announcements
    translator = Translator(config.ui.default_language)
    follow_language(translator, app)  # right to left for Arabic, before any screen is built
    window = KioskWindow(config=config, translator=translator, flow=KioskFlow(), metrics=metrics,
                         appearance=appearance)
    register_core_screens(window, config=config, catalogue=catalogue, notices=tuple(notices), version=version(),
                          now=now or (lambda: datetime.now(timezone.utc)), announcements=announcements)
    window.setWindowTitle("Welfare kiosk")
    width, height = config.window_size
    window.resize(width, height)
    window.idle_watch = IdleWatch(window, timeout_s=config.ui.idle_timeout_s, warning_s=config.ui.idle_warning_s)
    # Background work that failed with nobody to handle it: logged by the runner, told here.
    app_runner().report_failure = lambda _exc: window.show_message("common.error.heading", "common.error.message")
    return window


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.version:
        print(f"welfare-kiosk {version()}")
        return 0
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s",
                        stream=sys.stderr)
    logging.getLogger("alembic").setLevel(logging.WARNING)  # migrations are routine; keep the log readable
    from kiosk.lockdown import apply_from_environment
    apply_from_environment()  # the kiosk unit: no program but the kiosk's own may start (cage shows the newest window)
    try:
        config = load_config(args.config)
    except ConfigError as exc:
        print(f"configuration error: {exc}", file=sys.stderr)
        return 2

    from kiosk.catalogue.service import Catalogue
    from kiosk.storage.db import open_database

    db_path = config.data_dir / "kiosk.db"
    try:
        db = open_database(db_path)
    except OSError as exc:
        print(f"cannot open the kiosk database {db_path}: {exc}", file=sys.stderr)
        return 1
    for notice in db.notices:
        log.warning("%s", notice)
    # Start-up reads and writes stay on this thread before the window exists (no GUI yet):
    # the demo import and the catalogue load.
    if args.demo:
        load_demo_catalogue(db)
    catalogue = Catalogue(db, index_later=True)  # home has no search: the index is built after ready
    set_gui_switch_interval()  # before the first background thread starts

    # The composition root: every service once, from the configuration.
    # --exit-when-ready measures start-up only: no sync thread, no network.
    from ui.services import build_services
    services = build_services(config, db, catalogue, sync=not args.exit_when_ready, version=version())

    from PySide6.QtCore import QTimer, Qt
    from PySide6.QtWidgets import QApplication

    from ui.video import prepare_application
    prepare_application()  # must precede QApplication for the call view's later lazy start
    app = QApplication(sys.argv[:1])
    app.setApplicationName("welfare-kiosk")
    from ui.background import BackgroundCalls, app_runner
    runner = app_runner()  # made now, so that aboutToQuit shuts it down
    window = create_window(config, catalogue, app=app, services=services)
    from ui.wiring import attach_services
    parts = attach_services(window, services, app=app)
    if services.sync_worker is not None:
        services.sync_worker.start()
    if config.ui.fullscreen or args.fullscreen:
        window.setWindowFlag(Qt.WindowType.FramelessWindowHint, True)
        window.showFullScreen()
    else:
        window.show()

    if args.exit_when_ready:
        def ready() -> None:
            # The zero timer fires once the loop has handled the show and paint events.
            print(f"KIOSK_READY {ms_since_process_start():.0f} {rss_kb()}", flush=True)
            app.exit(0)
        QTimer.singleShot(0, ready)

    # After the first paint, off the GUI thread: the search index (tens of ms). A search
    # typed before it is done builds it (or waits for it) itself.
    background = BackgroundCalls(app)
    QTimer.singleShot(0, lambda: background.run(catalogue.prepare_index))
    QTimer.singleShot(0, parts.build_deferred)  # the login covers, on the GUI thread, before anyone taps
    start_liveness(app, window)
    QTimer.singleShot(0, lambda: tune_garbage_collector(window))  # after the first paint: start-up is done
    rc = app.exec()
    runner.shutdown(wait=True)  # aboutToQuit did it already when the loop quit; a second call is harmless
    services.stop()
    db.close()
    return rc


# A full collection when nobody is at the screen: some seconds after the reset for the next
# person, if the kiosk is still at home untouched.
IDLE_COLLECT_AFTER_MS = 5000


def tune_garbage_collector(window) -> dict:
    """The collector as a long-running kiosk wants it, once home is ready (as web servers do
    with ``gc.freeze()`` before forking): what start-up made (modules, the catalogue, the
    screens built so far) moves to the permanent generation, so later collections do not
    walk it; and the full collection that clears cycles is made at an idle moment after the
    reset for the next person rather than in the middle of someone's tap. Returns what was
    set (benchmarks report it).

    Measured (docs/benchmarks.md): a full collection of the demo window's 130,000 objects
    held the GUI thread 85-120 ms; frozen, well under 1 ms. Python's thresholds stay: its
    young collections took under 2 ms in the flows, and a larger young generation only
    made each longer."""
    import gc

    from PySide6.QtCore import QTimer

    gc.collect()  # what start-up left as garbage is freed, not frozen (once, home just shown)
    gc.freeze()
    idle = QTimer(window)  # the window's child: lives and dies with it
    idle.setObjectName("idle-gc")
    idle.setSingleShot(True)
    idle.setInterval(IDLE_COLLECT_AFTER_MS)

    def collect_if_nobody_is_here() -> None:
        if not window.has_something_to_reset():
            gc.collect()
    idle.timeout.connect(collect_if_nobody_is_here)
    window.flow.on_reset(idle.start)
    return {"frozen": gc.get_freeze_count(), "thresholds": list(gc.get_threshold()),
            "idle_collect_after_ms": IDLE_COLLECT_AFTER_MS}


def start_liveness(app, window) -> None:
    """Tell systemd the kiosk is up (READY=1) and keep pinging its watchdog; the
    updater takes a version as healthy only after ready(). Outside systemd both do nothing.
    The timer stays on the GUI thread (a GUI that hangs must stop the pings); the ping's
    socket and file writes go to the runner."""
    from PySide6.QtCore import QTimer

    from sync.update.watchdog import KioskLiveness
    from ui.background import BackgroundCalls

    liveness = KioskLiveness.from_environment()
    liveness.ready()
    calls = BackgroundCalls(app)
    ping = QTimer(app)
    ping.setInterval(liveness.ping_interval_ms())

    def tick() -> None:
        idle = not window.has_something_to_reset()
        calls.run(lambda: liveness.ping(idle=idle))
    ping.timeout.connect(tick)
    ping.start()
    app.aboutToQuit.connect(liveness.stopping)  # a clean quit is not a failed start (sync/update/probation.py)
    return liveness


if __name__ == "__main__":
    sys.exit(main())
