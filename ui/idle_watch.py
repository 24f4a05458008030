"""Feeds the Qt-free idle countdown with input events and time, and shows the countdown."""

from __future__ import annotations

import time
from typing import Callable

from PySide6.QtCore import QEvent, QObject, QTimer

from kiosk.idle import IdleCountdown, IdleState
from ui.input_tap import ACTIVITY as _ACTIVITY
from ui.input_tap import watch_window_input

_PRESSES = {QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin}
_RELEASES = {QEvent.Type.MouseButtonRelease, QEvent.Type.TouchEnd}


class IdleWatch(QObject):
    def __init__(self, window, *, timeout_s: float, warning_s: float,
                 clock: Callable[[], float] = time.monotonic, tick_ms: int = 250) -> None:
        super().__init__(window)
        self.window = window
        self.clock = clock
        self.countdown = IdleCountdown(timeout_s, warning_s, clock(), on_expire=self._expired)
        self._warning_shown = False
        self._eat_until_release = False
        # While any hold is true the guest reset waits: a signed-in person has their own
        # session timeout, and someone talking on a video call does not touch the screen.
        self.holds: list[Callable[[], bool]] = []
        watch_window_input(window, self)  # not the QApplication: see ui/input_tap.py
        self.timer = QTimer(self)
        self.timer.setInterval(tick_ms)
        self.timer.timeout.connect(self.tick)
        self.timer.start()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in _ACTIVITY:
            # Mouse moves without a button are a hovering mouse, not a person (touch never hovers).
            if kind != QEvent.Type.MouseMove or event.buttons():
                # The touch that answers "are you still there?" only closes the question: it
                # must not also press whatever lies under the overlay (the window sees the
                # touch before any widget does), so it and its release stop here.
                answering = self._warning_shown and kind in _PRESSES
                self.activity()
                if answering:
                    self._eat_until_release = True
                    return True
        if self._eat_until_release and kind in _RELEASES:
            self._eat_until_release = False
            return True
        return False

    def activity(self) -> None:
        self.countdown.activity(self.clock())
        if self._warning_shown:
            self._warning_shown = False
            self.window.overlay.dismiss()

    def tick(self) -> IdleState:
        if any(hold() for hold in self.holds):
            self.activity()
        state = self.countdown.tick(self.clock())
        if state.warning and self.window.has_something_to_reset():
            self.show_countdown(state.seconds_left)
        return state

    def show_countdown(self, seconds_left: int) -> None:
        tr = self.window.translator
        # Text changes every second; the overlay is reused so that it does not flicker.
        self.window.overlay.show_message(tr.t("idle.heading"), tr.plural("idle.message", seconds_left),
                                         tr.t("idle.continue"))
        self._warning_shown = True

    def _expired(self) -> None:
        self._warning_shown = False
        self.window.reset_for_next_person()
