"""What follows what (kiosk/navigation.py), driven without Qt: the window only follows it."""

from __future__ import annotations

from types import SimpleNamespace

import pytest

from kiosk import navigation
from kiosk.flow import FOLLOW_UP, HOME, STAFF_QUEUE, KioskFlow, Place
from kiosk.video import (FROM_APPOINTMENT, FROM_ON_DEMAND, FROM_SPECIALIST, HUNG_UP, LOAD_FAILED, NETWORK_LOST,
                         SESSION_ENDED, CallOutcome)


def flow_with(*names: str) -> KioskFlow:
    flow = KioskFlow()
    for name in names:
        flow.add_place(name)
    return flow


# -- which places exist -----------------------------------------------------------------------
def modules(**on):
    names = ("queue", "booking", "feedback", "video", "participation")
    return SimpleNamespace(**{n: on.get(n, False) for n in names})


def test_each_module_brings_its_places_and_only_those():
    assert navigation.module_places(modules(), syncs=False) == ()
    assert navigation.module_places(modules(booking=True), syncs=False) == ("booking", "my_bookings")
    assert navigation.module_places(modules(queue=True, video=True)) == ("queue", STAFF_QUEUE, "video",
                                                                         "sync_status")


def test_check_in_needs_bookings_and_a_queue_and_each_outcome_has_a_way_on():
    both = navigation.module_places(modules(queue=True, booking=True), syncs=False)
    assert both == ("queue", STAFF_QUEUE, "booking", "my_bookings", navigation.CHECKIN)
    assert navigation.CHECKIN not in navigation.module_places(modules(queue=True, booking=True),
                                                              has_queue_lines=False)
    for outcome in ("checked_in", "already", "early", "late", "wrong_place", "cancelled", "denied", "other_day",
                    "not_found"):
        assert "done" in navigation.checkin_next_steps(outcome)
    assert navigation.checkin_next_steps("late")[0] == "take_number"
    step = navigation.checkin_step("book_again", service_id="maternity-clinic", channel_id=None)
    assert (step.how, step.place, dict(step.params)) == (navigation.REPLACE, "booking",
                                                         {"service_id": "maternity-clinic"})
    assert navigation.checkin_step("take_number").place == "queue"
    done = navigation.checkin_step("done")
    assert done.how == navigation.HOME and done.end_session


def test_a_queue_without_walk_in_lines_has_no_places():
    assert navigation.module_places(modules(queue=True, feedback=True), has_queue_lines=False,
                                    syncs=False) == ("feedback",)


# -- after a booking -------------------------------------------------------------------------
def test_done_after_a_booking_goes_home_without_asking_for_feedback():
    step = navigation.booking_done(Place("booking", {"service_id": "maternity-clinic"}))
    assert (step.how, step.place, step.end_session) == (navigation.GO, HOME, False)
    flow = flow_with("booking", "feedback")
    flow.go("booking")
    navigation.follow(flow, step)
    assert flow.current.name == HOME and not flow.can_go_back


def test_a_follow_up_booked_at_the_desk_closes_the_residents_key_and_returns_to_the_desk():
    step = navigation.booking_done(Place("booking", {"context": FOLLOW_UP}))
    assert (step.place, step.end_session) == (STAFF_QUEUE, True)
    flow = flow_with("booking", STAFF_QUEUE)
    flow.go(STAFF_QUEUE)
    flow.go("booking", context=FOLLOW_UP)
    ended = []
    flow.home()
    navigation.follow(flow, step, end_session=lambda: ended.append(True))
    assert ended == [True] and flow.current.name == STAFF_QUEUE and flow.depth == 2


# -- the staff gate ---------------------------------------------------------------------------
@pytest.mark.parametrize("role, opens", [("nurse", True), ("admin", True), (None, False), ("resident", False)])
def test_a_staff_key_opens_a_staff_place_only_for_staff_roles(role, opens):
    flow = flow_with(STAFF_QUEUE)
    step = navigation.staff_key_opened(Place(STAFF_QUEUE), role, flow.current)
    navigation.follow(flow, step)
    assert (flow.current.name == STAFF_QUEUE) is opens


def test_a_staff_key_for_the_place_already_shown_stays_and_shows_it_again():
    step = navigation.staff_key_opened(Place(STAFF_QUEUE), "nurse", Place(STAFF_QUEUE))
    assert (step.how, step.place) == (navigation.STAY, STAFF_QUEUE)


# -- video calls -------------------------------------------------------------------------------
def call_nav() -> navigation.VideoCallNavigation:
    return navigation.VideoCallNavigation(alternatives=("queue", "booking"))


def test_the_video_place_asks_for_a_room_once_and_not_during_a_call():
    nav = call_nav()
    assert nav.should_ask_for_room(Place("video"), in_call=False) == FROM_ON_DEMAND
    assert nav.should_ask_for_room(Place("video", {"source": FROM_SPECIALIST}), in_call=False) == FROM_SPECIALIST
    assert nav.should_ask_for_room(Place("video"), in_call=True) is None
    assert nav.should_ask_for_room(Place("video", {"call": object()}), in_call=False) is None
    assert nav.should_ask_for_room(Place("home"), in_call=False) is None
    nav.asked(FROM_ON_DEMAND)
    assert nav.should_ask_for_room(Place("video"), in_call=False) is None  # one question at a time
    nav.answered("room-1")
    assert nav.take_room() == "room-1" and nav.take_room() is None


def outcome(source, reason, seconds, took_place, service="health-station"):
    return CallOutcome(service, source, reason, seconds, took_place)


def test_a_call_that_took_place_is_rated_one_that_did_not_goes_home():
    nav = call_nav()
    step, choices = nav.ended(outcome(FROM_ON_DEMAND, HUNG_UP, 200.0, True), feedback_known=True)
    assert (step.how, step.place, dict(step.params), choices) == (
        navigation.REPLACE, "feedback", {"service_id": "health-station", "context": "video"}, None)
    step, _ = nav.ended(outcome(FROM_ON_DEMAND, HUNG_UP, 200.0, True), feedback_known=False)
    assert step.how == navigation.HOME
    step, _ = nav.ended(outcome(FROM_ON_DEMAND, HUNG_UP, 2.0, False), feedback_known=True)
    assert step.how == navigation.HOME
    step, _ = nav.ended(outcome(FROM_ON_DEMAND, SESSION_ENDED, 200.0, True), feedback_known=True)
    assert step.how == navigation.HOME


@pytest.mark.parametrize("reason", [LOAD_FAILED, NETWORK_LOST])
def test_a_failed_call_says_so_and_offers_the_next_step_never_a_rating(reason):
    nav = call_nav()
    step, choices = nav.ended(outcome(FROM_ON_DEMAND, reason, 300.0, True), feedback_known=True)
    assert step.how == navigation.STAY and choices == ("retry", "queue", "booking")
    step, choices = nav.ended(outcome(FROM_SPECIALIST, reason, 1.0, False), feedback_known=True)
    assert step.how == navigation.STAY and choices == ("retry", "desk")


def test_a_specialist_call_returns_to_the_nurses_desk():
    flow = flow_with(STAFF_QUEUE, "video")
    flow.go(STAFF_QUEUE)
    flow.go("video", source=FROM_SPECIALIST)
    step, choices = call_nav().ended(outcome(FROM_SPECIALIST, HUNG_UP, 60.0, True), feedback_known=True)
    navigation.follow(flow, step)
    assert choices is None and flow.current.name == STAFF_QUEUE


def test_choices_after_a_failed_call():
    nav = call_nav()
    nav.ended(outcome(FROM_SPECIALIST, LOAD_FAILED, 1.0, False), feedback_known=True)
    assert nav.chosen("retry") == (navigation.Step(navigation.STAY), FROM_SPECIALIST, None)
    assert nav.chosen("desk")[0].how == navigation.BACK
    assert nav.chosen("home")[0].how == navigation.HOME
    assert nav.chosen("queue")[0] == navigation.Step(navigation.REPLACE, "queue")
    # A booked appointment keeps its own room: retry starts the same call again.
    booked = SimpleNamespace(source=FROM_APPOINTMENT)
    nav.started(booked)
    assert nav.chosen("retry") == (navigation.Step(navigation.STAY), None, booked)


def test_a_nurses_call_offers_the_resident_no_queue_number_or_booking():
    nav = call_nav()
    assert nav.resident_steps(FROM_SPECIALIST) == ()
    assert nav.resident_steps(FROM_ON_DEMAND) == ("queue", "booking")
