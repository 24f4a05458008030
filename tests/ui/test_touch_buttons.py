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
