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
