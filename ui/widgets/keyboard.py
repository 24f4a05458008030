"""An on-screen keyboard with the Finnish/Swedish letters, for kiosks without a keyboard.

A tap on a key never takes the focus, so the text field keeps its cursor while a finger
types; the keys still take the focus from a keypad's arrows (ui/keypad.py), and Enter
types the focused key.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLineEdit, QPushButton, QWidget

from ui.i18n import Translator
from ui.theme import Metrics

# The Finnish and Swedish keyboards share this layout.
LETTER_ROWS = (
    "qwertyuiopå",
    "asdfghjklöä",
    "zxcvbnm-",
)
DIGIT_ROW = "1234567890+"


class OnScreenKeyboard(QWidget):
    typed = Signal(str)
    erased = Signal()
    cleared = Signal()

    def __init__(self, *, tr: Translator, metrics: Metrics, digits: bool = False) -> None:
        """``digits``: a row of digits (and +) above the letters, e.g. for an identity code."""
        super().__init__()
        # The keys are Latin letters (catalogue text is fi/sv/en): the rows read from the left.
        self.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.tr_ = tr
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(max(8, metrics.gap_px // 2))
        self.keys: dict[str, QPushButton] = {}
        width = max(len(r) for r in LETTER_ROWS)  # 11 columns, each key 2 grid cells wide
        rows = (DIGIT_ROW,) * digits + LETTER_ROWS
        top = 1 if digits else 0
        for r, letters in enumerate(rows):
            indent = max(0, r - top)  # a slight stagger, like a real keyboard
            for i, ch in enumerate(letters):
                b = self._key(ch.upper(), metrics)
                b.setObjectName(f"key-{ch}")
                b.setAccessibleName(ch)
                b.clicked.connect(lambda _=False, ch=ch: self.typed.emit(ch))
                grid.addWidget(b, r, indent + 2 * i, 1, 2)
                self.keys[ch] = b
        self.erase = self._key("⌫", metrics)
        self.erase.setObjectName("key-erase")
        self.erase.setAutoRepeat(True)  # hold to erase, like a phone
        self.erase.clicked.connect(self.erased)
        grid.addWidget(self.erase, top + 2, 2 + 2 * len(LETTER_ROWS[2]), 1, 2 * width - 2 * len(LETTER_ROWS[2]) - 1)
        self.clear_all = self._key("", metrics)
        self.clear_all.setObjectName("key-clear")
        self.clear_all.clicked.connect(self.cleared)
        self.space = self._key("", metrics)
        self.space.setObjectName("key-space")
        self.space.clicked.connect(lambda: self.typed.emit(" "))
        grid.addWidget(self.clear_all, top + 3, 0, 1, 5)
        grid.addWidget(self.space, top + 3, 5, 1, 2 * width - 5)
        for c in range(2 * width + 2):
            grid.setColumnStretch(c, 1)
        self.retranslate()

    def _key(self, text: str, metrics: Metrics) -> QPushButton:
        b = QPushButton(text)
        b.setProperty("role", "key")
        # A tap never takes the focus from the text field, but a keypad can walk to the keys.
        b.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        b.setMinimumHeight(metrics.touch_px)
        return b

    def attach(self, field: QLineEdit) -> None:
        """Type into ``field``, at its cursor."""
        self.typed.connect(field.insert)
        self.erased.connect(field.backspace)
        self.cleared.connect(field.clear)

    def retranslate(self) -> None:
        t = self.tr_.t
        self.erase.setAccessibleName(t("keyboard.erase"))
        self.erase.setToolTip(t("keyboard.erase"))
        self.clear_all.setText(t("keyboard.clear"))
        self.clear_all.setAccessibleName(t("keyboard.clear"))
        self.space.setText(t("keyboard.space"))
        self.space.setAccessibleName(t("keyboard.space"))
