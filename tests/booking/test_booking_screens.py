"""The booking screens with real widgets (pytest-qt), a real kiosk database and the REAL
reference backend: through the calendar to the confirmation with its QR code."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import Qt

from kiosk.booking import CONFIRMED, REQUESTED
from kiosk.flow import KioskFlow, Place
from kiosk.identity.keys import Identity
from kiosk.identity.session import KioskSession
from tests.booking.conftest import CHANNEL, SERVICE
from tests.backend import server_items
from ui.i18n import Translator
from ui.theme import LIGHT, metrics_for, stylesheet

pytestmark = pytest.mark.gui
ANNA = Identity(key="card", subject="subject-anna", name="Anna")


@pytest.fixture
def screen_parts(make_kiosk):
    k = make_kiosk()
    metrics = metrics_for("1920x1080")
    flow = KioskFlow()
    flow.add_place("booking")
    return k, flow, Translator("fi"), metrics


def make_screen(qtbot, parts, **kwargs):
    from ui.screens.booking import BookingScreen

    k, flow, tr, metrics = parts
    session = KioskSession()
    screen = BookingScreen(flow=flow, tr=tr, metrics=metrics, catalogue=k.desk._catalogue, desk=k.desk,
                           session=session, **kwargs)
    screen.setStyleSheet(stylesheet(LIGHT, metrics))
    screen.resize(1920, 1000)
    qtbot.addWidget(screen)
    screen.show()
    return screen, session


def test_booking_from_a_service_card_through_the_calendar_to_the_qr(qtbot, backend, site, screen_parts):
    screen, session = make_screen(qtbot, screen_parts)
    k = screen_parts[0]
    needed = []
    session.on_key_needed(needed.append)
    screen.enter(Place("booking", {"service_id": SERVICE}))  # one bookable channel: straight to the times
    qtbot.waitUntil(lambda: bool(screen.picker.time_buttons), timeout=10_000)
    assert screen.loading.isHidden() and screen.offline_note.isHidden()
    assert screen.picker.first.text().startswith("Ensimmäinen vapaa aika:")
    qtbot.mouseClick(screen.picker.first, Qt.MouseButton.LeftButton)
    assert screen.time.slot_id == "mv-a"  # next available first
    assert any("Milloin:" in lab.text() for lab in screen.summary)
    for key in "0401234567":
        qtbot.mouseClick(screen.pad.findChild(type(screen.confirm_button), f"digit-{key}"), Qt.MouseButton.LeftButton)
    assert screen.phone.text() == "0401234567"
    qtbot.mouseClick(screen.confirm_button, Qt.MouseButton.LeftButton)
    assert len(needed) == 1 and needed[0].name == "booking.confirm"  # asks for a key only now
    session.open(ANNA, time.monotonic())  # the key is shown: the booking continues where it was
    qtbot.waitUntil(lambda: screen.result is not None, timeout=10_000)
    b = screen.result
    assert b.state == CONFIRMED and screen.done_heading.text() == "Varauksesi on vahvistettu"
    assert screen.done_info.isHidden()
    qr = screen.qr.text
    assert b.ref in qr and f"/api/v1/booking/status/{b.id}?lang=fi" in qr and "Milloin:" in qr
    assert screen.qr.matrix  # painted
    assert screen.phone.text() == ""  # the number lives only in the outbox item now
    [stored] = server_items(backend, site_id=site, kind="booking")
    assert stored.id == b.id and stored.payload["phone"] == "+358401234567"
    screen.tr_.set_language("sv")
    screen.retranslate()
    assert screen.done_heading.text() == "Din bokning är bekräftad" and "När:" in screen.qr.text


def test_a_time_taken_meanwhile_sends_the_resident_back_to_pick_another(qtbot, backend, site, screen_parts,
                                                                          make_kiosk):
    screen, session = make_screen(qtbot, screen_parts)
    session.open(ANNA, time.monotonic())
    screen.enter(Place("booking", {"service_id": SERVICE, "channel_id": CHANNEL}))
    qtbot.waitUntil(lambda: bool(screen.picker.time_buttons), timeout=10_000)
    qtbot.mouseClick(screen.picker.first, Qt.MouseButton.LeftButton)
    other = make_kiosk("k-other")
    other.desk.book(subject="subject-bo", service_id=SERVICE, channel_id=CHANNEL, slot_id="mv-a", language="fi")
    qtbot.mouseClick(screen.confirm_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(screen.picker.time_buttons) and screen.time_message.isVisible(), timeout=10_000)
    assert screen.time_message.text() == "Joku varasi tämän ajan juuri. Valitse toinen aika."
    assert "mv-a" not in {b.free_time.slot_id for b in screen.picker.time_buttons}
    assert screen.result is None


def test_a_wrong_phone_number_is_refused_on_the_screen(qtbot, backend, site, screen_parts):
    screen, session = make_screen(qtbot, screen_parts)
    session.open(ANNA, time.monotonic())
    screen.enter(Place("booking", {"service_id": SERVICE}))
    qtbot.waitUntil(lambda: bool(screen.picker.time_buttons), timeout=10_000)
    qtbot.mouseClick(screen.picker.time_buttons[1], Qt.MouseButton.LeftButton)
    qtbot.keyClicks(screen.phone, "12<b>3")
    qtbot.mouseClick(screen.confirm_button, Qt.MouseButton.LeftButton)
    assert screen.confirm_error.isVisible() and "040 123 4567" in screen.confirm_error.text()
    assert server_items(backend, site_id=site, kind="booking") == []
    assert screen.phone.text() == "12<b>3"  # kept so it can be corrected; QLineEdit shows it as plain text


def test_offline_request_says_how_the_outcome_is_learnt(qtbot, backend, site, screen_parts):
    screen, session = make_screen(qtbot, screen_parts)
    screen_parts[0].go_offline()
    session.open(ANNA, time.monotonic())
    screen.enter(Place("booking", {"service_id": SERVICE}))
    qtbot.waitUntil(lambda: bool(screen.picker.time_buttons), timeout=15_000)
    qtbot.mouseClick(screen.picker.time_buttons[0], Qt.MouseButton.LeftButton)
    assert screen.request_note.isVisible()
    qtbot.mouseClick(screen.confirm_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.result is not None, timeout=15_000)
    assert screen.result.state == REQUESTED
    assert screen.done_heading.text() == "Varauspyyntösi on lähetetty"
    assert screen.done_info.isVisible() and "Lue koodi puhelimellasi" in screen.done_info.text()
    assert f"/booking/status/{screen.result.id}" in screen.qr.text


def test_my_bookings_after_identifying_and_cancel_with_two_taps(qtbot, backend, site, screen_parts):
    from sync.server.models import Slot
    from ui.screens.my_bookings import MyBookingsScreen

    k, flow, tr, metrics = screen_parts
    first = k.desk.book(subject=ANNA.subject, service_id=SERVICE, channel_id=CHANNEL, slot_id="mv-c", language="fi")
    k.desk.book(subject="subject-bo", service_id=SERVICE, channel_id=CHANNEL, slot_id="mv-d", language="fi")
    second = k.desk.book(subject=ANNA.subject, service_id=SERVICE, channel_id=CHANNEL, slot_id="mv-e", language="sv")
    session = KioskSession()
    needed = []
    session.on_key_needed(needed.append)
    screen = MyBookingsScreen(flow=flow, tr=tr, metrics=metrics, catalogue=k.desk._catalogue, desk=k.desk,
                              session=session)
    screen.setStyleSheet(stylesheet(LIGHT, metrics))
    screen.resize(1920, 1000)
    qtbot.addWidget(screen)
    screen.show()
    screen.enter(Place("my_bookings"))
    assert needed and screen.cards == []  # nothing personal before a key
    session.open(ANNA, time.monotonic())
    qtbot.waitUntil(lambda: len(screen.cards) == 2, timeout=10_000)
    assert [c.booking.id for c in screen.cards] == [first.id, second.id]  # only Anna's, soonest first
    card = screen.cards[0]
    assert card.lines[0].text() == "Vahvistettu" and card.lines[0].textFormat() == Qt.TextFormat.PlainText
    qtbot.mouseClick(card.cancel, Qt.MouseButton.LeftButton)
    assert card.cancel.text() == "Peru painamalla uudelleen" and len(screen.cards) == 2
    qtbot.mouseClick(card.cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(screen.cards) == 1, timeout=10_000)
    assert screen.notice.text() == "Varaus on peruttu."
    with backend.sessions() as s:
        assert s.get(Slot, (site, "mv-c")).booked == 0
    screen.clear()  # the session ends: nothing of Anna's stays on screen
    assert screen.cards == [] and screen.identity is None


def test_from_the_home_tile_the_resident_picks_a_service_and_can_reach_my_bookings(qtbot, backend, site,
                                                                                    screen_parts):
    screen, session = make_screen(qtbot, screen_parts)
    flow = screen_parts[1]
    flow.add_place("my_bookings")
    flow.go("booking")
    screen.enter(flow.current)
    assert screen.pages.currentIndex() == 0
    shown = [s.id for s in screen.service_list._services]
    assert SERVICE in shown and "physiotherapy-voucher" not in shown  # phone only: not bookable here
    assert screen.my_bookings.isVisible()
    qtbot.mouseClick(screen.my_bookings, Qt.MouseButton.LeftButton)
    assert flow.current.name == "my_bookings"


# -- every offline path ends clearly -------------------------------------------------------------
def _offline_page_shown(screen) -> bool:
    from ui.screens.booking import OFFLINE_PAGE
    return screen.pages.currentIndex() == OFFLINE_PAGE


def test_offline_known_up_front_says_so_before_any_service_or_time(qtbot, backend, site, screen_parts):
    """The sync status says offline: the resident learns it at once, and takes a queue number."""
    k, flow, tr, _ = screen_parts
    flow.add_place("queue")
    screen, session = make_screen(qtbot, screen_parts, online=lambda: False)
    needed = []
    session.on_key_needed(needed.append)
    flow.on_change(lambda place: screen.enter(place) if place.name == "booking" else None)
    flow.go("booking")  # the home tile
    assert _offline_page_shown(screen) and screen.offline_heading.text() == "Ajanvaraus ei onnistu juuri nyt"
    assert screen.offline_queue.isVisible() and screen.offline_retry.isVisible() and screen.offline_home.isVisible()
    assert not screen.picker.time_buttons and screen.time is None
    qtbot.mouseClick(screen.offline_queue, Qt.MouseButton.LeftButton)
    assert flow.current.name == "queue" and needed == []  # never asked for a key that cannot work
    assert server_items(backend, site_id=site, kind="booking") == []


def test_offline_found_when_the_times_load_then_try_again_and_back_to_start(qtbot, backend, site, screen_parts):
    """Status not known yet: the free-times call finds the backend gone, before a time is shown."""
    k, flow, tr, _ = screen_parts
    screen, session = make_screen(qtbot, screen_parts)
    k.go_offline()
    flow.go("booking", service_id=SERVICE)
    screen.enter(flow.current)
    qtbot.waitUntil(lambda: _offline_page_shown(screen), timeout=15_000)
    assert screen.time is None and not screen.confirm_button.isVisible()
    assert not screen.offline_queue.isVisible()  # this kiosk has no queue: not offered
    qtbot.mouseClick(screen.offline_retry, Qt.MouseButton.LeftButton)  # still offline: told again
    qtbot.waitUntil(lambda: screen.loading.isHidden() and _offline_page_shown(screen), timeout=15_000)
    k.go_online()
    qtbot.mouseClick(screen.offline_retry, Qt.MouseButton.LeftButton)  # the connection is back
    qtbot.waitUntil(lambda: bool(screen.picker.time_buttons), timeout=15_000)
    assert not _offline_page_shown(screen)
    k.go_offline()
    screen.enter(flow.current)
    qtbot.waitUntil(lambda: _offline_page_shown(screen), timeout=15_000)
    qtbot.mouseClick(screen.offline_home, Qt.MouseButton.LeftButton)
    assert flow.current.name == "home"


def test_identified_before_the_connection_went_the_kiosk_share_confirms_at_once(qtbot, backend, site,
                                                                               screen_parts):
    """Offline with a key already shown: a place of the kiosk's own share is confirmed on the spot."""
    from kiosk.booking import ALLOTTED
    from sync.server.booking import set_booking_share

    k = screen_parts[0]
    set_booking_share(backend.sessions, site, SERVICE, places_per_slot=1)
    assert k.desk.refresh_allotments() == 5
    screen, session = make_screen(qtbot, screen_parts, online=lambda: False)
    session.open(ANNA, time.monotonic())
    k.go_offline()
    screen.enter(Place("booking", {"service_id": SERVICE}))
    qtbot.waitUntil(lambda: bool(screen.picker.time_buttons), timeout=15_000)
    assert screen.offline_note.isVisible()
    own = next(b for b in screen.picker.time_buttons if b.free_time.own_place)
    qtbot.mouseClick(own, Qt.MouseButton.LeftButton)
    assert screen.request_note.isHidden()  # this one is confirmed at once
    qtbot.mouseClick(screen.confirm_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.result is not None, timeout=15_000)
    assert (screen.result.state, screen.result.route) == (CONFIRMED, ALLOTTED)
    assert screen.done_heading.text() == "Varauksesi on vahvistettu"
    qtbot.mouseClick(screen.finish, Qt.MouseButton.LeftButton)
    assert screen.flow.current.name == "home"


def test_a_walk_in_service_is_never_an_empty_page(qtbot, backend, site, screen_parts):
    """A service without a bookable channel offers the bookable ones instead of nothing."""
    k, flow, tr, _ = screen_parts
    screen, session = make_screen(qtbot, screen_parts)
    session.open(ANNA, time.monotonic())
    screen.enter(Place("booking", {"service_id": "peer-group"}))  # a web channel only
    from ui.screens.booking import SERVICE_PAGE
    assert screen.pages.currentIndex() == SERVICE_PAGE and screen.service_note.isVisible()
    assert screen.service_list.isVisible() and screen.no_services.isHidden()
    screen.enter(Place("booking", {"service_id": "peer-group", "context": "follow_up"}))
    assert screen.service_heading.text() == "Mihin palveluun jatkoaika varataan?"
    assert not screen.my_bookings.isVisible()  # the resident is at the nurse's desk, booking the follow-up


def test_my_bookings_offline_says_why_instead_of_asking_for_a_key_that_cannot_work(qtbot, screen_parts):
    from ui.screens.my_bookings import MyBookingsScreen

    k, flow, tr, metrics = screen_parts
    session = KioskSession()
    needed = []
    session.on_key_needed(needed.append)
    screen = MyBookingsScreen(flow=flow, tr=tr, metrics=metrics, catalogue=k.desk._catalogue, desk=k.desk,
                              session=session, online=lambda: False)
    qtbot.addWidget(screen)
    screen.show()
    screen.enter(Place("my_bookings"))
    assert needed == [] and screen.notice.isVisible() and screen.status.isHidden()
    assert screen.notice.text().startswith("Kioskilla ei ole nyt yhteyttä")
    session.open(ANNA, time.monotonic())  # identified while still online: the list is the kiosk's own
    screen.enter(Place("my_bookings"))
    qtbot.waitUntil(lambda: screen.bookings is not None, timeout=10_000)
    assert screen.notice.isHidden()
