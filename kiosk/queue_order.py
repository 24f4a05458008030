"""One order for walk-ins and checked-in appointments, with priorities that age (issue 17).

Every waiting ticket has a moment its place *counts from*: a walk-in from when it took
its number, an appointment that checked in on time from its booked time, a late arrival
the nurse accepted from that acceptance. A ticket may then get a **head start** of some
minutes: its priority class (urgent, needs help, families with infants) or, on a line
that puts appointments at their time first, being an appointment. The queue is sorted by
``counts_from - head_start``.

That is how priorities age: a priority ticket overtakes only tickets that count from
less than its head start earlier. Once a normal ticket has waited longer than that, no
later priority ticket passes it. So no ticket is ever called after a ticket that counts
from more than ``rule.longest_head_start`` minutes later (``tests/kiosk/test_queue_order.py``
checks that over random arrivals). Pure functions: no database, no clock of its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Iterable, Mapping, Protocol, Sequence

# Priority classes by the ticket's ``priority`` number. Codes, not free text: the queue
# holds no health details; the words are translation keys ``queue.priority.<code>``.
NORMAL, INFANT, NEEDS_HELP, URGENT = 0, 1, 2, 3
PRIORITY_CLASSES: Mapping[int, str] = {NORMAL: "normal", INFANT: "infant", NEEDS_HELP: "needs_help",
                                       URGENT: "urgent"}
# The line's choice of how appointments meet walk-ins.
INTERLEAVED, APPOINTMENTS_FIRST = "interleaved", "appointments_first"
ORDERINGS = (INTERLEAVED, APPOINTMENTS_FIRST)


class Orderable(Protocol):
    id: str
    number: int
    priority: int
    issued_at: datetime
    appointment_at: datetime | None
    counts_from: datetime | None


@dataclass(frozen=True)
class OrderRule:
    """Minutes of head start; configured per kiosk (``[queue]`` in config/default.toml)."""

    priority_head_start_min: Mapping[int, float] = field(
        default_factory=lambda: {INFANT: 15.0, NEEDS_HELP: 15.0, URGENT: 45.0})
    appointment_head_start_min: float = 30.0
    # Line ids that put appointments at their time first; the others interleave them by time.
    appointments_first: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        for cls, minutes in self.priority_head_start_min.items():
            if cls not in PRIORITY_CLASSES or minutes < 0:
                raise ValueError(f"priority head start {cls}: {minutes} is not a class and a number of minutes >= 0")
        if self.appointment_head_start_min < 0:
            raise ValueError("appointment head start must be >= 0 minutes")

    @property
    def longest_head_start(self) -> timedelta:
        """The aging bound: nobody is passed by a ticket counting from more than this later."""
        return timedelta(minutes=max([self.appointment_head_start_min,
                                      *self.priority_head_start_min.values(), 0.0]))

    def ordering(self, line_id: str) -> str:
        return APPOINTMENTS_FIRST if line_id in self.appointments_first else INTERLEAVED


def counts_from(t: Orderable) -> datetime:
    return t.counts_from or t.issued_at


def head_start(t: Orderable, rule: OrderRule, line_id: str) -> tuple[timedelta, str]:
    """The ticket's head start and what gives it: a priority class code, 'appointment' or 'arrival'."""
    prio = timedelta(minutes=rule.priority_head_start_min.get(t.priority, 0.0))
    appt = (timedelta(minutes=rule.appointment_head_start_min)
            if t.appointment_at is not None and rule.ordering(line_id) == APPOINTMENTS_FIRST else timedelta(0))
    if prio <= timedelta(0) and appt <= timedelta(0):
        return timedelta(0), "appointment" if t.appointment_at is not None else "arrival"
    if appt >= prio:
        return appt, "appointment"
    return prio, PRIORITY_CLASSES.get(t.priority, "normal")


def sort_key(t: Orderable, rule: OrderRule, line_id: str) -> tuple:
    start, _why = head_start(t, rule, line_id)
    return (counts_from(t) - start, t.issued_at, t.number, t.id)


def in_order(tickets: Iterable[Orderable], rule: OrderRule, line_of=lambda t: getattr(t, "line_id", "")) -> list:
    """Waiting tickets in the order they will be called."""
    return sorted(tickets, key=lambda t: sort_key(t, rule, line_of(t)))


@dataclass(frozen=True)
class WhyNext:
    """Why a ticket stands where it does, as a translation key and its values."""

    key: str
    params: dict


def why_next(t: Orderable, rule: OrderRule, line_id: str, now: datetime, passed: int = 0) -> WhyNext:
    """For the desk: 'why is this person next'. ``passed``: how many tickets that took
    their number earlier this one is ahead of."""
    start, why = head_start(t, rule, line_id)
    waited = max(0, int((now - t.issued_at).total_seconds() // 60))
    minutes = int(start.total_seconds() // 60)
    bound = int(rule.longest_head_start.total_seconds() // 60)
    if why == "appointment":
        if t.counts_from is not None and t.appointment_at is not None and t.counts_from > t.appointment_at:
            return WhyNext("staff_queue.why.late_accepted", {"waited": waited, "minutes": minutes})
        return WhyNext("staff_queue.why.appointment", {"time": t.appointment_at, "minutes": minutes,
                                                       "waited": waited, "passed": passed})
    if why == "arrival":
        return WhyNext("staff_queue.why.arrival", {"waited": waited, "bound": bound})
    return WhyNext("staff_queue.why.priority", {"class": why, "minutes": minutes, "waited": waited,
                                                "passed": passed})


def passed_count(ordered: Sequence[Orderable], index: int) -> int:
    """How many of the tickets behind position ``index`` counted from earlier than it."""
    me = counts_from(ordered[index])
    return sum(1 for other in ordered[index + 1:] if counts_from(other) < me)
