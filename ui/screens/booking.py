"""Book an appointment: service, channel (visit or video), time, confirm, done.

Opened as ``flow.go("booking")`` (from the home tile: the resident first picks a
service) or ``flow.go("booking", service_id=..., channel_id=...)`` from a service card.
Identification is asked for only when the resident confirms (``session.require``):
the login covers this screen and the booking continues where it was.

Offline: the resident's keys (card, phone) need the city's identification service, so
a resident who is not identified yet cannot finish a booking. The screen knows this
before a time is chosen (the sync status, then the free-times answer) and says so
instead of showing times, with a queue number, try again and back to start. A resident
who identified while the kiosk was still online books as before: a place of the kiosk's
own share is confirmed at once, any other time becomes a request the city confirms later.

``context="follow_up"`` (from the nurse's desk) preselects the visit's service; a walk-in
service that is not booked in advance offers its provider's bookable services instead.
What follows Done is ``kiosk.flow.after_booking`` (the window's ``on_done``).

All work that may touch the network or the database (free times, booking) runs
through ``BackgroundCalls``; its results come back on the GUI thread.
"""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QGridLayout, QHBoxLayout, QLabel, QLayout, QLineEdit, QVBoxLayout,
                               QWidget)

from kiosk.booking import CONFIRMED, Booking, BookingDesk, BookingError, FreeTime, SlotTaken, normalise_phone
from kiosk.catalogue.domain import tr as text_in
from kiosk.catalogue.hours import LOCAL_TZ
from kiosk.flow import FOLLOW_UP, KioskFlow, Place
from kiosk.identity.keys import Identity
from kiosk.identity.session import KioskSession
from ui.widgets.pages import Pages
from ui.format import address_lines
from ui.i18n import Translator
from ui.screens.base import Screen
from ui.background import BackgroundCalls
from ui.theme import Metrics
from ui.widgets.calendar import SlotPicker, day_text
from ui.widgets.qr import QrCodeWidget
from ui.widgets.reflow import Columns
from ui.widgets.removal import discard
from ui.widgets.touch import button, kinetic_scroll_area, label

SERVICE_PAGE, CHANNEL_PAGE, TIME_PAGE, CONFIRM_PAGE, BUSY_PAGE, DONE_PAGE, OFFLINE_PAGE = range(7)


def plain(text: str = "", role: str | None = None) -> QLabel:
    """A word-wrapped label that never interprets markup (catalogue and typed text)."""
    lab = label(text, role=role)
    lab.setTextFormat(Qt.TextFormat.PlainText)
    return lab


def booking_lines(t: Translator, catalogue, booking_or_time, service_id: str, channel_id: str) -> list[str]:
    """What, where, when, with whom, in the resident's language."""
    lang = t.data_language
    service = catalogue.service(service_id)
    channel = next((c for c in service.channels if c.id == channel_id), None) if service else None
    starts = booking_or_time.starts_at.astimezone(LOCAL_TZ)
    lines = [t.t("booking.what", service=text_in(service.names, lang) if service else service_id)]
    if channel is not None and channel.kind == "video":
        lines.append(t.t("booking.where_video"))
    elif channel is not None:
        place = ", ".join(address_lines(channel, lang)) or text_in(channel.names, lang)
        lines.append(t.t("booking.where", place=place))
    lines.append(t.t("booking.when", day=day_text(t, starts.date()), time=t.time(starts)))
    if service is not None:
        provider = service.producers[0] if service.producers else service.responsible_provider
        lines.append(t.t("booking.with", provider=text_in(provider.names, lang)))
    return lines


class DigitPad(QWidget):
    """Digits, + and erase for a phone number: the letter keyboard has no digits."""

    typed = Signal(str)
    erased = Signal()

    def __init__(self, *, tr: Translator, metrics: Metrics) -> None:
        super().__init__()
        self.tr_ = tr
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(max(8, metrics.gap_px // 2))
        for i, key in enumerate("123456789+0"):
            b = button(key, key, role="key", min_height=metrics.touch_px)
            b.setObjectName(f"digit-{key}")
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            b.clicked.connect(lambda _=False, k=key: self.typed.emit(k))
            grid.addWidget(b, i // 3, i % 3)
        self.erase = button("⌫", "", role="key", min_height=metrics.touch_px)
        self.erase.setObjectName("digit-erase")
        self.erase.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.erase.clicked.connect(self.erased)
        grid.addWidget(self.erase, 3, 2)
        self.retranslate()

    def attach(self, field: QLineEdit) -> None:
        self.typed.connect(field.insert)
        self.erased.connect(field.backspace)

    def retranslate(self) -> None:
        self.erase.setAccessibleName(self.tr_.t("keyboard.erase"))


class BookingScreen(Screen):
    """Signals ``booked(Booking)`` after a booking is made (the window may offer feedback)."""

    booked = Signal(object)

    def __init__(self, *, flow: KioskFlow, tr: Translator, metrics: Metrics, catalogue, desk: BookingDesk,
                 session: KioskSession, runner: BackgroundCalls | None = None,
                 now: Callable | None = None, online: Callable[[], bool | None] | None = None,
                 on_done: Callable[[Place], None] | None = None) -> None:
        """``online``: what the kiosk last knew of its connection (True, False, None for
        not known yet); ``on_done(place)``: what Done leads to (default: home)."""
        super().__init__()
        self.flow, self.tr_, self.metrics, self.catalogue = flow, tr, metrics, catalogue
        self.desk, self.session = desk, session
        self._known_online = online or (lambda: None)
        self._on_done = on_done or (lambda _place: flow.home())
        self.place = Place("booking")
        self._service_heading_key = "booking.choose_service"
        self._service_note_key: str | None = None
        self.runner = runner or BackgroundCalls(self)
        self.service_id: str | None = None
        self.channel_id: str | None = None
        self.time: FreeTime | None = None
        self.online = True
        self.result: Booking | None = None
        self._message_key: str | None = None
        self._generation = 0  # answers for an earlier visit are dropped

        outer = QVBoxLayout(self)
        # The kiosk window has a fixed size: never push minimum sizes up to the platform window.
        outer.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        outer.setContentsMargins(metrics.margin_px, metrics.margin_px // 2, metrics.margin_px, metrics.margin_px // 2)
        self.pages = Pages()
        outer.addWidget(self.pages)
        m = metrics

        # service
        page = QWidget()
        col = QVBoxLayout(page)
        col.setSpacing(m.gap_px)
        self.service_heading = plain(role="title")
        self.my_bookings = button("", "", min_height=m.touch_px)
        self.my_bookings.setObjectName("booking-my-bookings")
        self.my_bookings.clicked.connect(lambda: self.flow.go("my_bookings"))
        top = QHBoxLayout()
        top.addWidget(self.service_heading, 1)
        top.addWidget(self.my_bookings)
        col.addLayout(top)
        from ui.widgets.service_list import ServiceList  # the catalogue's own rows
        from datetime import datetime, timezone
        # Compact rows (name, badges, whether open), as beside the search keyboard: about three
        # times as many services per screen, so the one to book is fewer swipes away (issue 20).
        self.service_list = ServiceList(tr=tr, metrics=m, now=now or (lambda: datetime.now(timezone.utc)),
                                        compact=True)
        self.service_list.chosen.connect(self._service_chosen)
        col.addWidget(self.service_list, 1)
        self.no_services = plain(role="muted")
        col.addWidget(self.no_services)
        self.service_note = plain(role="notice")
        self.service_note.setObjectName("booking-service-note")
        col.insertWidget(1, self.service_note)
        self.pages.addWidget(page)

        # channel
        page = QWidget()
        self.channel_col = QVBoxLayout(page)
        self.channel_col.setSpacing(m.gap_px)
        self.channel_heading = plain(role="title")
        self.channel_col.addWidget(self.channel_heading)
        self.channel_buttons: list = []
        self.channel_col.addStretch(1)
        self.pages.addWidget(page)

        # time
        page = QWidget()
        col = QVBoxLayout(page)
        col.setSpacing(m.gap_px)
        self.time_heading = plain(role="title")
        self.service_name = plain(role="heading")
        self.time_message = plain(role="notice")
        self.time_message.setObjectName("booking-time-message")
        self.offline_note = plain(role="notice")
        self.offline_note.setObjectName("booking-offline-note")
        self.loading = plain(role="muted")
        self.picker = SlotPicker(tr=tr, metrics=m)
        self.picker.chosen.connect(self._time_chosen)
        for w in (self.time_heading, self.service_name, self.time_message, self.offline_note, self.loading):
            col.addWidget(w)
        col.addWidget(kinetic_scroll_area(self.picker), 1)
        self.pages.addWidget(page)

        # confirm
        page, row = self._columns_page(m)
        left = QVBoxLayout()
        left.setSpacing(m.gap_px // 2 + 4)
        self.confirm_heading = plain(role="title")
        left.addWidget(self.confirm_heading)
        self.summary = [plain() for _ in range(4)]
        for lab in self.summary:
            left.addWidget(lab)
        self.request_note = plain(role="notice")
        self.request_note.setObjectName("booking-request-note")
        left.addWidget(self.request_note)
        left.addStretch(1)
        self.confirm_error = plain(role="notice")
        self.confirm_error.setObjectName("booking-confirm-error")
        left.addWidget(self.confirm_error)
        buttons = QHBoxLayout()
        buttons.setSpacing(m.gap_px)
        self.other_time = button("", "", min_height=m.touch_px)
        self.other_time.setObjectName("booking-other-time")
        self.other_time.clicked.connect(lambda: self._load_times())
        self.confirm_button = button("", "", role="primary", min_height=m.touch_px)
        self.confirm_button.setObjectName("booking-confirm")
        self.confirm_button.clicked.connect(self._confirm)
        buttons.addWidget(self.other_time)
        buttons.addWidget(self.confirm_button, 1)
        left.addLayout(buttons)
        row.add(left, 3)
        right = QVBoxLayout()
        right.setSpacing(m.gap_px // 2)
        self.phone_label = plain(role="heading")
        self.phone = QLineEdit()
        self.phone.setObjectName("booking-phone")
        self.phone.setMaxLength(20)
        self.phone.textChanged.connect(lambda _t: self.confirm_error.hide())
        self.phone_hint = plain(role="small")
        self.pad = DigitPad(tr=tr, metrics=m)
        self.pad.attach(self.phone)
        for w in (self.phone_label, self.phone, self.phone_hint, self.pad):
            right.addWidget(w)
        right.addStretch(1)
        row.add(right, 2)
        self.pages.addWidget(page)

        # busy
        page = QWidget()
        col = QVBoxLayout(page)
        col.addStretch(1)
        self.busy = plain(role="title")
        self.busy.setAlignment(Qt.AlignmentFlag.AlignCenter)
        col.addWidget(self.busy)
        col.addStretch(1)
        self.pages.addWidget(page)

        # done
        page, row = self._columns_page(m)
        left = QVBoxLayout()
        left.setSpacing(m.gap_px // 2 + 4)
        self.done_heading = plain(role="title")
        self.done_heading.setObjectName("booking-done-heading")
        left.addWidget(self.done_heading)
        self.done_lines = [plain() for _ in range(6)]
        for lab in self.done_lines:
            left.addWidget(lab)
        self.done_info = plain(role="notice")
        self.done_info.setObjectName("booking-done-info")
        left.addWidget(self.done_info)
        left.addStretch(1)
        self.finish = button("", "", role="primary", min_height=m.touch_px)
        self.finish.setObjectName("booking-finish")
        self.finish.clicked.connect(lambda: self._on_done(self.place))
        left.addWidget(self.finish)
        row.add(left, 3)
        right = QVBoxLayout()
        self.qr = QrCodeWidget(size_px=360 if m.touch_px >= 88 else 280)
        self.qr.setObjectName("booking-qr")
        self.qr_caption = plain(role="small")
        right.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignHCenter)
        right.addWidget(self.qr_caption)
        right.addStretch(1)
        row.add(right, 2)
        self.pages.addWidget(page)

        # offline: said before a time is chosen, with the ways on from here
        page = QWidget()
        col = QVBoxLayout(page)
        col.setSpacing(m.gap_px)
        self.offline_heading = plain(role="title")
        self.offline_heading.setObjectName("booking-offline-heading")
        self.offline_text = plain()
        self.offline_text.setObjectName("booking-offline-text")
        col.addWidget(self.offline_heading)
        col.addWidget(self.offline_text)
        self.offline_queue = button("", "", role="primary", min_height=m.touch_px + 16)
        self.offline_queue.setObjectName("booking-offline-queue")
        self.offline_queue.clicked.connect(lambda: self.flow.replace("queue"))
        self.offline_retry = button("", "", min_height=m.touch_px + 16)
        self.offline_retry.setObjectName("booking-offline-retry")
        self.offline_retry.clicked.connect(self._retry_online)
        self.offline_home = button("", "", min_height=m.touch_px + 16)
        self.offline_home.setObjectName("booking-offline-home")
        self.offline_home.clicked.connect(lambda: self._on_done(self.place))
        for b in (self.offline_queue, self.offline_retry, self.offline_home):
            b.setMinimumWidth(m.tile_px * 3)
            col.addWidget(b, 0, Qt.AlignmentFlag.AlignLeft)
        col.addStretch(1)
        self.pages.addWidget(page)
        self.retranslate()

    # -- the flow ------------------------------------------------------------------------------

    @staticmethod
    def _columns_page(m: Metrics) -> tuple[QWidget, Columns]:
        """A page whose two columns stand one under the other when they do not fit (200 % text)."""
        page = QWidget()
        holder = QVBoxLayout(page)
        holder.setContentsMargins(0, 0, 0, 0)
        row = Columns(spacing=m.gap_px * 2)
        holder.addWidget(row)
        return page, row
    def spoken(self):
        from ui.speech import describe
        if self.pages.currentIndex() == DONE_PAGE and self.result is not None:
            return describe(self.tr_, self, self.title(), first=self.spoken_booking(), skip=self.done_lines)
        return describe(self.tr_, self, self.title())

    def spoken_booking(self):
        """What, where, when, with whom and the reference, said in full (5.1.3.16): the time
        in words, the reference sign by sign."""
        from kiosk.speech import Utterance
        from ui.speech import spelled, spoken_clock
        t, b = self.tr_, self.result
        starts = b.starts_at.astimezone(LOCAL_TZ)
        shown_when = t.t("booking.when", day=day_text(t, starts.date()), time=t.time(starts))
        said_when = t.t("booking.when", day=day_text(t, starts.date()), time=spoken_clock(t, starts.hour, starts.minute))
        lines = [said_when if line == shown_when else line
                 for line in booking_lines(t, self.catalogue, b, b.service_id, b.channel_id)]
        lines.append(t.t("booking.ref", ref=spelled(b.ref)))
        return [Utterance(line, t.language) for line in lines]

    def title(self) -> str:
        return self.tr_.t("booking.title")

    def enter(self, place: Place) -> None:
        self._generation += 1
        self.place = place
        self.clear_inputs()
        self.service_id, self.channel_id = place.get("service_id"), place.get("channel_id")
        if self._cannot_finish_offline(self._known_online() is False):
            self._show_offline()
        elif self.service_id and self.channel_id:
            self._load_times()
        elif self.service_id and self.desk.bookable_channels(self.service_id):
            self._service_chosen(self.service_id)
        elif self.service_id:
            # Not booked in advance (a walk-in service): never an empty page.
            follow_up = place.get("context") == FOLLOW_UP
            self._show_services(self._related_bookable(self.service_id) if follow_up else self._bookable(),
                                "booking.follow_up.choose_service" if follow_up else "booking.choose_service",
                                "booking.not_bookable")
        else:
            self._show_services(self._bookable(), "booking.choose_service")

    def _bookable(self) -> list:
        return [s for s in self.catalogue.services(lang=self.tr_.data_language) if self.desk.bookable_channels(s.id)]

    def _related_bookable(self, service_id: str) -> list:
        """Bookable services of the same provider: the follow-up of a walk-in visit."""
        service = self.catalogue.service(service_id)
        if service is None:
            return self._bookable()
        provider = service.responsible_provider.id if service.responsible_provider else None
        related = [s for s in self._bookable()
                   if s.responsible_provider is not None and s.responsible_provider.id == provider]
        return related or self._bookable()

    def _show_services(self, services: list, heading_key: str, note_key: str | None = None) -> None:
        self._service_heading_key, self._service_note_key = heading_key, note_key
        self.service_id = self.channel_id = None
        self.service_list.show_services(services)
        self.no_services.setVisible(not services)
        self.my_bookings.setVisible(self.flow.knows("my_bookings") and self.place.get("context") != FOLLOW_UP)
        self.pages.setCurrentIndex(SERVICE_PAGE)
        self.retranslate()

    # -- offline ------------------------------------------------------------------------------
    def _cannot_finish_offline(self, offline: bool) -> bool:
        """Offline, only a resident identified already can finish: their keys need the city."""
        return offline and not self.session.is_open

    def _show_offline(self) -> None:
        self.offline_queue.setVisible(self.flow.knows("queue") and self.place.get("context") != FOLLOW_UP)
        self.pages.setCurrentIndex(OFFLINE_PAGE)
        self.retranslate()

    def _retry_online(self) -> None:
        """Try again. The sync status may be old: loading the free times asks the backend
        itself, and says "offline" again, before any time is shown, if it still cannot."""
        self._generation += 1
        channels = self.desk.bookable_channels(self.service_id) if self.service_id else []
        if self.channel_id:
            self._load_times()
        elif len(channels) == 1:
            self.channel_id = channels[0].id
            self._load_times()
        elif channels:
            self._service_chosen(self.service_id)
        else:
            self._show_services(self._bookable(), "booking.choose_service")

    def _service_chosen(self, service_id: str) -> None:
        self.service_id = service_id
        channels = self.desk.bookable_channels(service_id)
        if not channels:
            self._show_services(self._bookable(), "booking.choose_service", "booking.not_bookable")
            return
        if len(channels) == 1:
            self.channel_id = channels[0].id
            self._load_times()
            return
        for b in self.channel_buttons:
            discard(b)
        self.channel_buttons = []
        for i, ch in enumerate(channels):
            b = button("", "", role="primary" if i == 0 else None, min_height=self.metrics.tile_px // 2 + 20)
            b.setObjectName(f"booking-channel-{ch.id}")
            b.clicked.connect(lambda _=False, cid=ch.id: self._channel_chosen(cid))
            b.channel = ch
            self.channel_col.insertWidget(1 + i, b)
            self.channel_buttons.append(b)
        self.retranslate()
        self.pages.setCurrentIndex(CHANNEL_PAGE)

    def _channel_chosen(self, channel_id: str) -> None:
        self.channel_id = channel_id
        self._load_times()

    def _load_times(self, message_key: str | None = None) -> None:
        self._message_key = message_key
        self.time = None
        self.picker.set_times([])
        self.loading.show()
        self.offline_note.hide()
        self.pages.setCurrentIndex(TIME_PAGE)
        self.retranslate()
        gen, channel_id = self._generation, self.channel_id
        self.runner.run(lambda: self.desk.free_times(channel_id), lambda r, e: self._times_loaded(gen, r, e))

    def _times_loaded(self, gen: int, result, error) -> None:
        if gen != self._generation:
            return
        self.loading.hide()
        times, online = result if error is None else ([], False)
        self.online = online
        if self._cannot_finish_offline(not online):
            self._show_offline()
            return
        self.picker.set_times(times, mark_own_places=not online)
        self.offline_note.setVisible(not online and bool(times))
        if not times and self._message_key is None:
            self._message_key = "booking.no_times"
        self.retranslate()

    def _time_chosen(self, ft: FreeTime) -> None:
        self.time = ft
        self.confirm_error.hide()
        self.pages.setCurrentIndex(CONFIRM_PAGE)
        self.retranslate()

    def _confirm(self) -> None:
        try:
            normalise_phone(self.phone.text())
        except BookingError:
            self._show_confirm_error("booking.error.bad_phone")
            return
        gen = self._generation
        self.session.require("booking.confirm", lambda identity: self._book(gen, identity), where="booking")

    def _book(self, gen: int, identity: Identity) -> None:
        if gen != self._generation or self.time is None:
            return
        self.pages.setCurrentIndex(BUSY_PAGE)
        ft, service_id, channel_id = self.time, self.service_id, self.channel_id
        phone, language = self.phone.text(), self.tr_.data_language
        self.runner.run(lambda: self.desk.book(subject=identity.subject, service_id=service_id, channel_id=channel_id,
                                               slot_id=ft.slot_id, language=language, phone=phone),
                        lambda r, e: self._booked(gen, r, e))

    def _booked(self, gen: int, booking: Booking | None, error: BaseException | None) -> None:
        if gen != self._generation:
            return
        if isinstance(error, SlotTaken):
            self._load_times("booking.taken")
            return
        if isinstance(error, BookingError):
            if error.code == "bad_phone":
                self.pages.setCurrentIndex(CONFIRM_PAGE)
                self._show_confirm_error("booking.error.bad_phone")
            elif error.code in ("past_slot", "unknown_slot"):
                self._load_times(f"booking.error.{error.code}")
            else:
                self.pages.setCurrentIndex(CONFIRM_PAGE)
                self._show_confirm_error("booking.error.other")
            return
        if error is not None:
            self.pages.setCurrentIndex(CONFIRM_PAGE)
            self._show_confirm_error("booking.error.other")
            return
        self.result = booking
        self.phone.clear()  # stored only in the outbox item from now on
        self.pages.setCurrentIndex(DONE_PAGE)
        self.retranslate()
        self.booked.emit(booking)

    def _show_confirm_error(self, key: str) -> None:
        self.confirm_error.setProperty("text_key", key)
        self.confirm_error.setText(self.tr_.t(key))
        self.confirm_error.show()

    # -- texts ------------------------------------------------------------------------------------
    def qr_text(self) -> str:
        b = self.result
        if b is None:
            return ""
        t = self.tr_
        lines = booking_lines(t, self.catalogue, b, b.service_id, b.channel_id)
        lines += [t.t("booking.ref", ref=b.ref), t.t(f"booking.state.{b.state}")]
        url = self.desk.status_url(b, t.data_language)
        if url:
            lines.append(url)
        return "\n".join(lines)

    def retranslate(self) -> None:
        t = self.tr_
        lang = t.data_language
        self.service_heading.setText(t.t(self._service_heading_key))
        self.service_note.setText(t.t(self._service_note_key) if self._service_note_key else "")
        self.service_note.setVisible(bool(self._service_note_key))
        self.offline_heading.setText(t.t("booking.offline.heading"))
        self.offline_text.setText(t.t("booking.offline.text"))
        self.offline_queue.setText(t.t("booking.offline.queue"))
        self.offline_retry.setText(t.t("booking.offline.retry"))
        self.offline_home.setText(t.t("booking.offline.back_to_desk" if self.place.get("context") == FOLLOW_UP
                                      else "booking.offline.home"))
        for b in (self.offline_queue, self.offline_retry, self.offline_home):
            b.setAccessibleName(b.text())
        self.no_services.setText(t.t("booking.no_services"))
        self.my_bookings.setText(t.t("booking.my_bookings"))
        self.my_bookings.setAccessibleName(t.t("booking.my_bookings"))
        self.service_list.retranslate()
        self.channel_heading.setText(t.t("booking.choose_channel"))
        for b in self.channel_buttons:
            ch = b.channel
            text = t.label("channel", ch.kind)
            name = text_in(ch.names, lang) if ch.names else ""
            b.setText(f"{text}\n{name}" if name and name != text else text)
            b.setAccessibleName(text)
        self.time_heading.setText(t.t("booking.choose_time"))
        service = self.catalogue.service(self.service_id) if self.service_id else None
        self.service_name.setText(text_in(service.names, lang) if service else "")
        self.time_message.setText(t.t(self._message_key) if self._message_key else "")
        self.time_message.setVisible(bool(self._message_key))
        self.offline_note.setText(t.t("booking.offline_note"))
        self.loading.setText(t.t("booking.loading"))
        self.picker.retranslate()
        self.confirm_heading.setText(t.t("booking.confirm.heading"))
        if self.time is not None and self.service_id and self.channel_id:
            for lab, text in zip(self.summary, booking_lines(t, self.catalogue, self.time, self.service_id,
                                                             self.channel_id)):
                lab.setText(text)
        self.request_note.setText(t.t("booking.request_note"))
        self.request_note.setVisible(self.time is not None and not self.online and not self.time.own_place)
        key = self.confirm_error.property("text_key")
        if key:
            self.confirm_error.setText(t.t(key))
        self.other_time.setText(t.t("booking.choose_other"))
        self.other_time.setAccessibleName(t.t("booking.choose_other"))
        self.confirm_button.setText(t.t("booking.confirm"))
        self.confirm_button.setAccessibleName(t.t("booking.confirm"))
        self.phone_label.setText(t.t("booking.phone.label"))
        self.phone.setAccessibleName(t.t("booking.phone.label"))
        self.phone_hint.setText(t.t("booking.phone.hint"))
        self.pad.retranslate()
        self.busy.setText(t.t("booking.busy"))
        b = self.result
        if b is not None:
            self.done_heading.setText(t.t("booking.done.confirmed" if b.state == CONFIRMED else "booking.done.requested"))
            lines = booking_lines(t, self.catalogue, b, b.service_id, b.channel_id)
            lines += [t.t("booking.ref", ref=b.ref), t.t(f"booking.state.{b.state}")]
            for i, lab in enumerate(self.done_lines):
                lab.setText(lines[i] if i < len(lines) else "")
                lab.setVisible(i < len(lines))
            self.done_info.setText(t.t("booking.done.requested_info"))
            self.done_info.setVisible(b.state != CONFIRMED)
            self.qr.set_text(self.qr_text())
            self.qr_caption.setText(t.t("booking.done.qr"))
            self.qr.setAccessibleName(t.t("booking.done.qr"))
        self.finish.setText(t.t("booking.done.finish"))
        self.finish.setAccessibleName(t.t("booking.done.finish"))

    def clear_inputs(self) -> None:
        self.time, self.result, self._message_key = None, None, None
        self.phone.clear()
        self.confirm_error.hide()
        self.confirm_error.setProperty("text_key", None)
        self.picker.set_times([])
        self.qr.set_text("")

    def clear(self) -> None:
        self._generation += 1
        self.clear_inputs()
        self.service_id = self.channel_id = None
        self.place = Place("booking")
        self._service_heading_key, self._service_note_key = "booking.choose_service", None
        self.pages.setCurrentIndex(SERVICE_PAGE)

    def has_input(self) -> bool:
        return bool(self.phone.text()) or self.time is not None
