"""Seeing a person's input without an application-wide event filter.

The idle countdown, the signed-in session and the language panel need to know that a
person touched or typed anywhere in the kiosk window. The obvious way, a Python event
filter on the QApplication, sees every event of every object, and PySide then builds a
Python wrapper for each receiver. Qt WebEngine's Qt Quick items are among them while a
call view starts in the kiosk process (``video.separate_process = false``); wrapping one
of those during its focus change crashes the process (``__dynamic_cast`` in shiboken's
``findDerivedType``, re-entered through the wrapper's own property change). The whole
kiosk died as the call opened.

Input from the screen, the keyboard and the mouse reaches the top-level ``QWindow`` first,
which then hands it to the widget under the finger; a filter on that one window sees all of
it and only ever wraps that window. Events a program sends straight to a widget
(``QApplication.sendEvent``; QTest's key clicks) do not pass the window: callers that need
those say ``activity()`` themselves.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

# Anything a person does at the screen counts as "still here".
ACTIVITY = frozenset({QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease, QEvent.Type.MouseMove,
                      QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.KeyPress,
                      QEvent.Type.Wheel})


def watch_window_input(widget: QWidget, listener: QObject) -> None:
    """Install ``listener`` as an event filter on the native window of ``widget``'s
    top-level widget (created now if it does not exist yet)."""
    top = widget.window()
    handle = top.windowHandle()
    if handle is None:
        top.winId()  # creates the QWindow without showing it
        handle = top.windowHandle()
    handle.installEventFilter(listener)


def unwatch_window_input(widget: QWidget, listener: QObject) -> None:
    handle = widget.window().windowHandle()
    if handle is not None:
        handle.removeEventFilter(listener)
