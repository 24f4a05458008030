"""The home screen at the site's own text: everything on it in sight without scrolling."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QAbstractButton

from tests.ui.conftest import settle
from ui.i18n import LANGUAGES

pytestmark = pytest.mark.gui


# The longest notice the project's demos and tests show (tests/announcements), urgent so it
# carries "Tärkeää:" too; and one at the longest a notice may be (kiosk.announcements.TEXT_MAX).
CLOSED = {"fi": "Terveysasema on suljettu tänään. Päivystys: Malmin sairaala.",
          "sv": "Hälsostationen är stängd i dag. Jour: Malms sjukhus.",
          "en": "The health station is closed today. Emergencies: Malmi hospital."}
HOURS = {"fi": "Kirjasto on auki jouluaattona klo 10–14.", "sv": "Biblioteket är öppet på julafton kl. 10–14.",
         "en": "The library is open on Christmas Eve 10–14."}
LONGEST = {"fi": ("Terveysasema on suljettu remontin vuoksi koko joulukuun. Päivystys: Malmin sairaala, "
                  "Talvelantie 6. Soita ensin päivystysapuun 116 117, niin saat ohjeet. ") * 3}
NOTICES = {"none": [], "one": [("closed", CLOSED, "urgent")],
           "two, the first as long as a notice may be": [("longest", LONGEST, "urgent"), ("hours", HOURS, "info")]}


def put_notices(db, board, notices, now) -> None:
    """The notices as a catalogue pull stores them, then the board reloaded (as after a sync)."""
    from datetime import timedelta

    from sqlalchemy import delete

    from kiosk.announcements import KIND, TEXT_MAX, parse_announcement
    from kiosk.storage.models import CatalogueEntryRecord

    with db.sessions.begin() as s:
        s.execute(delete(CatalogueEntryRecord).where(CatalogueEntryRecord.kind == KIND))
        for i, (aid, texts, priority) in enumerate(notices):
            texts = {lang: text.strip()[:TEXT_MAX] for lang, text in texts.items()}
            d = {"id": aid, "texts": texts, "priority": priority, "service_ids": [],
                 "starts": (now - timedelta(minutes=10 + i)).isoformat(), "ends": (now + timedelta(hours=8)).isoformat()}
            parse_announcement(d)  # a notice the backend would accept
            s.add(CatalogueEntryRecord(kind=KIND, id=aid, data=d))
    board.reload()


@pytest.mark.parametrize("resolution", ["1920x1080", "1280x800"])
def test_home_fits_the_screen_in_every_language(qtbot, tmp_path, resolution):
    """With every module on (seven tiles), at NORMAL text, in every UI language, with no notice,
    one, or two whose first is as long as a notice may be: the page does not scroll either
    way and every tile, the staff button, the notice line, Aa and the language switch stand
    whole inside the window. At 1280x800 the page was ~90 px taller than the screen (135 px in
    Arabic, whose lines are half again as tall) and the staff button stood below the fold; with
    a notice it scrolled by 2-73 px, and a notice of 400 characters made it scroll sideways."""
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
        for case, notices in NOTICES.items():
            put_notices(db, screenshots.parts_of(window).services.announcements, notices, screenshots.FIXED_NOW)
            for lang in LANGUAGES:
                window.reset_for_next_person()
                window.translator.set_language(lang)
                settle(qtbot)
                assert window.appearance.step == NORMAL and window.current_screen() is home
                assert home.notices.isVisible() == bool(notices), case
                for bar_ in (page.verticalScrollBar(), page.horizontalScrollBar()):
                    if bar_.maximum() != 0:
                        problems.append((case, lang, "page scrolls", bar_.orientation().name, bar_.maximum()))
                sight = page.viewport().rect().translated(page.viewport().mapTo(window, page.viewport().rect().topLeft()))
                wanted = [*home.tiles.values(), home.staff] + ([home.notices.toggle] if notices else [])
                if notices:
                    first = notices[0][1]
                    toggle = home.notices.toggle
                    # The line begins the first notice, in this language's words or the city's own,
                    # and says all of it to a screen reader.
                    assert toggle.accessibleName() == toggle.full_text() and first.get(lang, first["fi"]).strip()[:20] \
                        in toggle.full_text(), (case, lang)
                    assert toggle.fontMetrics().horizontalAdvance(toggle.text()) <= toggle.width(), (case, lang)
                bar = [b for b in window.top_bar.findChildren(QAbstractButton) if b.isVisible()]
                assert len(bar) >= 2   # Aa and the language switch (Home and Back are hidden at home)
                for w in wanted + bar:
                    assert w.isVisible(), (lang, w.objectName())
                    r = w.rect().translated(w.mapTo(window, w.rect().topLeft()))
                    if not window.rect().contains(r) or (w in wanted and not sight.contains(r)):
                        problems.append((case, lang, w.objectName() or w.accessibleName(), r.getRect()))
    finally:
        screenshots.parts_of(window).session_bridge.stop()
        window.close()
        settle(qtbot)
        db.close()
    assert not problems, problems
