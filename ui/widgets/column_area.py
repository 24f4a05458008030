"""A list or column that scrolls on its own at the site's text, and stands whole in the page at 200 %.

The nurse's desk keeps Call next in sight while its waiting list scrolls, and a vote keeps
Back and Continue in sight while its options scroll. At large text (ui/appearance.py) the
screen no longer fits its page (ui/widgets/page_stack.py), which scrolls; a list that still
scrolled inside it would get the little height left over. Whole, it asks for the height of
its content and the page scrolls once.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtWidgets import QScrollArea, QWidget


class ColumnArea(QScrollArea):
    """A part of a screen that scrolls on its own while the screen fits its page, and shows
    all of itself (``set_whole(True)``) when the page has to scroll anyway: a scroll area
    inside a scrolling page is squeezed to a sliver, and two scroll bars confuse."""

    def __init__(self, content: QWidget | None = None) -> None:
        super().__init__()
        self.setWidgetResizable(True)
        self.setFrameShape(QScrollArea.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        if content is not None:
            self.setWidget(content)
        self.whole = False

    def set_whole(self, on: bool) -> None:
        if on == self.whole:
            return
        self.whole = on
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff if on
                                        else Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        if on:
            self.verticalScrollBar().setValue(0)
        self.updateGeometry()

    def scrolling_height(self) -> int:
        """The least height it takes while it scrolls on its own (not whole)."""
        return super().minimumSizeHint().height()

    def _content_height(self, width: int) -> int:
        content = self.widget()
        if content is None:
            return 0
        need = content.minimumSizeHint().height()
        if content.hasHeightForWidth():
            need = max(need, content.heightForWidth(width))
        return need

    def minimumSizeHint(self) -> QSize:   # noqa: N802 (Qt's name)
        hint = super().minimumSizeHint()
        content = self.widget()
        # As wide as the column's widest button or word (Columns stacks the columns when the
        # screen has less), with room for the scroll bar in either state so the choice is stable.
        width = (content.minimumSizeHint().width() if content is not None else 0) + \
            self.verticalScrollBar().sizeHint().width()
        height = self._content_height(self.width()) if self.whole else hint.height()
        return QSize(max(width, hint.width()), height)

    def sizeHint(self) -> QSize:   # noqa: N802
        # Side by side the column takes the height it is given and never asks the page for
        # its content's: the page would scroll and the column's foot fall below the fold.
        hint = super().sizeHint()
        return QSize(hint.width(), self.minimumSizeHint().height())

    def hasHeightForWidth(self) -> bool:   # noqa: N802
        return self.whole

    def heightForWidth(self, width: int) -> int:   # noqa: N802
        return self._content_height(width) if self.whole else super().heightForWidth(width)

    def event(self, event) -> bool:
        # The content changed its needs (another language, text size, the handover's
        # buttons): the column's width, and its height when whole, change with them.
        if event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()
        return super().event(event)

    def viewportEvent(self, event) -> bool:   # noqa: N802
        if event.type() == QEvent.Type.LayoutRequest:
            self.updateGeometry()
        return super().viewportEvent(event)
