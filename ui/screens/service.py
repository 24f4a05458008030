"""The service card: everything a resident needs from the product card, in plain words.

A rich card is some 75 labels; made, polished and laid out in one go it held the GUI thread
for about 40 ms. The card is therefore made in parts: the top of the card (name, providers,
cost, for whom, the description) at once, so what fills the screen is there in the same
frame, and the rest (channels, contact, feedback) in slices of at most about half a frame
per event-loop turn. ``complete`` says whether every part is made; ``finish()`` makes the
rest now (speech, and tests that read the whole card, call it).

Whether a channel has a free time to book (one small query per bookable channel) is read on
the runner's database thread while the card is made; a channel's "book here" button is
added when the answer is back (``free_times_known``), so the card never waits for SQLite.
"""

from __future__ import annotations

import logging
import time
from datetime import datetime
from typing import Callable, Iterator

from PySide6.QtCore import QEvent, QLocale, QSize, Qt, QTimer
from PySide6.QtWidgets import QFrame, QHBoxLayout, QSizePolicy, QVBoxLayout, QWidget

from kiosk.catalogue.domain import Channel, Service, tr as text_in
from kiosk.flow import KioskFlow, Place
from ui.background import BackgroundCalls
from ui.format import address_lines, channel_status, qr_text, weekly_hours
from ui.bidi import mark_catalogue_text
from ui.i18n import DATA_LANGUAGES, LANGUAGES, Translator
from ui.icons import Pictogram, icon_for
from ui.screens.base import Screen
from ui.theme import Metrics
from ui.widgets.notices import NoticeList
from ui.widgets.qr import QrCodeWidget
from ui.widgets.reflow import Columns
from ui.widgets.removal import clear_layout
from ui.widgets.service_list import slice_full
from ui.widgets.service_row import sector_badge
from ui.widgets.touch import button, kinetic_scroll_area, label

log = logging.getLogger(__name__)

# Product-card sections in the order a resident asks about them.
TEXT_SECTIONS = ("descriptions", "user_instructions", "goal", "content", "outputs", "quality")


class _SideCard(QFrame):
    """The QR code and its hint: as wide as the code, or as the hint's longest word where that
    is wider (Swedish "uppgifterna" at 200 % text, 1280x800), never as wide as the hint in one
    line: the card's own column gets the rest of the row."""

    def __init__(self) -> None:
        super().__init__()
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)

    def sizeHint(self) -> QSize:   # noqa: N802 (Qt's name)
        # A word-wrapped label's minimum is its longest word (Qt's QLabel::minimumSizeHint).
        return self.minimumSizeHint()


class ServiceScreen(Screen):
    # Work per event-loop turn after the head of the card (as in ui/widgets/service_list.py).
    SLICE_S = 0.004

    def __init__(self, *, flow: KioskFlow, tr: Translator, metrics: Metrics, catalogue,
                 now: Callable[[], datetime], announcements=None) -> None:
        super().__init__()
        self.announcements = announcements  # urgent notices for this service (kiosk/announcements.py)
        self.flow = flow
        self.tr_ = tr
        self.metrics = metrics
        self.catalogue = catalogue
        self.now = now
        self.service: Service | None = None
        self.service_id: str | None = None
        self._stale = False  # the language changed while the card was hidden
        self.runner = BackgroundCalls(self)
        # The channels with a free time to book, once the database thread has said (None: asked).
        self._bookable: frozenset[str] | None = None
        self._asked = 0  # which card's question an answer belongs to
        self._book_places: dict[str, tuple[QVBoxLayout, Channel]] = {}  # channel cards made so far
        row = QHBoxLayout(self)
        row.setContentsMargins(metrics.margin_px, metrics.margin_px // 2, metrics.margin_px, metrics.margin_px // 2)
        row.setSpacing(metrics.gap_px * 2)
        self._content = QWidget()
        self.body = QVBoxLayout(self._content)
        self.body.setContentsMargins(0, 0, 16, 0)
        self.body.setSpacing(metrics.gap_px // 2 + 4)
        # The card grows at its foot as its parts are shown; what is on the screen stays where it
        # is, so only what a part adds (below the fold, mostly) is painted, not the whole screen again.
        self._content.setAttribute(Qt.WidgetAttribute.WA_StaticContents, True)
        # What scrolls: the card, and under it the QR side card when that is taller than the
        # screen (200 % text at 1280x800), so that one page scrolls, not two side by side.
        scrolled = QWidget()
        scrolled.setAttribute(Qt.WidgetAttribute.WA_StaticContents, True)
        self._scrolled = QVBoxLayout(scrolled)
        self._scrolled.setContentsMargins(0, 0, 0, 0)
        self._scrolled.setSpacing(metrics.gap_px)
        self._scrolled.addWidget(self._content, 1)
        self.area = kinetic_scroll_area(scrolled)
        row.addWidget(self.area, 1)
        self._row = row

        side = _SideCard()
        side.setProperty("role", "card")
        qr_px = 360 if metrics.tile_px >= 160 else 260
        side.setMinimumWidth(qr_px + 2 * metrics.gap_px)  # as before, also with no code shown
        side_col = QVBoxLayout(side)
        side_col.setContentsMargins(metrics.gap_px, metrics.gap_px, metrics.gap_px, metrics.gap_px)
        self.qr = QrCodeWidget(size_px=qr_px)
        self.qr.setObjectName("service-qr")
        self.qr_hint = label()
        self.qr_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        side_col.addWidget(self.qr, 0, Qt.AlignmentFlag.AlignHCenter)
        side_col.addWidget(self.qr_hint)
        side_col.addStretch(1)
        row.addWidget(side, 0, Qt.AlignmentFlag.AlignTop)
        self.side = side
        self._side_in_card = False
        self._place_side_soon = QTimer(self)
        self._place_side_soon.setSingleShot(True)
        self._place_side_soon.setInterval(0)
        self._place_side_soon.timeout.connect(self._place_side)
        self._parts_left: Iterator[None] | None = None  # the parts of the card still to make
        self._more = QTimer(self)
        self._more.setSingleShot(True)
        self._more.setInterval(0)
        self._more.timeout.connect(self._next_slice)

    # -- the QR side card: beside the card, or under it when it is taller than the screen ----
    def resizeEvent(self, event) -> None:   # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._place_side_soon.start()   # after this layout pass: moving it now would start another

    def changeEvent(self, event) -> None:   # noqa: N802
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._place_side_soon.start()   # the text size changed: the screen may keep its size

    def showEvent(self, event) -> None:   # noqa: N802
        super().showEvent(event)
        self._place_side_soon.start()

    def _place_side(self) -> None:
        """Beside the card the code stays in sight while the card scrolls. At 200 % text on a
        low screen the side card alone is taller than the page; beside the card the page then
        scrolled too, two scroll bars side by side. Then it goes under the card, in the card's
        own scrolling, and the page fits."""
        page = self.parentWidget()   # the page's viewport (ui/widgets/page_stack.py)
        if page is None:
            return
        margins = self._row.contentsMargins()
        side = self.side
        # Its height at its width: the hint's lines (a wrapped label's minimum knows one line).
        tall = side.heightForWidth(side.sizeHint().width()) if side.hasHeightForWidth() else -1
        need = max(tall, side.sizeHint().height()) + margins.top() + margins.bottom()
        into_card = need > page.height()
        # Under the card a box layout gives an aligned widget its hint's height, not the height
        # its wrapped hint needs at its width: the hint was drawn over the code. Asked each
        # time, since a language or the text size changes the hint.
        side.setMinimumHeight(max(tall, 0) if into_card else 0)
        if into_card == self._side_in_card:
            return
        self._side_in_card = into_card
        if into_card:
            self._row.removeWidget(self.side)
            self._scrolled.addWidget(self.side, 0, Qt.AlignmentFlag.AlignHCenter)
        else:
            self._scrolled.removeWidget(self.side)
            self._row.addWidget(self.side, 0, Qt.AlignmentFlag.AlignTop)

    # -- building the card -----------------------------------------------------------------
    def _clear_body(self) -> None:
        clear_layout(self.body)

    def _section(self, heading: str, *lines: str, catalogue_text: bool = False) -> None:
        lines = tuple(x for x in lines if x)
        if not lines:
            return
        self.body.addSpacing(self.metrics.gap_px // 2)
        self.body.addWidget(label(heading, role="heading"))
        for line in lines:
            lab = label(line)
            self.body.addWidget(mark_catalogue_text(lab, self.tr_) if catalogue_text else lab)

    def _fallback_note(self) -> QFrame:
        """In a UI language the catalogue has no text in: say which language the text is
        in, and let the resident pick another of fi/sv/en."""
        t = self.tr_
        note = QFrame()
        note.setObjectName("service-fallback-note")
        note.setProperty("role", "card")
        col = QVBoxLayout(note)
        col.setContentsMargins(18, 12, 18, 12)
        text = t.t("catalogue.fallback_note", language=t.t(f"language.{t.data_language}.name"))
        self.fallback_text = label(text, role="notice")
        col.addWidget(self.fallback_text)
        row = QHBoxLayout()
        row.setSpacing(self.metrics.gap_px // 2)
        self.fallback_buttons = {}
        for lang in DATA_LANGUAGES:
            own = t.t(f"language.{lang}.own_name")
            b = button(own, t.t("catalogue.fallback_show", language=own), min_height=self.metrics.touch_px)
            b.setObjectName(f"fallback-{lang}")
            b.setCheckable(True)
            b.setChecked(lang == t.data_language)
            b.setLocale(QLocale(lang))
            b.clicked.connect(lambda _=False, lang=lang: self.tr_.set_data_fallback(lang))
            self.fallback_buttons[lang] = b
            row.addWidget(b)
        row.addStretch(1)
        col.addLayout(row)
        note.setAccessibleName(text)
        return note

    def _channel_card(self, ch: Channel) -> QFrame:
        t, lang = self.tr_, self.tr_.data_language
        card = QFrame()
        card.setProperty("role", "card")
        col = QVBoxLayout(card)
        col.setContentsMargins(24, 18, 24, 18)
        col.setSpacing(6)
        title = t.label("channel", ch.kind)
        name = t.isolate(text_in(ch.names, lang))
        heading = label(f"{title}: {name}" if name else title, role="heading")
        icon = icon_for("channel", ch.kind)
        if icon:
            # The channel's pictogram before its name (a pin, a phone, a camera).
            row = QHBoxLayout()
            row.setSpacing(14)
            row.addWidget(Pictogram(icon, em=1.2), 0, Qt.AlignmentFlag.AlignTop)
            row.addWidget(heading, 1)
            col.addLayout(row)
        else:
            col.addWidget(heading)
        status = channel_status(t, ch, self.now())
        if status is not None:
            col.addWidget(label(status[0], role=status[1]))
        for line in address_lines(ch, lang):
            col.addWidget(mark_catalogue_text(label(line), t))
        if ch.phone:
            col.addWidget(label(t.t("service.phone", phone=ch.phone)))
        if ch.url:
            col.addWidget(label(t.t("service.web", url=ch.url)))
        hours = weekly_hours(t, ch.opening_hours)
        if hours and not (ch.opening_hours and ch.opening_hours.always_open):
            col.addWidget(label(t.t("service.hours"), role="muted"))
            for line in hours:
                col.addWidget(label(line))
        if ch.languages:
            col.addWidget(label(t.t("service.channel_languages", languages=self._languages(ch.languages))))
        access = text_in(ch.accessibility, lang)
        if access:
            col.addWidget(label(t.t("service.accessibility", text=access)))
        # The way from reading about a service to using it, where this kiosk can: the button
        # now if the free times are known, else when they are.
        self._book_places[ch.id] = (col, ch)
        if self._bookable is not None and ch.id in self._bookable:
            self._add_book_button(col, ch)
        return card

    def _add_book_button(self, col: QVBoxLayout, ch: Channel) -> None:
        t = self.tr_
        book = button(t.t("service.book_here"), t.t("service.book_here"), role="primary",
                      min_height=self.metrics.touch_px)
        book.setObjectName(f"book-{ch.id}")
        book.clicked.connect(lambda _=False, sid=ch.service_id, cid=ch.id:
                             self.flow.go("booking", service_id=sid, channel_id=cid))
        col.addWidget(book, 0, Qt.AlignmentFlag.AlignLeft)

    @property
    def free_times_known(self) -> bool:
        """The database thread has said which channels can be booked (tests wait on this)."""
        return self._bookable is not None

    def _ask_free_times(self, s: Service) -> None:
        self._asked += 1
        self._bookable = None
        channels = [ch.id for ch in s.channels if ch.kind in ("visit", "video")] if self.flow.knows("booking") else []
        if not channels:
            self._bookable = frozenset()
            return
        asked, catalogue, after = self._asked, self.catalogue, self.now()

        def free() -> frozenset[str]:
            return frozenset(cid for cid in channels if catalogue.free_slots(cid, limit=1, after=after))

        def done(bookable, error) -> None:
            if asked != self._asked:
                return  # another card (or this one again) was asked for since
            if error is not None:
                # No button is the safe side: the card promises no booking it cannot show.
                log.warning("free times for %s not read: %s", s.id, error)
                bookable = frozenset()
            self._bookable = bookable
            for cid, (col, ch) in self._book_places.items():
                if cid in bookable:
                    self._add_book_button(col, ch)
        # Once the head of the card is drawn: asked with the tap, the database thread's Python
        # ran inside the card's first paint, which waited for it (ui/background.py).
        self.runner.db_after_paint(self, free, done)

    def _languages(self, codes) -> str:
        return self.tr_.join(self.tr_.t(f"language.{c}.name") for c in codes if c in LANGUAGES) or "–"

    def _drop_parts(self) -> None:
        """Forget the parts still to come (closing them puts ``body`` back to the card's own)."""
        self._more.stop()
        if self._parts_left is not None:
            self._parts_left.close()
            self._parts_left = None

    def _build(self) -> None:
        self._stale = False
        self._drop_parts()
        self._clear_body()
        self._book_places = {}
        self.area.verticalScrollBar().setValue(0)
        s = self.service
        if s is None:
            self.body.addWidget(label(self.tr_.t("service.missing"), role="heading"))
            self.body.addStretch(1)
            self.qr.set_text("")
            self.qr.setVisible(False)
            self.qr_hint.setText("")
            return
        # The code first: it is made on the runner's pool and arrives while the parts are made.
        self.qr.setVisible(True)
        self.qr.set_text(qr_text(self.tr_, s, self.tr_.data_language))
        self.qr.setAccessibleName(self.tr_.t("service.qr_name"))
        self.qr_hint.setText(self.tr_.t("service.qr_hint"))
        self._ask_free_times(s)  # answered while the rest of the card is made
        self._parts_left = self._parts(s)
        for top_done in self._parts_left:  # the top of the card, whatever it costs
            if top_done:
                break
        self._more.start()

    @property
    def complete(self) -> bool:
        """Every part of the card is made (tests and speech wait on this)."""
        return self._parts_left is None

    def finish(self) -> None:
        """Make the parts of the card still to come, now."""
        self._more.stop()
        if self._parts_left is not None:
            for _ in self._parts_left:
                pass
            self._parts_left = None

    def _next_slice(self) -> None:
        if self._parts_left is None:
            return
        full = slice_full(time.perf_counter(), self.SLICE_S)
        for _ in self._parts_left:
            if full():
                self._more.start()
                return
        self._parts_left = None

    def _parts(self, s: Service) -> Iterator[bool]:
        """Adds the card to ``body`` one part per step; yields True once the top is made."""
        t, lang = self.tr_, self.tr_.data_language
        self.body.addWidget(mark_catalogue_text(label(text_in(s.names, lang), role="title"), t))
        if t.data_is_fallback:
            self.body.addWidget(self._fallback_note())
        urgent = self.announcements.urgent_for_service(s.id) if self.announcements is not None else []
        if urgent:  # e.g. "the health station is closed today", before everything else
            notices = NoticeList(tr=t)
            notices.setObjectName("service-notices")
            notices.show_notices(urgent)
            self.body.addWidget(notices)
        providers = {p.id: p for p in (s.responsible_provider, *s.producers)}
        for p in providers.values():
            # The badge first: then a long provider name wraps across the whole width.
            # At 200 % a long one-word name ("Kansaneläkelaitos") goes under the badge.
            row = Columns(spacing=16)
            badge = sector_badge(t, p.sector)
            badge.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Maximum)
            row.add(badge)
            row.add(mark_catalogue_text(label(text_in(p.names, lang), role="heading", wrap=True), t), 1)
            self.body.addWidget(row)
        short = text_in(s.short_descriptions, lang)
        if short:
            lead = mark_catalogue_text(label(short), t)
            lead.setStyleSheet("font-weight: 700;")
            self.body.addWidget(lead)
        # The head of the card (what it is, who provides it) with the tap; the sections under it
        # in the next turn, a frame later: made, polished and laid out with the page switch, the
        # whole top held the GUI thread for 11-13 ms before its first paint (docs/benchmarks.md).
        yield True

        # Cost, for whom and languages first: the questions that decide "is this for me?".
        self._section(t.t("service.cost"), t.label("charge", s.charge_type), text_in(s.price_text, lang),
                      t.t("service.voucher_ok") if s.accepts_vouchers and s.charge_type != "voucher" else "")
        self._section(t.t("service.for_whom"), t.join(t.label("target_group", g) for g in s.target_groups))
        self._section(t.t("service.languages"), self._languages(s.languages))
        self._section(t.t("service.life_events"), ", ".join(t.label("life_event", e) for e in s.life_events))
        self._section(t.t(f"service.section.{TEXT_SECTIONS[0]}"), text_in(getattr(s, TEXT_SECTIONS[0]), lang),
                      catalogue_text=True)
        yield False  # with the description, the top of the card fills the screen
        # The rest is made part by part into hidden holders, each widget polished as it is made,
        # each holder shown once whole: made into the shown card, every slice laid out and
        # painted the whole card again (10-15 ms a turn); shown all at once at the end, the
        # rest's 60 widgets took 10 ms in one turn.
        top = self.body
        top.addStretch(1)
        try:
            yield from self._rest_of_card(s, top)
        finally:
            self.body = top

    def _rest_of_card(self, s: Service, top: QVBoxLayout) -> Iterator[bool]:
        t, lang = self.tr_, self.tr_.data_language
        made: list[QWidget] = []

        def part() -> None:
            """The next part goes into a hidden holder before the stretch at the foot."""
            holder = QWidget()
            holder.hide()
            self.body = QVBoxLayout(holder)
            self.body.setContentsMargins(0, 0, 0, 0)
            self.body.setSpacing(top.spacing())
            top.insertWidget(top.count() - 1, holder)
            made.append(holder)

        def shown() -> bool:
            holder = made[-1]
            for w in holder.findChildren(QWidget):
                w.ensurePolished()
            holder.setVisible(self.body.count() > 0)
            return False
        for field in TEXT_SECTIONS[1:]:
            part()
            self._section(t.t(f"service.section.{field}"), text_in(getattr(s, field), lang), catalogue_text=True)
            yield shown()
        if s.channels:
            part()
            self.body.addSpacing(self.metrics.gap_px // 2)
            self.body.addWidget(label(t.t("service.reach"), role="heading"))
            yield shown()
            for ch in s.channels:
                part()
                self.body.addWidget(self._channel_card(ch))
                yield shown()
        part()
        contact = s.responsible_provider.contact
        self._section(t.t("service.contact"),
                      t.t("service.phone", phone=contact["phone"]) if contact.get("phone") else "",
                      t.t("service.web", url=contact["web"]) if contact.get("web") else "",
                      t.t("service.email", email=contact["email"]) if contact.get("email") else "")
        if self.flow.knows("feedback"):
            fb = button(t.t("service.give_feedback"), t.t("service.give_feedback"), min_height=self.metrics.touch_px)
            fb.setObjectName("service-feedback")
            fb.clicked.connect(lambda _=False, sv=s: self.flow.go(
                "feedback", service_id=sv.id, provider_id=(sv.producers or (sv.responsible_provider,))[0].id,
                context="service_card"))
            self.body.addSpacing(self.metrics.gap_px // 2)
            self.body.addWidget(fb, 0, Qt.AlignmentFlag.AlignLeft)
        yield shown()

    # -- screen ----------------------------------------------------------------------------
    def enter(self, place: Place) -> None:
        if place.get("service_id") == self.service_id and self.service is not None and not self._stale:
            return
        self.service_id = place.get("service_id")
        self.service = self.catalogue.service(self.service_id) if self.service_id else None
        self._build()

    def title(self) -> str:
        return self.tr_.t("service.bar_title")

    def spoken(self):
        """The card read top to bottom, then the side (QR, channels). In a UI language the
        catalogue has no text in, the card's own text is read with its own language's voice."""
        from ui.speech import describe
        self.finish()
        t = self.tr_
        if not t.data_is_fallback:
            return describe(t, self, self.title())
        card = describe(t, self._content, "", lang=t.data_language, actions=False)
        rest = describe(t, self, self.title(), skip_texts=[self._content])
        return [rest[0], *card, *rest[1:]]

    def retranslate(self) -> None:
        # A hidden card is built again when it is next entered: a language switch elsewhere
        # then does not pay for a card nobody sees (60-120 ms of labels on the GUI thread).
        if self.isVisible():
            self._build()
            self._place_side_soon.start()   # the QR hint's words changed
        else:
            self._stale = True

    def clear(self) -> None:
        self.service = None
        self.service_id = None
        self._drop_parts()
        self._clear_body()
        self._book_places = {}
        self._asked += 1  # an answer still on its way is for nobody
        self.qr.set_text("")
