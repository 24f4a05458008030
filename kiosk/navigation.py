"""What follows what, as data, without Qt (like Electrum's wizard navmap).

The window only follows these answers: ``follow(flow, step)`` applies a ``Step`` to the
``KioskFlow``. Tests drive every decision here directly (tests/kiosk/test_navigation.py):

- which places a kiosk has, per module and per service it could build;
- what follows a booking's Done (``after_booking``), a call that ended each way
  (``after_call``), the choices on a failed call, a nurse's hand-over;
- the staff gate (``kiosk.flow.STAFF_PLACES``/``may_open``).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Callable, Mapping

from kiosk import flow as places
from kiosk.flow import (CALL_BACK, CALL_FAILED, CALL_FEEDBACK, CALL_HOME, KioskFlow, Place, after_booking,
                        after_call, may_open, staff_only)
from kiosk.priority_questions import asks_on
from kiosk.video import FROM_APPOINTMENT, FROM_ON_DEMAND, FROM_SPECIALIST

__all__ = ["Step", "follow", "module_places", "booking_done", "checkin_next_steps", "checkin_step", "after_ticket",
           "priority_answered", "VideoCallNavigation", "after_booking",
           "after_call", "may_open", "staff_only", "staff_key_opened"]

# How a step moves the flow.
GO, REPLACE, HOME, BACK, STAY = "go", "replace", "home", "back", "stay"


@dataclass(frozen=True)
class Step:
    """One move of the flow. ``end_session``: close the resident's key first."""

    how: str
    place: str = ""
    params: Mapping[str, Any] = field(default_factory=dict)
    end_session: bool = False

    def __post_init__(self) -> None:
        object.__setattr__(self, "params", MappingProxyType(dict(self.params)))


def follow(flow: KioskFlow, step: Step, *, end_session: Callable[[], None] | None = None) -> None:
    """Apply ``step`` to ``flow`` (the only place steps turn into moves)."""
    if step.end_session and end_session is not None:
        end_session()
    if step.how == HOME:
        flow.home()
    elif step.how == BACK:
        flow.back()
    elif step.how == REPLACE:
        flow.replace(step.place, **dict(step.params))
    elif step.how == GO:
        if step.place == places.HOME:
            flow.home()
        else:
            flow.go(step.place, **dict(step.params))


# -- which places exist ---------------------------------------------------------------------
# module switch (config.modules.<name>) -> the places it brings, when it can be built.
MODULE_PLACES: Mapping[str, tuple[str, ...]] = MappingProxyType({
    "queue": ("queue", places.STAFF_QUEUE),
    "booking": ("booking", "my_bookings"),
    "feedback": ("feedback",),
    "video": ("video",),
    "participation": ("participation",),
})


def module_places(modules: Any, *, has_queue_lines: bool = True, syncs: bool = True) -> tuple[str, ...]:
    """The places beyond browsing that a kiosk with these ``modules`` has.

    A queue needs at least one walk-in line in the catalogue; the staff's sync status
    needs the sync worker."""
    out: list[str] = []
    for module, names in MODULE_PLACES.items():
        if not getattr(modules, module, False):
            continue
        if module == "queue" and not has_queue_lines:
            continue
        out.extend(names)
    # Arriving for a booked time needs both: the bookings and a queue to join (issue 17).
    if getattr(modules, "booking", False) and getattr(modules, "queue", False) and has_queue_lines:
        out.append(CHECKIN)
    if syncs:
        out.append(places.SYNC_STATUS)
    return tuple(out)


# -- arriving for a booked time (issue 17) -----------------------------------------------------
CHECKIN = "checkin"
# What a resident can do next after each check-in outcome (kiosk/checkin.py), first the one
# that most likely helps. "done" always ends the flow.
_CHECKIN_NEXT: Mapping[str, tuple[str, ...]] = MappingProxyType({
    "checked_in": ("done",), "already": ("done",),
    "early": ("take_number", "done"), "late": ("take_number", "book_again", "done"),
    "wrong_place": ("done",), "cancelled": ("book_again", "take_number", "done"),
    "denied": ("book_again", "take_number", "done"), "other_day": ("done", "take_number"),
    "not_found": ("again", "take_number", "done"),
})


def checkin_next_steps(outcome: str) -> tuple[str, ...]:
    return _CHECKIN_NEXT.get(outcome, ("again", "done"))


def checkin_step(choice: str, *, service_id: str | None = None, channel_id: str | None = None) -> Step:
    """The move for a next-step button on the check-in result."""
    if choice == "take_number":
        return Step(REPLACE, "queue")
    if choice == "book_again":
        params = {k: v for k, v in (("service_id", service_id), ("channel_id", channel_id)) if v}
        return Step(REPLACE, "booking", params)
    if choice == "again":
        return Step(STAY, CHECKIN)
    return Step(HOME, end_session=True)  # done: the resident's key, if one was used, closes


# -- a priority class from the resident's answers (issue 17) -----------------------------------
PRIORITY = "priority"


def after_ticket(ticket_id: str, line_id: str, asking_lines: frozenset[str] | tuple[str, ...]) -> Step:
    """After a walk-in number or a check-in gave a ticket: the questions where the line asks
    them (``[queue] priority_questions``), else stay with the ticket."""
    if asks_on(line_id, asking_lines):
        return Step(GO, PRIORITY, {"ticket_id": ticket_id, "line_id": line_id})
    return Step(STAY)


def priority_answered() -> Step:
    """Answered or skipped: back to the ticket, which shows the place the answers gave."""
    return Step(BACK)


# -- after a booking ------------------------------------------------------------------------
def booking_done(place: Place) -> Step:
    """Done on a booking's confirmation: home, or back to the nurse's desk with the
    resident's key closed (``kiosk.flow.after_booking``). Home first, so Back from the
    desk never leads into the finished booking."""
    where, end = after_booking(place)
    return Step(GO, where, end_session=end)


def staff_key_opened(place: Place, role: str | None, current: Place) -> Step:
    """A staff key just opened a session for ``place``: show it if the role may."""
    if not may_open(place.name, role):
        return Step(STAY)
    if current == place:
        return Step(STAY, place.name)  # already there: the window shows it again
    return Step(GO, place.name, place.params)


# -- video calls ------------------------------------------------------------------------------

class VideoCallNavigation:
    """The video place's state and decisions: where a call comes from, the room held,
    the call to retry, and what follows each ending. Replaces a closure's state dict."""

    def __init__(self, *, alternatives: tuple[str, ...]) -> None:
        # The resident's next steps when no call happens (kiosk.video.alternatives).
        self.alternatives = alternatives
        self.source: str | None = None
        self.room: str | None = None
        self.call: Any = None
        self.asking = False

    def resident_steps(self, source: str | None) -> tuple[str, ...]:
        # A nurse's specialist call is not the resident's: no queue number or booking there.
        return () if source == FROM_SPECIALIST else self.alternatives

    def should_ask_for_room(self, place: Place, *, in_call: bool) -> str | None:
        """The place opened without a call (the home tile, a nurse's "Call a specialist"):
        the source to ask a room for, or None."""
        if place.name != "video" or place.get("call") is not None or self.asking or in_call:
            return None
        return place.get("source") or FROM_ON_DEMAND

    def asked(self, source: str) -> None:
        self.source, self.asking = source, True

    def answered(self, room: str | None) -> None:
        self.asking = False
        self.room = room

    def started(self, call: Any) -> None:
        self.call = call

    def take_room(self) -> str | None:
        """The room to give back now (a call ended or the person left)."""
        room, self.room = self.room, None
        return room

    def ended(self, outcome: Any, *, feedback_known: bool) -> tuple[Step, tuple[str, ...] | None]:
        """(the move, the choices to show on a failed call) once a call ended."""
        step = after_call(outcome, feedback_known=feedback_known)
        if step == CALL_BACK:
            return Step(BACK), None  # back to the nurse's desk and the visit going on there
        if step == CALL_FEEDBACK:
            return Step(REPLACE, "feedback", {"service_id": outcome.service_id, "context": "video"}), None
        if step == CALL_FAILED:
            self.source = outcome.source
            extra = ("desk",) if outcome.source == FROM_SPECIALIST else self.resident_steps(outcome.source)
            return Step(STAY), ("retry", *extra)
        assert step == CALL_HOME
        return Step(HOME), None

    def chosen(self, name: str) -> tuple[Step, str | None, Any]:
        """A choice after a failed or impossible call: (move, source to ask a room for,
        call to start again). A booked appointment keeps its own room on retry."""
        if name == "retry":
            source = self.source or FROM_ON_DEMAND
            if self.call is not None and getattr(self.call, "source", None) == FROM_APPOINTMENT:
                return Step(STAY), None, self.call
            return Step(STAY), source, None
        if name == "desk":
            return Step(BACK), None, None  # the nurse's desk, where the visit goes on
        if name == "home":
            return Step(HOME), None, None
        return Step(REPLACE, name), None, None
