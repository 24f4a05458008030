"""Pictograms beside the words, for people who read little or read another script (issue 16).

The drawings are our own SVG files in ``assets/icons/`` (24-unit grid, 2-unit strokes in
``currentColor``). A pictogram takes the colour of the text it stands beside: the style
sheet's ``color`` for the label (so the high-contrast theme recolours it too), swapped in
for ``currentColor`` before QSvgRenderer draws it. Each (drawing, size, colour, mirrored)
is rendered once and kept; the SVG texts are read once, at start (``preload``).

Pictograms are decorative: a tile's accessible name stays its words, and the pictogram
itself has no name, so a screen reader says nothing more.

Drawings that point (an arrow, a person walking) are mirrored in a right-to-left language,
as the layout is; the others (a house, a heart, a calendar) never are.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QByteArray, QEvent, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPalette, QPixmap, QTransform
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from kiosk.packaged import asset

# What each thing the kiosk names is drawn as.
HOME_TILES = {
    "find": "search", "book": "calendar-plus", "checkin": "arrive", "queue": "ticket",
    "nurse": "video", "feedback": "smile", "participation": "ballot",
}
LIFE_EVENTS = {
    "expecting_a_baby": "pram", "family_with_children": "family", "school_and_youth": "book",
    "health_and_illness": "cross", "mental_wellbeing": "heart", "work_and_unemployment": "briefcase",
    "money_and_benefits": "euro", "housing": "house", "ageing_and_care": "cane", "disability": "wheelchair",
    "moving_to_finland": "suitcase", "free_time_and_community": "group",
}
TARGET_GROUPS = {
    "families_with_children": "family", "children_and_young_people": "child", "adults": "person",
    "older_people": "cane", "immigrants": "globe", "special_support": "helping-hand",
    "swedish_speakers": "speech",
}
SECTORS = {"public": "town-hall", "private": "shop", "third_sector": "community"}
CHANNEL_KINDS = {"visit": "pin", "video": "video", "phone": "phone", "web": "globe", "walk_in": "walk"}
BY_KIND = {"home": HOME_TILES, "life_event": LIFE_EVENTS, "target_group": TARGET_GROUPS,
           "sector": SECTORS, "channel": CHANNEL_KINDS}

# These point somewhere, so they turn round with the reading direction.
POINTING = frozenset({"arrive", "walk"})

_svg_texts: dict[str, str] = {}


def icon_for(kind: str, code: str) -> str | None:
    """The drawing for a code of the catalogue or a home tile, None when there is none."""
    return BY_KIND.get(kind, {}).get(code)


def preload() -> int:
    """Read every drawing once (at start, before the event loop): after this no pictogram
    touches the disk. Returns how many there are."""
    if not _svg_texts:
        for path in sorted(asset("icons").glob("*.svg")):
            _svg_texts[path.stem] = path.read_text(encoding="utf-8")
    return len(_svg_texts)


def names() -> list[str]:
    preload()
    return sorted(_svg_texts)


@lru_cache(maxsize=512)
def pixmap(name: str, size_px: int, colour: str, mirrored: bool = False) -> QPixmap:
    """The drawing ``name`` in ``colour`` ('#rrggbb'), ``size_px`` square device pixels."""
    preload()
    svg = _svg_texts[name].replace("currentColor", colour)
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    image = QPixmap(size_px, size_px)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    if mirrored:
        painter.setTransform(QTransform(-1, 0, 0, 1, size_px, 0))
    renderer.render(painter, QRectF(0, 0, size_px, size_px))
    painter.end()
    return image


class Pictogram(QLabel):
    """A pictogram in the colour of the text around it (its own style-sheet ``color``), ``em``
    times the height of a line of its own font: larger text ("Aa") makes it larger too."""

    def __init__(self, name: str, em: float = 1.4, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self.em = em
        self._size = 0
        self.setObjectName(f"icon-{name}")
        preload()   # screens are built at start or on a tap, never read from disk while painting
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self._fit()
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAccessibleName("")

    def colour(self) -> str:
        return self.palette().color(QPalette.ColorRole.WindowText).name()

    def mirrored(self) -> bool:
        return self.name in POINTING and self.layoutDirection() == Qt.LayoutDirection.RightToLeft

    def _fit(self) -> None:
        size = max(16, round(self.fontMetrics().height() * self.em))
        if size != self._size:
            self._size = size
            self.setFixedSize(size, size)

    def sizeHint(self) -> QSize:
        return QSize(self._size, self._size)

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def paintEvent(self, _event) -> None:
        ratio = self.devicePixelRatioF()
        image = pixmap(self.name, round(self._size * ratio), self.colour(), self.mirrored())
        painter = QPainter(self)
        painter.drawPixmap(QRect(0, 0, self._size, self._size), image)   # the cached one, unchanged
        painter.end()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._fit()
        self.update()   # a new style (Aa, theme) or direction draws it afresh, from the cache
