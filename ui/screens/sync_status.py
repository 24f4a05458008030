"""Staff view of the connection to the city: online or offline, last sync, how many
items wait, and the items the city set aside (quarantined) with the reason, each of
which staff can send again or discard (after a confirmation; the discard is logged).

Given its services as keyword arguments: an ``OutboxReview`` (kiosk/outbox.py) and a
``sync_now`` callable; status arrives through ``set_status()`` (connect it to
``SyncBridge.status_changed``). It never opens a database session or a connection.
"""

from __future__ import annotations

from datetime import datetime
from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QVBoxLayout, QWidget

from kiosk.outbox import OutboxError, OutboxReview, QuarantinedItem
from ui.i18n import Translator
from ui.screens.base import Screen
from ui.theme import Metrics
from ui.widgets.touch import button, kinetic_scroll_area, label

# The screen's own texts, in every kiosk language. Kept here until they are merged into
# assets/translations/*.json (owned by the UI); keys follow the same "sync.*" scheme.
TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "sync.title": "Connection to the city",
        "sync.online": "Online: the city's system answers.",
        "sync.offline": "Offline: everything is kept on this kiosk and sent when the connection returns.",
        "sync.unknown": "Not connected yet.",
        "sync.revoked": "This kiosk has been revoked by IT. Ask IT for a new enrolment code.",
        "sync.not_enrolled": "This kiosk is not enrolled with the city yet. Ask IT for an enrolment code.",
        "sync.last_sync": "Last successful sync: {when}",
        "sync.never": "Last successful sync: never",
        "sync.pending": "Waiting to be sent: {count}",
        "sync.last_error": "Last problem: {error}",
        "sync.sync_now": "Sync now",
        "sync.syncing": "Syncing…",
        "sync.quarantined_heading": "Set aside by the city ({count})",
        "sync.none_quarantined": "Nothing set aside.",
        "sync.retry": "Send again",
        "sync.discard": "Discard",
        "sync.confirm_discard": "Discard this {kind} for good? It will never reach the city. Your name is logged.",
        "sync.confirm_yes": "Yes, discard",
        "sync.confirm_no": "Keep it",
        "sync.action_failed": "That did not work: {error}",
        "sync.kind.booking": "booking", "sync.kind.booking_cancel": "cancellation", "sync.kind.feedback": "feedback",
        "sync.kind.feedback_details": "feedback details",
        "sync.kind.walk_in_appointment": "walk-in appointment", "sync.kind.queue_ticket": "queue ticket",
        "sync.kind.vote": "vote", "sync.kind.staff_audit": "staff log entry",
        "sync.reason.slot_taken": "the time was already taken",
        "sync.reason.unknown_service": "the service is not in the city's catalogue",
        "sync.reason.unknown_slot": "the time is not in the city's catalogue",
        "sync.reason.unknown_booking": "the booking to cancel is unknown",
        "sync.reason.already_cancelled": "the booking was already cancelled",
        "sync.reason.id_reused_different_content": "the city already has a different record with this id",
        "sync.reason.invalid_payload": "the record is incomplete",
        "sync.reason.unknown_kind": "the city does not accept this kind of record",
        "sync.reason.not_your_device": "the record belongs to another kiosk",
        "sync.reason.other": "the city refused it ({reason})",
    },
    "fi": {
        "sync.title": "Yhteys kaupunkiin",
        "sync.online": "Yhteys toimii: kaupungin järjestelmä vastaa.",
        "sync.offline": "Ei yhteyttä: kaikki säilyy tässä laitteessa ja lähtee, kun yhteys palaa.",
        "sync.unknown": "Yhteyttä ei ole vielä muodostettu.",
        "sync.revoked": "IT-tuki on poistanut tämän laitteen käytöstä. Pyydä IT-tuelta uusi käyttöönottokoodi.",
        "sync.not_enrolled": "Laitetta ei ole vielä otettu käyttöön kaupungin järjestelmässä. Pyydä IT-tuelta käyttöönottokoodi.",
        "sync.last_sync": "Viimeisin onnistunut synkronointi: {when}",
        "sync.never": "Viimeisin onnistunut synkronointi: ei koskaan",
        "sync.pending": "Lähetystä odottaa: {count}",
        "sync.last_error": "Viimeisin ongelma: {error}",
        "sync.sync_now": "Synkronoi nyt",
        "sync.syncing": "Synkronoidaan…",
        "sync.quarantined_heading": "Kaupungin hylkäämät ({count})",
        "sync.none_quarantined": "Ei hylättyjä.",
        "sync.retry": "Lähetä uudelleen",
        "sync.discard": "Hylkää",
        "sync.confirm_discard": "Hylätäänkö tämä ({kind}) lopullisesti? Se ei koskaan päädy kaupungille. Nimesi kirjataan.",
        "sync.confirm_yes": "Kyllä, hylkää",
        "sync.confirm_no": "Säilytä",
        "sync.action_failed": "Toiminto epäonnistui: {error}",
        "sync.kind.booking": "varaus", "sync.kind.booking_cancel": "peruutus", "sync.kind.feedback": "palaute",
        "sync.kind.feedback_details": "palautteen lisätiedot",
        "sync.kind.walk_in_appointment": "vastaanottokäynti", "sync.kind.queue_ticket": "jonolippu",
        "sync.kind.vote": "ääni", "sync.kind.staff_audit": "henkilökunnan lokimerkintä",
        "sync.reason.slot_taken": "aika oli jo varattu",
        "sync.reason.unknown_service": "palvelua ei ole kaupungin luettelossa",
        "sync.reason.unknown_slot": "aikaa ei ole kaupungin luettelossa",
        "sync.reason.unknown_booking": "peruttavaa varausta ei tunneta",
        "sync.reason.already_cancelled": "varaus oli jo peruttu",
        "sync.reason.id_reused_different_content": "kaupungilla on jo eri tietue samalla tunnuksella",
        "sync.reason.invalid_payload": "tietue on puutteellinen",
        "sync.reason.unknown_kind": "kaupunki ei ota vastaan tällaista tietuetta",
        "sync.reason.not_your_device": "tietue kuuluu toiselle laitteelle",
        "sync.reason.other": "kaupunki hylkäsi sen ({reason})",
    },
    "sv": {
        "sync.title": "Förbindelse till staden",
        "sync.online": "Ansluten: stadens system svarar.",
        "sync.offline": "Ingen förbindelse: allt sparas i denna kiosk och skickas när förbindelsen är tillbaka.",
        "sync.unknown": "Inte ansluten ännu.",
        "sync.revoked": "IT har återkallat denna kiosk. Be IT om en ny registreringskod.",
        "sync.not_enrolled": "Kiosken är inte registrerad hos staden ännu. Be IT om en registreringskod.",
        "sync.last_sync": "Senaste lyckade synkronisering: {when}",
        "sync.never": "Senaste lyckade synkronisering: aldrig",
        "sync.pending": "Väntar på att skickas: {count}",
        "sync.last_error": "Senaste problem: {error}",
        "sync.sync_now": "Synkronisera nu",
        "sync.syncing": "Synkroniserar…",
        "sync.quarantined_heading": "Avvisade av staden ({count})",
        "sync.none_quarantined": "Inget avvisat.",
        "sync.retry": "Skicka igen",
        "sync.discard": "Kasta",
        "sync.confirm_discard": "Kasta denna ({kind}) för gott? Den når aldrig staden. Ditt namn loggas.",
        "sync.confirm_yes": "Ja, kasta",
        "sync.confirm_no": "Behåll",
        "sync.action_failed": "Det lyckades inte: {error}",
        "sync.kind.booking": "bokning", "sync.kind.booking_cancel": "avbokning", "sync.kind.feedback": "respons",
        "sync.kind.feedback_details": "tillägg till respons",
        "sync.kind.walk_in_appointment": "mottagningsbesök", "sync.kind.queue_ticket": "kölapp",
        "sync.kind.vote": "röst", "sync.kind.staff_audit": "loggpost för personal",
        "sync.reason.slot_taken": "tiden var redan bokad",
        "sync.reason.unknown_service": "tjänsten finns inte i stadens katalog",
        "sync.reason.unknown_slot": "tiden finns inte i stadens katalog",
        "sync.reason.unknown_booking": "bokningen som ska avbokas är okänd",
        "sync.reason.already_cancelled": "bokningen var redan avbokad",
        "sync.reason.id_reused_different_content": "staden har redan en annan post med samma id",
        "sync.reason.invalid_payload": "posten är ofullständig",
        "sync.reason.unknown_kind": "staden tar inte emot denna sorts post",
        "sync.reason.not_your_device": "posten hör till en annan kiosk",
        "sync.reason.other": "staden avvisade den ({reason})",
    },
}


class SyncStatusScreen(Screen):
    def __init__(self, *, tr: Translator, metrics: Metrics, review: OutboxReview,
                 sync_now: Callable[[], None], staff: Callable[[], str],
                 now: Callable[[], datetime] | None = None) -> None:
        super().__init__()
        self.tr_, self.metrics, self.review = tr, metrics, review
        self._sync_now, self._staff = sync_now, staff
        self.status = None
        self._items: list[QuarantinedItem] = []
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
        self.sync_button = button("", "sync-now", role="primary", min_height=metrics.touch_px)
        self.sync_button.clicked.connect(self._on_sync_now)
        self.quarantine_heading = label(role="heading")
        self.action_error = label(role="notice")
        self.action_error.hide()
        self.rows = QVBoxLayout()
        for w in (self.connection, self.last_sync, self.pending, self.last_error, self.sync_button,
                  self.quarantine_heading, self.action_error):
            self.body.addWidget(w)
        self.body.addLayout(self.rows)
        self.body.addStretch(1)
        self.refresh()

    # -- texts ------------------------------------------------------------------------
    def _t(self, key: str, **values) -> str:
        texts = TEXTS.get(self.tr_.language, TEXTS["en"])
        return texts[key].format(**values) if values else texts[key]

    def reason_text(self, reason: str) -> str:
        key = f"sync.reason.{reason}"
        return self._t(key) if key in TEXTS["en"] else self._t("sync.reason.other", reason=reason)

    def kind_text(self, kind: str) -> str:
        key = f"sync.kind.{kind}"
        return self._t(key) if key in TEXTS["en"] else kind

    def title(self) -> str:
        return self._t("sync.title")

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

    def refresh(self) -> None:
        st = self.status
        counts = self.review.counts()
        if st is None or st.online is None and st.enrolled:
            text = self._t("sync.unknown")
        elif st.revoked:
            text = self._t("sync.revoked")
        elif not st.enrolled:
            text = self._t("sync.not_enrolled")
        else:
            text = self._t("sync.online" if st.online else "sync.offline")
        self.connection.setText(text)
        when = st.last_sync_at if st is not None else None
        self.last_sync.setText(self._t("sync.last_sync", when=self._format_time(when)) if when else self._t("sync.never"))
        self.pending.setText(self._t("sync.pending", count=counts.pending))
        error = st.last_error if st is not None else None
        self.last_error.setVisible(bool(error))
        # Errors come from the sync client in the words IT reads in the log (as notices do).
        self.last_error.setText(self._t("sync.last_error", error=error) if error else "")
        syncing = bool(st and st.syncing)
        self.sync_button.setText(self._t("sync.syncing" if syncing else "sync.sync_now"))
        self.sync_button.setEnabled(not syncing)
        self._items = self.review.quarantined_items()
        self.quarantine_heading.setText(self._t("sync.quarantined_heading", count=len(self._items)))
        self.action_error.setVisible(bool(self._error))
        if self._error:
            self.action_error.setText(self._t("sync.action_failed", error=self._error))
        self._rebuild_rows()

    def _format_time(self, when: datetime) -> str:
        from kiosk.catalogue.hours import LOCAL_TZ
        return when.astimezone(LOCAL_TZ).strftime("%d.%m.%Y %H:%M")

    def _rebuild_rows(self) -> None:
        while self.rows.count():
            w = self.rows.takeAt(0).widget()
            if w is not None:
                w.setParent(None)
                w.deleteLater()
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
        headline = label(f"{self.kind_text(item.kind).capitalize()} · {self._format_time(item.created_at)}",
                         role="heading")
        reason = label(self.reason_text(item.reason))
        reason.setObjectName("quarantine-reason")
        lay.addWidget(headline)
        lay.addWidget(reason)
        if item.summary:
            lay.addWidget(label(item.summary, role="small"))
        buttons = QHBoxLayout()
        if self._confirming == item.id:
            question = label(self._t("sync.confirm_discard", kind=self.kind_text(item.kind)), role="notice")
            lay.addWidget(question)
            yes = button(self._t("sync.confirm_yes"), f"confirm-discard-{item.id}", min_height=m.touch_px)
            no = button(self._t("sync.confirm_no"), f"keep-{item.id}", role="primary", min_height=m.touch_px)
            yes.clicked.connect(lambda _=False, i=item.id: self._discard(i))
            no.clicked.connect(lambda _=False: self._ask(None))
            buttons.addWidget(no)
            buttons.addWidget(yes)
        else:
            retry = button(self._t("sync.retry"), f"retry-{item.id}", role="primary", min_height=m.touch_px)
            discard = button(self._t("sync.discard"), f"discard-{item.id}", min_height=m.touch_px)
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
        self.refresh()

    def _retry(self, item_id: str) -> None:
        self._act(lambda: self.review.retry(item_id, staff=self._staff()))
        if self._error is None:
            self._sync_now()

    def _discard(self, item_id: str) -> None:
        self._confirming = None
        self._act(lambda: self.review.discard(item_id, staff=self._staff()))

    def _act(self, action: Callable[[], None]) -> None:
        try:
            action()
            self._error = None
        except OutboxError as exc:
            self._error = str(exc)
        self.refresh()

    def find_button(self, name: str):
        """The button with this accessible name (for tests and accessibility checks)."""
        from PySide6.QtWidgets import QPushButton
        for b in self.findChildren(QPushButton):
            if b.accessibleName() == name and not b.isHidden():
                return b
        return None
