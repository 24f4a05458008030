"""A large, calm slot picker: one day at a time, the first free time offered first.

No month grid to decode: a button with the first free time (most people take it),
then the day's times as big buttons, and *Previous day* / *Next day* that skip days
with nothing free. A time the kiosk can confirm on its own while offline says so in
words ("Confirmed at once"), not only by colour.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from kiosk.booking import FreeTime
from kiosk.catalogue.hours import LOCAL_TZ
from ui.i18n import Translator
from ui.theme import Metrics
from ui.widgets.removal import discard
from ui.widgets.touch import button, label

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def day_text(t: Translator, d: date) -> str:
    return t.t("calendar.date", weekday=t.t(f"weekday.{WEEKDAYS[d.weekday()]}"), d=d.day, m=d.month)


class SlotPicker(QWidget):
    """``chosen(FreeTime)`` when a time is tapped."""

    chosen = Signal(object)
    COLUMNS = 4

    def __init__(self, *, tr: Translator, metrics: Metrics) -> None:
        super().__init__()
        self.tr_ = tr
        self.metrics = metrics
        self.setObjectName("slot-picker")
        self._days: dict[date, list[FreeTime]] = {}
        self._order: list[date] = []
        self._index = 0
        self._mark_own = False
        self.time_buttons: list[QPushButton] = []

        col = QVBoxLayout(self)
        col.setContentsMargins(0, 0, 0, 0)
        col.setSpacing(metrics.gap_px)
        self.first = button("", "first-free", role="primary", min_height=metrics.touch_px)
        self.first.setObjectName("calendar-first-free")
        self.first.clicked.connect(lambda: self._order and self.chosen.emit(self._days[self._order[0]][0]))
        col.addWidget(self.first)

        nav = QHBoxLayout()
        nav.setSpacing(metrics.gap_px)
        self.previous = button("", "previous-day", min_height=metrics.touch_px)
        self.previous.setObjectName("calendar-previous")
        self.previous.clicked.connect(lambda: self._show_day(self._index - 1))
        self.day_label = label(role="heading")
        self.day_label.setObjectName("calendar-day")
        self.count_label = label(role="muted")
        day_col = QVBoxLayout()
        day_col.setSpacing(2)
        day_col.addWidget(self.day_label)
        day_col.addWidget(self.count_label)
        self.next = button("", "next-day", min_height=metrics.touch_px)
        self.next.setObjectName("calendar-next")
        self.next.clicked.connect(lambda: self._show_day(self._index + 1))
        nav.addWidget(self.previous)
        nav.addLayout(day_col, 1)
        nav.addWidget(self.next)
        col.addLayout(nav)

        self.grid_host = QWidget()
        self.grid = QGridLayout(self.grid_host)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(metrics.gap_px)
        for c in range(self.COLUMNS):
            self.grid.setColumnStretch(c, 1)
        col.addWidget(self.grid_host)
        col.addStretch(1)
        self.retranslate()

    # -- data ------------------------------------------------------------------------------
    def set_times(self, times: list[FreeTime], *, mark_own_places: bool = False) -> None:
        """Show ``times`` (any order); ``mark_own_places`` when offline, so residents
        see which times are confirmed at once."""
        self._days = {}
        for ft in sorted(times, key=lambda ft: ft.starts_at):
            self._days.setdefault(ft.starts_at.astimezone(LOCAL_TZ).date(), []).append(ft)
        self._order = sorted(self._days)
        self._mark_own = mark_own_places
        self._show_day(0)

    @property
    def current_day(self) -> date | None:
        return self._order[self._index] if self._order else None

    def _show_day(self, index: int) -> None:
        if self._order:
            self._index = max(0, min(index, len(self._order) - 1))
        else:
            self._index = 0
        for b in self.time_buttons:
            discard(b)
        self.time_buttons = []
        day = self.current_day
        for i, ft in enumerate(self._days.get(day, []) if day else []):
            b = button("", "time", min_height=self.metrics.touch_px + (28 if self._mark_own else 0))
            b.setObjectName(f"calendar-time-{ft.slot_id}")
            b.setProperty("slot_id", ft.slot_id)
            b.clicked.connect(lambda _=False, ft=ft: self.chosen.emit(ft))
            self.grid.addWidget(b, i // self.COLUMNS, i % self.COLUMNS)
            b.free_time = ft
            self.time_buttons.append(b)
        self.retranslate()

    def retranslate(self) -> None:
        t = self.tr_
        self.previous.setText(t.t("calendar.previous_day"))
        self.previous.setAccessibleName(t.t("calendar.previous_day").strip("◀▶ "))
        self.next.setText(t.t("calendar.next_day"))
        self.next.setAccessibleName(t.t("calendar.next_day").strip("◀▶ "))
        self.previous.setEnabled(self._index > 0)
        self.next.setEnabled(self._index < len(self._order) - 1)
        self.first.setVisible(bool(self._order))
        if self._order:
            first = self._days[self._order[0]][0]
            local = first.starts_at.astimezone(LOCAL_TZ)
            text = t.t("calendar.first_free", day=day_text(t, local.date()), time=t.time(local))
            self.first.setText(text)
            self.first.setAccessibleName(text)
        day = self.current_day
        self.day_label.setText(day_text(t, day) if day else "")
        self.count_label.setText(t.plural("calendar.times", len(self._days.get(day, []))) if day else "")
        for b in self.time_buttons:
            ft: FreeTime = b.free_time
            clock = t.time(ft.starts_at.astimezone(LOCAL_TZ))
            text = clock + (("\n" + t.t("booking.own_place")) if self._mark_own and ft.own_place else "")
            b.setText(text)
            b.setAccessibleName(text.replace("\n", ", "))

    def clear(self) -> None:
        self.set_times([])
