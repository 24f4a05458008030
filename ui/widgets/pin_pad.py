"""A large on-screen pad for card numbers and PIN codes.

Card numbers are hexadecimal (what a card's chip or stripe carries, e.g. A1B2C3D4), so
the card pad has the keys A-F beside the digits; the PIN pad has digits only.

The pad also takes key presses, because a card reader that emulates a keyboard
"types" the number and Enter into whatever has focus. A PIN is shown only as dots and
never leaves the pad except through ``submitted``; ``clear()`` forgets it.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ui.i18n import Translator
from ui.theme import Metrics
from ui.widgets.touch import button

HEX_LETTERS = "ABCDEF"


class PinPad(QWidget):
    submitted = Signal(str)
    changed = Signal()

    def __init__(self, *, tr: Translator, metrics: Metrics, masked: bool, max_len: int,
                 object_name: str, submit_key: str = "common.ok", letters: str = "") -> None:
        super().__init__()
        self.setObjectName(object_name)
        # A number pad keeps 1-2-3 from the left in every language, Arabic too.
        self.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.tr_ = tr
        self.masked = masked
        self.max_len = max_len
        self.submit_key = submit_key
        self._value = ""
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        col = QVBoxLayout(self)
        col.setSpacing(metrics.gap_px // 2)
        self.display = QLabel()
        self.display.setObjectName(f"{object_name}-display")
        self.display.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.display.setProperty("role", "title")
        self.display.setMinimumHeight(metrics.touch_px)
        col.addWidget(self.display)
        grid = QGridLayout()
        grid.setSpacing(metrics.gap_px // 2)
        self.digit_buttons: dict[str, QPushButton] = {}
        size = int(metrics.touch_px * 1.15)
        for i, d in enumerate("123456789"):
            grid.addWidget(self._digit(d, size), i // 3, i % 3)
        self.erase = button("", "", role="key", min_height=size)
        self.erase.setMinimumWidth(size * 2)
        self.erase.setObjectName(f"{object_name}-erase")
        self.erase.clicked.connect(self.erase_one)
        grid.addWidget(self.erase, 3, 0)
        grid.addWidget(self._digit("0", size), 3, 1)
        self.ok = button("", "", role="primary", min_height=size)
        self.ok.setMinimumWidth(size * 2)
        self.ok.setObjectName(f"{object_name}-ok")
        self.ok.clicked.connect(self._submit)
        grid.addWidget(self.ok, 3, 2)
        # Letter keys in two narrower columns to the right of the digits: the pad grows
        # sideways, not downwards, so it still fits a 1280x800 screen under the prompts.
        for i, letter in enumerate(letters):
            key = self._digit(letter, size, width=size)
            grid.addWidget(key, i // 2, 3 + i % 2)
        col.addLayout(grid)
        self.retranslate()
        self._show()

    def _digit(self, d: str, size: int, width: int | None = None) -> QPushButton:
        b = button(d, d, role="key", min_height=size)
        b.setMinimumWidth(width or size * 2)   # digits as wide as the OK key, so the pad is an even grid
        b.setObjectName(f"{self.objectName()}-{d}")
        # A tap keeps the focus on the pad for the card reader; a keypad's arrows still reach it.
        b.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        b.clicked.connect(lambda _=False, d=d: self.type_text(d))
        # Speech output says "digit entered" for a key of a masked pad, never the digit (5.1.3.8).
        b.setProperty("speech_masked", self.masked)
        self.digit_buttons[d] = b
        return b

    # -- value -------------------------------------------------------------------------------
    @property
    def value(self) -> str:
        return self._value

    def type_text(self, text: str) -> None:
        room = self.max_len - len(self._value)
        if room > 0 and text:
            self._value += text[:room]
            self._show()
            self.changed.emit()

    def erase_one(self) -> None:
        self._value = self._value[:-1]
        self._show()
        self.changed.emit()

    def clear(self) -> None:
        self._value = ""
        self._show()

    def _submit(self) -> None:
        if self._value:
            self.submitted.emit(self._value)

    def _show(self) -> None:
        if self.masked:
            self.display.setText("●" * len(self._value) if self._value else "–")
        else:
            self.display.setText(self._value or "–")
        self.ok.setEnabled(bool(self._value))

    def retranslate(self) -> None:
        t = self.tr_.t
        self.erase.setText("⌫")
        self.erase.setAccessibleName(t("pin.erase"))
        self.ok.setText(t(self.submit_key))
        self.ok.setAccessibleName(t(self.submit_key))
        for d, b in self.digit_buttons.items():
            b.setAccessibleName(t("pin.digit" if d.isdigit() else "pin.letter", n=d))

    # -- a card reader or a keyboard ---------------------------------------------------------
    def keyPressEvent(self, event) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._submit()
        elif key == Qt.Key.Key_Backspace:
            self.erase_one()
        elif event.text() and (not self.masked and event.text().isprintable() or event.text().isdigit()):
            # Card field: keep whatever the reader typed (the parser judges it); PIN: digits only.
            self.type_text(event.text())
        else:
            super().keyPressEvent(event)
