"""The home screen at the site's own text: everything on it in sight without scrolling."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QAbstractButton

from tests.ui.conftest import settle
from ui.i18n import LANGUAGES

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore(r"does not support propagateSizeHints")]


@pytest.mark.parametrize("resolution", ["1920x1080", "1280x800"])
def test_home_fits_the_screen_in_every_language(qtbot, tmp_path, resolution):
    """With every module on (seven tiles), at NORMAL text, in every UI language: the page does
    not scroll and every tile, the staff button, Aa and the language switch stand whole inside
    the window. At 1280x800 the page was ~90 px taller than the screen (135 px in Arabic, whose
    lines are half again as tall) and the staff button stood below the fold."""
    from PySide6.QtWidgets import QApplication

    from kiosk.catalogue.service import Catalogue
    from kiosk.storage.db import open_database
    from ui import screenshots
    from ui.app import load_demo_catalogue
    from ui.appearance import NORMAL

    db = open_database(tmp_path / "kiosk.db")
    load_demo_catalogue(db)
    window = screenshots.demo_window(QApplication.instance(), db, Catalogue(db), tmp_path, resolution)
    qtbot.addWidget(window)
    home = window.screen("home")
    page = window.stack.page_of(home)
    problems = []
    try:
        assert set(home.tiles) == {"find", "book", "checkin", "queue", "nurse", "feedback", "participation"}
        for lang in LANGUAGES:
            window.reset_for_next_person()
            window.translator.set_language(lang)
            settle(qtbot)
            assert window.appearance.step == NORMAL and window.current_screen() is home
            if page.verticalScrollBar().maximum() != 0:
                problems.append((lang, "page scrolls", page.verticalScrollBar().maximum()))
            sight = page.viewport().rect().translated(page.viewport().mapTo(window, page.viewport().rect().topLeft()))
            wanted = [*home.tiles.values(), home.staff]
            bar = [b for b in window.top_bar.findChildren(QAbstractButton) if b.isVisible()]
            assert len(bar) >= 2   # Aa and the language switch (Home and Back are hidden at home)
            for w in wanted + bar:
                assert w.isVisible(), (lang, w.objectName())
                r = w.rect().translated(w.mapTo(window, w.rect().topLeft()))
                if not window.rect().contains(r) or (w in wanted and not sight.contains(r)):
                    problems.append((lang, w.objectName() or w.accessibleName(), r.getRect()))
    finally:
        screenshots.parts_of(window).session_bridge.stop()
        window.close()
        settle(qtbot)
        db.close()
    assert not problems, problems
