"""The theme paints each colour once: the window (and the surfaces with a colour of their own:
cards, buttons, fields, badges) fill their background; plain containers (a QWidget holding a
layout, ``Columns``, ``Pages``) are transparent, and so are the scroll areas' viewports and contents (``kinetic_scroll_area`` turns
off the fill ``QScrollArea.setWidget`` turns on): the window's fill is the page's colour.

A style sheet rule ``QWidget { background: ... }`` made every container fill its whole rect
again, layer over layer: 8-16 ms of the GUI thread for each repaint of the 1920x1080 window,
against about 1 ms without (docs/benchmarks.md, issue 13). The first test fails if that comes
back: a container over a card then shows the page's colour instead of the card's.

An opaque screen (the filled scroll area content) was painted twice at every page switch: once in
a pass of its own, then again with its children, whose own show had marked them dirty too (13-24
ms of the GUI thread a switch at 1920x1080 against 7-15). The last tests count the paints.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QFrame, QLabel, QVBoxLayout, QWidget

from tests.ui.conftest import settle
from ui.appearance import LARGER, Appearance
from ui.theme import HIGH_CONTRAST, THEMES
from ui.widgets.page_stack import PageStack
from ui.widgets.pages import Pages
from ui.widgets.reflow import Columns
from ui.widgets.touch import kinetic_scroll_area

CASES = [("light", False), ("dark", False), ("light", True)]   # True: high contrast (the "Aa" steps)


@pytest.fixture
def themed():
    """Apply a theme as the kiosk does (ui/appearance.py); the site's own theme again after."""
    made = []

    def apply(theme: str, high_contrast: bool):
        appearance = Appearance(theme=theme, resolution="1920x1080", app=QApplication.instance())
        appearance.step = LARGER if high_contrast else 0
        appearance.apply()
        made.append(appearance)
        return HIGH_CONTRAST if high_contrast else THEMES[theme]

    yield apply
    for appearance in made:
        appearance.step = 0
        appearance.apply()


def _colour_at(widget: QWidget, inner: QWidget) -> str:
    """The colour drawn in the middle of ``inner``'s empty lower half, as ``widget.grab()`` shows it."""
    image = widget.grab().toImage()
    centre = inner.mapTo(widget, inner.rect().center())
    y = centre.y() + inner.height() // 4
    return QColor(image.pixel(centre.x(), y)).name().upper()


@pytest.mark.parametrize("theme,high_contrast", CASES)
def test_plain_containers_let_the_card_beneath_show(qtbot, themed, theme, high_contrast):
    palette = themed(theme, high_contrast)
    page = QWidget()                        # the window: the page's colour around the card
    page.resize(1000, 1000)
    qtbot.addWidget(page)
    card = QFrame(page)
    card.setProperty("role", "card")
    card.setGeometry(50, 50, 900, 900)
    outer = QVBoxLayout(card)
    plain = QWidget()                       # a container as screens make them
    QVBoxLayout(plain).addWidget(QLabel("x"))
    columns = Columns(spacing=8)            # two columns that stack at large text
    columns.add(QLabel("y"))
    pages = Pages()                         # pages inside a screen
    pages.addWidget(QLabel("z"))
    for w in (plain, columns, pages):
        w.setMinimumHeight(200)
        outer.addWidget(w)
    page.show()
    qtbot.waitExposed(page)
    image = page.grab().toImage()
    assert QColor(image.pixel(card.x() + 3, card.y() + card.height() // 2)).name().upper() == palette.surface.upper()
    for w in (plain, columns, pages):
        assert _colour_at(page, w) == palette.surface.upper(), (
            f"{type(w).__name__} paints its own background over the card ({theme}, high contrast {high_contrast})")


@pytest.mark.parametrize("theme,high_contrast", CASES)
def test_the_window_keeps_the_page_colour(qtbot, make_window, themed, theme, high_contrast):
    """The window paints the page's colour itself (the application palette), in every theme."""
    palette = themed(theme, high_contrast)
    window = make_window()
    window.appearance.theme = theme          # the window has an appearance of its own: follow the case
    window.appearance.set_step(LARGER if high_contrast else 0)
    window.appearance.apply()
    settle(qtbot)
    image = window.grab().toImage()
    for x, y in ((2, window.height() - 3), (window.width() - 3, window.height() - 3)):
        assert QColor(image.pixel(x, y)).name().upper() == palette.background.upper(), (x, y)


@pytest.mark.parametrize("theme,high_contrast", CASES)
def test_a_scroll_area_over_a_card_lets_the_card_show(qtbot, themed, theme, high_contrast):
    palette = themed(theme, high_contrast)
    page = QWidget()
    page.resize(600, 600)
    qtbot.addWidget(page)
    card = QFrame(page)
    card.setProperty("role", "card")
    card.setGeometry(50, 50, 500, 500)
    content = QWidget()
    QVBoxLayout(content).addWidget(QLabel("x"))
    area = kinetic_scroll_area(content)
    QVBoxLayout(card).addWidget(area)
    page.show()
    qtbot.waitExposed(page)
    assert _colour_at(page, area) == palette.surface.upper(), f"the scroll area paints over the card ({theme})"


class _Paints(QObject):
    """Paint events per widget (a filter on each widget, none on the application)."""

    def __init__(self) -> None:
        super().__init__()
        self.count: dict[int, int] = {}

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Paint:
            self.count[id(obj)] = self.count.get(id(obj), 0) + 1
        return False


def _screen(words: str) -> QWidget:
    screen = QWidget()
    col = QVBoxLayout(screen)
    for word in words.split():
        inner = QFrame()
        inner.setProperty("role", "card")
        QVBoxLayout(inner).addWidget(QLabel(word))
        col.addWidget(inner)
    return screen


def test_a_page_switch_paints_each_widget_once(qtbot):
    """As the window switches screens (ui/widgets/page_stack.py): every widget of the screen
    shown is painted once, not once in the screen's own pass and again in the window's."""
    window = QWidget()
    window.resize(800, 600)
    qtbot.addWidget(window)
    stack = PageStack()
    QVBoxLayout(window).addWidget(stack)
    first, second = _screen("a b c"), _screen("d e f")
    stack.addWidget(first)
    stack.addWidget(second)
    stack.setCurrentWidget(first)
    window.show()
    qtbot.waitExposed(window)
    settle(qtbot)
    paints = _Paints()
    shown = [second, *second.findChildren(QWidget)]
    for w in shown:
        w.installEventFilter(paints)
    stack.setCurrentWidget(second)
    qtbot.waitUntil(lambda: all(paints.count.get(id(w)) for w in shown))
    settle(qtbot)
    assert max(paints.count.values()) == 1, sorted(paints.count.values())
