"""Resident and nurse queue flows in the real window, and the queue display."""


import pytest
from PySide6.QtCore import Qt

from kiosk.config import load_config
from PySide6.QtWidgets import QLabel

from kiosk import outbox
from kiosk.identity.keys import Identity
from kiosk.storage.models import OutboxItem
from tests.ui.conftest import background_done, settle

pytestmark = pytest.mark.gui


class StaffSession:
    """Stands in for KioskSession's two members this screen reads (tested in tests/identity)."""

    def __init__(self, identity=None):
        self.identity = identity
        self.asked = []

    @property
    def is_open(self):
        return self.identity is not None

    def require(self, name, resume, where=None):
        self.asked.append(name)
        return False


NURSE = Identity(key="staff", subject="nurse-7", role="nurse", name="Nurse")


@pytest.fixture
def queue_window(make_window, db, catalogue, tmp_path):
    from dataclasses import replace

    from ui.services import build_services
    from ui.wiring import attach_queue

    printer = tmp_path / "printer.bin"

    def make(printer_target=str(printer), session=None, display=False, resolution="1920x1080", identify=False,
             places=(), display_languages=()):
        extra = (f'[queue]\nlines = ["health-walkin"]\nrooms = ["112", "113"]\nprinter = "{printer_target}"\n'
                 f'display = {"true" if display else "false"}\nplaces = {list(places)!r}\n'
                 f'display_languages = {list(display_languages)!r}\n'.replace("'", '"'))
        device = tmp_path / "device-queue.toml"
        device.write_text(f'[device]\ndata_dir = "{(tmp_path / "data").as_posix()}"\n{extra}', encoding="utf-8")
        config = load_config(device)
        w = make_window(resolution=resolution)
        services = build_services(config, db, catalogue, sync=False)
        services = replace(services, session=session)  # the stand-in session, or None
        make.services[w] = services
        # identify: the resident's own key for the visit record (card or phone configured)
        attach_queue(w, services, identify_visitor=(lambda done: None) if identify else None)
        # The window shows staff places only to a staff role: here the stand-in session's.
        w.guard_staff_places(role=lambda: session.identity.role if session and session.identity else None,
                             ask_staff_key=(lambda place: session.require(f"staff.{place.name}", lambda _i: None))
                             if session is not None else None)
        return w, printer

    make.services = {}  # window -> the services it was built with (the window holds none)
    return make


def click(qtbot, widget):
    """A tap, and the database work it started handed back (the GUI thread never writes)."""
    from tests.ui.conftest import background_done

    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
    background_done(qtbot)


def test_resident_takes_a_number_from_the_home_tile(qtbot, queue_window, db):
    window, printer = queue_window()
    click(qtbot, window.screen("home").tiles["queue"])
    screen = window.current_screen()
    assert window.flow.current.name == "queue"
    click(qtbot, screen.tiles["health-walkin"])
    settle(qtbot)
    assert screen.number.text() == "A001"
    assert "Terveysasema" in screen.service_name.text()
    assert screen.ahead.text() == "Olet seuraavana vuorossa"
    assert "/api/v1/queue/tickets/" in screen.qr.text and screen.qr.text.endswith("?lang=fi")
    # 20 s: the first ticket of a process imports python-escpos, slow on a busy machine
    qtbot.waitUntil(lambda: screen.print_note.text() == "Lippu tulostettu.", timeout=20000)
    assert b"A001" in printer.read_bytes()
    with db.sessions() as s:
        assert [i.payload["event"] for i in outbox.pending_batch(s, 10)] == ["issued"]
    # A second person: one ahead now, and the wait is said in words.
    click(qtbot, screen.done)
    click(qtbot, window.screen("home").tiles["queue"])
    click(qtbot, screen.tiles["health-walkin"])
    assert screen.number.text() == "A002" and screen.ahead.text() == "Edelläsi: 1"
    assert "min" in screen.wait.text()


@pytest.mark.parametrize("lang, place, wait, caption", [
    ("fi", "Huone 112, 1. kerros", "Olet seuraavana vuorossa", "Seuraa vuoroasi puhelimella: lue koodi."),
    ("sv", "Rum 112, våning 1", None, None),
])
def test_the_printed_ticket_has_number_service_room_floor_wait_and_the_qr(qtbot, queue_window, tmp_path, lang, place,
                                                                          wait, caption):
    from tests.escpos_paper import decode, image_folder, paint

    window, printer = queue_window(places=["health-walkin: 112, 1"])
    window.translator.set_language(lang)
    t = window.translator.t
    click(qtbot, window.screen("home").tiles["queue"])
    screen = window.current_screen()
    click(qtbot, screen.tiles["health-walkin"])
    # 20 s: the first ticket of a process imports python-escpos, slow on a busy machine
    qtbot.waitUntil(lambda: screen.print_note.text() == t("queue.printed"), timeout=20000)
    paper = decode(printer.read_bytes())
    assert paper.cut
    assert paper.line(screen.number.text()).width == 8  # the number as on screen, huge
    name = screen.service_name.text()
    assert name in " ".join(paper.texts)
    assert paper.line(place).height == 2
    assert (wait or t("queue.next")) in paper.texts
    assert [q.payload for q in paper.qr_codes] == [screen.qr.text]  # the same page the screen's code opens
    assert (caption or t("queue.follow_phone")) in paper.texts
    paint(paper, str(image_folder(tmp_path) / f"ticket-walk-in-{lang}.png"))


def test_an_arabic_readers_ticket_is_printed_in_their_catalogue_language(qtbot, queue_window):
    # A printer's text mode cannot join or order Arabic letters: the screen stays Arabic, the
    # paper takes the fi/sv/en language the catalogue is shown in.
    from tests.escpos_paper import decode
    from ui.i18n import Translator

    window, printer = queue_window(places=["health-walkin: 112, 1"])
    window.translator.set_language("ar")
    click(qtbot, window.screen("home").tiles["queue"])
    screen = window.current_screen()
    click(qtbot, screen.tiles["health-walkin"])
    assert screen.ahead.text() == window.translator.t("queue.next")  # Arabic on screen
    # 20 s: the first ticket of a process imports python-escpos, slow on a busy machine
    qtbot.waitUntil(lambda: screen.print_note.text() == window.translator.t("queue.printed"), timeout=20000)
    paper_language = Translator(window.translator.data_language)
    texts = decode(printer.read_bytes()).texts
    assert paper_language.t("queue.next") in texts
    assert paper_language.t("queue.follow_phone") in " ".join(texts)  # wrapped on the paper
    assert not any("\u0600" <= ch <= "\u06ff" for text in texts for ch in text)


def test_a_broken_printer_never_hides_the_number(qtbot, queue_window):
    window, _ = queue_window(printer_target="/nonexistent-dir/lp0")
    window.flow.go("queue")
    screen = window.current_screen()
    click(qtbot, screen.tiles["health-walkin"])
    assert screen.number.text() == "A001" and screen.number.isVisible()
    # 20 s: the first ticket of a process imports python-escpos, slow on a busy machine
    qtbot.waitUntil(lambda: screen.print_note.text() == "Tulostin ei toimi. Ota numero muistiin.", timeout=20000)


def test_next_person_does_not_see_the_previous_number(qtbot, queue_window):
    window, _ = queue_window(printer_target="")
    window.flow.go("queue")
    screen = window.current_screen()
    click(qtbot, screen.tiles["health-walkin"])
    window.reset_for_next_person()
    window.flow.go("queue")
    assert screen.pages.currentIndex() == 0 and screen.qr.text == ""


def test_nurse_desk_needs_a_staff_key(qtbot, queue_window):
    session = StaffSession()
    window, _ = queue_window(printer_target="", session=session)
    window.flow.go("staff_queue")
    background_done(qtbot)  # the desk's snapshot comes from the database thread
    # The window's staff gate stands in front of the desk (one rule for every staff place):
    # the desk is not even built for someone without a staff key.
    gate = window.current_screen()
    assert gate is window.staff_gate() and "staff_queue" not in window.built_screens()
    click(qtbot, gate.sign_in)
    assert session.asked == ["staff.staff_queue"]


def test_nurse_calls_recalls_serves_and_records_the_outcome(qtbot, queue_window, db):
    session = StaffSession(NURSE)
    window, _ = queue_window(printer_target="", session=session)
    q = queue_window.services[window].queue
    a, b, c = (q.take_number("health-walkin") for _ in range(3))
    window.flow.go("staff_queue")
    background_done(qtbot)  # the desk's snapshot comes from the database thread
    screen = window.current_screen()
    assert screen.desk_view.isVisible()
    assert screen.waiting_heading.text() == "Odottavat (3)"
    click(qtbot, screen.room_chips["113"])
    click(qtbot, screen.call_next)
    assert q.ticket(a.id).status == "called" and q.ticket(a.id).room == "113"
    assert "A001" in screen.current_label.text()
    click(qtbot, screen.recall)
    assert q.ticket(a.id).recall_count == 1
    click(qtbot, screen.start)
    click(qtbot, screen.outcomes["follow_up_needed"])
    assert q.ticket(a.id).status == "done"
    with db.sessions() as s:
        visits = [i.payload for i in s.query(OutboxItem).filter_by(kind="walk_in_appointment")]
    assert visits and visits[0]["outcome"] == "follow_up_needed" and visits[0]["staff_id"] == "nurse-7"

    # Out of turn needs a reason; C is called before B.
    chip = screen.findChild(type(screen.room_chips["112"]), f"waiting-{c.label}")
    click(qtbot, chip)
    click(qtbot, screen.call_selected)
    click(qtbot, screen.reason_buttons["accessibility"])
    assert q.ticket(c.id).status == "called" and q.ticket(c.id).out_of_order_reason == "accessibility"
    click(qtbot, screen.no_show)
    assert q.ticket(c.id).status == "no_show"
    settle(qtbot)
    assert "1 ei saapunut" in screen.today.text() and "3 numeroa" in screen.today.text()


def test_nurse_changes_the_priority_class_of_a_waiting_number(qtbot, queue_window):
    from kiosk.queue_order import NEEDS_HELP, NORMAL, URGENT

    session = StaffSession(NURSE)
    window, _ = queue_window(printer_target="", session=session, resolution="1280x800")
    q = queue_window.services[window].queue
    a, b = q.take_number("health-walkin"), q.take_number("health-walkin")
    q.set_priority(b.id, NEEDS_HELP, from_resident=True)  # what the resident answered
    window.flow.go("staff_queue")
    background_done(qtbot)
    screen = window.current_screen()
    assert not screen.priority_box.isVisible()  # nothing chosen yet: the list keeps its room
    click(qtbot, screen.findChild(type(screen.room_chips["112"]), f"waiting-{b.label}"))
    settle(qtbot)
    assert screen.priority_buttons[NEEDS_HELP].isChecked() and screen.priority_buttons[URGENT].isVisible()
    for chip in screen.priority_buttons.values():  # all four fit beside each other on the small screen
        assert chip.visibleRegion().boundingRect().size() == chip.size(), chip.objectName()
    click(qtbot, screen.priority_buttons[URGENT])
    assert q.ticket(b.id).priority == URGENT
    click(qtbot, screen.priority_buttons[NORMAL])
    assert q.ticket(b.id).priority == NORMAL and q.ticket(a.id).priority == NORMAL


# This machine has no sound card (a kiosk has one): QtMultimedia says so at start, and
# the announcer then paces the files by their length instead of by playback.
@pytest.mark.qt_log_ignore(r"Couldn't (load|resolve) va", r"PulseAudioService", r"QSoundEffect", r"ALSA")
def test_display_shows_a_call_at_once_and_announces_it(qtbot, queue_window, tmp_path):
    from ui.queue_display import CallAnnouncer, QueueDisplayWindow

    window, _ = queue_window(printer_target="")
    q = queue_window.services[window].queue
    announcer = CallAnnouncer(("fi", "sv"), tmp_path / "calls")
    display = QueueDisplayWindow(queue=q, tr=window.translator, metrics=window.metrics, announcer=announcer)
    qtbot.addWidget(display)
    display.show()
    assert display.empty.isVisible()
    t = q.take_number("health-walkin")
    q.call_next(["health-walkin"], staff_id="n", room="112")
    # Same event-loop turn: no waiting needed for the screen.
    first_number = display.findChild(QLabel, "display-number-0")
    assert "A001" in first_number.text() and display.findChild(QLabel, "display-room-0").text() == "112"
    assert not display.empty.isVisible()
    qtbot.waitUntil(lambda: len(announcer.played) >= 1, timeout=10000)
    qtbot.waitUntil(lambda: announcer.played[:3] == ["chime.wav", "A001-fi.wav", "A001-sv.wav"], timeout=20000)
    assert t.label == "A001"


def test_the_nurse_finds_the_person_they_called_after_a_restart(qtbot, queue_window):
    window, _ = queue_window(printer_target="", session=StaffSession(NURSE))
    q = queue_window.services[window].queue
    t = q.take_number("health-walkin")
    q.call_next(["health-walkin"], staff_id=NURSE.subject, room="113")  # before the kiosk restarted
    window.flow.go("staff_queue")
    background_done(qtbot)  # the desk's snapshot comes from the database thread
    screen = window.current_screen()
    assert "A001" in screen.current_label.text() and screen.recall.isEnabled()
    click(qtbot, screen.no_show)
    assert q.ticket(t.id).status == "no_show"


class EndingStaffSession(StaffSession):
    def __init__(self, identity):
        super().__init__(identity)
        self.ended = []

    def end(self, reason="logout"):
        self.ended.append(reason)
        self.identity = None


def test_after_a_visit_the_nurse_hands_over_for_feedback_or_a_follow_up_booking(qtbot, queue_window, make_window,
                                                                               db, catalogue):
    from ui.wiring import attach_booking_and_feedback

    session = EndingStaffSession(NURSE)
    window, _ = queue_window(printer_target="", session=session)
    attach_booking_and_feedback(window, queue_window.services[window])
    q = queue_window.services[window].queue
    q.take_number("health-walkin")
    window.flow.go("staff_queue")
    background_done(qtbot)  # the desk's snapshot comes from the database thread
    screen = window.current_screen()
    click(qtbot, screen.call_next)
    click(qtbot, screen.outcomes["done"])
    assert screen.handover_feedback.isVisible() and not screen.handover_booking.isVisible()
    click(qtbot, screen.handover_feedback)
    assert session.ended == ["logout"]
    assert window.flow.current.name == "feedback"
    assert window.flow.current.get("service_id") == "health-station"
    assert window.flow.current.get("context") == "walk_in"

    session.identity = NURSE
    q.take_number("health-walkin")
    window.flow.go("staff_queue")
    background_done(qtbot)  # the desk's snapshot comes from the database thread
    click(qtbot, screen.call_next)
    click(qtbot, screen.outcomes["follow_up_needed"])
    assert screen.handover_booking.isVisible()
    click(qtbot, screen.handover_booking)
    assert window.flow.current.name == "booking" and window.flow.current.get("service_id") == "health-station"


def _cut_widgets(screen):
    """Buttons of the desk's right column that stick out of it, or whose words do not fit."""
    from PySide6.QtWidgets import QAbstractButton

    area = screen.actions_area
    view = area.viewport().rect()
    out = []
    for b in area.widget().findChildren(QAbstractButton):
        if not b.isVisibleTo(area.widget()):
            continue
        top_left = b.mapTo(area.viewport(), b.rect().topLeft())
        if top_left.x() < view.left() or top_left.x() + b.width() > view.right() + 1:
            out.append((b.objectName(), "outside the column", top_left.x(), b.width(), view.width()))
        elif b.text() and b.fontMetrics().horizontalAdvance(b.text()) > b.width() - 8:
            out.append((b.objectName(), "text cut", b.text()))
    return out


@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_the_desk_fits_at_1280x800_in_every_state(qtbot, queue_window, db, catalogue, lang):
    """Issue 11: labels cut; after Did not come the right column shifted and cut every button's left edge."""
    from ui.wiring import attach_booking_and_feedback

    session = EndingStaffSession(NURSE)
    window, _ = queue_window(printer_target="", session=session, resolution="1280x800", identify=True)
    attach_booking_and_feedback(window, queue_window.services[window])
    window.translator.set_language(lang)
    q = queue_window.services[window].queue
    for _ in range(4):
        q.take_number("health-walkin")
    window.flow.go("staff_queue")
    background_done(qtbot)  # the desk's snapshot comes from the database thread
    screen = window.current_screen()
    settle(qtbot)
    assert _cut_widgets(screen) == []
    click(qtbot, screen.call_next)
    click(qtbot, screen.no_show)  # Did not come
    settle(qtbot)
    assert screen.actions_area.horizontalScrollBar().value() == 0 and _cut_widgets(screen) == []
    click(qtbot, screen.call_next)
    click(qtbot, screen.start)
    settle(qtbot)
    assert screen.identify.isVisible() and _cut_widgets(screen) == []
    assert screen.identify.title.text() == window.translator.t("staff_queue.identify")  # whole, wrapped
    click(qtbot, screen.outcomes["follow_up_needed"])
    def handover_in_sight():
        area = screen.actions_area
        y = screen.handover_booking.mapTo(area.viewport(), screen.handover_booking.rect().topLeft()).y()
        return 0 <= y and y + screen.handover_booking.height() <= area.viewport().height()
    qtbot.waitUntil(handover_in_sight, timeout=3000)  # the next step is in sight, not below the fold
    settle(qtbot)
    assert screen.actions_area.horizontalScrollBar().value() == 0 and _cut_widgets(screen) == []


@pytest.mark.conformance("5.1.4", "WCAG 1.4.10")
@pytest.mark.parametrize("lang", ["fi", "sv"])
def test_the_desk_fits_its_page_and_stands_its_columns_one_under_the_other_at_200_percent(
        qtbot, queue_window, lang):
    """Issue 16: at 1280x800 the desk grew taller than its page (the right column's foot fell
    below the fold); at 200 % its right column went past the screen's right edge."""
    from ui.appearance import LARGEST, NORMAL

    window, _ = queue_window(printer_target="", session=EndingStaffSession(NURSE), resolution="1280x800")
    window.translator.set_language(lang)
    q = queue_window.services[window].queue
    for _ in range(12):
        q.take_number("health-walkin")
    window.flow.go("staff_queue")
    background_done(qtbot)  # the desk's snapshot comes from the database thread
    settle(qtbot)
    screen = window.current_screen()
    page = window.stack.page_of(screen)
    columns = (screen.list_area, screen.appointments_area, screen.actions_area)

    def right_edge(w):
        return w.mapTo(window, w.rect().topRight()).x()

    # The site's text: side by side, each column scrolls on its own, the page does not.
    assert not screen.desk_view.stacked and page.verticalScrollBar().maximum() == 0
    assert screen.list_area.verticalScrollBar().maximum() > 0   # twelve people do not fit: the list scrolls
    window.appearance.set_step(LARGEST)
    settle(qtbot)
    assert screen.desk_view.stacked
    assert page.verticalScrollBar().maximum() > 0   # one scroll bar, the page's
    for area in columns:
        assert area.verticalScrollBar().maximum() == 0, area.objectName()   # shown whole, nothing hidden inside
        assert right_edge(area.widget()) <= window.width()
    assert all(c.isVisible() and c.height() >= 64 for c in screen._waiting_chips.values())
    assert _cut_widgets(screen) == []
    window.appearance.set_step(NORMAL)
    settle(qtbot)
    assert not screen.desk_view.stacked and page.verticalScrollBar().maximum() == 0


def test_the_desk_shows_one_scroll_bar_when_its_columns_side_by_side_are_taller_than_the_page(
        qtbot, queue_window):
    """200 % text in Arabic at 1920x1080: the columns stay side by side but need more height
    than the page has; the page scrolled and so did the actions column beside it."""
    from ui.appearance import LARGEST

    window, _ = queue_window(printer_target="", session=EndingStaffSession(NURSE), resolution="1920x1080")
    window.translator.set_language("ar")
    window.flow.go("staff_queue")
    background_done(qtbot)
    window.appearance.set_step(LARGEST)
    settle(qtbot)
    screen = window.current_screen()
    page = window.stack.page_of(screen)
    assert not screen.desk_view.stacked and page.verticalScrollBar().maximum() > 0
    for area in (screen.list_area, screen.appointments_area, screen.actions_area):
        assert area.whole and area.verticalScrollBar().maximum() == 0, area.objectName()


def test_a_failed_desk_action_is_said_in_words_not_in_the_code(qtbot, queue_window):
    from kiosk.queue import QueueError

    session = StaffSession(NURSE)
    window, _ = queue_window(printer_target="", session=session)
    window.flow.go("staff_queue")
    background_done(qtbot)  # the desk's snapshot comes from the database thread
    screen = window.current_screen()
    screen._error(QueueError("wrong_state", "ticket is serving; started needs called"))
    assert screen.message.text() == "Tätä ei voi tehdä numerolle nyt. Päivitä näkymä."
    screen._error(QueueError("something_new", "raw detail"))
    assert screen.message.text() == "Toiminto ei onnistunut. Päivitä näkymä ja yritä uudelleen."


def _ink_height(lab: QLabel) -> int:
    """How tall the label's text stands on screen: the glyphs' ink, not the line's padding."""
    from PySide6.QtGui import QFontMetrics
    lab.ensurePolished()
    return QFontMetrics(lab.font()).tightBoundingRect(lab.text()).height()


def _display(qtbot, queue, tr, metrics, size, **kw):
    from ui.queue_display import QueueDisplayWindow
    display = QueueDisplayWindow(queue=queue, tr=tr, metrics=metrics, **kw)
    qtbot.addWidget(display)
    display.resize(*size)
    display.show()
    qtbot.waitExposed(display)
    settle(qtbot)
    return display


def _call(q, n: int, rooms=("112", "113")):
    for i in range(n):
        q.take_number("health-walkin")
        q.call_next(["health-walkin"], staff_id="n", room=rooms[i % len(rooms)])


@pytest.mark.parametrize("size", [(1920, 1080), (1280, 800)])
def test_the_display_can_be_read_from_across_a_waiting_room(qtbot, queue_window, size):
    from ui.i18n import Translator
    from ui.theme import metrics_for

    window, _ = queue_window(printer_target="")
    q = queue_window.services[window].queue
    _call(q, 6)  # one more than the display lists: the oldest drops off
    display = _display(qtbot, q, Translator("fi"), metrics_for(f"{size[0]}x{size[1]}"), size)
    width, height = size
    number = display.findChild(QLabel, "display-number-0")
    room = display.findChild(QLabel, "display-room-0")
    assert (number.text(), room.text()) == ("A006", "113")
    for lab in (number, room):
        # The digits themselves a sixth of the screen's height, and all of them on screen.
        assert _ink_height(lab) >= height / 6, (lab.objectName(), _ink_height(lab), height)
        assert lab.height() >= height / 6
        from PySide6.QtGui import QFontMetrics
        assert QFontMetrics(lab.font()).horizontalAdvance(lab.text()) <= lab.width()
        top_left = lab.mapTo(display, lab.rect().topLeft())
        assert top_left.x() >= 0 and top_left.x() + lab.width() <= width
    # The four calls before it, in order, all inside the window.
    earlier = [display.findChild(QLabel, f"display-number-{i}") for i in range(1, 5)]
    assert [lab.text() for lab in earlier] == ["A005", "A004", "A003", "A002"]
    last = display.findChild(QLabel, "display-room-4")
    assert last.isVisible() and last.mapTo(display, last.rect().bottomLeft()).y() <= height
    assert _ink_height(earlier[0]) < _ink_height(number)  # the newest stands out by size, not colour alone


@pytest.mark.qt_log_ignore(r"Couldn't (load|resolve) va", r"PulseAudioService", r"QSoundEffect", r"ALSA")
def test_the_display_takes_the_sites_languages_in_turn_and_the_calls_stay(qtbot, queue_window, tmp_path):
    from ui.i18n import Translator
    from ui.queue_display import CallAnnouncer
    from ui.theme import metrics_for

    window, _ = queue_window(printer_target="")
    q = queue_window.services[window].queue
    _call(q, 2)
    announcer = CallAnnouncer(("fi", "so", "ar"), tmp_path / "calls")
    assert announcer.languages == ("fi", "ar")  # Somali has no voice: shown, not spoken
    display = _display(qtbot, q, Translator("en"), metrics_for("1920x1080"), (1920, 1080),
                       languages=("fi", "sv", "ar"), rotate_s=0.3, announcer=announcer)
    number = display.findChild(QLabel, "display-number-0")
    where = number.mapTo(display, number.rect().topLeft())
    assert display.heading.text() == "Vuorossa nyt" and display.room_head.text() == "Huone"
    qtbot.waitUntil(lambda: display.heading.text() == "Nu på tur", timeout=3000)
    assert display.room_head.text() == "Rum" and display.earlier_head.text() == "Tidigare uppropade"
    qtbot.waitUntil(lambda: display.tr_.language == "ar", timeout=3000)
    settle(qtbot)
    assert display.layoutDirection() == Qt.LayoutDirection.RightToLeft
    assert display.heading.text() == "يُخدم الآن"
    # The number and the room are the same text in the same place in every language.
    assert number.text() == "A002" and display.findChild(QLabel, "display-room-0").text() == "113"
    assert number.mapTo(display, number.rect().topLeft()) == where
    qtbot.waitUntil(lambda: display.tr_.language == "fi", timeout=3000)  # and round again
    assert display.layoutDirection() == Qt.LayoutDirection.LeftToRight
    # A call while rotating is spoken in the voiced languages, in their order.
    q.take_number("health-walkin")
    q.call_next(["health-walkin"], staff_id="n", room="112")
    assert number.text() == "A003"
    qtbot.waitUntil(lambda: announcer.played[:3] == ["chime.wav", "A003-fi.wav", "A003-ar.wav"], timeout=20000)


@pytest.mark.qt_log_ignore(r"Couldn't (load|resolve) va", r"PulseAudioService", r"QSoundEffect", r"ALSA")
@pytest.mark.parametrize("configured, expected", [(["sv", "ar", "so"], ("sv", "ar", "so")), ([], None)])
def test_the_display_window_takes_its_languages_from_the_config(qtbot, queue_window, configured, expected):
    from PySide6.QtWidgets import QApplication

    window, _ = queue_window(printer_target="", display=True, display_languages=configured)
    display = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "queue-display" and w.isVisible())
    qtbot.addWidget(display)
    languages = expected or queue_window.services[window].config.ui.languages  # empty: the kiosk's languages
    assert display.languages == languages
    assert display.tr_.language == languages[0] and display.tr_ is not window.translator  # the kiosk's stays
    assert display.rotation.isActive() and display.rotation.interval() == 10_000  # queue.display_rotate_s
    assert display.announcer.languages == tuple(lang for lang in languages if lang != "so")


def test_the_waits_on_the_line_tiles_are_read_off_the_gui_thread(qtbot, queue_window, db):
    """Entering the screen reads each line's wait on the database thread and draws it when it
    is back: the GUI thread runs no query of its own (it drew 18-23 ms of reads before)."""
    import threading

    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    window, _ = queue_window()
    queue = queue_window.services[window].queue
    queue.take_number("health-walkin")  # the test's own setup: one person waiting
    on_gui = []

    def seen(conn, cursor, statement, *_):
        if threading.current_thread() is threading.main_thread():
            on_gui.append(statement)
    event.listen(Engine, "before_cursor_execute", seen)
    try:
        window.flow.go("queue")
        settle(qtbot)
    finally:
        event.remove(Engine, "before_cursor_execute", seen)
    tile = window.current_screen().tiles["health-walkin"]
    assert on_gui == []
    assert tile.subtitle.isVisible() and "1" in tile.subtitle.text()


def test_the_display_reads_its_calls_on_the_database_thread(qtbot, queue_window):
    """The recent calls are read off the GUI thread (at start and after each event) and
    drawn when back; a call still shows at once, from the event's own ticket."""
    import threading

    from ui.i18n import Translator
    from ui.theme import metrics_for

    window, _ = queue_window(printer_target="")
    q = queue_window.services[window].queue
    _call(q, 2)
    read_on: list[str] = []
    real = q.recent_calls

    def recorded(limit: int = 6):  # a spy: the real query runs, the thread is noted
        read_on.append(threading.current_thread().name)
        return real(limit)
    q.recent_calls = recorded
    display = _display(qtbot, q, Translator("fi"), metrics_for("1920x1080"), (1920, 1080))
    number = display.findChild(QLabel, "display-number-0")
    assert number.text() == "A002" and display.findChild(QLabel, "display-number-1").text() == "A001"
    _call(q, 1)
    assert number.text() == "A003"  # at once, before any read came back
    settle(qtbot)
    assert [display.findChild(QLabel, f"display-number-{i}").text() for i in range(3)] == ["A003", "A002", "A001"]
    assert read_on and all(name.startswith("kiosk-db") for name in read_on), read_on
