"""Typing on the kiosk's on-screen keyboard (ui/widgets/keyboard.py) by taps, as a finger
does: each tap goes to the window (QTest's QWindow overload), at the key's place."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget

from ui.widgets.keyboard import ARABIC_DIGITS, DIGITS


def tap(qtbot, window: QWidget, widget: QWidget) -> None:
    assert widget.isVisible(), widget.objectName()
    QTest.mouseClick(window.windowHandle(), Qt.MouseButton.LeftButton,
                     pos=widget.mapTo(window, widget.rect().center()))
    qtbot.wait(1)


def type_by_taps(qtbot, window: QWidget, keyboard, text: str) -> None:
    """Tap ``text`` key by key; a letter not on the keys shown is looked for as a resident
    would: the digits (123), back, the other letters (the layout key), and so on. A capital
    is Shift, then its letter."""
    for ch in text:
        small = ch.lower()
        for _ in range(8):
            if ch == " " or small in keyboard.keys:
                break
            if keyboard.current in (DIGITS, ARABIC_DIGITS):
                tap(qtbot, window, keyboard.digits_key)  # back to the letters
                if keyboard.layout_key.isVisible():
                    tap(qtbot, window, keyboard.layout_key)
            else:
                tap(qtbot, window, keyboard.digits_key)
        else:
            raise AssertionError(f"{ch!r} is on no layout the keyboard offers")
        if ch != small:
            assert keyboard.shift.isVisible(), f"no Shift for {ch!r}"
            if not keyboard.shifted:
                tap(qtbot, window, keyboard.shift)
        tap(qtbot, window, keyboard.space if ch == " " else keyboard.keys[small])
