"""Walking away: a countdown, then home in the default language; a touch cancels it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.conftest import FakeClock
from ui.idle_watch import IdleWatch

# The offscreen platform notes once that it ignores size hints (as in test_wiring, test_sync_status);
# which test it lands in depends on the windows shown before.
pytestmark = pytest.mark.gui


@pytest.fixture
def watched(make_window):
    # Short times from a device file, like a real kiosk would have them.
    window = make_window(extra_ui="idle_timeout_s = 30\nidle_warning_s = 10")
    clock = FakeClock()
    window.idle_watch.deleteLater()
    window.idle_watch = IdleWatch(window, timeout_s=window.config.ui.idle_timeout_s,
                                  warning_s=window.config.ui.idle_warning_s, clock=clock)
    window.idle_watch.timer.stop()
    return window, clock


def test_countdown_then_reset_to_home_and_default_language(qtbot, watched):
    window, clock = watched
    window.translator.set_language("en")
    window.flow.go("search")
    window.screen("search").field.setText("neuvola")
    window.idle_watch.activity()

    clock.now += 19
    window.idle_watch.tick()
    assert not window.overlay.isVisible()
    clock.now += 2  # 9 s left
    window.idle_watch.tick()
    assert window.overlay.isVisible()
    assert window.overlay.heading.text() == "Are you still there?"
    assert window.overlay.message.text() == "The kiosk returns to the start in 9 seconds."
    clock.now += 8
    window.idle_watch.tick()
    assert window.overlay.message.text() == "The kiosk returns to the start in 1 second."

    clock.now += 1
    window.idle_watch.tick()
    assert window.flow.current.name == "home" and window.flow.depth == 1
    assert window.translator.language == "fi"
    assert not window.overlay.isVisible()
    assert window.screen("search").field.text() == ""  # nothing left for the next person
    assert window.top_bar.language_buttons["fi"].isChecked()


@pytest.mark.conformance("WCAG 2.2.1")
def test_a_touch_cancels_the_countdown(qtbot, watched):
    window, clock = watched
    window.flow.go("browse")
    window.idle_watch.activity()
    clock.now += 25
    window.idle_watch.tick()
    assert window.overlay.isVisible()
    # The real event path: a press on the screen reaches the kiosk's window first (QTest's
    # QWindow overload goes through the window system interface, as a touch screen does).
    at = window.overlay.mapTo(window, window.overlay.rect().center())
    qtbot.mouseClick(window.windowHandle(), Qt.MouseButton.LeftButton, pos=at)
    assert not window.overlay.isVisible()
    assert window.flow.current.name == "browse"  # that touch only answered the question
    clock.now += 25
    window.idle_watch.tick()
    assert window.flow.current.name == "browse"  # the touch started a new wait


def test_no_countdown_when_nothing_needs_resetting(qtbot, watched):
    window, clock = watched
    clock.now += 25
    window.idle_watch.tick()
    assert not window.overlay.isVisible()  # home, default language: nobody to warn


def test_reset_entry_point_for_the_session_layer(qtbot, window):
    window.translator.set_language("sv")
    window.flow.go("results", life_event="housing")
    window.reset_for_next_person()
    assert window.flow.current.name == "home" and window.translator.language == "fi"
