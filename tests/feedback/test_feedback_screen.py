"""The feedback screen with real widgets (pytest-qt) on a real kiosk database."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from sqlalchemy import select

from kiosk.feedback import FeedbackBox
from kiosk.flow import KioskFlow, Place
from kiosk.storage.models import OutboxItem
from ui.i18n import Translator
from ui.theme import LIGHT, metrics_for, stylesheet

pytestmark = pytest.mark.gui


def stored(qtbot) -> None:
    """The answer is written on the app's database thread: wait until it handed back."""
    from ui.background import app_runner
    qtbot.waitUntil(app_runner().db_idle, timeout=10000)


def items(db, kind):
    with db.sessions() as s:
        return [i.payload for i in s.scalars(select(OutboxItem).where(OutboxItem.kind == kind))]


@pytest.fixture
def screen(qtbot, db, catalogue):
    from ui.screens.feedback import FeedbackScreen

    metrics = metrics_for("1920x1080")
    flow = KioskFlow()
    flow.add_place("feedback")
    s = FeedbackScreen(flow=flow, tr=Translator("fi"), metrics=metrics, catalogue=catalogue,
                       box=FeedbackBox(db, repeat_interval_s=4.0))
    s.setStyleSheet(stylesheet(LIGHT, metrics))
    s.resize(1920, 1000)
    qtbot.addWidget(s)
    s.show()
    return s


def test_one_tap_counts_and_the_rest_is_optional(qtbot, db, screen):
    screen.enter(Place("feedback", {"service_id": "maternity-clinic", "context": "booking"}))
    assert screen.pages.currentIndex() == 1
    assert [b.accessibleName() for b in screen.smileys] == ["Tosi tyytymätön", "Tyytymätön", "Tyytyväinen",
                                                           "Tosi tyytyväinen"]
    qtbot.mouseClick(screen.smileys[3], Qt.MouseButton.LeftButton)
    stored(qtbot)
    [answer] = items(db, "feedback")
    assert answer["smiley"] == 4 and answer["context"] == "booking" and answer["provider_id"] == "city-health"
    assert not {"subject", "name"} & answer.keys()
    qtbot.mouseClick(screen.done, Qt.MouseButton.LeftButton)  # nothing more
    assert screen.sent.isVisible() and items(db, "feedback_details") == []


def test_score_and_a_comment_with_markup_are_sent_as_typed_plain_text(qtbot, db, screen):
    screen.enter(Place("feedback", {}))  # from the home tile: the likely service, or another one
    stored(qtbot)
    qtbot.mouseClick(screen.other_service, Qt.MouseButton.LeftButton)
    assert screen.pages.currentIndex() == 0
    screen.service_list.chosen.emit("family-cafe")
    qtbot.mouseClick(screen.smileys[1], Qt.MouseButton.LeftButton)
    stored(qtbot)
    qtbot.mouseClick(screen.scores[9], Qt.MouseButton.LeftButton)
    assert screen.scores[9].isChecked()
    qtbot.keyClicks(screen.comment, "<b>kahvi</b> & pulla")
    qtbot.mouseClick(screen.keyboard.keys["ä"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(screen.send, Qt.MouseButton.LeftButton)
    stored(qtbot)
    [details] = items(db, "feedback_details")
    assert details["nps"] == 9 and details["comment"] == "<b>kahvi</b> & pullaä"
    # Every label of this screen shows text as plain text, never as markup (the shared
    # service list's rows are the catalogue's, outside this screen).
    for lab in screen.findChildren(QLabel):
        if lab.text() and not screen.service_list.isAncestorOf(lab):
            assert lab.textFormat() == Qt.TextFormat.PlainText, lab.text()


def test_drumming_on_the_smileys_counts_once(qtbot, db, screen):
    for _ in range(5):
        screen.enter(Place("feedback", {"service_id": "health-station"}))
        qtbot.mouseClick(screen.smileys[0], Qt.MouseButton.LeftButton)
        stored(qtbot)
    assert len(items(db, "feedback")) == 1


# -- issue 20: from the home tile, the service the person most likely means ------------------
from datetime import datetime, timedelta, timezone

from kiosk import outbox

NOW = datetime(2026, 12, 5, 21, 40, tzinfo=timezone.utc)  # 23.40 in Helsinki: any hour works


@pytest.fixture
def home_screen(qtbot, db, catalogue):
    from ui.screens.feedback import FeedbackScreen

    metrics = metrics_for("1280x800")
    flow = KioskFlow()
    flow.add_place("feedback")
    s = FeedbackScreen(flow=flow, tr=Translator("sv"), metrics=metrics, catalogue=catalogue,
                       box=FeedbackBox(db, repeat_interval_s=4.0, now=lambda: NOW), now=lambda: NOW)
    s.setStyleSheet(stylesheet(LIGHT, metrics))
    s.resize(1280, 700)
    qtbot.addWidget(s)
    s.show()
    return s


def _used(db, kind, payload, minutes_ago):
    with db.sessions.begin() as s:
        outbox.record(s, kind, payload, now=NOW - timedelta(minutes=minutes_ago))


def test_the_service_just_booked_here_gets_its_smileys_in_one_tap(qtbot, db, home_screen):
    _used(db, "booking", {"slot_id": "s1", "service_id": "maternity-clinic", "subject": "x"}, 3)
    home_screen.enter(Place("feedback", {}))
    stored(qtbot)
    assert home_screen.pages.currentIndex() == 1  # the smileys at once
    assert home_screen.service_name.text() == "Mödrarådgivning"
    assert home_screen.other_service.isVisible() and "health-station" in home_screen.other_buttons  # walk-in next
    qtbot.mouseClick(home_screen.smileys[2], Qt.MouseButton.LeftButton)  # the one tap
    stored(qtbot)
    [answer] = items(db, "feedback")
    assert answer["service_id"] == "maternity-clinic" and answer["smiley"] == 3 and answer["context"] == "home"


def test_a_queue_ticket_counts_as_use_and_an_old_use_does_not(qtbot, db, home_screen):
    _used(db, "booking", {"slot_id": "s1", "service_id": "family-cafe"}, 45)  # another person's, long ago
    _used(db, "queue_ticket", {"ticket_id": "t1", "event": "issued", "line_id": "health-walkin"}, 2)
    home_screen.enter(Place("feedback", {}))
    stored(qtbot)
    assert home_screen.service_name.text() == "Hälsostation, hälsovård"
    qtbot.mouseClick(home_screen.other_buttons["family-cafe"], Qt.MouseButton.LeftButton)  # most used, offered
    assert home_screen.service_name.text() == "Familjecafé"
    assert home_screen.pages.currentIndex() == 1
    qtbot.mouseClick(home_screen.smileys[0], Qt.MouseButton.LeftButton)
    stored(qtbot)
    assert [a["service_id"] for a in items(db, "feedback")] == ["family-cafe"]


def test_with_nothing_used_the_site_walk_in_comes_first_and_the_list_is_a_tap_away(qtbot, db, home_screen):
    home_screen.enter(Place("feedback", {}))
    stored(qtbot)
    assert home_screen.service_id == "health-station"
    qtbot.mouseClick(home_screen.other_service, Qt.MouseButton.LeftButton)
    assert home_screen.pages.currentIndex() == 0 and len(home_screen.service_list.rows) == 5


def test_suggested_order_recent_then_walk_ins_by_use_then_most_used():
    from kiosk.feedback import ServiceSuggestions, suggested_order
    found = ServiceSuggestions(recent=("b", "a"), use_counts={"a": 1, "w2": 5, "w1": 1, "p": 9, "q": 2})
    assert suggested_order(found, ["w1", "w2"], limit=10) == ["b", "a", "w2", "w1", "p", "q"]
    assert suggested_order(found, ["w1", "w2"]) == ["b", "a", "w2", "w1"]
