"""The painted parts of Take part (ui/screens/participation_widgets.py) follow the theme and the text size."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QVBoxLayout, QWidget

pytestmark = pytest.mark.gui


def test_a_project_pictogram_takes_the_colour_and_the_size_of_the_words_beside_it(qtbot):
    from ui.screens.participation_widgets import Pictogram

    host = QWidget()
    col = QVBoxLayout(host)
    pic = Pictogram("bench", size_px=48)
    col.addWidget(pic)
    qtbot.addWidget(host)
    # The high-contrast theme's words: yellow on black (ui/theme.py HIGH_CONTRAST).
    host.setStyleSheet("QWidget { background: #000000; color: #FFE500; font-size: 16pt; }")
    host.show()
    qtbot.waitExposed(host)
    image = pic.grab().toImage()
    colours = {image.pixelColor(x, y).name() for x in range(image.width()) for y in range(image.height())}
    assert "#ffe500" in colours                                   # drawn in the words' colour
    assert not colours & {"#1a1a1a", "#e9f2e4"}                   # not in the old fixed ink and fill
    normal = pic.width()
    host.setStyleSheet("QWidget { background: #000000; color: #FFE500; font-size: 32pt; }")   # "Aa", 200 %
    qtbot.waitUntil(lambda: pic.width() > normal * 1.5, timeout=3000)
    assert pic.width() == pic.height()


@pytest.mark.conformance("WCAG 1.3.2")
@pytest.mark.parametrize("direction", ["ltr", "rtl"])
def test_the_budget_and_result_bars_grow_from_where_reading_starts(qtbot, direction):
    """In Arabic the spent part of the budget and a project's votes grow from the right edge,
    as the words beside them read; in the other languages from the left."""
    from PySide6.QtCore import Qt

    from ui.screens.participation_widgets import SPENT, BudgetBar, ResultBar

    host = QWidget()
    col = QVBoxLayout(host)
    budget, result = BudgetBar(), ResultBar()
    col.addWidget(budget)
    col.addWidget(result)
    qtbot.addWidget(host)
    host.setLayoutDirection(Qt.LayoutDirection.RightToLeft if direction == "rtl" else Qt.LayoutDirection.LeftToRight)
    host.resize(400, 120)
    budget.set_values(25_000, 100_000, "25 000 of 100 000 spent")
    result.set_values(1, 0, 4, "1 vote")
    host.show()
    qtbot.waitExposed(host)
    for bar in (budget, result):
        image = bar.grab().toImage()
        y = image.height() // 2
        near_left = image.pixelColor(8, y).name()
        near_right = image.pixelColor(image.width() - 9, y).name()
        start, end = (near_right, near_left) if direction == "rtl" else (near_left, near_right)
        assert start == SPENT.name(), (type(bar).__name__, direction, near_left, near_right)
        assert end != SPENT.name(), (type(bar).__name__, direction, near_left, near_right)
