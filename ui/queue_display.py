"""The queue display: called numbers and rooms in very large type, with a chime and a
spoken call in the configured languages.

It runs as a second top-level window of the kiosk process (on a second screen, or on
its own device in display mode), listening to the queue directly, so it changes in
the same event-loop turn as the nurse's tap.
"""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, QUrl, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QGridLayout, QLayout, QVBoxLayout, QWidget

from kiosk import announce
from kiosk.queue import QueueTicket, WalkInQueue
from ui.i18n import Translator
from ui.background import BackgroundCalls, OnGuiThread
from ui.theme import Metrics
from ui.widgets.touch import label
from ui.widgets.notices import NoticeList

log = logging.getLogger(__name__)
ROWS = 6


class CallAnnouncer(QObject):
    """Plays the chime and the speech files of one call after another, never overlapping."""

    finished_call = Signal(str)

    def __init__(self, languages: tuple[str, ...], folder: Path | None = None, *, speak: bool = True,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.languages = languages
        self.folder = folder or Path(tempfile.mkdtemp(prefix="queue-calls-"))
        self.speak = speak
        self.runner = BackgroundCalls(self)
        self.played: list[str] = []  # file names, for the tests and the log
        self._queue: list[Path] = []
        self._effect = None
        try:  # QtMultimedia needs the system's sound libraries; without them the call is silent
            from PySide6.QtMultimedia import QSoundEffect
            self._effect = QSoundEffect(self)
            self._effect.playingChanged.connect(self._next_if_done)
        except ImportError as exc:
            log.warning("no sound for queue calls: %s", exc)

    def announce(self, ticket: QueueTicket) -> None:
        languages = self.languages if self.speak else ()
        self.runner.run(lambda: announce.prepare_call(ticket.label, ticket.room or "", languages, self.folder),
                        lambda result, error: self._prepared(ticket.label, result, error))

    def _prepared(self, label_: str, result, error) -> None:
        if error is not None:
            log.warning("call %s not announced: %s", label_, error)
            return
        files, problems = result
        for p in problems:
            log.warning("call %s: %s", label_, p)
        self._queue.extend(files)
        if self._effect is None or not self._effect.isPlaying():
            self._play_next()
        self.finished_call.emit(label_)

    def _play_next(self) -> None:
        if not self._queue:
            return
        path = self._queue.pop(0)
        self.played.append(path.name)
        if self._effect is None:
            QTimer.singleShot(0, self._play_next)
            return
        self._effect.setSource(QUrl.fromLocalFile(str(path)))
        self._effect.play()
        if not self._effect.isPlaying():  # no audio device: the status will never change
            QTimer.singleShot(int(announce.wav_seconds(path) * 1000), self._play_next)

    def _next_if_done(self) -> None:
        if self._effect is not None and not self._effect.isPlaying():
            self._play_next()


class QueueDisplayWindow(QWidget):
    def __init__(self, *, queue: WalkInQueue, tr: Translator, metrics: Metrics,
                 announcer: CallAnnouncer | None = None, announcements=None) -> None:
        super().__init__()
        self.setObjectName("queue-display")
        self.queue, self.tr_, self.metrics = queue, tr, metrics
        self.announcer = announcer
        col = QVBoxLayout(self)
        # A top-level window: let the window size rule (the offscreen and kiosk
        # platforms cannot take size hints from the layout).
        col.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        col.setContentsMargins(metrics.margin_px * 2, metrics.margin_px, metrics.margin_px * 2, metrics.margin_px)
        self.heading = label(role="title")
        col.addWidget(self.heading)
        grid = QGridLayout()
        grid.setHorizontalSpacing(metrics.gap_px * 4)
        self.number_head, self.room_head = label(role="muted"), label(role="muted")
        grid.addWidget(self.number_head, 0, 0)
        grid.addWidget(self.room_head, 0, 1)
        big = QFont(self.font())
        big.setPointSizeF(metrics.title_pt * 2.2)
        big.setBold(True)
        self.rows: list[tuple] = []
        for i in range(ROWS):
            n, r = label(wrap=False), label(wrap=False)
            n.setObjectName(f"display-number-{i}")
            r.setObjectName(f"display-room-{i}")
            for w in (n, r):
                w.setFont(big)
            grid.addWidget(n, 1 + i, 0)
            grid.addWidget(r, 1 + i, 1)
            self.rows.append((n, r))
        col.addLayout(grid)
        self.empty = label(role="heading")
        col.addWidget(self.empty)
        col.addStretch(1)
        # The city's notices under the calls (kiosk/announcements.py), refreshed on the
        # half minute so one starts and ends on time.
        self.announcements = announcements
        self.notices_head = label(role="muted")
        self.notices = NoticeList(tr=tr)
        self.notices.setObjectName("display-notices")
        col.addWidget(self.notices_head)
        col.addWidget(self.notices)
        if announcements is not None:
            announcements.on_change(OnGuiThread(self, self.refresh))  # a pull reloads it on the sync thread
            self._notice_timer = QTimer(self)
            self._notice_timer.setInterval(30_000)
            self._notice_timer.timeout.connect(self.refresh)
            self._notice_timer.start()
        queue.subscribe(OnGuiThread(self, self._on_queue_event))  # events come from the database thread
        tr.on_change(lambda _lang: self.retranslate())
        self.retranslate()

    def retranslate(self) -> None:
        t = self.tr_.t
        self.heading.setText(t("queue_display.title"))
        self.number_head.setText(t("queue_display.number"))
        self.room_head.setText(t("queue_display.room"))
        self.empty.setText(t("queue_display.empty"))
        self.notices_head.setText(t("announcements.heading"))
        self.refresh()

    def refresh(self) -> None:
        notices = self.announcements.current() if self.announcements is not None else []
        self.notices.show_notices(notices)
        self.notices_head.setVisible(bool(notices))
        calls = self.queue.recent_calls(ROWS)
        self.empty.setVisible(not calls)
        for i, (n, r) in enumerate(self.rows):
            if i < len(calls):
                r.setText(calls[i].room or "")
                # The newest call stands out by weight and by an arrow, not by colour alone.
                n.setText(("▶ " if i == 0 else "") + calls[i].label)
            else:
                n.setText("")
                r.setText("")

    def _on_queue_event(self, event: str, ticket: QueueTicket) -> None:
        if event in ("called", "recalled", "finished", "no_show", "transferred", "started"):
            self.refresh()
        if event in ("called", "recalled") and self.announcer is not None:
            self.announcer.announce(ticket)
