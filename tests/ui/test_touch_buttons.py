"""A button shows its text as written: a plain QPushButton takes "&" as the mark of a shortcut
letter and hides it, so a place or service named "Perhe- & sosiaalipalvelut" lost its "&"."""

from __future__ import annotations

from tests.ui.conftest import shown_on_button
from ui.widgets.touch import ChoiceChip, button


def test_a_button_with_an_ampersand_shows_it(qtbot):
    b = button("Perhe- & sosiaalipalvelut", "Perhe- & sosiaalipalvelut")
    qtbot.addWidget(b)
    assert shown_on_button(b.text()) == "Perhe- & sosiaalipalvelut"
    b.setText("Ikä & Terveys\nKallion toimipiste")
    assert shown_on_button(b.text()) == "Ikä & Terveys\nKallion toimipiste"
    assert b.accessibleName() == "Perhe- & sosiaalipalvelut"  # a screen reader reads it as written


def test_a_chip_with_an_ampersand_shows_it_on_and_off(qtbot):
    chip = ChoiceChip(64, "chip-test")
    qtbot.addWidget(chip)
    chip.set_label("Terveys & hyvinvointi", "Terveys & hyvinvointi")
    assert shown_on_button(chip.text()) == "Terveys & hyvinvointi"
    chip.setChecked(True)
    assert shown_on_button(chip.text()) == "✓ Terveys & hyvinvointi"


def test_the_reading_of_a_button_text_is_qts():
    assert shown_on_button("&Tallenna") == "Tallenna"
    assert shown_on_button("A && B") == "A & B"
    assert shown_on_button("&") == ""


def test_a_wrapping_chip_breaks_its_words_and_grows_taller(qtbot):
    """A waiting number with its priority and booking, narrower than its words: the words go
    onto more lines, none cut, and the chip asks only for its longest word's width."""
    from PySide6.QtCore import QSize
    from PySide6.QtWidgets import QVBoxLayout, QWidget

    from tests.ui.conftest import settle
    from ui.widgets.wrapping_chip import WrappingChip

    host = QWidget()
    col = QVBoxLayout(host)
    chip = WrappingChip(64, "waiting-A123")
    col.addWidget(chip)
    col.addStretch(1)
    text = "A123 · wuxuu sugay 59 daqiiqo · caawimaad u baahan · ballan"
    chip.set_label(text, text)
    qtbot.addWidget(host)
    host.show()
    qtbot.waitExposed(host)
    # On one line (the size hint's height is the height at the chip's width of the moment, which
    # under a larger type, a sheet left by another test's window, is two lines).
    one_line = QSize(chip.sizeHint().width(), chip.heightForWidth(10_000))
    host.resize(one_line.width() + 40, 400)
    settle(qtbot)
    assert chip.text() == text and chip.height() == one_line.height()
    fm = chip.fontMetrics()
    assert chip.minimumSizeHint().width() < fm.horizontalAdvance("A123 · wuxuu sugay")
    # As narrow as the words "caawimaad" and "daqiiqo": a word or two a line, a taller chip.
    host.resize(chip.minimumSizeHint().width() + 30, 600)
    settle(qtbot)
    lines = chip.text().split("\n")
    assert len(lines) >= 5 and " ".join(lines) == text
    assert chip.height() >= len(lines) * fm.lineSpacing() > one_line.height()
    assert max(map(fm.horizontalAdvance, lines)) <= chip.width() - chip._padding()   # inside border and padding
    chip.setChecked(True)
    assert chip.text().startswith("✓ ") and chip.accessibleName() == text
