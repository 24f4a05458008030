"""The priority questions in the real window (issue 17): after a walk-in number on a line that
asks them, one or two yes/no questions; a yes gives the ticket a priority class (and only the
class code leaves the screen), skip changes nothing, and back on the ticket the place shown
is the new one. Input goes through the window as a device sends it. Screenshots in fi and sv
at both sizes go to $H6_SHOTS when it is set."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from sqlalchemy import select

from kiosk.config import load_config
from kiosk.queue_order import INFANT, NEEDS_HELP, NORMAL
from kiosk.storage.models import OutboxItem
from tests.ui.conftest import background_done, settle

pytestmark = pytest.mark.gui


@pytest.fixture
def priority_window(make_window, db, catalogue, tmp_path):
    from ui.services import build_services
    from ui.wiring import attach_queue

    def make(asking: str = '["health-walkin"]', resolution: str = "1920x1080", language: str = "fi"):
        device = tmp_path / f"device-{resolution}-{language}.toml"
        device.write_text(f'[device]\ndata_dir = "{(tmp_path / "data").as_posix()}"\n'
                          f'[queue]\nlines = ["health-walkin"]\nprinter = ""\npriority_questions = {asking}\n',
                          encoding="utf-8")
        config = load_config(device)
        w = make_window(resolution=resolution)
        if language != "fi":
            w.translator.set_language(language)
        services = build_services(config, db, catalogue, sync=False)
        attach_queue(w, services)
        return w, services

    return make


def tap(qtbot, window, widget) -> None:
    QTest.mouseClick(window.windowHandle(), Qt.MouseButton.LeftButton,
                     pos=widget.mapTo(window, widget.rect().center()))
    background_done(qtbot)
    settle(qtbot)


def take_number(qtbot, window):
    window.flow.go("queue")
    screen = window.current_screen()
    tap(qtbot, window, screen.tiles["health-walkin"])
    return screen


def priorities(db) -> list[int]:
    from kiosk.storage.queue_models import QueueTicketRecord

    with db.sessions() as s:
        return [r.priority for r in s.scalars(select(QueueTicketRecord).order_by(QueueTicketRecord.number))]


def test_a_yes_moves_the_ticket_ahead_and_only_the_class_is_kept(qtbot, priority_window, db):
    window, services = priority_window()
    first = take_number(qtbot, window)  # someone already waits
    assert window.flow.current.name == "priority"
    tap(qtbot, window, window.current_screen().skip)
    assert window.flow.current.name == "queue" and first.number.text() == "A001"
    window.reset_for_next_person()  # the next person walks up

    queue_screen = take_number(qtbot, window)
    assert queue_screen.number.text() == "A002"
    screen = window.current_screen()
    assert window.flow.current.name == "priority"
    assert screen.question.text() == "Tarvitsetko apua liikkumisessa, esimerkiksi päästäksesi huoneeseen?"
    assert screen.position.text() == "Kysymys 1/2"
    tap(qtbot, window, screen.yes)
    assert screen.question.text() == "Onko mukanasi alle 1-vuotias vauva?"
    tap(qtbot, window, screen.no)
    # Back on the ticket, which now says the place the answer gave: ahead of A001.
    assert window.flow.current.name == "queue"
    qtbot.waitUntil(lambda: queue_screen.ahead.text() == "Olet seuraavana vuorossa", timeout=5000)
    assert priorities(db) == [NORMAL, NEEDS_HELP]
    with db.sessions() as s:
        sent = [i.payload for i in s.scalars(select(OutboxItem).where(OutboxItem.kind == "queue_ticket"))]
    assert [p["event"] for p in sent][-1] == "priority" and sent[-1]["priority"] == NEEDS_HELP
    assert not any("moving" in str(p) or "infant" in str(p) for p in sent)  # the answers stay on the screen


def test_skip_and_no_leave_the_ticket_as_it_was_and_a_line_that_does_not_ask_goes_straight_on(
        qtbot, priority_window, db):
    window, _ = priority_window()
    take_number(qtbot, window)
    screen = window.current_screen()
    tap(qtbot, window, screen.no)
    tap(qtbot, window, screen.no)
    assert window.flow.current.name == "queue" and priorities(db) == [NORMAL]

    other, _ = priority_window(asking="[]")
    take_number(qtbot, other)
    assert other.flow.current.name == "queue" and "priority" not in other.built_screens()


def test_an_infant_only(qtbot, priority_window, db):
    window, _ = priority_window()
    take_number(qtbot, window)
    screen = window.current_screen()
    tap(qtbot, window, screen.no)
    tap(qtbot, window, screen.yes)
    assert priorities(db) == [INFANT]


@pytest.mark.parametrize("language", ["fi", "sv"])
@pytest.mark.parametrize("resolution", ["1920x1080", "1280x800"])
def test_the_questions_fit_the_screen(qtbot, priority_window, language, resolution):
    window, _ = priority_window(resolution=resolution, language=language)
    take_number(qtbot, window)
    screen = window.current_screen()
    assert window.flow.current.name == "priority"
    for w in (screen.question, screen.yes, screen.no, screen.skip, screen.privacy):
        assert w.isVisible() and w.visibleRegion().boundingRect().size() == w.size(), w.objectName()
    assert screen.yes.height() >= window.metrics.tile_px
    if os.environ.get("H6_SHOTS"):
        out = Path(os.environ["H6_SHOTS"])
        out.mkdir(parents=True, exist_ok=True)
        window.grab().save(str(out / f"priority-{language}-{resolution}.png"))


def test_after_a_check_in_the_questions_come_and_the_appointment_keeps_its_ticket(qtbot, make_window, db, catalogue,
                                                                                 tmp_path):
    from dataclasses import replace
    from datetime import datetime, timedelta, timezone

    from kiosk import outbox
    from kiosk.booking import BookingDesk
    from kiosk.checkin import CheckInDesk, CheckInRule
    from kiosk.queue import WalkInQueue, lines_from_channels
    from kiosk.storage.models import SlotRecord
    from ui.services import build_services
    from ui.wiring import attach_checkin, attach_queue

    slot_at = datetime(2026, 12, 3, 8, 0, tzinfo=timezone.utc)  # the desk's clock is the test's
    clock = {"now": slot_at - timedelta(days=1)}
    now = lambda: clock["now"]  # noqa: E731
    device = tmp_path / "device-checkin-priority.toml"
    device.write_text(f'[device]\ndata_dir = "{(tmp_path / "data").as_posix()}"\n'
                      f'[queue]\nlines = ["health-walkin"]\nprinter = ""\npriority_questions = ["*"]\n',
                      encoding="utf-8")
    config = load_config(device)
    window = make_window()
    services = build_services(config, db, catalogue, sync=False)
    with db.sessions.begin() as s:
        s.add(SlotRecord(id="mv-0", channel_id="maternity-visit", starts_at=slot_at,
                         ends_at=slot_at + timedelta(minutes=45), capacity=2, booked=0))
    bookings = BookingDesk(db, catalogue, remote=None, now=now)
    queue = WalkInQueue(db, lines_from_channels([("health-walkin", "health-station"),
                                                 ("maternity-visit", "maternity-clinic")]), now=now,
                        outbox=outbox.record)
    desk = CheckInDesk(db, queue, bookings, rule=CheckInRule(early_min=30, late_min=10), now=now)
    services = replace(services, checkin=desk, queue=queue, booking=bookings, now=now)
    attach_queue(window, services)
    attach_checkin(window, services)
    booked = bookings.book(subject="resident-1", service_id="maternity-clinic", channel_id="maternity-visit",
                           slot_id="mv-0", language="fi")
    clock["now"] = slot_at - timedelta(minutes=5)

    window.flow.go("checkin")
    checkin = window.current_screen()
    tap(qtbot, window, checkin.tiles["ref"])
    checkin.ref_field.setText(booked.ref)
    tap(qtbot, window, checkin.find_button)
    background_done(qtbot)
    settle(qtbot)
    assert window.flow.current.name == "priority"
    screen = window.current_screen()
    tap(qtbot, window, screen.no)
    tap(qtbot, window, screen.yes)  # a baby with them
    assert window.flow.current.name == "checkin"
    assert checkin.number.isVisible() and checkin.number.text() == checkin.result.ticket.label
    assert queue.ticket(checkin.result.ticket.id).priority == INFANT
