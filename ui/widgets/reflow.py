"""Columns side by side while they fit, one under the other when they do not (WCAG 1.4.10).

A screen that puts its words on the left and a QR code, a keypad or a second list on the
right needs at 200 % text (ui/appearance.py) more width than a 1280x800 screen has. In a
plain QHBoxLayout the columns are then squeezed below their minimum and cut; in ``Columns``
the second column moves under the first and the page scrolls (ui/widgets/page_stack.py).
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QBoxLayout, QLayout, QWidget


class Columns(QWidget):
    def __init__(self, spacing: int = 0, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.box = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self.box.setContentsMargins(0, 0, 0, 0)
        self.box.setSpacing(spacing)
        self._stretches: list[int] = []

    def add(self, part: QWidget | QLayout, stretch: int = 0) -> None:
        if isinstance(part, QLayout):
            self.box.addLayout(part, stretch)
        else:
            self.box.addWidget(part, stretch)
        self._stretches.append(stretch)

    @property
    def stacked(self) -> bool:
        return self.box.direction() == QBoxLayout.Direction.TopToBottom

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

    def _arrange(self, width: int) -> None:
        want = (QBoxLayout.Direction.TopToBottom if width < self.side_by_side_width()
                else QBoxLayout.Direction.LeftToRight)
        if want != self.box.direction():
            self.box.setDirection(want)
            # One under the other, no column takes the height from the other.
            for i, stretch in enumerate(self._stretches):
                self.box.setStretch(i, 0 if want == QBoxLayout.Direction.TopToBottom else stretch)
            self.updateGeometry()
