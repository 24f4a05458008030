"""Shown instead of a staff place (the staff entry, the nurse's desk, connection and
sending) to anyone without a signed-in nurse or admin: whatever the way in, the home
tile, Back, or a screen left open when a session ended. ``kiosk.flow.STAFF_PLACES``
says which places and roles; the window decides which of the two to show."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout

from kiosk.flow import Place
from ui.i18n import Translator
from ui.screens.base import Screen
from ui.theme import Metrics
from ui.widgets.touch import button, label


class StaffGateScreen(Screen):
    def __init__(self, *, tr: Translator, metrics: Metrics,
                 ask_staff_key: Callable[[Place], None] | None = None) -> None:
        super().__init__()
        self.tr_ = tr
        self.ask_staff_key = ask_staff_key
        self.place = Place("staff")
        col = QVBoxLayout(self)
        col.setContentsMargins(metrics.margin_px, metrics.margin_px, metrics.margin_px, metrics.margin_px)
        col.setSpacing(metrics.gap_px)
        self.heading = label(role="title")
        self.heading.setObjectName("staff-gate-heading")
        self.text = label(role="heading")
        self.text.setObjectName("staff-gate-text")
        self.sign_in = button("", "", role="primary", min_height=metrics.touch_px + 16)
        self.sign_in.setObjectName("staff-gate-sign-in")
        self.sign_in.setMinimumWidth(metrics.tile_px * 3)
        self.sign_in.clicked.connect(self._sign_in)
        col.addWidget(self.heading)
        col.addWidget(self.text)
        col.addWidget(self.sign_in, 0, Qt.AlignmentFlag.AlignLeft)
        col.addStretch(1)
        self.retranslate()

    def title(self) -> str:
        return self.tr_.t("staff.title")

    def spoken(self):
        from ui.speech import describe
        return describe(self.tr_, self, self.title())

    def enter(self, place: Place) -> None:
        self.place = place
        self.retranslate()

    def _sign_in(self) -> None:
        if self.ask_staff_key is not None:
            self.ask_staff_key(self.place)

    def retranslate(self) -> None:
        t = self.tr_.t
        self.heading.setText(t("staff_gate.heading"))
        self.text.setText(t("staff_gate.text" if self.ask_staff_key is not None else "staff_gate.no_key"))
        self.sign_in.setVisible(self.ask_staff_key is not None)
        self.sign_in.setText(t("staff_gate.sign_in"))
        self.sign_in.setAccessibleName(t("staff_gate.sign_in"))

    def clear(self) -> None:
        self.place = Place("staff")
