"""Calls in their own process: the real child process runs the real call view against
the test pages on 127.0.0.1; the kiosk process never loads Qt WebEngine."""

import subprocess
import sys
import time

import pytest

from tests.video.conftest import make_call

pytestmark = pytest.mark.gui


@pytest.fixture
def device(tmp_path, servers):
    listed, _ = servers
    path = tmp_path / "device.toml"
    path.write_text(f'[device]\ndata_dir = "{(tmp_path / "data").as_posix()}"\n'
                    f'[video]\nallowed_hosts = ["{listed.netloc}"]\n'
                    f'room_url = "https://{listed.netloc}/{{room}}"\n', encoding="utf-8")
    return str(path)


def test_a_call_in_its_own_process_loads_and_hangs_up(qtbot, servers, device):
    from ui.video.process_room import CallProcessRoom

    listed, _ = servers
    room = CallProcessRoom(make_call(listed.url("/call.html")), config_path=device, language="sv",
                           fullscreen=False)
    with qtbot.waitSignal(room.loaded, timeout=90000):
        room.start()
    assert any(r.startswith("/call.html") for r in listed.requests)
    process = room.process
    with qtbot.waitSignal(room.ended, timeout=15000) as ended:
        room.end("hung_up")
    assert ended.args[0].reason == "hung_up"

    def gone() -> bool:
        try:
            return process.state().name == "NotRunning"
        except RuntimeError:  # finished and deleted already
            return True
    qtbot.waitUntil(gone, timeout=10000)  # the call process does not outlive the call


def test_ending_a_call_whose_process_hangs_does_not_hold_the_gui_thread(qtbot, servers, device):
    """The idle reset or a hang-up on the kiosk's side ends the call: the kiosk must answer
    the next touch at once, even if the call process is slow to go (it waited up to 5 s)."""
    import os
    import signal

    from ui.video.process_room import CallProcessRoom

    listed, _ = servers
    room = CallProcessRoom(make_call(listed.url("/call.html")), config_path=device, language="fi",
                           fullscreen=False)
    with qtbot.waitSignal(room.loaded, timeout=90000):
        room.start()
    process = room.process
    pid = process.processId()
    os.kill(pid, signal.SIGSTOP)  # a process that does not answer, as a hung Chromium would not
    try:
        with qtbot.waitSignal(room.ended, timeout=5000) as ended:
            started = time.monotonic()
            room.end("session_ended")
            held = time.monotonic() - started
        assert held < 0.5, f"the GUI thread waited {held:.1f} s for the call process"
        assert ended.args[0].reason == "session_ended"

        def gone() -> bool:
            try:
                return process.state().name == "NotRunning"
            except RuntimeError:  # finished and deleted already
                return True
        qtbot.waitUntil(gone, timeout=10000)  # killed once it lingered
    finally:
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass


def test_a_call_process_that_dies_is_a_crashed_call(qtbot, servers, device):
    from ui.video.process_room import CallProcessRoom

    listed, _ = servers
    room = CallProcessRoom(make_call(listed.url("/call.html")), config_path=device, language="fi",
                           fullscreen=False)
    with qtbot.waitSignal(room.loaded, timeout=90000):
        room.start()
    with qtbot.waitSignal(room.ended, timeout=15000) as ended:
        room.process.kill()
    assert ended.args[0].reason == "page_crashed"


def test_the_kiosk_side_of_a_process_call_never_loads_webengine():
    code = ("import sys, ui.wiring, ui.screens.video, ui.video.process_room; "
            "sys.exit(1 if any(m.startswith('PySide6.QtWebEngine') for m in sys.modules) else 0)")
    assert subprocess.run([sys.executable, "-c", code], timeout=120).returncode == 0


@pytest.mark.conformance("5.1.6.1", "WCAG 2.1.1", "WCAG 2.4.7")
def test_the_call_window_of_a_call_process_works_by_keypad(qtbot, servers, device):
    """The call process's window is on top with the keyboard (cage gives it the newest
    window): arrows, Enter and Back must work there as in the kiosk. Built here in this
    process by the function the call process uses, with the real web engine."""
    from kiosk.config import load_config
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication
    from tests.ui.keypad import focused, press
    from ui.video.call_process import call_screen

    listed, _ = servers
    screen = call_screen(QApplication.instance(), load_config(device), "sv")
    qtbot.addWidget(screen)
    screen.show()
    qtbot.waitExposed(screen)
    with qtbot.waitSignal(screen.call_started):
        screen.start_call(make_call(listed.url("/keypad.html")))
    qtbot.waitUntil(lambda: screen.room.lifecycle.loaded_at is not None, timeout=30000)
    press(qtbot, screen, Qt.Key.Key_Down)
    assert focused() is screen.hang_up_button
    ring = screen.keypad._ring
    assert ring is not None and ring.isVisible() and ring.parentWidget() is screen.hang_up_button
    press(qtbot, screen, Qt.Key.Key_Escape)
    assert screen.asking and focused() is screen.end_button
    assert screen.question_title.text() == "Vill du avsluta samtalet?"
    press(qtbot, screen, Qt.Key.Key_Escape)
    assert not screen.asking and focused() is screen.hang_up_button
    press(qtbot, screen, Qt.Key.Key_Down)
    assert focused() is screen.volume_down
    press(qtbot, screen, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.volume == pytest.approx(0.9), timeout=2000)
    press(qtbot, screen, Qt.Key.Key_Up)
    with qtbot.waitSignal(screen.call_finished, timeout=10000) as finished:
        press(qtbot, screen, Qt.Key.Key_Return)
    assert finished.args[0].reason == "hung_up"


@pytest.mark.conformance("5.1.6.1", "5.1.3.1", "5.1.3.14")
def test_the_call_window_tells_the_kiosks_speech_what_to_say(qtbot, servers, device):
    """With speech on, the call window (built here as the call process builds it) sends the
    kiosk what to say: the scene when it changes, the control the focus moves to, the scene
    again on Help; in the call's language, nothing from inside the page."""
    from kiosk.config import load_config
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication
    from tests.ui.keypad import press
    from ui.video.call_process import call_screen, speech_relay

    listed, _ = servers
    sent: list = []
    screen = call_screen(QApplication.instance(), load_config(device), "sv")
    qtbot.addWidget(screen)
    speech_relay(screen, QApplication.instance(), out=lambda event, **fields: sent.append(fields))
    screen.show()
    qtbot.waitExposed(screen)
    screen.start_call(make_call(listed.url("/keypad.html")))
    t = screen.tr_

    def texts() -> list[str]:
        return [text for fields in sent for text, _lang, _private in fields.get("lines", [])]
    qtbot.waitUntil(lambda: t.t("video.connecting") in texts(), timeout=10000)
    qtbot.waitUntil(lambda: t.t("video.connected") in texts(), timeout=30000)
    assert {lang for fields in sent for _text, lang, _private in fields["lines"]} == {"sv"}
    sent.clear()
    press(qtbot, screen, Qt.Key.Key_Down)
    assert texts() == ["Knapp, Avsluta samtalet"]
    sent.clear()
    press(qtbot, screen, Qt.Key.Key_F1)
    assert texts()[:2] == [t.t("speech.where", place=t.t("video.title")), t.t("video.connected")]
    assert sent[0]["remember"]
    sent.clear()
    press(qtbot, screen, Qt.Key.Key_Plus)   # speech louder, said by the kiosk
    press(qtbot, screen, Qt.Key.Key_F2)     # speech on or off, with this window's scene
    assert [f["key"] for f in sent] == ["louder", "toggle"]
    assert t.t("video.connected") in [text for text, _lang, _private in sent[1]["lines"]]
    qtbot.mouseClick(screen.room.view.focusProxy(), Qt.MouseButton.LeftButton)   # the page takes the focus
    sent.clear()
    press(qtbot, screen, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: t.t("video.question.end") in texts(), timeout=5000)
    with qtbot.waitSignal(screen.call_finished, timeout=10000):
        press(qtbot, screen, Qt.Key.Key_Return)   # yes, end the call


def test_speech_from_a_real_call_process_reaches_the_kiosk(qtbot, servers, device):
    from ui.video.process_room import CallProcessRoom

    listed, _ = servers
    room = CallProcessRoom(make_call(listed.url("/keypad.html")), config_path=device, language="sv",
                           fullscreen=False, speech=True)
    heard: list = []
    room.spoken.connect(lambda lines, _remember: heard.extend(text for text, _lang, _private in lines))
    with qtbot.waitSignal(room.loaded, timeout=90000):
        room.start()
    qtbot.waitUntil(lambda: "Samtalet är kopplat. Du kan prata nu." in heard, timeout=15000)
    with qtbot.waitSignal(room.ended, timeout=15000):
        room.end("hung_up")
