"""The on-screen keyboard in every script the kiosk speaks (ui/widgets/keyboard.py): the UI
language's letters first and Latin a tap away, keys never below the touch minimum, Arabic
typed by taps shown right to left with a Finnish name inside kept in order, the next person
back on the language's own letters, and the layout key within a keypad's reach."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractButton

from tests.ui.conftest import settle
from tests.ui.keypad import activate, focused
from tests.ui.on_screen_keyboard import tap, type_by_taps

pytestmark = pytest.mark.gui

# The theme's floor for anything a finger presses (ui/theme.py), for a key's width too.
TOUCH_MIN_PX = 64

ALL = ["fi", "sv", "en", "et", "ru", "uk", "so", "ar"]
# What each language's own letters must have, and what the layout key then says.
OWN = {"fi": ("äöå", None), "sv": ("åäö", None), "en": ("qwz'", None), "so": ("xcq'", None),
       "et": ("õüöäšž", None), "ru": ("йцжэъёы", "ABC"), "uk": ("їієґ'", "ABC"), "ar": ("ضصذظلا", "ABC")}


def search_in(qtbot, window, lang: str):
    window.translator.set_language(lang)
    window.flow.go("search")
    settle(qtbot)
    return window.screen("search")


def visible_keys(keyboard) -> list[QAbstractButton]:
    return [b for b in keyboard.findChildren(QAbstractButton) if b.isVisible()]


@pytest.mark.parametrize("lang", ALL)
def test_each_language_offers_its_own_letters_first_and_latin_always(qtbot, make_window, lang):
    window = make_window(extra_ui=f"languages = {ALL!r}".replace("'", '"'))
    kb = search_in(qtbot, window, lang).keyboard
    letters, switch = OWN[lang]
    assert set(letters) <= set(kb.keys)
    assert kb.layout_key.isVisible() == (switch is not None)
    if switch is None:
        return  # its own letters are Latin already
    own = kb.layout_key.text()
    assert own == switch and kb.layout_key.accessibleName() == window.translator.t(
        "keyboard.layout.switch", layout=window.translator.t("keyboard.layout.latin"))
    tap(qtbot, window, kb.layout_key)
    assert {"q", "w", "ä", "ö", "å"} <= set(kb.keys) and not (set(letters) - {"'"}) & set(kb.keys)
    assert kb.layout_key.text() == {"ru": "АБВ", "uk": "АБВ", "ar": "أبج"}[lang]
    type_by_taps(qtbot, window, kb, "kontula")
    assert window.screen("search").field.text() == "kontula"
    tap(qtbot, window, kb.layout_key)
    assert set(letters) <= set(kb.keys)


@pytest.mark.parametrize("resolution", ["1920x1080", "1280x800"])
@pytest.mark.parametrize("lang", ["fi", "et", "ru", "uk", "ar"])
def test_no_key_is_below_the_touch_minimum_in_any_layout(qtbot, make_window, resolution, lang):
    """h7 measured letter keys 43 px wide at 1280x800 beside the search results."""
    window = make_window(resolution=resolution)
    kb = search_in(qtbot, window, lang).keyboard
    seen = set()
    for step in range(4):  # own letters, their digits, back; Latin, its digits
        settle(qtbot)
        keys = visible_keys(kb)
        assert keys
        small = [(b.objectName(), b.width(), b.height()) for b in keys
                 if b.width() < TOUCH_MIN_PX or b.height() < TOUCH_MIN_PX]
        assert not small, (kb.current.name, small)
        inside = window.rect()
        outside = [b.objectName() for b in keys
                   if not inside.contains(b.rect().translated(b.mapTo(window, QPoint(0, 0))))]
        assert not outside, outside
        seen.add(kb.current.name)
        tap(qtbot, window, kb.digits_key)
        if step == 1 and kb.layout_key.isVisible():
            tap(qtbot, window, kb.layout_key)
    assert len(seen) >= 2


def test_arabic_typed_by_taps_reads_right_to_left_with_the_finnish_name_in_order(qtbot, make_window):
    window = make_window(resolution="1280x800")
    screen = search_in(qtbot, window, "ar")
    field = screen.field
    text = "في kontula ١٢"
    type_by_taps(qtbot, window, screen.keyboard, text)
    assert field.text() == text
    settle(qtbot)
    # Where the ink is: right-aligned, as an Arabic line is.
    image = field.grab().toImage()
    row = [image.pixelColor(x, image.height() // 2).rgb() for x in range(image.width())]
    background = QColor.fromRgb(max(set(row), key=row.count))  # the field's own colour
    ink = [x for x in range(14, image.width() - 14)  # inside the frame and the focus ring
           for y in range(image.height() // 4, 3 * image.height() // 4, 3)
           if abs(image.pixelColor(x, y).lightness() - background.lightness()) > 80]
    left, right = min(ink), max(ink)
    assert right > image.width() * 0.8 and left > image.width() * 0.3, (left, right, image.width())
    # The order on screen, read through the field itself: the Arabic word at the right,
    # then, leftwards, the Finnish name (its letters left to right), then the number.
    y = field.height() // 2

    def at(x):
        return field.cursorPositionAt(QPoint(x, y))
    assert at(right - 2) <= 2                         # the start of the text: في
    assert at(left + 2) >= len("في kontula ")          # the end: ١٢
    inside_name = [at(x) for x in range(left, right, 4) if 3 < at(x) < 10]
    assert inside_name and inside_name == sorted(inside_name)  # kontula reads left to right


def test_the_next_person_gets_the_language_letters_again(qtbot, make_window):
    # A site whose default is Arabic: the language does not change at the reset, the letters must.
    window = make_window(extra_ui='languages = ["ar", "fi"]\ndefault_language = "ar"')
    kb = search_in(qtbot, window, "ar").keyboard
    assert "ض" in kb.keys
    tap(qtbot, window, kb.layout_key)
    assert "ض" not in kb.keys and "q" in kb.keys
    window.reset_for_next_person()
    window.flow.go("search")
    settle(qtbot)
    assert "ض" in kb.keys and kb.layout_key.text() == "ABC"


def test_the_layout_key_is_within_a_keypads_reach(qtbot, make_window):
    window = make_window(extra_ui='languages = ["fi", "uk"]')
    screen = search_in(qtbot, window, "uk")
    activate(qtbot, window, "key-layout", limit=200)
    assert "q" in screen.keyboard.keys and focused() is screen.keyboard.layout_key  # the focus stayed
    activate(qtbot, window, "key-k", limit=200)
    activate(qtbot, window, "key-layout", limit=200)
    activate(qtbot, window, "key-ґ", limit=200)
    assert screen.field.text() == "kґ"
    assert isinstance(focused(), QAbstractButton) and focused().objectName() == "key-ґ"
    assert screen.keyboard.layout_key.focusPolicy() & Qt.FocusPolicy.TabFocus


# -- Shift: capitals for names in free text ---------------------------------------------------
@pytest.mark.parametrize("resolution", ["1920x1080", "1280x800"])
def test_shift_makes_the_next_letter_a_capital_and_only_that_one(qtbot, make_window, resolution):
    window = make_window(resolution=resolution)
    screen = search_in(qtbot, window, "fi")
    kb, field = screen.keyboard, screen.field
    assert kb.shift.isVisible() and kb.keys["k"].text() == "k"  # the keys show what they type
    tap(qtbot, window, kb.shift)
    assert kb.shifted and kb.keys["k"].text() == "K" and kb.keys["ä"].text() == "Ä"
    tap(qtbot, window, kb.keys["k"])
    assert field.text() == "K"
    assert not kb.shifted and kb.keys["k"].text() == "k"  # one press, one capital
    type_by_taps(qtbot, window, kb, "ontula Äimä")
    assert field.text() == "Kontula Äimä"
    # A second press takes it back before a letter.
    tap(qtbot, window, kb.shift)
    tap(qtbot, window, kb.shift)
    tap(qtbot, window, kb.keys["x"])
    assert field.text() == "Kontula Äimäx"
    # Space and punctuation leave it on for the letter after them.
    tap(qtbot, window, kb.shift)
    tap(qtbot, window, kb.space)
    tap(qtbot, window, kb.keys["-"])
    assert kb.shifted
    tap(qtbot, window, kb.keys["å"])
    assert field.text() == "Kontula Äimäx -Å"


@pytest.mark.parametrize("resolution", ["1920x1080", "1280x800"])
@pytest.mark.parametrize("lang", ["fi", "et", "ru", "uk"])
def test_shift_fits_in_the_bottom_letter_rows_start_and_no_key_got_narrower(qtbot, make_window, resolution, lang):
    window = make_window(resolution=resolution, extra_ui=f"languages = {ALL!r}".replace("'", '"'))
    kb = search_in(qtbot, window, lang).keyboard
    settle(qtbot)
    assert kb.shift.isVisible()
    letters = [kb.keys[ch] for ch in kb.current.keys()[2]]
    # At the left of the bottom letter row, on its line, as on a keyboard.
    assert abs(kb.shift.y() - letters[0].y()) <= 1 and kb.shift.geometry().right() < letters[0].x()
    assert kb.shift.width() >= TOUCH_MIN_PX and kb.shift.height() >= TOUCH_MIN_PX
    assert abs(kb.shift.width() - letters[0].width()) <= 2  # a key like the letters
    assert all(b.width() >= TOUCH_MIN_PX for b in kb.keys.values())
    assert kb.shift.accessibleName() == window.translator.t("keyboard.shift")
    tap(qtbot, window, kb.shift)
    first = kb.current.keys()[0][0]
    tap(qtbot, window, kb.keys[first])
    assert window.screen("search").field.text() == first.upper()


def test_no_shift_where_there_are_no_capitals_or_a_code_is_typed(qtbot, make_window):
    window = make_window(extra_ui='languages = ["ar", "fi"]')
    kb = search_in(qtbot, window, "ar").keyboard
    assert "ض" in kb.keys and not kb.shift.isVisible()  # Arabic has no capitals
    tap(qtbot, window, kb.layout_key)
    assert "q" in kb.keys and kb.shift.isVisible()  # the Latin letters beside it have
    tap(qtbot, window, kb.digits_key)
    assert not kb.shift.isVisible()
    # A code's keyboard: the field writes capitals, the keys show them, and there is no Shift.
    from ui.i18n import Translator
    from ui.theme import metrics_for
    from ui.widgets.keyboard import OnScreenKeyboard
    code = OnScreenKeyboard(tr=Translator("fi"), metrics=metrics_for("1280x800"), digits=True)
    qtbot.addWidget(code)
    assert code.shift.isHidden() and not code.keys["k"].isHidden() and code.keys["k"].text() == "K"


def test_the_next_person_starts_in_small_letters(qtbot, make_window):
    window = make_window()
    kb = search_in(qtbot, window, "fi").keyboard
    tap(qtbot, window, kb.shift)
    assert kb.shifted
    window.reset_for_next_person()
    window.flow.go("search")
    settle(qtbot)
    assert not kb.shifted and kb.keys["q"].text() == "q"


@pytest.mark.gui
def test_every_key_shows_the_sign_it_types_the_ampersand_too(qtbot, make_window):
    """Qt hid "&" as a shortcut mark: the digits page showed a blank key between % and *."""
    window = make_window("1280x800")
    screen = search_in(qtbot, window, "fi")
    kb = screen.keyboard
    tap(qtbot, window, kb.digits_key)
    settle(qtbot)
    assert "&" in kb.keys
    for ch, b in kb.keys.items():
        shown = b.text().replace("&&", "\0")
        assert "&" not in shown and shown.replace("\0", "&") == ch.upper(), (ch, b.text())
    tap(qtbot, window, kb.keys["&"])
    assert screen.field.text().endswith("&")
