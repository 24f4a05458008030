"""Take a queue number: choose a line, get a big number, the wait, and a QR to follow it.

No key is needed. The number is on disk before it is shown: it is taken on the app's
database thread (ui/background.py), never on the GUI thread; printing happens in the
background and a failing printer only adds a note - the number is always on screen.
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import TYPE_CHECKING, Callable, Mapping

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from kiosk import navigation
from kiosk.catalogue.hours import LOCAL_TZ
from kiosk.flow import KioskFlow, Place
from kiosk.printing import TicketPrint, print_ticket
from kiosk.queue import QueueTicket, WaitEstimate, WalkInQueue
from ui.widgets.pages import Pages
from ui.format import paper_translator, place_text, queue_line_name, wait_text
from ui.i18n import Translator
from ui.screens.base import Screen
from ui.background import BackgroundCalls
from ui.theme import Metrics
from ui.widgets.qr import QrCodeWidget
from ui.widgets.touch import Tile, button, kinetic_scroll_area, label

if TYPE_CHECKING:
    from kiosk.checkin import Place as LinePlace

log = logging.getLogger(__name__)

# Built by the window from the backend address: ticket -> language -> phone page URL.
FollowLink = Callable[[QueueTicket, str], str]


class QueueScreen(Screen):
    def __init__(self, *, flow: KioskFlow, tr: Translator, metrics: Metrics, queue: WalkInQueue, catalogue,
                 printer: str = "", follow_link: FollowLink | None = None,
                 runner: BackgroundCalls | None = None, places: Mapping[str, LinePlace] | None = None,
                 priority_lines: frozenset[str] = frozenset()) -> None:
        super().__init__()
        self.priority_lines = priority_lines  # lines whose new tickets ask the priority questions
        self.flow, self.tr_, self.metrics = flow, tr, metrics
        self.queue, self.catalogue = queue, catalogue
        self.printer = printer
        self.places = dict(places or {})  # line id -> where it is served (queue.places), for the ticket
        self.follow_link = follow_link
        self.runner = runner or BackgroundCalls(self)
        self.ticket: QueueTicket | None = None
        self._estimate: WaitEstimate | None = None
        self._print_job = 0
        self._taking = False  # a number is being taken: a second tap must not take another
        # The wait per line as last read (line id -> estimate), drawn again at a language switch.
        self._line_estimates: dict[str, WaitEstimate] = {}
        self._reading_lines = False

        self.pages = Pages()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(metrics.margin_px, metrics.margin_px, metrics.margin_px, metrics.margin_px)
        outer.addWidget(self.pages)

        # Page 1: which line.
        choose = QWidget()
        col = QVBoxLayout(choose)
        col.setContentsMargins(0, 0, 0, 0)
        col.setSpacing(metrics.gap_px)
        self.choose_heading = label(role="title")
        col.addWidget(self.choose_heading)
        tiles_box = QWidget()
        self.tiles_col = QVBoxLayout(tiles_box)
        self.tiles_col.setSpacing(metrics.gap_px)
        self.tiles: dict[str, Tile] = {}
        for line in queue.lines.values():
            tile = Tile(metrics.tile_px)
            tile.setObjectName(f"queue-line-{line.id}")
            tile.clicked.connect(lambda _=False, lid=line.id: self.take(lid))
            self.tiles[line.id] = tile
            self.tiles_col.addWidget(tile)
        self.tiles_col.addStretch(1)
        col.addWidget(kinetic_scroll_area(tiles_box), 1)
        self.pages.addWidget(choose)

        # Page 2: the ticket.
        ticket = QWidget()
        row = QHBoxLayout(ticket)
        row.setSpacing(metrics.gap_px * 2)
        left = QVBoxLayout()
        left.setSpacing(metrics.gap_px)
        self.your_number = label(role="heading")
        self.number = label(wrap=False)
        self.number.setObjectName("queue-number")
        # The number is what the person must remember: as large as the screen allows.
        # (A style rule, since the application style sheet sets every widget's font size.)
        self.number.setStyleSheet(f"font-size: {metrics.title_pt * 4:.0f}pt; font-weight: 800;")
        self.service_name = label(role="heading")
        self.ahead = label()
        self.wait = label()
        self.watch = label(role="muted")
        self.print_note = label(role="small")
        self.print_note.setObjectName("queue-print-note")
        self.done = button("", "", role="primary", min_height=metrics.touch_px)
        self.done.setObjectName("queue-done")
        self.done.clicked.connect(flow.home)
        for w in (self.your_number, self.number, self.service_name, self.ahead, self.wait, self.watch,
                  self.print_note):
            left.addWidget(w)
        left.addStretch(1)
        left.addWidget(self.done, 0, Qt.AlignmentFlag.AlignLeft)
        row.addLayout(left, 3)
        right = QVBoxLayout()
        self.qr = QrCodeWidget(size_px=metrics.tile_px * 2)
        self.qr.setObjectName("queue-qr")
        self.qr_hint = label(role="muted")
        right.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignHCenter)
        right.addWidget(self.qr_hint)
        right.addStretch(1)
        row.addLayout(right, 2)
        self.pages.addWidget(ticket)
        self.retranslate()

    # -- screen protocol -------------------------------------------------------------------
    def title(self) -> str:
        return self.tr_.t("queue.bar_title")

    def spoken(self):
        from kiosk.speech import Utterance
        from ui.speech import describe, spoken_ticket
        t = self.tr_
        if self.pages.currentIndex() == 1 and self.ticket is not None:
            # The number said in full first: it is what the person must remember (5.1.3.16).
            said = Utterance(t.t("speech.queue_number", number=spoken_ticket(self.ticket.label)), t.language)
            return describe(t, self, self.title(), first=[said], skip=[self.number, self.your_number])
        return describe(t, self, self.title())

    def enter(self, place: Place) -> None:
        if self.ticket is None:
            self.pages.setCurrentIndex(0)
            self._refresh_lines(after_paint=True)
        else:  # back from the priority questions: the answers may have moved the ticket ahead
            self._refresh_estimate()

    def _refresh_estimate(self) -> None:
        ticket, job = self.ticket, self._print_job

        def done(est, error) -> None:
            if error is None and job == self._print_job and self.ticket is ticket:
                self._estimate = est
                self._show_ticket(ticket, est, print_status=None)
        self.runner.db(lambda: self.queue.estimate(ticket.id), done)

    def clear(self) -> None:
        self.ticket = None
        self._estimate = None
        self._print_job += 1  # a late printer answer belongs to the previous person
        self.print_note.setText("")
        self.qr.set_text("")
        self.pages.setCurrentIndex(0)

    def retranslate(self) -> None:
        t = self.tr_.t
        self.choose_heading.setText(t("queue.choose_line"))
        self.your_number.setText(t("queue.your_number"))
        self.watch.setText(t("queue.watch_screen"))
        self.qr_hint.setText(t("queue.follow_phone"))
        self.qr.setAccessibleName(t("queue.follow_phone"))
        self.done.setText(t("queue.done"))
        self.done.setAccessibleName(t("queue.done"))
        self._refresh_lines()
        if self.ticket is not None and self._estimate is not None:
            self._show_ticket(self.ticket, self._estimate, print_status=None)

    # -- lines -----------------------------------------------------------------------------
    def _line_name(self, line_id: str) -> str:
        return queue_line_name(self.queue.lines, self.catalogue, line_id, self.tr_.data_language)

    def _refresh_lines(self, after_paint: bool = False) -> None:
        """Draw the tiles with the waits last read, and read them again on the database
        thread (a query per line: 18-23 ms of the GUI thread when read on entering). On
        entering, the read starts once the screen is drawn: run alongside its first paint,
        the paint waited for the database thread's Python (ui/background.py)."""
        self._draw_lines()
        if self._reading_lines:
            return
        self._reading_lines = True
        lines = list(self.tiles)

        def done(result, error) -> None:
            self._reading_lines = False
            if error is not None:
                raise error  # logged and shown by the runner; the tiles keep their names
            self._line_estimates = result
            self._draw_lines()
        def read() -> dict:
            return {lid: self.queue.estimate_for_newcomer(lid) for lid in lines}
        if after_paint:
            self.runner.db_after_paint(self, read, done)
        else:
            self.runner.db(read, done)

    def _draw_lines(self) -> None:
        t = self.tr_.t
        for line_id, tile in self.tiles.items():
            est = self._line_estimates.get(line_id)
            if est is None:  # not read yet: the name alone for the frame or two until it is
                sub = ""
            elif est.ahead:
                sub = t("queue.line_status", count=est.minutes, waiting=est.ahead)
            else:
                sub = t("queue.line_empty")
            name = self._line_name(line_id)
            tile.set_texts(name, sub)
            tile.setAccessibleName(f"{name}. {sub}" if sub else name)

    # -- taking a number -------------------------------------------------------------------
    def take(self, line_id: str) -> None:
        """Take a number on the database thread; show it when it is on disk."""
        if self._taking:
            return
        self._taking = True
        job = self._print_job  # a reset meanwhile means the person is gone

        def work() -> tuple[QueueTicket, WaitEstimate]:
            ticket = self.queue.take_number(line_id)
            return ticket, self.queue.estimate(ticket.id)

        def done(result, error) -> None:
            self._taking = False
            if job != self._print_job:
                return
            if error is not None:
                log.error("could not issue a queue number: %s", error)
                self.print_note.setText(self.tr_.t("queue.error.not_issued"))  # the code is in the log
                return
            ticket, est = result
            self.ticket, self._estimate = ticket, est
            self._show_ticket(ticket, est, print_status="printing" if self.printer else None)
            self.pages.setCurrentIndex(1)
            if self.printer:
                self._print(ticket, est)
            navigation.follow(self.flow, navigation.after_ticket(ticket.id, ticket.line_id, self.priority_lines))
        self.runner.db(work, done)

    def _show_ticket(self, ticket: QueueTicket, est: WaitEstimate, print_status: str | None) -> WaitEstimate:
        t = self.tr_.t
        self.number.setText(ticket.label)
        self.number.setAccessibleName(f"{t('queue.your_number')} {ticket.label}")
        self.service_name.setText(self._line_name(ticket.line_id))
        self.ahead.setText(t("queue.next") if est.ahead == 0 else t("queue.ahead", n=est.ahead))
        self.wait.setText("" if est.ahead == 0 else t("queue.wait", count=est.minutes))
        if print_status is not None:
            self.print_note.setText(t(f"queue.{print_status}"))
        link = self.follow_link(ticket, self.tr_.data_language) if self.follow_link else ""
        self.qr.set_text(link)
        self.qr.setVisible(bool(link))
        self.qr_hint.setVisible(bool(link))
        return est

    def _print(self, ticket: QueueTicket, est: WaitEstimate) -> None:
        self._print_job += 1
        job = self._print_job
        t, paper = self.tr_.t, paper_translator(self.tr_)
        when = datetime.now(LOCAL_TZ).strftime("%d.%m.%Y %H.%M")
        link = self.follow_link(ticket, self.tr_.data_language) if self.follow_link else None
        ticket_print = TicketPrint(label=ticket.label, service_name=self._line_name(ticket.line_id),
                                   place=place_text(paper, self.places.get(ticket.line_id)),
                                   wait=wait_text(paper, est), lines=(when,), qr_payload=link,
                                   qr_caption=paper.t("queue.follow_phone") if link else "")

        def done(_result, error) -> None:
            if job != self._print_job:
                return
            if error is not None:
                log.warning("ticket %s not printed: %s", ticket.label, error)
                self.print_note.setText(t("queue.print_failed"))
            else:
                self.print_note.setText(t("queue.printed"))

        self.runner.run(lambda: print_ticket(self.printer, ticket_print), done)
