"""My bookings: the identified resident's upcoming bookings, with Cancel.

Online the list holds the bookings made at any kiosk of the site (the backend's list,
``BookingDesk.resident_bookings``); offline, those made here and those pulled for today and
tomorrow. What the kiosk holds itself (``BookingDesk.known_bookings``, a read on the database
thread) shows at once; the backend's list follows when it comes, or a line says that the city's
system could not be reached (a network that hangs held the whole screen for the remote's 5 s
timeout). A booking made at another kiosk says so on its card. A booking made elsewhere is cancelled through the backend only: offline the screen
says so (``my_bookings.needs_connection``) and promises nothing.

Opened as ``flow.go("my_bookings")``. It asks for a key on entry (``session.require``)
and lists the bookings once the session is open. Cancelling takes two taps on the
same button ("Cancel booking", then "Tap again to cancel"), so a brushing hand cannot
cancel anything. The list is personal: ``clear()`` forgets it when the session ends.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLayout, QVBoxLayout, QWidget

from kiosk.booking import Booking, BookingDesk, BookingError, DENIED
from kiosk.flow import KioskFlow, Place
from kiosk.identity.keys import Identity
from kiosk.identity.session import KioskSession
from ui.i18n import Translator
from ui.screens.base import Screen
from ui.screens.booking import booking_lines, plain
from ui.background import BackgroundCalls
from ui.theme import Metrics
from ui.widgets.removal import discard
from ui.widgets.touch import button, kinetic_scroll_area


class MyBookingsScreen(Screen):
    def __init__(self, *, flow: KioskFlow, tr: Translator, metrics: Metrics, catalogue, desk: BookingDesk,
                 session: KioskSession, runner: BackgroundCalls | None = None,
                 online=None) -> None:
        """``online()``: what the kiosk last knew of its connection (True, False, None)."""
        super().__init__()
        self.flow, self.tr_, self.metrics, self.catalogue = flow, tr, metrics, catalogue
        self.desk, self.session = desk, session
        self._known_online = online or (lambda: None)
        self.runner = runner or BackgroundCalls(self)
        self.bookings: list[Booking] | None = None
        self.everywhere = False  # the list is the backend's: bookings of other kiosks are in it
        self.asking = False  # the backend's list is on its way (what the kiosk holds shows meanwhile)
        self.identity: Identity | None = None
        self._armed: str | None = None  # the booking whose Cancel was tapped once
        self._notice_key: str | None = None
        self._generation = 0
        outer = QVBoxLayout(self)
        outer.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        outer.setContentsMargins(metrics.margin_px, metrics.margin_px // 2, metrics.margin_px, metrics.margin_px // 2)
        outer.setSpacing(metrics.gap_px)
        self.heading = plain(role="title")
        self.status = plain(role="muted")
        self.status.setObjectName("my-bookings-status")
        self.notice = plain(role="notice")
        self.notice.setObjectName("my-bookings-notice")
        outer.addWidget(self.heading)
        outer.addWidget(self.status)
        outer.addWidget(self.notice)
        self.content = QWidget()
        self.rows = QVBoxLayout(self.content)
        self.rows.setSpacing(metrics.gap_px)
        self.rows.addStretch(1)
        outer.addWidget(kinetic_scroll_area(self.content), 1)
        self.cards: list[QFrame] = []
        self.retranslate()

    def title(self) -> str:
        return self.tr_.t("my_bookings.title")

    def spoken(self):
        from ui.speech import describe
        # A person's own bookings are theirs: spoken only to headphones (5.1.3.9).
        return describe(self.tr_, self, self.title(), private=True)

    def enter(self, place: Place) -> None:
        self._generation += 1
        gen = self._generation
        self._armed, self._notice_key = None, None
        self.bookings, self.asking = None, False
        if self._known_online() is False and not self.session.is_open:
            # The resident's keys need the city's identification service: say so, ask nothing.
            self._notice_key = "my_bookings.offline"
            self._rebuild()
            return
        self._rebuild()
        self.session.require("booking.mine", lambda identity: self._load(gen, identity), where="my_bookings")

    def _load(self, gen: int, identity: Identity) -> None:
        if gen != self._generation:
            return
        self.identity = identity
        self.asking = True
        self.runner.db(lambda: self.desk.known_bookings(identity.subject), lambda r, e: self._known(gen, r, e))
        self.runner.run(lambda: self.desk.resident_bookings(identity.subject), lambda r, e: self._loaded(gen, r, e))

    def _known(self, gen: int, bookings, error) -> None:
        """What the kiosk holds, while the backend is asked; the backend's answer, if it came
        first, is the fuller list and stays."""
        if gen != self._generation or not self.asking or error is not None:
            return  # a failed read here is no news: the full answer follows and reports
        self.bookings = bookings.bookings
        self._rebuild()

    def _loaded(self, gen: int, bookings, error) -> None:
        if gen != self._generation or not self.asking:
            return
        self.asking = False
        if error is not None:
            self.bookings = self.bookings or []  # what was shown stays true: it was read from this kiosk
            self._notice_key = "booking.error.other"
        else:
            self.bookings = bookings.bookings
            self.everywhere = bookings.everywhere
            if bookings.unreachable:
                self._notice_key = "my_bookings.unreachable"
        self._rebuild()

    def _cancel_tapped(self, booking_id: str) -> None:
        if self._armed != booking_id:
            self._armed = booking_id
            self.retranslate()
            return
        self._armed = None
        gen, identity = self._generation, self.identity
        if identity is None:
            return
        self.asking = False  # the cancellation's answer brings the list: an older one on its way would undo it
        self.runner.run(lambda: (self.desk.cancel(subject=identity.subject, booking_id=booking_id),
                                 self.desk.resident_bookings(identity.subject))[1],
                        lambda r, e: self._cancelled(gen, r, e))

    def _cancelled(self, gen: int, bookings, error) -> None:
        if gen != self._generation:
            return
        if isinstance(error, BookingError) and error.code == "needs_connection":
            self._notice_key = "my_bookings.needs_connection"
        elif error is not None:
            self._notice_key = "booking.error.other"
        else:
            self._notice_key = "my_bookings.cancelled"
            self.bookings, self.everywhere = bookings.bookings, bookings.everywhere
            self.asking = False
        self._rebuild()

    def _rebuild(self) -> None:
        # A booking still listed keeps its card: the backend's list arrives after the kiosk's
        # own, and a card replaced under a finger would drop a tap on its Cancel.
        keep = {b.id for b in self.bookings or []}
        old = {}
        for card in self.cards:
            self.rows.removeWidget(card)
            if card.booking.id in keep:
                old[card.booking.id] = card
            else:
                discard(card)
        self.cards = []
        for i, b in enumerate(self.bookings or []):
            card = old.get(b.id)
            if card is not None:
                card.booking = b
                card.cancel.setVisible(b.state != DENIED)
                self.rows.insertWidget(i, card)
                self.cards.append(card)
                continue
            card = QFrame()
            card.setProperty("role", "card")
            card.setObjectName(f"my-booking-{b.id}")
            row = QHBoxLayout(card)
            row.setContentsMargins(self.metrics.gap_px, self.metrics.gap_px, self.metrics.gap_px, self.metrics.gap_px)
            texts = QVBoxLayout()
            card.lines = [plain() for _ in range(7)]
            card.lines[0].setProperty("role", "heading")
            for lab in card.lines:
                texts.addWidget(lab)
            row.addLayout(texts, 1)
            card.cancel = button("", "", min_height=self.metrics.touch_px)
            card.cancel.setObjectName(f"my-booking-cancel-{b.id}")
            card.cancel.clicked.connect(lambda _=False, bid=b.id: self._cancel_tapped(bid))
            card.cancel.setVisible(b.state != DENIED)
            row.addWidget(card.cancel, 0, Qt.AlignmentFlag.AlignVCenter)
            card.booking = b
            self.rows.insertWidget(i, card)
            self.cards.append(card)
        self.retranslate()

    def retranslate(self) -> None:
        t = self.tr_
        self.heading.setText(t.t("my_bookings.title"))
        if self._notice_key == "my_bookings.offline":
            self.status.setText("")  # nothing is loading: the notice says why
        elif self.bookings is None:
            self.status.setText(t.t("my_bookings.loading"))
        elif self.asking and self.desk.remote is not None:
            self.status.setText(t.t("my_bookings.loading_elsewhere"))
        else:
            none = "my_bookings.none_anywhere" if self.everywhere else "my_bookings.none"
            self.status.setText(t.t(none) if not self.bookings else "")
        self.status.setVisible(bool(self.status.text()))
        self.notice.setText(t.t(self._notice_key) if self._notice_key else "")
        self.notice.setVisible(bool(self._notice_key))
        for card in self.cards:
            b: Booking = card.booking
            lines = [t.t(f"booking.state.{b.state}")]
            if b.made_elsewhere:
                lines.append(t.t("my_bookings.made_elsewhere"))
            lines += booking_lines(t, self.catalogue, b, b.service_id, b.channel_id)
            lines.append(t.t("booking.ref", ref=b.ref))
            for i, lab in enumerate(card.lines):
                lab.setText(lines[i] if i < len(lines) else "")
                lab.setVisible(i < len(lines))
            armed = self._armed == b.id
            card.cancel.setText(t.t("my_bookings.cancel_confirm" if armed else "my_bookings.cancel"))
            card.cancel.setAccessibleName(card.cancel.text())
            card.cancel.setProperty("role", "primary" if armed else None)
            card.cancel.style().unpolish(card.cancel)
            card.cancel.style().polish(card.cancel)

    def clear(self) -> None:
        self._generation += 1
        self.bookings, self.identity, self._armed, self._notice_key = None, None, None, None
        self.everywhere, self.asking = False, False
        self._rebuild()

