"""The kiosk window with every service attached, as main() builds it."""

from types import SimpleNamespace

import pytest

from kiosk.config import load_config
from tests.backend import free_port
from tests.ui.conftest import background_done

pytestmark = pytest.mark.gui


def click(qtbot, widget):
    """A tap, and the database work it started handed back (the GUI thread never writes)."""
    from PySide6.QtCore import Qt

    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
    background_done(qtbot)


def config_for(tmp_path, backend_url: str, extra: str = ""):
    device = tmp_path / "device-wired.toml"
    device.write_text(f'[device]\ndata_dir = "{(tmp_path / "data").as_posix()}"\n'
                      f'[backend]\nurl = "{backend_url}"\ntimeout_s = 2.0\n'
                      f'[queue]\nlines = ["health-walkin"]\n'
                      f'[video]\non_demand_service = "health-station"\n{extra}', encoding="utf-8")
    return load_config(device)


@pytest.fixture
def wired(qtbot, db, catalogue, tmp_path):
    """make(url) -> (window, kiosk): kiosk is what attach_services returned (ui.wiring.KioskParts:
    the services, the login cover, the bridges); main() builds both the same way."""
    from ui.app import create_window
    from ui.services import build_services
    from ui.wiring import attach_services

    made = []

    def make(backend_url: str, sync: bool = True, extra: str = "", run_worker: bool = False):
        config = config_for(tmp_path, backend_url, extra)
        services = build_services(config, db, catalogue, sync=sync)
        window = create_window(config, catalogue, services=services)
        window.idle_watch.timer.stop()
        kiosk = attach_services(window, services)
        if kiosk.sync_worker is not None:
            if run_worker:
                kiosk.sync_worker.start()  # as main() does
            else:
                kiosk.sync_worker.stop()  # the tests sync by hand
        qtbot.addWidget(window)
        window.show()
        made.append(kiosk)
        return window, kiosk

    yield make
    for kiosk in made:
        kiosk.session_bridge.stop()
        if kiosk.sync_worker is not None:
            kiosk.sync_worker.stop()


def test_every_service_is_a_place_of_the_window(wired):
    window, kiosk = wired("http://127.0.0.1:9")
    for place in ("queue", "staff_queue", "booking", "my_bookings", "feedback", "video", "sync_status"):
        assert window.flow.knows(place), place
    assert kiosk.sync_worker is not None and kiosk.session is not None


def test_the_booking_desks_work_after_a_sync_runs_on_the_sync_thread_not_the_gui(qtbot, wired, backend, site,
                                                                                  kiosk_data, monkeypatch):
    """Issue 13: main() connected BookingDesk.on_sync_status to the bridge's Qt signal, so its
    HTTP (share renewal, cancellations) ran on the GUI thread after every sync."""
    import threading

    from kiosk.booking import BookingDesk

    threads = []
    original = BookingDesk.after_sync

    def after_sync(desk):
        threads.append(threading.current_thread())
        return original(desk)
    monkeypatch.setattr(BookingDesk, "after_sync", after_sync)
    window, kiosk = wired(backend.url, run_worker=True)  # the worker's own thread, as in main()
    qtbot.waitUntil(lambda: bool(threads), timeout=20000)
    qtbot.wait_until(lambda: kiosk.sync_bridge.last_status is not None
                     and kiosk.sync_bridge.last_status.last_sync_at is not None, timeout=20000)
    assert threads[0] is not threading.main_thread()
    assert threads[0].name == "sync-worker"


def test_talk_to_a_nurse_when_no_one_is_on_duty_offers_a_queue_number(qtbot, wired, backend, site, kiosk_data,
                                                                      tmp_path):
    from PySide6.QtCore import Qt

    assert kiosk_data == tmp_path / "data"  # the kiosk's data folder holds the enrolment code
    window, kiosk = wired(backend.url)
    assert kiosk.sync_worker.sync_once().enrolled
    qtbot.mouseClick(window.screen("home").tiles["nurse"], Qt.MouseButton.LeftButton)
    screen = window.current_screen()
    qtbot.waitUntil(lambda: screen._unavailable is not None, timeout=10000)
    assert screen._unavailable == ("no_one_available", ("queue", "booking"))
    screen.alternative_chosen.emit("queue")
    assert window.flow.current.name == "queue"


def test_talk_to_a_nurse_offline_says_so(qtbot, wired):
    window, kiosk = wired(f"http://127.0.0.1:{free_port()}")  # nothing listens there
    window.flow.go("video")
    screen = window.current_screen()
    qtbot.waitUntil(lambda: screen._unavailable is not None, timeout=10000)
    assert screen._unavailable[0] == "offline"


def _confirmed_booking(service_id="maternity-clinic", channel_id="maternity-visit"):
    from datetime import datetime, timedelta, timezone

    from kiosk.booking import CONFIRMED, ONLINE, Booking
    starts = datetime.now(timezone.utc) + timedelta(days=2)
    return Booking(id="b-1", ref="ABCD-EFGH", service_id=service_id, channel_id=channel_id, slot_id="s-1",
                   starts_at=starts, ends_at=starts + timedelta(minutes=30), state=CONFIRMED, route=ONLINE,
                   language="fi")


def _show_done(screen, booking) -> None:
    """The booking screen as it is after a booking was made."""
    screen._booked(screen._generation, booking, None)


def test_done_after_a_booking_does_not_ask_about_a_service_not_received_yet(qtbot, wired):
    """Issue 11: Till början after a confirmation opened feedback on the booked service."""
    from PySide6.QtCore import Qt

    window, kiosk = wired("http://127.0.0.1:9", sync=False)
    window.flow.go("booking")
    booking_screen = window.current_screen()
    _show_done(booking_screen, _confirmed_booking())
    qtbot.mouseClick(booking_screen.finish, Qt.MouseButton.LeftButton)  # Done
    assert window.flow.current.name == "home"
    window.flow.go("booking")
    _show_done(booking_screen, _confirmed_booking())
    qtbot.mouseClick(window.top_bar.home, Qt.MouseButton.LeftButton)  # Till början / Alkuun
    assert window.flow.current.name == "home"
    assert "feedback" not in window.built_screens()


def test_the_signed_in_bar_never_covers_done_on_the_confirmation(qtbot, wired):
    import time

    from kiosk.identity.keys import Identity
    from tests.ui.conftest import settle

    for resolution in ("1920x1080", "1280x800"):
        window, kiosk = wired("http://127.0.0.1:9", sync=False, extra=f'[ui]\nresolution = "{resolution}"\n')
        kiosk.session.open(Identity(key="card", subject="resident-1", name="Maija Meikäläinen"), time.monotonic())
        window.flow.go("booking")
        screen = window.current_screen()
        _show_done(screen, _confirmed_booking())
        settle(qtbot)
        badge = kiosk.session_bridge.badge
        assert badge.isVisible() and screen.finish.isVisible()
        top_left = screen.finish.mapTo(window, screen.finish.rect().topLeft())
        done = screen.finish.rect().translated(top_left)
        bar = badge.geometry() if badge.parentWidget() is window else badge.rect().translated(
            badge.mapTo(window, badge.rect().topLeft()))
        assert not done.intersects(bar), (resolution, done, bar)
        assert window.rect().contains(done)


def test_the_person_in_a_walk_in_visit_shows_their_own_key_for_the_record(qtbot, wired, backend, site, kiosk_data,
                                                                          tmp_path, db):
    """Real backend checks the resident's card + PIN; the nurse stays signed in."""
    import time

    from PySide6.QtCore import Qt

    from kiosk.identity.keys import Identity
    from kiosk.storage.models import OutboxItem
    from sync.server.identity import add_resident_card

    add_resident_card(backend.sessions, "A1B2C3D4", "1357", subject="resident-77", name="Maija")
    window, kiosk = wired(backend.url)
    assert kiosk.sync_worker.sync_once().enrolled
    nurse = Identity(key="staff", subject="nurse-7", role="nurse", name="Nurse")
    kiosk.session.open(nurse, time.monotonic())
    kiosk.queue.take_number("health-walkin")
    window.flow.go("staff_queue")
    background_done(qtbot)  # the desk's snapshot comes from the database thread
    desk = window.current_screen()
    click(qtbot, desk.call_next)
    assert not desk.identify.isEnabled()  # only during the visit itself
    click(qtbot, desk.start)
    click(qtbot, desk.identify)

    login = kiosk.visitor_login
    assert login.isVisible()
    login.choose("card")
    login.card_pad.submitted.emit("A1B2C3D4")
    login.pin_pad.submitted.emit("1357")
    qtbot.waitUntil(lambda: desk.visitor_identified, timeout=15000)
    assert kiosk.session.identity == nurse  # the nurse's session was never touched
    assert not login.isVisible()

    click(qtbot, desk.outcomes["done"])
    with db.sessions() as s:
        [visit] = [i.payload for i in s.query(OutboxItem).filter_by(kind="walk_in_appointment")]
    assert visit["subject"] == "resident-77" and visit["staff_id"] == "nurse-7"


def test_a_nurse_brings_in_a_specialist_during_a_visit_and_returns_to_the_desk(qtbot, wired):
    import time

    from PySide6.QtCore import Qt

    from kiosk.identity.keys import Identity
    from kiosk.video import FROM_SPECIALIST, CallOutcome

    window, kiosk = wired(f"http://127.0.0.1:{free_port()}")  # the backend is down: the nurse is told so
    kiosk.session.open(Identity(key="staff", subject="nurse-7", role="nurse", name="Nurse"), time.monotonic())
    kiosk.queue.take_number("health-walkin")
    window.flow.go("staff_queue")
    background_done(qtbot)  # the desk's snapshot comes from the database thread
    desk = window.current_screen()
    assert desk.specialist.isVisible() and not desk.specialist.isEnabled()  # only during a visit
    click(qtbot, desk.call_next)
    click(qtbot, desk.start)
    click(qtbot, desk.specialist)
    assert window.flow.current.name == "video" and window.flow.current.get("source") == FROM_SPECIALIST
    video = window.current_screen()
    qtbot.waitUntil(lambda: video._unavailable is not None, timeout=10000)
    assert video._unavailable[0] == "offline"
    # When a specialist call ends, the nurse is back at the desk with the visit still open.
    video.call_finished.emit(CallOutcome("health-station", FROM_SPECIALIST, "hung_up", 60.0, True))
    assert window.flow.current.name == "staff_queue" and desk.appointment_id is not None


# -- a failed video call says so ----------------------------------------------------------------
def test_a_call_that_fails_says_so_offers_the_next_step_and_never_asks_for_a_rating(qtbot, wired):
    """Issue 11: Talk to a nurse -> load_failed about a second later -> asked to rate a call that never happened."""
    from PySide6.QtCore import Qt

    from kiosk.video import FROM_ON_DEMAND, HUNG_UP, LOAD_FAILED, NETWORK_LOST, CallOutcome

    window, kiosk = wired(f"http://127.0.0.1:{free_port()}")
    window.flow.go("video")
    video = window.current_screen()
    qtbot.waitUntil(lambda: video._unavailable is not None, timeout=10000)
    video.call_finished.emit(CallOutcome("health-station", FROM_ON_DEMAND, LOAD_FAILED, 1.0, False))
    assert window.flow.current.name == "video" and "feedback" not in window.built_screens()
    assert video.failed_reason == LOAD_FAILED
    assert video.message.text() == "Puheluun ei saatu yhteyttä"
    assert video.choice_names() == ["retry", "queue", "booking", "home"]
    retry = next(b for b in video.findChildren(type(video.hang_up_button)) if b.property("alternative") == "retry")
    qtbot.mouseClick(retry, Qt.MouseButton.LeftButton)  # asks for a room again: the backend is down
    qtbot.waitUntil(lambda: video._unavailable is not None and video._unavailable[0] == "offline", timeout=10000)

    # Cut off in the middle: said so too, not rated.
    video.call_finished.emit(CallOutcome("health-station", FROM_ON_DEMAND, NETWORK_LOST, 300.0, True))
    assert window.flow.current.name == "video" and video.failed_reason == NETWORK_LOST
    window.translator.set_language("sv")
    assert video.message.text() == "Förbindelsen bröts och samtalet avbröts"
    assert video.choice_names() == ["retry", "queue", "booking", "home"]
    queue = next(b for b in video.findChildren(type(video.hang_up_button)) if b.property("alternative") == "queue")
    qtbot.mouseClick(queue, Qt.MouseButton.LeftButton)
    assert window.flow.current.name == "queue"

    # Hung up before the room ever loaded: nothing took place, nothing to rate.
    window.flow.go("video")
    video.call_finished.emit(CallOutcome("health-station", FROM_ON_DEMAND, HUNG_UP, 2.0, False))
    assert window.flow.current.name == "home"
    # A call that took place is rated.
    window.flow.go("video")
    video.call_finished.emit(CallOutcome("health-station", FROM_ON_DEMAND, HUNG_UP, 200.0, True))
    assert window.flow.current.name == "feedback"


def test_a_specialist_call_that_fails_offers_the_nurse_a_way_back_to_the_desk(qtbot, wired):
    import time

    from PySide6.QtCore import Qt

    from kiosk.identity.keys import Identity
    from kiosk.video import FROM_SPECIALIST, LOAD_FAILED, CallOutcome

    window, kiosk = wired(f"http://127.0.0.1:{free_port()}")
    kiosk.session.open(Identity(key="staff", subject="nurse-7", role="nurse", name="Nurse"), time.monotonic())
    kiosk.queue.take_number("health-walkin")
    window.flow.go("staff_queue")
    background_done(qtbot)  # the desk's snapshot comes from the database thread
    desk = window.current_screen()
    click(qtbot, desk.call_next)
    click(qtbot, desk.start)
    click(qtbot, desk.specialist)
    video = window.current_screen()
    qtbot.waitUntil(lambda: video._unavailable is not None, timeout=10000)
    assert video.choice_names() == ["home"]  # a nurse's call: no queue number or booking for the resident
    video.call_finished.emit(CallOutcome("health-station", FROM_SPECIALIST, LOAD_FAILED, 1.0, False))
    assert video.choice_names() == ["retry", "desk"]
    desk_button = next(b for b in video.findChildren(type(video.hang_up_button)) if b.property("alternative") == "desk")
    qtbot.mouseClick(desk_button, Qt.MouseButton.LeftButton)
    assert window.flow.current.name == "staff_queue" and desk.appointment_id is not None


# -- the follow-up booked at the nurse's desk ----------------------------------------------------
def test_follow_up_from_the_desk_preselects_the_service_and_returns_to_the_desk(qtbot, wired):
    """Issue 11: Follow-up needed -> Book the follow-up opened an empty page with the nurse signed out."""
    import time

    from PySide6.QtCore import Qt

    from kiosk.identity.keys import Identity

    window, kiosk = wired(f"http://127.0.0.1:{free_port()}")
    nurse = Identity(key="staff", subject="nurse-7", role="nurse", name="Nurse")
    kiosk.session.open(nurse, time.monotonic())
    kiosk.queue.take_number("health-walkin")
    window.flow.go("staff_queue")
    background_done(qtbot)  # the desk's snapshot comes from the database thread
    desk = window.current_screen()
    click(qtbot, desk.call_next)
    click(qtbot, desk.start)
    click(qtbot, desk.outcomes["follow_up_needed"])
    assert desk.handover_booking.isVisible()
    click(qtbot, desk.handover_booking)

    # The nurse's key is closed for the resident; the booking has the visit's service.
    assert kiosk.session.identity is None
    place = window.flow.current
    assert (place.name, place.get("service_id"), place.get("context")) == ("booking", "health-station", "follow_up")
    booking = window.current_screen()
    assert booking.service_id == "health-station" and booking.channel_id == "health-video"
    # Back leads to the desk, which asks the nurse to sign in again: nothing of it for the resident.
    window.flow.back()
    assert window.flow.current.name == "staff_queue"
    assert window.current_screen() is window.staff_gate()

    # The resident identifies for the booking; Done closes their key and returns to the desk.
    window.flow.go("booking", service_id="health-station", context="follow_up")
    resident = Identity(key="card", subject="resident-77", name="Maija")
    kiosk.session.open(resident, time.monotonic())
    _show_done(booking, _confirmed_booking("health-station", "health-video"))
    qtbot.mouseClick(booking.finish, Qt.MouseButton.LeftButton)
    assert kiosk.session.identity is None
    assert window.flow.current.name == "staff_queue" and window.current_screen() is window.staff_gate()
    kiosk.session.open(nurse, time.monotonic())  # the nurse's staff card, offline too
    assert window.current_screen() is desk and desk.desk_view.isVisible()


# -- staff tools stay with staff -----------------------------------------------------------------
@pytest.mark.parametrize("place", ["staff", "staff_queue", "sync_status"])
def test_every_staff_screen_needs_a_signed_in_nurse_or_admin(qtbot, wired, place):
    import time

    from kiosk.identity.keys import Identity

    window, kiosk = wired(f"http://127.0.0.1:{free_port()}")
    window.flow.go(place)  # the home tile, a link, a typed place: all the same way in
    gate = window.staff_gate()
    assert window.current_screen() is gate and place not in window.built_screens()
    assert gate.sign_in.isVisible()

    # A resident's session does not open it either.
    kiosk.session.open(Identity(key="card", subject="resident-1", name="Maija"), time.monotonic())
    window.flow.home()
    window.flow.go(place)
    assert window.current_screen() is gate and place not in window.built_screens()

    # The sign-in asks for the staff card only, in words for staff; the resident's key is closed.
    gate.sign_in.click()
    login = kiosk.login
    assert kiosk.session.identity is None and login.isVisible() and login.page() == "card"
    assert login.card_prompt.text() == window.translator.t("login.staff.prompt")
    login.go_back()  # from the staff card: out of the login
    assert not login.isVisible()
    window.flow.go(place)
    gate.sign_in.click()
    nurse = Identity(key="staff", subject="nurse-7", role="nurse", name="Nurse")
    kiosk.session.open(nurse, time.monotonic())  # what the staff card + PIN does
    assert window.flow.current.name == place and window.current_screen() is window.screen(place)

    # The session ends with the screen open (logout, timeout): the kiosk resets, and
    # Back cannot reach the staff screen again.
    kiosk.session.end("timeout")
    assert window.flow.current.name == "home" and not window.flow.can_go_back
    window.flow.go(place)
    assert window.current_screen() is gate


def test_a_nurse_logout_draws_home_and_nothing_before_it(qtbot, wired):
    """The staff gate was drawn first and then home (a frame's work for nothing, docs/benchmarks.md)."""
    import time

    from kiosk.identity.keys import Identity

    window, kiosk = wired(f"http://127.0.0.1:{free_port()}")
    kiosk.session.open(Identity(key="staff", subject="nurse-7", role="nurse", name="Nurse"), time.monotonic())
    window.flow.go("staff_queue")
    assert window.current_screen() is window.screen("staff_queue")
    shown = []
    window.stack.currentChanged.connect(lambda i: shown.append(window.stack.widget(i)))
    kiosk.session.end("logout")
    assert shown == [window.screen("home")] and window.flow.current.name == "home"
    window.flow.go("staff_queue")
    assert window.current_screen() is window.staff_gate()


def test_the_staff_tile_and_back_navigation_pass_the_gate(qtbot, wired):
    import time

    from PySide6.QtCore import Qt

    from kiosk.identity.keys import Identity

    window, kiosk = wired(f"http://127.0.0.1:{free_port()}")
    qtbot.mouseClick(window.screen("home").staff, Qt.MouseButton.LeftButton)
    assert window.flow.current.name == "staff" and window.current_screen() is window.staff_gate()
    kiosk.session.open(Identity(key="staff", subject="a-02", role="admin", name="Admin"), time.monotonic())
    staff = window.current_screen()
    assert staff is window.screen("staff")
    qtbot.mouseClick(staff.tools["sync_status"], Qt.MouseButton.LeftButton)
    assert window.current_screen() is window.screen("sync_status")
    kiosk.session.end("logout")
    window.flow.go("staff")
    window.flow.go("sync_status")
    assert window.current_screen() is window.staff_gate()
    window.flow.back()  # Back to the staff entry: still the gate
    assert window.flow.current.name == "staff" and window.current_screen() is window.staff_gate()


def test_a_notice_from_the_city_reaches_the_home_screen_after_a_sync(qtbot, wired, backend, site, kiosk_data):
    """The pull's after-sync hook reloads the notices on the sync thread; the home board
    follows on the GUI thread (announcements, issue 15)."""
    from datetime import datetime, timedelta, timezone

    from PySide6.QtWidgets import QAbstractButton

    from sync.server import announcements

    now = datetime.now(timezone.utc)
    announcements.create_announcement(backend.sessions, texts={"fi": "Neuvola suljettu tänään", "sv": "Stängt"},
                                      sites=[site], priority="urgent", starts=now - timedelta(hours=1),
                                      ends=now + timedelta(hours=1))
    window, kiosk = wired(backend.url)
    home = window.screen("home")
    toggle = home.findChild(QAbstractButton, "notices-open")
    assert toggle is not None and not toggle.isVisible()
    assert kiosk.sync_worker.sync_once().enrolled
    qtbot.waitUntil(lambda: toggle.isVisible() and "Neuvola suljettu tänään" in toggle.text(), timeout=10_000)


def test_the_login_covers_are_built_after_start_or_at_the_first_key_needed(wired, qtbot):
    """Start-up pays for home only: the login covers are built by build_deferred() (main()
    calls it after the first paint) or when a key is first needed, whichever comes first."""
    window, kiosk = wired(f"http://127.0.0.1:{free_port()}")
    assert kiosk.built("login") is None and kiosk.built("visitor_login") is None
    resumed = []
    kiosk.session.require("booking.confirm", resumed.append)  # a personal action before the idle build
    login = kiosk.built("login")
    assert login is not None and login.isVisible()
    assert kiosk.speech.scene() == login.spoken() and login.spoken()  # spoken over the screen, as before
    kiosk.build_deferred()
    assert kiosk.login is login and kiosk.built("visitor_login") is not None  # each built once
    login.go_back()
    assert not login.isVisible()
    kiosk.session.require("booking.confirm", resumed.append)  # now the cover's own listener shows it
    assert login.isVisible() and resumed == []
