"""The call's web view: the page fills it, and the kiosk keeps every key that could leave."""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)

_BLOCKED_SEQUENCES = (
    QKeySequence.StandardKey.Back, QKeySequence.StandardKey.Forward, QKeySequence.StandardKey.Refresh,
    QKeySequence.StandardKey.Print, QKeySequence.StandardKey.Save, QKeySequence.StandardKey.SaveAs,
    QKeySequence.StandardKey.Open, QKeySequence.StandardKey.New, QKeySequence.StandardKey.Close,
    QKeySequence.StandardKey.Quit, QKeySequence.StandardKey.Find, QKeySequence.StandardKey.AddTab,
    QKeySequence.StandardKey.FullScreen,
)
# Keys Chromium or a desktop would act on that QKeySequence does not name.
_BLOCKED_KEYS = {
    (Qt.Key.Key_F12, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_F11, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_F5, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
    (Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier),
    (Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier),
    (Qt.Key.Key_Home, Qt.KeyboardModifier.AltModifier),
    (Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier),
    (Qt.Key.Key_J, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier),
    (Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier),
    (Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier),
}
_MODIFIERS = (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
              | Qt.KeyboardModifier.AltModifier | Qt.KeyboardModifier.MetaModifier)


def is_escape_key(event: QKeyEvent) -> bool:
    """A key that would reload, print, save, open developer tools, go back or close."""
    mods = event.modifiers() & _MODIFIERS
    if (Qt.Key(event.key()), mods) in _BLOCKED_KEYS:
        return True
    combo = event.keyCombination()
    return any(QKeySequence(combo).matches(QKeySequence(std)) == QKeySequence.SequenceMatch.ExactMatch
               for std in _BLOCKED_SEQUENCES if not QKeySequence(std).isEmpty())


class CallView(QWebEngineView):
    """No context menu, no developer tools, no keys that leave the room."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.setAcceptDrops(False)  # dropping a file would navigate to it
        # No stop of the kiosk's keypad (ui/keypad.py): the room needs nothing pressed, the
        # kiosk's controls beside it do what a call needs, and neither the focus ring nor
        # speech could follow the focus into the page. A tap still gives the page the focus;
        # the keypad's arrows and Back are seen by the window first and lead out again.
        self.setProperty("keypad_skip", True)
        self.blocked_keys: list[str] = []
        self._watch(self)

    def _watch(self, widget: QObject) -> None:
        widget.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        # The page's widget (the focus proxy) appears as a child once a page is shown.
        if event.type() == QEvent.Type.ChildAdded and event.child().isWidgetType():
            self._watch(event.child())
        elif event.type() in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride) and is_escape_key(event):
            if event.type() == QEvent.Type.KeyPress:
                text = QKeySequence(event.keyCombination()).toString()
                log.warning("video call: blocked key %s", text)
                self.blocked_keys.append(text)
            event.accept()
            return True
        elif event.type() == QEvent.Type.ContextMenu:
            return True
        return super().eventFilter(obj, event)

    def contextMenuEvent(self, event) -> None:
        event.accept()  # nothing: no "Inspect", "Save as", "View source"
