"""Search typed on the on-screen keyboard, and the choices that narrow a list."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from tests.ui.conftest import settle

pytestmark = pytest.mark.gui


def tap(qtbot, widget) -> None:
    assert widget.isVisible(), widget.objectName()
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def type_on_screen(qtbot, keyboard, text: str) -> None:
    for ch in text:
        tap(qtbot, keyboard.space if ch == " " else keyboard.keys[ch])


def ids(screen) -> list[str]:
    return [row.service.id for row in screen.list.rows]


@pytest.fixture
def search(qtbot, window):
    tap(qtbot, window.current_screen().tiles["find"])
    tap(qtbot, window.current_screen().search)
    assert window.flow.current.name == "search"
    return window.current_screen()


def test_typing_without_diacritics_finds_aitiysneuvola(qtbot, window, search):
    seen = []
    search.field.textChanged.connect(lambda _t: seen.append(ids(search)))
    type_on_screen(qtbot, search.keyboard, "aitiysneuvola")
    assert search.field.text() == "aitiysneuvola"
    assert ids(search)[0] == "maternity-clinic"
    assert search.list.rows[0].accessibleName().startswith("Äitiysneuvola")
    # Results follow every key press, not only the finished word.
    assert len(seen) == len("aitiysneuvola")
    assert any(seen[:4]), "prefixes already find something"
    tap(qtbot, search.list.rows[0])
    assert window.flow.current.params == {"service_id": "maternity-clinic"}


def test_swedish_search_with_the_swedish_letters(qtbot, window, search):
    window.translator.set_language("sv")
    type_on_screen(qtbot, search.keyboard, "hälsovård")
    assert ids(search)[0] == "health-station"
    search.keyboard.cleared.emit()
    type_on_screen(qtbot, search.keyboard, "halsovard")
    assert ids(search)[0] == "health-station"


def test_erase_clear_and_nothing_found(qtbot, window, search):
    window.translator.set_language("en")
    type_on_screen(qtbot, search.keyboard, "xq")
    assert ids(search) == []
    assert search.status.text() == "Nothing found for “xq”. Check the spelling or try another word."
    tap(qtbot, search.keyboard.erase)
    assert search.field.text() == "x"
    tap(qtbot, search.keyboard.clear_all)
    assert search.field.text() == ""
    assert search.status.text() == "Type with the keyboard below. Results appear as you type."
    # The keys never take the focus away from the field.
    assert search.keyboard.keys["a"].focusPolicy() == Qt.FocusPolicy.NoFocus


def test_a_physical_keyboard_works_too(qtbot, window, search):
    qtbot.keyClicks(search.field, "perhekahvila")
    assert ids(search)[0] == "family-cafe"


def test_language_switch_keeps_the_query_and_reranks(qtbot, window, search):
    type_on_screen(qtbot, search.keyboard, "neuvola")
    window.translator.set_language("sv")
    assert search.field.text() == "neuvola"
    assert search.list.rows[0].accessibleName().startswith("Mödrarådgivning")


@pytest.fixture
def results(qtbot, window):
    window.translator.set_language("en")
    tap(qtbot, window.current_screen().tiles["find"])
    tap(qtbot, window.current_screen().all)
    screen = window.current_screen()
    settle(qtbot)
    assert sorted(ids(screen)) == ["family-cafe", "health-station", "maternity-clinic", "peer-group",
                                   "physiotherapy-voucher"]
    return screen


def test_filter_by_sector(qtbot, results):
    tap(qtbot, results.sector_chips["private"])
    assert ids(results) == ["physiotherapy-voucher"]  # produced by a private company for the city
    tap(qtbot, results.sector_chips["third_sector"])
    assert sorted(ids(results)) == ["family-cafe", "peer-group", "physiotherapy-voucher"]
    assert results.count.text() == "3 services"
    tap(qtbot, results.sector_chips["private"])
    tap(qtbot, results.sector_chips["third_sector"])
    assert len(ids(results)) == 5  # nothing chosen: everything


def test_filter_open_now_language_and_voucher(qtbot, results):
    tap(qtbot, results.open_now)  # Tuesday 10:15
    assert sorted(ids(results)) == ["family-cafe", "health-station", "maternity-clinic"]
    tap(qtbot, results.open_now)
    tap(qtbot, results.language_chips["en"])
    assert sorted(ids(results)) == ["maternity-clinic", "physiotherapy-voucher"]
    tap(qtbot, results.language_chips["sv"])  # one language at a time
    assert not results.language_chips["en"].isChecked()
    assert sorted(ids(results)) == ["family-cafe", "health-station", "maternity-clinic"]
    tap(qtbot, results.voucher)
    assert ids(results) == []
    assert results.empty.isVisible()
    tap(qtbot, results.clear_choices)
    assert len(ids(results)) == 5 and not results.voucher.isChecked()
    assert not results.clear_choices.isVisible()


def test_choices_survive_a_look_at_a_card_but_not_a_new_list(qtbot, window, results):
    tap(qtbot, results.sector_chips["third_sector"])
    tap(qtbot, results.list.rows[0])
    tap(qtbot, window.top_bar.back)
    assert results.sector_chips["third_sector"].isChecked()
    assert sorted(ids(results)) == ["family-cafe", "peer-group"]
    window.flow.back()
    window.flow.go("results", life_event="family_with_children")
    assert not results.sector_chips["third_sector"].isChecked()
    assert sorted(ids(results)) == ["family-cafe", "maternity-clinic"]
