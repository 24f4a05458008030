"""A list of services with choices to narrow it: who provides it, open now, language, voucher."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from typing import Callable

from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk import flow as places
from kiosk.catalogue.service import CatalogueFilter
from kiosk.catalogue.vocab import SECTORS, TARGET_GROUPS
from kiosk.flow import KioskFlow, Place
from ui.i18n import DATA_LANGUAGES, Translator
from ui.screens.base import Screen
from ui.theme import Metrics
from ui.widgets.reflow import FlowLayout
from ui.widgets.service_list import ServiceList
from ui.widgets.touch import ChoiceChip, button, label


class ResultsScreen(Screen):
    def __init__(self, *, flow: KioskFlow, tr: Translator, metrics: Metrics, catalogue,
                 languages: tuple[str, ...], now: Callable[[], datetime]) -> None:
        super().__init__()
        self.flow = flow
        self.tr_ = tr
        self.catalogue = catalogue
        self.now = now
        self.place: Place | None = None
        self.filter = CatalogueFilter()
        col = QVBoxLayout(self)
        col.setContentsMargins(metrics.margin_px, metrics.margin_px // 2, metrics.margin_px, metrics.margin_px // 2)
        col.setSpacing(metrics.gap_px // 2 + 4)

        def chip(name: str) -> ChoiceChip:
            b = ChoiceChip(metrics.touch_px, name)
            b.clicked.connect(self._choices_changed)
            return b

        # The choices fold under one button ("Narrow the list (2)"): open, their four rows of
        # chips pushed the first service to y=490 of 800 in Swedish at 1280x800, one service in
        # sight. A person opens them with one tap (or Enter) and they stay open while they choose.
        self.choices = QWidget()
        self.choices.setObjectName("filter-choices")
        panel = QVBoxLayout(self.choices)
        panel.setContentsMargins(0, 0, 0, 0)
        panel.setSpacing(metrics.gap_px // 2 + 4)

        self.sector_label = label(role="muted", wrap=False)
        self.sector_chips = {s: chip(f"filter-sector-{s}") for s in SECTORS}
        # Three chips of long words: onto a second line rather than past the edge (200 % text).
        row = FlowLayout(spacing=metrics.gap_px // 2 + 4)
        row.addWidget(self.sector_label)
        for b in self.sector_chips.values():
            row.addWidget(b)
        panel.addLayout(row)

        # Target groups: a browse tab, and here a choice on any list (shown only for the groups
        # the list has, so the row stays short at 1280x800).
        self.group_label = label(role="muted", wrap=False)
        self.group_chips = {g: chip(f"filter-target-group-{g}") for g in TARGET_GROUPS}
        for g, b in self.group_chips.items():
            b.clicked.connect(lambda checked, g=g: checked and self._only_group(g))
        # Onto more lines rather than past the edge, as the producers: a strip that scrolled
        # sideways cut its longest chips at 200 % text ("Personer som behöver särskilt stöd").
        row = FlowLayout(spacing=metrics.gap_px // 2 + 4)
        row.addWidget(self.group_label)
        for b in self.group_chips.values():
            row.addWidget(b)
        panel.addLayout(row)

        self.language_label = label(role="muted", wrap=False)
        self.language_chips = {lang: chip(f"filter-language-{lang}") for lang in languages}
        for lang, b in self.language_chips.items():
            # One language at a time: choosing another unchooses the first.
            b.clicked.connect(lambda checked, lang=lang: checked and self._only_language(lang))
        self.open_now = chip("filter-open-now")
        self.voucher = chip("filter-voucher")
        # On more lines when they do not fit one (larger text), as the chips above.
        row = FlowLayout(spacing=metrics.gap_px // 2 + 4)
        row.addWidget(self.language_label)
        for b in self.language_chips.values():
            row.addWidget(b)
        panel.addLayout(row)

        row = FlowLayout(spacing=metrics.gap_px // 2 + 4)
        self.count = label(role="heading", wrap=False)
        self.count.setMinimumHeight(metrics.touch_px)   # in line with the buttons beside it
        self.show_choices = button("", "", min_height=metrics.touch_px)
        self.show_choices.setObjectName("filter-show")
        self.show_choices.clicked.connect(lambda: self.open_choices(self.choices.isHidden()))
        self.clear_choices = button("", "", min_height=metrics.touch_px)
        self.clear_choices.setObjectName("filter-clear")
        self.clear_choices.clicked.connect(self._clear_choices)
        # The count, then the two buttons: beside it while they fit, under it when not.
        row.addWidget(self.count)
        row.add_group_gap(metrics.gap_px)
        # The two choices most asked for stay in sight beside the fold, a tap away (a
        # physiotherapist who takes vouchers is found in four taps, benchmarks/ui_tasks.py).
        row.addWidget(self.open_now)
        row.addWidget(self.voucher)
        row.addWidget(self.show_choices)
        row.addWidget(self.clear_choices)
        col.addLayout(row)
        self.choices.setVisible(False)
        col.addWidget(self.choices)
        self.empty = label(role="muted")
        col.addWidget(self.empty)
        self.list = ServiceList(tr=tr, metrics=metrics, now=now)
        self.list.chosen.connect(lambda sid: flow.go(places.SERVICE, service_id=sid))
        col.addWidget(self.list, 1)
        self.retranslate()

    # -- choices ---------------------------------------------------------------------------
    def _only_language(self, lang: str) -> None:
        for other, b in self.language_chips.items():
            if other != lang:
                b.setChecked(False)
        self._choices_changed()

    def _only_group(self, group: str) -> None:
        for other, b in self.group_chips.items():
            if other != group:
                b.setChecked(False)
        self._choices_changed()

    def _base_group(self) -> str | None:
        """The target group the list was opened for (browse's tab), kept by every choice."""
        return self.place.get("target_group") if self.place is not None else None

    def _choices_changed(self) -> None:
        sectors = frozenset(s for s, b in self.sector_chips.items() if b.isChecked())
        language = next((lang for lang, b in self.language_chips.items() if b.isChecked()), None)
        group = next((g for g, b in self.group_chips.items() if b.isChecked()), None) or self._base_group()
        self.filter = replace(self.filter, sectors=sectors or None, language=language, target_group=group,
                              open_now=self.open_now.isChecked(), voucher=self.voucher.isChecked())
        self.refresh()

    def _clear_choices(self) -> None:
        for b in (*self.sector_chips.values(), *self.language_chips.values(), *self.group_chips.values(),
                  self.open_now, self.voucher):
            b.setChecked(False)
        self.filter = CatalogueFilter(life_event=self.filter.life_event, target_group=self._base_group())
        self.refresh()

    def clear(self) -> None:
        self._clear_choices()
        self.open_choices(False)
        self.place = None

    def open_choices(self, on: bool) -> None:
        """Show or fold the rows of chips under the "Narrow the list" button."""
        self.choices.setVisible(on)
        self._show_choices_label()

    def chosen_count(self) -> int:
        """How many chips are on (the folded button says it: what is chosen stays in sight)."""
        return sum(b.isChecked() for b in (*self.sector_chips.values(), *self.language_chips.values(),
                                           *self.group_chips.values(), self.open_now, self.voucher))

    def _show_choices_label(self) -> None:
        t = self.tr_.t
        n = self.chosen_count()
        key = "results.filter.show" if self.choices.isHidden() else "results.filter.hide"
        text = t(f"{key}_chosen", count=n) if n else t(key)
        self.show_choices.setText(text)
        self.show_choices.setAccessibleName(text)

    def has_input(self) -> bool:
        return self.filter != CatalogueFilter(life_event=self.filter.life_event, target_group=self._base_group())

    # -- showing ---------------------------------------------------------------------------
    def enter(self, place: Place) -> None:
        if place == self.place:
            return  # back from a service card: keep the person's choices and list
        self.place = place
        self.filter = CatalogueFilter(life_event=place.get("life_event"), target_group=place.get("target_group"))
        for b in (*self.sector_chips.values(), *self.language_chips.values(), *self.group_chips.values(),
                  self.open_now, self.voucher):
            b.setChecked(False)
        self.choices.setVisible(False)   # a new list starts with its choices folded
        self.refresh()

    def refresh(self) -> None:
        services = self.catalogue.services(self.filter, self.tr_.data_language, now=self.now())
        self.list.show_services(services)
        # Offer the groups of the list without a group choice, so a choice can be changed.
        wider = (self.catalogue.services(replace(self.filter, target_group=self._base_group()), self.tr_.data_language,
                                         now=self.now()) if self.filter.target_group != self._base_group() else services)
        present = {g for s in wider for g in s.target_groups}
        base = self._base_group()
        for g, b in self.group_chips.items():
            b.setVisible(base is None and (g in present or b.isChecked()))
        any_group = any(not b.isHidden() for b in self.group_chips.values())
        self.group_label.setVisible(any_group)
        self.count.setText(self.tr_.plural("results.count", len(services)))
        self._show_choices_label()
        self.empty.setVisible(not services)
        self.clear_choices.setVisible(self.has_input())

    def title(self) -> str:
        if self.filter.life_event:
            return self.tr_.label("life_event", self.filter.life_event)
        if self.filter.target_group:
            return self.tr_.label("target_group", self.filter.target_group)
        return self.tr_.t("results.all")

    def spoken(self):
        from ui.speech import describe
        return describe(self.tr_, self, self.title())

    def retranslate(self) -> None:
        t = self.tr_.t
        self.sector_label.setText(t("results.filter.sector"))
        for s, b in self.sector_chips.items():
            b.set_label(t(f"sector.{s}"), t("results.filter.only", choice=t(f"sector.{s}")))
        self.language_label.setText(t("results.filter.language"))
        # Eight chips do not fit a row: fi, sv, en and the person's own language.
        shown = (*DATA_LANGUAGES, self.tr_.language)
        for lang, b in self.language_chips.items():
            b.set_label(t(f"language.{lang}.name"),
                        t("results.filter.in_language", language=t(f"language.{lang}.name")))
            b.setVisible(lang in shown)
            if lang not in shown and b.isChecked():
                b.setChecked(False)
                self.filter = replace(self.filter, language=None)
        self.group_label.setText(t("results.filter.target_group"))
        for g, b in self.group_chips.items():
            b.set_label(t(f"target_group.{g}"), t("results.filter.only", choice=t(f"target_group.{g}")))
        self.open_now.set_label(t("results.filter.open_now"), t("results.filter.open_now"))
        self.voucher.set_label(t("results.filter.voucher"), t("results.filter.voucher"))
        self.clear_choices.setText(t("results.filter.clear"))
        self.clear_choices.setAccessibleName(t("results.filter.clear"))
        self.empty.setText(t("results.empty"))
        self.refresh()
