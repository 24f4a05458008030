"""One session per person: it opens every service, ends on logout, idle timeout or
the next person, and ending it wipes everything the next person could see.

Qt-free. Time is a plain float (seconds, monotonic) handed in by the caller, so tests
drive it directly; ``ui/session_bridge.py`` feeds it from a QTimer and turns its
callbacks into the countdown, the sound and the window's reset.

Why a touch during the warning does not extend the session: the warning must be
answered on purpose ("more time"), so a leaning bag or the next person's first tap
cannot keep the previous person's session alive.
"""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass
from typing import Any, Callable

from kiosk.identity.keys import Identity

log = logging.getLogger(__name__)

# Why a session ended; the staff audit and the logs use these.
LOGOUT, TIMEOUT, NEXT_PERSON = "logout", "timeout", "next_person"


@dataclass(frozen=True)
class SessionPolicy:
    resident_timeout_s: float = 90
    staff_timeout_s: float = 600
    warning_s: float = 20
    max_extensions: int = 10

    def __post_init__(self) -> None:
        if not 0 < self.warning_s < min(self.resident_timeout_s, self.staff_timeout_s):
            raise ValueError("need 0 < warning_s < every timeout")
        if self.max_extensions < 0:
            raise ValueError("max_extensions must not be negative")

    def timeout_for(self, identity: Identity) -> float:
        return self.staff_timeout_s if identity.is_staff else self.resident_timeout_s

    @classmethod
    def from_config(cls, identity_config: Any) -> "SessionPolicy":
        c = identity_config
        return cls(c.resident_timeout_s, c.staff_timeout_s, c.warning_s, c.max_extensions)


@dataclass(frozen=True)
class SessionClock:
    """What the countdown shows."""

    open: bool
    warning: bool = False
    seconds_left: int = 0          # whole seconds until the end, rounded up
    extensions_left: int = 0
    expired: bool = False


@dataclass(frozen=True)
class PendingAction:
    """A personal action (book, vote, see my bookings) waiting for a key.

    ``where`` is whatever the flow needs to return the person to the same spot (a
    ``kiosk.flow.Place``); ``resume`` continues the action with the new identity.
    """

    name: str
    resume: Callable[[Identity], None]
    where: Any = None


WipeHook = Callable[[str], None]


class KioskSession:
    """The session slot of this kiosk: empty (guest) or one person's session."""

    def __init__(self, policy: SessionPolicy | None = None) -> None:
        self.policy = policy or SessionPolicy()
        self._identity: Identity | None = None
        self._last: float = 0.0           # last activity or extension
        self._extensions_used = 0
        self._pending: PendingAction | None = None
        self._wipe_hooks: list[tuple[str, WipeHook]] = []
        self._on_open: list[Callable[[Identity], None]] = []
        self._on_end: list[Callable[[Identity, str], None]] = []
        self._on_key_needed: list[Callable[[PendingAction], None]] = []
        self._wiping = False
        # Personal data fetched for this person (their bookings, their name for the
        # greeting...). Screens keep such things here, not in their own fields, so
        # that one wipe forgets them all.
        self.personal: dict[str, Any] = {}

    # -- reading ---------------------------------------------------------------------------
    @property
    def identity(self) -> Identity | None:
        return self._identity

    @property
    def is_open(self) -> bool:
        return self._identity is not None

    @property
    def pending(self) -> PendingAction | None:
        return self._pending

    @property
    def extensions_left(self) -> int:
        return max(0, self.policy.max_extensions - self._extensions_used)

    # -- listening -------------------------------------------------------------------------
    def on_wipe(self, name: str, hook: WipeHook) -> Callable[[], None]:
        """Register something to forget when a session ends (``hook(reason)``).

        The video web view registers one that drops its cookies, cache and
        permissions. Returns a function that unregisters the hook.
        """
        entry = (name, hook)
        self._wipe_hooks.append(entry)
        return lambda: self._wipe_hooks.remove(entry) if entry in self._wipe_hooks else None

    def on_open(self, listener: Callable[[Identity], None]) -> None:
        self._on_open.append(listener)

    def on_end(self, listener: Callable[[Identity, str], None]) -> None:
        """Called with the identity that was open and the reason, before the wipe hooks."""
        self._on_end.append(listener)

    def on_key_needed(self, listener: Callable[[PendingAction], None]) -> None:
        """A personal action needs a key: the UI shows the login screen."""
        self._on_key_needed.append(listener)

    # -- opening and personal actions ------------------------------------------------------
    def open(self, identity: Identity, now: float) -> None:
        """A key opened a session. A pending personal action continues right away."""
        if self._identity is not None and self._identity != identity:
            # Someone else's key: the previous person is gone. Keep the pending action,
            # it belongs to whoever is at the screen now.
            pending, self._pending = self._pending, None
            self.end(NEXT_PERSON)
            self._pending = pending
        self._identity = identity
        self._last = now
        self._extensions_used = 0
        log.info("session opened with the %s key (%s)", identity.key, identity.role)
        for listener in list(self._on_open):
            listener(identity)
        pending, self._pending = self._pending, None
        if pending is not None:
            pending.resume(identity)

    def require(self, name: str, resume: Callable[[Identity], None], *, where: Any = None) -> bool:
        """Run a personal action now if a session is open; else ask for a key first.

        Returns True when the action ran at once. Otherwise it waits as the pending
        action; ``open()`` continues it, ``cancel_pending()`` drops it.
        """
        if self._identity is not None:
            resume(self._identity)
            return True
        self._pending = PendingAction(name, resume, where)
        for listener in list(self._on_key_needed):
            listener(self._pending)
        return False

    def cancel_pending(self) -> PendingAction | None:
        """The person backed out of the login: forget the action, return where they were."""
        pending, self._pending = self._pending, None
        return pending

    # -- time --------------------------------------------------------------------------------
    def clock(self, now: float) -> SessionClock:
        if self._identity is None:
            return SessionClock(open=False)
        left = self.policy.timeout_for(self._identity) - (now - self._last)
        if left <= 0:
            return SessionClock(open=True, expired=True, extensions_left=self.extensions_left)
        return SessionClock(open=True, warning=left <= self.policy.warning_s, seconds_left=math.ceil(left),
                            extensions_left=self.extensions_left)

    def activity(self, now: float) -> None:
        """A touch. Outside the warning it restarts the wait; during it, only "more time" does."""
        if self._identity is not None and not self.clock(now).warning:
            self._last = now

    def extend(self, now: float) -> bool:
        """The person pressed "more time". False when no extensions are left."""
        if self._identity is None or self.extensions_left == 0 or self.clock(now).expired:
            return False
        self._extensions_used += 1
        self._last = now
        return True

    def tick(self, now: float) -> SessionClock:
        """Check the time; ends the session once it has run out."""
        state = self.clock(now)
        if state.expired:
            self.end(TIMEOUT)
        return state

    # -- ending ------------------------------------------------------------------------------
    def end(self, reason: str = LOGOUT) -> None:
        """Logout, timeout or next person: forget the person and run every wipe hook.

        Safe to call with no session (the hooks still run: the previous guest may have
        typed something) and from inside a hook (a second call does nothing).
        """
        if self._wiping:
            return
        self._wiping = True
        try:
            identity, self._identity = self._identity, None
            self._pending = None
            self.personal.clear()
            self._extensions_used = 0
            if identity is not None:
                log.info("session ended (%s)", reason)
                for listener in list(self._on_end):
                    self._guarded("end listener", listener, identity, reason)
            for name, hook in list(self._wipe_hooks):
                self._guarded(f"wipe hook {name}", hook, reason)
        finally:
            self._wiping = False

    @staticmethod
    def _guarded(what: str, fn: Callable, *args) -> None:
        # One broken hook must not leave the rest of the person's traces behind.
        try:
            fn(*args)
        except Exception:
            log.exception("%s failed while ending a session", what)
