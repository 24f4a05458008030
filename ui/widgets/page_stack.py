"""The window's stack of screens, each screen in a page that scrolls when it does not fit.

At the largest text (200 %, ui/appearance.py) a screen's words need more height than a
1280x800 screen has. Without a page to scroll, Qt squeezes every widget below the height its
text needs and the lines are drawn over each other; in a page each keeps its height and the
page scrolls up and down under a finger (never sideways: the width is the screen's, and
words wrap). At the site's own text size every screen fits and the page never scrolls.
"""

from __future__ import annotations

from PySide6.QtWidgets import QScrollArea, QStackedWidget, QWidget

from ui.widgets.touch import kinetic_scroll_area


class PageStack(QStackedWidget):
    """A QStackedWidget whose callers deal in screens; the pages around them are its own."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pages: dict[int, QScrollArea] = {}

    def page_of(self, screen: QWidget) -> QScrollArea | None:
        return self._pages.get(id(screen))

    def addWidget(self, screen: QWidget) -> int:   # noqa: N802 (Qt's name)
        page = kinetic_scroll_area(screen)
        page.setObjectName("page")
        self._pages[id(screen)] = page
        screen.destroyed.connect(lambda _=None, key=id(screen): self._pages.pop(key, None))
        return super().addWidget(page)

    def setCurrentWidget(self, screen: QWidget) -> None:   # noqa: N802
        page = self._pages.get(id(screen))
        if page is None:
            raise ValueError(f"{screen.objectName() or screen!r} is not a screen of this window")
        if super().currentWidget() is not page:
            page.verticalScrollBar().setValue(0)   # a screen opens at its top
        super().setCurrentWidget(page)

    def currentWidget(self) -> QWidget | None:   # noqa: N802
        page = super().currentWidget()
        return page.widget() if isinstance(page, QScrollArea) else page

    def widget(self, index: int) -> QWidget | None:
        page = super().widget(index)
        return page.widget() if isinstance(page, QScrollArea) else page

    def indexOf(self, screen: QWidget) -> int:   # noqa: N802
        page = self._pages.get(id(screen))
        return super().indexOf(page) if page is not None else -1
