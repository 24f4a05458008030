"""A child process for test_call_in_the_kiosk_window: the kiosk's own window (idle watch,
language switch, session parts) and an in-process call view (``video.separate_process =
false``), as the kiosk runs them. Prints ``loaded`` when the call page has loaded and the
window has been activated; a crash is the child's exit code."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    from ui.video import prepare_application

    prepare_application()
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from kiosk.catalogue.service import Catalogue
    from kiosk.config import load_config
    from kiosk.storage.db import open_database
    from tests.video.conftest import PageServer, make_call
    from ui.app import create_window
    from ui.video.room import VideoRoom

    app = QApplication(sys.argv[:1])
    tmp = Path(tempfile.mkdtemp(prefix="call-in-window-"))
    device = tmp / "device.toml"
    device.write_text(f'[device]\ndata_dir = "{tmp.as_posix()}"\n[ui]\nresolution = "1280x800"\n'
                      'languages = ["fi", "sv", "en", "et", "ru", "uk", "so", "ar"]\n', encoding="utf-8")
    config = load_config(device)
    db = open_database(tmp / "kiosk.db")
    window = create_window(config, Catalogue(db))
    window.show()
    window.activateWindow()
    pages = PageServer("127.0.0.1").start()
    room = VideoRoom(make_call(pages.url("/close.html")), (pages.netloc,), parent=window)
    room.view.resize(800, 600)
    room.view.show()
    result = {"loaded": False}

    def loaded(*_args) -> None:
        result["loaded"] = True
        room.view.setFocus()  # the focus change that reached Qt Quick's items
        QTimer.singleShot(500, app.quit)

    room.loaded.connect(loaded)
    QTimer.singleShot(20000, app.quit)
    room.start()
    app.exec()
    print("loaded" if result["loaded"] else "not loaded", flush=True)
    pages.stop()
    return 0 if result["loaded"] else 3


if __name__ == "__main__":
    raise SystemExit(main())
