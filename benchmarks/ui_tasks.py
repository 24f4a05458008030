"""Taps and keystrokes per common task, driving the real kiosk window (issue 20).

``python -m benchmarks.ui_tasks [--resolution 1920x1080]`` builds the demo kiosk offscreen
(the window the screenshots use, all services attached), performs each task with real
mouse clicks (QTest) on the widgets a person would press, and counts every press: a tap
on a button, a row or a chip, and each key of the on-screen keyboard. Tasks start at home.
The issue's target: at most 4 taps for every task that needs no typing.

Booking, cancelling, talking to a nurse and checking in run against the real reference backend
(``welfare-backend serve`` on 127.0.0.1, the demo catalogue as its site, the demo resident's
card): the kiosk enrols, pulls the catalogue and identifies over HTTP as in main(). The
person identifies with the card: the reader types the card number (not a tap), the PIN's
digits are keys, OK is a tap. A call opens as "qr_only" (no web engine offscreen): the call
screen with its controls and the room's QR code, from a room the backend really handed out.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@dataclass
class Count:
    taps: int = 0
    keys: int = 0


class Driver:
    def __init__(self, app, window, parts=None, shots: Path | None = None, *, backend=None, sync=None) -> None:
        self.app, self.window, self.count, self.parts = app, window, Count(), parts
        self.shots, self._shot = shots, 0  # the screen before each tap, to look at
        self.backend, self.sync = backend, sync  # the DemoBackend and the kiosk's sync_once (backend tasks)

    def shoot(self) -> None:
        if self.shots is not None:
            self._shot += 1
            self.window.grab().save(str(self.shots.parent / f"{self.shots.name}-{self._shot:02d}.png"))

    def settle(self) -> None:
        import time

        from ui.background import app_runner
        # Database work handed back and word-wrapped layouts settled before the finger lands
        # (a person's next tap comes far later than this).
        deadline = time.monotonic() + 10
        while not app_runner().db_idle() and time.monotonic() < deadline:
            self.app.processEvents()
        for _ in range(4):
            self.app.processEvents()

    def tap(self, widget) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest
        self.settle()
        # Visible but scrolled out of its list is not on screen either: a person would swipe first.
        if not widget.isVisible() or widget.visibleRegion().isEmpty():
            raise RuntimeError(f"{widget.objectName() or widget!r} is not on screen")
        self.shoot()
        QTest.mouseClick(widget, Qt.MouseButton.LeftButton)
        self.app.processEvents()
        self.count.taps += 1

    def type(self, keyboard, text: str) -> None:
        for ch in text:
            self.tap(keyboard.space if ch == " " else keyboard.keys[ch])
            self.count.taps -= 1
            self.count.keys += 1

    def screen(self):
        return self.window.current_screen()

    def swipe_to(self, area, find):
        """Swipe a list up until at least half of a widget shows (enough to tap it); each swipe (about three quarters of
        the list's height) counts as a tap: it is one more touch before the task is done.
        ``find()`` gives the widget afresh each time (a list may rebuild its rows)."""
        self.settle()
        bar = area.verticalScrollBar()
        viewport = area.viewport()

        def whole() -> bool:
            find()  # a list may make its rows now (the rest of a list comes in slices)...
            self.settle()  # ...and lay them out on the next turns of the event loop
            widget = find()
            top = widget.mapTo(viewport, widget.rect().topLeft()).y()
            shown = min(top + widget.height(), viewport.height()) - max(top, 0)
            return shown >= widget.height() // 2
        while not whole():
            if bar.value() >= bar.maximum():
                raise RuntimeError(f"{find().objectName()!r} is not in its list")
            bar.setValue(bar.value() + area.viewport().height() * 3 // 4)
            self.app.processEvents()
            self.count.taps += 1
        return find()

    def wait_for(self, condition, what: str, timeout_s: float = 20.0) -> None:
        """Until an answer from the backend is on screen (a person waits for it too)."""
        import time
        deadline = time.monotonic() + timeout_s
        while not condition():
            if time.monotonic() > deadline:
                raise RuntimeError(f"{what}: not on screen after {timeout_s:.0f} s")
            self.app.processEvents()
            time.sleep(0.01)
        self.settle()

    def identify_with_card(self, card: str, pin: str) -> None:
        """The login cover: the card key, the card into the reader, the PIN, OK."""
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest
        login = self.parts.login
        self.wait_for(login.isVisible, "the login")
        self.tap(login.key_buttons["card"])
        # The reader "types" the number and Enter into the focused pad: no finger on the screen.
        QTest.keyClicks(login.card_pad, card)
        QTest.keyClick(login.card_pad, Qt.Key.Key_Return)
        self.app.processEvents()
        for digit in pin:
            self.tap(login.pin_pad.digit_buttons[digit])
            self.count.taps -= 1
            self.count.keys += 1
        self.tap(login.pin_pad.ok)
        self.wait_for(lambda: not login.isVisible(), "the session after the PIN")

    def row(self, service_id: str):
        rows = self.screen().list.rows
        return next(r for r in rows if r.service.id == service_id)


def _find_maternity_clinic(d: Driver) -> str:
    d.tap(d.screen().tiles["find"])
    d.tap(d.screen().search)
    d.type(d.screen().keyboard, "neuvola")
    d.tap(d.screen().list.rows[0])
    if d.window.flow.current.name != "service":
        raise RuntimeError(f"the row did not open its card (still on {d.window.flow.current.name})")
    return d.window.flow.current.get("service_id")


def _physio_with_voucher(d: Driver) -> str:
    d.tap(d.screen().tiles["find"])
    d.tap(d.screen().all)
    d.tap(d.screen().voucher)
    first = next(r for r in d.screen().list.rows if "fysio" in r.service.id or "physio" in r.service.id)
    d.tap(first)
    if d.window.flow.current.name != "service":
        raise RuntimeError(f"the row did not open its card (still on {d.window.flow.current.name})")
    return d.window.flow.current.get("service_id")


def _take_a_queue_number(d: Driver) -> str:
    from PySide6.QtWidgets import QPushButton
    d.tap(d.screen().tiles["queue"])
    d.tap(d.screen().findChild(QPushButton, "queue-line-nurse-walk-in.walk-in"))
    d.settle()
    if not d.screen().number.text():
        raise RuntimeError("no number on the ticket screen")
    return d.screen().number.text()


def _feedback_on_the_nurse_walk_in(d: Driver) -> str:
    # The person has just taken a nurse walk-in number on this kiosk, then taps the tile.
    from PySide6.QtWidgets import QPushButton
    d.tap(d.screen().tiles["queue"])
    nurse = d.screen().findChild(QPushButton, "queue-line-nurse-walk-in.walk-in")
    d.tap(nurse)
    d.window.flow.home()  # (the ticket screen's own Done: not counted, it is the queue task's)
    d.count = Count()
    d.tap(d.screen().tiles["feedback"])
    d.tap(d.screen().smileys[3])
    return d.screen().service_id


def _swedish_mid_flow(d: Driver) -> str:
    d.tap(d.screen().tiles["find"])
    d.count = Count()  # only the change itself
    switch = d.window.top_bar.languages
    if switch.menu_button is not None:  # more languages than fit in the bar: the globe first
        d.tap(switch.menu_button)
    d.tap(d.window.top_bar.language_buttons["sv"])
    return d.window.translator.language


def _library_hours_today(d: Driver) -> str:
    d.tap(d.screen().tiles["find"])
    d.tap(d.screen().search)
    d.type(d.screen().keyboard, "kirjasto")
    d.tap(d.screen().list.rows[0])
    if d.window.flow.current.name != "service":
        raise RuntimeError(f"the row did not open its card (still on {d.window.flow.current.name})")
    return d.window.flow.current.get("service_id")


# -- against the real backend ----------------------------------------------------------------------
DENTAL = "dental-care"
ON_DEMAND = "remote-doctor"  # config/demo.toml's "Talk to a nurse now" service


def _book_a_dental_time(d: Driver) -> str:
    from sync.server.cli import DEMO_RESIDENT
    d.tap(d.screen().tiles["book"])
    screen = d.screen()
    d.tap(d.swipe_to(screen.service_list.area,
                     lambda: next(r for r in screen.service_list.rows if r.service.id == DENTAL)))
    d.wait_for(lambda: bool(screen.picker.time_buttons) or screen.time_message.isVisible(), "the free times")
    d.tap(screen.picker.first)
    d.tap(screen.confirm_button)  # the phone number for a reminder stays empty: it is optional
    card, pin = DEMO_RESIDENT[:2]
    d.identify_with_card(card, pin)
    d.wait_for(lambda: screen.result is not None or screen.confirm_error.isVisible(), "the confirmation")
    if screen.result is None:
        raise RuntimeError(f"not booked: {screen.confirm_error.text()}")
    return f"{screen.result.state} {screen.result.service_id}"


def _cancel_it(d: Driver) -> str:
    # A dental time booked here first (not counted); the person comes back another day, so
    # identifies again: the kiosk has ended the session and is at home.
    from kiosk.identity.session import LOGOUT
    from sync.server.cli import DEMO_RESIDENT
    _book_a_dental_time(d)
    booked = d.screen().result.id
    language = d.window.translator.language
    d.parts.session.end(LOGOUT)
    d.window.reset_for_next_person()
    d.window.translator.set_language(language)  # (the run's language again, not counted)
    d.count = Count()
    d.tap(d.screen().tiles["book"])
    d.tap(d.screen().my_bookings)
    screen = d.screen()
    card, pin = DEMO_RESIDENT[:2]
    d.identify_with_card(card, pin)
    d.wait_for(lambda: bool(screen.cards), "the person's bookings")
    d.tap(next(c for c in screen.cards if c.booking.id == booked).cancel)
    d.tap(next(c for c in screen.cards if c.booking.id == booked).cancel)  # "tap again to cancel"
    d.wait_for(lambda: screen.notice.isVisible(), "the cancellation")
    if booked in {c.booking.id for c in screen.cards}:
        raise RuntimeError(f"not cancelled: {screen.notice.text()}")
    return "cancelled dental-care"


def _talk_to_a_nurse(d: Driver) -> str:
    d.tap(d.screen().tiles["nurse"])
    screen = d.screen()
    d.wait_for(lambda: screen.call is not None or screen._unavailable is not None, "the call or the offer")
    if screen.call is None:
        raise RuntimeError(f"no call: {screen._unavailable}")
    if not screen.hang_up_button.isVisible():
        raise RuntimeError("the call screen has no hang-up button on screen")
    return f"call screen, room {screen.call.room.rsplit('-', 1)[0]}-…"


def _talk_to_a_nurse_no_one_free(d: Driver) -> str:
    d.tap(d.screen().tiles["nurse"])
    screen = d.screen()
    d.wait_for(lambda: screen.call is not None or screen._unavailable is not None, "the call or the offer")
    if screen._unavailable is None:
        raise RuntimeError("a call started although the one on duty was busy")
    from PySide6.QtWidgets import QPushButton
    reason, _steps = screen._unavailable
    offer = screen.findChild(QPushButton, "alternative-queue")
    # Counted to the offer on screen, as to the call screen above; its tap leads on to the queue
    # lines (tests/ui/test_wiring.py follows it).
    if offer is None or not offer.isVisible():
        raise RuntimeError(f"{reason}: no queue number offered ({screen.choice_names()})")
    return f"{reason}: {', '.join(screen.choice_names())} offered"


LAB_VISIT = "laboratory.visit"  # bookable, and the laboratory also has a walk-in line here (B)
# Whoever checks in by key has only that booking today (a second card): the figures do not
# depend on which dental times were free when the booking tasks ran.
CHECKIN_RESIDENT = ("C3D4E5F6", "2468", "demo-resident-2", "Matti Meikäläinen")


def _book_a_lab_time_starting_now(d: Driver, card: tuple[str, str]):
    """Setup, not counted: a laboratory time starting within three minutes (added at the backend as
    the city's console adds one, pulled by the kiosk), booked on the screen as in "book a dental
    time"; then the kiosk forgets the person, as when they walk away. Returns the booking."""
    from datetime import datetime, timedelta, timezone

    from kiosk.identity.session import LOGOUT
    from sync.server.catalogue_edits import add_slot

    starts = (datetime.now(timezone.utc) + timedelta(minutes=3)).replace(second=0, microsecond=0)
    slot_id = add_slot(d.backend.proc.sessions, d.backend.site, LAB_VISIT, starts, starts + timedelta(minutes=10),
                       "1", actor="ui-tasks")
    d.sync()
    d.tap(d.screen().tiles["book"])
    screen = d.screen()
    d.tap(d.swipe_to(screen.service_list.area,
                     lambda: next(r for r in screen.service_list.rows if r.service.id == "laboratory")))
    d.wait_for(lambda: any(b.property("slot_id") == slot_id for b in screen.picker.time_buttons), "the new time")
    d.tap(next(b for b in screen.picker.time_buttons if b.property("slot_id") == slot_id))
    d.tap(screen.confirm_button)
    d.identify_with_card(*card)
    d.wait_for(lambda: screen.result is not None or screen.confirm_error.isVisible(), "the confirmation")
    if screen.result is None:
        raise RuntimeError(f"setup: not booked: {screen.confirm_error.text()}")
    booking = screen.result
    language = d.window.translator.language
    d.parts.session.end(LOGOUT)
    d.window.reset_for_next_person()
    d.window.translator.set_language(language)
    _wait_for_the_day_of(d, booking.starts_at)
    d.count = Count()
    return booking


def _wait_for_the_day_of(d: Driver, starts_at) -> None:
    """A time booked just after midnight is checked in for after midnight (before it, the kiosk
    rightly says "another day"): the run waits, uncounted, as the person would."""
    from datetime import datetime

    from kiosk.catalogue.hours import LOCAL_TZ
    day = starts_at.astimezone(LOCAL_TZ).date()
    d.wait_for(lambda: datetime.now(LOCAL_TZ).date() >= day, "the booked day", timeout_s=240)


def _checked_in(d: Driver, screen) -> str:
    d.wait_for(lambda: screen.result is not None, "the check-in")
    r = screen.result
    if r.outcome != "checked_in" or not screen.number.isVisible():
        raise RuntimeError(f"not checked in: {r.outcome}: {screen.message.text()}")
    return f"checked_in {screen.number.text()}, {screen.room.text() or 'no room'}"


def _check_in_by_reference(d: Driver) -> str:
    from sync.server.cli import DEMO_RESIDENT
    booking = _book_a_lab_time_starting_now(d, DEMO_RESIDENT[:2])
    d.tap(d.screen().tiles["checkin"])
    screen = d.screen()
    d.tap(screen.tiles["ref"])
    d.type(screen.keyboard, booking.ref.replace("-", "").lower())  # the dash is not typed: the kiosk puts it
    d.tap(screen.find_button)
    return _checked_in(d, screen)


def _check_in_by_key(d: Driver) -> str:
    _book_a_lab_time_starting_now(d, CHECKIN_RESIDENT[:2])
    d.tap(d.screen().tiles["checkin"])
    screen = d.screen()
    d.tap(screen.tiles["key"])
    d.identify_with_card(*CHECKIN_RESIDENT[:2])
    return _checked_in(d, screen)


TASKS = (
    ("find the maternity clinic", _find_maternity_clinic),
    ("find a physiotherapist who takes vouchers", _physio_with_voucher),
    ("take a queue number", _take_a_queue_number),
    ("give feedback on the nurse walk-in", _feedback_on_the_nurse_walk_in),
    ("change language to Swedish mid-flow", _swedish_mid_flow),
    ("find the library's opening hours", _library_hours_today),
)
# Tasks that cross to the backend; the last finds the one on duty busy (another kiosk's call).
BACKEND_TASKS = (
    ("book a dental time", _book_a_dental_time),
    ("cancel it", _cancel_it),
    ("talk to a nurse", _talk_to_a_nurse),
    ("talk to a nurse, no one free", _talk_to_a_nurse_no_one_free),
    ("check in for a booking, by reference", _check_in_by_reference),
    ("check in for a booking, by the key used to book", _check_in_by_key),
)
NOT_YET: tuple[str, ...] = ()


def run(resolution: str = "1920x1080") -> list[dict]:
    from PySide6.QtWidgets import QApplication

    from kiosk.catalogue.service import Catalogue
    from kiosk.storage.db import open_database
    from ui.app import load_demo_catalogue
    from ui.screenshots import demo_window

    app = QApplication.instance() or QApplication(sys.argv)
    out = []
    for name, task in TASKS:
        tmp = Path(tempfile.mkdtemp(prefix="ui-tasks-"))
        db = open_database(tmp / "kiosk.db")
        load_demo_catalogue(db)
        window = demo_window(app, db, Catalogue(db), tmp, resolution)
        window.translator.set_language("fi")
        d = Driver(app, window)
        try:
            result, error = task(d), None
        except Exception as exc:  # a task the kiosk cannot do as written: reported, not hidden
            result, error = None, f"{type(exc).__name__}: {exc}"
        out.append(_row(name, d, result, error))
        window.close()
        db.close()
    return out


class DemoBackend:
    """The reference backend as its own process on 127.0.0.1 (tests/backend.py's start-up),
    the demo catalogue as a site, the demo resident's card, one doctor on duty for calls."""

    def __init__(self, workdir: Path) -> None:
        import json

        from kiosk.packaged import asset
        from sync.server.cli import DEMO_RESIDENT
        from sync.server.identity import add_resident_card
        from tests.backend import start_backend

        self.workdir = workdir
        before = os.environ.get("WELFARE_VIDEO_ON_DUTY")
        os.environ["WELFARE_VIDEO_ON_DUTY"] = f"{ON_DEMAND}=1"  # the process reads it at start
        try:
            self.proc = start_backend(f"sqlite:///{workdir / 'backend.db'}", workdir)
        finally:
            if before is None:
                os.environ.pop("WELFARE_VIDEO_ON_DUTY")
            else:
                os.environ["WELFARE_VIDEO_ON_DUTY"] = before
        try:
            self.site = self.proc.new_site(json.loads(asset("demo", "catalogue.json").read_text(encoding="utf-8")))
            for card, pin, subject, name in (DEMO_RESIDENT, CHECKIN_RESIDENT):
                add_resident_card(self.proc.sessions, card, pin, subject=subject, name=name)
        except Exception:
            self.proc.stop()
            raise

    def occupy_the_one_on_duty(self):
        """Another kiosk's call takes the doctor on duty; returns (client, room) to give it back."""
        from sync.client import BackendClient
        from sync.video_rooms import request_room

        client = BackendClient(self.proc.url, timeout_s=5)
        client.credentials = client.enrol(self.proc.enrolment_code(self.site), "other-kiosk")
        return client, request_room(client, service_id=ON_DEMAND, language="fi").room

    def stop(self) -> None:
        self.proc.stop()


# The first pull of the demo catalogue (some 9,000 slots) can take the backend longer than a
# kiosk's usual 5 s on a loaded machine; the counts do not depend on how long anything takes.
SETUP_TIMEOUT_S = 30.0


def backend_window(app, backend: DemoBackend, tmp: Path, resolution: str):
    """A kiosk enrolled with the backend, its catalogue pulled, every service attached as
    main() attaches them; the sync worker does not run on its own (no timing in the counts)."""
    from kiosk.catalogue.service import Catalogue
    from kiosk.config import load_config
    from kiosk.storage.db import open_database
    from sync.worker import SyncWorker
    from ui.app import create_window
    from ui.screenshots import DEMO_QUEUE_LINES, LANGUAGES
    from ui.services import build_services
    from ui.wiring import attach_services

    data = tmp / "data"
    data.mkdir()
    (data / "enrolment-code").write_text(backend.proc.enrolment_code(backend.site) + "\n", encoding="utf-8")
    device = tmp / "device.toml"
    device.write_text(f'[device]\ndata_dir = "{data.as_posix()}"\nsite = "{backend.site}"\n'
                      f'[backend]\nurl = "{backend.proc.url}"\ntimeout_s = {SETUP_TIMEOUT_S}\n'
                      f'[ui]\nresolution = "{resolution}"\nlanguages = {list(LANGUAGES)!r}\n'
                      f'[queue]\nlines = {DEMO_QUEUE_LINES!r}\nrooms = ["112", "113"]\n'
                      f'places = ["laboratory.walk-in: 204, 2"]\n'
                      f'[video]\nmode = "qr_only"\nseparate_process = false\non_demand_service = "{ON_DEMAND}"\n'
                      .replace("'", '"'), encoding="utf-8")
    config = load_config(device)
    db = open_database(data / "kiosk.db")
    first = SyncWorker(db, base_url=backend.proc.url, data_dir=data, device_name="ui-tasks",
                       timeout_s=SETUP_TIMEOUT_S)
    status = first.sync_once()  # enrols and pulls the catalogue before the window is built
    first.stop()
    if status.last_error is not None:
        db.close()
        raise RuntimeError(f"the kiosk could not sync with the backend: {status.last_error}")
    catalogue = Catalogue(db)
    services = build_services(config, db, catalogue, sync=True)
    services.sync_worker.sync_once()  # its client takes the stored credentials, as main()'s first sync
    window = create_window(config, catalogue, app=app, services=services)
    window.idle_watch.timer.stop()
    parts = attach_services(window, services)
    window.show()

    def close() -> None:
        parts.session_bridge.stop()
        services.sync_worker.stop()
        window.close()
        window.deleteLater()
        app.processEvents()
        db.close()
    return window, parts, services, close


def run_backend_tasks(resolution: str = "1920x1080", tasks=None, *, language: str = "fi",
                      shots: Path | None = None) -> list[dict]:
    """One kiosk for every backend task (its catalogue pull is the slow part); between tasks
    the person's session ends and the kiosk is reset for the next person, as after idling."""
    from PySide6.QtWidgets import QApplication

    from kiosk.identity.session import LOGOUT

    app = QApplication.instance() or QApplication(sys.argv)
    root = Path(tempfile.mkdtemp(prefix="ui-tasks-backend-"))
    backend = DemoBackend(root)
    out = []
    try:
        window, parts, services, close = backend_window(app, backend, root, resolution)
        try:
            for name, task in tasks or BACKEND_TASKS:
                window.translator.set_language(language)
                prefix = shots / f"{resolution}-{language}-{name.replace(' ', '-').replace(',', '')}" if shots else None
                d = Driver(app, window, parts, prefix, backend=backend, sync=services.sync_worker.sync_once)
                held = backend.occupy_the_one_on_duty() if task is _talk_to_a_nurse_no_one_free else None
                try:
                    result, error = task(d), None
                    d.shoot()  # where the task ended
                except Exception as exc:  # reported, not hidden
                    result, error = None, f"{type(exc).__name__}: {exc}"
                finally:
                    if held is not None:
                        from sync.video_rooms import release_room
                        release_room(*held)
                        held[0].close()
                    screen = window.current_screen()
                    if getattr(screen, "in_call", False):
                        screen.hang_up()  # gives the room back for the next task
                    parts.session.end(LOGOUT)
                    window.reset_for_next_person()
                    d.settle()
                out.append(_row(name, d, result, error))
        finally:
            close()
    finally:
        backend.stop()
        import shutil
        shutil.rmtree(root, ignore_errors=True)  # a backend and a kiosk database per run
    return out


def _row(name: str, d: Driver, result, error) -> dict:
    return {"task": name, "taps": d.count.taps, "keys": d.count.keys, "result": result, "error": error,
            "meets_target": error is None and (d.count.keys > 0 or d.count.taps <= 4)}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m benchmarks.ui_tasks", description=__doc__.splitlines()[0])
    p.add_argument("--resolution", default="1920x1080", choices=("1920x1080", "1280x800"))
    args = p.parse_args(argv)
    rows = run(args.resolution) + run_backend_tasks(args.resolution)
    print(f"| task | taps | keys | ≤ 4 taps without typing | result |\n|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['task']} | {r['taps']} | {r['keys']} | {'yes' if r['meets_target'] else 'no'} | "
              f"{r['error'] or r['result']} |")
    for name in NOT_YET:
        print(f"| {name} | – | – | – | not scripted yet |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
