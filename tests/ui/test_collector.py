"""Python's garbage collector frees Qt objects on the GUI thread only (ui/collector.py).

A Qt object owned by Python and caught in a reference cycle used to be freed by whichever
thread allocated past the collector's threshold: a runner thread destroyed widgets, which
hangs or corrupts the heap (the GUI tests' rare hard crash)."""

from __future__ import annotations

import gc
import threading
import weakref

import pytest
from PySide6.QtCore import QObject

from ui.collector import collect_on_gui_thread, installed

pytestmark = pytest.mark.gui


class _Owned(QObject):
    """A QObject without a parent: Python owns it, so freeing its wrapper deletes the C++ object."""

    def __init__(self) -> None:
        super().__init__()
        self.me = self  # a reference cycle: only the cyclic collector frees it


def _owned_cycle(died_on: list[str]) -> weakref.ref:
    """Makes the garbage; the weak reference's callback runs on the thread that frees it."""
    return weakref.ref(_Owned(), lambda _ref: died_on.append(threading.current_thread().name))


def test_a_cycle_of_qt_objects_is_freed_on_the_gui_thread_not_on_a_worker(qtbot):
    collect_on_gui_thread()
    assert not gc.isenabled()
    died_on: list[str] = []
    gc.collect()                      # the young generation is empty: the cycle is its only garbage
    alive = _owned_cycle(died_on)
    kept = []

    def allocate() -> None:           # a runner thread at work: far past the young threshold
        kept.extend([i] for i in range(20 * gc.get_threshold()[0]))
    worker = threading.Thread(target=allocate, name="kiosk-db-test")
    worker.start()
    worker.join()
    assert died_on in ([], [threading.main_thread().name])
    qtbot.waitUntil(lambda: bool(died_on), timeout=5000)   # the collector's next turn
    assert died_on == [threading.main_thread().name] and alive() is None


def test_the_collector_collects_what_python_would_by_its_thresholds(qtbot):
    collector = collect_on_gui_thread()
    assert collector is installed() and collect_on_gui_thread() is collector  # once per application
    gc.collect()
    assert collector.collect_due() is None            # nothing young enough to collect
    seen: list[int] = []

    def count(phase: str, info: dict) -> None:
        if phase == "stop":
            seen.append(info["generation"])
    gc.callbacks.append(count)
    try:
        young = [[] for _ in range(collector.thresholds[0] + 1)]
        assert collector.collect_due() == 0 and seen == [0]
        for _ in range(collector.thresholds[1]):
            young += [[] for _ in range(collector.thresholds[0] + 1)]
            collector.collect_due()
        assert seen[-1] == 1
    finally:
        gc.callbacks.remove(count)
    del young


def test_the_kiosk_window_installs_it(window):
    assert installed() is not None and not gc.isenabled()
