"""The task benchmark drives the real window; every scripted task is done, within 4 taps
when it needs no typing (issue 20's target)."""

import pytest

from benchmarks import ui_tasks

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore(r"does not support propagateSizeHints")]


@pytest.mark.parametrize("resolution", ["1280x800", "1920x1080"])
def test_every_scripted_task_is_done_within_its_target(qtbot, resolution):
    # 1920x1080 too: a tap on a freshly filtered list lost its press there (QScroller's hold-back).
    rows = ui_tasks.run(resolution)
    assert [r["task"] for r in rows] == [name for name, _ in ui_tasks.TASKS]
    assert all(r["error"] is None for r in rows), rows
    assert all(r["meets_target"] for r in rows), rows
    by_task = {r["task"]: r for r in rows}
    assert by_task["give feedback on the nurse walk-in"]["result"] == "nurse-walk-in"
    assert by_task["give feedback on the nurse walk-in"]["taps"] == 2  # the tile, then one smiley
    assert by_task["find the maternity clinic"]["result"] == "maternity-clinic"
