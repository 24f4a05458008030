"""The task benchmark drives the real window; every scripted task is done, within 4 taps
when it needs no typing (issue 20's target)."""

import pytest

from benchmarks import ui_tasks

pytestmark = pytest.mark.gui


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


@pytest.mark.parametrize("resolution", ["1280x800", "1920x1080"])
def test_the_backend_tasks_are_done_against_the_real_backend(qtbot, resolution):
    # The benchmark starts its own reference backend process (tests/backend.py's start-up) with
    # the demo catalogue, so the dental clinic, the resident's card and a doctor on duty are real.
    rows = ui_tasks.run_backend_tasks(resolution)
    assert [r["task"] for r in rows] == [name for name, _ in ui_tasks.BACKEND_TASKS]
    assert all(r["error"] is None for r in rows), rows
    assert all(r["meets_target"] for r in rows), rows
    by_task = {r["task"]: r for r in rows}
    assert by_task["book a dental time"]["result"] == "confirmed dental-care"
    assert by_task["book a dental time"]["keys"] == 4  # the PIN: identification is counted
    assert by_task["cancel it"]["result"] == "cancelled dental-care"
    assert by_task["talk to a nurse"]["result"].startswith("call screen, room remote-doctor")
    assert by_task["talk to a nurse"]["taps"] == 1
    assert by_task["talk to a nurse, no one free"]["result"].startswith("no_one_available: queue")
    # Check-in (issue 17): a laboratory time starting now was booked first (not counted); the
    # number comes on the laboratory's walk-in line with its room from queue.places.
    by_ref = by_task["check in for a booking, by reference"]
    by_key = by_task["check in for a booking, by the key used to book"]
    assert by_ref["result"] == "checked_in B001, Huone 204, 2. kerros"
    assert (by_ref["taps"], by_ref["keys"]) == (3, 8)  # the tile, "type the reference", its 8 characters, Find
    assert by_key["result"] == "checked_in B002, Huone 204, 2. kerros"
    assert (by_key["taps"], by_key["keys"]) == (4, 4)  # the tile, "identify", card and PIN, OK
