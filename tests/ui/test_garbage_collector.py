"""The collector once the kiosk is ready (ui/app.py tune_garbage_collector): start-up's
objects frozen out of later collections, and the full collection made when nobody is at
the screen after the reset for the next person, not during someone's taps."""

from __future__ import annotations

import gc

import pytest
from PySide6.QtCore import QTimer

pytestmark = pytest.mark.gui


@pytest.fixture
def full_collections():
    """How many generation-2 collections ran (any thread) while the test ran."""
    seen: list[int] = []

    def count(phase: str, info: dict) -> None:
        if phase == "stop" and info["generation"] == 2:
            seen.append(1)
    gc.callbacks.append(count)
    yield seen
    gc.callbacks.remove(count)


@pytest.fixture
def tuned(window):
    from ui.app import tune_garbage_collector

    settings = tune_garbage_collector(window)
    yield settings
    gc.unfreeze()  # the rest of the test run keeps Python's own collector


def test_start_up_objects_are_frozen_out_of_later_collections(window, tuned):
    # modules, catalogue, home screen (a frozen object freed by its refcount leaves the count)
    assert tuned["frozen"] > 10_000 and gc.get_freeze_count() > 10_000
    assert tuned["thresholds"] == list(gc.get_threshold())


def test_the_full_collection_waits_for_nobody_at_the_screen_after_a_reset(qtbot, window, tuned, full_collections):
    idle = window.findChild(QTimer, "idle-gc")
    assert idle is not None and not idle.isActive()
    window.flow.go("browse")
    window.reset_for_next_person()
    assert idle.isActive() and idle.interval() == tuned["idle_collect_after_ms"]
    before = len(full_collections)
    idle.timeout.emit()  # the delay over, the kiosk at home untouched
    assert len(full_collections) == before + 1

    window.reset_for_next_person()
    window.flow.go("browse")  # someone came back before the delay was over
    before = len(full_collections)
    idle.timeout.emit()
    assert len(full_collections) == before
