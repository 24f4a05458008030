"""A video call by keypad alone, with the real web engine (EN 301 549 5.1.6.1, WCAG 2.1.1, 2.1.2).

The kiosk as main() builds it (tests/ui/test_wiring.py), "Talk to a nurse now" asking the real
reference backend for a room (one nurse on duty), the room a real page over HTTP on 127.0.0.1
in a real Qt WebEngine offscreen (tests/video/conftest.py: fake camera and microphone). The
call runs in the kiosk process (``video.separate_process = false``); the call process's own
window is walked in tests/video/test_call_process.py. Keys go to the window as a keypad's do
(tests/ui/keypad.py): no mouse, except where a test says a sighted person tapped the page.
"""

from __future__ import annotations

import os
import signal

import pytest
from PySide6.QtCore import Qt

from kiosk.video import HUNG_UP, PAGE_CRASHED
from tests.backend import start_backend
from tests.ui.conftest import settle
from tests.ui.keypad import activate, focused, press, walk_to
from tests.ui.test_wiring import wired  # noqa: F401  (the window with every service attached)
from tests.video.conftest import PageServer, needs_webengine

pytestmark = [needs_webengine, pytest.mark.gui]
SERVICE = "health-station"   # tests/ui/test_wiring.py's video.on_demand_service


@pytest.fixture(scope="module")
def room_pages():
    pages = PageServer("127.0.0.1").start()
    yield pages
    pages.stop()


@pytest.fixture(scope="module")
def nurse_backend(tmp_path_factory, room_pages):
    """The reference backend with nurses on duty; its rooms are tests/video/pages/keypad.html."""
    workdir = tmp_path_factory.mktemp("keypad-call-backend")
    mp = pytest.MonkeyPatch()
    mp.setenv("WELFARE_VIDEO_ON_DUTY", f"{SERVICE}=9")
    mp.setenv("WELFARE_VIDEO_ROOM_URL", room_pages.url("/keypad.html?room={room}"))
    try:
        proc = start_backend(f"sqlite:///{workdir / 'backend.db'}", workdir)
    finally:
        mp.undo()
    yield proc
    proc.stop()


@pytest.fixture
def kiosk(wired, nurse_backend, room_pages, tmp_path):
    data = tmp_path / "data"
    data.mkdir(exist_ok=True)
    (data / "enrolment-code").write_text(nurse_backend.enrolment_code(nurse_backend.new_site()) + "\n")
    window, parts = wired(nurse_backend.url, extra=f'separate_process = false\n'
                                                   f'allowed_hosts = ["{room_pages.netloc}"]\n'
                                                   f'room_url = "{room_pages.url("/keypad.html")}?room={{room}}"\n')
    assert parts.sync_worker.sync_once().enrolled
    return window, parts


def call_by_keypad(qtbot, window):
    """From home: walk to "Talk to a nurse now", press Enter, wait until the room has loaded."""
    activate(qtbot, window, "tile-nurse")
    screen = window.current_screen()
    assert screen.objectName() == "screen-video"
    qtbot.waitUntil(lambda: screen.room is not None, timeout=20000)
    qtbot.waitUntil(lambda: screen.room.lifecycle.loaded_at is not None, timeout=30000)
    settle(qtbot)
    return screen


def one_round(qtbot, window, key=Qt.Key.Key_Down) -> list:
    """Every stop of the keypad, once round (from where the focus is now)."""
    first = focused()
    stops = [first]
    for _ in range(60):
        press(qtbot, window, key)
        if focused() is first:
            return stops
        stops.append(focused())
    raise AssertionError(f"the keypad never came round: {[w.objectName() for w in stops]}")


@pytest.mark.conformance("5.1.6.1", "WCAG 2.1.1", "WCAG 2.1.2")
def test_back_during_a_call_asks_first_and_the_call_goes_on(qtbot, kiosk):
    """Back is pressed to leave a control as often as a screen: it must not drop a call with
    a nurse (nor leave it running behind the home screen, camera on, as it did)."""
    window, _parts = kiosk
    screen = call_by_keypad(qtbot, window)
    walk_to(qtbot, window, "video-hang-up")
    press(qtbot, window, Qt.Key.Key_Escape)
    assert window.flow.current.name == "video" and screen.in_call
    assert screen.asking and screen.question_title.text() == "Lopetetaanko puhelu?"
    assert focused() is screen.end_button and screen.end_button.isVisible()
    press(qtbot, window, Qt.Key.Key_Escape)   # Back again: no, go on with the call
    assert not screen.asking and screen.in_call and focused() is screen.hang_up_button
    # The top bar's Back and Home (keys or a tap) ask too.
    walk_to(qtbot, window, "nav-home")
    press(qtbot, window, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.asking, timeout=2000)
    assert window.flow.current.name == "video" and screen.in_call
    activate(qtbot, window, "video-continue-call")
    assert screen.in_call and not screen.asking
    # Yes: the call ends as the red button ends it, and lands where a hung-up call lands.
    press(qtbot, window, Qt.Key.Key_Escape)
    with qtbot.waitSignal(screen.call_finished, timeout=10000) as finished:
        activate(qtbot, window, "video-end-call")
    assert finished.args[0].reason == HUNG_UP
    qtbot.waitUntil(lambda: window.flow.current.name == "feedback", timeout=5000)
    assert not screen.in_call
