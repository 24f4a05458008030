"""Nothing piles up across people (issue 13): the five flows of the flow benchmark
(benchmarks/ui_flows.py: browse to a service card, type a search, take a queue number, a
nurse's visit, a smiley), run again and again in the demo kiosk's real window, leave as
many live widgets and Python objects of each kind after the last round as after the
warm-up rounds. A screen that makes its widgets anew for each person and forgets to delete
the old ones, a cache without a bound or a signal connected to a new lambda at every tap
shows here as a count that grows with the rounds.

Not timed: the counts only. The first rounds build each screen once and fill the bounded
caches (pictograms, QR matrices, the rows a service list keeps for reuse); they are the
warm-up, not counted.
"""

from __future__ import annotations

import gc
from collections import Counter

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication

from tests.ui.conftest import settle

pytestmark = pytest.mark.gui

WARM_UP_ROUNDS = 2
MEASURED_ROUNDS = 3


@pytest.fixture
def demo_kiosk(qtbot, tmp_path):
    from kiosk.catalogue.service import Catalogue
    from kiosk.storage.db import open_database
    from ui import screenshots
    from ui.app import load_demo_catalogue

    db = open_database(tmp_path / "kiosk.db")
    load_demo_catalogue(db)
    window = screenshots.demo_window(QApplication.instance(), db, Catalogue(db), tmp_path, "1920x1080")
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    settle(qtbot)
    yield window, screenshots.parts_of(window)
    window.close()
    db.close()


def turn(qtbot, window) -> None:
    """The runner's results handed back, every list shown made whole and the deleted widgets
    gone, as the kiosk's own event loop (app.exec()) leaves them between two unhurried taps.
    Lists make their rows in time slices and keep the rows made for reuse: waiting for them
    whole makes the rows kept the same in every run, not a matter of the machine's speed."""
    from ui.widgets.service_list import ServiceList

    settle(qtbot)
    qtbot.waitUntil(lambda: all(lst.complete for lst in window.findChildren(ServiceList) if lst.isVisible()))
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def live_widgets() -> Counter:
    return Counter(type(w).__name__ for w in QApplication.allWidgets())


def live_objects() -> Counter:
    """Python objects by type. Weak references are left out: each sqlite3 connection keeps a
    weak reference to every cursor it made and drops the dead ones only every 200 cursors
    (CPython's sqlite3 module), so their count goes up and down with the queries, bounded; a
    leaked object shows under its own type anyway."""
    gc.collect()
    counts = Counter(type(o).__name__ for o in gc.get_objects())
    counts.pop("ReferenceType", None)
    return counts


def one_round(qtbot, window, flows) -> None:
    for steps in flows.values():
        window.reset_for_next_person()
        turn(qtbot, window)
        for step in steps:
            step()
            turn(qtbot, window)
    window.reset_for_next_person()
    turn(qtbot, window)


def grown(before: Counter, after: Counter, slack: int = 0) -> dict[str, int]:
    return {k: after[k] - before[k] for k in after if after[k] - before[k] > slack}


def test_repeated_flows_leave_no_more_widgets_or_objects_than_the_warm_up(qtbot, demo_kiosk):
    from benchmarks.ui_flows import _flows

    window, parts = demo_kiosk
    flows = _flows(window, parts)
    assert set(flows) == {"browse_to_service_card", "search_typing", "take_a_queue_number",
                          "nurse_visit", "feedback_smiley"}  # every flow is in the demo kiosk
    for _ in range(WARM_UP_ROUNDS):
        one_round(qtbot, window, flows)
    widgets, objects = live_widgets(), live_objects()
    for _ in range(MEASURED_ROUNDS):
        one_round(qtbot, window, flows)
    assert grown(widgets, live_widgets()) == {}
    # Python objects: a few come and go with the runner's futures and the rounds' own
    # bookkeeping; a leak of one small object per tap is 20 or more over three rounds.
    assert grown(objects, live_objects(), slack=15) == {}
