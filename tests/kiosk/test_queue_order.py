"""One order for walk-ins and appointments, priorities that age (issue 17).

The brute-force checks run random days of arrivals (walk-ins of every priority class,
appointments checked in early, on time or accepted late) through the order and a nurse
who always calls the first one, and check the aging rule: nobody is ever called after
someone whose place counts from more than the longest head start later."""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given, settings, strategies as st

from kiosk import outbox
from kiosk.queue import WalkInQueue, lines_from_channels
from kiosk.queue_order import (APPOINTMENTS_FIRST, INFANT, INTERLEAVED, NEEDS_HELP, NORMAL, URGENT, OrderRule,
                               counts_from, in_order, passed_count, why_next)

T0 = datetime(2026, 12, 3, 7, 0, tzinfo=timezone.utc)


@dataclass(frozen=True)
class T:
    id: str
    number: int
    priority: int
    issued_at: datetime
    line_id: str = "line"
    appointment_at: datetime | None = None
    counts_from: datetime | None = None


def run_day(arrivals: list[T], rule: OrderRule, service_min: list[float]) -> list[T]:
    """One nurse calls the first in order whenever free; returns tickets in call order."""
    pending = sorted(arrivals, key=lambda t: t.issued_at)
    waiting: list[T] = []
    called: list[T] = []
    now = T0
    durations = iter(service_min * (len(arrivals) // max(len(service_min), 1) + 1))
    while pending or waiting:
        while pending and pending[0].issued_at <= now:
            waiting.append(pending.pop(0))
        if not waiting:
            now = pending[0].issued_at
            continue
        first = in_order(waiting, rule)[0]
        waiting.remove(first)
        called.append(first)
        now += timedelta(minutes=next(durations))
    return called


def overtakes_beyond_rule(called: list[T], rule: OrderRule) -> list[tuple[str, str]]:
    """Pairs (passed, passer) where the passer counts from more than the bound later."""
    bound = rule.longest_head_start
    out = []
    for i, early in enumerate(called):
        for later in called[:i]:  # called before ``early``
            if counts_from(later) - counts_from(early) > bound and later.issued_at >= early.issued_at:
                out.append((early.id, later.id))
    return out


arrival = st.tuples(st.floats(0, 240), st.sampled_from([NORMAL, NORMAL, NORMAL, INFANT, NEEDS_HELP, URGENT]),
                    st.sampled_from(["walk_in", "walk_in", "on_time", "early", "late"]))


@settings(max_examples=300, deadline=None)
@given(st.lists(arrival, min_size=1, max_size=60), st.lists(st.floats(2, 25), min_size=1, max_size=10),
       st.sampled_from([INTERLEAVED, APPOINTMENTS_FIRST]), st.integers(0, 60), st.integers(0, 60))
def test_no_ticket_is_passed_beyond_the_aging_rule(arrivals, durations, ordering, prio_min, appt_min):
    rule = OrderRule(priority_head_start_min={INFANT: prio_min / 2, NEEDS_HELP: prio_min / 2, URGENT: prio_min},
                     appointment_head_start_min=appt_min,
                     appointments_first=frozenset({"line"}) if ordering == APPOINTMENTS_FIRST else frozenset())
    tickets = []
    for n, (minute, prio, how) in enumerate(arrivals):
        at = T0 + timedelta(minutes=minute)
        if how == "walk_in":
            tickets.append(T(f"t{n}", n + 1, prio, at))
        else:
            booked = at + timedelta(minutes={"on_time": 5, "early": 40, "late": -25}[how])
            tickets.append(T(f"t{n}", n + 1, prio, at, appointment_at=booked,
                             counts_from=at if how == "late" else booked))
    called = run_day(tickets, rule, durations)
    assert sorted(t.id for t in called) == sorted(t.id for t in tickets)  # nobody is left behind
    assert overtakes_beyond_rule(called, rule) == []


def test_the_check_above_catches_an_order_without_aging():
    """A strict-priority order (the old one: priority first, always) breaks the rule: the
    check must be able to say so."""
    rule = OrderRule(priority_head_start_min={URGENT: 10})
    normal = T("normal", 1, NORMAL, T0)
    urgents = [T(f"u{n}", n + 2, URGENT, T0 + timedelta(minutes=5 + 5 * n)) for n in range(8)]
    strict = sorted([normal, *urgents], key=lambda t: (-t.priority, t.issued_at))
    assert overtakes_beyond_rule(strict, rule) != []
    assert overtakes_beyond_rule(run_day([normal, *urgents], rule, [10.0]), rule) == []


def test_priority_overtakes_only_within_its_head_start():
    rule = OrderRule(priority_head_start_min={URGENT: 20})
    normal = T("n", 1, NORMAL, T0)
    soon = T("u1", 2, URGENT, T0 + timedelta(minutes=15))
    much_later = T("u2", 3, URGENT, T0 + timedelta(minutes=25))
    assert [t.id for t in in_order([normal, soon, much_later], rule)] == ["u1", "n", "u2"]


def test_appointments_first_or_interleaved_per_line():
    walk_in = T("w", 1, NORMAL, T0, line_id="a")
    appt = T("p", 2, NORMAL, T0 + timedelta(minutes=5), line_id="a", appointment_at=T0 + timedelta(minutes=20),
             counts_from=T0 + timedelta(minutes=20))
    interleaved = OrderRule(appointment_head_start_min=30)
    first = OrderRule(appointment_head_start_min=30, appointments_first=frozenset({"a"}))
    assert [t.id for t in in_order([walk_in, appt], interleaved)] == ["w", "p"]
    assert [t.id for t in in_order([walk_in, appt], first)] == ["p", "w"]
    assert interleaved.ordering("a") == INTERLEAVED and first.ordering("a") == APPOINTMENTS_FIRST


def test_why_next_names_the_rule():
    rule = OrderRule(priority_head_start_min={URGENT: 20}, appointments_first=frozenset({"line"}))
    now = T0 + timedelta(minutes=30)
    urgent = T("u", 2, URGENT, T0 + timedelta(minutes=10))
    normal = T("n", 1, NORMAL, T0)
    ordered = in_order([normal, urgent], rule)
    assert ordered[0] is urgent and passed_count(ordered, 0) == 1
    why = why_next(urgent, rule, "line", now, passed_count(ordered, 0))
    assert why.key == "staff_queue.why.priority" and why.params["class"] == "urgent"
    assert why.params["minutes"] == 20 and why.params["waited"] == 20 and why.params["passed"] == 1
    assert why_next(normal, rule, "line", now).key == "staff_queue.why.arrival"
    appt = replace(normal, appointment_at=T0, counts_from=T0)
    assert why_next(appt, rule, "line", now).key == "staff_queue.why.appointment"
    late = replace(appt, counts_from=T0 + timedelta(minutes=25))
    assert why_next(late, rule, "line", now).key == "staff_queue.why.late_accepted"


def test_bad_rules_are_refused():
    with pytest.raises(ValueError):
        OrderRule(priority_head_start_min={9: 10})
    with pytest.raises(ValueError):
        OrderRule(appointment_head_start_min=-1)


def test_the_real_queue_calls_in_this_order(db):
    """The walk-in queue's call next follows the same order, priorities aging, on a real file."""
    clock = [T0]
    queue = WalkInQueue(db, lines_from_channels([("line", "svc")]), now=lambda: clock[0], outbox=outbox.record,
                        order_rule=OrderRule(priority_head_start_min={URGENT: 20}))
    rnd = random.Random(17)
    taken = []
    for minute in sorted(rnd.uniform(0, 120) for _ in range(30)):
        clock[0] = T0 + timedelta(minutes=minute)
        taken.append(queue.take_number("line", priority=rnd.choice([NORMAL, NORMAL, URGENT])))
    called = []
    while (t := queue.call_next(["line"], staff_id="nurse", room="1")) is not None:
        called.append(t)
        queue.finish(t.id)
    assert len(called) == 30
    expected = in_order(taken, queue.order_rule)
    assert [t.id for t in called] == [t.id for t in expected]
    assert overtakes_beyond_rule(called, queue.order_rule) == []
