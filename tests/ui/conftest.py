"""A real kiosk window on the mini catalogue, on a real SQLite file, drawn offscreen."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest

# A Tuesday at 10:15 in Helsinki: the maternity clinic and the family café are open,
# the physiotherapist's phone line (Mondays only) is not.
TUESDAY_MORNING = datetime(2026, 11, 24, 10, 15, tzinfo=ZoneInfo("Europe/Helsinki"))


class FakeClock:
    """Monotonic seconds the test moves by hand, for the idle countdown."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def make_window(qtbot, catalogue, tmp_path):
    """make_window(resolution=..., language=..., extra_ui='...') -> a shown KioskWindow."""
    from kiosk.config import load_config
    from ui.app import create_window

    made = []

    def make(resolution: str = "1920x1080", extra_ui: str = "", notices: tuple[str, ...] = (), cat=None):
        device = tmp_path / f"device-{len(made)}.toml"
        device.write_text(f'[device]\ndata_dir = "{(tmp_path / "data").as_posix()}"\n'
                          f'[ui]\nresolution = "{resolution}"\n{extra_ui}\n', encoding="utf-8")
        config = load_config(device)
        window = create_window(config, cat if cat is not None else catalogue, notices=notices,
                               now=lambda: TUESDAY_MORNING)
        window.idle_watch.timer.stop()  # tests drive the countdown themselves
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        made.append(window)
        return window

    return make


@pytest.fixture
def window(make_window):
    return make_window()


def background_done(qtbot, timeout: int = 10000) -> None:
    """Wait until the app's database thread (ui/background.py) has handed back every result
    (network calls may be long polls, e.g. the phone key's wait: they are not waited for)."""
    from ui.background import app_runner

    qtbot.waitUntil(app_runner().db_idle, timeout=timeout)


def settle(qtbot) -> None:
    """Let background work hand back its results and word-wrapped layouts finish their passes."""
    from PySide6.QtWidgets import QApplication

    background_done(qtbot)
    for _ in range(4):
        QApplication.processEvents()
    qtbot.wait(1)


def visible_texts(root) -> list[tuple[object, str]]:
    """(widget, text) for every visible label, button, placeholder and accessible name under root."""
    from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QWidget

    out = []
    for w in [root, *root.findChildren(QWidget)]:
        if not hasattr(w, "isVisibleTo") or not (w is root or w.isVisibleTo(root)):
            continue
        if isinstance(w, (QLabel, QAbstractButton)) and w.text():
            out.append((w, w.text()))
        if isinstance(w, QLineEdit) and w.placeholderText():
            out.append((w, w.placeholderText()))
        if hasattr(w, "accessibleName") and w.accessibleName():
            out.append((w, w.accessibleName()))
    return out


@pytest.fixture(autouse=True)
def gui_thread_guard():
    """Fails the test if the GUI thread connects a socket or writes SQLite (tests/gui_thread_guard.py)."""
    from tests.gui_thread_guard import guard_fixture

    yield from guard_fixture()
