"""An on-screen keyboard for every script the kiosk speaks, for kiosks without a keyboard.

Layouts: Latin with the Finnish and Swedish letters and the apostrophe (fi, sv, en, and
Somali, whose glottal stop is written '), Estonian Latin (õ ü š ž), Russian ЙЦУКЕН,
Ukrainian (і ї є ґ and the apostrophe) and Arabic (the rows of the Arabic 101 keyboard).
A free-text field offers the UI language's layout first and Latin always (place names
and the catalogue are Finnish, Swedish and English); one key, labelled with the script it
switches to ("ABC", "АБВ", "أبج", never a flag), changes between them, and the choice
goes back to the language's own layout for the next person (``reset``). A code field
(``latin_only``) never switches.

Every layout's rows run left to right, as the keys of a keyboard do whatever its script:
an Arabic keyboard has ض at the top left (the Q key) and ظ at the end of its bottom row,
and that is what an Arabic reader's fingers look for. The text typed is another matter:
the field lays it out right to left (QLineEdit's bidi), so "Kontula ١٢" reads correctly.

A tap on a key never takes the focus, so the text field keeps its cursor while a finger
types; the keys still take the focus from a keypad's arrows (ui/keypad.py), and Enter
types the focused key.

Free text in a script with capitals (Latin, Cyrillic) has a Shift key at the left of the
bottom letter row, in the room the rows' stagger leaves there, so no key gets narrower: one
press makes the next letter a capital (a name, a street), a second press before it takes it
back. The letters then show the case they type. Codes (``latin_only``) have none: their
fields write capitals anyway.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QLineEdit, QPushButton, QWidget

from ui.i18n import Translator
from ui.theme import Metrics
from ui.widgets.removal import discard

# Scripts whose letters have capitals: their free-text layouts have a Shift key.
CASED_SCRIPTS = frozenset({"latin", "cyrillic"})

# The theme's floor for anything a finger presses (ui/theme.py: never below 64 px), now for
# the width of a key too: at 1280x800 twelve keys in a row were once 43 px wide.
KEY_MIN_PX = 64
# Beside a key's words or sign: at 200 % text "123", "Mellanslag" and even "M" were wider
# than a key of 64 px, and were cut.
KEY_TEXT_ROOM_PX = 24


class Key(QPushButton):
    """A key at least as wide as its words and a little room, and never below a finger's
    width: the keyboard grows with the text, and a screen stacks what no longer fits beside
    it (ui/widgets/reflow.py Columns)."""

    def _width_needed(self) -> int:
        text = self.text().replace("&&", "&")
        need = self.fontMetrics().horizontalAdvance(text) + KEY_TEXT_ROOM_PX if text else 0
        return max(KEY_MIN_PX, need)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name; QPushButton's asks sizeHint)
        return QSize(self._width_needed(), super().minimumSizeHint().height())

    def sizeHint(self) -> QSize:  # noqa: N802
        hint = super().sizeHint()
        return QSize(max(hint.width(), self._width_needed()), hint.height())


@dataclass(frozen=True)
class KeyboardLayout:
    name: str
    script: str          # latin, cyrillic, arabic or digits: the switch key says "ABC", "АБВ", "أبج", "123"
    rows: tuple[str | tuple[str, ...], ...]  # a key per letter; a tuple where one key types two (لا)
    punctuation: tuple[str, ...]   # beside the space bar

    def keys(self) -> tuple[tuple[str, ...], ...]:
        return tuple(tuple(row) if isinstance(row, str) else row for row in self.rows)


# The Finnish and Swedish keyboard's letters (their object names key-<letter> are what
# tests/cage taps), with the apostrophe that Somali and English need (and Finnish: vaa'an).
LATIN = KeyboardLayout("latin", "latin", ("qwertyuiopå", "asdfghjklöä", "zxcvbnm'"), (",", ".", "-"))
# The Estonian keyboard: ü õ where Finnish has å, ö ä as in Finnish, š ž (AltGr on a PC) in reach.
ESTONIAN = KeyboardLayout("estonian", "latin", ("qwertyuiopüõ", "asdfghjklöä", "zxcvbnmšž"), (",", ".", "-"))
# ЙЦУКЕН; ё and ъ, which a PC keyboard hides at its edges, at the rows' ends.
RUSSIAN = KeyboardLayout("russian", "cyrillic", ("йцукенгшщзхъ", "фывапролджэё", "ячсмитьбю"), (",", ".", "-"))
# The Ukrainian keyboard: ї є where Russian has ъ э, і for ы, ґ at the row's end, and the
# apostrophe, which Ukrainian writes inside words (м'ясо, п'ять).
UKRAINIAN = KeyboardLayout("ukrainian", "cyrillic", ("йцукенгшщзхї", "фівапролджєґ", "ячсмитьбю'"), (",", ".", "-"))
# The Arabic 101 keyboard's letter rows from its left edge; ذ (its ` key) ends the bottom row
# and لا is one key, as there. The Arabic comma beside the space bar.
ARABIC = KeyboardLayout("arabic", "arabic", (
    tuple("ضصثقفغعهخحجد"),
    tuple("شسيبلاتنمكط"),
    ("ئ", "ء", "ؤ", "ر", "لا", "ى", "ة", "و", "ز", "ظ", "ذ"),
), ("،", ".", "-"))

# Digits and signs, a tap away from the letters ("123"), as on a phone; Arabic has its own
# digits too (١٢), beside the Western ones that Finnish addresses and times use.
def label(text: str) -> str:
    """A key's text as a button shows it: Qt takes "&" as the mark of a shortcut letter and
    hides it, so the digits page's "&" key was blank."""
    return text.replace("&", "&&")


DIGITS = KeyboardLayout("digits", "digits", ("1234567890", "?!:;()/@€", "+=%&*#"), (",", ".", "-"))
ARABIC_DIGITS = KeyboardLayout("arabic_digits", "digits", ("1234567890", "١٢٣٤٥٦٧٨٩٠", "؟!:()/%+"), ("،", ".", "-"))

LAYOUTS = {layout.name: layout for layout in (LATIN, ESTONIAN, RUSSIAN, UKRAINIAN, ARABIC)}
LANGUAGE_LAYOUT = {"fi": "latin", "sv": "latin", "en": "latin", "so": "latin", "et": "estonian",
                   "ru": "russian", "uk": "ukrainian", "ar": "arabic"}


def layouts_for(language: str) -> list[KeyboardLayout]:
    """The language's own layout first, then Latin unless its own is Latin already."""
    own = LAYOUTS[LANGUAGE_LAYOUT.get(language, "latin")]
    return [own] if own.script == "latin" else [own, LATIN]


def _grid_columns(rows: tuple[tuple[str, ...], ...]) -> int:
    """Each key is two grid cells wide, each row one cell further right (a keyboard's
    stagger); the bottom letter row ends with erase, at least a key and a half wide."""
    return max(2 * len(rows[0]), 1 + 2 * len(rows[1]), 2 + 2 * len(rows[2]) + 3)


class OnScreenKeyboard(QWidget):
    typed = Signal(str)
    erased = Signal()
    cleared = Signal()

    def __init__(self, *, tr: Translator, metrics: Metrics, digits: bool = False, latin_only: bool = False) -> None:
        """``digits``: a row of digits (and +) above the letters, e.g. for an identity code.
        ``latin_only``: for codes and references, which are Latin whatever the language."""
        super().__init__()
        # The rows read from the left in every script (see the module's docstring).
        self.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.tr_ = tr
        self.metrics = metrics
        self.digits = digits
        self.latin_only = latin_only or digits
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(max(6, metrics.gap_px // 2 - 2))
        self.keys: dict[str, QPushButton] = {}
        # The keys every layout has, made once: a keypad's focus stays on them across a switch.
        self.erase = self._key("⌫")
        self.erase.setObjectName("key-erase")
        self.erase.setAutoRepeat(True)  # hold to erase, like a phone
        self.erase.clicked.connect(self.erased)
        self.layout_key = self._key("")
        self.layout_key.setObjectName("key-layout")
        self.layout_key.clicked.connect(self.next_layout)
        self.digits_key = self._key("123")
        self.digits_key.setObjectName("key-digits")
        self.digits_key.clicked.connect(self.toggle_digits)
        self.shift = self._key("⇧")
        self.shift.setObjectName("key-shift")
        self.shift.setCheckable(True)  # shown pressed until the next letter takes it
        self.shift.toggled.connect(self._show_case)
        self.letters: KeyboardLayout | None = None  # the letters to go back to from the digits
        self.clear_all = self._key("")
        self.clear_all.setObjectName("key-clear")
        self.clear_all.clicked.connect(self.cleared)
        self.space = self._key("")
        self.space.setObjectName("key-space")
        # Words, not a letter: in the body size, so "Mellanslag" fits its bar with larger text.
        for b in (self.clear_all, self.space):
            b.setProperty("words", True)
        self.space.clicked.connect(lambda: self.typed.emit(" "))
        self._punctuation: list[QPushButton] = []
        self._language: str | None = None
        self.offered: list[KeyboardLayout] = [LATIN]
        self.current: KeyboardLayout | None = None
        self.retranslate()

    def _key(self, text: str) -> QPushButton:
        b = Key(label(text), self)  # never a window of its own, even before the grid holds it
        b.setProperty("role", "key")
        # A tap never takes the focus from the text field, but a keypad can walk to the keys.
        b.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        b.setMinimumHeight(self.metrics.touch_px)  # the width follows its words (Key)
        return b

    def _letter(self, ch: str) -> QPushButton:
        b = self._key(ch.upper())
        b.setObjectName(f"key-{ch}")
        b.setAccessibleName(ch)
        b.clicked.connect(lambda _=False, ch=ch: self._type(ch))
        return b

    # -- capitals --------------------------------------------------------------------------
    @property
    def has_shift(self) -> bool:
        """Free text in a script with capitals (a code's field writes capitals itself)."""
        return (not self.latin_only and self.current is not None
                and self.current.script in CASED_SCRIPTS)

    @property
    def shifted(self) -> bool:
        return self.shift.isChecked()

    def _type(self, ch: str) -> None:
        if self.shifted and ch.upper() != ch:
            self.shift.setChecked(False)  # one press, one capital: the word goes on in small letters
            self.typed.emit(ch.upper())
        else:
            self.typed.emit(ch)

    def _show_case(self, _checked: bool = False) -> None:
        """The letters show what a tap types: capitals while Shift is on, small letters when
        not; a keyboard without Shift (codes, Arabic) shows capitals as printed on keys."""
        upper = self.shifted or not self.has_shift
        for ch, b in self.keys.items():
            b.setText(label(ch.upper() if upper else ch))
            b.setAccessibleName(ch.upper() if self.shifted else ch)

    # -- layouts ---------------------------------------------------------------------------
    def show_layout(self, layout: KeyboardLayout) -> None:
        """Put ``layout``'s keys on the keyboard; the shared keys stay where the focus is."""
        if layout is self.current:
            return
        self.current = layout
        for b in {*self.keys.values(), *self._punctuation}:
            discard(b)  # hidden now, so out of the focus chain; deleted at the next turn
        for b in (self.erase, self.layout_key, self.digits_key, self.clear_all, self.space, self.shift):
            self.grid.removeWidget(b)
        on_digits = layout in (DIGITS, ARABIC_DIGITS)
        if not on_digits:
            self.letters = layout
        self.keys, self._punctuation = {}, []
        self.shift.setChecked(False)  # another layout starts in small letters
        rows = layout.keys()
        # As wide as the widest layout offered: the keyboard keeps its size across a switch.
        columns = max(_grid_columns(k.keys()) for k in (*self.offered, layout, self._digit_layout()))
        chain: list[QPushButton] = []
        top = 0
        if self.digits:
            for i, ch in enumerate("1234567890+"):
                b = self._letter(ch)
                self.grid.addWidget(b, 0, 2 * i, 1, 2)
                self.keys[ch] = b
                chain.append(b)
            columns = max(columns, 22)
            top = 1
        shift = self.has_shift
        self.shift.setVisible(shift)
        for r, letters in enumerate(rows):
            if r == 2 and shift:
                # In the two cells the stagger leaves free at the row's start: no key narrower.
                self.grid.addWidget(self.shift, top + r, 0, 1, 2)
                chain.append(self.shift)
            for i, ch in enumerate(letters):
                b = self._letter(ch)
                self.grid.addWidget(b, top + r, r + 2 * i, 1, 2)  # one cell further right per row
                self.keys[ch] = b
                chain.append(b)
        end = 2 + 2 * len(rows[2])
        self.grid.addWidget(self.erase, top + 2, end, 1, min(4, columns - end))
        chain.append(self.erase)
        bottom, col = top + 3, 0
        switch = len(self.offered) > 1 and not on_digits
        self.layout_key.setVisible(switch)
        if switch:
            self.grid.addWidget(self.layout_key, bottom, 0, 1, 4)
            col = 4
            chain.append(self.layout_key)
        self.digits_key.setVisible(not self.latin_only)
        if not self.latin_only:
            self.grid.addWidget(self.digits_key, bottom, col, 1, 4 if on_digits else 3)
            col += 4 if on_digits else 3
            chain.append(self.digits_key)
        marks = ("-",) if self.latin_only else layout.punctuation  # a code has a hyphen, never a comma
        space_end = columns - 2 * len(marks)
        clear = min(8, max(5, (space_end - col) // 2))  # "Kustuta kõik", "Стереть всё" need the room
        self.grid.addWidget(self.clear_all, bottom, col, 1, clear)
        chain.append(self.clear_all)
        self.grid.addWidget(self.space, bottom, col + clear, 1, space_end - col - clear)
        chain.append(self.space)
        for i, ch in enumerate(marks):
            b = self._letter(ch)
            self.grid.addWidget(b, bottom, space_end + 2 * i, 1, 2)
            self._punctuation.append(b)
            self.keys[ch] = b
            chain.append(b)
        self._show_case()
        for b in self.keys.values():
            b.show()  # now: a layout shows a new child of a visible keyboard only at the next turn
        for c in range(self.grid.columnCount()):
            self.grid.setColumnStretch(c, 1 if c < columns else 0)
        # The keypad walks the keys in reading order: row by row, then the bottom row.
        before = self.erase.previousInFocusChain()
        for a, b in zip([before, *chain], chain):
            if a is not b:
                QWidget.setTabOrder(a, b)
        self._label_switch()

    def next_layout(self) -> None:
        if len(self.offered) < 2:
            return
        i = self.offered.index(self.letters) if self.letters in self.offered else -1
        self.show_layout(self.offered[(i + 1) % len(self.offered)])

    def _digit_layout(self) -> KeyboardLayout:
        return ARABIC_DIGITS if self._language == "ar" else DIGITS

    def toggle_digits(self) -> None:
        if self.current in (DIGITS, ARABIC_DIGITS):
            self.show_layout(self.letters or self.offered[0])
        else:
            self.show_layout(self._digit_layout())

    def reset(self) -> None:
        """The next person: the UI language's own layout again, in small letters."""
        self.show_layout(self.offered[0])
        self.shift.setChecked(False)

    def _script(self, layout: KeyboardLayout) -> str:
        """A script named in itself, the same in every language (keyboard.script.*)."""
        return "123" if layout.script == "digits" else self.tr_.t(f"keyboard.script.{layout.script}")

    def _label_switch(self) -> None:
        t = self.tr_.t
        if self.current in (DIGITS, ARABIC_DIGITS) and self.letters is not None:
            self.digits_key.setText(self._script(self.letters))
            name = t("keyboard.layout.switch", layout=t(f"keyboard.layout.{self.letters.name}"))
        else:
            self.digits_key.setText(self._script(DIGITS))
            name = t("keyboard.layout.switch", layout=t("keyboard.layout.digits"))
        self.digits_key.setAccessibleName(name)
        self.digits_key.setToolTip(name)
        if len(self.offered) < 2 or self.letters not in self.offered:
            return
        target = self.offered[(self.offered.index(self.letters) + 1) % len(self.offered)]
        self.layout_key.setText(self._script(target))
        name = self.tr_.t("keyboard.layout.switch", layout=self.tr_.t(f"keyboard.layout.{target.name}"))
        self.layout_key.setAccessibleName(name)
        self.layout_key.setToolTip(name)

    def attach(self, field: QLineEdit) -> None:
        """Type into ``field``, at its cursor."""
        self.typed.connect(field.insert)
        self.erased.connect(field.backspace)
        self.cleared.connect(field.clear)

    def retranslate(self) -> None:
        t = self.tr_.t
        self.erase.setAccessibleName(t("keyboard.erase"))
        self.erase.setToolTip(t("keyboard.erase"))
        self.shift.setAccessibleName(t("keyboard.shift"))
        self.shift.setToolTip(t("keyboard.shift"))
        self.clear_all.setText(t("keyboard.clear"))
        self.clear_all.setAccessibleName(t("keyboard.clear"))
        self.space.setText(t("keyboard.space"))
        self.space.setAccessibleName(t("keyboard.space"))
        if self.tr_.language != self._language:
            # Another language: its own layout first, as for a person who just chose it.
            self._language = self.tr_.language
            offered = [LATIN] if self.latin_only else layouts_for(self._language)
            if offered != self.offered or self.current is not offered[0]:
                self.offered, self.current = offered, None
                self.show_layout(offered[0])
        self._label_switch()
