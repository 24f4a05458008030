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
