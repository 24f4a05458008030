"""Wrong-PIN limits, shared by the kiosk (staff, offline) and the reference backend
(resident cards): after ``max_failures`` wrong PINs in a row the card is locked for
``lock_s`` seconds; each further lockout doubles, up to a day. A right PIN clears it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta


@dataclass(frozen=True)
class LockoutState:
    failures: int = 0           # wrong PINs since the last success or lockout
    lockouts: int = 0           # lockouts since the last success
    locked_until: datetime | None = None


@dataclass(frozen=True)
class LockoutPolicy:
    max_failures: int = 5
    lock_s: int = 300
    max_lock_s: int = 86_400

    def locked_until(self, state: LockoutState, now: datetime) -> datetime | None:
        """When the card opens again, or None if it is not locked now."""
        if state.locked_until is not None and state.locked_until > now:
            return state.locked_until
        return None

    def after_failure(self, state: LockoutState, now: datetime) -> LockoutState:
        failures = state.failures + 1
        if failures >= self.max_failures:
            seconds = min(self.lock_s * 2 ** state.lockouts, self.max_lock_s)
            return LockoutState(0, state.lockouts + 1, now + timedelta(seconds=seconds))
        return LockoutState(failures, state.lockouts, None)

    def attempts_left(self, state: LockoutState) -> int:
        return max(0, self.max_failures - state.failures)

    @staticmethod
    def after_success() -> LockoutState:
        return LockoutState()
