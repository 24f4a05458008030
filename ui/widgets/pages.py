"""A screen's own pages (a list, a form, a receipt) of which one is shown at a time.

Qt's QStackedWidget asks for the size of its tallest page. A short page then gets the height
of the longest one, most of it empty, and in a page that scrolls (ui/widgets/page_stack.py)
the buttons at its foot were pushed below the screen: the booking's Done stood at y=1111 of
a 1920x1080 screen, under half a screen of nothing, because the list of services was taller.
Here only the page shown counts.

Qt's layouts ask a stack's pages for their height for a width one by one (QStackedLayout),
never the stack itself, so each page is held in a holder that answers "nothing" while it is
not the page shown; callers deal in their own pages, as with PageStack.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QStackedWidget, QVBoxLayout, QWidget


class _Holder(QWidget):
    def __init__(self, page: QWidget) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(page)
        self.page = page

    def _hidden(self) -> bool:
        stack = self.parentWidget()
        return isinstance(stack, QStackedWidget) and QStackedWidget.currentWidget(stack) is not self

    def sizeHint(self) -> QSize:   # noqa: N802 (Qt's name)
        return QSize(0, 0) if self._hidden() else super().sizeHint()

    def minimumSizeHint(self) -> QSize:   # noqa: N802
        return QSize(0, 0) if self._hidden() else super().minimumSizeHint()

    def heightForWidth(self, width: int) -> int:   # noqa: N802
        return 0 if self._hidden() else super().heightForWidth(width)


class Pages(QStackedWidget):
    """A QStackedWidget whose size is the size of the page shown."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.currentChanged.connect(self._shown_changed)

    def _holders(self) -> list[_Holder]:
        return [h for i in range(self.count()) if isinstance(h := QStackedWidget.widget(self, i), _Holder)]

    def _shown_changed(self, _index: int) -> None:
        for holder in self._holders():
            holder.updateGeometry()
        self.updateGeometry()

    def addWidget(self, page: QWidget) -> int:   # noqa: N802 (Qt's name)
        return super().addWidget(_Holder(page))

    def insertWidget(self, index: int, page: QWidget) -> int:   # noqa: N802
        return super().insertWidget(index, _Holder(page))

    def _holder_of(self, page: QWidget) -> _Holder | None:
        return next((h for h in self._holders() if h.page is page), None)

    def setCurrentWidget(self, page: QWidget) -> None:   # noqa: N802
        holder = self._holder_of(page)
        if holder is None:
            raise ValueError(f"{page!r} is not a page of this stack")
        super().setCurrentWidget(holder)

    def currentWidget(self) -> QWidget | None:   # noqa: N802
        holder = super().currentWidget()
        return holder.page if isinstance(holder, _Holder) else holder

    def widget(self, index: int) -> QWidget | None:
        holder = super().widget(index)
        return holder.page if isinstance(holder, _Holder) else holder

    def indexOf(self, page: QWidget) -> int:   # noqa: N802
        holder = self._holder_of(page)
        return super().indexOf(holder) if holder is not None else -1
