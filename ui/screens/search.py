"""Search by word, typed on the on-screen keyboard; results follow every key press."""

from __future__ import annotations

from datetime import datetime
from typing import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLineEdit, QVBoxLayout

from kiosk import flow as places
from kiosk.catalogue.domain import tr as text_in
from kiosk.flow import KioskFlow, Place
from ui.i18n import Translator
from ui.screens.base import Screen
from ui.theme import Metrics
from ui.widgets.keyboard import OnScreenKeyboard
from ui.widgets.reflow import Columns
from ui.widgets.service_list import ServiceList
from ui.widgets.touch import label


class SearchScreen(Screen):
    # A screenful and a bit: the best matches are at the top, nobody reads the 200th.
    LIMIT = 30

    def __init__(self, *, flow: KioskFlow, tr: Translator, metrics: Metrics, catalogue,
                 now: Callable[[], datetime]) -> None:
        super().__init__()
        self.flow = flow
        self.tr_ = tr
        self.catalogue = catalogue
        self.results: list = []
        # Results beside the keyboard, not behind it: at least four stay in sight while typing,
        # at 1920x1080 and 1280x800, and the first is one tap away.
        outer = QVBoxLayout(self)
        outer.setContentsMargins(metrics.margin_px, metrics.margin_px // 2, metrics.margin_px, metrics.margin_px // 2)
        # At 200 % text the keyboard leaves the results too narrow for long names: the keyboard
        # goes above them, and the page scrolls down to them (ui/widgets/page_stack.py).
        self.columns = Columns(spacing=metrics.gap_px, last_on_top=True)
        outer.addWidget(self.columns)
        results = QVBoxLayout()
        results.setSpacing(metrics.gap_px // 2)
        typing = QVBoxLayout()
        typing.setSpacing(metrics.gap_px // 2 + 4)
        self.field = QLineEdit()
        self.field.setObjectName("search-field")
        self.field.setMaxLength(60)
        self.field.textChanged.connect(self._search)
        typing.addWidget(self.field)
        self.status = label(role="muted")
        self.status.setObjectName("search-status")
        results.addWidget(self.status)
        # The catalogue speaks fi/sv/en: a resident typing Arabic or Russian is told so first.
        self.languages = label(role="muted")
        self.languages.setObjectName("search-languages")
        results.addWidget(self.languages)
        # One-line rows (pictogram, name, "open now"): beside a keyboard of 64 px keys, rows with
        # badges and hours left room for 2-3 at 1280x800; the card has the rest.
        self.list = ServiceList(tr=tr, metrics=metrics, now=now, one_line=True)
        self.list.chosen.connect(lambda sid: flow.go(places.SERVICE, service_id=sid))
        results.addWidget(self.list, 1)
        self.keyboard = OnScreenKeyboard(tr=tr, metrics=metrics)
        self.keyboard.attach(self.field)
        typing.addWidget(self.keyboard)
        typing.addStretch(1)
        self.columns.add(results, 1)
        self.columns.add(typing, 1)
        self.retranslate()

    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        # Under the keyboard, the list is as tall as most of the screen: a swipe of the page
        # brings whole rows into sight, not a slot a row and a half high.
        height = self.window().height() * 3 // 5 if self.columns.stacked else 0
        if self.list.minimumHeight() != height:
            self.list.setMinimumHeight(height)

    def showEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if not getattr(self, "_typos_prepared", False) and hasattr(self.catalogue, "prepare_search"):
            self._typos_prepared = True
            # After this paint, before the resident has typed five letters: the first typo
            # then costs what every other keystroke does (kiosk/catalogue/search.py).
            QTimer.singleShot(0, self.catalogue.prepare_search)

    def _search(self, _text: str = "") -> None:
        query = self.field.text().strip()
        self.results = self.catalogue.search(query, self.tr_.data_language, limit=self.LIMIT) if query else []
        self.list.show_services(self.results)
        t = self.tr_
        if not query:
            self.status.setText(t.t("search.hint"))
        elif not self.results:
            self.status.setText(t.t("search.none", query=query))
        else:
            self.status.setText(t.plural("search.count", len(self.results)))

    def enter(self, place: Place) -> None:
        self.field.setFocus()

    def title(self) -> str:
        return self.tr_.t("search.title")

    def spoken(self):
        from ui.speech import describe
        return describe(self.tr_, self, self.title())

    def has_input(self) -> bool:
        return bool(self.field.text())

    def retranslate(self) -> None:
        t = self.tr_.t
        self.field.setPlaceholderText(t("search.placeholder"))
        self.field.setAccessibleName(t("search.field"))
        self.languages.setText(t("search.languages"))
        self.languages.setVisible(self.tr_.data_is_fallback)
        self.keyboard.retranslate()
        # The longest word of any name the search may find, in the catalogue's language: the
        # results stand beside the keyboard only while it fits there whole, else under it.
        lang = self.tr_.data_language
        self.list.set_widest_words([w for s in self.catalogue.all_services()
                                    for w in text_in(s.names, lang).split()])
        self._search()  # the ranking favours the language in use

    def clear(self) -> None:
        self.field.clear()
        self.keyboard.reset()
