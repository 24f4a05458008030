"""I have an appointment: find the booking, check in, get a ticket with the room (issue 17).

Three ways to find the booking: its QR code under the kiosk's reader (a 2D scanner types
the code's text like a keyboard and ends with Enter), its reference typed on the screen's
keyboard, or the key the resident booked with. Every lookup and the check-in itself run on
the app's database thread (kiosk/checkin.py); the result says in plain words what happened
and offers the next step (kiosk/navigation.py ``checkin_next_steps``). Printing runs in the
background and a failing printer only adds a note: the number is always on screen.
"""

from __future__ import annotations

import dataclasses
import logging
from datetime import datetime
from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from kiosk import navigation
from kiosk.booking import Booking
from kiosk.catalogue.domain import tr as text_in
from kiosk.catalogue.hours import LOCAL_TZ
from kiosk.checkin import CheckInDesk, CheckInResult
from kiosk.flow import KioskFlow, Place as FlowPlace
from kiosk.printing import TicketPrint, print_ticket
from ui.widgets.pages import Pages
from ui.background import BackgroundCalls
from ui.format import address_lines, paper_translator, place_text, queue_line_name, wait_text
from ui.i18n import Translator
from ui.screens.base import Screen
from ui.screens.booking import booking_lines
from ui.theme import Metrics
from ui.widgets.keyboard import OnScreenKeyboard
from ui.widgets.calendar import day_text
from ui.widgets.qr import QrCodeWidget
from ui.widgets.removal import discard
from ui.widgets.touch import Tile, button, label

log = logging.getLogger(__name__)

CHOOSE, SCAN, TYPE, PICK, RESULT = range(5)


class CheckInScreen(Screen):
    def __init__(self, *, flow: KioskFlow, tr: Translator, metrics: Metrics, checkin: CheckInDesk, catalogue,
                 session, printer: str = "", follow_link: Callable | None = None,
                 runner: BackgroundCalls | None = None, end_session: Callable[[], None] | None = None,
                 priority_lines: frozenset[str] = frozenset()) -> None:
        super().__init__()
        self.priority_lines = priority_lines  # lines whose new tickets ask the priority questions
        self.flow, self.tr_, self.metrics = flow, tr, metrics
        self.checkin, self.catalogue, self.session = checkin, catalogue, session
        self.printer, self.follow_link = printer, follow_link
        self.runner = runner or BackgroundCalls(self)
        self.end_session = end_session or (lambda: None)
        self.result: CheckInResult | None = None
        self._generation = 0  # a reset or a new person: late answers are dropped
        self._busy = False

        self.pages = Pages()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(metrics.margin_px, metrics.margin_px // 2, metrics.margin_px, metrics.margin_px // 2)
        outer.addWidget(self.pages)
        self._build_choose()
        self._build_scan()
        self._build_type()
        self._build_pick()
        self._build_result()
        self.retranslate()

    # -- pages ----------------------------------------------------------------------------
    def _build_choose(self) -> None:
        m = self.metrics
        page = QWidget()
        col = QVBoxLayout(page)
        col.setContentsMargins(0, 0, 0, 0)
        col.setSpacing(m.gap_px)
        self.heading = label(role="title")
        col.addWidget(self.heading)
        self.tiles: dict[str, Tile] = {}
        for name, go in (("scan", lambda: self._show_page(SCAN)), ("ref", lambda: self._show_page(TYPE)),
                         ("key", self._by_key)):
            tile = Tile(m.tile_px)
            tile.setObjectName(f"checkin-{name}")
            tile.clicked.connect(lambda _=False, go=go: go())
            self.tiles[name] = tile
            col.addWidget(tile, 1)
        self.pages.addWidget(page)

    def _build_scan(self) -> None:
        page = QWidget()
        col = QVBoxLayout(page)
        col.setSpacing(self.metrics.gap_px)
        self.scan_heading = label(role="title")
        self.scan_hint = label(role="heading")
        # The reader types here; the field is out of the way of fingers but has the focus.
        self.scan_field = QLineEdit()
        self.scan_field.setObjectName("checkin-scan-field")
        self.scan_field.returnPressed.connect(lambda: self._find(qr=self.scan_field.text()))
        self.scan_back = button("", "", min_height=self.metrics.touch_px)
        self.scan_back.clicked.connect(lambda: self._show_page(CHOOSE))
        for w in (self.scan_heading, self.scan_hint, self.scan_field):
            col.addWidget(w)
        col.addStretch(1)
        col.addWidget(self.scan_back, 0, Qt.AlignmentFlag.AlignLeft)
        self.pages.addWidget(page)

    def _build_type(self) -> None:
        page = QWidget()
        col = QVBoxLayout(page)
        col.setSpacing(self.metrics.gap_px)
        self.type_heading = label(role="title")
        self.type_hint = label(role="muted")
        self.ref_field = QLineEdit()
        self.ref_field.setObjectName("checkin-ref")
        self.ref_field.setMaxLength(12)
        self.ref_field.returnPressed.connect(lambda: self._find(ref=self.ref_field.text()))
        self.ref_field.textChanged.connect(self._upper)
        self.keyboard = OnScreenKeyboard(tr=self.tr_, metrics=self.metrics, digits=True)
        self.keyboard.attach(self.ref_field)
        row = QHBoxLayout()
        self.type_back = button("", "", min_height=self.metrics.touch_px)
        self.type_back.clicked.connect(lambda: self._show_page(CHOOSE))
        self.find_button = button("", "", role="primary", min_height=self.metrics.touch_px)
        self.find_button.setObjectName("checkin-find")
        self.find_button.clicked.connect(lambda: self._find(ref=self.ref_field.text()))
        row.addWidget(self.type_back)
        row.addStretch(1)
        row.addWidget(self.find_button)
        for w in (self.type_heading, self.type_hint, self.ref_field):
            col.addWidget(w)
        col.addWidget(self.keyboard, 1)
        col.addLayout(row)
        self.pages.addWidget(page)

    def _upper(self, text: str) -> None:
        # References are printed in capitals: what is typed reads the same way.
        if text != text.upper():
            pos = self.ref_field.cursorPosition()
            self.ref_field.setText(text.upper())
            self.ref_field.setCursorPosition(pos)

    def _build_pick(self) -> None:
        page = QWidget()
        self.pick_col = QVBoxLayout(page)
        self.pick_col.setSpacing(self.metrics.gap_px)
        self.pick_heading = label(role="title")
        self.pick_col.addWidget(self.pick_heading)
        self.pick_tiles: list[Tile] = []
        self.pages.addWidget(page)

    def _build_result(self) -> None:
        m = self.metrics
        page = QWidget()
        row = QHBoxLayout(page)
        row.setSpacing(m.gap_px * 2)
        left = QVBoxLayout()
        left.setSpacing(m.gap_px // 2)
        self.message = label(role="heading")
        self.message.setObjectName("checkin-message")
        self.number = label(wrap=False)
        self.number.setObjectName("checkin-number")
        self.number.setStyleSheet(f"font-size: {m.title_pt * 3.5:.0f}pt; font-weight: 800;")
        self.room = label(role="title")
        self.room.setObjectName("checkin-room")
        self.line_name = label(role="heading")
        self.wait = label()
        self.details = label(role="muted")
        self.print_note = label(role="small")
        self.print_note.setObjectName("checkin-print-note")
        for w in (self.message, self.number, self.room, self.line_name, self.wait, self.details, self.print_note):
            left.addWidget(w)
        left.addStretch(1)
        self.actions = QHBoxLayout()
        self.action_buttons: dict[str, object] = {}
        for name in ("take_number", "book_again", "again", "done"):
            b = button("", "", role="primary" if name == "done" else "", min_height=m.touch_px)
            b.setObjectName(f"checkin-{name}")
            b.clicked.connect(lambda _=False, name=name: self._next(name))
            self.action_buttons[name] = b
            self.actions.addWidget(b)
        self.actions.addStretch(1)
        left.addLayout(self.actions)
        row.addLayout(left, 3)
        right = QVBoxLayout()
        self.qr = QrCodeWidget(size_px=m.tile_px * 2)
        self.qr.setObjectName("checkin-qr")
        self.qr_hint = label(role="muted")
        right.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignHCenter)
        right.addWidget(self.qr_hint)
        right.addStretch(1)
        row.addLayout(right, 2)
        self.pages.addWidget(page)

    # -- screen protocol ------------------------------------------------------------------
    def title(self) -> str:
        return self.tr_.t("checkin.bar_title")

    def spoken(self):
        from kiosk.speech import Utterance
        from ui.speech import describe, spoken_ticket
        t = self.tr_
        if self.pages.currentIndex() == RESULT and self.number.isVisible() and self.number.text():
            # The number said in full first: it is what the person must remember (5.1.3.16).
            said = Utterance(t.t("speech.queue_number", number=spoken_ticket(self.number.text())), t.language)
            return describe(t, self, self.title(), first=[said], skip=[self.number])
        return describe(t, self, self.title())

    def enter(self, place: FlowPlace) -> None:
        if self.result is None:
            self._show_page(CHOOSE)
        elif self.result.ticket is not None and self.result.outcome == "checked_in":
            self._refresh_estimate()  # back from the priority questions: the ticket may have moved ahead

    def _refresh_estimate(self) -> None:
        result, gen = self.result, self._generation

        def done(est, error) -> None:
            if error is None and gen == self._generation and self.result is result:
                self.result = dataclasses.replace(result, estimate=est)
                self._show_result(self.result)
        self.runner.db(lambda: self.checkin.queue.estimate(result.ticket.id), done)

    def clear(self) -> None:
        self._generation += 1
        self._busy = False
        self.result = None
        self.scan_field.clear()
        self.ref_field.clear()
        self.qr.set_text("")
        self.print_note.setText("")
        self._show_page(CHOOSE)

    def retranslate(self) -> None:
        t = self.tr_.t
        self.heading.setText(t("checkin.heading"))
        for name, tile in self.tiles.items():
            tile.set_texts(t(f"checkin.{name}.title"), t(f"checkin.{name}.subtitle"))
            tile.setAccessibleName(t(f"checkin.{name}.title"))
        self.scan_heading.setText(t("checkin.scan.title"))
        self.scan_hint.setText(t("checkin.scan.subtitle"))
        self.scan_field.setPlaceholderText(t("checkin.scan.waiting"))
        self.type_heading.setText(t("checkin.ref.title"))
        self.type_hint.setText(t("checkin.ref.subtitle"))
        self.ref_field.setPlaceholderText("ABCD-EFGH")
        self.find_button.setText(t("checkin.find"))
        for b in (self.scan_back, self.type_back):
            b.setText(t("checkin.other_way"))
        self.pick_heading.setText(t("checkin.choose_booking"))
        for name, b in self.action_buttons.items():
            b.setText(t(f"checkin.{name}"))
            b.setAccessibleName(t(f"checkin.{name}"))
        self.qr_hint.setText(t("queue.follow_phone"))
        self.qr.setAccessibleName(t("queue.follow_phone"))
        self.keyboard.retranslate()
        if self.result is not None:
            self._show_result(self.result)

    def _show_page(self, index: int) -> None:
        self.pages.setCurrentIndex(index)
        if index == SCAN:
            self.scan_field.clear()
            self.scan_field.setFocus()
        elif index == TYPE:
            self.ref_field.setFocus()

    # -- finding and checking in ----------------------------------------------------------
    def _by_key(self) -> None:
        gen = self._generation
        self.session.require("checkin.bar_title", lambda identity: self._find_for(gen, subject=identity.subject),
                             where="checkin")

    def _find(self, **how) -> None:
        self._find_for(self._generation, **how)

    def _find_for(self, gen: int, **how) -> None:
        if self._busy or gen != self._generation:
            return
        self._busy = True

        def done(found, error) -> None:
            self._busy = False
            if gen != self._generation:
                return
            if error is not None:
                log.error("booking lookup failed: %s", error)
                self._show_error()
                return
            if not found:
                self._show_result(CheckInResult("not_found"))
            elif len(found) == 1:
                self._check_in(found[0].id)
            else:
                self._show_pick(found)
        self.runner.db(lambda: self.checkin.find(**how), done)

    def _show_pick(self, bookings: list[Booking]) -> None:
        for tile in self.pick_tiles:
            discard(tile)
        self.pick_tiles = []
        t = self.tr_
        for b in bookings:
            lines = booking_lines(t, self.catalogue, b, b.service_id, b.channel_id)
            tile = Tile(self.metrics.tile_px)
            tile.set_texts(lines[0], " · ".join(lines[1:3]))
            tile.clicked.connect(lambda _=False, bid=b.id: self._check_in(bid))
            self.pick_col.addWidget(tile)
            self.pick_tiles.append(tile)
        self._show_page(PICK)

    def _check_in(self, booking_id: str) -> None:
        if self._busy:
            return
        self._busy = True
        gen = self._generation

        def done(result, error) -> None:
            self._busy = False
            if gen != self._generation:
                return
            if error is not None:
                log.error("check-in failed: %s", error)
                self._show_error()
                return
            self.result = result
            self._show_result(result)
            if result.ticket is not None and self.printer and result.outcome == "checked_in":
                self._print(result)
            if result.ticket is not None and result.outcome == "checked_in":
                navigation.follow(self.flow, navigation.after_ticket(result.ticket.id, result.ticket.line_id,
                                                                     self.priority_lines))
        self.runner.db(lambda: self.checkin.check_in(booking_id), done)

    # -- the result -----------------------------------------------------------------------
    def _message(self, r: CheckInResult) -> str:
        t = self.tr_
        b = r.booking
        if r.outcome == "early" and r.opens_at is not None:
            text = t.t("checkin.outcome.early", time=t.time(r.opens_at.astimezone(LOCAL_TZ)))
            # The service's own rule in words, so "from 9.45" does not look arbitrary.
            return f"{text} {t.t('checkin.rule.early', count=r.rule.early_min)}" if r.rule else text
        if r.outcome == "late" and r.rule is not None:
            return f"{t.t('checkin.rule.late', count=r.rule.late_min)} {t.t('checkin.outcome.late')}"
        if r.outcome == "other_day" and b is not None:
            return t.t("checkin.outcome.other_day", day=day_text(t, b.starts_at.astimezone(LOCAL_TZ).date()))
        if r.outcome == "wrong_place":
            return t.t("checkin.outcome.wrong_place", place=self._booking_address(b))
        return t.t(f"checkin.outcome.{r.outcome}")

    def _booking_address(self, b: Booking | None) -> str:
        if b is None:
            return ""
        service = self.catalogue.service(b.service_id)
        channel = next((c for c in service.channels if c.id == b.channel_id), None) if service else None
        if channel is None:
            return ""
        lang = self.tr_.data_language
        return ", ".join(address_lines(channel, lang)) or text_in(channel.names, lang)

    def _show_result(self, r: CheckInResult) -> None:
        t = self.tr_
        self.message.setText(self._message(r))
        ticket = r.ticket
        for w in (self.number, self.room, self.line_name, self.wait):
            w.setVisible(ticket is not None)
        if ticket is not None:
            self.number.setText(ticket.label)
            self.number.setAccessibleName(f"{t.t('queue.your_number')} {ticket.label}")
            self.room.setText(place_text(t, r.place))
            self.room.setVisible(bool(r.place and r.place.room))
            self.line_name.setText(queue_line_name(self.checkin.queue.lines, self.catalogue, ticket.line_id,
                                                   t.data_language))
            est = r.estimate
            if est is None or est.ahead == 0:
                self.wait.setText(t.t("queue.next"))
            else:
                self.wait.setText(f"{t.t('queue.ahead', n=est.ahead)} · {t.t('queue.wait', count=est.minutes)}")
        b = r.booking
        self.details.setText("\n".join(booking_lines(t, self.catalogue, b, b.service_id, b.channel_id)[:3])
                             if b is not None else "")
        link = self.follow_link(ticket, t.data_language) if (ticket is not None and self.follow_link) else ""
        self.qr.set_text(link)
        self.qr.setVisible(bool(link))
        self.qr_hint.setVisible(bool(link))
        steps = navigation.checkin_next_steps(r.outcome)
        for name, button_ in self.action_buttons.items():
            button_.setVisible(name in steps)
        self._show_page(RESULT)

    def _show_error(self) -> None:
        self.message.setText(self.tr_.t("checkin.error"))
        for w in (self.number, self.room, self.line_name, self.wait, self.qr, self.qr_hint):
            w.setVisible(False)
        self.details.setText("")
        for name, b in self.action_buttons.items():
            b.setVisible(name in ("again", "done"))
        self._show_page(RESULT)

    def _next(self, choice: str) -> None:
        b = self.result.booking if self.result is not None else None
        step = navigation.checkin_step(choice, service_id=b.service_id if b else None,
                                       channel_id=b.channel_id if b else None)
        if step.how == navigation.STAY:
            self.clear()
            return
        self.clear()
        navigation.follow(self.flow, step, end_session=self.end_session)

    # -- the paper ticket -----------------------------------------------------------------
    def _print(self, r: CheckInResult) -> None:
        gen = self._generation
        ticket_print = checkin_ticket(paper_translator(self.tr_), r, self.catalogue, self.checkin, self.follow_link)
        self.print_note.setText(self.tr_.t("queue.printing"))

        def done(_result, error) -> None:
            if gen != self._generation:
                return
            if error is not None:
                log.warning("check-in ticket %s not printed: %s", r.ticket.label, error)
                self.print_note.setText(self.tr_.t("queue.print_failed"))
            else:
                self.print_note.setText(self.tr_.t("queue.printed"))
        self.runner.run(lambda: print_ticket(self.printer, ticket_print), done)


def checkin_ticket(t: Translator, r: CheckInResult, catalogue, checkin: CheckInDesk,
                   follow_link: Callable | None, now: datetime | None = None) -> TicketPrint:
    """The paper ticket: number, service, room and floor, expected wait, the booked time, QR."""
    ticket, est, b = r.ticket, r.estimate, r.booking
    lines = []
    if b is not None:
        lines.append(booking_lines(t, catalogue, b, b.service_id, b.channel_id)[2])  # the booked time
    lines.append((now or datetime.now(LOCAL_TZ)).astimezone(LOCAL_TZ).strftime("%d.%m.%Y %H.%M"))
    link = follow_link(ticket, t.data_language) if follow_link else None
    name = queue_line_name(checkin.queue.lines, catalogue, ticket.line_id, t.data_language)
    return TicketPrint(label=ticket.label, service_name=name, lines=tuple(lines), place=place_text(t, r.place),
                       wait=wait_text(t, est) if est is not None else "", qr_payload=link,
                       qr_caption=t.t("queue.follow_phone") if link else "")
