"""VideoScreen: the controls outside the page, the way home, and the fallbacks."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
import textwrap

import pytest
from PySide6.QtCore import Qt

from kiosk.config import load_config
from kiosk.flow import HOME, PLACES, KioskFlow
from kiosk.video import (EXTERNAL_BROWSER, FROM_APPOINTMENT, HUNG_UP, PAGE_CLOSED, QR_ONLY, SESSION_ENDED,
                         plan_call)
from tests.conftest import REPO
from tests.video.conftest import make_call, needs_webengine
from ui.i18n import Translator
from ui.theme import metrics_for

pytestmark = pytest.mark.gui

VIDEO = "video"  # the place name the window registers VideoScreen under


@pytest.fixture
def tr():
    return Translator("fi")


def make_screen(qtbot, tr, **video_overrides):
    from ui.screens.video import VideoScreen

    video = dataclasses.replace(load_config().video, **video_overrides)
    screen = VideoScreen(tr=tr, metrics=metrics_for("1920x1080"), video=video)
    screen.resize(1920, 980)
    qtbot.addWidget(screen)
    screen.show()
    return screen


def wire_like_the_window(screen, flow: KioskFlow) -> list:
    """What the window does: show the screen for the video place, go home when the call
    ends, and offer feedback for the service."""
    feedback_offers: list = []
    flow.on_change(lambda place: screen.enter(place) if place.name == VIDEO else None)

    def finished(outcome):
        flow.home()
        if outcome.offer_feedback:
            feedback_offers.append(outcome.service_id)

    screen.call_finished.connect(finished)
    return feedback_offers


@needs_webengine
def test_hang_up_returns_home_and_offers_feedback_for_the_service(qtbot, tr, servers):
    listed, _ = servers
    screen = make_screen(qtbot, tr, allowed_hosts=(listed.netloc,))
    flow = KioskFlow(PLACES + (VIDEO,))
    feedback = wire_like_the_window(screen, flow)
    call = make_call(listed.url("/call.html"), service_id="health-video")
    with qtbot.waitSignal(screen.call_started):
        flow.go(VIDEO, call=call)
    room = screen.room
    with qtbot.waitSignal(room.loaded, timeout=15000):
        pass
    assert screen.in_call and screen.controls.isVisible() and screen.hang_up_button.isVisible()
    assert screen.status.text() == "Videopuhelu"
    view_gone = []
    room.view.destroyed.connect(lambda: view_gone.append(True))

    with qtbot.waitSignal(screen.call_finished, timeout=5000) as finished:
        qtbot.mouseClick(screen.hang_up_button, Qt.MouseButton.LeftButton)
    outcome = finished.args[0]
    assert (outcome.reason, outcome.service_id, outcome.offer_feedback) == (HUNG_UP, "health-video", True)
    assert flow.current.name == HOME and feedback == ["health-video"]
    assert not screen.in_call and not screen.controls.isVisible()
    qtbot.waitUntil(lambda: view_gone == [True], timeout=5000)  # the web view is released


@needs_webengine
def test_the_other_side_closing_the_room_also_returns_home(qtbot, tr, servers):
    listed, _ = servers
    screen = make_screen(qtbot, tr, allowed_hosts=(listed.netloc,))
    flow = KioskFlow(PLACES + (VIDEO,))
    feedback = wire_like_the_window(screen, flow)
    flow.go(VIDEO, call=make_call(listed.url("/call.html#nojoin")))
    with qtbot.waitSignal(screen.room.loaded, timeout=15000):
        pass
    with qtbot.waitSignal(screen.call_finished, timeout=5000) as finished:
        screen.room.page.runJavaScript("window.close()")
    assert finished.args[0].reason == PAGE_CLOSED
    assert flow.current.name == HOME and feedback == ["health-video"]


@needs_webengine
def test_volume_and_phone_controls(qtbot, tr, servers):
    listed, _ = servers
    screen = make_screen(qtbot, tr, allowed_hosts=(listed.netloc,))
    call = make_call(listed.url("/call.html#nojoin"))
    screen.start_call(call)
    with qtbot.waitSignal(screen.room.loaded, timeout=15000):
        pass
    qtbot.mouseClick(screen.volume_down, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(screen.volume_down, Qt.MouseButton.LeftButton)
    assert screen.room.volume == pytest.approx(0.8) and screen.volume_label.text() == "80 %"
    assert screen.volume_label.accessibleName() == "Äänenvoimakkuus 80 %" and screen.volume_up.isEnabled()

    assert not screen.phone_qr.isVisible()
    qtbot.mouseClick(screen.phone_button, Qt.MouseButton.LeftButton)
    assert screen.phone_qr.isVisible() and screen.phone_qr.text == call.phone_link
    assert screen.phone_qr.accessibleName() == tr.t("video.phone_hint")  # what a screen reader says
    assert screen.phone_button.text() == "Piilota koodi"
    tr.set_language("sv")
    screen.retranslate()
    assert screen.hang_up_button.text() == "Avsluta samtalet" and screen.volume_title.text() == "Volym"
    with qtbot.waitSignal(screen.call_finished):
        screen.hang_up()


@needs_webengine
def test_the_next_person_never_sees_the_call(qtbot, tr, servers):
    listed, _ = servers
    screen = make_screen(qtbot, tr, allowed_hosts=(listed.netloc,))
    screen.start_call(make_call(listed.url("/call.html#nojoin")))
    with qtbot.waitSignal(screen.room.loaded, timeout=15000):
        pass
    with qtbot.waitSignal(screen.call_finished) as finished:
        screen.clear()  # the window's reset on logout or idle
    assert finished.args[0].reason == SESSION_ENDED and not finished.args[0].offer_feedback
    assert screen.call_layout.count() == 0


def test_qr_only_when_this_kiosk_has_no_web_engine(qtbot, tr):
    from ui.screens.video import VideoScreen

    video = load_config().video
    screen = VideoScreen(tr=tr, metrics=metrics_for("1920x1080"), video=video, has_webengine=False)
    qtbot.addWidget(screen)
    screen.show()
    call = plan_call(video, service_id="health-video", source=FROM_APPOINTMENT, lang="fi",
                     display_name="Anna", webengine_available=False)
    assert call.mode == QR_ONLY  # no web engine and no external browser configured
    screen.start_call(call)
    assert screen.big_qr.isVisible() and screen.big_qr.text == call.phone_link
    assert screen.big_qr.accessibleName() == tr.t("video.phone_hint")
    assert "Anna" not in call.phone_link  # the QR on the screen carries no name
    assert screen.message.text() == "Jatka puhelimellasi"
    with qtbot.waitSignal(screen.call_finished) as finished:
        qtbot.mouseClick(screen.hang_up_button, Qt.MouseButton.LeftButton)
    assert finished.args[0].reason == HUNG_UP and finished.args[0].offer_feedback


def test_external_browser_gets_the_link_as_one_argument_and_is_closed_on_hang_up(qtbot, tr, tmp_path):
    marker = tmp_path / "browser-args.txt"
    # A stand-in browser: records its arguments and stays open like a browser window would.
    fake_browser = tmp_path / "browser.py"
    fake_browser.write_text("import sys, time\nopen(sys.argv[1], 'w').write('\\n'.join(sys.argv[2:]))\n"
                            "time.sleep(60)\n")
    video = dataclasses.replace(load_config().video, mode=EXTERNAL_BROWSER,
                                external_browser=f"{sys.executable} {fake_browser} {marker} --app={{url}}")
    screen = make_screen(qtbot, tr, mode=video.mode, external_browser=video.external_browser)
    call = plan_call(video, service_id="health-video", source=FROM_APPOINTMENT, lang="sv",
                     display_name="Anna & Bo --kiosk-printing")
    screen.start_call(call)
    with qtbot.waitSignal(screen.room.loaded, timeout=10000):
        pass
    qtbot.waitUntil(lambda: marker.exists() and bool(marker.read_text()), timeout=10000)
    assert marker.read_text().splitlines() == [f"--app={call.link}"]
    process = screen.room.process
    with qtbot.waitSignal(screen.call_finished, timeout=10000) as finished:
        qtbot.mouseClick(screen.hang_up_button, Qt.MouseButton.LeftButton)
    assert finished.args[0].reason == HUNG_UP
    assert process.state() == process.ProcessState.NotRunning


def test_an_external_browser_that_does_not_start_falls_back_to_the_qr_code(qtbot, tr):
    screen = make_screen(qtbot, tr, mode=EXTERNAL_BROWSER, external_browser="/nonexistent/browser --app={url}")
    call = plan_call(screen.video, service_id="health-video", source=FROM_APPOINTMENT, lang="fi")
    screen.start_call(call)
    qtbot.waitUntil(lambda: screen.big_qr.isVisible(), timeout=5000)
    assert screen.in_call  # the call is still on, on the phone; Hang up ends it here
    with qtbot.waitSignal(screen.call_finished):
        screen.hang_up()


def test_no_one_available_offers_a_queue_number_or_a_booking(qtbot, tr):
    screen = make_screen(qtbot, tr)
    screen.show_unavailable("no_one_available", ("queue", "booking"))
    assert screen.message.text() == "Kukaan ei juuri nyt ehdi vastata"
    buttons = [screen.choices.itemAt(i).widget() for i in range(screen.choices.count())]
    assert [b.text() for b in buttons] == ["Ota jonotusnumero", "Varaa aika", "Alkuun"]
    with qtbot.waitSignal(screen.alternative_chosen) as chosen:
        qtbot.mouseClick(buttons[0], Qt.MouseButton.LeftButton)
    assert chosen.args == ["queue"]
    tr.set_language("en")
    screen.retranslate()
    assert screen.message.text() == "No one is free to answer right now"
    screen.show_unavailable("offline", ("queue",))
    assert "network" in screen.detail.text()


def test_the_web_engine_is_not_loaded_until_a_call_starts():
    """In a fresh process: building the video screen loads no Qt WebEngine; the first call does."""
    code = textwrap.dedent("""
        import os, sys
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from ui.video import prepare_application
        prepare_application()
        from PySide6.QtWidgets import QApplication
        app = QApplication([])
        from kiosk.config import load_config
        from ui.i18n import Translator
        from ui.theme import metrics_for
        from ui.screens.video import VideoScreen
        screen = VideoScreen(tr=Translator("fi"), metrics=metrics_for("1920x1080"), video=load_config().video)
        print("before:", any(m.startswith("PySide6.QtWebEngine") for m in sys.modules))
        from ui.video.room import VideoRoom
        print("after:", "PySide6.QtWebEngineCore" in sys.modules)
    """)
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=60)
    assert "before: False" in out.stdout and "after: True" in out.stdout, out.stdout + out.stderr


def test_a_failed_call_page_says_so_in_words_and_survives_a_language_switch(qtbot, tr):
    """What the window shows after load_failed, page_crashed or network_lost (kiosk.flow.after_call)."""
    from ui.screens.video import VideoScreen

    screen = VideoScreen(tr=tr, metrics=metrics_for("1280x800"), video=load_config().video, has_webengine=False)
    qtbot.addWidget(screen)
    screen.show()
    screen.show_failed("page_crashed", ("retry", "queue", "booking"))
    assert screen.message.text() == "Puhelu keskeytyi teknisen vian vuoksi"
    assert screen.choice_names() == ["retry", "queue", "booking", "home"]
    tr.set_language("sv")
    screen.retranslate()
    assert screen.message.text() == "Samtalet avbröts på grund av ett tekniskt fel"
    assert screen.choice_names() == ["retry", "queue", "booking", "home"]
    names = [screen.choices.itemAt(i).widget().accessibleName() for i in range(screen.choices.count())]
    assert names == ["Försök igen", "Ta en kölapp", "Boka en tid", "Till början"]  # words, not ids
    screen.show_failed("load_failed", ("retry", "desk"))  # a nurse's specialist call
    assert screen.choice_names() == ["retry", "desk"]
    screen.clear()  # the next person
    assert screen.failed_reason is None and screen.choice_names() == [] and screen.message.text() == ""
