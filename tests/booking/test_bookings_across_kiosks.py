"""A booking made at kiosk A, seen and cancelled in "my bookings" at kiosk B of the same site
(issue 17), end to end against the REAL reference backend on SQLite and PostgreSQL: B lists it
through the backend, cancels it online, and A's check-in refuses it after A's next pull. The
backend lets only the booker cancel another kiosk's booking; offline B shows what it pulled
and refuses to cancel it rather than promise what it cannot keep.

The slots are tomorrow at 10-14 Helsinki time (the pulled window, whatever the hour); the
check-in desk's clock is the test's."""

from __future__ import annotations

import time
import uuid
from datetime import datetime, timedelta, timezone

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select

from kiosk import outbox
from kiosk.booking import CANCELLED, SITE, BookingError
from kiosk.checkin import CANCELLED_OUTCOME, CheckInDesk, CheckInRule
from kiosk.queue import WalkInQueue, lines_from_channels
from kiosk.storage.booking_models import BookingRecord
from kiosk.storage.models import OutboxItem
from sync.server.models import BookingCancellation, Slot
from tests.booking.conftest import CHANNEL, SERVICE, Clock, ten_oclock


@pytest.fixture(scope="module")
def backend(any_backend):
    return any_backend


@pytest.fixture
def slots_start() -> datetime:
    return ten_oclock(1)   # tomorrow: the day site bookings are pulled for



def book(k, subject: str, slot: str):
    return k.desk.book(subject=subject, service_id=SERVICE, channel_id=CHANNEL, slot_id=slot, language="sv")


def card_texts(card) -> list[str]:
    return [lab.text() for lab in card.lines if not lab.isHidden()]


@pytest.fixture
def hanging_url():
    """A real socket that takes connections and never answers: a network that hangs."""
    import socket
    import threading

    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    held, stop = [], threading.Event()

    def take() -> None:
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                held.append(server.accept()[0])
            except OSError:
                continue

    taker = threading.Thread(target=take, daemon=True)
    taker.start()
    yield f"http://127.0.0.1:{server.getsockname()[1]}"
    stop.set()
    taker.join()
    for c in held:
        c.close()
    server.close()


def my_bookings_screen(qtbot, k, lang="sv"):
    from kiosk.flow import KioskFlow
    from kiosk.identity.session import KioskSession
    from ui.i18n import Translator
    from ui.screens.my_bookings import MyBookingsScreen
    from ui.theme import LIGHT, metrics_for, stylesheet

    metrics = metrics_for("1280x800")
    flow = KioskFlow()
    flow.add_place("my_bookings")
    session = KioskSession()
    screen = MyBookingsScreen(flow=flow, tr=Translator(lang), metrics=metrics, catalogue=k.desk._catalogue,
                              desk=k.desk, session=session)
    screen.setStyleSheet(stylesheet(LIGHT, metrics))
    screen.resize(1280, 700)
    qtbot.addWidget(screen)
    screen.show()
    return screen, session


def test_booked_at_a_listed_and_cancelled_at_b_and_refused_at_as_check_in(make_kiosk, backend, site, slots_start):
    a, b = make_kiosk("kiosk-a"), make_kiosk("kiosk-b")
    mine = book(a, "resident-x", "mv-a")
    theirs = book(a, "resident-y", "mv-b")
    own_at_b = book(b, "resident-x", "mv-c")

    listed = b.desk.resident_bookings("resident-x")
    assert listed.everywhere
    assert [(x.id, x.origin) for x in listed.bookings] == [(mine.id, SITE), (own_at_b.id, "own")]
    assert [x.made_elsewhere for x in listed.bookings] == [True, False] and not listed.unreachable
    # What B holds itself, without asking: its own booking (A's is not pulled yet).
    known = b.desk.known_bookings("resident-x")
    assert [x.id for x in known.bookings] == [own_at_b.id] and not known.everywhere
    b.sync()  # now A's is pulled (tomorrow is within the window), named by its keyed hash
    assert [(x.id, x.made_elsewhere) for x in b.desk.known_bookings("resident-x").bookings] == [
        (mine.id, True), (own_at_b.id, False)]
    assert listed.bookings[0].ref == mine.ref and listed.bookings[0].language == "sv"
    assert [x.id for x in b.desk.resident_bookings("resident-y").bookings] == [theirs.id]

    # Only the booker: B refuses another resident's, and so does the backend if asked directly.
    with pytest.raises(BookingError) as err:
        b.desk.cancel(subject="resident-y", booking_id=mine.id)
    assert err.value.code == "unknown_booking"
    forged = b.remote.push({"id": str(uuid.uuid4()), "kind": "booking_cancel",
                            "created_at": datetime.now(timezone.utc).isoformat(),
                            "payload": {"booking_item_id": mine.id, "reason": "resident", "subject": "resident-y"}})
    assert forged["status"] == "rejected" and forged["reason"] == "unknown_booking"

    cancelled = b.desk.cancel(subject="resident-x", booking_id=mine.id)
    assert cancelled.id == mine.id and cancelled.state == CANCELLED
    with backend.sessions() as s:
        assert s.get(BookingCancellation, mine.id) is not None
        assert s.get(Slot, (site, "mv-a")).booked == 0  # the place is free for others at once
    assert [x.id for x in b.desk.resident_bookings("resident-x").bookings] == [own_at_b.id]
    with b.db.sessions() as s:  # B keeps what it sent, delivered: the worker never sends it again
        [sent] = s.scalars(select(OutboxItem).where(OutboxItem.kind == "booking_cancel"))
        assert sent.state == outbox.DELIVERED and sent.payload["booking_item_id"] == mine.id
    with pytest.raises(BookingError) as err:
        b.desk.cancel(subject="resident-x", booking_id=mine.id)  # twice: no longer hers to cancel
    assert err.value.code == "unknown_booking"

    # A learns it at its next pull: every route of its check-in refuses the booking.
    a.sync()
    with a.db.sessions() as s:
        assert s.get(BookingRecord, mine.id).state == CANCELLED
    clock = Clock(slots_start - timedelta(minutes=5))
    queue = WalkInQueue(a.db, lines_from_channels([(CHANNEL, SERVICE)]), now=clock, outbox=outbox.record)
    desk = CheckInDesk(a.db, queue, a.desk, rule=CheckInRule(early_min=30, late_min=10), now=clock)
    [by_ref] = desk.find(ref=mine.ref)
    [by_qr] = desk.find(qr=a.desk.status_url(mine))
    assert by_ref.id == by_qr.id == mine.id
    assert desk.check_in(mine.id).outcome == CANCELLED_OUTCOME and queue.waiting() == []
    # By key: only her booking made at B (pulled by A) can still be checked in, not the cancelled one.
    assert [x.id for x in desk.find(subject="resident-x")] == [own_at_b.id]
    assert a.desk.my_bookings("resident-x") == []


def test_offline_b_shows_the_pulled_booking_but_does_not_promise_to_cancel_it(make_kiosk, backend, site):
    a, b = make_kiosk("off-a"), make_kiosk("off-b")
    made = book(a, "resident-z", "mv-d")
    b.sync()  # pulls the site's bookings of today and tomorrow
    b.go_offline()
    listed = b.desk.resident_bookings("resident-z")
    assert not listed.everywhere and [x.id for x in listed.bookings] == [made.id]
    assert b.desk.resident_bookings("resident-nobody").bookings == []
    with pytest.raises(BookingError) as err:
        b.desk.cancel(subject="resident-z", booking_id=made.id)
    assert err.value.code == "needs_connection"
    with b.db.sessions() as s:
        assert s.get(BookingRecord, made.id).state == "confirmed"
        assert list(s.scalars(select(OutboxItem).where(OutboxItem.kind == "booking_cancel"))) == []
    with backend.sessions() as s:
        assert s.get(BookingCancellation, made.id) is None


@pytest.mark.gui
def test_my_bookings_at_b_shows_and_cancels_a_booking_made_at_a(qtbot, make_kiosk, backend, site, tmp_path):
    from kiosk.flow import KioskFlow, Place
    from kiosk.identity.keys import Identity
    from kiosk.identity.session import KioskSession
    from ui.i18n import Translator
    from ui.screens.my_bookings import MyBookingsScreen
    from ui.theme import LIGHT, metrics_for, stylesheet

    a, b = make_kiosk("screen-a"), make_kiosk("screen-b")
    first = book(a, "subject-anna", "mv-b")
    second = book(a, "subject-anna", "mv-e")
    metrics = metrics_for("1920x1080")
    flow = KioskFlow()
    flow.add_place("my_bookings")
    session = KioskSession()
    screen = MyBookingsScreen(flow=flow, tr=Translator("sv"), metrics=metrics, catalogue=b.desk._catalogue,
                              desk=b.desk, session=session)
    screen.setStyleSheet(stylesheet(LIGHT, metrics))
    screen.resize(1920, 1000)
    qtbot.addWidget(screen)
    screen.show()
    screen.enter(Place("my_bookings"))
    session.open(Identity(key="card", subject="subject-anna", name="Anna"), time.monotonic())
    qtbot.waitUntil(lambda: len(screen.cards) == 2 and not screen.asking, timeout=10_000)
    assert [c.booking.id for c in screen.cards] == [first.id, second.id]
    # Made at A: each card says so, in the screen's language (the resident may not remember).
    assert all("Bokad på en annan kiosk" in card_texts(c) for c in screen.cards)
    qtbot.waitUntil(lambda: screen.cards[0].isVisible())
    assert screen.grab().save(str(tmp_path / "my-bookings-made-elsewhere-sv.png"))
    card = screen.cards[0]
    qtbot.mouseClick(card.cancel, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(card.cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(screen.cards) == 1, timeout=10_000)
    assert screen.notice.text() == "Bokningen är avbokad."
    with backend.sessions() as s:
        assert s.get(BookingCancellation, first.id) is not None

    # Offline: the pulled booking is still shown; Cancel says why it cannot be done now.
    b.sync()
    b.go_offline()
    screen.enter(Place("my_bookings"))
    qtbot.waitUntil(lambda: len(screen.cards) == 1 and not screen.asking, timeout=10_000)
    assert screen.notice.text().startswith("Vi fick ingen kontakt med stadens system.")
    card = screen.cards[0]
    assert card.booking.id == second.id
    qtbot.mouseClick(card.cancel, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(card.cancel, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: screen.notice.text().startswith("Den här bokningen"), timeout=10_000)
    assert screen.notice.text().startswith("Den här bokningen gjordes på en annan kiosk.")
    assert [c.booking.id for c in screen.cards] == [second.id]
    with backend.sessions() as s:
        assert s.get(BookingCancellation, second.id) is None


def test_cancelled_at_a_and_at_b_at_once_frees_the_place_once(make_kiosk, backend, site):
    """The booker's kiosk and another kiosk send a cancellation of one booking at the same
    moment (different item ids): one cancellation is stored and the place's count goes down
    by one, never twice (on PostgreSQL as on SQLite)."""
    import threading
    from concurrent.futures import ThreadPoolExecutor

    a, b = make_kiosk("race-a"), make_kiosk("race-b")
    other = book(a, "resident-w", "mv-e")       # someone else keeps a place in the same slot
    made = book(b, "resident-v", "mv-e")
    with backend.sessions() as s:
        before = s.get(Slot, (site, "mv-e")).booked
    start = threading.Barrier(2)

    def cancel(k, subject):
        start.wait(5)
        return k.remote.push({"id": str(uuid.uuid4()), "kind": "booking_cancel",
                              "created_at": datetime.now(timezone.utc).isoformat(),
                              "payload": {"booking_item_id": made.id, "reason": "resident", "subject": subject}})

    with ThreadPoolExecutor(2) as pool:
        answers = list(pool.map(lambda args: cancel(*args), [(b, "resident-v"), (a, "resident-v")]))
    assert all(x["status"] in ("accepted", "duplicate", "rejected") for x in answers), answers
    assert any(x["status"] == "accepted" for x in answers), answers
    with backend.sessions() as s:
        assert s.get(BookingCancellation, made.id) is not None
        assert s.get(Slot, (site, "mv-e")).booked == before - 1, answers
    assert other.id != made.id


@pytest.mark.gui
@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_my_bookings_on_a_hanging_network_shows_what_the_kiosk_knows_at_once(qtbot, make_kiosk, backend, site,
                                                                             hanging_url, tmp_path, lang):
    """The backend's list waited for the remote's whole timeout before the screen showed
    anything. Now the booking made here shows at once, a line says the others are being
    fetched, and when the backend does not answer a line says so; nothing shown goes away."""
    from kiosk.flow import Place
    from kiosk.identity.keys import Identity
    from sync.booking_client import BookingRemote

    a, b = make_kiosk(f"hang-a-{lang}"), make_kiosk(f"hang-b-{lang}")
    here = book(b, "subject-hanna", "mv-a")
    book(a, "subject-hanna", "mv-b")   # made at A: only the backend can tell B of it (pulled later)
    timeout_s = 8.0  # long enough that a loaded CI machine still draws the card before the remote gives up
    b.desk.remote = BookingRemote(hanging_url, data_dir=b.data_dir, timeout_s=timeout_s)
    try:
        screen, session = my_bookings_screen(qtbot, b, lang)
        screen.enter(Place("my_bookings"))
        asked = time.monotonic()
        session.open(Identity(key="card", subject="subject-hanna", name="Hanna"), time.monotonic())
        qtbot.waitUntil(lambda: len(screen.cards) == 1 and screen.cards[0].isVisible(),
                        timeout=int(timeout_s * 1000))
        # Shown while the backend is still being asked: not after its answer or its timeout.
        assert screen.asking and time.monotonic() - asked < timeout_s * 0.9
        assert screen.cards[0].booking.id == here.id
        t = screen.tr_.t
        assert screen.status.isVisible() and screen.status.text() == t("my_bookings.loading_elsewhere")
        assert t("my_bookings.made_elsewhere") not in card_texts(screen.cards[0])   # made here
        assert screen.grab().save(str(tmp_path / f"my-bookings-hanging-{lang}.png"))
        qtbot.waitUntil(lambda: not screen.asking, timeout=int(timeout_s * 1000) * 3)
        assert time.monotonic() - asked >= timeout_s * 0.9   # it was the backend's timeout, not an answer
        assert screen.notice.isVisible() and screen.notice.text() == t("my_bookings.unreachable")
        assert [c.booking.id for c in screen.cards] == [here.id] and not screen.status.isVisible()
        assert screen.grab().save(str(tmp_path / f"my-bookings-unreachable-{lang}.png"))
    finally:
        b.desk.remote.close()
        b.go_online()
