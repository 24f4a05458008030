"""Windows and widgets die where they were made, not in someone else's event loop.

The GUI tests crashed now and then (SIGSEGV or abort, in ``Shiboken`` ``unregisterWrapper``
from ``~QWidget`` -> ``deleteChildren``, or a corrupted heap soon after) inside a settle step
of the 200 % check, only when other window tests had run before it. Those tests' windows
were not deleted in their own test: pytest-qt closes ``qtbot.addWidget`` windows with
``deleteLater()`` outside any event loop and ``ui.screenshots.render`` did the same, so Qt
deleted them (two or three whole kiosk windows, their session bridges still ticking) in the
next test's first event loop, among that test's own deferred deletes; and every demo window
stayed in ``ui.screenshots._PARTS`` for ever, since its parts hold the window. What is
deleted in a turn then depended on the order of the tests.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtWidgets import QApplication, QWidget

pytestmark = pytest.mark.gui

UI = Path(__file__).resolve().parents[2] / "ui"
_LEFT_BY_THE_TEST_BEFORE: list[QWidget] = []


def test_a_window_closed_by_qtbot_after_a_test(qtbot):
    """The first half: a window the test leaves to pytest-qt (qtbot.addWidget)."""
    w = QWidget()
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    _LEFT_BY_THE_TEST_BEFORE.append(w)


def test_is_deleted_before_the_next_test_starts():
    """The second half (runs after the first): no event loop has turned since, and the window
    is gone all the same; before, it waited for the next test's first event loop."""
    assert _LEFT_BY_THE_TEST_BEFORE, "run with the test before it"
    w = _LEFT_BY_THE_TEST_BEFORE.pop()
    assert not shiboken6.isValid(w)
    assert w not in QApplication.topLevelWidgets()


def test_render_leaves_no_window_or_parts_behind(tmp_path):
    """``python -m ui.screenshots`` (and its test) delete each demo window before the next,
    with its session bridge stopped, and forget its parts."""
    from ui import screenshots

    before = set(map(id, QApplication.topLevelWidgets()))
    # Only its own windows count: in the whole suite another test's window may still be alive.
    kept_before = {id(w) for w in screenshots._PARTS.keys() if shiboken6.isValid(w)}
    paths = screenshots.render(tmp_path, resolutions=("1280x800",), languages=("fi",), only="01-home")
    assert paths
    left = [type(w).__name__ for w in QApplication.topLevelWidgets() if id(w) not in before]
    assert left == []
    assert not any(shiboken6.isValid(w) and id(w) not in kept_before for w in screenshots._PARTS.keys())


def test_a_closed_demo_window_lets_go_of_its_parts(qtbot, tmp_path):
    """Its parts held the window (session bridge, speech), so the weak key never died and every
    demo window stayed in ``_PARTS`` with its services as long as the process lived."""
    from kiosk.catalogue.service import Catalogue
    from kiosk.storage.db import open_database
    from ui import screenshots
    from ui.app import load_demo_catalogue

    db = open_database(tmp_path / "kiosk.db")
    load_demo_catalogue(db)
    try:
        window = screenshots.demo_window(QApplication.instance(), db, Catalogue(db), tmp_path, "1280x800")
        timer = screenshots.parts_of(window).session_bridge.timer
        assert timer.isActive()
        screenshots.close_demo_window(window)
        assert not shiboken6.isValid(window) and not shiboken6.isValid(timer)
        assert all(w is not window for w in screenshots._PARTS.keys())
    finally:
        db.close()


def test_browse_tiles_of_another_tab_leave_the_grid_at_once(window, qtbot):
    """The old tab's tiles were only hidden and deleted later: until then they kept their cells
    in the grid under the new ones (and were laid out with them)."""
    from kiosk import flow as places

    window.flow.go(places.BROWSE)
    browse = window.current_screen()
    for tab in ("target_group", "life_event"):
        browse.show_tab(tab)
        in_grid = [browse.grid.itemAt(i).widget() for i in range(browse.grid.count())]
        assert in_grid and set(in_grid) == set(browse.tiles.values()), tab


def test_no_screen_or_widget_deletes_a_widget_it_only_hid():
    """Widgets a screen replaces go through ui/widgets/removal.py (out of the layout at once);
    a bare ``deleteLater()`` left them in it. The video screen's room is a QObject, not a widget."""
    allowed = {"screens/video.py": {"room.deleteLater()"}}
    found = []
    for folder in ("screens", "widgets"):
        for p in sorted((UI / folder).rglob("*.py")):
            rel = f"{folder}/{p.name}"
            if p.name == "removal.py":
                continue
            for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1):
                code = line.split("#", 1)[0]
                m = re.search(r"[\w.]+\.deleteLater\(\)", code)
                if m and m.group(0) not in allowed.get(rel, set()):
                    found.append(f"ui/{rel}:{n}: {m.group(0)}")
    assert not found, found
