"""One or two plain questions after a number, whose answers may move the person ahead (issue 17).

Shown after a walk-in number or a check-in on a line that asks them (``[queue]
priority_questions``; kiosk/navigation.py ``after_ticket``). Big Yes and No buttons, and
Skip. The answers stay in this screen: only the priority class they give
(kiosk/priority_questions.py) is written on the ticket, on the app's database thread. The
nurse can still change it at the desk. Then back to the ticket, which shows the new place.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout

from kiosk import navigation
from kiosk.flow import KioskFlow, Place
from kiosk.priority_questions import PriorityInterview
from kiosk.queue import WalkInQueue
from kiosk.queue_order import NORMAL
from ui.background import BackgroundCalls
from ui.i18n import Translator
from ui.screens.base import Screen
from ui.theme import Metrics
from ui.widgets.touch import button, label

log = logging.getLogger(__name__)


class PriorityScreen(Screen):
    def __init__(self, *, flow: KioskFlow, tr: Translator, metrics: Metrics, queue: WalkInQueue,
                 runner: BackgroundCalls | None = None) -> None:
        super().__init__()
        self.flow, self.tr_, self.metrics, self.queue = flow, tr, metrics, queue
        self.runner = runner or BackgroundCalls(self)
        self.ticket_id: str | None = None
        self.interview = PriorityInterview(rule=queue.order_rule)
        self._saving = False

        m = metrics
        col = QVBoxLayout(self)
        col.setContentsMargins(m.margin_px, m.margin_px, m.margin_px, m.margin_px)
        col.setSpacing(m.gap_px)
        self.intro = label(role="heading")
        self.position = label(role="muted")
        self.question = label(role="title")
        self.question.setObjectName("priority-question")
        self.privacy = label(role="muted")
        for w in (self.intro, self.position, self.question):
            col.addWidget(w)
        col.addStretch(1)
        row = QHBoxLayout()
        row.setSpacing(m.gap_px * 2)
        # Yes and No look alike: the screen must not nudge anyone towards either answer.
        self.yes = button("", "", min_height=m.tile_px)
        self.yes.setObjectName("priority-yes")
        self.no = button("", "", min_height=m.tile_px)
        self.no.setObjectName("priority-no")
        for b in (self.yes, self.no):
            # Yes and No are the whole screen's point: as large as a tile, words in title size.
            b.setStyleSheet(f"font-size: {m.title_pt:.0f}pt; font-weight: 700; min-height: {m.tile_px}px;")
            row.addWidget(b, 1)
        self.yes.clicked.connect(lambda: self._answer(True))
        self.no.clicked.connect(lambda: self._answer(False))
        col.addLayout(row)
        col.addWidget(self.privacy)
        col.addStretch(1)
        self.skip = button("", "", min_height=m.touch_px)
        self.skip.setObjectName("priority-skip")
        self.skip.clicked.connect(self._skip)
        col.addWidget(self.skip, 0, Qt.AlignmentFlag.AlignLeft)
        self.retranslate()

    # -- screen protocol -------------------------------------------------------------------
    def title(self) -> str:
        return self.tr_.t("priority.bar_title")

    def enter(self, place: Place) -> None:
        if place.get("ticket_id") != self.ticket_id:
            self.ticket_id = place.get("ticket_id")
            self.interview = PriorityInterview(rule=self.queue.order_rule)
            self._saving = False
        self._show()

    def clear(self) -> None:
        self.ticket_id = None
        self.interview = PriorityInterview(rule=self.queue.order_rule)
        self._saving = False
        self._show()

    def retranslate(self) -> None:
        t = self.tr_.t
        self.intro.setText(t("priority.intro"))
        self.privacy.setText(t("priority.privacy"))
        for b, key in ((self.yes, "priority.yes"), (self.no, "priority.no"), (self.skip, "priority.skip")):
            b.setText(t(key))
            b.setAccessibleName(t(key))
        self._show()

    def spoken(self):
        from ui.speech import describe
        return describe(self.tr_, self, self.title())

    # -- answering ----------------------------------------------------------------------------
    def _show(self) -> None:
        t = self.tr_.t
        code = self.interview.question
        if code is None:
            return
        n, of = self.interview.position
        self.position.setText(t("priority.position", number=n, total=of))
        self.position.setVisible(of > 1)
        self.question.setText(t(f"priority.question.{code}"))

    def _answer(self, yes: bool) -> None:
        if self._saving or self.interview.done:
            return
        self.interview.answer(yes)
        if self.interview.done:
            self._finish()
        else:
            self._show()

    def _skip(self) -> None:
        if self._saving:
            return
        self.interview.skip()
        self._finish()

    def _finish(self) -> None:
        cls, ticket_id = self.interview.result, self.ticket_id
        if cls == NORMAL or ticket_id is None:
            self._leave()
            return
        self._saving = True

        def done(_ticket, error) -> None:
            self._saving = False
            if error is not None:
                # Called already, or the nurse changed it meanwhile: the ticket stands as it is.
                log.warning("priority not set on ticket %s: %s", ticket_id, error)
            self._leave()
        self.runner.db(lambda: self.queue.set_priority(ticket_id, cls, from_resident=True), done)

    def _leave(self) -> None:
        if self.flow.current.name == navigation.PRIORITY:
            navigation.follow(self.flow, navigation.priority_answered())
