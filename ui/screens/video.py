"""The video call screen: the room on the left, large controls that are always there on the right.

The controls live outside the web page, so whatever the room shows, the resident can
always hang up, change the volume, or take the call to their phone. The web engine is
loaded only when the first call starts (``ui.video.room`` is imported then) and each
call's view, page and profile are released when it ends.

The window opens a call with ``flow.go("video", call=<kiosk.video.VideoCall>)`` (or
``start_call(call)``) and listens to ``call_finished(CallOutcome)``; what follows is
``kiosk.flow.after_call``: feedback only after a call that took place, and for a call
that failed, ``show_failed`` with the next steps (try again, queue number, booking).
"""

from __future__ import annotations

import logging
import time
from typing import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLayout, QVBoxLayout, QWidget

from kiosk.flow import Place
from kiosk.video import EMBEDDED, HUNG_UP, QR_ONLY, SESSION_ENDED, CallOutcome, VideoCall
from ui.widgets.pages import Pages
from ui.i18n import Translator
from ui.screens.base import Screen
from ui.theme import Metrics
from ui.video import webengine_available
from ui.widgets.qr import QrCodeWidget
from ui.widgets.removal import clear_layout
from ui.widgets.touch import button, label

log = logging.getLogger(__name__)

# Red with white text, 6.5:1 contrast; the theme has no "danger" role yet.
_HANG_UP_STYLE = ("QPushButton { background: #B3261E; color: #FFFFFF; border-color: #B3261E; font-weight: 700; }"
                  "QPushButton:pressed { background: #8C1D18; }")
VOLUME_STEP = 0.1


def _clock_text(seconds: float) -> str:
    seconds = int(max(0, seconds))
    return f"{seconds // 60}:{seconds % 60:02d}"


class VideoScreen(Screen):
    """One call at a time. Signals: ``call_started(VideoCall)``, ``call_finished(CallOutcome)``,
    ``alternative_chosen(str)`` ("retry", "queue", "booking", "desk" or "home") after "no one is
    available" or a call that failed."""

    call_started = Signal(object)
    call_finished = Signal(object)
    alternative_chosen = Signal(str)
    scene_changed = Signal()   # the room has loaded: speech says the scene again (ui/speech.py)
    # What a call in its own window asks the kiosk's speech to say (ui/video/call_process.py):
    # [[text, lang, private], ...], and whether Help should repeat it.
    speech_from_call = Signal(list, bool)
    speech_key_from_call = Signal(str, list)   # "toggle", "louder", "softer"; the call window's scene

    def __init__(self, *, tr: Translator, metrics: Metrics, video, has_webengine: bool | None = None,
                 room_factory: Callable[[VideoCall], object] | None = None,
                 embedded_room: Callable[[VideoCall], object] | None = None) -> None:
        super().__init__()
        self.tr_ = tr
        self.metrics = metrics
        self.video = video  # Config.video
        self.has_webengine = webengine_available() if has_webengine is None else has_webengine
        self._room_factory = room_factory
        # Builds the room for an embedded call instead of an in-process VideoRoom (the
        # kiosk passes CallProcessRoom: each call in its own process).
        self._embedded_room = embedded_room
        self.room = None     # VideoRoom or ExternalCall while a call is on
        self.call: VideoCall | None = None
        self._unavailable: tuple[str, tuple[str, ...]] | None = None
        self.failed_reason: str | None = None  # the last call failed this way (its page is shown)
        self._failed_alternatives: tuple[str, ...] = ()
        self.setObjectName("video-screen")

        row = QHBoxLayout(self)
        # The screen never asks the window for a size: the kiosk's window size is fixed.
        row.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        row.setContentsMargins(metrics.margin_px // 2, metrics.margin_px // 2, metrics.margin_px // 2,
                               metrics.margin_px // 2)
        row.setSpacing(metrics.gap_px)

        # -- left: the room, or a message and the QR code ------------------------------------
        self.area = Pages()
        self.message_page = QWidget()
        msg_col = QVBoxLayout(self.message_page)
        msg_col.addStretch(1)
        self.message = label(role="title")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.detail = label()
        self.detail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.big_qr = QrCodeWidget(size_px=420 if metrics.tile_px >= 160 else 300)
        self.big_qr.setObjectName("video-big-qr")
        msg_col.addWidget(self.message)
        msg_col.addWidget(self.detail)
        msg_col.addWidget(self.big_qr, 0, Qt.AlignmentFlag.AlignHCenter)
        self.choices = QVBoxLayout()
        self.choices.setSpacing(metrics.gap_px)
        self.choices.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        msg_col.addLayout(self.choices)
        msg_col.addStretch(1)
        self.call_page = QWidget()
        self.call_page.setObjectName("video-call-area")
        self.call_layout = QVBoxLayout(self.call_page)
        self.call_layout.setContentsMargins(0, 0, 0, 0)
        self.area.addWidget(self.message_page)
        self.area.addWidget(self.call_page)
        row.addWidget(self.area, 1)

        # -- right: the controls, or the question "End the call?" in their place ---------------------
        self.side = Pages()
        self.controls = QFrame()
        self.controls.setProperty("role", "card")
        self.controls.setFixedWidth(460 if metrics.tile_px >= 160 else 340)
        col = QVBoxLayout(self.controls)
        col.setContentsMargins(metrics.gap_px, metrics.gap_px, metrics.gap_px, metrics.gap_px)
        col.setSpacing(metrics.gap_px // 2)
        self.status = label(role="heading")
        self.elapsed = label(role="muted")
        big = metrics.touch_px + 8
        self.hang_up_button = button("", "hang-up", min_height=metrics.touch_px + 40)
        self.hang_up_button.setObjectName("video-hang-up")
        self.hang_up_button.setStyleSheet(_HANG_UP_STYLE)
        self.hang_up_button.clicked.connect(self.hang_up)
        volume_row = QHBoxLayout()
        self.volume_down = button("−", "volume-down", min_height=big)
        self.volume_up = button("+", "volume-up", min_height=big)
        self.volume_down.setObjectName("video-volume-down")
        self.volume_up.setObjectName("video-volume-up")
        for b in (self.volume_down, self.volume_up):
            b.setFixedWidth(big + 8)
            b.setStyleSheet("QPushButton { font-size: 36pt; padding: 0px; }")
        self.volume_down.clicked.connect(lambda: self.set_volume(self.volume - VOLUME_STEP))
        self.volume_up.clicked.connect(lambda: self.set_volume(self.volume + VOLUME_STEP))
        self.volume_title = label()
        self.volume_label = label(wrap=False)
        self.volume_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        volume_row.addWidget(self.volume_down)
        volume_row.addWidget(self.volume_label, 1)
        volume_row.addWidget(self.volume_up)
        self.phone_button = button("", "continue-on-phone", role="primary", min_height=big)
        self.phone_button.setObjectName("video-phone")
        self.phone_button.setCheckable(True)
        self.phone_button.toggled.connect(self._show_phone_qr)
        self.phone_qr = QrCodeWidget(size_px=300 if metrics.tile_px >= 160 else 220)
        self.phone_qr.setObjectName("video-phone-qr")
        self.phone_hint = label(role="small")
        col.addWidget(self.status)
        col.addWidget(self.elapsed)
        col.addWidget(self.hang_up_button)
        col.addSpacing(metrics.gap_px // 2)
        col.addWidget(self.volume_title)
        col.addLayout(volume_row)
        col.addWidget(self.phone_button)
        col.addWidget(self.phone_qr, 0, Qt.AlignmentFlag.AlignHCenter)
        col.addWidget(self.phone_hint)
        col.addStretch(1)
        self.side.addWidget(self.controls)
        self.side.addWidget(self._build_question(metrics))
        self.side.setFixedWidth(self.controls.width())
        row.addWidget(self.side)

        self._volume = 1.0
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._update_elapsed)
        self._show_phone_qr(False)
        self.side.hide()
        self.retranslate()

    def _build_question(self, metrics: Metrics) -> QFrame:
        """Back during a call asks first: a call with a nurse is hard to get again, and the
        Back key is pressed to leave a control as often as to leave a screen. The question
        takes the controls' place (the other side stays in view); Back again, or Continue,
        goes on with the call; End the call hangs up as the red button does."""
        self.question = QFrame()
        self.question.setProperty("role", "card")
        self.question.setObjectName("video-question")
        col = QVBoxLayout(self.question)
        col.setContentsMargins(metrics.gap_px, metrics.gap_px, metrics.gap_px, metrics.gap_px)
        col.setSpacing(metrics.gap_px // 2)
        self.question_title = label(role="heading")
        self.end_button = button("", "end-call", min_height=metrics.touch_px + 40)
        self.end_button.setObjectName("video-end-call")
        self.end_button.setStyleSheet(_HANG_UP_STYLE)
        self.end_button.clicked.connect(self.hang_up)
        self.continue_button = button("", "continue-call", role="primary", min_height=metrics.touch_px + 40)
        self.continue_button.setObjectName("video-continue-call")
        self.continue_button.clicked.connect(self.keep_calling)
        col.addWidget(self.question_title)
        col.addWidget(self.end_button)
        col.addWidget(self.continue_button)
        col.addStretch(1)
        return self.question

    @property
    def asking(self) -> bool:
        """True while "End the call?" is shown."""
        return self.room is not None and self.side.currentWidget() is self.question

    def ask_before_leaving(self) -> bool:
        """Back or Home (a key or the top bar) while a call is on: ask first, and keep the
        person here (True). A second Back while asking means "no, go on with the call"."""
        if self.room is None:
            return False
        if self.asking:
            self.keep_calling()
            return True
        self.side.setCurrentWidget(self.question)
        self.end_button.setFocus(Qt.FocusReason.OtherFocusReason)   # Enter answers yes, Back no
        return True

    def keep_calling(self) -> None:
        """No, go on with the call: the controls again, the focus on Hang up."""
        if self.side.currentWidget() is self.question:
            self.side.setCurrentWidget(self.controls)
            self.hang_up_button.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- the window's side ---------------------------------------------------------------------
    def title(self) -> str:
        return self.tr_.t("video.title")

    def spoken(self):
        from kiosk.speech import Utterance
        from ui.speech import describe

        first = []
        if self.room is not None and self.room.lifecycle.loaded_at is not None and not self.asking:
            # What a person who cannot see the room needs to hear first: the other side is there.
            first.append(Utterance(self.tr_.t("video.connected"), self.tr_.language))
        return describe(self.tr_, self, self.title(), first=first)

    def enter(self, place: Place) -> None:
        call = place.get("call")
        if call is not None and call is not self.call:
            self.start_call(call)

    def clear(self) -> None:
        """The next person: a call still on ends now (no feedback: nobody is there to ask)."""
        if self.room is not None:
            self.room.end(SESSION_ENDED)
        self._unavailable = None
        self.failed_reason = None
        self._clear_choices()
        self._set_message("", "", qr=False)
        self.phone_button.setChecked(False)

    @property
    def in_call(self) -> bool:
        """True while a call is on: the window should not run its idle reset meanwhile."""
        return self.room is not None

    # -- a call ---------------------------------------------------------------------------------------
    def _make_room(self, call: VideoCall):
        if self._room_factory is not None:
            return self._room_factory(call)
        if call.mode == EMBEDDED and self.has_webengine:
            if self._embedded_room is not None:
                return self._embedded_room(call)
            from ui.video.room import VideoRoom  # here, not at the top: loads Qt WebEngine

            return VideoRoom(call, self.video.allowed_hosts, parent=self)
        from ui.video.external import ExternalCall

        command = self.video.external_browser if call.mode != QR_ONLY else None
        return ExternalCall(call, command or None, parent=self)

    def start_call(self, call: VideoCall) -> None:
        if self.room is not None:
            log.warning("video call: a call is already on; the new one waits until it ends")
            return
        self.call = call
        self._unavailable = None
        self.failed_reason = None
        self._clear_choices()
        self.room = self._make_room(call)
        self.room.ended.connect(self._on_ended)
        self.room.loaded.connect(self._on_loaded)
        if hasattr(self.room, "spoken"):
            self.room.spoken.connect(self.speech_from_call)
            self.room.speech_key.connect(self.speech_key_from_call)
        if hasattr(self.room, "failed_to_start"):
            self.room.failed_to_start.connect(lambda _e: self._show_qr_only())
        self.phone_qr.set_text(call.phone_link)
        self.big_qr.set_text(call.phone_link)
        self.phone_button.setChecked(False)
        self.side.setCurrentWidget(self.controls)
        self.side.show()
        if self.room.widget is not None:
            self.call_layout.addWidget(self.room.widget)
            self.area.setCurrentWidget(self.call_page)
        elif getattr(self.room, "command", None):
            self._set_message("video.external", "video.external_detail", qr=False)
        else:
            self._show_qr_only()
        self.set_volume(self._volume)
        self._show_status()   # "Connecting…" until the room has loaded
        self._tick.start()
        self._update_elapsed()
        self.call_started.emit(call)
        self.room.start()

    def _show_qr_only(self) -> None:
        self._set_message("video.qr_only", "video.qr_only_detail", qr=True)
        self.area.setCurrentWidget(self.message_page)

    def _on_loaded(self, seconds: float) -> None:
        log.info("video call: room on screen %.2f s after Join", seconds)
        self.retranslate()
        self.scene_changed.emit()

    def hang_up(self) -> None:
        if self.room is not None:
            self.room.end(HUNG_UP)

    def _on_ended(self, outcome: CallOutcome) -> None:
        room, self.room = self.room, None
        self._tick.stop()
        if room is not None and room.widget is not None:
            self.call_layout.removeWidget(room.widget)  # the room deletes it
        if room is not None:
            room.deleteLater()
        self.call = None
        self.side.setCurrentWidget(self.controls)
        self.side.hide()
        self.phone_button.setChecked(False)
        self.area.setCurrentWidget(self.message_page)
        self._set_message("", "", qr=False)
        self.call_finished.emit(outcome)

    # -- controls ------------------------------------------------------------------------------------
    @property
    def volume(self) -> float:
        return self._volume

    def set_volume(self, fraction: float) -> None:
        self._volume = round(max(0.0, min(1.0, fraction)), 2)
        if self.room is not None:
            self.room.set_volume(self._volume)
        self.volume_down.setEnabled(self._volume > 0)
        self.volume_up.setEnabled(self._volume < 1)
        percent = round(self._volume * 100)
        # A number, not a text to translate: fi and sv put a space before %, en does not.
        self.volume_label.setText(f"{percent}%" if self.tr_.language == "en" else f"{percent} %")
        self.volume_label.setAccessibleName(self.tr_.t("video.volume", percent=percent))

    def _show_phone_qr(self, shown: bool) -> None:
        self.phone_qr.setVisible(shown)
        self.phone_hint.setVisible(shown)
        self.phone_button.setText(self.tr_.t("video.phone_hide" if shown else "video.phone"))
        self.phone_button.setAccessibleName(self.phone_button.text())

    def _update_elapsed(self) -> None:
        if self.room is None or self.call is None:
            self.elapsed.setText("")
            return
        lifecycle = self.room.lifecycle
        start = lifecycle.loaded_at if lifecycle.loaded_at is not None else lifecycle.started_at
        now = time.monotonic()  # the rooms' clock
        self.elapsed.setText(self.tr_.t("video.elapsed", count=round(self.call.max_duration_s / 60),
                                        elapsed=_clock_text(now - start)))

    # -- no room to be had ----------------------------------------------------------------------------
    def show_unavailable(self, reason: str, alternatives: tuple[str, ...]) -> None:
        """'Talk to a nurse now' got no room: ``reason`` is "offline" or "no_one_available";
        ``alternatives`` from ``kiosk.video.alternatives`` become big buttons."""
        self._unavailable = (reason, tuple(alternatives))
        self.failed_reason = None
        self._show_choices(f"video.unavailable.{reason}", f"video.unavailable.{reason}_detail",
                           (*alternatives, "home"))

    def show_failed(self, reason: str, alternatives: tuple[str, ...]) -> None:
        """A call that failed (``kiosk.video.FAILED_REASONS``) says so in plain words and
        offers the next steps: ``alternatives`` such as "retry", "queue", "booking", "desk"."""
        self._unavailable = None
        self.failed_reason = reason
        self._failed_alternatives = tuple(alternatives)
        last = () if "desk" in alternatives else ("home",)
        self._show_choices(f"video.failed.{reason}", "video.failed.detail", (*alternatives, *last))

    def _show_choices(self, heading_key: str, detail_key: str, names: tuple[str, ...]) -> None:
        self.side.hide()
        self.area.setCurrentWidget(self.message_page)
        self._clear_choices()
        for i, name in enumerate(names):
            text = self.tr_.t(f"video.alternative.{name}")
            b = button(text, text, role="primary" if i == 0 else None, min_height=self.metrics.touch_px + 16)
            b.setObjectName(f"alternative-{name}")  # the name a screen reader says is the text itself
            b.setProperty("alternative", name)
            b.setMinimumWidth(int(self.width() * 0.45) if self.width() > 600 else 400)
            b.clicked.connect(lambda _=False, n=name: self.alternative_chosen.emit(n))
            self.choices.addWidget(b)
            b.show()   # now, not at the layout's next turn: speech reads the scene before that
        self._set_message(heading_key, detail_key, qr=False)
        first = self.choices.itemAt(0).widget() if self.choices.count() else None
        if first is not None and self.isVisible():
            # The controls the focus was on are gone: the first next step takes it, so Enter
            # does what the page offers first (not the top bar's Back, where Qt put it).
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def choice_names(self) -> list[str]:
        """The next steps on offer now, in order (for tests and the screenshots)."""
        out = []
        for i in range(self.choices.count()):
            w = self.choices.itemAt(i).widget()
            if w is not None:  # removed ones have left the layout already
                out.append(w.property("alternative"))
        return out

    def _clear_choices(self) -> None:
        clear_layout(self.choices)

    # -- texts ----------------------------------------------------------------------------------------
    def _set_message(self, heading_key: str, detail_key: str, *, qr: bool) -> None:
        self._message_keys = (heading_key, detail_key)
        self.message.setText(self.tr_.t(heading_key) if heading_key else "")
        self.detail.setText(self.tr_.t(detail_key) if detail_key else "")
        self.detail.setVisible(bool(detail_key))
        self.big_qr.setVisible(qr)

    def _show_status(self) -> None:
        connecting = self.room is not None and self.room.lifecycle.loaded_at is None
        self.status.setText(self.tr_.t("video.connecting" if connecting else "video.title"))

    def retranslate(self) -> None:
        self._show_status()
        self.volume_title.setText(self.tr_.t("video.volume_title"))
        self.hang_up_button.setText(self.tr_.t("video.hang_up"))
        self.hang_up_button.setAccessibleName(self.hang_up_button.text())
        self.question_title.setText(self.tr_.t("video.question.end"))
        for b, key in ((self.end_button, "video.question.yes"), (self.continue_button, "video.question.no")):
            b.setText(self.tr_.t(key))
            b.setAccessibleName(b.text())
        self.volume_down.setAccessibleName(self.tr_.t("video.volume_down"))
        self.volume_up.setAccessibleName(self.tr_.t("video.volume_up"))
        self.phone_hint.setText(self.tr_.t("video.phone_hint"))
        for code in (self.phone_qr, self.big_qr):  # what a screen reader says for the picture
            code.setAccessibleName(self.tr_.t("video.phone_hint"))
        self._show_phone_qr(self.phone_button.isChecked())
        self.set_volume(self._volume)
        heading, detail = getattr(self, "_message_keys", ("", ""))
        if self._unavailable is not None:
            self.show_unavailable(*self._unavailable)
        elif self.failed_reason is not None:
            self.show_failed(self.failed_reason, self._failed_alternatives)
        else:
            self._set_message(heading, detail, qr=self.big_qr.isVisibleTo(self))
        self._update_elapsed()


def outcome_message_key(outcome: CallOutcome) -> str:
    """The translation key of what the home screen says about a call that just ended."""
    return f"video.ended.{outcome.reason}"
