"""The bar on top of every screen: back, home, where you are, and the languages."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton

from ui.i18n import Translator
from ui.theme import Metrics
from ui.widgets.touch import button, label


class TopBar(QFrame):
    back_pressed = Signal()
    home_pressed = Signal()
    language_chosen = Signal(str)

    def __init__(self, *, tr: Translator, languages: tuple[str, ...], metrics: Metrics) -> None:
        super().__init__()
        self.setProperty("role", "topbar")
        self.tr_ = tr
        row = QHBoxLayout(self)
        row.setContentsMargins(metrics.margin_px, 12, metrics.margin_px, 12)
        row.setSpacing(metrics.gap_px)
        self.back = button("", "", min_height=metrics.touch_px)
        self.back.clicked.connect(self.back_pressed)
        self.home = button("", "", min_height=metrics.touch_px)
        self.home.clicked.connect(self.home_pressed)
        self.title = label(role="heading")
        row.addWidget(self.back)
        row.addWidget(self.home)
        row.addWidget(self.title, 1)
        self.language_buttons: dict[str, QPushButton] = {}
        for lang in languages:
            b = button("", "", min_height=metrics.touch_px)
            b.setCheckable(True)
            b.setMinimumWidth(int(metrics.touch_px * 1.9))
            b.clicked.connect(lambda _=False, lang=lang: self.language_chosen.emit(lang))
            self.language_buttons[lang] = b
            row.addWidget(b)
        self.set_navigation(can_go_back=False, at_home=True)
        self.retranslate()

    def set_navigation(self, *, can_go_back: bool, at_home: bool) -> None:
        self.back.setVisible(can_go_back and not at_home)
        self.home.setVisible(not at_home)

    def set_title(self, text: str) -> None:
        self.title.setText(text)

    def retranslate(self) -> None:
        t = self.tr_.t
        self.back.setText("‹  " + t("nav.back"))
        self.back.setAccessibleName(t("nav.back"))
        self.home.setText(t("nav.home"))
        self.home.setAccessibleName(t("nav.home"))
        for lang, b in self.language_buttons.items():
            # Each language is named in itself so that a person who cannot read the
            # current language still finds their own.
            b.setText(t(f"language.{lang}.own_name"))
            b.setAccessibleName(t("language.choose", language=t(f"language.{lang}.own_name")))
            b.setChecked(lang == self.tr_.language)
