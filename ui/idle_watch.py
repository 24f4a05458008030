"""Feeds the Qt-free idle countdown with input events and time, and shows the countdown."""

from __future__ import annotations

import time
from typing import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

from kiosk.idle import IdleCountdown, IdleState

# Anything a person does at the screen counts as "still here".
_ACTIVITY = {QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease, QEvent.Type.MouseMove,
             QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate, QEvent.Type.KeyPress, QEvent.Type.Wheel}


class IdleWatch(QObject):
    def __init__(self, window, *, timeout_s: float, warning_s: float,
                 clock: Callable[[], float] = time.monotonic, tick_ms: int = 250) -> None:
        super().__init__(window)
        self.window = window
        self.clock = clock
        self.countdown = IdleCountdown(timeout_s, warning_s, clock(), on_expire=self._expired)
        self._warning_shown = False
        # While any hold is true the guest reset waits: a signed-in person has their own
        # session timeout, and someone talking on a video call does not touch the screen.
        self.holds: list[Callable[[], bool]] = []
        QApplication.instance().installEventFilter(self)
        self.timer = QTimer(self)
        self.timer.setInterval(tick_ms)
        self.timer.timeout.connect(self.tick)
        self.timer.start()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY:
            # Mouse moves without a button are a hovering mouse, not a person (touch never hovers).
            if event.type() != QEvent.Type.MouseMove or event.buttons():
                self.activity()
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
