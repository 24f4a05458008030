"""The kiosk window with every service attached, as main() builds it."""

from types import SimpleNamespace

import pytest

from kiosk.config import load_config
from tests.sync.conftest import backend, free_port, kiosk_data, site  # noqa: F401

pytestmark = [pytest.mark.gui, pytest.mark.qt_log_ignore(r"does not support propagateSizeHints")]


def config_for(tmp_path, backend_url: str, extra: str = ""):
    device = tmp_path / "device-wired.toml"
    device.write_text(f'[device]\ndata_dir = "{(tmp_path / "data").as_posix()}"\n'
                      f'[backend]\nurl = "{backend_url}"\ntimeout_s = 2.0\n'
                      f'[queue]\nlines = ["health-walkin"]\n'
                      f'[video]\non_demand_service = "health-station"\n{extra}', encoding="utf-8")
    return load_config(device)


@pytest.fixture
def wired(qtbot, db, catalogue, tmp_path):
    from ui.app import create_window
    from ui.wiring import attach_services

    made = []

    def make(backend_url: str, sync: bool = True):
        config = config_for(tmp_path, backend_url)
        window = create_window(config, catalogue)
        window.idle_watch.timer.stop()
        worker = attach_services(window, config=config, db=db, catalogue=catalogue, sync=sync)
        if worker is not None:
            worker.stop()  # the tests sync by hand
        qtbot.addWidget(window)
        window.show()
        made.append(window)
        return window, worker

    yield make
    for w in made:
        if getattr(w, "login", None) is not None:
            w.login.runner.shutdown()


def test_every_service_is_a_place_of_the_window(wired):
    window, worker = wired("http://127.0.0.1:9")
    for place in ("queue", "staff_queue", "booking", "my_bookings", "feedback", "video", "sync_status"):
        assert window.flow.knows(place), place
    assert worker is not None and window.session is not None


def test_talk_to_a_nurse_when_no_one_is_on_duty_offers_a_queue_number(qtbot, wired, backend, site, kiosk_data,
                                                                      tmp_path):
    from PySide6.QtCore import Qt

    assert kiosk_data == tmp_path / "data"  # the kiosk's data folder holds the enrolment code
    window, worker = wired(backend.url)
    assert worker.sync_once().enrolled
    qtbot.mouseClick(window.screen("home").tiles["nurse"], Qt.MouseButton.LeftButton)
    screen = window.current_screen()
    qtbot.waitUntil(lambda: screen._unavailable is not None, timeout=10000)
    assert screen._unavailable == ("no_one_available", ("queue", "booking"))
    screen.alternative_chosen.emit("queue")
    assert window.flow.current.name == "queue"


def test_talk_to_a_nurse_offline_says_so(qtbot, wired):
    window, _ = wired(f"http://127.0.0.1:{free_port()}")  # nothing listens there
    window.flow.go("video")
    screen = window.current_screen()
    qtbot.waitUntil(lambda: screen._unavailable is not None, timeout=10000)
    assert screen._unavailable[0] == "offline"


def test_feedback_follows_a_booking_but_never_reaches_the_next_person(qtbot, wired):
    window, _ = wired("http://127.0.0.1:9", sync=False)
    window.flow.go("booking")
    booking_screen = window.current_screen()
    booked = SimpleNamespace(service_id="maternity-clinic", channel_id="maternity-visit")
    booking_screen.booked.emit(booked)
    window.flow.home()  # "Done" on the confirmation
    assert window.flow.current.name == "feedback"
    assert window.flow.current.get("service_id") == "maternity-clinic"

    window.flow.go("booking")
    booking_screen.booked.emit(booked)
    window.reset_for_next_person()  # walked away instead
    assert window.flow.current.name == "home"


def test_the_person_in_a_walk_in_visit_shows_their_own_key_for_the_record(qtbot, wired, backend, site, kiosk_data,
                                                                          tmp_path, db):
    """Real backend checks the resident's card + PIN; the nurse stays signed in."""
    import time

    from PySide6.QtCore import Qt

    from kiosk.identity.keys import Identity
    from kiosk.storage.models import OutboxItem
    from sync.server.identity import add_resident_card

    add_resident_card(backend.sessions, "A1B2C3D4", "1357", subject="resident-77", name="Maija")
    window, worker = wired(backend.url)
    assert worker.sync_once().enrolled
    nurse = Identity(key="staff", subject="nurse-7", role="nurse", name="Nurse")
    window.session.open(nurse, time.monotonic())
    window.queue.take_number("health-walkin")
    window.flow.go("staff_queue")
    desk = window.current_screen()
    qtbot.mouseClick(desk.call_next, Qt.MouseButton.LeftButton)
    assert not desk.identify.isEnabled()  # only during the visit itself
    qtbot.mouseClick(desk.start, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(desk.identify, Qt.MouseButton.LeftButton)

    login = window.visitor_login
    assert login.isVisible()
    login.choose("card")
    login.card_pad.submitted.emit("A1B2C3D4")
    login.pin_pad.submitted.emit("1357")
    qtbot.waitUntil(lambda: desk.visitor_identified, timeout=15000)
    assert window.session.identity == nurse  # the nurse's session was never touched
    assert not login.isVisible()

    qtbot.mouseClick(desk.outcomes["done"], Qt.MouseButton.LeftButton)
    with db.sessions() as s:
        [visit] = [i.payload for i in s.query(OutboxItem).filter_by(kind="walk_in_appointment")]
    assert visit["subject"] == "resident-77" and visit["staff_id"] == "nurse-7"


def test_a_nurse_brings_in_a_specialist_during_a_visit_and_returns_to_the_desk(qtbot, wired):
    import time

    from PySide6.QtCore import Qt

    from kiosk.identity.keys import Identity
    from kiosk.video import FROM_SPECIALIST, CallOutcome

    window, _ = wired(f"http://127.0.0.1:{free_port()}")  # the backend is down: the nurse is told so
    window.session.open(Identity(key="staff", subject="nurse-7", role="nurse", name="Nurse"), time.monotonic())
    window.queue.take_number("health-walkin")
    window.flow.go("staff_queue")
    desk = window.current_screen()
    assert desk.specialist.isVisible() and not desk.specialist.isEnabled()  # only during a visit
    qtbot.mouseClick(desk.call_next, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(desk.start, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(desk.specialist, Qt.MouseButton.LeftButton)
    assert window.flow.current.name == "video" and window.flow.current.get("source") == FROM_SPECIALIST
    video = window.current_screen()
    qtbot.waitUntil(lambda: video._unavailable is not None, timeout=10000)
    assert video._unavailable[0] == "offline"
    # When a specialist call ends, the nurse is back at the desk with the visit still open.
    video.call_finished.emit(CallOutcome("health-station", FROM_SPECIALIST, "hung_up", 60.0, True))
    assert window.flow.current.name == "staff_queue" and desk.appointment_id is not None
