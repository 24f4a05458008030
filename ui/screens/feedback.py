"""Give feedback: four large smileys, then optionally 0-10 and a short comment.

Opened as ``flow.go("feedback", service_id=..., provider_id=..., channel_id=...,
context="booking"|"walk_in"|"video"|"service_card")`` after a service event, or as
``flow.go("feedback")`` from the home tile (the resident first picks the service).

One tap on a smiley counts at once (``FeedbackBox.give``); everything after it is
optional. No key is asked for and nothing about the person is stored. The comment is
typed on the on-screen keyboard and is only ever shown as plain text.
"""

from __future__ import annotations

import logging
from datetime import datetime, timezone
from typing import Callable

from PySide6.QtCore import QEvent, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (QGridLayout, QHBoxLayout, QLayout, QLineEdit, QPushButton, QSizePolicy,
                               QVBoxLayout, QWidget)

from kiosk.catalogue.domain import tr as text_in
from kiosk.feedback import COMMENT_MAX, CONTEXTS, SMILEYS, FeedbackBox, FeedbackError
from kiosk.flow import KioskFlow, Place
from ui.widgets.pages import Pages
from ui.background import BackgroundCalls
from ui.i18n import Translator
from ui.screens.base import Screen
from ui.screens.booking import plain
from ui.theme import Metrics
from ui.widgets.keyboard import OnScreenKeyboard
from ui.widgets.reflow import FlowLayout
from ui.widgets.removal import clear_layout
from ui.widgets.touch import button

log = logging.getLogger(__name__)
CHOOSE_PAGE, SMILEY_PAGE, DETAILS_PAGE, SENT_PAGE = range(4)
# Face colours from red to green, each with dark features; the word under each face
# carries the meaning, so colour is never the only cue.
FACE_COLOURS = {1: "#F4A6A0", 2: "#F9CF93", 3: "#BFE3B4", 4: "#8FD18A"}
INK = QColor("#1A1A1A")


class SmileyButton(QPushButton):
    """A painted face (no emoji font needed) above its word, e.g. "Very happy"."""

    def __init__(self, smiley: int, size_px: int) -> None:
        super().__init__()
        self.smiley = smiley
        self.face_px = size_px
        self.setObjectName(f"smiley-{smiley}")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.caption = ""

    # Above the caption: the face and its margins; below it, a margin (as paintEvent draws).
    FACE_TOP, CAPTION_GAP, CAPTION_BOTTOM, CAPTION_SIDE = 20, 8, 12, 8

    def _caption_height(self, width: int) -> int:
        room = QRect(0, 0, max(1, width - 2 * self.CAPTION_SIDE), 10_000)
        flags = int(Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap)
        return self.fontMetrics().boundingRect(room, flags, self.caption).height()

    def _longest_word(self) -> int:
        return max((self.fontMetrics().horizontalAdvance(w) for w in self.caption.split()), default=0)

    def sizeHint(self) -> QSize:
        # The caption's words under the face: "Mycket missnöjd" takes two lines at 200 % text.
        width = max(self.face_px + 80, self._longest_word() + 2 * self.CAPTION_SIDE + 16)
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        width = max(self.face_px + 40, self._longest_word() + 2 * self.CAPTION_SIDE + 4)
        return QSize(width, self.heightForWidth(width))

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        face = min(self.face_px, width - 40)
        need = self.FACE_TOP + face + self.CAPTION_GAP + self._caption_height(width) + self.CAPTION_BOTTOM
        return max(need, self.face_px + 120)

    def changeEvent(self, event) -> None:  # noqa: N802
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self.updateGeometry()

    def set_caption(self, text: str) -> None:
        self.caption = text
        self.setAccessibleName(text)
        self.updateGeometry()
        self.update()

    def paintEvent(self, event) -> None:
        super().paintEvent(event)  # the button's own frame and pressed state
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        d = min(self.face_px, self.width() - 40, self.height() - 110)
        x, y = (self.width() - d) / 2, self.FACE_TOP
        p.setPen(QPen(INK, max(3, d // 40)))
        p.setBrush(QColor(FACE_COLOURS[self.smiley]))
        p.drawEllipse(QRectF(x, y, d, d))
        p.setBrush(INK)
        eye = d * 0.08
        for ex in (x + d * 0.33, x + d * 0.67):
            p.drawEllipse(QPointF(ex, y + d * 0.38), eye / 2, eye / 2)
        # Mouth: a curve whose bend says the mood (down for unhappy, up for happy).
        bend = {1: -0.22, 2: -0.09, 3: 0.1, 4: 0.24}[self.smiley]
        mouth = QPainterPath(QPointF(x + d * 0.28, y + d * 0.68))
        mouth.quadTo(QPointF(x + d * 0.5, y + d * (0.68 + bend)), QPointF(x + d * 0.72, y + d * 0.68))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.setPen(QPen(INK, max(4, d // 28), Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        p.drawPath(mouth)
        p.setPen(self.palette().buttonText().color())
        side = self.CAPTION_SIDE
        p.drawText(QRectF(side, y + d + self.CAPTION_GAP, self.width() - 2 * side,
                          self.height() - d - y - self.CAPTION_GAP - self.CAPTION_BOTTOM),
                   Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap, self.caption)
        p.end()


class SmileyRow(QWidget):
    """The four faces in one row while they fit, two rows of two when not (200 % text at
    1280x800: "Tosi tyytyväinen" under a face needs more than a quarter of the width).
    Red to green still reads left to right, top to bottom."""

    def __init__(self, faces: list[SmileyButton], spacing: int) -> None:
        super().__init__()
        self.faces = faces
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(spacing)
        self.columns = 0
        self._arrange(len(faces))

    def _width_for(self, columns: int) -> int:
        widest = max(f.minimumSizeHint().width() for f in self.faces)
        return columns * widest + (columns - 1) * self.grid.spacing()

    def _arrange(self, columns: int) -> None:
        if columns == self.columns:
            return
        self.columns = columns
        for f in self.faces:
            self.grid.removeWidget(f)
        for i, f in enumerate(self.faces):
            self.grid.addWidget(f, i // columns, i % columns)
        for c in range(len(self.faces)):
            self.grid.setColumnStretch(c, 1 if c < columns else 0)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        # Two by two is the narrowest: the parent may give less than a row of four needs.
        return QSize(self._width_for(2), super().minimumSizeHint().height())

    def _fit(self, width: int) -> None:
        self._arrange(len(self.faces) if width >= self._width_for(len(self.faces)) else 2)

    def resizeEvent(self, event) -> None:  # noqa: N802
        self._fit(event.size().width())
        super().resizeEvent(event)

    def event(self, event) -> bool:
        if event.type() == QEvent.Type.LayoutRequest:   # another text size at the same width
            self._fit(self.width())
        return super().event(event)


class FeedbackScreen(Screen):
    def __init__(self, *, flow: KioskFlow, tr: Translator, metrics: Metrics, catalogue, box: FeedbackBox,
                 now: Callable[[], datetime] | None = None, runner: BackgroundCalls | None = None) -> None:
        super().__init__()
        self.flow, self.tr_, self.metrics, self.catalogue, self.box = flow, tr, metrics, catalogue, box
        self.runner = runner or BackgroundCalls(self)
        self._giving = False  # an answer is being stored: a second tap waits for it
        self._person = 0  # counts resets: a late answer belongs to the previous person
        self._now = now or (lambda: datetime.now(timezone.utc))
        self.suggested: list[str] = []  # from the home tile: the services offered first
        self.service_id: str | None = None
        self.provider_id: str | None = None
        self.channel_id: str | None = None
        self.context = "home"
        self.answer_id: str | None = None
        self.score: int | None = None
        m = metrics
        outer = QVBoxLayout(self)
        outer.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        outer.setContentsMargins(m.margin_px, m.margin_px // 2, m.margin_px, m.margin_px // 2)
        self.pages = Pages()
        outer.addWidget(self.pages)

        # which service (from the home tile)
        page = QWidget()
        col = QVBoxLayout(page)
        col.setSpacing(m.gap_px)
        self.choose_heading = plain(role="title")
        col.addWidget(self.choose_heading)
        from ui.widgets.service_list import ServiceList
        self.service_list = ServiceList(tr=tr, metrics=m, now=now or (lambda: datetime.now(timezone.utc)))
        self.service_list.chosen.connect(self._service_chosen)
        col.addWidget(self.service_list, 1)
        self.pages.addWidget(page)

        # smileys
        page = QWidget()
        col = QVBoxLayout(page)
        col.setSpacing(m.gap_px)
        col.addStretch(1)
        self.question = plain(role="title")
        self.question.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.service_name = plain(role="heading")
        self.service_name.setAlignment(Qt.AlignmentFlag.AlignCenter)
        col.addWidget(self.question)
        col.addWidget(self.service_name)
        face = 220 if m.touch_px >= 88 else 150
        self.smileys = []
        for s in SMILEYS:
            b = SmileyButton(s, face)
            b.clicked.connect(lambda _=False, s=s: self._smiley(s))
            self.smileys.append(b)
        self.smiley_row = SmileyRow(self.smileys, spacing=m.gap_px * 2)
        col.addWidget(self.smiley_row)
        self.anonymous = plain(role="muted")
        self.anonymous.setAlignment(Qt.AlignmentFlag.AlignCenter)
        col.addWidget(self.anonymous)
        # From the home tile: the other likely services, and the whole list, one tap away.
        self.others_label = plain(role="muted")
        self.others_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        col.addWidget(self.others_label)
        # As many in a line as fit: service names are long, and with 200 % text two of them
        # side by side took more than a 1280x800 screen's width.
        self.others_row = FlowLayout(spacing=m.gap_px // 2 + 4, centred=True)
        self.other_buttons: dict[str, QPushButton] = {}
        self.other_service = button("", "", min_height=m.touch_px)
        self.other_service.setObjectName("feedback-other-service")
        self.other_service.clicked.connect(self._choose_from_list)
        col.addLayout(self.others_row)
        col.addStretch(1)
        self.pages.addWidget(page)

        # optional details
        page = QWidget()
        col = QVBoxLayout(page)
        col.setSpacing(m.gap_px // 2)  # Arabic lines are taller: the keyboard still fits at 1280x800
        self.thanks = plain(role="title")
        self.thanks.setObjectName("feedback-thanks")
        self.more = plain(role="muted")
        self.nps_question = plain(role="heading")
        col.addWidget(self.thanks)
        col.addWidget(self.more)
        col.addWidget(self.nps_question)
        grid = QGridLayout()
        grid.setSpacing(m.gap_px // 2)
        self.scores = []
        for n in range(11):
            b = button(str(n), str(n), min_height=m.touch_px)
            b.setCheckable(True)
            b.setObjectName(f"nps-{n}")
            b.clicked.connect(lambda _=False, n=n: self._score(n))
            grid.addWidget(b, 0, n)
            self.scores.append(b)
        col.addLayout(grid)
        # The comment (its label as the field's placeholder) and the two ways on share one
        # row, so the keyboard fits below in full, on a 1280x800 screen too.
        row = QHBoxLayout()
        row.setSpacing(m.gap_px)
        self.comment = QLineEdit()
        self.comment.setObjectName("feedback-comment")
        self.comment.setMaxLength(COMMENT_MAX)
        self.done = button("", "", min_height=m.touch_px)
        self.done.setObjectName("feedback-done")
        self.done.clicked.connect(self._finish)
        self.send = button("", "", role="primary", min_height=m.touch_px)
        self.send.setObjectName("feedback-send")
        self.send.clicked.connect(self._send)
        self.send.setMinimumWidth(260)
        row.addWidget(self.comment, 1)
        row.addWidget(self.send)
        row.addWidget(self.done)
        col.addLayout(row)
        # The field takes no more than the core keeps: said when it is full, not silently.
        self.comment_limit = plain(role="notice")
        self.comment_limit.setObjectName("feedback-comment-limit")
        self.comment_limit.hide()
        self.comment.textChanged.connect(
            lambda text: self.comment_limit.setVisible(len(text) >= COMMENT_MAX))
        col.addWidget(self.comment_limit)
        self.keyboard = OnScreenKeyboard(tr=tr, metrics=m)
        self.keyboard.attach(self.comment)
        col.addWidget(self.keyboard)
        col.addStretch(1)
        self.pages.addWidget(page)

        # sent
        page = QWidget()
        col = QVBoxLayout(page)
        col.addStretch(1)
        self.sent = plain(role="title")
        self.sent.setObjectName("feedback-sent")
        self.sent.setAlignment(Qt.AlignmentFlag.AlignCenter)
        col.addWidget(self.sent)
        self.sent_home = button("", "", role="primary", min_height=m.touch_px)
        self.sent_home.setObjectName("feedback-home")
        self.sent_home.clicked.connect(flow.home)
        col.addWidget(self.sent_home, 0, Qt.AlignmentFlag.AlignHCenter)
        col.addStretch(1)
        self.pages.addWidget(page)
        self.retranslate()

    def title(self) -> str:
        return self.tr_.t("feedback.title")

    def spoken(self):
        from ui.speech import describe
        return describe(self.tr_, self, self.title())

    def enter(self, place: Place) -> None:
        self.clear()
        context = place.get("context") or "home"
        self.context = context if context in CONTEXTS else "home"
        self.provider_id, self.channel_id = place.get("provider_id"), place.get("channel_id")
        self.suggested = []
        if place.get("service_id") and self.catalogue.service(place.get("service_id")) is not None:
            self._service_chosen(place.get("service_id"))
        else:
            self._choose_from_list()  # until the likely services are read (database thread)
            self._suggest()
        self._show_others()

    def _suggest(self) -> None:
        services = self.catalogue.all_services()
        channel_service = {c.id: s.id for s in services for c in s.channels}
        walk_ins = [s.id for s in services if any(c.kind == "walk_in" for c in s.channels)]
        box, person = self.box, self._person

        def found(ids, error) -> None:
            if error is not None:
                log.warning("feedback suggestions not read: %s", error)
                return  # the whole list stays: feedback still works
            if person != self._person or self.service_id is not None:
                return  # reset meanwhile, or the person already chose
            self.suggested = [sid for sid in ids if self.catalogue.service(sid) is not None]
            if self.suggested:
                # The service the person most likely means: its smileys at once, one tap counts.
                self._service_chosen(self.suggested[0])
            self._show_others()
        self.runner.db(lambda: box.suggestions(walk_ins=walk_ins, channel_service=channel_service.get), found)

    def _choose_from_list(self) -> None:
        self.service_list.show_services(self.catalogue.services(lang=self.tr_.data_language))
        self.pages.setCurrentIndex(CHOOSE_PAGE)

    def _show_others(self) -> None:
        clear_layout(self.others_row, keep=(self.other_service,))
        self.other_buttons = {}
        lang = self.tr_.data_language  # catalogue text: fi/sv/en
        for sid in self.suggested:
            if sid == self.service_id:
                continue
            name = text_in(self.catalogue.service(sid).names, lang)
            b = button(name, self.tr_.t("feedback.about", service=name), min_height=self.metrics.touch_px)
            b.setObjectName(f"feedback-suggested-{sid}")
            b.clicked.connect(lambda _=False, sid=sid: (self._service_chosen(sid), self._show_others()))
            self.others_row.addWidget(b)
            self.other_buttons[sid] = b
        self.others_row.addWidget(self.other_service)  # the whole list: always the last
        from_home = bool(self.suggested)
        self.other_service.setVisible(from_home)
        self.others_label.setVisible(from_home)

    def _service_chosen(self, service_id: str) -> None:
        self.service_id = service_id
        if self.provider_id is None:
            self.provider_id = self.catalogue.service(service_id).responsible_provider.id
        self.pages.setCurrentIndex(SMILEY_PAGE)
        self.retranslate()

    def _smiley(self, smiley: int) -> None:
        """The answer is stored on the database thread; the details page follows once it is."""
        if self.service_id is None or self._giving:
            return
        self._giving = True
        person = self._person
        box, answer = self.box, dict(service_id=self.service_id, smiley=smiley, provider_id=self.provider_id,
                                     channel_id=self.channel_id, context=self.context)

        def given(receipt, error) -> None:
            self._giving = False
            if error is not None:
                raise error  # logged and shown by the runner
            if person != self._person:
                return  # the kiosk was reset meanwhile: the page belongs to the next person
            if not receipt.counted:
                return  # a repeated press: the first one already counted
            self.answer_id = receipt.id
            self.pages.setCurrentIndex(DETAILS_PAGE)
        self.runner.db(lambda: box.give(**answer), given)

    def _score(self, n: int) -> None:
        self.score = None if self.score == n else n
        for i, b in enumerate(self.scores):
            b.setChecked(i == self.score)

    def _send(self) -> None:
        if self.answer_id and self.service_id:
            box, answer_id, details = self.box, self.answer_id, dict(service_id=self.service_id, nps=self.score,
                                                                      comment=self.comment.text())

            def sent(_result, error) -> None:
                if error is not None and not isinstance(error, FeedbackError):
                    raise error  # logged and shown by the runner
                # A FeedbackError: the smiley already counted; details for a stale answer are dropped.
            self.runner.db(lambda: box.add_details(answer_id, **details), sent)
        self._finish()

    def _finish(self) -> None:
        self.answer_id = None
        self.comment.clear()
        self.pages.setCurrentIndex(SENT_PAGE)

    def retranslate(self) -> None:
        t = self.tr_
        self.choose_heading.setText(t.t("feedback.choose_service"))
        self.service_list.retranslate()
        self.question.setText(t.t("feedback.question"))
        service = self.catalogue.service(self.service_id) if self.service_id else None
        self.service_name.setText(text_in(service.names, t.data_language) if service else "")
        for b in self.smileys:
            b.set_caption(t.t(f"feedback.smiley.{b.smiley}"))
        self.anonymous.setText(t.t("feedback.anonymous"))
        self.others_label.setText(t.t("feedback.others"))
        self.other_service.setText(t.t("feedback.other_service"))
        self.other_service.setAccessibleName(t.t("feedback.other_service"))
        if self.suggested:
            self._show_others()
        self.thanks.setText(t.t("feedback.thanks"))
        self.more.setText(t.t("feedback.more"))
        self.nps_question.setText(t.t("feedback.nps.question"))
        for n, b in enumerate(self.scores):
            b.setAccessibleName(t.t("feedback.nps.score", n=n))
        self.comment.setPlaceholderText(t.t("feedback.comment.label"))
        self.comment.setAccessibleName(t.t("feedback.comment.label"))
        self.comment_limit.setText(t.t("feedback.comment.limit", n=COMMENT_MAX))
        self.keyboard.retranslate()
        self.done.setText(t.t("booking.done.finish"))
        self.done.setAccessibleName(t.t("booking.done.finish"))
        self.send.setText(t.t("feedback.send"))
        self.send.setAccessibleName(t.t("feedback.send"))
        self.sent.setText(t.t("feedback.sent"))
        self.sent_home.setText(t.t("feedback.done"))
        self.sent_home.setAccessibleName(t.t("feedback.done"))

    def clear(self) -> None:
        self._person += 1
        self.suggested = []
        self.service_id = self.provider_id = self.channel_id = self.answer_id = None
        self.score = None
        for b in self.scores:
            b.setChecked(False)
        self.comment.clear()
        self.keyboard.reset()
        self.box.forget()
        self.pages.setCurrentIndex(CHOOSE_PAGE)

    def has_input(self) -> bool:
        return bool(self.comment.text()) or self.answer_id is not None
