"""Where the resident is in the kiosk, without Qt.

The UI shows whatever place is on top of the stack; tests drive the same object
directly. Listeners are plain callbacks ``(place) -> None`` so the core stays
free of Qt; ``ui/`` turns them into screen switches.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Callable, Mapping

# Every place the resident (or staff) can be. Screens register under these names.
HOME = "home"
BROWSE = "browse"
RESULTS = "results"
SERVICE = "service"
SEARCH = "search"
STAFF = "staff"
PLACES = (HOME, BROWSE, RESULTS, SERVICE, SEARCH, STAFF)


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
