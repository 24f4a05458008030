"""Big, word-wrapping touch buttons and kinetically scrolling areas.

A plain QPushButton cannot wrap its text, and Swedish and Finnish words are long,
so tiles and list rows are buttons that carry word-wrapped labels inside; the
labels let mouse and touch events through to the button.
"""

from __future__ import annotations

import unicodedata

from PySide6.QtCore import QEvent, QPointF, QSize, Qt
from PySide6.QtGui import QPainter, QTextLayout, QTextOption
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QPushButton, QScrollArea, QScroller, QScrollerProperties,
                               QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)


class WrapLabel(QLabel):
    """A QLabel that keeps its height for a width until what it depends on changes.

    QLabel lays its text out again at every ``heightForWidth`` asked, and the layouts around a
    wrapped label ask for the same few widths many times: showing a service card's lower part
    asked its 59 labels 1,050 times (at most 5 widths each), 10-14 ms of the GUI thread in one
    layout pass. The height depends on the text, the font, the style, the margins and these
    setters; each of them forgets what was kept (the font and style reach ``changeEvent``).
    """

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(text, parent)
        self._hfw: dict[int, int] = {}
        self._rtl_lines: bool | None = None   # _draws_right_to_left_lines, kept like the heights

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt's name)
        height = self._hfw.get(width)
        if height is None:
            if len(self._hfw) >= 8:
                self._hfw.clear()
            height = self._hfw[width] = super().heightForWidth(width)
        return height

    def changeEvent(self, event) -> None:  # noqa: N802 (font, style, palette, margins, direction)
        self._hfw.clear()
        self._rtl_lines = None
        super().changeEvent(event)

    def paintEvent(self, event) -> None:  # noqa: N802
        """Right-to-left wrapped text, drawn line by line at the right edge. QLabel draws each
        line that ends at a break one space's width too far left (Qt's text drawing takes the
        line's trailing space off its position a second time), so a line as wide as the label
        lost its left end: "الأربعاء" in a booking row at 200 % text. Lines, heights and
        colours are QLabel's own; only where a line starts differs."""
        if not self._draws_right_to_left_lines():
            super().paintEvent(event)
            return
        painter = QPainter(self)
        self.drawFrame(painter)
        rect = self.contentsRect().adjusted(self.margin(), self.margin(), -self.margin(), -self.margin())
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WordWrap)
        option.setTextDirection(Qt.LayoutDirection.RightToLeft)
        leading = self.fontMetrics().leading()
        height = 0.0
        # One layout per paragraph, as QLabel's document has one block per "\n": QTextLayout
        # breaks no line at a "\n", so the take-part question's facts ran into one paragraph.
        paragraphs = []
        for text in self.text().split("\n"):
            layout = QTextLayout(text, self.font(), self)
            layout.setTextOption(option)
            layout.beginLayout()
            while (line := layout.createLine()).isValid():
                line.setLineWidth(rect.width())
                height = float(int(height + leading + 0.999999))  # whole pixels, as QLabel places them
                line.setPosition(QPointF(rect.width() - line.horizontalAdvance(), height))
                height += line.height()
            layout.endLayout()
            paragraphs.append(layout)
        top = rect.y()
        if self.alignment() & Qt.AlignmentFlag.AlignVCenter:
            top += round((rect.height() - height) / 2)
        elif self.alignment() & Qt.AlignmentFlag.AlignBottom:
            top += rect.height() - height
        painter.setPen(self.palette().color(self.foregroundRole()))
        for layout in paragraphs:
            layout.draw(painter, QPointF(rect.x(), top))

    def _draws_right_to_left_lines(self) -> bool:
        """Plain word-wrapped text whose direction is right to left, drawn from the right edge
        (a centred or absolutely aligned label is drawn right by QLabel). Asked at every paint
        (a results row's labels at every key press): kept until a setter or change forgets it."""
        if not self.isEnabled():
            return False
        if self._rtl_lines is None:
            self._rtl_lines = self._right_to_left_lines()
        return self._rtl_lines

    def _right_to_left_lines(self) -> bool:
        plain = self.textFormat() == Qt.TextFormat.PlainText or (
            self.textFormat() == Qt.TextFormat.AutoText and "<" not in self.text())
        if not (plain and self.wordWrap() and self.text() and self.indent() <= 0):
            return False
        align = self.alignment()
        if align & (Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignJustify | Qt.AlignmentFlag.AlignAbsolute):
            return False
        return not align & Qt.AlignmentFlag.AlignRight and text_is_right_to_left(self.text())


def text_is_right_to_left(text: str) -> bool:
    """As Qt decides a plain label's direction: by its first strong letter outside isolates
    (a Finnish name set apart inside Arabic does not count)."""
    depth = 0
    for ch in text:
        if ch in "\u2066\u2067\u2068":
            depth += 1
        elif ch == "\u2069":
            depth = max(0, depth - 1)
        elif depth == 0:
            kind = unicodedata.bidirectional(ch)
            if kind == "L":
                return False
            if kind in ("R", "AL"):
                return True
    return False


def _forgetting(name: str):
    def setter(self, *args):
        self._hfw.clear()
        self._rtl_lines = None
        return getattr(QLabel, name)(self, *args)
    setter.__name__ = name
    return setter


# The setters the height depends on forget the kept heights first (Python calls them; Qt's own
# changes of font, style and margins arrive as change events).
for _name in ("setText", "setNum", "clear", "setWordWrap", "setTextFormat", "setIndent", "setMargin",
              "setAlignment", "setPixmap", "setPicture", "setMovie", "setContentsMargins", "setFont"):
    setattr(WrapLabel, _name, _forgetting(_name))
del _name


def label(text: str = "", role: str | None = None, wrap: bool = True) -> QLabel:
    lab = WrapLabel(text)
    # Catalogue data and what residents type are shown as written: never interpreted
    # as markup (a name like "<b>..." would otherwise render, or hide text).
    lab.setTextFormat(Qt.TextFormat.PlainText)
    lab.setWordWrap(wrap)
    if role:
        lab.setProperty("role", role)
    lab.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    return lab


def as_written(text: str) -> str:
    """A button's text, escaped so Qt draws it as written: a plain QPushButton takes "&" as the
    mark of a shortcut letter and hides it ("Perhe- & sosiaalipalvelut" would lose its "&").
    A touch kiosk has no shortcut letters."""
    return text.replace("&", "&&")


class TouchButton(QPushButton):
    """A push button that shows its text as written (see ``as_written``)."""

    def setText(self, text: str) -> None:  # noqa: N802 (Qt's name)
        super().setText(as_written(text))


def button(text: str, name: str, role: str | None = None, min_height: int = 0) -> QPushButton:
    """A push button with an accessible name (screen readers and our tests need one)."""
    b = TouchButton()
    b.setText(text)
    b.setAccessibleName(name)
    if role:
        b.setProperty("role", role)
    if min_height:
        b.setMinimumHeight(min_height)
    b.setCursor(Qt.CursorShape.PointingHandCursor)
    b.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    return b


def restyle(w: QWidget) -> None:
    """Re-apply the style sheet after a ``role`` property changed."""
    w.style().unpolish(w)
    w.style().polish(w)


class ChoiceChip(QPushButton):
    """A choice that stays on or off; a check mark says which, not only the colour."""

    def __init__(self, min_height: int, object_name: str) -> None:
        super().__init__()
        self.setObjectName(object_name)
        self.setProperty("role", "chip")
        self.setCheckable(True)
        self.setMinimumHeight(min_height)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self._label = ""
        self.toggled.connect(lambda _on: self._show())

    def set_label(self, text: str, accessible_name: str) -> None:
        self._label = text
        self.setAccessibleName(accessible_name)
        self._show()

    def _show(self) -> None:
        self.setText(as_written(("✓ " if self.isChecked() else "") + self._label))


class RichButton(QPushButton):
    """A button whose content is a layout of word-wrapped labels."""

    def __init__(self, role: str = "tile", min_height: int = 0, parent: QWidget | None = None,
                 pad: tuple[int, int] = (28, 18), spacing: int = 8) -> None:
        """``pad``: (side, top and bottom) around the words, in pixels."""
        super().__init__(parent)
        self.setProperty("role", role)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.pad = pad
        self.body = QVBoxLayout(self)
        self.body.setContentsMargins(pad[0], pad[1], pad[0], pad[1])
        self.body.setSpacing(spacing)
        self._min_height = min_height
        sp = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sp.setHeightForWidth(True)
        self.setSizePolicy(sp)

    def add(self, widget: QWidget, stretch: int = 0) -> QWidget:
        widget.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self.body.addWidget(widget, stretch)
        return widget

    def add_row(self, *widgets: QWidget) -> QHBoxLayout:
        """Widgets side by side; the last one takes the rest of the width (and wraps)."""
        row = QHBoxLayout()
        row.setSpacing(12)
        for i, w in enumerate(widgets):
            w.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
            last = i == len(widgets) - 1
            row.addWidget(w, 1 if last else 0, Qt.AlignmentFlag.AlignTop if not last else Qt.AlignmentFlag(0))
        self.body.addLayout(row)
        return row

    # The layout, not QPushButton's text metrics, decides the size.
    def sizeHint(self) -> QSize:
        hint = self.body.sizeHint()
        return QSize(hint.width(), max(hint.height(), self._min_height))

    def minimumSizeHint(self) -> QSize:
        # Never squeeze wrapped text: the height needed at the current width is the minimum,
        # so a scroll area scrolls instead of clipping the lines.
        hint = self.body.minimumSize()
        width = self.width() if self.width() > 100 else self.body.sizeHint().width()
        return QSize(min(hint.width(), 200), self.heightForWidth(width))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self.updateGeometry()  # the minimum height depends on the width

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return max(self.body.totalHeightForWidth(width), self._min_height)


class Tile(RichButton):
    """A large home or browse tile: a title, a line of explanation, maybe a count; with a
    pictogram (``ui/icons.py``) before the words when ``icon`` names one."""

    def __init__(self, min_height: int, parent: QWidget | None = None, role: str = "tile",
                 icon: str | None = None, pad: tuple[int, int] = (28, 18), spacing: int = 8,
                 under_icon: bool = False) -> None:
        """``under_icon``: the line of explanation runs under the pictogram, only the title
        stands beside it."""
        super().__init__(role, min_height, parent, pad=pad, spacing=spacing)
        self.under_icon = under_icon
        # The title stands in a row after a space that the pictogram takes when only the
        # title is beside it (``under_icon``); the label's own margins would hide the space
        # from a check of its height for its width.
        self.title = label(role="heading")
        self.title.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self._title_row = QHBoxLayout()
        self._title_row.setSpacing(0)
        self._indent = QSpacerItem(0, 0, QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Minimum)
        self._title_row.addItem(self._indent)
        self._title_row.addWidget(self.title, 1)
        self.body.addLayout(self._title_row)
        self.subtitle = self.add(label(role="tile-sub"))
        self.body.addStretch(1)
        self.icon = None
        if icon:
            from ui.icons import Pictogram
            # Beside the words, in the margin before them rather than in a nested row: the
            # tile's height for its width stays the one column of words' (a nested row gave
            # the words less height than they need with larger text at 1280x800).
            self.icon = Pictogram(icon, em=1.5, parent=self)
            self.icon.installEventFilter(self)   # it grows with larger text
            # The words' own font may change after the tile's (a style sheet reaches the
            # children last): the longest word is measured again then.
            self.title.installEventFilter(self)
            self.subtitle.installEventFilter(self)
            self._place_icon()

    def _place_icon(self) -> None:
        side, top = self.pad
        bottom, gap = top, 20
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft
        size = self.icon.width()
        # Beside the words when their longest word still fits beside it; above them when not
        # (larger text in a narrow tile: "vuoronumero" must not be cut at the tile's edge).
        title_words = [self.title.fontMetrics().horizontalAdvance(w) for w in self.title.text().split()]
        sub_words = [self.subtitle.fontMetrics().horizontalAdvance(w) for w in self.subtitle.text().split()]
        room = self.width() - 2 * side
        if self.under_icon:
            # Beside the title only: the line of explanation runs under the pictogram too, a
            # fifth wider, so it wraps less and the tile is a line shorter (home at 1280x800).
            beside = room - size - gap >= max(title_words, default=0)
        else:
            beside = room - size - gap >= max(title_words + sub_words, default=0)
        before, over = (size + gap, 0) if beside else (0, size + 10)
        title_before = 0
        if beside and self.under_icon:
            title_before, before = before, 0
            self.title.setMinimumHeight(size)   # the explanation starts below the pictogram
        else:
            self.title.setMinimumHeight(0)
        if self._indent.sizeHint().width() != title_before:
            self._indent.changeSize(title_before, 0, QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Minimum)
            self._title_row.invalidate()
        if rtl:
            self.body.setContentsMargins(side, top + over, side + before, bottom)
            self.icon.move(self.width() - side - size, top)
        else:
            self.body.setContentsMargins(side + before, top + over, side, bottom)
            self.icon.move(side, top)

    def minimumSizeHint(self):   # noqa: N802 (Qt's name)
        # Never narrower than its longest word (with the pictogram above the words): a grid
        # squeezed the tile with the shortest words until "vuoronumero" was cut with larger text.
        hint = super().minimumSizeHint()
        # Asked many times per layout pass (a home of eight tiles measured 700 words at a
        # logout): the longest word is kept until a text or a font changes.
        key = (self.title.text(), self.subtitle.text(), self.title.font().key(), self.subtitle.font().key())
        if getattr(self, "_longest_word_for", None) != key:
            words = [self.title.fontMetrics().horizontalAdvance(w) for w in self.title.text().split()]
            words += [self.subtitle.fontMetrics().horizontalAdvance(w) for w in self.subtitle.text().split()]
            self._longest_word_for, self._longest_word_px = key, max(words, default=0)
        return hint.expandedTo(QSize(self._longest_word_px + 2 * self.pad[0] + 4, 0))

    def eventFilter(self, obj, event) -> bool:
        if obj is self.icon and event.type() == QEvent.Type.Resize:
            self._place_icon()
        elif obj in (self.title, self.subtitle) and event.type() in (QEvent.Type.FontChange,
                                                                     QEvent.Type.StyleChange):
            self._place_icon()
            self.updateGeometry()
        return False

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.icon is not None:
            self._place_icon()

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if self.icon is not None and event.type() in (QEvent.Type.LayoutDirectionChange, QEvent.Type.StyleChange,
                                                      QEvent.Type.FontChange):
            self._place_icon()

    def set_texts(self, title: str, subtitle: str = "") -> None:
        self.title.setText(title)
        self.subtitle.setText(subtitle)
        self.subtitle.setVisible(bool(subtitle))
        self.setAccessibleName(f"{title}. {subtitle}" if subtitle else title)
        if self.icon is not None:
            self._place_icon()   # beside or above the words depends on the longest of them
        self.updateGeometry()    # the longest word sets the narrowest the tile may be
        if self.icon is not None:
            self._place_icon()
        self.updateGeometry()


def kinetic_scroll_area(content: QWidget, area: QScrollArea | None = None) -> QScrollArea:
    """A scroll area that follows a finger (and a mouse drag, so tests can drive it);
    ``area``: a scroll area of one's own kind to make so."""
    area = area if area is not None else QScrollArea()
    area.setWidgetResizable(True)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setWidget(content)
    # Transparent, as every container is (ui/theme.py palette_roles): what lies behind paints the
    # page's colour. Qt makes the viewport and the content opaque; an opaque screen is painted
    # in a pass of its own, and when its children were marked dirty too (every page switch shows
    # them) the whole screen was painted a second time in the window's pass: home and browse
    # cost 13-24 ms of the GUI thread a switch instead of 7-15.
    area.viewport().setAutoFillBackground(False)
    content.setAutoFillBackground(False)
    # Not a stop of its own for the keypad: the focus goes to what is in it (and the keypad
    # scrolls it into view, ui/keypad.py).
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    QScroller.grabGesture(area.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture)
    scroller = QScroller.scroller(area.viewport())
    props = scroller.scrollerProperties()
    # No overshoot bounce: it looks broken to people who do not know phones.
    props.setScrollMetric(QScrollerProperties.ScrollMetric.VerticalOvershootPolicy,
                          QScrollerProperties.OvershootPolicy.OvershootAlwaysOff)
    props.setScrollMetric(QScrollerProperties.ScrollMetric.HorizontalOvershootPolicy,
                          QScrollerProperties.OvershootPolicy.OvershootAlwaysOff)
    # A press reaches the row at once: with Qt's default 0.25 s hold-back, a quick tap on a
    # row of a list that had just been rebuilt (a filter chip) lost its press, so the release
    # alone arrived and the row did not open (seen at 1920x1080 after the voucher chip).
    props.setScrollMetric(QScrollerProperties.ScrollMetric.MousePressEventDelay, 0.0)
    scroller.setScrollerProperties(props)
    return area
