"""Nothing needs a drag (WCAG 2.5.7): a list that scrolls under a finger also moves a page at a
single tap on its scroll bar, and the keypad brings each row into view (test_keypad)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QStyle, QStyleOptionSlider

from tests.ui.conftest import settle


@pytest.mark.gui
@pytest.mark.conformance("WCAG 2.5.7")
@pytest.mark.parametrize("resolution", ["1920x1080", "1280x800"])
def test_a_tap_below_the_scroll_handle_moves_the_list_a_page(qtbot, make_window, resolution):
    window = make_window(resolution=resolution)
    window.flow.go("results")
    results = window.screen("results")
    qtbot.waitUntil(lambda: results.list.complete, timeout=10_000)
    settle(qtbot)
    bar = results.list.area.verticalScrollBar()
    assert bar.isVisible() and bar.maximum() > 0 and bar.value() == 0
    assert bar.width() >= 16   # a target a finger finds (the theme's bar is 24 px)
    opt = QStyleOptionSlider()
    bar.initStyleOption(opt)
    handle = bar.style().subControlRect(QStyle.ComplexControl.CC_ScrollBar, opt,
                                        QStyle.SubControl.SC_ScrollBarSlider, bar)
    below = QPoint(bar.width() // 2, min(handle.bottom() + 20, bar.height() - 30))
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=below)
    settle(qtbot)
    assert bar.value() == min(bar.pageStep(), bar.maximum())   # one tap, one page, no drag
