"""The idle countdown, without Qt: the UI feeds it time and activity.

After ``timeout_s`` seconds without a touch the kiosk resets for the next person.
During the last ``warning_s`` seconds a countdown is shown; any touch cancels it.
Time is a plain float (seconds, monotonic) so tests drive it directly.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable


@dataclass(frozen=True)
class IdleState:
    warning: bool          # the countdown is on screen
    seconds_left: int      # whole seconds until the reset, rounded up (what the countdown shows)
    expired: bool = False


class IdleCountdown:
    def __init__(self, timeout_s: float, warning_s: float, now: float,
                 on_expire: Callable[[], None] | None = None) -> None:
        if timeout_s <= 0 or warning_s <= 0 or warning_s >= timeout_s:
            raise ValueError(f"need 0 < warning_s ({warning_s}) < timeout_s ({timeout_s})")
        self.timeout_s = timeout_s
        self.warning_s = warning_s
        self._last_activity = now
        self._expired = False
        self._on_expire = on_expire

    def activity(self, now: float) -> None:
        """A touch, click or key press: the person is still here."""
        self._last_activity = now
        self._expired = False

    def state(self, now: float) -> IdleState:
        left = self.timeout_s - (now - self._last_activity)
        if left <= 0:
            return IdleState(warning=False, seconds_left=0, expired=True)
        return IdleState(warning=left <= self.warning_s, seconds_left=math.ceil(left))

    def tick(self, now: float) -> IdleState:
        """Check the time; calls ``on_expire`` once when the time runs out."""
        st = self.state(now)
        if st.expired and not self._expired:
            self._expired = True
            if self._on_expire is not None:
                self._on_expire()
            # The reset starts a fresh wait for the next person.
            self._last_activity = now
            self._expired = False
        return st
