"""Every flow of a fully wired kiosk (as main() builds it) completed with a keypad alone:
QTest.keyClick on whatever has the focus (tests/ui/keypad.py), no mouse, no direct calls.

The backend is absent here (a port nobody listens on): what a resident does offline must
work by keypad too; the flows that need the backend's answer are in the online test below.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from kiosk.storage.models import OutboxItem
from tests.backend import free_port
from tests.ui.conftest import settle
from tests.ui.keypad import activate, focused, press, walk_to
from tests.ui.test_wiring import wired  # noqa: F401  (the window with every service attached)

pytestmark = pytest.mark.gui


def offline(wired):
    return wired(f"http://127.0.0.1:{free_port()}")  # nothing listens there


def outbox_kinds(db) -> list[str]:
    with db.sessions() as s:
        return [i.kind for i in s.query(OutboxItem).order_by(OutboxItem.created_at)]


@pytest.mark.conformance("5.1.6.1", "WCAG 2.1.1")
def test_feedback_by_keypad(qtbot, wired, db):
    window, _kiosk = offline(wired)
    activate(qtbot, window, "tile-feedback")
    assert window.flow.current.name == "feedback"
    activate(qtbot, window, "smiley-4")
    qtbot.waitUntil(lambda: "feedback" in outbox_kinds(db), timeout=10_000)
    activate(qtbot, window, "nps-9")
    activate(qtbot, window, lambda w: w.objectName() in ("feedback-send", "feedback-done") and w.isEnabled())
    settle(qtbot)
    activate(qtbot, window, lambda w: w.objectName() in ("feedback-home", "feedback-done"))
    qtbot.waitUntil(lambda: window.flow.current.name == "home")


@pytest.mark.conformance("5.1.6.1", "WCAG 2.1.1")
def test_queue_number_by_keypad(qtbot, wired):
    window, _kiosk = offline(wired)
    activate(qtbot, window, "tile-queue")
    activate(qtbot, window, "queue-line-health-walkin")
    screen = window.screen("queue")
    qtbot.waitUntil(lambda: screen.number.isVisible() and screen.number.text().strip() not in ("", "–"),
                    timeout=10_000)
    activate(qtbot, window, "queue-done")
    assert window.flow.current.name == "home"


@pytest.mark.conformance("5.1.6.1", "WCAG 2.1.1")
def test_talk_to_a_nurse_offline_by_keypad_leads_to_a_queue_number(qtbot, wired):
    """Offline the screen offers the other ways, and those work by keypad (the call itself,
    with the real web engine: tests/video/test_call_by_keypad.py)."""
    window, _kiosk = offline(wired)
    activate(qtbot, window, "tile-nurse")
    screen = window.current_screen()
    qtbot.waitUntil(lambda: screen._unavailable is not None, timeout=10_000)
    activate(qtbot, window, "alternative-queue")
    assert window.flow.current.name == "queue"


@pytest.mark.conformance("5.1.6.1", "WCAG 2.1.1")
def test_take_part_and_booking_open_and_go_back_by_keypad(qtbot, wired):
    window, _kiosk = offline(wired)
    for tile, place in (("tile-participation", "participation"), ("tile-book", "booking")):
        activate(qtbot, window, tile)
        assert window.flow.current.name == place
        press(qtbot, window, Qt.Key.Key_Escape)
        assert window.flow.current.name == "home"
    activate(qtbot, window, "tile-book")
    activate(qtbot, window, "service-maternity-clinic")
    assert window.current_screen().objectName() == "screen-booking"


@pytest.mark.conformance("5.1.6.1", "WCAG 2.1.1")
def test_staff_sign_in_with_card_and_pin_by_keypad(qtbot, wired, db):
    from kiosk.identity.staff import replace_staff_verifiers
    from tests.identity.staff_data import NIINA_CARD, NIINA_PIN, verifier_rows

    replace_staff_verifiers(db, verifier_rows())
    window, kiosk = offline(wired)
    activate(qtbot, window, "staff-entry")
    if kiosk.login is None or not kiosk.login.isVisible():
        activate(qtbot, window, lambda w: w.objectName() in ("staff-gate-sign-in", "staff-queue-sign-in"))
    login = kiosk.login
    assert login.isVisible()
    if login.page() == "choose":
        activate(qtbot, window, "login-key-staff")
    pad = login.card_pad
    for d in NIINA_CARD:
        activate(qtbot, window, f"{pad.objectName()}-{d}")
    activate(qtbot, window, f"{pad.objectName()}-ok")
    pin = login.pin_pad
    qtbot.waitUntil(lambda: pin.isVisible())
    for d in NIINA_PIN:
        activate(qtbot, window, f"{pin.objectName()}-{d}")
    assert pin.display.text() == "●" * len(NIINA_PIN)     # the PIN is never shown
    activate(qtbot, window, f"{pin.objectName()}-ok")
    qtbot.waitUntil(lambda: kiosk.session.is_open, timeout=10_000)
    assert kiosk.session.identity.role == "nurse"
    qtbot.waitUntil(lambda: window.flow.current.name == "staff")
    assert not login.isVisible()
    # The focus is not left behind on the closed login screen.
    press(qtbot, window, Qt.Key.Key_Down)
    assert focused() is not None and focused().isVisible()
