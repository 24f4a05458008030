"""A row of buttons that wraps onto the next line when it does not fit (WCAG 1.4.10).

At 200 % text (ui/appearance.py) a row of choice buttons (an idea's topic and district,
a number's priority class) is wider than a 1280x800 screen; in a QHBoxLayout the row then
pushes the page past the right edge. In ``FlowLayout`` each button keeps its whole width
and the ones that do not fit go to the next line; the layout tells its parent the height
that takes (height for width), so the page scrolls rather than drawing lines over each other.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QLayout, QLayoutItem, QWidget


class FlowLayout(QLayout):
    def __init__(self, parent: QWidget | None = None, spacing: int = 8) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self._gap = spacing
        self.setContentsMargins(0, 0, 0, 0)

    # -- QLayout's protocol -----------------------------------------------------------
    def addItem(self, item: QLayoutItem) -> None:   # noqa: N802 (Qt's name)
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:   # noqa: N802
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:   # noqa: N802
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def spacing(self) -> int:
        return self._gap

    def expandingDirections(self) -> Qt.Orientation:   # noqa: N802
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:   # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:   # noqa: N802
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:   # noqa: N802
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self) -> QSize:   # noqa: N802
        # All on one line when there is room for it.
        shown = self._shown()
        m = self.contentsMargins()
        width = sum(i.sizeHint().width() for i in shown) + self._gap * max(0, len(shown) - 1)
        height = max((i.sizeHint().height() for i in shown), default=0)
        return QSize(width + m.left() + m.right(), height + m.top() + m.bottom())

    def minimumSize(self) -> QSize:   # noqa: N802
        # As narrow as the widest button: the rest wraps.
        size = QSize()
        for item in self._shown():
            size = size.expandedTo(item.minimumSize())
        m = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    # -- placing ----------------------------------------------------------------------
    def _shown(self) -> list[QLayoutItem]:
        return [i for i in self._items if not (i.widget() is not None and i.widget().isHidden())]

    def add_group_gap(self, width: int) -> None:
        """Room between two groups of buttons (an idea's topics and its districts): a group
        that does not fit whole in what is left of a line starts the next line."""
        gap = QWidget()
        gap.setFixedSize(width, 1)
        gap.setProperty("flow_group_gap", True)
        self.addWidget(gap)

    def _place(self, rect: QRect, *, move: bool) -> int:
        """Puts the items in lines inside ``rect`` (when ``move``); returns the height used."""
        m = self.contentsMargins()
        area = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        rtl = self.parentWidget() is not None and self.parentWidget().layoutDirection() == Qt.LayoutDirection.RightToLeft
        x, y, line_height = area.x(), area.y(), 0
        shown = self._shown()
        for n, item in enumerate(shown):
            hint = item.sizeHint().expandedTo(item.minimumSize())
            width = min(hint.width(), max(area.width(), 1))
            if item.widget() is not None and item.widget().property("flow_group_gap"):
                group = 0
                for after in shown[n + 1:]:
                    if after.widget() is not None and after.widget().property("flow_group_gap"):
                        break
                    group += after.sizeHint().width() + self._gap
                if x > area.x() and x + width + group > area.x() + area.width():
                    x, y, line_height = area.x(), y + line_height + self._gap, 0   # the group on a line of its own
                    if move:
                        item.setGeometry(QRect(area.x(), y, 0, 0))
                    continue
                if x == area.x():
                    if move:
                        item.setGeometry(QRect(area.x(), y, 0, 0))
                    continue   # no room kept at the start of a line
            if x > area.x() and x + width > area.x() + area.width():
                x, y, line_height = area.x(), y + line_height + self._gap, 0
            if move:
                # Right to left (Arabic): the first button at the right edge.
                left = x if not rtl else area.x() + area.width() - (x - area.x()) - width
                item.setGeometry(QRect(QPoint(left, y), QSize(width, hint.height())))
            x += width + self._gap
            line_height = max(line_height, hint.height())
        return y + line_height - rect.y() + m.bottom()
