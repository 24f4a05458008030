"""Speech output (issue 16, EN 301 549 5.1.3) on the real demo kiosk window.

What would be spoken is captured at the engine: the sound card is the one part mocked
(``RecordingEngine`` records text, language and volume instead of playing them); the
real espeak-ng adapter writing a WAV is tests/kiosk/test_speech.py. Everything else is
real: the window, the screens, the runner's speech thread, SQLite.
"""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from tests.kiosk.test_speech import RecordingEngine
from tests.ui.conftest import settle

pytestmark = pytest.mark.gui

ALL_VOICES = ("fi", "sv", "en", "et", "ru", "uk", "ar")  # espeak-ng's: no Somali


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    from kiosk.catalogue.service import Catalogue
    from kiosk.storage.db import open_database
    from ui.app import load_demo_catalogue
    from ui.screenshots import seed_participation

    tmp = tmp_path_factory.mktemp("speech")
    db = open_database(tmp / "kiosk.db")
    load_demo_catalogue(db)
    seed_participation(db)
    yield tmp, db, Catalogue(db)
    db.close()


@pytest.fixture
def kiosk(qtbot, demo_db):
    """(window, parts, engine): the demo kiosk with speech captured at the engine."""
    from ui import screenshots

    tmp, db, catalogue = demo_db
    window = screenshots.demo_window(QApplication.instance(), db, catalogue, tmp, "1280x800")
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    parts = screenshots.parts_of(window)
    engine = RecordingEngine(voices=ALL_VOICES)
    parts.speech.speaker.engine = engine
    parts.speech.speaker.engine_missing = False
    parts.speech.speaker.headphones_setting = "absent"
    settle(qtbot)
    return window, parts, engine


def at(window, widget) -> QPoint:
    """Where ``widget``'s centre is in the window: input goes through the window's QWindow,
    as a real touch screen's does (QTest's widget overloads would bypass it)."""
    return widget.mapTo(window, widget.rect().center())


def press(window, widget) -> None:
    QTest.mousePress(window.windowHandle(), Qt.MouseButton.LeftButton, pos=at(window, widget))


def release(window, widget) -> None:
    QTest.mouseRelease(window.windowHandle(), Qt.MouseButton.LeftButton, pos=at(window, widget))


def tap(window, widget) -> None:
    QTest.mouseClick(window.windowHandle(), Qt.MouseButton.LeftButton, pos=at(window, widget))


def key(window, k) -> None:
    QTest.keyClick(window.windowHandle(), k)


def heard(qtbot, engine, since: int = 0) -> list[tuple[str, str]]:
    """What reached the engine after ``since``, once the speech thread is done."""
    from ui.background import app_runner

    for _ in range(3):  # a new place is spoken on the next turn of the event loop
        QApplication.processEvents()
    qtbot.waitUntil(app_runner().idle, timeout=10000)
    return [(text, lang) for text, lang, _v in engine.heard[since:]]


def texts(pairs) -> str:
    return " | ".join(text for text, _lang in pairs)


@pytest.mark.conformance("5.1.3.1")
def test_every_registered_screen_describes_its_scene(qtbot, kiosk):
    """A screen registered without ``spoken()`` fails here (Screen.spoken returns None)."""
    window, parts, _engine = kiosk
    names = sorted(window._factories)
    assert {"home", "service", "queue", "booking", "feedback", "participation", "video"} <= set(names)
    for name in names:
        window.flow.go(name) if name == "home" else None
        screen = window.screen(name)
        said = screen.spoken()
        assert said, f"screen {name!r} has no spoken() description"
        assert said[0].text == window.translator.t("speech.where", place=screen.title().strip()) or \
            said[0].text.startswith(window.translator.t("speech.where", place="").split(":")[0]), name
        assert all(u.text.strip() and u.lang in ALL_VOICES + ("so",) for u in said), name
    gate = window._gate_screen()
    assert gate.spoken()
    assert parts.login.spoken()


@pytest.mark.conformance("5.1.3.1", "5.1.3.3", "5.1.3.14", "5.1.3.16")
@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_each_step_of_the_flows_is_spoken_in_the_screens_language(qtbot, kiosk, lang):
    """find, book, queue, feedback, take part (the screenshot scenes): every step says where
    you are and what you can do, in the language on screen; the queue number and the
    booking's time, place and reference are said in full."""
    from ui import screenshots
    from ui.speech import spelled, spoken_ticket

    window, parts, engine = kiosk
    t = window.translator
    output = parts.speech
    seen, ticket = {}, None
    for name, action in screenshots.scenes(window):
        window.reset_for_next_person()
        t.set_language(lang)
        output.speaker.on = True
        action()
        settle(qtbot)
        start = len(engine.heard)
        output.speak_scene()
        said = heard(qtbot, engine, start)
        seen[name] = said
        if name == "21-queue-ticket":
            ticket = window.screen("queue").ticket
        assert said, f"{name}: nothing spoken"
        assert {l for _t, l in said} <= {lang}, f"{name}: spoken in {set(l for _t, l in said)}"
        where = t.t("speech.where", place="").split(":")[0]
        # A message over the screen (the idle countdown) says first that it is one.
        assert said[0][0].startswith(where) or said[0][0] == t.t("speech.message"), \
            f"{name}: does not start with where you are: {said[0][0]!r}"
        assert not re.search(r"\[[a-z_.]+\]", texts(said)), f"{name}: a raw key is spoken: {texts(said)}"
    # Find: the service card is read, the actions last.
    card = texts(seen["10-service-card"])
    assert t.t("speech.actions", actions="").split(":")[0] in seen["10-service-card"][-1][0]
    assert len(seen["10-service-card"]) > 5, card
    # Queue: the number in full, before anything else on the ticket.
    number_said = t.t("speech.queue_number", number=spoken_ticket(ticket.label))
    assert seen["21-queue-ticket"][1][0] == number_said
    assert ticket.label not in texts(seen["21-queue-ticket"])  # "A012" would be read as "A zero one two"
    # Book: time in words and the reference sign by sign.
    booking = texts(seen["41-booking-done-signed-in"])
    assert t.t("speech.clock", hour=10, minute="15") in booking
    assert spelled("K7QP-3MZD") in booking and "K7QP-3MZD" not in booking
    # Feedback and taking part are described too, with their choices.
    assert t.t("feedback.title") in texts(seen["24-feedback"])
    assert t.t("speech.actions", actions="").split(":")[0] in texts(seen["32-participation-budget"])


@pytest.mark.conformance("5.1.3.1")
def test_a_place_that_opens_is_spoken_by_itself(qtbot, kiosk):
    window, parts, engine = kiosk
    parts.speech.speaker.on = True
    window.flow.go("queue")
    said = heard(qtbot, engine)
    assert said and said[0][0] == window.translator.t("speech.where", place=window.screen("queue").title())


@pytest.mark.conformance("5.2")
def test_long_press_turns_speech_on_without_sight_and_presses_nothing(qtbot, kiosk):
    window, parts, engine = kiosk
    output = parts.speech
    assert not output.speaker.on
    output._press.setInterval(300)  # config allows 1-10 s; a shorter hold keeps the test quick
    tile = window.screen("home").tiles["queue"]
    press(window, tile)
    # The first touch of an idle kiosk says how to turn speech on, even with speech off.
    qtbot.waitUntil(lambda: output.speaker.on, timeout=3000)
    release(window, tile)
    said = texts(heard(qtbot, engine))
    assert window.translator.t("speech.hint") in said
    assert window.translator.t("speech.on") in said
    assert window.translator.t("speech.where", place=window.screen("home").title()) in said
    assert window.flow.current.name == "home"  # the held tile was not opened
    # A second hold turns it off again.
    start = len(engine.heard)
    press(window, tile)
    qtbot.waitUntil(lambda: not output.speaker.on, timeout=3000)
    release(window, tile)
    assert texts(heard(qtbot, engine, start)) == window.translator.t("speech.off")


@pytest.mark.conformance("5.2")
def test_the_idle_hint_is_said_once_per_person(qtbot, kiosk):
    window, parts, engine = kiosk
    home = window.screen("home")
    hint = window.translator.t("speech.hint")
    for _ in range(2):  # waiting in between: a second touch would rightly cut the hint short
        tap(window, home.tiles["queue"])
        window.flow.home()
        said = heard(qtbot, engine)
    assert [x for x, _l in said].count(hint) == 1
    window.reset_for_next_person()
    tap(window, home.tiles["queue"])
    assert [x for x, _l in heard(qtbot, engine)].count(hint) == 2


@pytest.mark.conformance("5.1.3.4", "5.1.3.12", "5.1.3.13")
def test_speech_key_help_key_volume_and_the_next_person(qtbot, kiosk):
    window, parts, engine = kiosk
    speaker = parts.speech.speaker
    t = window.translator
    key(window, Qt.Key.Key_F2)
    assert speaker.on
    first = heard(qtbot, engine)
    start = len(engine.heard)
    key(window, Qt.Key.Key_F1)  # Help repeats the scene
    again = heard(qtbot, engine, start)
    assert again == [p for p in first if p[0] != t.t("speech.on")]
    key(window, Qt.Key.Key_VolumeUp)
    key(window, Qt.Key.Key_VolumeUp)
    assert speaker.volume == 90
    said = heard(qtbot, engine)
    assert said[-1][0] == t.t("speech.volume", n=90) and engine.heard[-1][2] == 90
    window.reset_for_next_person()  # the session ends
    assert speaker.volume == speaker.default_volume and not speaker.on


@pytest.mark.conformance("5.1.3.1", "5.1.3.6", "5.5.2", "5.6.1")
def test_the_focused_control_is_said_with_role_name_and_state(qtbot, kiosk):
    window, parts, engine = kiosk
    t = window.translator
    parts.speech.turn_on()  # turning on also starts following the focus
    window.flow.go("results")
    settle(qtbot)
    start = len(engine.heard)
    window.screen("results").open_choices(True)   # folded under "Narrow the list" at first
    settle(qtbot)
    chip = window.screen("results").open_now
    chip.setFocus()
    said = heard(qtbot, engine, start)
    assert said[-1][0].startswith(t.t("speech.role.toggle") + ", ") or said[-1][0].startswith(
        t.t("speech.role.button") + ", ")
    assert (chip.accessibleName() or chip.text()).split()[0] in said[-1][0]
    if chip.isCheckable():
        assert said[-1][0].endswith(t.t("speech.state.not_checked"))


@pytest.mark.conformance("5.1.3.8")
def test_a_pin_digit_is_never_spoken(qtbot, kiosk):
    from ui.screens.login import PIN_PAGE

    window, parts, engine = kiosk
    parts.speech.speaker.on = True
    login = parts.login
    login.ask()
    login.choose("card")
    login._card = "A1B2C3D4"
    login._show_page(PIN_PAGE)
    settle(qtbot)
    start = len(engine.heard)
    # A key at a person's pace: each is said before the next (a new one cuts the one still
    # being said, by design, so keys sent back to back may leave fewer behind).
    for d in "4711":
        tap(window, login.pin_pad.digit_buttons[d])
        heard(qtbot, engine, start)
    key(window, Qt.Key.Key_5)  # a keypad or card reader types too
    said = heard(qtbot, engine, start)
    assert login.pin_pad.value == "47115"
    entered = [x for x, _l in said if x == window.translator.t("speech.digit_entered")]
    assert len(entered) == 5  # each key said, none by its digit
    assert not any(re.search(r"[0-9]", x) for x, _l in said), said


@pytest.mark.conformance("5.1.3.15")
def test_an_error_message_is_spoken_with_what_to_do(qtbot, kiosk):
    window, parts, engine = kiosk
    t = window.translator
    parts.speech.speaker.on = True
    window.show_message("common.error.heading", "common.error.message")
    said = texts(heard(qtbot, engine))
    assert t.t("common.error.heading") in said and t.t("common.error.message") in said
    assert t.t("speech.actions", actions=t.t("common.ok")) in said


@pytest.mark.conformance("5.1.3.14")
def test_somali_without_a_voice_is_shown_and_told_to_staff(qtbot, kiosk):
    from ui.screens.sync_status import SyncStatusScreen
    from ui.speech import staff_lines

    window, parts, engine = kiosk
    speaker = parts.speech.speaker
    speaker.on = True
    window.translator.set_language("so")
    window.flow.go("queue")
    heard(qtbot, engine)
    assert window.flow.current.name == "queue"  # the flow went on
    assert speaker.missing_voices == ["so"]
    window.translator.set_language("fi")
    lines = staff_lines(window.translator, speaker)
    assert lines == [window.translator.t("speech.staff.no_voice", languages=window.translator.t("language.so.name"))]
    from kiosk.outbox import OutboxReview
    screen = SyncStatusScreen(tr=window.translator, metrics=window.metrics, review=OutboxReview(parts.services.db),
                              sync_now=lambda: None, staff=lambda: "n", speech_problems=lambda: lines)
    qtbot.addWidget(screen)
    assert screen.speech_status.text() == lines[0]


@pytest.mark.conformance("5.1.3.9", "5.1.3.11")
@pytest.mark.parametrize("headphones", ["absent", "connected"])
def test_own_bookings_are_spoken_only_to_headphones(qtbot, kiosk, headphones):
    window, parts, engine = kiosk
    t = window.translator
    speaker = parts.speech.speaker
    speaker.on, speaker.headphones_setting = True, headphones
    screen = window.screen("my_bookings")
    said = screen.spoken()
    private = [u.text for u in said if u.private]
    assert private, "the screen's own texts are marked private"
    start = len(engine.heard)
    parts.speech.say(said)
    out = [x for x, _l in heard(qtbot, engine, start)]
    note = t.t("speech.private_on_screen")
    if headphones == "absent":
        assert note in out and not set(private) & set(out)
    else:
        assert note not in out and set(private) <= set(out)
