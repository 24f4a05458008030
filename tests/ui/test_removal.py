"""Taking replaced widgets out (ui/widgets/removal.py): the one way every screen does it.

The GUI tests died now and then in a deferred delete (``~QWidget`` -> a child's
``Shiboken::Object::destroy`` on a wrapper already freed). The screens took rows, keys and
notices out with ``setParent(None)`` + ``deleteLater()``: ownership to Python, then back to
C++, and each row a hidden top-level window until the next turn of the event loop.
``discard`` keeps the widget's parent (Qt owns it throughout) until Qt deletes it.
"""

from __future__ import annotations

import gc
import re
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ui.widgets.removal import clear_layout, discard

UI = Path(__file__).resolve().parents[2] / "ui"


class Row(QWidget):
    """A row as the screens make them: children, and a handler that holds the row (a cycle)."""

    def __init__(self, n: int) -> None:
        super().__init__()
        lay = QHBoxLayout(self)
        self.name = QLabel(f"row {n}")
        self.pick = QPushButton(f"pick {n}")
        lay.addWidget(self.name)
        lay.addWidget(self.pick)
        self.pick.clicked.connect(lambda: self.name.setText("picked"))


def run_deferred_deletes() -> None:
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture
def host(qtbot):
    w = QWidget()
    QVBoxLayout(w)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


@pytest.mark.gui
def test_a_discarded_widget_stays_qt_owned_and_is_no_window_of_its_own(host):
    col = host.layout()
    rows = [Row(n) for n in range(5)]
    for r in rows:
        col.addWidget(r)
    tops = len(QApplication.topLevelWidgets())
    clear_layout(col)
    assert col.count() == 0
    # The old pattern made each row a hidden top-level window, owned by Python, until the
    # deferred delete ran (five more here).
    assert len(QApplication.topLevelWidgets()) == tops
    for r in rows:
        assert r.parentWidget() is host and r.isHidden()
        assert not shiboken6.ownedByPython(r)
    names = [r.name for r in rows]
    del r
    rows.clear()
    gc.collect()  # the collector may run before the deferred delete: it must find nothing to free
    assert all(shiboken6.isValid(n) for n in names)
    run_deferred_deletes()
    assert not any(shiboken6.isValid(n) for n in names)
    assert host.findChildren(Row) == []


@pytest.mark.gui
def test_a_button_discarded_in_its_own_clicked_handler(host, qtbot):
    """A feedback suggestion and a pick tile replace the list they are in when tapped."""
    col = host.layout()
    made: list[QPushButton] = []

    def fill() -> None:
        for n in range(3):
            b = QPushButton(f"choice {n}")
            b.clicked.connect(replace)
            col.addWidget(b)
            b.show()
            made.append(b)

    def replace() -> None:
        for b in list(made):
            discard(b)
        made.clear()  # the screen drops its references at once, as feedback did
        gc.collect()
        fill()

    fill()
    old = []
    for _ in range(20):
        target = made[1]
        old.append(target)
        qtbot.mouseClick(target, Qt.MouseButton.LeftButton)
        assert shiboken6.isValid(target)  # alive until the next turn, hidden
        assert target.isHidden()
        del target
    qtbot.waitUntil(lambda: not any(shiboken6.isValid(b) for b in old))
    assert col.count() == 3 and all(b.isVisible() for b in made)


@pytest.mark.gui
def test_clear_layout_keeps_what_it_is_told_and_the_closing_stretch(host):
    col = host.layout()
    kept, gone = QPushButton("whole list"), QLabel("suggestion")
    inner = QHBoxLayout()
    nested = QLabel("in a nested row")
    inner.addWidget(nested)
    col.addWidget(gone)
    col.addLayout(inner)
    col.addWidget(kept)
    col.addStretch(1)
    for w in (kept, gone, nested):
        w.show()
    clear_layout(col, keep=(kept,), leave=1)
    assert col.count() == 1 and col.itemAt(0).spacerItem() is not None
    assert gone.isHidden() and nested.isHidden() and not kept.isHidden()
    run_deferred_deletes()
    assert not shiboken6.isValid(gone) and not shiboken6.isValid(nested)
    assert shiboken6.isValid(kept)
    col.insertWidget(0, kept)  # added again, as feedback's "other service" is
    assert col.indexOf(kept) == 0


@pytest.mark.gui
def test_the_replacement_is_found_by_name_not_the_discarded_row(host):
    """Take part rebuilds its rows with the same names: findChild must get the new ones."""
    col = host.layout()
    old = Row(1)
    old.setObjectName("question-1")
    old.pick.setObjectName("question-1-pick")
    col.addWidget(old)
    clear_layout(col)
    new = Row(1)
    new.setObjectName("question-1")
    new.pick.setObjectName("question-1-pick")
    col.addWidget(new)
    assert host.findChild(QWidget, "question-1") is new
    assert host.findChild(QPushButton, "question-1-pick") is new.pick


@pytest.mark.gui
def test_discard_finds_the_widget_in_a_nested_layout(host):
    inner = QVBoxLayout()
    host.layout().addLayout(inner)
    tile = QPushButton("booking")
    inner.addWidget(tile)
    discard(tile)
    assert inner.count() == 0 and tile.isHidden()
    discard(None)  # nothing there: nothing to do


def test_no_screen_or_widget_takes_a_widget_out_with_set_parent_none():
    """The pattern the crash came from stays out of the screens and widgets."""
    pattern = re.compile(r"\.setParent\(\s*None\s*\)")
    found = [f"{p.relative_to(UI.parent)}:{n}" for folder in ("screens", "widgets")
             for p in sorted((UI / folder).rglob("*.py")) if p.name != "removal.py"
             for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
             if pattern.search(line) and not line.lstrip().startswith("#")]
    assert not found, found
