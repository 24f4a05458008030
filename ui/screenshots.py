"""Render every screen to PNG files: ``python -m ui.screenshots --out DIR``.

Each screen at 1920x1080 and 1280x800 in fi, sv and en, drawn offscreen with
``widget.grab()``, so people can judge the kiosk without standing at one.
The clock is fixed to a Tuesday morning so that "open now" has something to show.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import weakref
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from ui.i18n import LANGUAGES  # every language the kiosk offers (no Qt imported here)

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

FIXED_NOW = datetime(2026, 11, 24, 10, 15, tzinfo=ZoneInfo("Europe/Helsinki"))
RESOLUTIONS = ("1920x1080", "1280x800")


# A comment as a resident would type it, with a Finnish place name and a number inside.
SAMPLE_COMMENTS = {"fi": "Kiitos, hyvä palvelu Kontulassa", "sv": "Tack, bra service i Gårdsbacka",
                   "en": "Thanks, good service in Kontula", "et": "Aitäh, väga hea teenindus, õde oli lahke",
                   "so": "Mahadsanid, adeegga Kontula waa fiican yahay", "ru": "Спасибо, всё было хорошо в Kontula 12",
                   "uk": "Дякую, м'яко й швидко, Kontula 12", "ar": "شكرا، خدمة جيدة في Kontula ١٢"}

# The demo kiosk's queue lines (config/demo.toml).
DEMO_QUEUE_LINES = ["nurse-walk-in.walk-in", "laboratory.walk-in", "senior-info.walk-in", "kela-service-point.walk-in"]


# The services and parts each demo window was built with (the window holds none).
_PARTS: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def _scenes(window):
    """(name, action) pairs; each action puts the window in the state to photograph."""
    from kiosk import flow as places

    flow = window.flow
    cat = _PARTS[window].services.catalogue
    services = cat.all_services()
    # The richest card shows the most of the layout.
    richest = max(services, key=lambda s: (len(s.channels), len(s.descriptions.get("fi", ""))), default=None)
    first_event = next(iter(sorted(cat.counts("life_events"), key=lambda c: -cat.counts("life_events")[c])), None)

    def search(text):
        def run():
            flow.go(places.SEARCH)
            window.screen(places.SEARCH).field.setText(text)
        return run

    def filtered():
        flow.go(places.RESULTS)
        screen = window.screen(places.RESULTS)
        screen.show_choices.click()   # the choices are folded under "Narrow the list"
        screen.open_now.click()

    scenes = [
        ("01-home", lambda: None),
        ("02-home-not-yet", lambda: window.screen(places.HOME).tiles["queue"].click()),
        ("03-browse-life-event", lambda: flow.go(places.BROWSE)),
        ("04-browse-target-group", lambda: (flow.go(places.BROWSE),
                                            window.screen(places.BROWSE).show_tab("target_group"))),
        ("05-results", lambda: flow.go(places.RESULTS, life_event=first_event) if first_event else flow.go(
            places.RESULTS)),
        ("06-results-open-now", filtered),
        ("07-search-empty", search("")),
        ("08-search-neuvola", search("neuvola")),
        ("09-search-nothing", search("xyzzy")),
        ("09b-search-other-letters", lambda: (search("")(), window.screen(places.SEARCH).keyboard.next_layout())),
        ("09c-search-digits", lambda: (search("")(), window.screen(places.SEARCH).keyboard.toggle_digits())),
        ("11-staff", lambda: _as_nurse(window, lambda: flow.go(places.STAFF))),
        ("13-sync-status", lambda: _as_nurse(window, lambda: flow.go("sync_status") if flow.knows("sync_status")
                                             else None)),
        ("12-idle-countdown", lambda: (flow.go(places.BROWSE), window.idle_watch.show_countdown(12))),
    ]
    if richest is not None:
        # The card is made in slices after its top (ui/screens/service.py): a scene shows it whole.
        scenes.append(("10-service-card", lambda: (flow.go(places.SERVICE, service_id=richest.id),
                                                   window.screen(places.SERVICE).finish())))
    scenes += _service_scenes(window)
    return scenes


def _as_nurse(window, then) -> None:
    """Staff screens open only for a signed-in nurse or admin."""
    import time

    from kiosk.identity.keys import Identity
    parts = _PARTS.get(window)
    session = parts.session if parts is not None else None
    if session is not None:
        session.open(Identity(key="staff", subject="demo-nurse", role="nurse", name="Demo Nurse"), time.monotonic())
    then()


def _service_scenes(window):
    """Screens of the attached services (queue, nurse desk, booking, feedback, video)."""
    import time

    from kiosk.identity.keys import Identity

    flow = window.flow
    parts = _PARTS[window]
    queue = parts.queue
    out = []
    if queue is not None:
        first_line = next(iter(queue.lines))

        def ticket():
            flow.go("queue")
            for _ in range(3):  # a few people ahead, as on a real morning
                queue.take_number(first_line)
            window.screen("queue").take(first_line)

        def settled():
            from PySide6.QtWidgets import QApplication
            wait_for_background(QApplication.instance())  # the desk works on the database thread

        def nurse_desk():
            parts.session.open(Identity(key="staff", subject="demo-nurse", role="nurse", name="Demo Nurse"),
                                time.monotonic())
            waiting = queue.waiting()
            if waiting and not queue.recent_calls():
                queue.call_next([waiting[0].line_id], staff_id="demo-nurse", room="112")
            flow.go("staff_queue")
            settled()

        def nurse_visit():
            nurse_desk()
            desk = window.screen("staff_queue")
            if desk.current is None:
                queue.take_number(first_line)
                settled()
                desk._call_next()
                settled()
            if desk.current is not None and desk.current.status == "called":
                desk._start()
                settled()

        def nurse_after_no_show():
            for _ in range(3):
                queue.take_number(first_line)
            nurse_desk()
            desk = window.screen("staff_queue")
            if desk.current is None:
                desk._call_next()
                settled()
            desk.no_show.click()
            settled()

        def nurse_handover():
            nurse_visit()
            window.screen("staff_queue").outcomes["follow_up_needed"].click()
            settled()

        def staff_sign_in_from_the_desk():
            flow.go("staff_queue")  # nobody signed in: the staff gate
            gate = window.staff_gate()
            if gate is not None:
                gate.sign_in.click()

        out += [("20-queue-lines", lambda: flow.go("queue")), ("21-queue-ticket", ticket),
                ("22-nurse-desk", nurse_desk), ("26-nurse-desk-visit", nurse_visit),
                ("27-nurse-desk-after-no-show", nurse_after_no_show), ("28-nurse-desk-handover", nurse_handover),
                ("43-staff-sign-in", staff_sign_in_from_the_desk)]
    for name, place in (("23-booking", "booking"), ("24-feedback", "feedback"), ("25-video-offline", "video")):
        if flow.knows(place):
            out.append((name, lambda place=place: flow.go(place)))
    if flow.knows("feedback"):
        def feedback_comment():
            from PySide6.QtWidgets import QApplication
            service = parts.services.catalogue.all_services()[0]
            flow.go("feedback", service_id=service.id)
            screen = window.screen("feedback")
            screen.smileys[3].click()
            wait_for_background(QApplication.instance())  # the smiley is stored on the database thread
            screen.comment.setText(SAMPLE_COMMENTS.get(window.translator.language, SAMPLE_COMMENTS["en"]))
        out.append(("24b-feedback-comment", feedback_comment))
    if parts.services.participation is not None:
        out += _participation_scenes(window)
    if flow.knows("booking"):
        def booking_offline():
            # Without a sync worker the kiosk cannot book for an unidentified resident.
            flow.go("booking", service_id="maternity-clinic")
            screen = window.screen("booking")
            screen._show_offline()

        def booking_done_signed_in():
            from datetime import timedelta

            from kiosk.booking import CONFIRMED, ONLINE, Booking
            parts.session.open(Identity(key="card", subject="demo-resident", name="Maija Meikäläinen"),
                                time.monotonic())
            flow.go("booking")
            screen = window.screen("booking")
            starts = FIXED_NOW + timedelta(days=2)
            service = next(s for s in parts.services.catalogue.all_services() if screen.desk.bookable_channels(s.id))
            channel = screen.desk.bookable_channels(service.id)[0]
            screen._booked(screen._generation, Booking(
                id="demo-booking", ref="K7QP-3MZD", service_id=service.id, channel_id=channel.id, slot_id="demo",
                starts_at=starts, ends_at=starts + timedelta(minutes=30), state=CONFIRMED, route=ONLINE,
                language=window.translator.data_language), None)

        out += [("40-booking-offline", booking_offline), ("41-booking-done-signed-in", booking_done_signed_in)]
    if flow.knows("video"):
        def video_failed():
            from kiosk.video import alternatives
            flow.go("video")
            window.screen("video").show_failed("load_failed", ("retry", *alternatives(window.config.modules)))
        out.append(("42-video-failed", video_failed))
    out.append(("44-staff-gate", lambda: flow.go("sync_status") if flow.knows("sync_status") else flow.go("staff")))
    return out


def seed_participation(db) -> None:
    """The demo questions (assets/demo/participation.json) as if they came with a catalogue
    pull, an approved idea, and results for the closed question."""
    import json

    from kiosk.packaged import asset
    from kiosk.storage.models import CatalogueEntryRecord

    from kiosk.participation import with_district_names

    doc = json.loads(asset("demo", "participation.json").read_text(encoding="utf-8"))
    with db.sessions.begin() as s:
        for q in doc["questions"]:
            q = with_district_names(q, doc.get("districts") or {})[0]  # as the backend publishes it
            if q["id"] == "square-name":
                q = {**q, "results": {"kiosk": {"kontulantori": 412, "kauppatori": 168, "kukkatori": 250},
                                      "other": {"kontulantori": 37, "kauppatori": 12, "kukkatori": 21},
                                      "turnout": {"channels": {"kiosk": 830, "paper": 70}}}}
            s.merge(CatalogueEntryRecord(kind="question", id=q["id"], data=q))
        s.merge(CatalogueEntryRecord(kind="idea", id="demo-idea-1", data={
            "id": "demo-idea-1", "question_id": "kontula-ideas", "title": "Uimaranta Vesalaan",
            "text": "Pieni uimaranta ja laituri lammen rantaan.", "category": "parks", "district": "vesala",
            "language": "fi", "supports": 23}))


def _participation_scenes(window):
    """Take part: list, question, budgeting with a refused pick, poll, review, receipt,
    ideas, proposing, results and a person who may not take part."""
    import time

    from kiosk.identity.keys import Identity
    from ui.screens import participation as pages

    parts = _PARTS[window]
    flow, desk = window.flow, parts.services.participation

    def opened():
        flow.go("participation")
        screen = window.screen("participation")
        screen.questions, screen.closed = desk.open_questions(), desk.closed_questions()
        screen._fill(pages.LIST_PAGE)
        return screen

    def question(qid, *, signed_in=True, claims=None):
        screen = opened()
        screen._open_question(desk.question(qid))
        if signed_in:
            parts.session.open(Identity("card", "demo-resident-1", "Maija",
                                         claims=claims if claims is not None else {"birthdate": "1980-03-02"}),
                                time.monotonic())
            screen._with_key(parts.session.identity)
        return screen

    def budget():
        screen = question("kontula-budget-2027")
        for pid in ("trees", "lights", "playground"):  # the third would exceed the budget: refused
            screen.findChild(pages.RichButton, f"option-{pid}").click()
        return screen

    def review():
        screen = budget()
        screen.c_next.click()
        return screen

    def receipt():
        screen = review()
        from kiosk.participation import Receipt
        screen.receipt = Receipt("0b6c0f8e-6a43-4c0e-9a4b-2d6f3f1b7a10", "kontula-budget-2027", "vote", "replace")
        screen._show(pages.RECEIPT_PAGE)

    def poll():
        screen = question("library-hours")
        for oid in ("mornings", "sundays"):
            screen.findChild(pages.RichButton, f"option-{oid}").click()
        screen.why_field.setText("Työn jälkeen ehtii vain iltaisin")
        return screen

    def poll_why():
        poll().why_toggle.click()

    def ideas():
        screen = question("kontula-ideas")
        screen.ideas = desk.ideas("kontula-ideas")
        screen._fill(pages.IDEAS_PAGE)
        return screen

    def propose():
        screen = ideas()
        screen._show(pages.PROPOSE_PAGE)
        screen.p_title.setText("Kuntoportaat")
        screen.p_text.setText("Portaat mäen rinteeseen")
        screen.findChild(pages.QPushButton, "category-sport").click()

    def results():
        screen = opened()
        screen._open_results(desk.question("square-name"))

    return [("30-participation-list", opened),
            ("31-participation-question", lambda: question("kontula-budget-2027", signed_in=False)),
            ("32-participation-budget", budget), ("33-participation-poll", poll),
            ("33b-participation-poll-why", poll_why),
            ("34-participation-review", review), ("35-participation-receipt", receipt),
            ("36-participation-ideas", ideas), ("37-participation-propose", propose),
            ("38-participation-results", results),
            ("39-participation-not-eligible", lambda: question("kontula-budget-2027", claims={}))]


def demo_window(app, db, catalogue, tmp: Path, resolution: str, theme: str = "light"):
    """The demo kiosk's window with every service attached (no sync worker), shown."""
    from kiosk.config import load_config
    from ui.app import create_window
    from ui.wiring import attach_services

    device = tmp / f"{resolution}.toml"
    device.write_text(f'[device]\ndata_dir = "{tmp.as_posix()}"\n[ui]\nresolution = "{resolution}"\n'
                      f'theme = "{theme}"\nlanguages = {list(LANGUAGES)!r}\n'
                      f'[queue]\nlines = {DEMO_QUEUE_LINES!r}\nrooms = ["112", "113"]\n'.replace("'", '"'),
                      encoding="utf-8")
    config = load_config(device)
    from ui.services import build_services
    services = build_services(config, db, catalogue, sync=False, now=lambda: FIXED_NOW)
    window = create_window(config, catalogue, app=app, services=services)
    window.idle_watch.timer.stop()
    _PARTS[window] = attach_services(window, services)
    window.show()
    return window


def wait_for_background(app, timeout_s: float = 10.0, *, everything: bool = False) -> None:
    """Until the app's runner handed back every database result (a scene takes a queue
    number), or with ``everything`` every result of its pool too (a booking's QR code)."""
    import time

    from ui.background import app_runner
    runner = app_runner()
    done = runner.idle if everything else runner.db_idle
    deadline = time.monotonic() + timeout_s
    while not done() and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.005)


def parts_of(window):
    """The services and attached parts a demo window was built with (ui.wiring.KioskParts)."""
    return _PARTS[window]


def close_demo_window(window) -> None:
    """Stop the window's session bridge, close it and delete it now, and forget its parts.

    Its parts hold the window (the session bridge, the speech output), so ``_PARTS`` never let
    go of a window by itself: every demo window, its services and the wrappers of its deleted
    widgets stayed for the rest of the process. And a window closed with ``deleteLater()``
    outside an event loop is deleted in the next one that runs: in a test run that was the
    next test's (its bridge's timer still ticking on a hidden window), in the middle of that
    test's own deferred deletes."""
    from PySide6.QtCore import QCoreApplication, QEvent

    parts = _PARTS.pop(window, None)
    if parts is not None and parts.session_bridge is not None:
        parts.session_bridge.stop()
    window.close()
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def forget_deleted_windows() -> int:
    """Drop the parts of demo windows Qt has deleted (closed some other way than
    ``close_demo_window``); returns how many."""
    import shiboken6

    gone = [w for w in list(_PARTS.keys()) if not shiboken6.isValid(w)]
    for w in gone:
        _PARTS.pop(w, None)
    return len(gone)


def scenes(window):
    """Every scene the screenshots show, as (name, action): for tests that look at each."""
    return _scenes(window)


def render(out: Path, resolutions=RESOLUTIONS, languages=LANGUAGES, only: str | None = None,
           theme: str = "light", text_size: str = "normal") -> list[Path]:
    """``text_size``: the Aa step (ui.appearance.STEP_NAMES) every scene is shown at."""
    from PySide6.QtWidgets import QApplication

    from kiosk.catalogue.service import Catalogue
    from kiosk.storage.db import open_database
    from ui.app import load_demo_catalogue
    from ui.appearance import STEP_NAMES

    step = STEP_NAMES.index(text_size)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(Path(tmp) / "kiosk.db")
        load_demo_catalogue(db)
        seed_participation(db)
        catalogue = Catalogue(db)
        for resolution in resolutions:
            for lang in languages:
                window = demo_window(app, db, catalogue, Path(tmp), resolution, theme)
                for name, action in _scenes(window):
                    if only and not any(part in name for part in only.split(",")):
                        continue
                    window.reset_for_next_person()
                    window.translator.set_language(lang)
                    window.appearance.set_step(step)
                    action()
                    # Database work (a queue number) and made things (a QR code) come back
                    # from the runner's threads.
                    wait_for_background(app)
                    wait_for_background(app, 3.0, everything=True)
                    # Word-wrapped rows settle their heights over a few layout passes, one per
                    # level of widgets between a list that stands whole and its page.
                    for _ in range(10):
                        app.processEvents()
                    suffix = ("" if theme == "light" else "-" + theme) + ("" if not step else "-" + text_size)
                    path = out / f"{resolution}-{lang}-{name}{suffix}.png"
                    window.grab().save(str(path))
                    written.append(path)
                close_demo_window(window)
        db.close()
    return written


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m ui.screenshots", description=__doc__.splitlines()[0])
    p.add_argument("--out", default="screenshots", help="folder for the PNG files")
    p.add_argument("--only", help="only scenes whose name contains one of these (comma-separated), e.g. 'service'")
    p.add_argument("--resolution", choices=RESOLUTIONS, action="append")
    p.add_argument("--language", choices=LANGUAGES, action="append")
    p.add_argument("--theme", choices=("light", "dark"), default="light")
    p.add_argument("--text-size", choices=("normal", "larger", "largest"), default="normal",
                   help="the Aa step: larger is 150 %%, largest 200 %% of the site's text")
    p.add_argument("--large", action="store_true", help='the same as --text-size larger (one tap on "Aa")')
    args = p.parse_args(argv)
    if args.large and args.text_size == "normal":
        args.text_size = "larger"
    paths = render(Path(args.out), tuple(args.resolution or RESOLUTIONS), tuple(args.language or LANGUAGES),
                   args.only, args.theme, args.text_size)
    print(f"wrote {len(paths)} screenshots to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
