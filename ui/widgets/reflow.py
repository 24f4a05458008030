"""Columns side by side while they fit, one under the other when they do not; rows of
widgets that wrap onto new lines (WCAG 1.4.10).

A screen that puts its words on the left and a QR code, a keypad or a second list on the
right needs at 200 % text (ui/appearance.py) more width than a 1280x800 screen has. In a
plain QHBoxLayout the columns are then squeezed below their minimum and cut; in ``Columns``
the second column moves under the first and the page scrolls (ui/widgets/page_stack.py).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import QBoxLayout, QLayout, QWidget



def columns_that_fit(widest: int, room: int, gap: int, most: int) -> int:
    """How many tiles of minimum width ``widest`` stand side by side in ``room`` px with ``gap``
    between them, at most ``most`` and at least one (a tile is as wide as its longest word, so
    at 200 % text fewer fit: the browse grid, the home tiles)."""
    n = most
    while n > 1 and n * widest + (n - 1) * gap > room:
        n -= 1
    return n


class Columns(QWidget):
    def __init__(self, spacing: int = 0, parent: QWidget | None = None, last_on_top: bool = False) -> None:
        """``last_on_top``: stacked, the last column comes first (the search's keyboard above
        its results: one types, then looks)."""
        super().__init__(parent)
        self._stacked_direction = (QBoxLayout.Direction.BottomToTop if last_on_top
                                   else QBoxLayout.Direction.TopToBottom)
        self.box = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.box.setContentsMargins(0, 0, 0, 0)
        self.box.setSpacing(spacing)
        if last_on_top:
            # The keypad, too, meets the last column first, side by side or stacked (ui/keypad.py).
            self.box.setProperty("keypad_last_first", True)
        self._stretches: list[int] = []

    def add(self, part: QWidget | QLayout, stretch: int = 0) -> None:
        if isinstance(part, QLayout):
            self.box.addLayout(part, stretch)
        else:
            self.box.addWidget(part, stretch)
        self._stretches.append(stretch)

    @property
    def stacked(self) -> bool:
        return self.box.direction() == self._stacked_direction

    def _widths(self) -> list[int]:
        out = []
        for i in range(self.box.count()):
            item = self.box.itemAt(i)
            if item.widget() is not None and item.widget().isHidden():
                continue
            out.append(item.minimumSize().width())
        return out

    def side_by_side_width(self) -> int:
        widths = self._widths()
        return sum(widths) + self.box.spacing() * max(0, len(widths) - 1)

    def minimumSizeHint(self) -> QSize:   # noqa: N802 (Qt's name)
        # As narrow as the widest column: the parent may give less than side by side needs.
        hint = super().minimumSizeHint()
        return QSize(max(self._widths(), default=0), hint.height())

    def resizeEvent(self, event) -> None:   # noqa: N802
        self._arrange(event.size().width())
        super().resizeEvent(event)

    def event(self, event) -> bool:
        # A column's minimum changed (another text size, another language) at the same width:
        # side by side or stacked is decided again, not only at the next resize.
        if event.type() == QEvent.Type.LayoutRequest:
            self._arrange(self.width())
        return super().event(event)

    def _arrange(self, width: int) -> None:
        stack = width < self.side_by_side_width()
        want = self._stacked_direction if stack else QBoxLayout.Direction.LeftToRight
        if want != self.box.direction():
            self.box.setDirection(want)
            # One under the other, no column takes the height from the other.
            for i, stretch in enumerate(self._stretches):
                self.box.setStretch(i, 0 if stack else stretch)
            self.updateGeometry()


class _ItemsLayout(QLayout):
    """A layout that keeps its items in a list (QLayout leaves that to its subclasses)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items: list = []

    def addItem(self, item) -> None:   # noqa: N802 (Qt's name)
        self._items.append(item)
        self.invalidate()

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int):   # noqa: N802
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int):   # noqa: N802
        if not 0 <= index < len(self._items):
            return None
        self.invalidate()
        return self._items.pop(index)


class FlowLayout(_ItemsLayout):
    """Widgets in a row while they fit, the rest on the next line (after Qt's flow layout
    example): badges beside a service's name, smileys, suggestion buttons. A widget wider than
    the whole row (a badge of long words at 200 % beside the search keyboard) gets the row's
    width and the height it needs there, so its words wrap instead of being cut."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 8, centred: bool = False) -> None:
        super().__init__(parent)
        # Height for a width, until an item, the spacing or the margins change (invalidate()):
        # a list of rows asks each row's flow of badges for the same width many times in a
        # layout pass (560 placements a search keystroke, a third of its GUI time).
        self._heights: dict[int, int] = {}
        self._placed = QRect()  # where the items were last placed (until invalidate())
        self.centred = centred  # each line in the middle of the row (the feedback's suggestions)
        self.setContentsMargins(0, 0, 0, 0)
        self.setSpacing(spacing)

    def expandingDirections(self):   # noqa: N802
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:   # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:   # noqa: N802
        height = self._heights.get(width)
        if height is None:
            if len(self._heights) >= 8:  # a few widths in use at a time (page, scroll bar, Aa)
                self._heights.clear()
            height = self._heights[width] = self._place(QRect(0, 0, width, 0), move=False)
        return height

    def invalidate(self) -> None:
        self._heights.clear()
        self._placed = QRect()
        super().invalidate()

    def setGeometry(self, rect: QRect) -> None:   # noqa: N802
        super().setGeometry(rect)
        if rect != self._placed:  # as QBoxLayout: the same rect with nothing changed places nothing
            self._place(rect, move=True)
            self._placed = QRect(rect)

    def sizeHint(self) -> QSize:   # noqa: N802
        # Everything on one line.
        shown = self._shown()
        m = self.contentsMargins()
        width = sum(i.sizeHint().width() for i in shown) + self.spacing() * max(0, len(shown) - 1)
        height = max((i.sizeHint().height() for i in shown), default=0)
        return QSize(width + m.left() + m.right(), height + m.top() + m.bottom())

    def minimumSize(self) -> QSize:   # noqa: N802
        # As narrow as the widest item's minimum: everything else goes onto more lines.
        size = QSize()
        for item in self._shown():
            size = size.expandedTo(item.minimumSize())
        m = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    def _shown(self) -> list:
        return [i for i in self._items if not i.isEmpty()]

    def add_group_gap(self, width: int) -> None:
        """Room between two groups of items (an idea's topics and its districts): a group that
        does not fit whole in what is left of a line starts the next line."""
        gap = QWidget()
        gap.setFixedSize(width, 1)
        gap.setProperty("flow_group_gap", True)
        self.addWidget(gap)

    @staticmethod
    def _is_gap(item) -> bool:
        return item.widget() is not None and bool(item.widget().property("flow_group_gap"))

    def _place(self, rect: QRect, move: bool) -> int:
        m = self.contentsMargins()
        room = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        rtl = self.parentWidget() is not None and self.parentWidget().layoutDirection() == Qt.LayoutDirection.RightToLeft
        gap = self.spacing()
        # Lines first (item, width, height), then each line placed: a centred line needs its width.
        lines: list[list[tuple]] = [[]]
        x = 0
        shown = self._shown()
        for n, item in enumerate(shown):
            if self._is_gap(item):
                group = 0
                for after in shown[n + 1:]:
                    if self._is_gap(after):
                        break
                    group += min(after.sizeHint().width(), room.width()) + gap
                if not lines[-1] or x + item.sizeHint().width() + group > room.width():
                    if move:
                        item.setGeometry(QRect(room.x(), room.y(), 0, 0))   # takes no room
                    if lines[-1]:   # the next group on a line of its own; no room kept at its start
                        lines.append([])
                        x = 0
                    continue
            hint = item.sizeHint()
            w = min(hint.width(), room.width())
            # The height for the width given, also at the item's own width: a word-wrapped
            # QLabel's size hint is measured at a trial width and may need a line more at its
            # own (Arabic "open now, closes at 12:00" in a booking row: 204 px asked, 168 given).
            h = item.heightForWidth(w) if item.hasHeightForWidth() else hint.height()
            if lines[-1] and x + w > room.width():
                lines.append([])
                x = 0
            lines[-1].append((item, w, h))
            x += w + gap
        y = room.y()
        for line in lines:
            if not line:
                continue
            used = sum(w for _, w, _ in line) + gap * (len(line) - 1)
            x = room.x() + ((room.width() - used) // 2 if self.centred else 0)
            for item, w, h in line:
                if move:
                    left = room.right() + 1 - (x - room.x()) - w if rtl else x
                    item.setGeometry(QRect(QPoint(left, y), QSize(w, h)))
                x += w + gap
            y += max(h for _, _, h in line) + gap
        return max(0, y - gap) - rect.y() + m.bottom() if any(lines) else m.top() + m.bottom()


class EvenRows(_ItemsLayout):
    """Buttons of one width, up to ``most`` to a row while the widest button's minimum fits
    in its share of the row, fewer to a row when not (a grid of the nurse's actions: two side
    by side at the site's text, one under the other at 200 % in Russian or Somali, where
    "Booqasho labaad ayaa loo baahan yahay" alone is 1,027 px). A QGridLayout keeps its
    columns and asks for the sum of their widths, however narrow the screen."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 8, most: int = 2) -> None:
        super().__init__(parent)
        self.most = most
        self.setContentsMargins(0, 0, 0, 0)
        self.setSpacing(spacing)

    def expandingDirections(self):   # noqa: N802
        return Qt.Orientation.Horizontal

    def hasHeightForWidth(self) -> bool:   # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:   # noqa: N802
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:   # noqa: N802
        super().setGeometry(rect)
        self._place(rect, move=True)

    def _shown(self) -> list:
        return [i for i in self._items if not i.isEmpty()]

    def sizeHint(self) -> QSize:   # noqa: N802
        # ``most`` to a row, each as wide as the widest button wants.
        shown = self._shown()
        m = self.contentsMargins()
        n = max(1, min(self.most, len(shown)))
        width = n * max((i.sizeHint().width() for i in shown), default=0) + self.spacing() * (n - 1)
        width += m.left() + m.right()
        return QSize(width, self.heightForWidth(width))

    def minimumSize(self) -> QSize:   # noqa: N802
        # As narrow as the widest button's minimum: the others then go under it.
        size = QSize()
        for item in self._shown():
            size = size.expandedTo(item.minimumSize())
        m = self.contentsMargins()
        return size + QSize(m.left() + m.right(), m.top() + m.bottom())

    def _place(self, rect: QRect, move: bool) -> int:
        m = self.contentsMargins()
        room = rect.adjusted(m.left(), m.top(), -m.right(), -m.bottom())
        shown = self._shown()
        if not shown:
            return m.top() + m.bottom()
        gap = self.spacing()
        widest = max(i.minimumSize().width() for i in shown)
        n = columns_that_fit(widest, room.width(), gap, min(self.most, len(shown)))
        width = max(widest, (room.width() - gap * (n - 1)) // n)
        rtl = self.parentWidget() is not None and self.parentWidget().layoutDirection() == Qt.LayoutDirection.RightToLeft
        y = room.y()
        for start in range(0, len(shown), n):
            row = shown[start:start + n]
            height = max(max(i.heightForWidth(width) if i.hasHeightForWidth() else i.sizeHint().height(),
                             i.minimumSize().height()) for i in row)
            for k, item in enumerate(row):
                if move:
                    x = room.x() + k * (width + gap)
                    left = room.right() + 1 - (x - room.x()) - width if rtl else x
                    item.setGeometry(QRect(QPoint(left, y), QSize(width, height)))
            y += height + gap
        return y - gap - rect.y() + m.bottom()
