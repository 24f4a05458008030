"""Larger text and stronger colours, one tap away on every screen (EN 301 549 5.1.4).

The "Aa" button in every top bar (the login screens' too) steps the whole application
through three text sizes: the site's own (``ui.theme``), larger (150 %) and largest (200 %
of the site's body size, WCAG 1.4.4), then back to the site's own. Both enlarged steps use
the high-contrast theme: one button within reach of the thumb, not two to hunt for, and
a person who wants the site's colours back taps on to the start (docs/accessibility.md,
"Text size and contrast"). The choice belongs to the person at the screen: the reset for
the next person goes back to the first step.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

from ui.theme import (HIGH_CONTRAST, TEXT_STEPS, THEMES, Metrics, enlarged, metrics_for, palette_roles,
                      stylesheet)

NORMAL, LARGER, LARGEST = range(len(TEXT_STEPS))
STEP_NAMES = ("normal", "larger", "largest")   # translation keys appearance.step.<name>


class Appearance:
    def __init__(self, *, theme: str, resolution: str, app: QApplication | None = None) -> None:
        self.theme = theme
        self.base_metrics = metrics_for(resolution)
        self.app = app or QApplication.instance()
        self.step = NORMAL
        self._listeners: list[Callable[[int], None]] = []

    @property
    def large(self) -> bool:
        """Any enlarged step is on (the reset has something to undo)."""
        return self.step != NORMAL

    @property
    def factor(self) -> float:
        return TEXT_STEPS[self.step]

    @property
    def text_metrics(self) -> Metrics:
        """The type sizes in use now (layout sizes stay those of ``base_metrics``)."""
        return enlarged(self.base_metrics, self.factor) if self.large else self.base_metrics

    @property
    def palette(self):
        return HIGH_CONTRAST if self.large else THEMES[self.theme]

    def on_change(self, listener: Callable[[int], None]) -> None:
        """``listener(step)`` after every change of step."""
        self._listeners.append(listener)

    def apply(self) -> None:
        m = self.text_metrics
        font = QFont(["Noto Sans", "Noto Sans Arabic", "DejaVu Sans"])  # Arabic in an Arabic face (fonts-noto-core)
        font.setPointSizeF(m.body_pt)
        # Setting either re-polishes every widget alive, so only a change is applied (a second
        # window, a test run that builds many, or the same theme chosen again cost nothing).
        if self.app.font() != font:
            self.app.setFont(font)
        # The page's colour comes from the palette, not from the sheet: a sheet's background on
        # every QWidget made each container paint over its parent (8-16 ms a window repaint).
        palette = QPalette(self.app.palette())
        for role, colour in palette_roles(self.palette).items():
            palette.setColor(getattr(QPalette.ColorRole, role), QColor(colour))
        if self.app.palette() != palette:
            self.app.setPalette(palette)
        sheet = stylesheet(self.palette, m)
        if self.app.styleSheet() != sheet:
            self.app.setStyleSheet(sheet)

    def set_step(self, step: int) -> None:
        if not 0 <= step < len(TEXT_STEPS):
            raise ValueError(f"text size step {step} is not one of 0..{len(TEXT_STEPS) - 1}")
        if step == self.step:
            return
        self.step = step
        self.apply()
        for listener in list(self._listeners):
            listener(step)

    def set_large(self, on: bool) -> None:
        """The largest step, or the site's own (tests and scenes that want the extreme)."""
        self.set_step(LARGEST if on else NORMAL)

    def next_step(self) -> None:
        """What a tap on "Aa" does: normal, larger, largest, normal again."""
        self.set_step((self.step + 1) % len(TEXT_STEPS))

    toggle = next_step

    def reset(self) -> None:
        """The next person starts with the site's own theme."""
        self.set_step(NORMAL)
