"""Driving the kiosk by keypad only, never a mouse: keys go to the kiosk's window as a real
keypad's do (QTest's QWindow overload, through the window system interface), and Qt hands
them to whatever has the focus."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from tests.ui.conftest import settle


def press(qtbot, window: QWidget, key: Qt.Key, times: int = 1) -> None:
    """A key of the tactile keypad (or a USB keyboard), sent where the focus is."""
    for _ in range(times):
        QTest.keyClick(window.windowHandle(), key)
        settle(qtbot)


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def walk_to(qtbot, window: QWidget, wanted: Callable[[QWidget], bool] | str, limit: int = 120,
            key: Qt.Key = Qt.Key.Key_Down) -> QWidget:
    """Press Down (or ``key``) until the focused control is the one wanted: by object name
    or a predicate. Fails, naming what was passed, if it is not reachable."""
    match = (lambda w: w.objectName() == wanted) if isinstance(wanted, str) else wanted
    seen = []
    for _ in range(limit):
        w = focused()
        if w is not None and w.window() is window and match(w):
            return w
        seen.append(w.objectName() or w.accessibleName() if w is not None else None)
        press(qtbot, window, key)
    raise AssertionError(f"{wanted!r} not reachable by keypad; focus went {seen[:60]}")


def activate(qtbot, window: QWidget, wanted: Callable[[QWidget], bool] | str, limit: int = 120) -> QWidget:
    """Walk to a control and press Enter on it."""
    w = walk_to(qtbot, window, wanted, limit)
    press(qtbot, window, Qt.Key.Key_Return)
    qtbot.wait(200)   # animateClick releases the button after 100 ms
    settle(qtbot)
    return w


def type_on_screen_keyboard(qtbot, window: QWidget, text: str) -> None:
    """Type ``text`` with the on-screen keyboard's keys, reached by arrows, pressed by Enter."""
    for ch in text:
        name = "key-space" if ch == " " else f"key-{ch}"
        # Up and Down both walk the same chain; the shorter way round is not worth the code.
        activate(qtbot, window, name, limit=200)
