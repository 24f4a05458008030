"""The bar on top of every screen: back, home, where you are, and the languages."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from ui.i18n import Translator
from ui.theme import Metrics
from ui.keypad import mark_back, mark_home
from ui.widgets.language_switch import LanguageSwitch, globe_icon
from ui.widgets.touch import button, label


def text_size_pixmap(size: int, colour: str, step: int | None = None, steps: int = 3) -> QPixmap:
    """A small "A" and a big "A" side by side, in ``colour``; with ``step``, a row of
    ``steps`` marks under them, the first ``step + 1`` filled: which text size is on, seen
    without reading a word."""
    pix = QPixmap(size * 2, size)
    pix.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pix)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QColor(colour))
    letters = size if step is None else size * 0.74
    font = QFont(["DejaVu Sans", "Noto Sans"])
    font.setBold(True)
    font.setPixelSize(int(letters * 0.55))
    painter.setFont(font)
    bottom = Qt.AlignmentFlag.AlignBottom | Qt.AlignmentFlag.AlignHCenter
    painter.drawText(QRectF(size * 0.1, 0, size * 0.8, letters * 0.92), bottom, "A")
    font.setPixelSize(int(letters * 0.95))
    painter.setFont(font)
    painter.drawText(QRectF(size * 0.7, 0, size * 1.3, letters), bottom, "A")
    if step is not None:
        mark = size * 0.16
        gap = size * 0.14
        left = (size * 2 - steps * mark * 2 - (steps - 1) * gap) / 2
        pen = painter.pen()
        pen.setWidthF(max(2.0, size * 0.04))
        painter.setPen(pen)
        for i in range(steps):
            r = QRectF(left + i * (mark * 2 + gap), size - mark - pen.widthF(), mark * 2, mark)
            painter.setBrush(QColor(colour) if i <= step else Qt.GlobalColor.transparent)
            painter.drawRoundedRect(r, mark / 2, mark / 2)
    painter.end()
    return pix


class TopBar(QFrame):
    back_pressed = Signal()
    home_pressed = Signal()
    language_chosen = Signal(str)

    def __init__(self, *, tr: Translator, languages: tuple[str, ...], metrics: Metrics, appearance=None) -> None:
        """``appearance`` (ui.appearance.Appearance): with it, the "Aa" button for larger
        text and stronger colours stands beside the languages."""
        super().__init__()
        self.setProperty("role", "topbar")
        self.tr_ = tr
        rows = QVBoxLayout(self)
        rows.setContentsMargins(metrics.margin_px, 12, metrics.margin_px, 12)
        rows.setSpacing(metrics.gap_px // 2)
        row = QHBoxLayout()
        row.setSpacing(metrics.gap_px)
        rows.addLayout(row)
        # With enlarged text the title has a row of its own under the buttons: beside them a
        # long Finnish or Swedish compound had no room at 200 % on the small screen.
        self._row, self._title_row = row, QHBoxLayout()
        rows.addLayout(self._title_row)
        self.back = button("", "", min_height=metrics.touch_px)
        self.back.setObjectName("nav-back")
        mark_back(self.back)
        self.back.clicked.connect(self.back_pressed)
        self.home = button("", "", min_height=metrics.touch_px)
        self.home.setObjectName("nav-home")
        mark_home(self.home)
        self.home.clicked.connect(self.home_pressed)
        self.title = label(role="heading")
        row.addWidget(self.back)
        row.addWidget(self.home)
        row.addWidget(self.title, 1)
        row.addStretch(0)   # holds the buttons apart while the title has a row of its own
        self.languages = LanguageSwitch(tr=tr, languages=languages, metrics=metrics)
        self.languages.chosen.connect(self.language_chosen)
        self.language_buttons: dict[str, QPushButton] = self.languages.buttons
        self.text_size: QPushButton | None = None
        if appearance is not None:
            # A small and a big "A", drawn rather than written: the sign for text size that
            # people know from phones, whatever script they read; its name says what it does.
            self.appearance = appearance
            self.text_size = button("", "", min_height=metrics.touch_px)
            self.text_size.setObjectName("text-size")
            self.text_size.setCheckable(True)
            self._icon_px = int(metrics.touch_px * 0.6)
            self.text_size.setIconSize(QSize(self._icon_px * 2, self._icon_px))
            self.text_size.setMinimumWidth(self._icon_px * 2 + 2 * 24 + 12)
            self.text_size.clicked.connect(lambda _=False: appearance.next_step())
            appearance.on_change(self._text_size_changed)
            self._draw_text_size_icon()
            row.addWidget(self.text_size)
        row.addWidget(self.languages)
        # The keypad's order is the reading order of the bar: Back, Home, Aa, the languages.
        chain = [self.back, self.home, *([self.text_size] if self.text_size else []),
                 *([self.languages.menu_button] if self.languages.menu_button else self.language_buttons.values())]
        for a, b in zip(chain, chain[1:]):
            QWidget.setTabOrder(a, b)
        self.set_navigation(can_go_back=False, at_home=True)
        self.retranslate()
        if appearance is not None and appearance.large:
            self._place_title(True)

    def _place_title(self, own_row: bool) -> None:
        self._row.removeWidget(self.title)
        self._title_row.removeWidget(self.title)
        if own_row:
            self._title_row.addWidget(self.title, 1)
        else:
            self._row.insertWidget(2, self.title, 1)

    def set_navigation(self, *, can_go_back: bool, at_home: bool) -> None:
        self.back.setVisible(can_go_back and not at_home)
        self.home.setVisible(not at_home)

    def _text_size_changed(self, step: int) -> None:
        try:
            self.text_size.setChecked(bool(step))
            self._draw_text_size_icon()
            self._place_title(bool(step))
            self._name_text_size()
        except RuntimeError:
            pass   # this bar was deleted with its window (tests build many)

    def _draw_text_size_icon(self) -> None:
        p = self.appearance.palette
        step = self.appearance.step
        icon = QIcon()
        icon.addPixmap(text_size_pixmap(self._icon_px, p.text, step), QIcon.Mode.Normal, QIcon.State.Off)
        icon.addPixmap(text_size_pixmap(self._icon_px, p.on_selected, step), QIcon.Mode.Normal, QIcon.State.On)
        self.text_size.setIcon(icon)
        menu = self.languages.menu_button
        if menu is not None:   # the globe in the theme's text colour: dark on black would vanish
            menu.setIcon(globe_icon(menu.iconSize().width(), p.text))

    def set_title(self, text: str) -> None:
        self.title.setText(text)

    def retranslate(self) -> None:
        t = self.tr_.t
        # "‹" is a mirrored character: in right-to-left text it is drawn as "›", pointing back.
        self.back.setText("‹  " + t("nav.back"))
        self.back.setAccessibleName(t("nav.back"))
        self.home.setText(t("nav.home"))
        self.home.setAccessibleName(t("nav.home"))
        self.languages.retranslate()
        if self.text_size is not None:
            self._name_text_size()

    def _name_text_size(self) -> None:
        """The name says what a tap does; the description (spoken after it) which step is on."""
        from ui.appearance import STEP_NAMES

        t = self.tr_.t
        self.text_size.setAccessibleName(t("appearance.large"))
        now = t(f"appearance.step.{STEP_NAMES[self.appearance.step]}")
        self.text_size.setAccessibleDescription(now)
        self.text_size.setToolTip(f"{t('appearance.large')}: {now}")
