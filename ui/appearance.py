"""Larger text and stronger colours, one tap away on every screen (EN 301 549 5.1.4).

The "Aa" button in every top bar (the login screens' too) switches the whole application
between the site's theme (``ui.theme``) and the high-contrast theme with larger type. The
choice belongs to the person at the screen: the reset for the next person switches it off.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from ui.theme import HIGH_CONTRAST, THEMES, Metrics, enlarged, metrics_for, stylesheet


class Appearance:
    def __init__(self, *, theme: str, resolution: str, app: QApplication | None = None) -> None:
        self.theme = theme
        self.base_metrics = metrics_for(resolution)
        self.app = app or QApplication.instance()
        self.large = False
        self._listeners: list[Callable[[bool], None]] = []

    @property
    def text_metrics(self) -> Metrics:
        """The type sizes in use now (layout sizes stay those of ``base_metrics``)."""
        return enlarged(self.base_metrics) if self.large else self.base_metrics

    @property
    def palette(self):
        return HIGH_CONTRAST if self.large else THEMES[self.theme]

    def on_change(self, listener: Callable[[bool], None]) -> None:
        self._listeners.append(listener)

    def apply(self) -> None:
        m = self.text_metrics
        font = QFont(["Noto Sans", "Noto Sans Arabic", "DejaVu Sans"])  # Arabic in an Arabic face (fonts-noto-core)
        font.setPointSizeF(m.body_pt)
        # Setting either re-polishes every widget alive, so only a change is applied (a second
        # window, a test run that builds many, or the same theme chosen again cost nothing).
        if self.app.font() != font:
            self.app.setFont(font)
        sheet = stylesheet(self.palette, m)
        if self.app.styleSheet() != sheet:
            self.app.setStyleSheet(sheet)

    def set_large(self, on: bool) -> None:
        if on == self.large:
            return
        self.large = on
        self.apply()
        for listener in list(self._listeners):
            listener(on)

    def toggle(self) -> None:
        self.set_large(not self.large)

    def reset(self) -> None:
        """The next person starts with the site's own theme."""
        self.set_large(False)
