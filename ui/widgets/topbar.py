"""The bar on top of every screen: back, home, where you are, and the languages."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QPushButton

from ui.i18n import Translator
from ui.theme import Metrics
from ui.widgets.language_switch import LanguageSwitch
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
        self.languages = LanguageSwitch(tr=tr, languages=languages, metrics=metrics)
        self.languages.chosen.connect(self.language_chosen)
        self.language_buttons: dict[str, QPushButton] = self.languages.buttons
        row.addWidget(self.languages)
        self.set_navigation(can_go_back=False, at_home=True)
        self.retranslate()

    def set_navigation(self, *, can_go_back: bool, at_home: bool) -> None:
        self.back.setVisible(can_go_back and not at_home)
        self.home.setVisible(not at_home)

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
