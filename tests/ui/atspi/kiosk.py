"""The kiosk, every service attached, shown on a real X display for the AT-SPI walk.

Prints ``SCENE <name> <language>`` once a scene is on screen and shows the next after a
line on stdin; ``DONE`` at the end. Run by tests/ui/atspi/session.py.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from tests.backend import free_port

ROOT = Path(__file__).resolve().parents[3]
SCENES = ("home", "browse", "results", "service", "search", "queue", "feedback", "booking",
          "participation", "video", "login", "message", "large-text")
LANGUAGES = ("fi", "sv")


def main() -> int:
    from PySide6.QtWidgets import QApplication

    from kiosk.catalogue.importer import import_catalogue, load_file
    from kiosk.catalogue.service import Catalogue
    from kiosk.config import load_config
    from kiosk.storage.db import open_database
    from ui.app import create_window
    from ui.services import build_services
    from ui.wiring import attach_services

    app = QApplication(sys.argv[:1])
    app.setApplicationName("welfare-kiosk")
    data = Path(tempfile.mkdtemp(prefix="kiosk-atspi-"))
    db = open_database(data / "kiosk.db")
    import_catalogue(db, load_file(ROOT / "tests" / "fixtures" / "mini_catalogue.json"))
    catalogue = Catalogue(db)
    device = data / "device.toml"
    device.write_text(f'[device]\ndata_dir = "{data.as_posix()}"\n'
                      f'[backend]\nurl = "http://127.0.0.1:{free_port()}"\ntimeout_s = 1.0\n'
                      '[queue]\nlines = ["health-walkin"]\n[video]\non_demand_service = "health-station"\n',
                      encoding="utf-8")
    config = load_config(device)
    services = build_services(config, db, catalogue, sync=False)
    window = create_window(config, catalogue, services=services)
    window.idle_watch.timer.stop()
    parts = attach_services(window, services)
    window.show()

    def settle(ms: int = 300) -> None:
        from PySide6.QtCore import QEventLoop, QTimer
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    def show(scene: str) -> None:
        window.overlay.dismiss()
        if parts.login is not None:
            parts.login.clear()
        window.appearance.set_large(False)
        window.flow.home()
        if scene == "home":
            pass
        elif scene == "service":
            window.flow.go("service", service_id="health-station")
        elif scene == "message":
            window.show_message("home.not_yet.heading", "home.not_yet.message", what="x")
        elif scene == "login":
            parts.login.ask()
        elif scene == "large-text":
            window.appearance.set_large(True)
        else:
            window.flow.go(scene)
        settle(800 if scene == "video" else 300)
        window.repaint()

    # The event loop must keep running between scenes: AT-SPI questions are answered on
    # the GUI thread, so the next line on stdin arrives through a socket notifier.
    from PySide6.QtCore import QSocketNotifier, QTimer

    todo = [(lang, scene) for lang in LANGUAGES for scene in SCENES]

    def next_scene() -> None:
        if not todo:
            print("DONE", flush=True)
            parts.session_bridge.stop()
            app.quit()
            return
        lang, scene = todo.pop(0)
        window.translator.set_language(lang)
        show(scene)
        print(f"SCENE {scene} {lang}", flush=True)

    def line_arrived() -> None:
        if not sys.stdin.readline():
            app.exit(1)
            return
        next_scene()

    notifier = QSocketNotifier(sys.stdin.fileno(), QSocketNotifier.Type.Read)
    notifier.activated.connect(line_arrived)
    QTimer.singleShot(500, next_scene)
    rc = app.exec()
    window.close()
    db.close()
    return rc


if __name__ == "__main__":
    sys.exit(main())
