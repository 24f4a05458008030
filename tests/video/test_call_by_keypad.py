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


def in_page(screen, w) -> bool:
    view = screen.room.view
    return w is view or view.isAncestorOf(w)


@pytest.mark.conformance("5.1.6.1", "5.1.6.2", "WCAG 2.1.1", "WCAG 2.1.2", "WCAG 2.4.7")
def test_every_control_of_a_call_by_keypad_and_enter_hangs_up(qtbot, kiosk):
    window, _parts = kiosk
    screen = call_by_keypad(qtbot, window)
    walk_to(qtbot, window, "video-hang-up")
    stops = one_round(qtbot, window)
    names = [w.objectName() for w in stops]
    # Louder is off at 100 % (the keypad skips it, speech says so); it comes back below.
    for control in ("video-hang-up", "video-volume-down", "video-phone", "nav-back", "nav-home", "language-sv"):
        assert control in names, names
    # The page is no stop: its video has nothing to press, and the ring and speech cannot
    # follow the focus into it (the kiosk's own controls are what the keypad reaches).
    assert not [w for w in stops if in_page(screen, w)], names
    for w in stops:   # the ring lies on every stop (what it looks like: the screenshots)
        w.setFocus(Qt.FocusReason.TabFocusReason)
        settle(qtbot)
        ring = window.keypad._ring
        assert ring is not None and ring.isVisible() and ring.parentWidget() is w, w.objectName()

    walk_to(qtbot, window, "video-volume-down")
    press(qtbot, window, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.volume == pytest.approx(0.9), timeout=2000)
    press(qtbot, window, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.volume == pytest.approx(0.8), timeout=2000)
    assert screen.room.volume == pytest.approx(0.8) and screen.volume_label.text() == "80 %"
    activate(qtbot, window, "video-volume-up")
    assert screen.room.volume == pytest.approx(0.9)
    activate(qtbot, window, "video-phone")
    assert screen.phone_qr.isVisible()
    activate(qtbot, window, "video-phone")
    assert not screen.phone_qr.isVisible()

    with qtbot.waitSignal(screen.call_finished, timeout=10000) as finished:
        activate(qtbot, window, "video-hang-up")
    assert finished.args[0].reason == HUNG_UP
    qtbot.waitUntil(lambda: window.flow.current.name == "feedback", timeout=5000)
    # The focus is not left on the call's controls, gone now: the next key finds the feedback screen.
    press(qtbot, window, Qt.Key.Key_Down)
    assert focused() is not None and focused().isVisible() and focused().window() is window


@pytest.mark.conformance("5.1.6.1", "WCAG 2.1.2")
def test_the_page_taking_the_focus_is_no_trap(qtbot, kiosk):
    """A sighted person taps the room (its own button): Chromium takes the keyboard focus.
    The keypad's arrows, Tab, Back and Enter on the kiosk's controls still work."""
    window, _parts = kiosk
    screen = call_by_keypad(qtbot, window)
    page_widget = screen.room.view.focusProxy()
    for key in (Qt.Key.Key_Down, Qt.Key.Key_Up, Qt.Key.Key_Tab):
        qtbot.mouseClick(page_widget, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: in_page(screen, focused()), timeout=5000)
        press(qtbot, window, key)
        assert focused() is not None and not in_page(screen, focused()), key
    qtbot.mouseClick(page_widget, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: in_page(screen, focused()), timeout=5000)
    press(qtbot, window, Qt.Key.Key_Escape)
    assert screen.asking and focused() is screen.end_button
    press(qtbot, window, Qt.Key.Key_Escape)
    walk_to(qtbot, window, "video-hang-up")
    with qtbot.waitSignal(screen.call_finished, timeout=10000):
        press(qtbot, window, Qt.Key.Key_Return)


def listening(qtbot, window, parts):
    """Speech on by its key (F2), captured at the engine: the sound card is the one part
    mocked (tests/ui/test_speech.py says how)."""
    from tests.kiosk.test_speech import RecordingEngine

    engine = RecordingEngine(voices=("fi", "sv", "en"))
    speaker = parts.speech.speaker
    speaker.engine, speaker.engine_missing, speaker.headphones_setting = engine, False, "absent"
    press(qtbot, window, Qt.Key.Key_F2)
    assert speaker.on
    return engine


def said(qtbot, engine, since: int) -> str:
    from tests.ui.test_speech import heard, texts

    settle(qtbot)
    return texts(heard(qtbot, engine, since))


@pytest.mark.conformance("5.1.6.1", "5.1.3.15", "WCAG 2.1.1")
def test_a_call_that_fails_says_so_and_its_next_steps_work_by_keypad(qtbot, kiosk):
    window, parts = kiosk
    engine = listening(qtbot, window, parts)
    screen = call_by_keypad(qtbot, window)
    walk_to(qtbot, window, "video-volume-down")
    since = len(engine.heard)
    os.kill(screen.room.page.renderProcessPid(), signal.SIGKILL)   # the page's process dies
    qtbot.waitUntil(lambda: screen.failed_reason == PAGE_CRASHED, timeout=15000)
    assert screen.choice_names() == ["retry", "queue", "booking", "home"]
    # The focus is on the first next step (not left on the top bar's Back): Enter tries again.
    assert focused() is not None and focused().objectName() == "alternative-retry"
    text = said(qtbot, engine, since)
    assert "Puhelu keskeytyi teknisen vian vuoksi" in text
    assert "Voit valita: Yritä uudelleen; Ota jonotusnumero; Varaa aika; Alkuun" in text, text
    press(qtbot, window, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.room is not None and screen.room.lifecycle.loaded_at is not None,
                    timeout=30000)
    assert window.flow.current.name == "video"
    # Failed again; this time the resident takes a queue number instead.
    os.kill(screen.room.page.renderProcessPid(), signal.SIGKILL)
    qtbot.waitUntil(lambda: screen.failed_reason == PAGE_CRASHED, timeout=15000)
    activate(qtbot, window, "alternative-queue")
    assert window.flow.current.name == "queue"


@pytest.mark.conformance("5.1.3.1", "5.1.3.14", "5.1.6.1")
@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_what_is_spoken_when_a_call_starts_and_ends(qtbot, kiosk, lang):
    """Connecting while the room loads, then that the other side is there and what can be
    pressed; Help repeats it; when the call ends, that it ended, then where the person is."""
    window, parts = kiosk
    t = window.translator
    t.set_language(lang)
    engine = listening(qtbot, window, parts)
    since = len(engine.heard)
    activate(qtbot, window, "tile-nurse")
    screen = window.current_screen()
    qtbot.waitUntil(lambda: screen.room is not None, timeout=20000)
    if screen.room.lifecycle.loaded_at is None:   # a room can load before the first scene is said
        assert t.t("video.connecting") in said(qtbot, engine, since)
    qtbot.waitUntil(lambda: screen.room.lifecycle.loaded_at is not None, timeout=30000)
    qtbot.waitUntil(lambda: t.t("video.connected") in said(qtbot, engine, since), timeout=5000)
    text = said(qtbot, engine, since)
    scene = text[text.rindex(t.t("speech.where", place=t.t("video.title"))):]
    assert scene.index(t.t("video.connected")) < scene.index(t.t("video.hang_up"))
    assert t.t("speech.actions", actions="; ".join(
        (t.t("video.hang_up"), t.t("video.volume_down"), t.t("video.phone")))) in scene
    assert {spoken_in for _text, spoken_in, _volume in engine.heard[since:]} == {lang}

    since = len(engine.heard)
    press(qtbot, window, Qt.Key.Key_F1)   # Help: the scene again
    assert said(qtbot, engine, since) == scene

    walk_to(qtbot, window, "video-hang-up")
    since = len(engine.heard)
    press(qtbot, window, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.flow.current.name == "feedback", timeout=10000)
    qtbot.waitUntil(lambda: t.t("speech.where", place=window.current_screen().title())
                    in said(qtbot, engine, since), timeout=5000)
    text = said(qtbot, engine, since)
    ended = text.index(t.t("video.ended.hung_up"))
    assert ended < text.index(t.t("speech.where", place=window.current_screen().title())), text


@pytest.mark.conformance("5.1.6.1", "5.1.3.1")
def test_a_call_in_its_own_process_is_spoken_by_the_kiosks_speech(qtbot, wired, nurse_backend, room_pages,
                                                                   tmp_path):
    """The default (``video.separate_process``): the call window is another process with the
    keyboard; what it says reaches the kiosk's speech output (one engine, one volume)."""
    data = tmp_path / "data"
    data.mkdir(exist_ok=True)
    (data / "enrolment-code").write_text(nurse_backend.enrolment_code(nurse_backend.new_site()) + "\n")
    window, parts = wired(nurse_backend.url, extra=f'separate_process = true\n'
                                                   f'allowed_hosts = ["{room_pages.netloc}"]\n'
                                                   f'room_url = "{room_pages.url("/keypad.html")}?room={{room}}"\n')
    assert parts.sync_worker.sync_once().enrolled
    engine = listening(qtbot, window, parts)
    activate(qtbot, window, "tile-nurse")
    screen = window.current_screen()
    qtbot.waitUntil(lambda: screen.room is not None and screen.room.process is not None, timeout=20000)
    t = window.translator
    qtbot.waitUntil(lambda: t.t("video.connected") in said(qtbot, engine, 0), timeout=90000)
    # The speech keys pressed in the call window (the process sends them: test_call_process.py)
    # act on the kiosk's speech: off, and on again with the call window's scene.
    speaker = parts.speech.speaker
    screen.speech_key_from_call.emit("toggle", [])
    assert not speaker.on
    since = len(engine.heard)
    screen.speech_key_from_call.emit("toggle", [[t.t("video.connected"), t.language, False]])
    assert speaker.on
    assert said(qtbot, engine, since) == f"{t.t('speech.on')} | {t.t('video.connected')}"
    with qtbot.waitSignal(screen.call_finished, timeout=15000):
        screen.room.end(HUNG_UP)
