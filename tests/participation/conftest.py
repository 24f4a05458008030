"""The participation tests' guard: only the database thread writes (tests/gui_thread_guard.py)."""

import pytest


@pytest.fixture(autouse=True)
def gui_thread_guard():
    from tests.gui_thread_guard import guard_fixture

    yield from guard_fixture()
