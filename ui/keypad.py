"""Keypad and keyboard use of the whole kiosk (EN 301 549 5.1.6, 5.8, 5.9; WCAG 2.1.1, 2.1.2).

One event filter per window, not per screen: every screen that is built from ordinary
Qt buttons and fields works by keypad without knowing it.

- Arrows and Tab move the focus in reading order (in a right-to-left language the left
  arrow moves on); a text field keeps Left/Right for its cursor.
- Enter activates the focused button (Qt itself only does so in dialogs).
- A Back key (Escape, the Back key of a tactile keypad) presses the nearest visible
  button marked ``keypad="back"``, looking outwards from the focus: inside a cover such as
  the login screen its own back button, otherwise the top bar's Back, or Home when there
  is no Back.
- A Help key (F1, Help) emits ``help_requested``: speech output repeats what it last said.
- The focus ring is seen only while keys are used (like the web's ``:focus-visible``):
  at start the focus is on the window itself, so nothing looks chosen; the first arrow or
  Tab puts it on the first control, and a touch hides the ring again. The ring is painted
  over the control's edge in two tones (``ui.theme.focus_ring``), so it stands out from a
  dark action button and from a light page alike.
- Double-press rejection (``ui.double_press_ms``): a second press of the same control
  within that time is dropped, for hands that tremble. It applies to touch and mouse
  presses only; a keypad debounces in hardware and a card reader "types" fast.
"""

from __future__ import annotations

import time
from typing import Callable

import shiboken6
from PySide6.QtCore import QEvent, QObject, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import (QAbstractButton, QAbstractSpinBox, QApplication, QBoxLayout, QComboBox, QLineEdit,
                               QPlainTextEdit, QScrollArea, QTextEdit, QWidget)

from ui.input_tap import watch_window_input
from ui.theme import LIGHT, focus_ring

BACK_KEYS = (Qt.Key.Key_Escape, Qt.Key.Key_Back)
HELP_KEYS = (Qt.Key.Key_F1, Qt.Key.Key_Help)
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
NEXT_KEYS = (Qt.Key.Key_Down, Qt.Key.Key_Right)
PREVIOUS_KEYS = (Qt.Key.Key_Up, Qt.Key.Key_Left)
_TEXT_FIELDS = (QLineEdit, QTextEdit, QPlainTextEdit, QAbstractSpinBox, QComboBox)
_PRESSES = (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick, QEvent.Type.TouchBegin)
_RELEASES = (QEvent.Type.MouseButtonRelease, QEvent.Type.TouchEnd)
# What the ring is drawn on: our own controls only (never inside a web view's widgets).
_RINGED = (QAbstractButton, *_TEXT_FIELDS)
RING_LINE_PX = 3   # each of the two lines; 6 px in all


class FocusRing(QWidget):
    """The two-tone ring, a child laid over the focused control: it moves, scrolls and is
    clipped with it, and lets every touch through to it."""

    def __init__(self, colours, radius) -> None:
        super().__init__()
        self._colours = colours   # () -> (outer, inner)
        self._radius = radius     # () -> corner radius in px, the controls' own
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self.setAttribute(Qt.WidgetAttribute.WA_NoSystemBackground, True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setObjectName("focus-ring")

    def follow(self, control: QWidget) -> None:
        if self.parentWidget() is not control:
            self.setParent(control)
        self.setGeometry(control.rect())
        self.show()
        self.raise_()
        self.update()

    def paintEvent(self, _event) -> None:
        outer, inner = self._colours()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        r = float(self._radius())
        half = RING_LINE_PX / 2
        for i, colour in enumerate((outer, inner)):
            inset = half + i * RING_LINE_PX
            painter.setPen(QPen(QColor(colour), RING_LINE_PX))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            rect = QRectF(self.rect()).adjusted(inset, inset, -inset, -inset)
            corner = max(0.0, r - inset)
            painter.drawRoundedRect(rect, corner, corner)
        painter.end()


def mark_back(button: QAbstractButton) -> QAbstractButton:
    """This button is what the Back key presses where it is the nearest one."""
    button.setProperty("keypad", "back")
    return button


def mark_home(button: QAbstractButton) -> QAbstractButton:
    """Pressed by the Back key when no Back button is shown (e.g. the top bar's Home)."""
    button.setProperty("keypad", "home")
    return button


def _usable(w: QWidget) -> bool:
    return w.isVisible() and w.isEnabled()


def nearest_marked(start: QWidget, top: QWidget, mark: str) -> QAbstractButton | None:
    """The visible button marked ``mark`` closest to ``start``: its own subtree first, then
    each ancestor's, up to ``top``."""
    w: QWidget | None = start
    while w is not None:
        for b in w.findChildren(QAbstractButton):
            if b.property("keypad") == mark and _usable(b):
                return b
        if w is top:
            break
        w = w.parentWidget()
    return None


class KeypadNavigation(QObject):
    """Installed on the window's native window (``ui/input_tap.py``: never on the
    application), so it sees every key and press before any widget does."""

    help_requested = Signal()
    back_pressed = Signal()   # after the Back key pressed a button (speech can say where it went)

    def __init__(self, window: QWidget, *, double_press_ms: int = 0,
                 clock: Callable[[], float] = time.monotonic,
                 ring_colours: Callable[[], tuple[str, str]] = lambda: focus_ring(LIGHT),
                 ring_radius: int = 0) -> None:
        super().__init__(window)
        self.window = window
        self.double_press_ms = double_press_ms
        self.clock = clock
        self._last_press: tuple[int, float] | None = None   # (id of the control, when)
        self.rejected = 0   # presses dropped as double presses (for the log and tests)
        self._eat_release = False
        self.keys_used = False   # the ring shows only after a key, until the next touch
        self._ring: FocusRing | None = None
        self._ringed: QWidget | None = None
        self._ring_colours = ring_colours   # the theme in use now (the "Aa" button changes it)
        self._ring_radius = ring_radius
        # Nothing is chosen at start: the window holds the focus. NoFocus, not ClickFocus:
        # a tap on a control that takes no focus (an on-screen key) would otherwise pass the
        # focus up to the window and take it, and the cursor, from the field being typed in
        # (seen under cage). setFocus() still gives it the focus; Tab never stops on it.
        window.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        window.setFocus(Qt.FocusReason.OtherFocusReason)
        self._focus_watched = False
        watch_window_input(window, self)

    # -- the filter ------------------------------------------------------------------------
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        kind = event.type()
        if obj is self._ringed:
            if kind == QEvent.Type.Resize and self._ring is not None and shiboken6.isValid(self._ring):
                self._ring.setGeometry(self._ringed.rect())
            return False
        if kind == QEvent.Type.KeyPress:
            self._show_ring(True)
            focus = QApplication.focusWidget()
            # Where the person is: the focused control, or the window when nothing has the focus.
            return self._key(focus if focus is not None and focus.window() is self.window else self.window, event)
        if kind in _PRESSES:
            self._show_ring(False)
        if kind in _PRESSES and self.double_press_ms > 0:
            button = self._button_at(event)
            if button is not None and self._reject_double(button):
                self._eat_release = True
                return True
        elif kind in _RELEASES and self._eat_release:
            self._eat_release = False
            return True   # the release of a rejected press must not click either
        return False

    def _button_at(self, event) -> QAbstractButton | None:
        points = event.points() if hasattr(event, "points") else ()
        if not points:
            return None
        w = self.window.childAt(points[0].position().toPoint())
        while w is not None and not isinstance(w, QAbstractButton):
            w = w.parentWidget()
        return w if w is not None and w.isEnabled() else None

    def _reject_double(self, button: QAbstractButton) -> bool:
        now = self.clock()
        last = self._last_press
        self._last_press = (id(button), now)
        if last is not None and last[0] == id(button) and (now - last[1]) * 1000 < self.double_press_ms:
            self.rejected += 1
            return True
        return False

    def _key(self, target: QWidget, event) -> bool:
        key = event.key()
        mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if mods not in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier):
            return False
        # The window sees the key before the focused control does: ``target`` is where the
        # person is (the focus, or the window itself when nothing has the focus).
        propagated, focus = False, target
        if key in HELP_KEYS:
            self.help_requested.emit()
            return True
        if key in BACK_KEYS:
            return self.go_back(focus)
        if propagated:
            return False
        if focus is self.window:
            if key in NEXT_KEYS + PREVIOUS_KEYS + (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
                self._enter_first()
                return True
            return False
        if key in ENTER_KEYS and isinstance(focus, QAbstractButton):
            if focus.isEnabled() and focus.isVisible():
                focus.animateClick()
            return True
        if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            self.move(key == Qt.Key.Key_Tab and not mods & Qt.KeyboardModifier.ShiftModifier, focus)
            return True
        if key in NEXT_KEYS + PREVIOUS_KEYS:
            if isinstance(focus, _TEXT_FIELDS) and key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
                return False   # the cursor moves in the text
            if isinstance(focus, QComboBox):
                return False
            forward = key in NEXT_KEYS
            if key in (Qt.Key.Key_Left, Qt.Key.Key_Right) and focus.layoutDirection() == Qt.LayoutDirection.RightToLeft:
                forward = not forward   # the next thing in reading order is to the left
            self.move(forward, focus)
            return True
        return False

    # -- the focus ring ------------------------------------------------------------------------
    def _show_ring(self, on: bool) -> None:
        if on != self.keys_used:
            self.keys_used = on
            self._watch_focus(on)
            self._place_ring(QApplication.focusWidget())

    def _watch_focus(self, on: bool) -> None:
        # focusChanged wraps every widget that gets focus, the video view's too (the crash
        # ui/input_tap.py tells of): connected only while the ring is shown, as speech does.
        app = QApplication.instance()
        if on and not self._focus_watched:
            app.focusChanged.connect(self._focus_moved)
        elif not on and self._focus_watched:
            app.focusChanged.disconnect(self._focus_moved)
        self._focus_watched = on

    def _focus_moved(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is None or new.window() is self.window:
            self._place_ring(new)

    def _place_ring(self, focus: QWidget | None) -> None:
        ring = self._ring if self._ring is not None and shiboken6.isValid(self._ring) else None
        if self._ringed is not None and shiboken6.isValid(self._ringed):
            self._ringed.removeEventFilter(self)
        self._ringed = None
        wanted = (self.keys_used and focus is not None and focus is not self.window
                  and isinstance(focus, _RINGED) and focus.window() is self.window)
        if not wanted:
            if ring is not None:
                ring.hide()
            return
        if ring is None:
            # The control the ring lay on was deleted, and the ring with it: a new one.
            ring = self._ring = FocusRing(self._ring_colours, lambda: self._ring_radius)
        ring.follow(focus)
        self._ringed = focus
        focus.installEventFilter(self)   # only its resizes (see eventFilter)

    def forget(self) -> None:
        """The next person starts as the first did: no ring, the focus on the window."""
        self.keys_used = False
        self._watch_focus(False)
        self._place_ring(None)
        self.window.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- what the keys do --------------------------------------------------------------------
    def move(self, forward: bool, focus: QWidget | None = None) -> None:
        focus = focus or QApplication.focusWidget()
        if focus is None or focus.window() is not self.window:
            self._enter_first()
            return
        # Reading order, not Qt's focus chain: the chain is the order widgets were made in, so
        # a part made later (a list row kept and shown again at another place, a service card's
        # parts made in slices, the take-part options filled in after the page's buttons, the
        # signed-in badge made before the screens) came at the wrong place, and the chain holds
        # every widget of the window, thousands after a day (a walk round it capped at 2000 steps
        # left the focus stuck: a trap). Tab and the arrows both follow this order.
        order = reading_order(topmost_cover(self.window) or self.window)
        if not order:
            return
        at = _index_of(order, focus)
        if at is None:
            nxt = order[0] if forward else order[-1]
        else:
            nxt = order[(at + (1 if forward else -1)) % len(order)]
        if nxt is focus:
            return
        nxt.setFocus(Qt.FocusReason.TabFocusReason if forward else Qt.FocusReason.BacktabFocusReason)
        scroll_into_view(nxt)

    def _enter_first(self) -> None:
        """Nothing has the focus yet: the first arrow press goes to the first control in
        reading order (the top bar's first; from the right in a right-to-left language)."""
        self.window.activateWindow()
        order = reading_order(topmost_cover(self.window) or self.window)
        if not order:
            return
        order[0].setFocus(Qt.FocusReason.TabFocusReason)
        scroll_into_view(order[0])

    def go_back(self, focus: QWidget | None) -> bool:
        start = focus or self.window
        cover = topmost_cover(self.window)
        if cover is not None and hasattr(cover, "keypad_back"):
            cover.keypad_back()   # a message or the language panel closes
            self.back_pressed.emit()
            return True
        if cover is not None:
            # Under a cover only its own buttons count: Back never acts on the screen beneath.
            top = cover
            if cover_of(start) is not cover:
                start = cover
        else:
            top = self.window
            # A screen that must ask before it is left (a call that is on) takes the key,
            # wherever the focus is: on its controls, in the top bar, or on the window.
            screen = _asking_screen(start, self.window)
            if screen is not None and screen.ask_before_leaving():
                self.back_pressed.emit()
                return True
        for mark in ("back", "home"):
            b = nearest_marked(start, top, mark)
            if b is not None:
                b.click()
                self.back_pressed.emit()
                return True
        return True   # nothing to go back to: the key is used up, not typed anywhere


def _asking_screen(start: QWidget, window: QWidget) -> QWidget | None:
    """The widget above ``start`` (or the window's screen shown now) with ``ask_before_leaving``."""
    w: QWidget | None = start
    while w is not None:
        if hasattr(w, "ask_before_leaving"):
            return w
        w = w.parentWidget()
    current = getattr(window, "current_screen", None)
    screen = current() if callable(current) else None
    return screen if screen is not None and hasattr(screen, "ask_before_leaving") else None


def scroll_into_view(w: QWidget) -> None:
    """The focused control is never hidden below the fold of a list (WCAG 2.4.11)."""
    p = w.parentWidget()
    while p is not None:
        if isinstance(p, QScrollArea) and p.widget() is not None and p.widget().isAncestorOf(w):
            p.ensureWidgetVisible(w, 16, 16)
        p = p.parentWidget()


def cover_of(w: QWidget) -> QWidget | None:
    """The cover (login screen, message overlay) ``w`` lies in, if any."""
    p: QWidget | None = w
    while p is not None:
        if p.property("keypad_cover"):
            return p
        p = p.parentWidget()
    return None


def topmost_cover(top: QWidget) -> QWidget | None:
    """The visible cover raised last (raise_() moves a widget to the end of its parent's
    children), or None."""
    covers = [c for c in top.findChildren(QWidget) if c.property("keypad_cover") and c.isVisible()]
    if not covers:
        return None
    direct = [c for c in top.children() if isinstance(c, QWidget) and c in covers]
    return direct[-1] if direct else covers[-1]


def _covered(w: QWidget) -> bool:
    """True when a visible cover lies over ``w``: the focus must not wander under the login
    screen or a message (where a finger cannot reach either)."""
    cover = topmost_cover(w.window())
    return cover is not None and cover_of(w) is not cover


def _stops(w: QWidget) -> bool:
    """The keypad stops here: a control that takes the focus by Tab (a widget that hands its
    focus to a proxy is reached through the proxy)."""
    return (bool(w.focusPolicy() & Qt.FocusPolicy.TabFocus) and w.isEnabled() and w.focusProxy() is None)


def reading_order(root: QWidget) -> list[QWidget]:
    """The controls under ``root`` the keypad stops on, in reading order: the order of the
    layouts, as the eye follows them (a column before the one beside it, a row's items along
    the reading direction: a right-to-left layout mirrors the same order), then children no
    layout holds (a scroll area's content, a stacked page). Hidden parts are skipped whole, so
    the walk visits the widgets on screen (hundreds), not the window's thousands. A part marked
    ``keypad_skip`` (the video call's web page) is skipped whole: the keypad never enters it."""
    found: list[QWidget] = []

    def visit(w: QWidget) -> None:
        if not w.isVisible() or w.property("keypad_skip") is True:
            return
        if w is not root and _stops(w):
            found.append(w)
        laid: dict[int, QWidget] = {}   # by id, the wrappers kept alive so an id is not reused
        layout = w.layout()
        if layout is not None:
            visit_layout(layout, laid)
        for child in w.children():
            if isinstance(child, QWidget) and id(child) not in laid and not child.isWindow():
                visit(child)

    def visit_layout(layout, laid: dict[int, QWidget]) -> None:
        items = [layout.itemAt(i) for i in range(layout.count())]
        if layout.property("keypad_last_first"):
            items.reverse()   # e.g. the search's keyboard before its results (ui/widgets/reflow.py)
        elif isinstance(layout, QBoxLayout) and layout.direction() in (QBoxLayout.Direction.BottomToTop,
                                                                      QBoxLayout.Direction.RightToLeft):
            items.reverse()   # laid out from the end: the eye meets the last item first
        for item in items:
            child = item.widget()
            if child is not None:
                laid[id(child)] = child
                if not child.isWindow():
                    visit(child)
            elif item.layout() is not None:
                visit_layout(item.layout(), laid)

    visit(root)
    return found


def _index_of(order: list[QWidget], w: QWidget) -> int | None:
    for i, x in enumerate(order):
        if x is w:
            return i
    return None
