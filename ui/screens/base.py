"""What every screen offers the window: a title, re-translation, and a fresh start."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from kiosk.flow import Place


class Screen(QWidget):
    def title(self) -> str:
        """The text for the top bar while this screen is shown."""
        return ""

    def enter(self, place: Place) -> None:
        """Shown for ``place`` (its params say which service, which life event, ...)."""

    def spoken(self) -> list | None:
        """The scene for speech output: a list of ``kiosk.speech.Utterance`` (where you are,
        what is here in reading order, what you can do), usually ``ui.speech.describe(...)``.
        None means "not described", which tests/ui/test_speech.py fails for a registered screen."""
        return None

    def retranslate(self) -> None:
        """The language changed: rebuild every text this screen shows."""

    def clear(self) -> None:
        """The next person walks up: forget what this person typed or chose."""
