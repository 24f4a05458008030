"""The nurse's side of the queue: who waits, call next, recall, move, no-show, out of
turn with a reason, the appointment with its outcome, and today's figures.

Needs a staff session (nurse or admin). Everything works offline: changes go to the
local queue and the outbox. Every query and change runs on the app's database thread
(ui/background.py); the GUI thread only shows the snapshot that comes back.
"""

from __future__ import annotations

import logging
from datetime import datetime, timezone
from typing import Callable

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import QHBoxLayout, QScrollArea, QVBoxLayout, QWidget

from kiosk.flow import FOLLOW_UP, STAFF_QUEUE, KioskFlow, Place
from kiosk.catalogue.domain import tr as text_in
from kiosk.catalogue.hours import LOCAL_TZ
from kiosk.queue import OUT_OF_ORDER_REASONS, QueueTicket, WalkInQueue
from kiosk.queue_order import PRIORITY_CLASSES, passed_count, why_next
from kiosk.walk_in import OUTCOMES, WalkInDesk
from ui.background import BackgroundCalls, OnGuiThread
from ui.format import queue_line_name
from ui.i18n import Translator
from ui.screens.base import Screen
from ui.theme import Metrics
from ui.widgets.column_area import ColumnArea
from ui.widgets.reflow import Columns, EvenRows, FlowLayout
from ui.widgets.removal import clear_layout, discard
from ui.widgets.touch import ChoiceChip, Tile, button, kinetic_scroll_area, label
from ui.widgets.wrapping_chip import WrappingChip

log = logging.getLogger(__name__)


class DeskColumns(Columns):
    """The waiting list and the nurse's actions side by side while they fit, the actions under
    the list when they do not (200 % text, or Swedish at 1280x800); its ``ColumnArea``s follow:
    they stand whole when the columns are stacked, and when the page has to scroll anyway
    because the columns side by side need more height than it has (200 % text at 1920x1080
    in Arabic: the page's scroll bar and the actions column's stood side by side)."""

    def __init__(self, spacing: int) -> None:
        super().__init__(spacing=spacing)
        self.areas: list[ColumnArea] = []

    def resizeEvent(self, event) -> None:   # noqa: N802
        super().resizeEvent(event)
        self._follow()

    def event(self, event) -> bool:
        # Another language or text size changes the columns' widths but not the desk's own:
        # no resize comes, so the choice is made again when the layout asks.
        if event.type() == QEvent.Type.LayoutRequest:
            self._arrange(self.width())
            self._follow()
        return super().event(event)

    def _follow(self) -> None:
        whole = self.stacked or self._side_by_side_height() > self._room()
        for area in self.areas:
            area.set_whole(whole)

    def _side_by_side_height(self) -> int:
        """The height the columns need side by side while their areas scroll on their own,
        whether they are whole now or not (so the choice does not feed on itself)."""
        need = 0
        for i in range(self.box.count()):
            column = self.box.itemAt(i).widget()
            if column is None or column.isHidden():
                continue
            height = column.minimumSizeHint().height()
            for area in self.areas:
                if area.whole and not area.isHidden() and (area is column or column.isAncestorOf(area)):
                    # A column's parts stand one under the other: a whole area's content
                    # height is in the column's once, in place of its scrolling height.
                    height -= area.minimumSizeHint().height() - area.scrolling_height()
            need = max(need, height)
        return need

    def _room(self) -> int:
        """The height the page (ui/widgets/page_stack.py) leaves the desk without scrolling."""
        page, screen = self.parentWidget(), self
        while page is not None and not (isinstance(page, QScrollArea) and page.objectName() == "page"):
            screen, page = page, page.parentWidget()
        if page is None:
            return 1 << 30   # not in a page (a test's bare screen): nothing scrolls it
        screen = page.widget()
        around = screen.minimumSizeHint().height() - self.minimumSizeHint().height()
        return page.viewport().height() - max(0, around)


class StaffQueueScreen(Screen):
    def __init__(self, *, flow: KioskFlow, tr: Translator, metrics: Metrics, queue: WalkInQueue,
                 desk: WalkInDesk, catalogue, session, rooms: tuple[str, ...] = ("1",),
                 now: Callable[[], datetime] = lambda: datetime.now(timezone.utc),
                 identify_visitor: Callable[[Callable[[object], None]], None] | None = None,
                 runner: BackgroundCalls | None = None, checkin=None) -> None:
        """``checkin``: kiosk.checkin.CheckInDesk, for today's appointments beside the queue."""
        super().__init__()
        self.checkin = checkin
        self.runner = runner or BackgroundCalls(self)
        self._refreshes = 0  # only the newest snapshot is shown
        self.flow, self.tr_, self.metrics = flow, tr, metrics
        self.queue, self.desk, self.catalogue, self.session = queue, desk, catalogue, session
        self.now = now
        # Asks the person in the visit for their own key; calls back with their identity.
        self.identify_visitor = identify_visitor
        self.visitor_identified = False
        self.rooms = rooms or ("1",)
        self.room = self.rooms[0]
        self.current: QueueTicket | None = None
        self.appointment_id: str | None = None
        self.selected: str | None = None
        m = metrics

        outer = QVBoxLayout(self)
        # Room at the bottom for the signed-in badge, which lies over the lower left corner.
        outer.setContentsMargins(m.margin_px, m.margin_px // 2, m.margin_px, m.margin_px // 2)
        outer.setSpacing(m.gap_px)

        # Shown instead of the desk until a nurse has signed in.
        self.locked = QWidget()
        lcol = QVBoxLayout(self.locked)
        self.locked_text = label(role="heading")
        self.sign_in = button("", "", role="primary", min_height=m.touch_px)
        self.sign_in.setObjectName("staff-queue-sign-in")
        self.sign_in.clicked.connect(self._ask_for_key)
        lcol.addWidget(self.locked_text)
        lcol.addWidget(self.sign_in, 0, Qt.AlignmentFlag.AlignLeft)
        lcol.addStretch(1)
        outer.addWidget(self.locked)

        self.desk_view = DeskColumns(spacing=m.gap_px * 2)
        outer.addWidget(self.desk_view, 1)

        # Left: the waiting list.
        left_box = QWidget()
        left = QVBoxLayout(left_box)
        left.setContentsMargins(0, 0, 0, 0)
        self.waiting_heading = label(role="heading")
        left.addWidget(self.waiting_heading)
        self.today = label(role="small")
        self.today.setObjectName("staff-queue-today")
        left.addWidget(self.today)
        self.list_box = QWidget()
        self.list_col = QVBoxLayout(self.list_box)
        self._waiting_chips: dict[str, WrappingChip] = {}  # by ticket id, in the list's order
        self._nobody = None  # "nobody is waiting", made with the first snapshot
        self.list_col.setSpacing(m.gap_px // 2)
        self.list_area = kinetic_scroll_area(self.list_box, ColumnArea())
        left.addWidget(self.list_area, 1)
        # Today's appointments of these lines: arrived, not yet, late, no-show (issue 17).
        self.appointments_heading = label(role="heading")
        self.appointments_box = QWidget()
        self.appointments_col = QVBoxLayout(self.appointments_box)
        self.appointments_col.setSpacing(m.gap_px // 2)
        # A plain scroll area, as the actions column: its buttons must act on the first tap.
        self.appointments_area = ColumnArea(self.appointments_box)
        left.addWidget(self.appointments_heading)
        left.addWidget(self.appointments_area, 1)
        self.appointments_heading.setVisible(checkin is not None)
        self.appointments_area.setVisible(checkin is not None)
        self.call_selected = button("", "", min_height=m.touch_px)
        self.call_selected.setObjectName("staff-queue-call-selected")
        self.call_selected.clicked.connect(self._show_reasons)
        left.addWidget(self.call_selected)
        self.reasons_box = QWidget()
        rcol = QVBoxLayout(self.reasons_box)
        self.reason_label = label()
        rcol.addWidget(self.reason_label)
        rgrid = EvenRows(spacing=m.gap_px // 2)
        rcol.addLayout(rgrid)
        self.reason_buttons = {}
        for code in OUT_OF_ORDER_REASONS:
            b = button("", "", min_height=m.touch_px)
            b.setObjectName(f"reason-{code}")
            b.clicked.connect(lambda _=False, c=code: self._call_selected(c))
            self.reason_buttons[code] = b
            rgrid.addWidget(b)
        self.reasons_box.hide()
        left.addWidget(self.reasons_box)
        # The chosen number's priority class: the nurse's word, also over the resident's answers.
        # Shown only while a number is chosen: the waiting list keeps its room otherwise.
        self.priority_box = QWidget()
        pcol = QVBoxLayout(self.priority_box)
        pcol.setContentsMargins(0, 0, 0, 0)
        self.priority_label = label()
        pcol.addWidget(self.priority_label)
        # The classes wrap onto a second line when they do not fit beside each other.
        prow = FlowLayout(spacing=m.gap_px // 2)
        pcol.addLayout(prow)
        self.priority_buttons = {}
        for cls, code in PRIORITY_CLASSES.items():
            b = ChoiceChip(m.touch_px, f"priority-{code}")
            b.clicked.connect(lambda _=False, c=cls: self._set_priority(c))
            self.priority_buttons[cls] = b
            prow.addWidget(b)
        self.priority_box.hide()
        left.addWidget(self.priority_box)
        self.desk_view.add(left_box, 2)

        # Right: room, call next, the person called, outcome. Scrolls on a small screen.
        right_box = QWidget()
        right = QVBoxLayout(right_box)
        right.setContentsMargins(0, 0, m.gap_px * 2, 0)  # clear of the scroll bar
        right.setSpacing(m.gap_px)
        rooms_row = QHBoxLayout()
        self.room_label = label()
        rooms_row.addWidget(self.room_label)
        self.room_chips: dict[str, ChoiceChip] = {}
        for r in self.rooms:
            chip = ChoiceChip(m.touch_px, f"room-{r}")
            chip.clicked.connect(lambda _=False, r=r: self._choose_room(r))
            self.room_chips[r] = chip
            rooms_row.addWidget(chip)
        rooms_row.addStretch(1)
        right.addLayout(rooms_row)
        self.call_next = button("", "", role="primary", min_height=m.tile_px // 2 + m.touch_px // 2)
        self.call_next.setObjectName("staff-queue-call-next")
        self.call_next.clicked.connect(self._call_next)
        right.addWidget(self.call_next)
        # Why the first one is next: the ordering rule in words (kiosk/queue_order.py).
        self.why = label(role="small")
        self.why.setObjectName("staff-queue-why")
        right.addWidget(self.why)
        self.current_label = label(role="heading")
        self.current_label.setObjectName("staff-queue-current")
        right.addWidget(self.current_label)
        # Two a row while the longer one fits in half the column, one a row when not (200 %
        # text in Russian or Somali): a grid's two columns ran past the screen's right edge.
        actions = EvenRows(spacing=m.gap_px)
        self.recall = self._action("staff-queue-recall", lambda: self._act(self.queue.recall))
        self.start = self._action("staff-queue-start", self._start)
        self.no_show = self._action("staff-queue-no-show", lambda: self._act(self.queue.no_show, clear=True))
        actions.addWidget(self.recall)
        actions.addWidget(self.start)
        actions.addWidget(self.no_show)
        right.addLayout(actions)
        # Long texts get full-width rows that wrap: a button never cuts its words, and the
        # column never grows wider than the screen (that shifted it sideways).
        self.identify = self._row_action("staff-queue-identify", self._identify)
        right.addWidget(self.identify)
        self.specialist = self._row_action("staff-queue-specialist",
                                           lambda: self.flow.go("video", source="specialist"))
        right.addWidget(self.specialist)
        self.transfers: dict[str, Tile] = {}
        for line_id in queue.lines:
            # One full-width row each: long Swedish and Finnish service names fit, or wrap.
            b = Tile(m.touch_px, role="row")
            b.setObjectName(f"staff-queue-transfer-{line_id}")
            b.clicked.connect(lambda _=False, lid=line_id: self._act(lambda tid: self.queue.transfer(tid, lid),
                                                                     clear=True))
            self.transfers[line_id] = b
            right.addWidget(b)
        self.outcome_label = label()
        right.addWidget(self.outcome_label)
        # Two a row at most: three side by side did not fit beside the list at 1280x800.
        orow = EvenRows(spacing=m.gap_px)
        self.outcomes = {}
        for code in OUTCOMES:
            b = self._action(f"outcome-{code}", lambda _=False, c=code: self._finish(c))
            self.outcomes[code] = b
            orow.addWidget(b)
        right.addLayout(orow)
        # After a visit: the nurse hands the kiosk to the resident, for feedback or to
        # book the follow-up with the resident's own key (the nurse's session ends first).
        self.handover_box = QWidget()
        hrow = QVBoxLayout(self.handover_box)
        hrow.setContentsMargins(0, 0, 0, 0)
        hrow.setSpacing(m.gap_px // 2)
        self.handover_feedback = self._row_action("staff-queue-handover-feedback", lambda: self._hand_over("feedback"))
        self.handover_booking = self._row_action("staff-queue-handover-booking", lambda: self._hand_over("booking"))
        hrow.addWidget(self.handover_feedback)
        hrow.addWidget(self.handover_booking)
        self.handover_box.hide()
        self.last_visit: tuple[str, str] | None = None  # (service id, outcome)
        right.addWidget(self.handover_box)
        self.message = label(role="notice")
        self.message.setObjectName("staff-queue-message")
        self.message.hide()
        right.addWidget(self.message)
        right.addStretch(1)
        # A plain scroll area: every tap on these buttons must act at once, never be held
        # back to see whether it becomes a flick (staff can use the scroll bar).
        actions_area = ColumnArea(right_box)
        # The column only ever scrolls up and down.
        bar = actions_area.horizontalScrollBar()
        bar.valueChanged.connect(lambda v: bar.setValue(0) if v else None)
        self.actions_area = actions_area
        self.desk_view.add(actions_area, 3)
        self.desk_view.areas = [self.list_area, self.appointments_area, actions_area]

        # Queue events come from the database thread: handed to the GUI thread first.
        queue.subscribe(OnGuiThread(self, lambda _event, _ticket: self._refresh() if self.isVisible() else None))
        self.retranslate()

    def _row_action(self, name: str, slot) -> Tile:
        b = Tile(self.metrics.touch_px, role="row")
        b.setObjectName(name)
        b.clicked.connect(slot)
        return b

    def _action(self, name: str, slot) -> object:
        b = button("", "", min_height=self.metrics.touch_px)
        b.setObjectName(name)
        b.clicked.connect(slot)
        return b

    # -- screen protocol -------------------------------------------------------------------
    def title(self) -> str:
        return self.tr_.t("staff_queue.bar_title")

    def spoken(self):
        from ui.speech import describe
        return describe(self.tr_, self, self.title())

    def enter(self, place: Place) -> None:
        self._refresh(after_paint=True)  # the snapshot is read once the desk is drawn (ui/background.py)

    def clear(self) -> None:
        self.last_visit = None
        self.handover_box.hide()
        self.selected = None
        self.reasons_box.hide()
        self.message.hide()

    def retranslate(self) -> None:
        t = self.tr_.t
        self.locked_text.setText(t("staff_queue.sign_in_needed"))
        self._texts(self.sign_in, t("staff_queue.sign_in"))
        self.room_label.setText(t("staff_queue.room"))
        for r, chip in self.room_chips.items():
            chip.set_label(r, f"{t('staff_queue.room')} {r}")
        self._texts(self.call_next, t("staff_queue.call_next"))
        self._texts(self.call_selected, t("staff_queue.call_selected"))
        self.priority_label.setText(t("staff_queue.priority"))
        for cls, b in self.priority_buttons.items():
            b.set_label(t(f"queue.priority.{PRIORITY_CLASSES[cls]}"), t(f"queue.priority.{PRIORITY_CLASSES[cls]}"))
        self.reason_label.setText(t("staff_queue.reason"))
        for code, b in self.reason_buttons.items():
            self._texts(b, t(f"reason.{code}"))
        self._texts(self.recall, t("staff_queue.recall"))
        self._texts(self.start, t("staff_queue.start"))
        self._texts(self.no_show, t("staff_queue.no_show"))
        self._texts(self.specialist, t("staff_queue.specialist"))
        for line_id, b in self.transfers.items():
            text = t("staff_queue.transfer", line=f"{self.queue.lines[line_id].prefix} – {self._line_name(line_id)}")
            b.set_texts(text)
            b.setAccessibleName(text)
        self.outcome_label.setText(t("staff_queue.outcome"))
        self._texts(self.handover_feedback, t("staff_queue.handover_feedback"))
        self._texts(self.handover_booking, t("staff_queue.handover_booking"))
        for code, b in self.outcomes.items():
            self._texts(b, t(f"outcome.{code}"))
        self._refresh()

    def _show_why(self, waiting) -> None:
        if not waiting:
            self.why.setText("")
            return
        first = waiting[0]
        why = why_next(first, self.queue.order_rule, first.line_id, self.now(), passed_count(waiting, 0))
        values = dict(why.params)
        if "class" in values:
            values["cls"] = self.tr_.t(f"queue.priority.{values.pop('class')}")
        if values.get("time") is not None:
            values["time"] = self.tr_.time(values["time"].astimezone(LOCAL_TZ))
        self.why.setText(self.tr_.t("staff_queue.why_line", label=first.label, why=self.tr_.t(why.key, **values)))

    def _show_appointments(self, appointments) -> None:
        t = self.tr_
        clear_layout(self.appointments_col)
        self.appointments_heading.setText(t.t("staff_queue.appointments"))
        if self.checkin is None:
            return
        if not appointments:
            self.appointments_col.addWidget(label(t.t("staff_queue.no_appointments"), role="muted"))
        now, m = self.now(), self.metrics
        for a in appointments:
            service = self.catalogue.service(a.booking.service_id)
            name = text_in(service.names, t.data_language) if service else a.booking.service_id
            status = t.t(f"staff_queue.appt.{a.status}")
            if a.ticket is not None:
                status += f" ({a.ticket.label})"
            row = QWidget()
            block = QVBoxLayout(row)
            block.setContentsMargins(0, 0, 0, 0)
            block.setSpacing(m.gap_px // 4)
            text = label(t.t("staff_queue.appt.row", time=t.time(a.booking.starts_at.astimezone(LOCAL_TZ)),
                             service=name, status=status))
            text.setObjectName(f"appointment-{a.booking.ref}")
            block.addWidget(text)
            rl = block  # the nurse's actions under the line, full width: long words wrap, never clip
            if a.status == "late":
                b = self._row_action(f"accept-late-{a.booking.ref}",
                                     lambda _=False, bid=a.booking.id: self._appointment(bid, "accept"))
                self._texts(b, t.t("staff_queue.accept_late"))
                rl.addWidget(b)
            if a.status in ("late", "not_yet") and a.booking.starts_at <= now:
                b = self._row_action(f"no-show-{a.booking.ref}",
                                     lambda _=False, bid=a.booking.id: self._appointment(bid, "no_show"))
                self._texts(b, t.t("staff_queue.mark_no_show"))
                rl.addWidget(b)
            self.appointments_col.addWidget(row)
        self.appointments_col.addStretch(1)

    def _appointment(self, booking_id: str, what: str) -> None:
        nurse = self._nurse()
        if nurse is None or self.checkin is None:
            return
        checkin, staff = self.checkin, nurse.subject

        def work():
            if what == "accept":
                return checkin.accept_late(booking_id, staff_id=staff)
            return checkin.no_show(booking_id, staff_id=staff)

        def done(_result, error) -> None:
            if error is not None:
                self._error(error)
            self._refresh()
        self.runner.db(work, done)

    @staticmethod
    def _texts(b, text: str) -> None:
        if isinstance(b, Tile):
            b.set_texts(text)
        else:
            b.setText(text)
        b.setAccessibleName(text)

    # -- state -----------------------------------------------------------------------------
    def _nurse(self):
        ident = self.session.identity if self.session is not None else None
        return ident if ident is not None and ident.is_staff else None

    def _ask_for_key(self) -> None:
        if self.session is not None:
            self.session.require("staff_queue", lambda _identity: self._refresh())

    def _line_name(self, line_id: str) -> str:
        return queue_line_name(self.queue.lines, self.catalogue, line_id, self.tr_.data_language)

    def _choose_room(self, room: str) -> None:
        self.room = room
        for r, chip in self.room_chips.items():
            chip.setChecked(r == room)

    def _refresh(self, after_paint: bool = False) -> None:
        nurse = self._nurse()
        self.locked.setVisible(nurse is None)
        self.desk_view.setVisible(nurse is not None)
        for r, chip in self.room_chips.items():
            chip.setChecked(r == self.room)
        if nurse is None:
            return
        self._refreshes += 1
        generation, current, subject = self._refreshes, self.current, nurse.subject
        queue, checkin = self.queue, self.checkin

        def load():
            waiting = queue.waiting()
            cur = current
            if cur is None:
                # After a restart (or a crash) the nurse finds the person they had called.
                cur = next((c for c in queue.recent_calls(20) if c.called_by == subject), None)
            if cur is not None:
                cur = queue.ticket(cur.id)
                if cur.status not in ("called", "serving"):
                    cur = None
            appointments = checkin.appointments_today() if checkin is not None else []
            return waiting, cur, queue.daily_summary(), appointments

        def loaded(snapshot, error) -> None:
            if generation != self._refreshes or self._nurse() is None:
                return  # a newer snapshot is on its way, or the nurse left
            if error is not None:
                self._error(error)
                return
            self._show(*snapshot)
        if after_paint:
            self.runner.db_after_paint(self, load, loaded)
        else:
            self.runner.db(load, loaded)

    def _show(self, waiting, cur, lines, appointments=()) -> None:
        t = self.tr_.t
        self._show_why(waiting)
        self._show_appointments(appointments)
        self.current = cur
        self.waiting_heading.setText(t("staff_queue.waiting", n=len(waiting)))
        self._show_waiting(waiting)
        if cur is None:
            self.current_label.setText(t("staff_queue.no_current"))
        elif cur.status == "serving":
            self.current_label.setText(t("staff_queue.serving", label=cur.label))
        else:
            self.current_label.setText(t("staff_queue.current", label=cur.label, room=cur.room or ""))
        called = cur is not None and cur.status == "called"
        for b in (self.recall, self.start, self.no_show):
            b.setEnabled(called)
        # Only during the visit itself, and only where a key can be asked for.
        self.identify.setVisible(self.identify_visitor is not None)
        self.specialist.setVisible(self.flow.knows("video"))
        self.specialist.setEnabled(self.appointment_id is not None)
        self.identify.setEnabled(self.appointment_id is not None and not self.visitor_identified)
        self._texts(self.identify, self.tr_.t("staff_queue.identified" if self.visitor_identified
                                               else "staff_queue.identify"))
        for line_id, b in self.transfers.items():
            b.setEnabled(cur is not None and cur.line_id != line_id)
        for b in self.outcomes.values():
            b.setEnabled(cur is not None)
        self.call_selected.setEnabled(self.selected is not None)
        chosen = next((w for w in waiting if w.id == self.selected), None)
        self.priority_box.setVisible(chosen is not None)
        for cls, b in self.priority_buttons.items():
            b.setChecked(chosen is not None and chosen.priority == cls)
        self.call_next.setEnabled(bool(waiting) and cur is None)
        waits = [s.average_wait_min for s in lines if s.average_wait_min is not None]
        longest = [s.longest_wait_min for s in lines if s.longest_wait_min is not None]
        self.today.setText(t("staff_queue.today", issued=sum(s.issued for s in lines),
                             served=sum(s.served for s in lines), no_shows=sum(s.no_shows for s in lines),
                             average=round(sum(waits) / len(waits)) if waits else "–",
                             longest=round(max(longest)) if longest else "–"))

    def _show_waiting(self, waiting) -> None:
        """The waiting list, its chips kept by ticket and changed in place: a refresh follows
        every queue event, and making a chip per waiting person each time held the GUI thread."""
        t = self.tr_.t
        if self._nobody is None:
            self._nobody = label(role="muted")
            self.list_col.addWidget(self._nobody)
            self.list_col.addStretch(1)
        self._nobody.setText(t("staff_queue.nobody"))
        self._nobody.setVisible(not waiting)
        present = {ticket.id for ticket in waiting}
        for tid in [tid for tid in self._waiting_chips if tid not in present]:
            chip = self._waiting_chips.pop(tid)
            discard(chip)
        now = self.now()
        for i, ticket in enumerate(waiting):
            minutes = max(0, int((now - ticket.issued_at).total_seconds() // 60))
            # The letter already names the line (A = the first line): keep the row short.
            text = t("staff_queue.row", count=minutes, label=ticket.label)
            if ticket.priority in PRIORITY_CLASSES and ticket.priority:
                text += f" · {t('queue.priority.' + PRIORITY_CLASSES[ticket.priority])}"
            if ticket.booking_id:
                text += f" · {t('staff_queue.appointment_mark')}"  # the time is in the list of appointments
            chip = self._waiting_chips.get(ticket.id)
            if chip is None:
                # Its words wrap: with a priority class and a booking the row is wider than
                # a 1280x800 screen at 200 % text in every language.
                chip = WrappingChip(self.metrics.touch_px, f"waiting-{ticket.label}")
                chip.clicked.connect(lambda _=False, tid=ticket.id: self._select(tid))
                self._waiting_chips[ticket.id] = chip
            if chip.accessibleName() != text:
                chip.set_label(text, text)
            chip.setChecked(ticket.id == self.selected)
            if self.list_col.indexOf(chip) != i:
                self.list_col.removeWidget(chip)
                self.list_col.insertWidget(i, chip)
            chip.show()

    def _do(self, work, then=None) -> None:
        """``work()`` (queue and desk changes) on the database thread; ``then(result)`` and a
        fresh snapshot on the GUI thread. A refusal is said in words (``_error``)."""
        self.message.hide()

        def done(result, error) -> None:
            if error is not None:
                self._error(error)
            elif then is not None:
                then(result)
            self._refresh()
        self.runner.db(work, done)

    def _select(self, ticket_id: str) -> None:
        self.selected = None if self.selected == ticket_id else ticket_id
        self.reasons_box.hide()
        self._refresh()

    def _show_reasons(self) -> None:
        self.reasons_box.setVisible(self.selected is not None)

    def _error(self, exc: Exception) -> None:
        code = getattr(exc, "code", "")
        log.warning("queue action failed: %s", exc)
        # The code in words; never the exception's own (English) text on the screen.
        key = f"staff_queue.error.{code}"
        known = key in self.tr_.catalogues[self.tr_.language]
        self.message.setText(self.tr_.t(key if known else "staff_queue.error.other"))
        self.message.show()

    # -- actions ---------------------------------------------------------------------------
    def _call_next(self) -> None:
        queue, subject, room = self.queue, self._nurse().subject, self.room
        self._do(lambda: queue.call_next(list(queue.lines), staff_id=subject, room=room),
                 lambda ticket: setattr(self, "current", ticket))

    def _set_priority(self, cls: int) -> None:
        queue, selected = self.queue, self.selected
        if selected is not None:
            self._do(lambda: queue.set_priority(selected, cls))

    def _call_selected(self, reason: str) -> None:
        queue, subject, room, selected = self.queue, self._nurse().subject, self.room, self.selected
        self.reasons_box.hide()

        def called(ticket) -> None:
            self.current, self.selected = ticket, None
        self._do(lambda: queue.call_out_of_order(selected, staff_id=subject, room=room, reason=reason), called)

    def _act(self, action, clear: bool = False) -> None:
        if self.current is None:
            return
        ticket_id = self.current.id

        def acted(_result) -> None:
            if clear:
                self.current = None
        self._do(lambda: action(ticket_id), acted)

    def _start(self) -> None:
        cur = self.current
        if cur is None:
            return
        queue, desk, subject = self.queue, self.desk, self._nurse().subject

        def start():
            queue.start_service(cur.id)
            line = queue.lines[cur.line_id]
            return desk.start(service_id=line.service_id, staff_id=subject, ticket_id=cur.id).id
        self._do(start, lambda appointment_id: setattr(self, "appointment_id", appointment_id))

    def _identify(self) -> None:
        appointment = self.appointment_id
        if appointment is None or self.identify_visitor is None:
            return
        desk = self.desk

        def identified(identity) -> None:
            if self.appointment_id != appointment:
                return  # the visit ended meanwhile
            subject = identity.subject

            def stored(_result) -> None:
                if self.appointment_id == appointment:
                    self.visitor_identified = True
            self._do(lambda: desk.identify(appointment, subject), stored)
        self.identify_visitor(identified)

    def _finish(self, outcome: str) -> None:
        cur = self.current
        if cur is None:
            return
        queue, desk, subject, appointment = self.queue, self.desk, self._nurse().subject, self.appointment_id
        service_id = self.queue.lines[cur.line_id].service_id
        self.appointment_id = None
        self.visitor_identified = False
        self.current = None

        def finish():
            visit = appointment
            if visit is None:  # finished straight from "called": the visit still counts
                visit = desk.start(service_id=service_id, staff_id=subject, ticket_id=cur.id).id
            desk.finish(visit, outcome)
            queue.finish(cur.id)
            return service_id, outcome

        def finished(visit) -> None:
            self.last_visit = visit
            self._show_handover()
        self._do(finish, finished)

    def _show_handover(self) -> None:
        visit = self.last_visit
        self.handover_box.setVisible(visit is not None)
        self.handover_feedback.setVisible(visit is not None and self.flow.knows("feedback"))
        self.handover_booking.setVisible(visit is not None and visit[1] == "follow_up_needed"
                                         and self.flow.knows("booking"))
        if visit is not None:
            # The next step must be in sight, not below the fold of a small screen.
            QTimer.singleShot(0, self, lambda: self._bring_into_view(self.handover_box))  # not into a closed screen

    def _bring_into_view(self, widget: QWidget) -> None:
        """Scrolls the column, or the page when the columns stand one under the other."""
        area = self.actions_area
        if area.whole:
            # The page learns the screen's new height from posted layout requests (one per
            # nesting level): it must know it before it can scroll to the new foot.
            from PySide6.QtWidgets import QApplication
            for _ in range(4):
                QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
            area = self.parentWidget()
            while area is not None and not isinstance(area, QScrollArea):
                area = area.parentWidget()
        if area is not None:
            area.ensureWidgetVisible(widget)

    def _hand_over(self, to: str) -> None:
        if self.last_visit is None:
            return
        service_id, _outcome = self.last_visit
        self.last_visit = None
        self.handover_box.hide()
        if self.session is not None and hasattr(self.session, "end"):
            # The nurse's key must not stay open for the resident (the end resets the
            # kiosk to home); the staff card signs the nurse in again, offline too.
            self.session.end("logout")
        if to == "feedback":
            self.flow.go("feedback", service_id=service_id, context="walk_in")
        else:
            # The desk stays underneath: Back, and Done after the booking, return to it.
            self.flow.go(STAFF_QUEUE)
            self.flow.go("booking", service_id=service_id, context=FOLLOW_UP)
