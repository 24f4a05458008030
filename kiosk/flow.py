"""Where the resident is in the kiosk, without Qt.

The UI shows whatever place is on top of the stack; tests drive the same object
directly. Listeners are plain callbacks ``(place) -> None`` so the core stays
free of Qt; ``ui/`` turns them into screen switches.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Callable, Mapping

from kiosk.identity.keys import STAFF_ROLES

# Every place the resident (or staff) can be. Screens register under these names.
HOME = "home"
BROWSE = "browse"
RESULTS = "results"
SERVICE = "service"
SEARCH = "search"
STAFF = "staff"
PLACES = (HOME, BROWSE, RESULTS, SERVICE, SEARCH, STAFF)
STAFF_QUEUE = "staff_queue"
SYNC_STATUS = "sync_status"

# Places only staff may see, and the roles that open each. Whatever the way in (the home
# tile, Back, a screen left open when a session ends), the window shows such a place
# only to a signed-in session with one of these roles; anyone else gets the staff sign-in.
# Discarding the city's rejected items is audited per staff member, so nurses may too.
STAFF_PLACES: Mapping[str, tuple[str, ...]] = MappingProxyType({
    STAFF: STAFF_ROLES,
    STAFF_QUEUE: STAFF_ROLES,
    SYNC_STATUS: STAFF_ROLES,
})


def staff_only(name: str) -> bool:
    return name in STAFF_PLACES


def may_open(name: str, role: str | None) -> bool:
    """May a session with ``role`` (None: nobody signed in) see the place ``name``?"""
    roles = STAFF_PLACES.get(name)
    return roles is None or role in roles


# What follows the end of a booking, a call, a nurse's hand-over. The window only follows these.
FOLLOW_UP = "follow_up"  # booking context: a follow-up booked at the nurse's desk


def after_booking(place: "Place") -> tuple[str, bool]:
    """(where to go, end the resident's session first) when the person taps Done.

    No feedback here: the booked service has not been received yet. A follow-up booked
    at the nurse's desk hands the kiosk back to the desk, and the resident's key must not
    stay open there; the nurse signs in again with the staff card (it works offline)."""
    if place.get("context") == FOLLOW_UP:
        return STAFF_QUEUE, True
    return HOME, False


CALL_FEEDBACK, CALL_FAILED, CALL_HOME, CALL_BACK = "feedback", "failed", "home", "back"


def after_call(outcome: Any, *, feedback_known: bool) -> str:
    """What follows a video call that ended (``kiosk.video.CallOutcome``).

    A specialist call goes back to the nurse's desk, where the visit goes on, unless it
    failed (then the nurse is told so on the call screen, with a way back). A failed call
    says so and offers the next step; feedback only about a call that took place."""
    from kiosk.video import FROM_SPECIALIST, SESSION_ENDED

    if outcome.reason == SESSION_ENDED:
        return CALL_HOME  # nobody is there to tell anything
    if outcome.failed:
        return CALL_FAILED
    if outcome.source == FROM_SPECIALIST:
        return CALL_BACK
    if outcome.offer_feedback and feedback_known:
        return CALL_FEEDBACK
    return CALL_HOME


class UnknownPlace(ValueError):
    """A screen asked to go somewhere the kiosk does not have."""


@dataclass(frozen=True)
class Place:
    name: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # Frozen all the way down so a listener cannot change history by accident.
        object.__setattr__(self, "params", MappingProxyType(dict(self.params)))

    def __getitem__(self, key: str) -> Any:
        return self.params[key]

    def get(self, key: str, default: Any = None) -> Any:
        return self.params.get(key, default)


Listener = Callable[[Place], None]


class KioskFlow:
    """A stack of places with home always at the bottom."""

    # A resident who taps through tile after tile should not build an endless history.
    MAX_DEPTH = 30

    def __init__(self, places: tuple[str, ...] = PLACES) -> None:
        self._known = set(places)
        self._stack: list[Place] = [Place(HOME)]
        self._listeners: list[Listener] = []
        self._reset_listeners: list[Callable[[], None]] = []

    # -- reading ---------------------------------------------------------------------------
    @property
    def current(self) -> Place:
        return self._stack[-1]

    @property
    def depth(self) -> int:
        return len(self._stack)

    @property
    def history(self) -> tuple[Place, ...]:
        return tuple(self._stack)

    @property
    def can_go_back(self) -> bool:
        return len(self._stack) > 1

    def knows(self, name: str) -> bool:
        return name in self._known

    def add_place(self, name: str) -> None:
        """A capability that arrives later (booking, queue, video, feedback) adds its place."""
        if not name or not name.replace("_", "").isalnum():
            raise UnknownPlace(f"not a usable place name: {name!r}")
        self._known.add(name)

    # -- listening -------------------------------------------------------------------------
    def on_change(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def on_reset(self, listener: Callable[[], None]) -> None:
        """Called once per reset, before the change to home is announced."""
        self._reset_listeners.append(listener)

    def _announce(self) -> None:
        place = self.current
        for listener in list(self._listeners):
            listener(place)

    # -- moving ----------------------------------------------------------------------------
    def go(self, name: str, **params: Any) -> Place:
        if name not in self._known:
            raise UnknownPlace(f"no such place: {name!r}; known: {', '.join(sorted(self._known))}")
        if name == HOME:
            return self.home()
        place = Place(name, params)
        if place == self.current:
            return place  # a double tap must not push the same screen twice
        self._stack.append(place)
        if len(self._stack) > self.MAX_DEPTH:
            del self._stack[1]
        self._announce()
        return place

    def replace(self, name: str, **params: Any) -> Place:
        """Change the current place in place, e.g. a filter change on the results."""
        if name not in self._known:
            raise UnknownPlace(f"no such place: {name!r}")
        if len(self._stack) == 1:
            return self.go(name, **params)
        self._stack[-1] = Place(name, params)
        self._announce()
        return self._stack[-1]

    def back(self) -> Place:
        if len(self._stack) > 1:
            self._stack.pop()
            self._announce()
        return self.current

    def home(self) -> Place:
        if len(self._stack) > 1:
            del self._stack[1:]
            self._announce()
        return self.current

    def reset(self) -> Place:
        """The next person walks up: forget everything, back to home."""
        for listener in list(self._reset_listeners):
            listener()
        del self._stack[1:]
        self._announce()
        return self.current
