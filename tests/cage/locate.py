"""Where the kiosk's buttons and keys stand on screen, for the taps of tests/cage.

``python -m tests.cage.locate --config DEVICE --out FOLDER [--type TEXT ...]``: builds the
kiosk window from the same device file as the kiosk under cage (offscreen, the same code,
theme and fonts: tests/cage/test_text.py shows Wayland and xcb draw them alike), walks it
through the places a test taps (home, browse, search and the language panel over it, in
each of the device's languages) and writes ``places.json``: for each place, every visible named widget
as [x, y, width, height] in window coordinates. For each ``--type`` text it also saves the
search field showing that text (``field-<lang>-<n>.png``): what the screenshot under cage
must show after the text was typed.

Reading positions from the code, not writing them into the tests, keeps the taps right
when a layout changes.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

os.environ["QT_QPA_PLATFORM"] = "offscreen"


def widgets(window) -> dict[str, list[int]]:
    from PySide6.QtWidgets import QWidget

    out = {}
    for w in window.findChildren(QWidget):
        name = w.objectName()
        if name and not name.startswith("qt_") and w.isVisibleTo(window) and w.isVisible():
            top_left = w.mapTo(window, w.rect().topLeft())
            out[name] = [top_left.x(), top_left.y(), w.width(), w.height()]
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--type", action="append", default=[], help="text to show in the search field")
    args = ap.parse_args(argv)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    import shutil

    from PySide6.QtWidgets import QApplication

    from kiosk import flow as places
    from kiosk.catalogue.service import Catalogue
    from kiosk.config import load_config
    from kiosk.storage.db import open_database
    from ui.app import create_window
    from ui.services import build_services
    from ui.wiring import attach_services

    config = load_config(Path(args.config))
    # A copy of the kiosk's database: the kiosk under cage keeps the original to itself.
    scratch = Path(tempfile.mkdtemp(prefix="locate-"))
    shutil.copy(config.data_dir / "kiosk.db", scratch / "kiosk.db")
    db = open_database(scratch / "kiosk.db")
    catalogue = Catalogue(db)
    services = build_services(config, db, catalogue, sync=False)
    app = QApplication(sys.argv[:1])
    window = create_window(config, catalogue, app=app, services=services)
    window.idle_watch.timer.stop()
    attach_services(window, services, app=app)
    window.show()
    app.processEvents()

    def settle():
        for _ in range(5):
            app.processEvents()

    found: dict[str, dict[str, list[int]]] = {}
    settle()
    found["home"] = widgets(window)
    switch = window.top_bar.languages
    for lang in config.ui.languages:
        switch.buttons[lang].click()
        window.flow.home()
        settle()
        found[f"home-{lang}"] = widgets(window)
        window.flow.go(places.BROWSE)
        settle()
        found[f"browse-{lang}"] = widgets(window)
        window.flow.go(places.SEARCH)
        settle()
        found[f"search-{lang}"] = widgets(window)
        if switch.menu_button is not None:
            switch.open_panel()
            settle()
            found[f"panel-{lang}"] = widgets(window)
            switch.close_panel()
            settle()
        field = window.screen(places.SEARCH).field
        for n, text in enumerate(args.type):
            field.setText(text)
            settle()
            field.grab().save(str(out / f"field-{lang}-{n}.png"))
        field.clear()
    (out / "places.json").write_text(json.dumps(found, ensure_ascii=False, indent=1), encoding="utf-8")
    window.close()
    db.close()
    shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
