"""Notices on screen, from the REAL backend over HTTP: the home screen's info board,
the urgent line on the service card and the queue display, in Finnish and Swedish at
both kiosk sizes (screenshots with widget.grab(), kept under the test's tmp folder)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel

from kiosk.announcements import AnnouncementBoard
from kiosk.catalogue.service import Catalogue
from kiosk.config import ModulesConfig
from kiosk.flow import KioskFlow, Place
from sync.server import announcements as backend_announcements
from ui.i18n import Translator
from ui.theme import LIGHT, metrics_for, stylesheet

# A top-level test widget on the offscreen platform: Qt says it cannot pass size hints on.
pytestmark = pytest.mark.gui
CLOSED = {"fi": "Terveysasema on suljettu tänään. Päivystys: Malmin sairaala.",
          "sv": "Hälsostationen är stängd i dag. Jour: Malms sjukhus.",
          "en": "The health station is closed today. Emergencies: Malmi hospital."}
HOURS = {"fi": "Kirjasto on auki jouluaattona klo 10–14.", "sv": "Biblioteket är öppet på julafton kl. 10–14.",
         "en": "The library is open on Christmas Eve 10–14."}


@pytest.fixture
def kiosk(backend, make_kiosk):
    site = backend.new_site()
    now = datetime.now(timezone.utc)
    backend_announcements.create_announcement(backend.sessions, texts=CLOSED, sites=[site], priority="urgent",
                                              service_ids=["health-station"], starts=now - timedelta(hours=1),
                                              ends=now + timedelta(hours=10), announcement_id=f"closed-{site}"[:64])
    backend_announcements.create_announcement(backend.sessions, texts=HOURS, sites=[site],
                                              starts=now - timedelta(hours=2), ends=now + timedelta(days=3))
    k = make_kiosk(backend, site)
    k.sync()
    k.site = site
    return k


def shown_texts(widget) -> list[str]:
    return [lab.text() for lab in widget.findChildren(QLabel) if lab.isVisibleTo(widget) and lab.text()]


@pytest.mark.parametrize("size", ["1920x1080", "1280x800"])
@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_the_home_info_board_opens_with_the_notices(qtbot, kiosk, tmp_path, lang, size):
    from ui.screens.home import HomeScreen

    board = AnnouncementBoard(kiosk.db)
    metrics = metrics_for(size)
    flow = KioskFlow()
    home = HomeScreen(flow=flow, tr=Translator(lang), metrics=metrics, modules=ModulesConfig(booking=True, queue=True, video=True, feedback=True, participation=True),
                      show_message=lambda *a, **k: None, announcements=board)
    home.setStyleSheet(stylesheet(LIGHT, metrics))
    home.resize(*map(int, size.split("x")))
    qtbot.addWidget(home)
    home.show()
    home.enter(Place("home"))
    toggle = home.findChild(QAbstractButton, "notices-open")
    urgent_word = {"fi": "Tärkeää", "sv": "Viktigt"}[lang]
    assert toggle.isVisible() and "(2)" in toggle.text() and urgent_word in toggle.text()  # urgent first
    assert toggle.accessibleName() == toggle.text()
    qtbot.mouseClick(toggle, Qt.MouseButton.LeftButton)
    texts = shown_texts(home)
    assert not home.tile_area.isVisible()                      # the open board has the tiles' room
    assert f"{urgent_word}: {CLOSED[lang]}" in texts and HOURS[lang] in texts
    other = "en"
    assert not any(CLOSED[other] in t or HOURS[other] in t for t in texts)  # no English on a fi/sv screen
    image = home.grab()
    path = tmp_path / f"home-notices-{lang}-{size}.png"
    assert image.save(str(path)) and image.width() == int(size.split("x")[0])
    home.enter(Place("home"))  # the next person finds the board closed
    assert not toggle.isChecked() and HOURS[lang] not in shown_texts(home) and home.tile_area.isVisible()


def test_an_urgent_notice_shows_on_its_service_card_only(qtbot, kiosk):
    from ui.screens.service import ServiceScreen

    board = AnnouncementBoard(kiosk.db)
    metrics = metrics_for("1920x1080")
    screen = ServiceScreen(flow=KioskFlow(), tr=Translator("sv"), metrics=metrics, catalogue=Catalogue(kiosk.db),
                           now=lambda: datetime.now(timezone.utc), announcements=board)
    screen.resize(1920, 1000)
    qtbot.addWidget(screen)
    screen.show()
    screen.enter(Place("service", {"service_id": "health-station"}))
    # the card's rows appear at the next event loop turn
    qtbot.waitUntil(lambda: f"Viktigt: {CLOSED['sv']}" in shown_texts(screen), timeout=5_000)
    assert HOURS["sv"] not in " ".join(shown_texts(screen))   # an info notice stays on the home board
    screen.enter(Place("service", {"service_id": "maternity-clinic"}))
    qtbot.waitUntil(lambda: any("Mödrarådgivning" in t for t in shown_texts(screen)), timeout=5_000)
    assert not any(CLOSED["sv"] in t for t in shown_texts(screen))


def test_the_queue_display_shows_the_notices_and_drops_a_withdrawn_one(qtbot, backend, kiosk, tmp_path):
    from kiosk.queue import QueueLine, WalkInQueue
    from ui.queue_display import QueueDisplayWindow

    board = AnnouncementBoard(kiosk.db)
    display = QueueDisplayWindow(queue=WalkInQueue(kiosk.db, [QueueLine("health-walkin", "A", "health-station")]), tr=Translator("fi"),
                                 metrics=metrics_for("1920x1080"), announcements=board)
    display.resize(1920, 1080)
    qtbot.addWidget(display)
    display.show()
    assert f"Tärkeää: {CLOSED['fi']}" in shown_texts(display) and HOURS["fi"] in shown_texts(display)
    assert display.grab().save(str(tmp_path / "queue-display-notices-fi.png"))
    for a in backend_announcements.list_for_site(backend.sessions, kiosk.site):
        if a.urgent:
            backend_announcements.withdraw_announcement(backend.sessions, a.id)
    kiosk.sync()
    board.reload()  # what the window does after a pull that changed the catalogue
    qtbot.waitUntil(lambda: not any(CLOSED["fi"] in t for t in shown_texts(display)), timeout=5_000)
    assert HOURS["fi"] in shown_texts(display)

