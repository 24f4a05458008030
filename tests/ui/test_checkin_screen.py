"""I have an appointment, in the real window (issue 17): the home tile, the reference typed
on the screen's keyboard, a QR code from the reader, the ticket with room and wait, the
printed ticket, and the outcomes that are not a check-in, each with its way on."""

from __future__ import annotations

import os
from dataclasses import replace
from datetime import datetime, timedelta, timezone

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from kiosk import outbox
from kiosk.booking import BookingDesk
from kiosk.checkin import CheckInDesk, CheckInRule, Place
from kiosk.config import load_config
from kiosk.queue import WalkInQueue, lines_from_channels
from kiosk.storage.models import OutboxItem, SlotRecord
from tests.ui.conftest import background_done, settle

pytestmark = pytest.mark.gui

# 10:00 in Helsinki; the kiosk's check-in clock is the test's, so any hour will do.
SLOT_AT = datetime(2026, 12, 3, 8, 0, tzinfo=timezone.utc)


@pytest.fixture
def checkin_window(make_window, db, catalogue, tmp_path):
    from ui.services import build_services
    from ui.wiring import attach_checkin, attach_queue

    def make(resolution="1920x1080", printer="", session=None):
        device = tmp_path / "device-checkin.toml"
        device.write_text(f'[device]\ndata_dir = "{(tmp_path / "data").as_posix()}"\n'
                          f'[queue]\nlines = ["health-walkin"]\nprinter = "{printer}"\n', encoding="utf-8")
        config = load_config(device)
        w = make_window(resolution=resolution)
        services = build_services(config, db, catalogue, sync=False)
        clock = {"now": SLOT_AT - timedelta(days=1)}
        now = lambda: clock["now"]  # noqa: E731
        with db.sessions.begin() as s:
            for n in range(3):
                start = SLOT_AT + timedelta(hours=n)
                s.add(SlotRecord(id=f"mv-{n}", channel_id="maternity-visit", starts_at=start,
                                 ends_at=start + timedelta(minutes=45), capacity=2, booked=0))
        bookings = BookingDesk(db, catalogue, remote=None, now=now)
        # The maternity clinic's visits queue on a line of their own here (config lines name
        # walk-in channels only, so the test composes this one itself).
        queue = WalkInQueue(db, lines_from_channels([("health-walkin", "health-station"),
                                                     ("maternity-visit", "maternity-clinic")]),
                            now=now, outbox=outbox.record)
        desk = CheckInDesk(db, queue, bookings, rule=CheckInRule(early_min=30, late_min=10),
                           places={"maternity-visit": Place("204", "2")}, now=now)
        services = replace(services, checkin=desk, queue=queue, booking=bookings, now=now,
                           session=session or services.session)
        attach_queue(w, services)
        attach_checkin(w, services)
        if session is not None:
            w.guard_staff_places(role=lambda: session.identity.role, ask_staff_key=lambda place: None)
        return w, services, clock

    return make


def book(services, slot="mv-0"):
    return services.booking.book(subject="resident-1", service_id="maternity-clinic", channel_id="maternity-visit",
                                 slot_id=slot, language="fi")


def tap(qtbot, widget):
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
    background_done(qtbot)


def type_on_keyboard(qtbot, screen, text: str) -> None:
    for ch in text.lower():
        if ch == "-":
            continue
        tap(qtbot, screen.keyboard.keys[ch])


@pytest.mark.parametrize("lang", ["fi", "sv"])
@pytest.mark.parametrize("resolution", ["1920x1080", "1280x800"])
def test_home_tile_reference_on_the_keyboard_gives_number_room_and_wait(qtbot, checkin_window, db, tmp_path, lang,
                                                                        resolution):
    printer = tmp_path / "printer.bin"
    window, services, clock = checkin_window(resolution, printer=str(printer))
    window.translator.set_language(lang)
    b = book(services)
    clock["now"] = SLOT_AT - timedelta(minutes=15)
    home = window.screen("home")
    home.retranslate()
    window.grab().save(str(tmp_path / f"home-{lang}-{resolution}.png"))
    tap(qtbot, home.tiles["checkin"])
    screen = window.current_screen()
    assert window.flow.current.name == "checkin"
    window.grab().save(str(tmp_path / f"checkin-choose-{lang}-{resolution}.png"))
    tap(qtbot, screen.tiles["ref"])
    type_on_keyboard(qtbot, screen, b.ref)
    window.grab().save(str(tmp_path / f"checkin-ref-{lang}-{resolution}.png"))
    tap(qtbot, screen.find_button)
    settle(qtbot)
    assert screen.number.text() == "B001" and screen.number.isVisible()
    room = {"fi": "Huone 204, 2. kerros", "sv": "Rum 204, våning 2"}[lang]
    assert screen.room.text() == room
    assert screen.message.text() == window.translator.t("checkin.outcome.checked_in")
    assert screen.wait.text() == window.translator.t("queue.next")
    assert screen.qr.isVisible() and screen.qr.accessibleName() == window.translator.t("queue.follow_phone")
    window.grab().save(str(tmp_path / f"checkin-ticket-{lang}-{resolution}.png"))
    # 20 s: the first ticket of a process imports python-escpos, slow on a busy machine
    qtbot.waitUntil(lambda: screen.print_note.text() == window.translator.t("queue.printed"), timeout=20000)
    # The paper read back: the number, the service, room and floor, the wait, the booked
    # time and the QR code to follow the turn (tests/escpos_paper.py).
    from tests.escpos_paper import decode, image_folder, paint
    paper = decode(printer.read_bytes())
    assert paper.line("B001").width == 8 and paper.line(room).width == 2
    assert window.translator.t("queue.next") in paper.texts
    assert any("10.00" in text for text in paper.texts)  # the booked time
    assert len(paper.qr_codes) == 1 and "/api/v1/queue/tickets/" in paper.qr_codes[0].payload
    assert window.translator.t("queue.follow_phone") in paper.texts
    assert paper.cut
    paint(paper, str(image_folder(tmp_path) / f"ticket-checkin-{lang}-{resolution}.png"))
    with db.sessions() as s:
        kinds = [i.kind for i in s.scalars(select(OutboxItem).order_by(OutboxItem.created_at))]
    assert kinds.count("booking_checkin") == 1
    tap(qtbot, screen.action_buttons["done"])
    assert window.flow.current.name == "home"


def test_qr_from_the_reader_and_the_outcomes_that_are_not_a_check_in(qtbot, checkin_window):
    window, services, clock = checkin_window()
    early = book(services, "mv-2")  # 12:00
    clock["now"] = SLOT_AT  # 10:00: two hours early
    window.flow.go("checkin")
    screen = window.current_screen()
    tap(qtbot, screen.tiles["scan"])
    assert screen.scan_field.hasFocus() or screen.pages.currentIndex() == 1
    # The reader types the confirmation's QR text and Enter.
    qtbot.keyClicks(screen.scan_field, f"Varaustunnus: {early.ref}\nhttps://x.example/api/v1/booking/status/"
                                       f"{early.id}?lang=fi".replace("\n", " "))
    qtbot.keyClick(screen.scan_field, Qt.Key.Key_Return)
    background_done(qtbot)
    background_done(qtbot)
    settle(qtbot)
    assert screen.message.text() == ("Olet etuajassa. Voit ilmoittautua klo 11.30 alkaen. Tähän palveluun voi "
                                     "ilmoittautua aikaisintaan 30 minuuttia ennen varattua aikaa.")
    assert not screen.number.isVisible()
    assert screen.action_buttons["take_number"].isVisible() and not screen.action_buttons["book_again"].isVisible()
    tap(qtbot, screen.action_buttons["take_number"])
    assert window.flow.current.name == "queue"
    # An unknown reference: said so, with Try again.
    window.flow.home()
    window.flow.go("checkin")
    screen = window.current_screen()
    tap(qtbot, screen.tiles["ref"])
    type_on_keyboard(qtbot, screen, "ZZZZZZZZ")
    tap(qtbot, screen.find_button)
    background_done(qtbot)
    settle(qtbot)
    assert screen.message.text().startswith("Varausta ei löytynyt.")
    assert screen.action_buttons["again"].isVisible()


@pytest.mark.parametrize("lang", ["fi", "sv"])
@pytest.mark.parametrize("resolution", ["1920x1080", "1280x800"])
def test_too_early_and_too_late_say_the_services_minutes(qtbot, checkin_window, tmp_path, lang, resolution):
    window, services, clock = checkin_window(resolution)
    window.translator.set_language(lang)
    early, late = book(services, "mv-2"), book(services, "mv-0")
    t = window.translator.t
    shots = os.environ.get("H6_SHOTS") or str(tmp_path)
    for booking, now, words in ((early, SLOT_AT, t("checkin.rule.early", count=30)),
                                (late, SLOT_AT + timedelta(minutes=25), t("checkin.rule.late", count=10))):
        clock["now"] = now
        window.flow.home()
        window.flow.go("checkin")
        screen = window.current_screen()
        tap(qtbot, screen.tiles["ref"])
        type_on_keyboard(qtbot, screen, booking.ref)
        tap(qtbot, screen.find_button)
        settle(qtbot)
        assert words in screen.message.text() and screen.message.isVisible()
        assert screen.message.visibleRegion().boundingRect().size() == screen.message.size()
        window.grab().save(os.path.join(shots, f"checkin-{'early' if booking is early else 'late'}-{lang}-"
                                               f"{resolution}.png"))
        screen.clear()


@pytest.mark.parametrize("lang", ["fi", "sv"])
@pytest.mark.parametrize("resolution", ["1920x1080", "1280x800"])
def test_nurse_desk_shows_todays_appointments_lets_a_late_one_in_and_records_a_no_show(
        qtbot, checkin_window, db, tmp_path, lang, resolution):
    from tests.ui.test_queue_screens import NURSE, StaffSession

    window, services, clock = checkin_window(resolution, session=StaffSession(NURSE))
    window.translator.set_language(lang)
    on_time, late, gone = book(services, "mv-0"), book(services, "mv-1"), book(services, "mv-2")
    clock["now"] = SLOT_AT - timedelta(minutes=5)
    services.checkin.check_in(on_time.id)
    services.queue.take_number("health-walkin")  # a walk-in beside the appointment
    clock["now"] = SLOT_AT + timedelta(hours=1, minutes=20)
    assert services.checkin.check_in(late.id).outcome == "late"
    window.flow.go("staff_queue")
    background_done(qtbot)
    settle(qtbot)
    desk = window.current_screen()
    tr = window.translator
    rows = {lab.objectName(): lab.text() for lab in desk.appointments_box.findChildren(type(desk.why))
            if lab.objectName().startswith("appointment-")}
    assert tr.t("staff_queue.appt.arrived") in rows[f"appointment-{on_time.ref}"]
    assert tr.t("staff_queue.appt.late") in rows[f"appointment-{late.ref}"]
    assert tr.t("staff_queue.appt.not_yet") in rows[f"appointment-{gone.ref}"]
    assert desk.why.text().startswith(tr.t("staff_queue.why_heading"))
    window.grab().save(str(tmp_path / f"desk-{lang}-{resolution}.png"))
    accept = desk.findChild(type(desk.identify), f"accept-late-{late.ref}")
    tap(qtbot, accept)
    settle(qtbot)
    assert [a.status for a in services.checkin.appointments_today()] == ["arrived", "accepted", "not_yet"]
    clock["now"] = SLOT_AT + timedelta(hours=2, minutes=30)
    desk._refresh()
    background_done(qtbot)
    settle(qtbot)
    tap(qtbot, desk.findChild(type(desk.identify), f"no-show-{gone.ref}"))
    settle(qtbot)
    assert services.checkin.appointments_today()[2].status == "no_show"
    with db.sessions() as s:
        events = [i.payload["event"] for i in s.scalars(select(OutboxItem).where(OutboxItem.kind == "booking_checkin")
                                                        .order_by(OutboxItem.created_at))]
    assert events == ["arrived", "arrived_late", "late_accepted", "no_show"]
    window.grab().save(str(tmp_path / f"desk-after-{lang}-{resolution}.png"))


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_by_key_a_cancelled_booking_is_not_offered_and_alone_it_says_it_was_cancelled(qtbot, checkin_window, lang):
    import time

    from kiosk.identity.keys import Identity

    window, services, clock = checkin_window("1280x800")
    window.translator.set_language(lang)
    gone, later = book(services, "mv-0"), book(services, "mv-1")  # 10:00 and 11:00
    services.booking.cancel(subject="resident-1", booking_id=gone.id)
    clock["now"] = SLOT_AT - timedelta(minutes=10)
    services.session.open(Identity(key="card", subject="resident-1", name="Resident"), time.monotonic())
    window.flow.go("checkin")
    screen = window.current_screen()
    tap(qtbot, screen.tiles["key"])
    background_done(qtbot)
    settle(qtbot)
    # Straight to the one that can be checked in (no picker with the cancelled one in it).
    assert screen.result is not None and screen.result.booking.id == later.id
    assert screen.pages.currentIndex() == 4 and screen.pick_tiles == []

    services.booking.cancel(subject="resident-1", booking_id=later.id)
    window.flow.home()
    window.flow.go("checkin")
    screen = window.current_screen()
    tap(qtbot, screen.tiles["key"])
    background_done(qtbot)
    settle(qtbot)
    assert screen.message.text() == {"fi": "Tämä varaus on peruttu. Voit varata uuden ajan.",
                                     "sv": "Den här bokningen är avbokad. Du kan boka en ny tid."}[lang]
    assert not screen.number.isVisible() and screen.action_buttons["book_again"].isVisible()
