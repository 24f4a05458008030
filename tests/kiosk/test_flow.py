"""The order of screens, driven without Qt."""

from __future__ import annotations

import pytest

from kiosk.flow import BROWSE, HOME, RESULTS, SERVICE, KioskFlow, UnknownPlace


def test_starts_at_home_and_cannot_go_back_past_it():
    flow = KioskFlow()
    assert flow.current.name == HOME
    assert not flow.can_go_back
    assert flow.back().name == HOME
    assert flow.depth == 1


def test_go_back_and_home_announce_each_change():
    flow = KioskFlow()
    seen = []
    flow.on_change(lambda place: seen.append((place.name, dict(place.params))))
    flow.go(BROWSE)
    flow.go(RESULTS, life_event="expecting_a_baby")
    flow.go(SERVICE, service_id="maternity-clinic")
    assert flow.current["service_id"] == "maternity-clinic"
    assert flow.back().get("life_event") == "expecting_a_baby"
    flow.home()
    assert seen == [("browse", {}), ("results", {"life_event": "expecting_a_baby"}),
                    ("service", {"service_id": "maternity-clinic"}),
                    ("results", {"life_event": "expecting_a_baby"}), ("home", {})]
    assert flow.depth == 1


def test_the_same_place_twice_is_pushed_once():
    flow = KioskFlow()
    flow.go(SERVICE, service_id="a")
    flow.go(SERVICE, service_id="a")  # a double tap
    assert flow.depth == 2
    flow.go(SERVICE, service_id="b")
    assert flow.depth == 3


def test_go_home_by_name_clears_history():
    flow = KioskFlow()
    flow.go(BROWSE)
    flow.go(HOME)
    assert flow.depth == 1 and flow.current.name == HOME


def test_unknown_place_is_refused_and_history_kept():
    flow = KioskFlow()
    flow.go(BROWSE)
    with pytest.raises(UnknownPlace, match="nowhere"):
        flow.go("nowhere")
    assert flow.current.name == BROWSE and flow.depth == 2


def test_replace_changes_the_top_only():
    flow = KioskFlow()
    flow.go(BROWSE)
    flow.go(RESULTS, life_event="housing")
    flow.replace(RESULTS, life_event="disability")
    assert [p.name for p in flow.history] == [HOME, BROWSE, RESULTS]
    assert flow.current["life_event"] == "disability"


def test_reset_tells_reset_listeners_first_then_shows_home():
    flow = KioskFlow()
    order = []
    flow.on_reset(lambda: order.append(("reset", flow.current.name)))
    flow.on_change(lambda place: order.append(("change", place.name)))
    flow.go(BROWSE)
    flow.reset()
    assert order == [("change", "browse"), ("reset", "browse"), ("change", "home")]
    assert flow.depth == 1


def test_history_has_a_limit_but_keeps_home_at_the_bottom():
    flow = KioskFlow()
    for i in range(KioskFlow.MAX_DEPTH + 10):
        flow.go(SERVICE, service_id=str(i))
    assert flow.depth == KioskFlow.MAX_DEPTH
    assert flow.history[0].name == HOME
    assert flow.current["service_id"] == str(KioskFlow.MAX_DEPTH + 9)


def test_place_params_cannot_be_changed_by_a_listener():
    flow = KioskFlow()
    place = flow.go(RESULTS, life_event="housing")
    with pytest.raises(TypeError):
        place.params["life_event"] = "other"  # type: ignore[index]


def test_a_later_capability_adds_its_place():
    flow = KioskFlow()
    assert not flow.knows("queue")
    with pytest.raises(UnknownPlace):
        flow.go("queue")
    flow.add_place("queue")
    assert flow.go("queue").name == "queue"
    with pytest.raises(UnknownPlace):
        flow.add_place("../etc")


# -- what follows a call, a booking; who may open a staff place ------------------------------
def _outcome(reason, *, connected=True, source="on_demand", mode="embedded"):
    from kiosk.video import CallOutcome
    return CallOutcome("health-station", source, reason, 30.0, connected, mode)


@pytest.mark.parametrize("reason", ["load_failed", "page_crashed", "network_lost"])
@pytest.mark.parametrize("connected", [True, False])
@pytest.mark.parametrize("source", ["on_demand", "appointment", "specialist"])
def test_a_call_that_failed_is_never_rated_and_says_so(reason, connected, source):
    from kiosk.flow import CALL_FAILED, after_call
    outcome = _outcome(reason, connected=connected, source=source)
    assert not outcome.offer_feedback
    assert after_call(outcome, feedback_known=True) == CALL_FAILED


@pytest.mark.parametrize("reason", ["hung_up", "room_left", "page_closed", "time_limit"])
def test_only_a_call_that_took_place_asks_for_feedback(reason):
    from kiosk.flow import CALL_BACK, CALL_FEEDBACK, CALL_HOME, after_call
    assert after_call(_outcome(reason), feedback_known=True) == CALL_FEEDBACK
    assert after_call(_outcome(reason), feedback_known=False) == CALL_HOME
    # Hung up while the room was still loading: nothing took place, nothing to rate.
    assert after_call(_outcome(reason, connected=False), feedback_known=True) == CALL_HOME
    # On the phone only: the kiosk cannot see the room, the resident's Hang up ends it.
    assert after_call(_outcome(reason, connected=False, mode="qr_only"), feedback_known=True) == CALL_FEEDBACK
    assert after_call(_outcome(reason, source="specialist"), feedback_known=True) == CALL_BACK


def test_a_call_ended_by_the_session_end_just_goes_home():
    from kiosk.flow import CALL_HOME, after_call
    assert after_call(_outcome("session_ended"), feedback_known=True) == CALL_HOME


def test_every_way_a_call_ends_has_a_next_step():
    from kiosk.flow import CALL_BACK, CALL_FAILED, CALL_FEEDBACK, CALL_HOME, after_call
    from kiosk.video import END_REASONS, FAILED_REASONS, FINISHED_REASONS, SESSION_ENDED
    assert set(END_REASONS) == set(FAILED_REASONS) | set(FINISHED_REASONS) | {SESSION_ENDED}
    for reason in END_REASONS:
        for connected in (True, False):
            for source in ("on_demand", "appointment", "specialist"):
                step = after_call(_outcome(reason, connected=connected, source=source), feedback_known=True)
                assert step in (CALL_BACK, CALL_FAILED, CALL_FEEDBACK, CALL_HOME)


def test_booking_done_never_asks_for_feedback_and_a_follow_up_returns_to_the_desk():
    from kiosk.flow import FOLLOW_UP, HOME, STAFF_QUEUE, Place, after_booking
    assert after_booking(Place("booking", {"service_id": "x"})) == (HOME, False)
    assert after_booking(Place("booking", {"service_id": "x", "context": FOLLOW_UP})) == (STAFF_QUEUE, True)


@pytest.mark.parametrize("place", ["staff", "staff_queue", "sync_status"])
def test_staff_places_open_only_for_staff_roles(place):
    from kiosk.flow import may_open, staff_only
    assert staff_only(place)
    assert not may_open(place, None) and not may_open(place, "resident")
    assert may_open(place, "nurse") and may_open(place, "admin")
    assert may_open("booking", None) and not staff_only("booking")
