"""The GUI tests' helpers and the GUI-thread guard. The real kiosk window (``make_window``,
``window``) is a shared fixture in tests/conftest.py."""

from __future__ import annotations

from contextlib import contextmanager
import re

import pytest


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


def shown_on_button(text: str) -> str:
    """A button's text as drawn: Qt hides a single "&" (the mark of a shortcut letter) and draws "&&" as "&"."""
    return re.sub(r"&(.)|&$", lambda m: m.group(1) or "", text)


def visible_texts(root) -> list[tuple[object, str]]:
    """(widget, text) for every visible label, button, placeholder and accessible name under root."""
    from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QWidget

    out = []
    for w in [root, *root.findChildren(QWidget)]:
        if not hasattr(w, "isVisibleTo") or not (w is root or w.isVisibleTo(root)):
            continue
        if isinstance(w, QAbstractButton) and w.text():
            out.append((w, shown_on_button(w.text())))
        elif isinstance(w, QLabel) and w.text():
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


@contextmanager
def scenes_window(qtbot, tmp_path, resolution: str = "1920x1080"):
    """The screenshot scenes' demo window (demo catalogue, take-part questions) for a test that
    walks ``ui.screenshots.scenes``: yields (window, parts); stopped, closed and its database
    closed after."""
    from PySide6.QtWidgets import QApplication

    from kiosk.catalogue.service import Catalogue
    from kiosk.storage.db import open_database
    from ui import screenshots
    from ui.app import load_demo_catalogue

    db = open_database(tmp_path / "kiosk.db")
    load_demo_catalogue(db)
    screenshots.seed_participation(db)
    window = screenshots.demo_window(QApplication.instance(), db, Catalogue(db), tmp_path, resolution)
    qtbot.addWidget(window)
    parts = screenshots.parts_of(window)
    try:
        yield window, parts
    finally:
        parts.session_bridge.stop()
        window.close()
        settle(qtbot)
        db.close()
