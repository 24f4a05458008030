"""The one app-wide runner (ui/background.py): database work in order on one thread,
results on the GUI thread, failures nobody handles logged and shown."""

from __future__ import annotations

import logging
import threading

import pytest

pytestmark = pytest.mark.gui


@pytest.fixture
def runner():
    from ui.background import AppRunner

    r = AppRunner()
    yield r
    r.shutdown(wait=True)


def test_database_work_runs_in_order_on_one_thread_and_results_come_back_on_the_gui(qtbot, runner):
    from ui.background import BackgroundCalls

    calls = BackgroundCalls(runner=runner)
    ran, back = [], []
    for n in range(5):
        calls.db(lambda n=n: ran.append((n, threading.current_thread().name)) or n,
                 lambda result, error: back.append((result, error, threading.current_thread())))
    qtbot.waitUntil(runner.db_idle, timeout=5000)
    assert [n for n, _ in ran] == [0, 1, 2, 3, 4]
    assert len({name for _, name in ran}) == 1 and ran[0][1].startswith("kiosk-db")
    assert [r for r, _, _ in back] == [0, 1, 2, 3, 4]
    assert all(e is None and t is threading.main_thread() for _, e, t in back)


def test_a_failure_nobody_handles_is_logged_and_reported(qtbot, runner, caplog):
    from ui.background import BackgroundCalls

    told = []
    runner.report_failure = told.append
    calls = BackgroundCalls(runner=runner)

    def broken():
        raise OSError("printer on fire")
    with caplog.at_level(logging.ERROR, logger="ui.background"):
        calls.run(broken)
        qtbot.waitUntil(runner.idle, timeout=5000)
    assert [str(e) for e in told] == ["printer on fire"]
    assert "broken" in caplog.text and "printer on fire" in caplog.text


def test_a_failure_handed_to_done_is_not_reported_twice(qtbot, runner):
    from ui.background import BackgroundCalls

    told, seen = [], []
    runner.report_failure = told.append
    calls = BackgroundCalls(runner=runner)
    calls.run(lambda: 1 / 0, lambda result, error: seen.append(type(error)))
    qtbot.waitUntil(runner.idle, timeout=5000)
    assert seen == [ZeroDivisionError] and told == []


def test_after_shutdown_no_work_is_taken(qtbot, runner):
    from ui.background import BackgroundCalls

    calls = BackgroundCalls(runner=runner)
    runner.shutdown(wait=True)
    assert calls.db(lambda: 1) is False and runner.idle()


def test_a_write_asked_on_a_network_thread_is_made_by_the_database_thread(qtbot, runner):
    """kiosk/storage/writes.py: network work hands its write over and gets its result (or its
    error) back; asked on the database thread itself it runs at once (no waiting on itself)."""
    from kiosk.storage.writes import on_db_thread
    from ui.background import BackgroundCalls

    calls = BackgroundCalls(runner=runner)
    seen = []

    def on_network():
        seen.append(("work", threading.current_thread().name))
        result = on_db_thread(lambda: seen.append(("write", threading.current_thread().name)) or 42)
        try:
            on_db_thread(lambda: 1 / 0)
        except ZeroDivisionError:
            seen.append(("error", "back to the caller"))
        return result
    got = []
    calls.run(on_network, lambda result, error: got.append((result, error)))
    calls.db(lambda: on_db_thread(lambda: seen.append(("nested", threading.current_thread().name))))
    qtbot.waitUntil(runner.idle, timeout=5000)
    assert got == [(42, None)]
    names = dict(seen)
    assert names["work"].startswith("kiosk-net")
    assert names["write"].startswith("kiosk-db") and names["nested"].startswith("kiosk-db")
    assert names["error"] == "back to the caller"


def test_after_shutdown_a_write_still_lands_where_it_is_asked(monkeypatch):
    """A runner that stops gives the database thread back to the one before it; with none
    before it, a write runs where it is asked. (The stack is emptied first: an earlier test's
    window may have left the process-wide runner installed, as the application does.)"""
    from kiosk.storage import writes
    from ui.background import AppRunner

    monkeypatch.setattr(writes, "_installed", [])
    here = threading.current_thread().name
    where = lambda: threading.current_thread().name   # noqa: E731
    first = AppRunner()
    second = AppRunner()
    try:
        first_thread = writes.on_db_thread(lambda: None) or first._db.submit(where).result()
        assert writes.on_db_thread(where) == second._db.submit(where).result() != here
        second.shutdown(wait=True)
        assert writes.on_db_thread(where) == first_thread != here
        first.shutdown(wait=True)
        assert writes.on_db_thread(where) == here
    finally:
        second.shutdown(wait=True)
        first.shutdown(wait=True)


@pytest.mark.parametrize("when", ["emitted, not yet delivered", "before the job ran"])
def test_work_whose_screen_is_gone_still_counts_as_handed_back(qtbot, runner, when):
    """A screen deleted while its work was out: the queued result is dropped with it, and the
    runner must still become idle (the tests wait on that; a leak once hung every later test)."""
    import shiboken6
    from PySide6.QtCore import QObject

    from ui.background import BackgroundCalls

    owner = QObject()
    calls = BackgroundCalls(owner, runner=runner)
    started, release, emitted = threading.Event(), threading.Event(), threading.Event()
    delivered = []

    def work():
        started.set()
        release.wait(5)
        return 1

    if when == "before the job ran":
        calls.run(work, lambda r, e: delivered.append(r))
        assert started.wait(5)
        shiboken6.delete(owner)   # gone while the work runs: its emit will find no receiver
        release.set()
    else:
        release.set()
        calls.run(lambda: emitted.set() or 1, lambda r, e: delivered.append(r))
        assert emitted.wait(5)
        threading.Event().wait(0.2)   # the result is queued for the GUI thread by now
        shiboken6.delete(owner)       # before the event loop could deliver it
    qtbot.waitUntil(runner.idle, timeout=5000)
    assert delivered == [] and runner.pending == 0
    calls2 = BackgroundCalls(runner=runner)
    calls2.db(lambda: 2, lambda r, e: delivered.append(r))
    qtbot.waitUntil(runner.idle, timeout=5000)
    assert delivered == [2]


def test_a_second_runner_that_stops_gives_the_database_thread_back(qtbot):
    """A tool's or a test's own runner started and stopped after the app's must not leave
    the app's writes to run on whatever thread asks (they ran on network threads once)."""
    from concurrent.futures import ThreadPoolExecutor

    from kiosk.storage import writes
    from ui.background import AppRunner

    first = AppRunner()
    try:
        second = AppRunner()
        second.shutdown(wait=True)
        with ThreadPoolExecutor(1, thread_name_prefix="kiosk-net") as net:
            where = net.submit(lambda: writes.on_db_thread(lambda: threading.current_thread().name)).result(5)
        assert where.startswith(writes.DB_THREAD_PREFIX)
        assert first._db._thread_name_prefix == writes.DB_THREAD_PREFIX
        ran_on_first = first._db.submit(lambda: threading.current_thread()).result(5)
        assert where == ran_on_first.name
    finally:
        first.shutdown(wait=True)


@pytest.mark.parametrize("handed_back", ["queued", "after"])
def test_work_whose_screen_is_gone_does_not_hold_the_runner(qtbot, runner, handed_back):
    """A result on its way to a screen deleted meanwhile is dropped, and the runner is idle
    again: db_idle() is what tests and the flow benchmark wait on."""
    from PySide6.QtCore import QCoreApplication, QObject
    from shiboken6 import delete

    from ui.background import BackgroundCalls

    screen = QObject()
    calls = BackgroundCalls(screen, runner=runner)
    release, finished = threading.Event(), threading.Event()

    def work():
        release.wait(5)
        return "late"

    delivered = []
    calls.db(work, lambda result, error: delivered.append(result))
    calls.db(lambda: finished.set())
    if handed_back == "queued":  # the results are queued to the handle before it goes
        release.set()
        assert finished.wait(5)
        delete(screen)
    else:  # the handle goes while the work still runs
        delete(screen)
        release.set()
        assert finished.wait(5)
    QCoreApplication.processEvents()
    qtbot.waitUntil(runner.db_idle, timeout=5000)
    assert runner.pending == 0 and delivered == []


class _SlowToLetGo:
    """A pool whose thread keeps each job until it is told to let go (as a busy pool thread
    may, for a moment, after the result was handed over)."""

    def __init__(self, let_go: threading.Event) -> None:
        from concurrent.futures import ThreadPoolExecutor

        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kiosk-net-slow")
        self.let_go = let_go

    def submit(self, job):
        def hold():
            job()
            self.let_go.wait(10)
        return self._pool.submit(hold)

    def shutdown(self, wait=True, cancel_futures=False):
        self.let_go.set()
        self._pool.shutdown(wait=wait, cancel_futures=cancel_futures)


def test_what_done_holds_is_let_go_on_the_gui_thread_not_the_pools(qtbot, runner):
    """A ``done`` closure may hold the last reference to a Qt object Python owns (a window in
    the tests, a parentless widget); if the pool thread dropped it last, Qt would delete the
    object on that thread."""
    import weakref

    from PySide6.QtCore import QObject

    from ui.background import BackgroundCalls

    let_go = threading.Event()
    runner._network = _SlowToLetGo(let_go)
    freed_on, back = [], []
    owned = QObject()  # no parent: freeing its wrapper deletes the C++ object
    alive = weakref.ref(owned, lambda _ref: freed_on.append(threading.current_thread().name))
    calls = BackgroundCalls(runner=runner)
    calls.run(lambda: 42, lambda result, error, owned=owned: back.append(result))
    del owned
    qtbot.waitUntil(lambda: back == [42], timeout=5000)
    qtbot.wait(1)  # the delivery has returned
    let_go.set()
    qtbot.waitUntil(lambda: bool(freed_on), timeout=5000)
    assert freed_on == [threading.main_thread().name] and alive() is None


def test_a_read_after_paint_waits_for_the_widgets_paint_and_counts_as_pending(qtbot, runner):
    """Started with a screen's switch, database work ran inside that screen's first paint,
    which waited for its Python (the GIL): it starts once the widget has been drawn."""
    from PySide6.QtCore import QEvent, QObject
    from PySide6.QtWidgets import QWidget

    from ui.background import BackgroundCalls

    order = []

    class Painted(QObject):
        def eventFilter(self, obj, event):  # noqa: N802
            if event.type() == QEvent.Type.Paint:
                order.append("paint")
            return False

    screen = QWidget()
    qtbot.addWidget(screen)
    seen = Painted(screen)
    screen.installEventFilter(seen)
    calls = BackgroundCalls(screen, runner=runner)
    calls.PAINT_WAIT_MS = 60_000  # only the paint may let it go here
    ran = threading.Event()
    back = []
    assert calls.db_after_paint(screen, lambda: ran.set() or 7, lambda result, error: back.append((result, error)))
    assert not runner.db_idle()  # held: whoever waits for the database waits for it too
    assert not ran.wait(0.05)  # not asked before the widget is drawn
    screen.show()
    qtbot.waitUntil(lambda: bool(back), timeout=5000)
    assert order and order[0] == "paint" and back == [(7, None)] and runner.db_idle()


def test_a_read_after_paint_of_a_widget_never_drawn_is_not_held_for_ever(qtbot, runner):
    from PySide6.QtWidgets import QWidget

    from ui.background import BackgroundCalls

    hidden = QWidget()
    qtbot.addWidget(hidden)
    calls = BackgroundCalls(hidden, runner=runner)
    back = []
    calls.db_after_paint(hidden, lambda: "read", lambda result, error: back.append(result))
    qtbot.waitUntil(lambda: back == ["read"], timeout=5000)
    assert runner.db_idle()


def test_a_read_after_paint_whose_screen_is_gone_settles(qtbot, runner):
    from PySide6.QtWidgets import QWidget

    from ui.background import BackgroundCalls

    screen = QWidget()
    calls = BackgroundCalls(screen, runner=runner)
    ran = threading.Event()
    calls.db_after_paint(screen, ran.set)
    assert not runner.db_idle()
    screen.deleteLater()
    qtbot.waitUntil(runner.db_idle, timeout=5000)
    qtbot.wait(100)  # longer than PAINT_WAIT_MS: nothing is asked for a screen that is gone
    assert not ran.is_set()
