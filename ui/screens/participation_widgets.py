"""Painted parts of the participation screens: the budget bar, project pictograms and
result bars. Painted in code (no image files, no emoji font); every one carries its
meaning in text as well, so colour or shape is never the only cue. The pictograms are
drawn in the colour of the words beside them (the theme's, high contrast included) and
grow with the text, as ``ui/icons.py``'s do."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

SPENT = QColor("#0B5FA5")
LEFT = QColor("#DDE8F3")
OTHER = QColor("#9BC4E8")
PICTOGRAMS = ("bench", "tree", "playground", "light", "sport", "culture", "path", "water")


def _mirror_when_right_to_left(widget: QWidget, p: QPainter) -> None:
    """A bar grows from where reading starts: from the right edge in Arabic."""
    if widget.isRightToLeft():
        p.translate(widget.width(), 0)
        p.scale(-1, 1)


class BudgetBar(QWidget):
    """How much of the budget the picks use, and what is left, as a bar with the words beside."""

    def __init__(self, height_px: int = 44) -> None:
        super().__init__()
        self.setObjectName("budget-bar")
        self.setMinimumHeight(height_px)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.total, self.spent, self.caption = 1, 0, ""

    def set_values(self, spent: int, total: int, caption: str) -> None:
        self.spent, self.total, self.caption = spent, max(total, 1), caption
        self.setAccessibleName(caption)
        self.setToolTip(caption)
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(600, self.minimumHeight())

    def paintEvent(self, _event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        _mirror_when_right_to_left(self, p)
        r = QRectF(1, 1, self.width() - 2, self.height() - 2)
        p.setPen(QPen(self.palette().color(QPalette.ColorRole.WindowText), 2))   # the theme's, seen on any
        p.setBrush(LEFT)
        p.drawRoundedRect(r, 8, 8)
        share = min(1.0, self.spent / self.total)
        if share > 0:
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(SPENT)
            p.drawRoundedRect(QRectF(r.x() + 2, r.y() + 2, (r.width() - 4) * share, r.height() - 4), 6, 6)
        p.end()


class Pictogram(QWidget):
    """A simple line drawing for a budgeting project (bench, tree, playground, ...), at least
    ``size_px`` square and ``em`` lines of its font tall, in its font's colour."""

    def __init__(self, name: str = "", size_px: int = 64, em: float = 2.0) -> None:
        super().__init__()
        self.name = name if name in PICTOGRAMS else ""
        self.min_px, self.em = size_px, em
        self._fit()

    def set_name(self, name: str) -> None:
        self.name = name if name in PICTOGRAMS else ""
        self.update()

    def _fit(self) -> None:
        size = max(self.min_px, round(self.fontMetrics().height() * self.em))
        if size != self.width() or size != self.height():
            self.setFixedSize(size, size)

    def changeEvent(self, event) -> None:   # noqa: N802 (Qt's name)
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit()   # larger text ("Aa"): a larger drawing
        self.update()

    def paintEvent(self, _event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        s = min(self.width(), self.height())
        # The words' colour from the style sheet: dark on light, white or yellow in high contrast,
        # the selected row's own text colour when the project is picked.
        ink = self.palette().color(QPalette.ColorRole.WindowText)
        p.setPen(QPen(ink, max(3, s // 16), Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRoundedRect(QRectF(2, 2, s - 4, s - 4), s / 6, s / 6)
        u = s / 10
        n = self.name
        if n == "bench":
            p.drawLine(int(2 * u), int(5 * u), int(8 * u), int(5 * u))
            p.drawLine(int(2 * u), int(3.5 * u), int(8 * u), int(3.5 * u))
            p.drawLine(int(3 * u), int(5 * u), int(3 * u), int(7.5 * u))
            p.drawLine(int(7 * u), int(5 * u), int(7 * u), int(7.5 * u))
        elif n == "tree":
            p.drawEllipse(QRectF(3 * u, 1.8 * u, 4 * u, 4 * u))
            p.drawLine(int(5 * u), int(5.8 * u), int(5 * u), int(8.2 * u))
        elif n == "playground":
            p.drawLine(int(2 * u), int(8 * u), int(4 * u), int(2.5 * u))
            p.drawLine(int(4 * u), int(2.5 * u), int(6 * u), int(8 * u))
            path = QPainterPath()
            path.moveTo(6 * u, 3 * u)
            path.quadTo(7.5 * u, 3 * u, 8.3 * u, 8 * u)
            p.drawPath(path)
        elif n == "light":
            p.drawLine(int(5 * u), int(3 * u), int(5 * u), int(8.2 * u))
            p.drawEllipse(QRectF(3.8 * u, 1.5 * u, 2.4 * u, 2 * u))
        elif n == "sport":
            p.drawEllipse(QRectF(2.5 * u, 2.5 * u, 5 * u, 5 * u))
            p.drawLine(int(2.5 * u), int(5 * u), int(7.5 * u), int(5 * u))
        elif n == "culture":
            p.drawEllipse(QRectF(2 * u, 2.5 * u, 6 * u, 5 * u))
            p.drawPoint(int(4 * u), int(4.5 * u))
            p.drawPoint(int(6 * u), int(4.5 * u))
        elif n == "path":
            path = QPainterPath()
            path.moveTo(3 * u, 8 * u)
            path.cubicTo(6 * u, 6 * u, 3 * u, 4 * u, 7 * u, 2 * u)
            p.drawPath(path)
        elif n == "water":
            path = QPainterPath()
            path.moveTo(5 * u, 2 * u)
            path.cubicTo(8 * u, 6 * u, 7 * u, 8 * u, 5 * u, 8 * u)
            path.cubicTo(3 * u, 8 * u, 2 * u, 6 * u, 5 * u, 2 * u)
            p.drawPath(path)
        else:
            p.drawEllipse(QRectF(4 * u, 4 * u, 2 * u, 2 * u))
        p.end()


class ResultBar(QWidget):
    """One option's votes: kiosk votes dark, other channels light, the numbers in words beside."""

    def __init__(self, height_px: int = 34) -> None:
        super().__init__()
        self.setMinimumHeight(height_px)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.kiosk = self.other = 0
        self.top = 1

    def set_values(self, kiosk: int, other: int, top: int, caption: str) -> None:
        self.kiosk, self.other, self.top = kiosk, other, max(top, 1)
        self.setAccessibleName(caption)
        self.update()

    def sizeHint(self) -> QSize:
        return QSize(400, self.minimumHeight())

    def paintEvent(self, _event) -> None:
        p = QPainter(self)
        _mirror_when_right_to_left(self, p)
        w = self.width() - 2
        wk, wo = w * self.kiosk / self.top, w * self.other / self.top
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(SPENT)
        p.drawRect(QRectF(1, 4, wk, self.height() - 8))
        p.setBrush(OTHER)
        p.drawRect(QRectF(1 + wk, 4, wo, self.height() - 8))
        p.end()
