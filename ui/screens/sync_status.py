"""Staff view of the connection to the city: online or offline, last sync, how many
items wait, and the items the city set aside (quarantined) with the reason, each of
which staff can send again or discard (after a confirmation; the discard is logged).

Given its services as keyword arguments: an ``OutboxReview`` (kiosk/outbox.py) and a
``sync_now`` callable; status arrives through ``set_status()`` (connect it to
``SyncBridge.status_changed``). It never opens a database session or a connection on the
GUI thread: the outbox's counts and set-aside items are read on the runner's database
thread and drawn when back (``outbox_known``); the status itself is drawn at once.
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Callable

from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.outbox import OutboxError, OutboxReview, QuarantinedItem
from ui.background import BackgroundCalls
from ui.i18n import Translator
from ui.screens.base import Screen
from ui.theme import Metrics
from ui.widgets.removal import clear_layout
from ui.widgets.touch import button, kinetic_scroll_area, label

log = logging.getLogger(__name__)


def _named(b, object_name: str):
    """A screen reader says the button's words; tests find it by its object name."""
    b.setObjectName(object_name)
    return b


class SyncStatusScreen(Screen):
    def __init__(self, *, tr: Translator, metrics: Metrics, review: OutboxReview,
                 sync_now: Callable[[], None], staff: Callable[[], str],
                 now: Callable[[], datetime] | None = None, runner: BackgroundCalls | None = None,
                 catalogue=None, speech_problems: Callable[[], list[str]] | None = None) -> None:
        super().__init__()
        # Speech output's problems (no engine, a language without a voice), in words.
        self._speech_problems = speech_problems or (lambda: [])
        # The catalogue names an item's service in the screen's language (optional: without
        # it an item says "unknown service" rather than the id).
        self.catalogue = catalogue
        self._now = now
        self.tr_, self.metrics, self.review = tr, metrics, review
        self.runner = runner or BackgroundCalls(self)
        self._sync_now, self._staff = sync_now, staff
        self.status = None
        self._items: list[QuarantinedItem] = []
        self._pending_count = 0
        self._read: int | None = None  # the outbox read drawn last (None: none back yet)
        self._asked = 0
        self._confirming: str | None = None
        self._error: str | None = None

        content = QWidget()
        self.body = QVBoxLayout(content)
        self.body.setSpacing(metrics.gap_px // 2 + 4)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(metrics.margin_px, metrics.margin_px // 2, metrics.margin_px, metrics.margin_px // 2)
        outer.addWidget(kinetic_scroll_area(content))

        self.connection = label(role="heading")
        self.connection.setObjectName("sync-connection")
        self.last_sync = label()
        self.pending = label()
        self.pending.setObjectName("sync-pending")
        self.last_error = label(role="muted")
        self.speech_status = label(role="notice")
        self.speech_status.setObjectName("sync-speech-status")
        self.sync_button = button("", "", role="primary", min_height=metrics.touch_px)
        self.sync_button.setObjectName("sync-now")
        self.sync_button.clicked.connect(self._on_sync_now)
        self.quarantine_heading = label(role="heading")
        self.action_error = label(role="notice")
        self.action_error.hide()
        self.rows = QVBoxLayout()
        for w in (self.connection, self.last_sync, self.pending, self.last_error, self.speech_status, self.sync_button,
                  self.quarantine_heading, self.action_error):
            self.body.addWidget(w)
        self.body.addLayout(self.rows)
        self.body.addStretch(1)
        self.refresh()

    # -- texts ------------------------------------------------------------------------
    def _t(self, key: str, **values) -> str:
        return self.tr_.t(key, **values)

    def _known(self, key: str) -> bool:
        return key in self.tr_.catalogues[self.tr_.language]

    def reason_text(self, reason: str) -> str:
        key = f"sync.reason.{reason}"
        return self._t(key) if self._known(key) else self._t("sync.reason.other", reason=reason)

    def kind_text(self, kind: str) -> str:
        key = f"sync.kind.{kind}"
        return self._t(key) if self._known(key) else kind

    def item_text(self, item: QuarantinedItem) -> str:
        """What the item was, in words (feedback on which service, from when), never its payload."""
        from kiosk.catalogue.domain import tr as in_lang
        from ui.screens.staff import describe_outbox_item

        def service_name(service_id: str) -> str | None:
            s = self.catalogue.service(service_id) if self.catalogue is not None else None
            return in_lang(s.names, self.tr_.data_language) or None if s is not None else None
        return describe_outbox_item(self.tr_, item.kind, item.fields, item.created_at, service_name,
                                    now=self._now() if self._now else None)

    def problem_text(self, st) -> str:
        """The last problem in the screen's language. The sync client's own text (the words
        IT reads in the log) is English and may carry an exception's: shown only in English."""
        if self.tr_.language == "en":
            return st.last_error
        if st.revoked:
            kind = "revoked"
        elif not st.enrolled:
            kind = "not_enrolled"
        elif st.online is False:
            kind = "unreachable"
        else:
            kind = "other"
        return self._t(f"sync.problem.{kind}")

    def title(self) -> str:
        return self._t("sync.title")

    def spoken(self):
        from ui.speech import describe
        return describe(self.tr_, self, self.title())

    # -- status from the worker (GUI thread, via SyncBridge) ---------------------------
    def set_status(self, status) -> None:
        self.status = status
        self.refresh()

    def enter(self, place=None) -> None:
        self.refresh()

    def clear(self) -> None:
        self._confirming = None
        self._error = None
        self.refresh()

    def retranslate(self) -> None:
        self.refresh()

    @property
    def outbox_known(self) -> bool:
        """The newest outbox read asked for is drawn (tests wait on this)."""
        return self._read == self._asked

    def refresh(self) -> None:
        """The status now; the outbox's counts and items read again off the GUI thread."""
        self._draw()
        self._asked += 1
        asked, review = self._asked, self.review

        def done(result, error) -> None:
            if error is not None:
                raise error  # logged and shown by the runner; the last counts stay
            if asked == self._asked:
                self._pending_count, self._items = result
                self._read = asked
                self._draw()
        self.runner.db(lambda: (review.counts().pending, review.quarantined_items()), done)

    def _draw(self) -> None:
        st = self.status
        if st is None or st.online is None and st.enrolled:
            text = self._t("sync.unknown")
        elif st.revoked:
            text = self._t("sync.revoked")
        elif st.enrolment_refused:
            text = self._t("sync.enrolment_refused")
        elif not st.enrolled:
            text = self._t("sync.not_enrolled")
        else:
            text = self._t("sync.online" if st.online else "sync.offline")
        self.connection.setText(text)
        when = st.last_sync_at if st is not None else None
        self.last_sync.setText(self._t("sync.last_sync", when=self._format_time(when)) if when else self._t("sync.never"))
        self.pending.setText(self._t("sync.pending", count=self._pending_count))
        error = st.last_error if st is not None else None
        if st is not None and st.enrolment_refused:
            error = None  # the heading above says it, translated; the log has the details
        self.last_error.setVisible(bool(error))
        self.last_error.setText(self._t("sync.last_error", error=self.problem_text(st)) if error else "")
        speech = "\n".join(self._speech_problems())
        self.speech_status.setText(speech)
        self.speech_status.setVisible(bool(speech))
        syncing = bool(st and st.syncing)
        self.sync_button.setText(self._t("sync.syncing" if syncing else "sync.sync_now"))
        self.sync_button.setAccessibleName(self.sync_button.text())
        self.sync_button.setEnabled(not syncing)
        self.quarantine_heading.setText(self._t("sync.quarantined_heading", count=len(self._items)))
        self.action_error.setVisible(bool(self._error))
        if self._error:
            self.action_error.setText(self._t("sync.action_failed", error=self._error))
        self._rebuild_rows()

    def _format_time(self, when: datetime) -> str:
        from kiosk.catalogue.hours import LOCAL_TZ
        return when.astimezone(LOCAL_TZ).strftime("%d.%m.%Y %H:%M")

    def _rebuild_rows(self) -> None:
        clear_layout(self.rows)
        if not self._items:
            self.rows.addWidget(label(self._t("sync.none_quarantined"), role="muted"))
            return
        for item in self._items:
            self.rows.addWidget(self._row(item))

    def _row(self, item: QuarantinedItem) -> QWidget:
        m = self.metrics
        card = QFrame()
        card.setProperty("role", "card")
        card.setObjectName(f"quarantined-{item.id}")
        lay = QVBoxLayout(card)
        lay.setContentsMargins(m.gap_px, m.gap_px // 2, m.gap_px, m.gap_px // 2)
        headline = label(self.item_text(item), role="heading")
        headline.setObjectName("quarantine-item")
        reason = label(self.reason_text(item.reason))
        reason.setObjectName("quarantine-reason")
        lay.addWidget(headline)
        lay.addWidget(reason)
        # The item's own id for IT to find it in the log; its payload is said in words above.
        lay.addWidget(label(self._t("sync.item_ids", ids=item.id), role="small"))
        buttons = QHBoxLayout()
        if self._confirming == item.id:
            question = label(self._t("sync.confirm_discard", kind=self.kind_text(item.kind)), role="notice")
            lay.addWidget(question)
            yes = _named(button(self._t("sync.confirm_yes"), self._t("sync.confirm_yes"), min_height=m.touch_px),
                         f"confirm-discard-{item.id}")
            no = _named(button(self._t("sync.confirm_no"), self._t("sync.confirm_no"), role="primary",
                               min_height=m.touch_px), f"keep-{item.id}")
            yes.clicked.connect(lambda _=False, i=item.id: self._discard(i))
            no.clicked.connect(lambda _=False: self._ask(None))
            buttons.addWidget(no)
            buttons.addWidget(yes)
        else:
            retry = _named(button(self._t("sync.retry"), self._t("sync.retry"), role="primary",
                                  min_height=m.touch_px), f"retry-{item.id}")
            discard = _named(button(self._t("sync.discard"), self._t("sync.discard"), min_height=m.touch_px),
                             f"discard-{item.id}")
            retry.clicked.connect(lambda _=False, i=item.id: self._retry(i))
            discard.clicked.connect(lambda _=False, i=item.id: self._ask(i))
            buttons.addWidget(retry)
            buttons.addWidget(discard)
        lay.addLayout(buttons)
        return card

    # -- actions --------------------------------------------------------------------
    def _on_sync_now(self) -> None:
        self._sync_now()

    def _ask(self, item_id: str | None) -> None:
        self._confirming = item_id
        self._draw()  # the same items, one asking to confirm: nothing to read

    def _retry(self, item_id: str) -> None:
        review, staff = self.review, self._staff()
        self._act(lambda: review.retry(item_id, staff=staff), then=self._sync_now)

    def _discard(self, item_id: str) -> None:
        self._confirming = None
        review, staff = self.review, self._staff()
        self._act(lambda: review.discard(item_id, staff=staff))

    def _act(self, action: Callable[[], None], then: Callable[[], None] | None = None) -> None:
        """``action`` (an outbox change) on the app's database thread; the screen follows on
        the GUI thread, and ``then()`` only if the change was made."""
        def done(_result, error) -> None:
            if isinstance(error, OutboxError):
                # Retried or discarded meanwhile (another staff member, the worker): said in words;
                # the exception's own English text is for the log and the English screen.
                log.info("outbox action failed: %s", error)
                self._error = str(error) if self.tr_.language == "en" else self._t("sync.problem.item_changed")
            elif error is not None:
                raise error  # logged and shown by the runner
            else:
                self._error = None
                if then is not None:
                    then()
            self.refresh()
        self.runner.db(action, done)

    def find_button(self, name: str):
        """The button with this object name, e.g. ``retry-<item id>`` (for tests)."""
        from PySide6.QtWidgets import QPushButton
        for b in self.findChildren(QPushButton):
            if b.objectName() == name and not b.isHidden():
                return b
        return None
