"""The service card at 200 % text on a low screen: one page that scrolls, not two side by side."""

from __future__ import annotations

import pytest

from tests.ui.conftest import settle


@pytest.mark.gui
@pytest.mark.conformance("WCAG 1.4.10")
@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_the_qr_card_goes_under_the_card_when_it_is_taller_than_the_screen(qtbot, tmp_path, lang):
    """At 200 % text at 1280x800 the QR code and its hint are taller than the page. Beside the
    card, the page then scrolled as well as the card's own text: two scroll bars side by side,
    and the code's hint cut off at the bottom until one found the second. The side card now
    goes under the card's text, in its one scrolling, and comes back beside it at the site's
    text size."""
    from PySide6.QtCore import QRect
    from PySide6.QtWidgets import QApplication

    from kiosk.catalogue.service import Catalogue
    from kiosk.storage.db import open_database
    from ui import screenshots
    from ui.app import load_demo_catalogue
    from ui.appearance import LARGEST

    db = open_database(tmp_path / "kiosk.db")
    load_demo_catalogue(db)
    window = screenshots.demo_window(QApplication.instance(), db, Catalogue(db), tmp_path, "1280x800")
    qtbot.addWidget(window)
    parts = screenshots.parts_of(window)
    try:
        (show_card,) = [action for name, action in screenshots.scenes(window) if name == "10-service-card"]
        window.reset_for_next_person()
        window.translator.set_language(lang)
        show_card()
        settle(qtbot)
        card = window.current_screen()
        page = window.stack.page_of(card)
        scrolled = card.area.widget()
        assert not scrolled.isAncestorOf(card.side)   # the site's text: the code beside the card

        window.appearance.set_step(LARGEST)
        settle(qtbot)
        qtbot.waitUntil(lambda: scrolled.isAncestorOf(card.side))
        settle(qtbot)
        assert page.verticalScrollBar().maximum() == 0   # only the card's own text scrolls
        bar = card.area.verticalScrollBar()
        bar.setValue(bar.maximum())
        settle(qtbot)
        viewport = card.area.viewport()
        shown = QRect(card.side.mapTo(viewport, card.side.rect().topLeft()), card.side.size())
        assert 0 <= shown.bottom() <= viewport.rect().bottom(), (shown, viewport.rect())   # it ends in sight
        hint = card.qr_hint
        assert hint.isVisible() and card.qr.isVisible()
        assert hint.height() >= hint.heightForWidth(hint.width()) - 2   # every line of the hint shown
        assert not hint.geometry().intersects(card.qr.geometry())   # under the code, not over it

        window.appearance.set_step(0)
        settle(qtbot)
        qtbot.waitUntil(lambda: not scrolled.isAncestorOf(card.side))
        assert card.side.isVisible() and page.verticalScrollBar().maximum() == 0
    finally:
        parts.session_bridge.stop()
        window.close()
        settle(qtbot)
        db.close()
