"""A service card's "book here" button: whether a channel has a free time is read on the
runner's database thread, never on the GUI thread, and the button follows the answer."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtWidgets import QPushButton

from tests.ui.conftest import settle

pytestmark = pytest.mark.gui


@pytest.fixture
def slot_reads():
    """The threads on which the slots table was read while the test ran."""
    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    threads: list[str] = []

    def seen(conn, cursor, statement, parameters, context, executemany) -> None:
        if statement.lstrip().lower().startswith("select") and " slots" in statement.lower():
            threads.append(threading.current_thread().name)
    event.listen(Engine, "before_cursor_execute", seen)
    yield threads
    event.remove(Engine, "before_cursor_execute", seen)


def open_card(qtbot, window, service_id: str):
    window.flow.go("service", service_id=service_id)
    card = window.current_screen()
    # The card is made in slices after its top: on a loaded machine that takes seconds.
    qtbot.waitUntil(lambda: card.complete and card.free_times_known, timeout=20000)
    settle(qtbot)
    return card


def test_the_free_time_check_runs_on_the_database_thread_and_the_button_follows(qtbot, window, slot_reads):
    window.flow.add_place("booking")  # this kiosk books (the screen itself is not needed here)
    card = open_card(qtbot, window, "maternity-clinic")
    book = card.findChild(QPushButton, "book-maternity-visit")
    assert book is not None and book.isVisibleTo(window), "the bookable visit channel has no button"
    assert slot_reads, "nobody asked whether there is a free time"
    assert all(name.startswith("kiosk-db") for name in slot_reads), slot_reads


def test_a_channel_whose_times_are_all_taken_offers_no_booking(qtbot, window, db, slot_reads):
    from sqlalchemy import update

    from kiosk.storage.models import SlotRecord

    with db.sessions.begin() as s:  # the test's own setup: every time of the visit taken
        s.execute(update(SlotRecord).where(SlotRecord.channel_id == "maternity-visit")
                  .values(booked=SlotRecord.capacity))
    window.flow.add_place("booking")
    card = open_card(qtbot, window, "maternity-clinic")
    assert card.findChild(QPushButton, "book-maternity-visit") is None
    assert slot_reads and all(name.startswith("kiosk-db") for name in slot_reads), slot_reads


def test_without_booking_on_this_kiosk_nothing_is_asked(qtbot, window, slot_reads):
    card = open_card(qtbot, window, "maternity-clinic")
    assert card.findChild(QPushButton, "book-maternity-visit") is None
    assert slot_reads == []
