"""The priority class from the resident's answers (issue 17), and the navigation around the
questions, without Qt."""

from __future__ import annotations

import pytest

from kiosk import navigation
from kiosk.priority_questions import QUESTIONS, PriorityInterview, asks_on
from kiosk.queue_order import INFANT, NEEDS_HELP, NORMAL, URGENT, OrderRule


def run(answers, rule=OrderRule()) -> int:
    iv = PriorityInterview(rule=rule)
    for yes in answers:
        iv.answer(yes)
    assert iv.done
    return iv.result


def test_each_yes_gives_its_class_and_no_gives_none():
    assert [code for code, _ in QUESTIONS] == ["moving", "infant"]
    assert run([False, False]) == NORMAL
    assert run([True, False]) == NEEDS_HELP
    assert run([False, True]) == INFANT
    # Both: the class that goes further ahead by the kiosk's rule; on a tie the first asked.
    assert run([True, True]) == NEEDS_HELP
    assert run([True, True], OrderRule(priority_head_start_min={INFANT: 20, NEEDS_HELP: 10, URGENT: 45})) == INFANT


def test_skip_ends_with_no_change_and_nothing_more_is_asked():
    iv = PriorityInterview()
    assert iv.question == "moving" and iv.position == (1, 2)
    iv.answer(True)
    assert iv.question == "infant" and iv.position == (2, 2)
    iv.skip()
    assert iv.done and iv.result == NORMAL  # a skip drops the yes given before it too
    with pytest.raises(ValueError):
        iv.answer(True)


def test_only_lines_that_ask_go_to_the_questions():
    assert asks_on("lab", ("lab",)) and asks_on("lab", ("*",))
    assert not asks_on("lab", ()) and not asks_on("lab", ("dental",)) and not asks_on(None, ("*",))
    step = navigation.after_ticket("t-1", "lab", frozenset({"lab"}))
    assert (step.how, step.place, dict(step.params)) == (navigation.GO, navigation.PRIORITY,
                                                          {"ticket_id": "t-1", "line_id": "lab"})
    assert navigation.after_ticket("t-1", "lab", frozenset()).how == navigation.STAY
    assert navigation.priority_answered().how == navigation.BACK


def test_set_priority_keeps_only_the_code_and_the_nurse_word_stands(db, catalogue):
    from kiosk import outbox
    from kiosk.queue import QueueError, WalkInQueue, lines_from_channels

    queue = WalkInQueue(db, lines_from_channels([("health-walkin", "health-station")]), outbox=outbox.record)
    first, second = queue.take_number("health-walkin"), queue.take_number("health-walkin")
    assert queue.estimate(second.id).ahead == 1
    assert queue.set_priority(second.id, NEEDS_HELP, from_resident=True).priority == NEEDS_HELP
    assert queue.estimate(second.id).ahead == 0  # the head start puts it first
    queue.set_priority(first.id, URGENT)  # the nurse at the desk
    with pytest.raises(QueueError):
        queue.set_priority(first.id, INFANT, from_resident=True)
    with pytest.raises(QueueError):
        queue.set_priority(first.id, 9)
    assert queue.ticket(first.id).priority == URGENT
