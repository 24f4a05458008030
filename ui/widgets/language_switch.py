"""The language switch: every offered language, each named in itself.

Up to three languages fit in the top bar as buttons. A site that offers more (Kontula:
fi, sv, en, et, ru, uk, so, ar) gets one button with a globe, which a person who reads
none of the words on screen still recognises; it opens a panel of big buttons, one per
language, each written in that language and script.
"""

from __future__ import annotations

import logging
from typing import Callable

from PySide6.QtCore import QEvent, QPoint, QRect, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QPushButton, QWidget

from ui.i18n import Translator
from ui.input_tap import unwatch_window_input, watch_window_input
from ui.theme import Metrics
from ui.widgets.touch import button

log = logging.getLogger(__name__)

INLINE_AT_MOST = 3
# The inline buttons' languages are loaded this long after the switch is made: after start-up
# and the first paint, which then do not share the interpreter with the loading.
WARM_AFTER_MS = 2000


def globe_icon(size: int, color: str = "#1a1a1a") -> QIcon:
    """A globe (circle, equator, two meridians): the sign for "language" that needs no words."""
    pix = QPixmap(size, size)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    pen = QPen(QColor(color))
    pen.setWidthF(max(1.5, size / 16))
    p.setPen(pen)
    m = pen.widthF()
    r = QRectF(m, m, size - 2 * m, size - 2 * m)
    p.drawEllipse(r)
    p.drawEllipse(r.adjusted(r.width() * 0.28, 0, -r.width() * 0.28, 0))
    p.drawLine(int(r.left()), int(r.center().y()), int(r.right()), int(r.center().y()))
    p.drawLine(int(r.center().x()), int(r.top()), int(r.center().x()), int(r.bottom()))
    p.end()
    return QIcon(pix)


class LanguagePanel(QFrame):
    """The list of all languages, opened from the globe button; closes on a choice or a tap
    outside. A child of the window, not a popup window: kiosk compositors and the offscreen
    platform handle no extra top-level windows."""

    def __init__(self, parent: QWidget, languages: tuple[str, ...], metrics: Metrics) -> None:
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setObjectName("language-panel")
        self.setProperty("role", "card")
        self.setProperty("keypad_cover", True)   # ui/keypad.py: arrows walk the languages
        grid = QGridLayout(self)
        grid.setContentsMargins(metrics.gap_px, metrics.gap_px, metrics.gap_px, metrics.gap_px)
        grid.setSpacing(metrics.gap_px)
        self.buttons: dict[str, QPushButton] = {}
        for i, lang in enumerate(languages):
            b = button("", "", min_height=metrics.touch_px)
            b.setObjectName(f"language-{lang}")
            b.setCheckable(True)
            b.setMinimumWidth(int(metrics.touch_px * 2.6))
            self.buttons[lang] = b
            grid.addWidget(b, i // 2, i % 2)
        self.close_by_keypad: Callable[[], None] = self.hide

    def keypad_back(self) -> None:
        self.close_by_keypad()


class LanguageSwitch(QWidget):
    chosen = Signal(str)

    def __init__(self, *, tr: Translator, languages: tuple[str, ...], metrics: Metrics) -> None:
        super().__init__()
        self.tr_ = tr
        self.languages = tuple(languages)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(metrics.gap_px)
        self.menu_button: QPushButton | None = None
        self.panel: LanguagePanel | None = None
        if len(self.languages) <= INLINE_AT_MOST:
            self.buttons: dict[str, QPushButton] = {}
            for lang in self.languages:
                b = button("", "", min_height=metrics.touch_px)
                b.setObjectName(f"language-{lang}")
                b.setCheckable(True)
                b.setMinimumWidth(int(metrics.touch_px * 1.9))
                self.buttons[lang] = b
                row.addWidget(b)
        else:
            self.menu_button = button("", "", min_height=metrics.touch_px)
            self.menu_button.setObjectName("language-menu")
            icon_px = metrics.touch_px // 2
            self.menu_button.setIcon(globe_icon(icon_px))
            self.menu_button.setIconSize(QSize(icon_px, icon_px))
            self.menu_button.setMinimumWidth(int(metrics.touch_px * 2.2))
            self.menu_button.clicked.connect(self.open_panel)
            row.addWidget(self.menu_button)
            self.panel = LanguagePanel(self, self.languages, metrics)
            self.panel.hide()
            self.panel.close_by_keypad = lambda: self.close_panel(refocus=True)
            self.buttons = self.panel.buttons
        for lang, b in self.buttons.items():
            b.clicked.connect(lambda _=False, lang=lang: self._choose(lang))
        self.retranslate()
        self._calls = None  # made at the first warm-up (ui.background.BackgroundCalls)
        self._warmed: set[str] = {tr.language}
        if self.panel is None:
            # A few buttons in sight from the start: their languages' data is loaded soon
            # after start (about 1.5 MB each). Behind the menu, only once the menu opens:
            # eight languages would cost some 12 MB of idle memory for a kiosk nobody used.
            QTimer.singleShot(WARM_AFTER_MS, self, self.warm_languages)

    def warm_languages(self) -> None:
        """Load each offered language's CLDR data on the runner, one job per language, so the
        first switch to it does not read it on the GUI thread (ui.i18n.warm_locale)."""
        from ui.background import BackgroundCalls
        from ui.i18n import warm_locale

        for lang in self.languages:
            if lang in self._warmed:
                continue
            if self._calls is None:
                self._calls = BackgroundCalls(self)
            self._warmed.add(lang)
            self._calls.run(lambda lang=lang: warm_locale(lang), self._warmed_one)

    def _warmed_one(self, lang, error) -> None:
        if error is not None:  # not fatal: the data is then read at the switch, as before
            log.warning("language data not loaded ahead: %s", error)

    def open_panel(self) -> None:
        if self.panel is None or self.menu_button is None:
            return
        if self.panel.isVisible():
            self.close_panel()
            return
        top = self.window()
        if self.panel.parentWidget() is not top:
            self.panel.setParent(top)
        self.panel.adjustSize()
        anchor = self.menu_button
        # Below the button, inside the window, at the end of the bar the button is on.
        below = anchor.mapTo(top, QPoint(0, anchor.height()))
        if self.layoutDirection() == Qt.LayoutDirection.RightToLeft:
            x = below.x()
        else:
            x = below.x() + anchor.width() - self.panel.width()
        x = max(0, min(x, top.width() - self.panel.width()))
        self.panel.move(x, below.y() + 4)
        self.warm_languages()  # before a finger reaches a language (a few hundred ms)
        self.panel.show()
        self.panel.raise_()
        watch_window_input(top, self)  # not the QApplication: see ui/input_tap.py
        if self.menu_button.hasFocus():   # opened by keypad: the focus follows into the panel
            self.buttons.get(self.tr_.language, next(iter(self.buttons.values()))).setFocus(
                Qt.FocusReason.OtherFocusReason)

    def close_panel(self, refocus: bool = False) -> None:
        if self.panel is not None and self.panel.isVisible():
            self.panel.hide()
            unwatch_window_input(self, self)
            if refocus and self.menu_button is not None:
                self.menu_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def eventFilter(self, obj, event) -> bool:
        # A tap anywhere outside the open panel and its button closes it (the tap still
        # reaches what was tapped).
        if event.type() == QEvent.Type.MouseButtonPress and self.panel is not None and self.panel.isVisible():
            at = event.globalPosition().toPoint()
            inside = (QRect(self.panel.mapToGlobal(QPoint(0, 0)), self.panel.size()).contains(at)
                      or QRect(self.menu_button.mapToGlobal(QPoint(0, 0)), self.menu_button.size()).contains(at))
            if not inside:
                self.close_panel()
        return False

    def _choose(self, lang: str) -> None:
        self.close_panel()
        for code, b in self.buttons.items():
            b.setChecked(code == lang)
        self.chosen.emit(lang)

    def retranslate(self) -> None:
        t = self.tr_.t
        for lang, b in self.buttons.items():
            # Each language is named in itself so that a person who cannot read the
            # current language still finds their own.
            own = t(f"language.{lang}.own_name")
            b.setText(own)
            b.setAccessibleName(t("language.choose", language=own))
            b.setChecked(lang == self.tr_.language)
        if self.menu_button is not None:
            current = t(f"language.{self.tr_.language}.own_name")
            self.menu_button.setText(current)
            self.menu_button.setAccessibleName(t("language.menu_name", language=current))
            self.menu_button.setToolTip(t("language.menu"))
