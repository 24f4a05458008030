"""A resident finds a service by touch: home -> browse -> results -> service card, and back."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from tests.ui.conftest import settle

pytestmark = pytest.mark.gui


def click(qtbot, widget) -> None:
    assert widget.isVisible(), f"{widget.objectName()} is not on screen"
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def texts(widget) -> list[str]:
    return [lab.text() for lab in widget.findChildren(QLabel) if lab.isVisibleTo(widget)]


def test_home_to_service_card_and_back(qtbot, window):
    window.translator.set_language("en")
    home = window.current_screen()
    assert window.flow.current.name == "home"
    assert not window.top_bar.back.isVisible()  # nothing to go back to at home

    click(qtbot, home.tiles["find"])
    assert window.flow.current.name == "browse"
    browse = window.current_screen()
    # Tiles carry the number of services for each life situation.
    tile = browse.tiles["expecting_a_baby"]
    assert tile.title.text() == "Expecting a baby"
    assert tile.subtitle.text() == "1 service"

    click(qtbot, tile)
    assert window.flow.current.name == "results"
    results = window.current_screen()
    assert window.top_bar.title.text() == "Expecting a baby"
    assert [row.service.id for row in results.list.rows] == ["maternity-clinic"]
    settle(qtbot)

    click(qtbot, results.list.rows[0])
    card = window.current_screen()
    assert window.flow.current.params == {"service_id": "maternity-clinic"}
    qtbot.waitUntil(lambda: card.complete)  # the channels come a few frames after the top
    shown = texts(card)
    assert "Maternity clinic" in shown
    assert "City health services" in shown
    assert "Public service" in shown  # the sector in words, not only a colour
    assert "Open now, closes at 16:00" in shown
    assert "Free of charge" in shown
    assert "Families with children" in shown
    assert "Kontulantie 1" in shown and "00940 Helsinki" in shown
    assert "Monday–Wednesday 08:00–16:00" in shown
    # The QR code carries the details a phone needs.
    assert card.qr.matrix and "Maternity clinic" in card.qr.text and "Kontulantie 1" in card.qr.text

    click(qtbot, window.top_bar.back)
    assert window.current_screen() is results
    assert [row.service.id for row in results.list.rows] == ["maternity-clinic"]
    click(qtbot, window.top_bar.home)
    assert window.flow.current.name == "home" and window.flow.depth == 1


def test_browse_by_target_group(qtbot, window):
    window.flow.go("browse")
    browse = window.current_screen()
    click(qtbot, browse.tab_buttons["target_group"])
    assert set(browse.tiles) == {"families_with_children", "adults", "older_people",
                                 "children_and_young_people", "swedish_speakers"}
    click(qtbot, browse.tiles["swedish_speakers"])
    assert [row.service.id for row in window.current_screen().list.rows] == ["family-cafe"]


def test_service_card_shows_when_a_closed_channel_opens(qtbot, window):
    window.translator.set_language("fi")
    window.flow.go("service", service_id="physiotherapy-voucher")
    qtbot.waitUntil(lambda: window.current_screen().complete)  # the channels come a few frames later
    shown = texts(window.current_screen())
    # Closed on Tuesday morning; the phone line opens next Monday at 9.
    assert "Suljettu nyt. Avautuu maanantaina klo 9.00" in shown
    assert "Yksityinen yritys" in shown and "Julkinen palvelu" in shown
    assert "Voit maksaa palvelusetelillä" not in shown  # a voucher service says it once, as its charge
    assert "Maksetaan palvelusetelillä" in shown


def test_unknown_service_says_so(qtbot, window):
    window.translator.set_language("en")
    window.flow.go("service", service_id="no-such-service")
    assert "This service is no longer in the catalogue." in texts(window.current_screen())


def test_tiles_without_their_capability_say_so(qtbot, window):
    window.translator.set_language("en")
    home = window.current_screen()
    click(qtbot, home.tiles["queue"])
    assert window.overlay.isVisible()
    assert "not yet available on this kiosk" in window.overlay.message.text()
    assert "Take a queue number" in window.overlay.message.text()
    click(qtbot, window.overlay.ok)
    assert not window.overlay.isVisible()
    assert window.flow.current.name == "home"


def test_disabled_module_has_no_tile(make_window):
    window = make_window(extra_ui="[modules]\nvideo = false")
    assert "nurse" not in window.current_screen().tiles
    assert "queue" in window.current_screen().tiles


def test_staff_entry_opens_staff_screen(qtbot, window):
    click(qtbot, window.current_screen().staff)
    assert window.flow.current.name == "staff"
    window.translator.set_language("en")
    # Nobody with a staff role is signed in, and this window has no staff key at all.
    assert window.current_screen() is window.staff_gate() and "staff" not in window.built_screens()
    assert "This kiosk has no staff sign-in. Please contact IT." in texts(window.current_screen())
    window.guard_staff_places(role=lambda: "nurse", ask_staff_key=None)  # a nurse signed in
    assert window.current_screen() is window.screen("staff")
    assert "No notices. Everything is in order." in texts(window.current_screen())


def test_screens_other_than_home_are_built_on_first_use(window):
    assert set(window.built_screens()) == {"home"}
    window.flow.go("search")
    assert set(window.built_screens()) == {"home", "search"}


def test_a_registered_screen_replaces_the_not_yet_message(qtbot, window):
    from ui.screens.base import Screen

    class QueueScreen(Screen):
        def title(self) -> str:
            return window.translator.t("home.queue.title")

    window.register_screen("queue", QueueScreen)
    click(qtbot, window.current_screen().tiles["queue"])
    assert not window.overlay.isVisible()
    assert window.flow.current.name == "queue"
    assert isinstance(window.current_screen(), QueueScreen)
    assert window.top_bar.back.isVisible()


def test_markup_in_catalogue_text_is_shown_as_written(qtbot, make_window, db, mini_catalogue_data):
    """A provider's data with markup in it must neither render nor hide anything."""
    import copy

    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLabel

    from kiosk.catalogue.importer import import_catalogue
    from kiosk.catalogue.service import Catalogue

    data = copy.deepcopy(mini_catalogue_data)
    data["services"][0]["names"]["fi"] = "<b>Äitiysneuvola</b> <img src=x>"
    import_catalogue(db, data)
    window = make_window(cat=Catalogue(db))
    window.flow.go("service", service_id=data["services"][0]["id"])
    labels = [w for w in window.current_screen().findChildren(QLabel) if "Äitiysneuvola" in w.text()]
    assert labels and all(w.textFormat() == Qt.TextFormat.PlainText for w in labels)
    assert any(w.text() == "<b>Äitiysneuvola</b> <img src=x>" for w in labels)


def test_a_card_left_half_made_leaves_nothing_on_the_next(qtbot, window):
    """The card is made in parts (ui/screens/service.py): the top at once, the channels a few
    frames later. A resident who taps on before the rest is made must see only the next card."""
    from PySide6.QtWidgets import QApplication
    window.translator.set_language("en")
    window.flow.go("service")  # the card screen made, empty
    window.flow.back()
    card = window.screen("service")
    card.SLICE_S = 0  # one part per event-loop turn: the test can stop in the middle
    window.flow.go("service", service_id="maternity-clinic")
    assert "Maternity clinic" in texts(card)
    assert not card.complete and "Kontulantie 1" not in texts(card)  # the channels come later
    QApplication.processEvents()  # one part of the rest
    assert not card.complete
    window.flow.back()
    window.flow.go("service", service_id="physiotherapy-voucher")
    qtbot.waitUntil(lambda: card.complete)
    shown = texts(card)
    assert "Maternity clinic" not in shown and "Kontulantie 1" not in shown
    assert "Physiotherapy with a service voucher" in shown
    assert card.body is card._content.layout()  # the half-made part gave the card's layout back
