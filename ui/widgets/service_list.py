"""A scrolling list of service rows; tapping a row opens its card."""

from __future__ import annotations

from datetime import datetime
from typing import Callable, Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QVBoxLayout, QWidget

from kiosk.catalogue.domain import Service
from ui.i18n import Translator
from ui.theme import Metrics
from ui.widgets.service_row import ServiceRow
from ui.widgets.touch import kinetic_scroll_area


class ServiceList(QWidget):
    chosen = Signal(str)  # service id

    # Enough for any real site; a longer list is not something a person scrolls through.
    MAX_ROWS = 150

    def __init__(self, *, tr: Translator, metrics: Metrics, now: Callable[[], datetime], compact: bool = False) -> None:
        super().__init__()
        self.compact = compact
        self.tr_ = tr
        self.metrics = metrics
        self.now = now
        self.rows: list[ServiceRow] = []
        self._content = QWidget()
        self._col = QVBoxLayout(self._content)
        self._col.setContentsMargins(0, 0, 12, 0)
        self._col.setSpacing(metrics.gap_px // 2 + 4)
        self._col.addStretch(1)
        self.area = kinetic_scroll_area(self._content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.area)
        self._services: list[Service] = []

    def show_services(self, services: Sequence[Service]) -> None:
        self._services = list(services[: self.MAX_ROWS])
        self._rebuild()

    def _rebuild(self) -> None:
        for row in self.rows:
            row.hide()
            row.deleteLater()
        self.rows = []
        now = self.now()
        for i, s in enumerate(self._services):
            row = ServiceRow(s, self.tr_, now, self.metrics.touch_px, compact=self.compact)
            row.setObjectName(f"service-{s.id}")
            row.clicked.connect(lambda _=False, sid=s.id: self.chosen.emit(sid))
            self._col.insertWidget(i, row)
            row.show()  # at once, not on the next event-loop turn, so a quick tap finds it
            self.rows.append(row)
        self.area.verticalScrollBar().setValue(0)

    def retranslate(self) -> None:
        self._rebuild()
