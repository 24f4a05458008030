"""The Qt side of the session: feeds ``KioskSession`` with touches and time, shows the
countdown with "More time" and a sound before a session ends, a small "signed in /
log out" badge while one is open, and registers the wipe hooks that need Qt.

Sound: a short two-tone chime made in code (``session_warning_wav()``, 16-bit PCM WAV)
played with QtMultimedia's QSoundEffect when QtMultimedia can be imported; otherwise
``QApplication.beep()``. Tests hand in their own ``play_sound``.

Wipe hooks registered here: ``clipboard`` (both the clipboard and the X11 selection)
and ``window`` (the window's one reset entry point: every screen back to home, typed
text cleared, back history gone, default language).
"""

from __future__ import annotations

import io
import logging
import math
import struct
import tempfile
import time
import wave
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QClipboard, QGuiApplication
from PySide6.QtWidgets import QApplication, QFrame, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.identity.keys import Identity
from kiosk.identity.session import LOGOUT, KioskSession
from ui.i18n import Translator
from ui.input_tap import unwatch_window_input, watch_window_input
from ui.theme import Metrics
from ui.widgets.touch import button, label

log = logging.getLogger(__name__)

_ACTIVITY = {QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin, QEvent.Type.KeyPress, QEvent.Type.Wheel}


def session_warning_wav(rate: int = 22050) -> bytes:
    """A soft two-tone chime, 0.6 s: audible in a busy lobby, not alarming."""
    frames = bytearray()
    for freq, dur in ((880.0, 0.25), (660.0, 0.35)):
        n = int(rate * dur)
        for i in range(n):
            fade = min(1.0, i / (0.01 * rate), (n - i) / (0.05 * rate))
            frames += struct.pack("<h", int(0.45 * 32767 * fade * math.sin(2 * math.pi * freq * i / rate)))
    buf = io.BytesIO()
    with wave.open(buf, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(bytes(frames))
    return buf.getvalue()


def default_sound_player(parent: QObject) -> Callable[[], None]:
    """The warning sound, loaded at its first use: QtMultimedia costs start-up time and
    about 30 MB, and most kiosk uses never reach a session warning."""
    loaded: list[Callable[[], None]] = []

    def play() -> None:
        if not loaded:
            loaded.append(_load_sound_player(parent))
        loaded[0]()
    return play


def _load_sound_player(parent: QObject) -> Callable[[], None]:
    """QSoundEffect with the chime if QtMultimedia is there, else the system beep."""
    try:
        from PySide6.QtCore import QUrl
        from PySide6.QtMultimedia import QSoundEffect
    except ImportError:
        log.info("QtMultimedia is not available: the session warning uses QApplication.beep()")
        return QApplication.beep
    path = Path(tempfile.gettempdir()) / "welfare-kiosk-session-warning.wav"
    try:
        data = session_warning_wav()
        if not path.exists() or path.read_bytes() != data:
            path.write_bytes(data)
    except OSError as exc:
        log.warning("cannot write the warning sound (%s): using QApplication.beep()", exc)
        return QApplication.beep
    effect = QSoundEffect(parent)
    effect.setSource(QUrl.fromLocalFile(str(path)))
    effect.setVolume(0.8)
    return effect.play


def clear_clipboard(_reason: str = "") -> None:
    cb = QGuiApplication.clipboard()
    cb.clear(QClipboard.Mode.Clipboard)
    if cb.supportsSelection():
        cb.clear(QClipboard.Mode.Selection)


class SessionWarning(QFrame):
    """The countdown card: seconds left, "More time", "Log out now"."""

    def __init__(self, parent: QWidget, *, tr: Translator, metrics: Metrics) -> None:
        super().__init__(parent)
        self.setObjectName("session-warning")
        self.setProperty("role", "overlay")
        self.setProperty("keypad_cover", True)   # ui/keypad.py: the focus stays on the card
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.tr_ = tr
        outer = QVBoxLayout(self)
        outer.setAlignment(Qt.AlignmentFlag.AlignCenter)
        card = QFrame()
        card.setProperty("role", "overlay-card")
        col = QVBoxLayout(card)
        col.setContentsMargins(48, 40, 48, 40)
        col.setSpacing(24)
        self.heading = label(role="title")
        self.message = label(role="heading")
        self.message.setObjectName("session-countdown")
        for lab in (self.heading, self.message):
            lab.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.more = button("", "", role="primary", min_height=metrics.touch_px + 16)
        self.more.setObjectName("session-more-time")
        self.end_now = button("", "", min_height=metrics.touch_px)
        self.end_now.setObjectName("session-end-now")
        col.addWidget(self.heading)
        col.addWidget(self.message)
        col.addWidget(self.more)
        col.addWidget(self.end_now)
        outer.addWidget(card)
        self.seconds_left, self.extensions_left = 0, 0
        self.hide()

    def show_countdown(self, seconds_left: int, extensions_left: int) -> None:
        self.seconds_left, self.extensions_left = seconds_left, extensions_left
        self.retranslate()
        self.setGeometry(self.parentWidget().rect())
        if not self.isVisible():
            self.show()
        self.raise_()

    def retranslate(self) -> None:
        t = self.tr_.t
        self.heading.setText(t("session.warning.heading"))
        self.message.setText(self.tr_.plural("session.warning.message", self.seconds_left))
        self.more.setEnabled(self.extensions_left > 0)
        self.more.setText(t("session.more_time") if self.extensions_left > 0 else t("session.no_more_time"))
        self.more.setAccessibleName(self.more.text())
        self.end_now.setText(t("session.end_now"))
        self.end_now.setAccessibleName(t("session.end_now"))


class SessionBadge(QFrame):
    """Bottom-left while a session is open: who is signed in, and "Log out".

    In a window with a ``bottom_bar`` layout (the kiosk window) the badge sits in it and
    takes its own room under the screen; elsewhere it lies over the lower left corner."""

    def __init__(self, parent: QWidget, *, tr: Translator, metrics: Metrics) -> None:
        super().__init__(parent)
        self.setObjectName("session-badge")
        self.setProperty("role", "card")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.tr_, self.metrics = tr, metrics
        row = QHBoxLayout(self)
        row.setContentsMargins(metrics.gap_px, metrics.gap_px // 2, metrics.gap_px // 2, metrics.gap_px // 2)
        self.who = label(wrap=False)
        self.who.setObjectName("session-who")
        self.logout = button("", "", min_height=metrics.touch_px)
        self.logout.setObjectName("session-logout")
        row.addWidget(self.who)
        row.addWidget(self.logout)
        self.name = ""
        bar = getattr(parent, "bottom_bar", None)
        self.docked = bar is not None
        if self.docked:
            bar.addWidget(self)
            bar.addStretch(1)
        else:
            parent.installEventFilter(self)
        self.hide()

    def show_for(self, identity: Identity) -> None:
        self.name = identity.name
        self.retranslate()
        self.show()
        self.raise_()
        self._place()

    def forget(self) -> None:
        self.name = ""
        self.who.setText("")
        self.hide()

    def _place(self) -> None:
        if self.docked:
            return
        self.adjustSize()
        p = self.parentWidget().rect()
        m = self.metrics.margin_px // 2
        self.move(m, p.height() - self.height() - m)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self.isVisible():
            self._place()
        return False

    def retranslate(self) -> None:
        t = self.tr_.t
        self.who.setText(t("session.greeting", name=self.name) if self.name else t("session.greeting_anonymous"))
        self.logout.setText(t("session.logout"))
        self.logout.setAccessibleName(t("session.logout"))


class SessionBridge(QObject):
    """Connects one KioskSession to one window."""

    warning_started = Signal(int)
    session_ended = Signal(str)

    def __init__(self, session: KioskSession, *, window: QWidget, tr: Translator, metrics: Metrics,
                 reset: Callable[[], None] | None = None, clock: Callable[[], float] = time.monotonic,
                 play_sound: Callable[[], None] | None = None, tick_ms: int = 250) -> None:
        super().__init__(window)
        self.session, self.window, self.tr_, self.clock = session, window, tr, clock
        self.play_sound = play_sound or default_sound_player(self)
        self.warning = SessionWarning(window, tr=tr, metrics=metrics)
        self.warning.more.clicked.connect(self.more_time)
        self.warning.end_now.clicked.connect(lambda: session.end(LOGOUT))
        self.badge = SessionBadge(window, tr=tr, metrics=metrics)
        self.badge.logout.clicked.connect(lambda: session.end(LOGOUT))
        self._warned = False

        session.on_open(self._opened)
        session.on_end(lambda _identity, reason: self.session_ended.emit(reason))
        session.on_wipe("session-ui", lambda _reason: self._forget())
        session.on_wipe("clipboard", clear_clipboard)
        reset = reset or getattr(window, "reset_for_next_person", None)
        if reset is not None:
            session.on_wipe("window", lambda _reason: reset())
        tr.on_change(lambda _lang: (self.warning.retranslate(), self.badge.retranslate()))

        watch_window_input(window, self)  # not the QApplication: see ui/input_tap.py
        self.timer = QTimer(self)
        self.timer.setInterval(tick_ms)
        self.timer.timeout.connect(self.tick)
        self.timer.start()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY and self.session.is_open:
            self.session.activity(self.clock())
        return False

    def tick(self) -> None:
        state = self.session.tick(self.clock())    # may end the session: the hooks run inside
        if state.open and state.warning:
            self.warning.show_countdown(state.seconds_left, state.extensions_left)
            if not self._warned:
                self._warned = True
                self.play_sound()
                self.warning_started.emit(state.seconds_left)
        elif self.warning.isVisible():
            self.warning.hide()
            self._warned = False

    def more_time(self) -> None:
        if self.session.extend(self.clock()):
            self.warning.hide()
            self._warned = False

    def _opened(self, identity: Identity) -> None:
        self._warned = False
        self.badge.show_for(identity)

    def _forget(self) -> None:
        self._warned = False
        self.warning.hide()
        self.badge.forget()

    def stop(self) -> None:
        self.timer.stop()
        unwatch_window_input(self.window, self)
