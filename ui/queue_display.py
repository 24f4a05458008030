"""The queue display: called numbers and rooms in very large type, with a chime and a
spoken call in the configured languages.

It runs as a second top-level window of the kiosk process (on a second screen, or on
its own device in display mode), listening to the queue directly, so a call shows in
the same event-loop turn as the queue's event: drawn from the event's own ticket. The
list of recent calls is read on the runner's database thread and drawn when back (at
start, and after every event, which the read then confirms); the GUI thread never
waits for SQLite.
"""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtWidgets import QGridLayout, QLabel, QLayout, QVBoxLayout, QWidget

from kiosk import announce
from kiosk.queue import QueueTicket, WalkInQueue
from ui.bidi import direction
from ui.i18n import Translator
from ui.background import BackgroundCalls, OnGuiThread
from ui.theme import Metrics
from ui.widgets.touch import label
from ui.widgets.notices import NoticeList

log = logging.getLogger(__name__)
ROWS = 5  # the newest call and four earlier ones


class CallAnnouncer(QObject):
    """Plays the chime and the speech files of one call after another, never overlapping."""

    finished_call = Signal(str)

    def __init__(self, languages: tuple[str, ...], folder: Path | None = None, *, speak: bool = True,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        # A language without a voice (Somali: espeak-ng has none) is shown on the display
        # only; said once here rather than as a problem at every call.
        self.languages = announce.voiced(languages)
        if silent := [lang for lang in languages if lang not in self.languages]:
            log.info("queue calls are not spoken in %s: no voice", ", ".join(silent))
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
            QTimer.singleShot(0, self, self._play_next)
            return
        self._effect.setSource(QUrl.fromLocalFile(str(path)))
        self._effect.play()
        if not self._effect.isPlaying():  # no audio device: the status will never change
            QTimer.singleShot(int(announce.wav_seconds(path) * 1000), self, self._play_next)

    def _next_if_done(self) -> None:
        if self._effect is not None and not self._effect.isPlaying():
            self._play_next()


class QueueDisplayWindow(QWidget):
    """The newest call in type a waiting room can read from its far wall, the earlier calls
    under it, the city's notices at the bottom.

    ``languages``: the static texts (headings, captions) take each in turn for
    ``rotate_s`` seconds, so every visitor finds their own language within a minute; the
    numbers and rooms never change with it. Sizes follow the window's height (a display
    is a television as often as a second monitor): the newest number and its room each
    stand at least ``BIG_SHARE`` of the height, measured on the digits' ink.
    """

    def __init__(self, *, queue: WalkInQueue, tr: Translator, metrics: Metrics,
                 announcer: CallAnnouncer | None = None, announcements=None,
                 languages: tuple[str, ...] = (), rotate_s: float = 10.0) -> None:
        super().__init__()
        self.setObjectName("queue-display")
        self.queue, self.tr_, self.metrics = queue, tr, metrics
        self.announcer = announcer
        self.languages = tuple(languages) or (tr.language,)
        self.runner = BackgroundCalls(self)
        self._calls: list[QueueTicket] = []  # newest call first, as last read or told
        self._asked = 0  # the newest read asked for: an older answer is not drawn
        col = QVBoxLayout(self)
        # A top-level window: let the window size rule (the offscreen and kiosk
        # platforms cannot take size hints from the layout).
        col.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self._col = col
        self.heading = label(role="title", wrap=False)
        col.addWidget(self.heading)
        # The calls keep left-to-right while the texts around them turn to Arabic: a number
        # that jumped to the other side of the screen every few seconds would be lost.
        calls = QWidget()
        calls.setObjectName("display-calls")
        calls.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        grid = QGridLayout(calls)
        grid.setContentsMargins(0, 0, 0, 0)
        self.grid = grid
        self.number_head, self.room_head = label(role="muted", wrap=False), label(role="muted", wrap=False)
        grid.addWidget(self.number_head, 0, 0)
        grid.addWidget(self.room_head, 0, 1)
        self.earlier_head = label(role="muted", wrap=False)
        for caption in (self.number_head, self.room_head, self.earlier_head):
            # Over its column's numbers in every language (Arabic text would otherwise go right).
            caption.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignAbsolute
                                 | Qt.AlignmentFlag.AlignVCenter)
        self.rows: list[tuple[QLabel, QLabel]] = []
        for i in range(ROWS):
            n, r = label(wrap=False), label(wrap=False)
            n.setObjectName(f"display-number-{i}")
            r.setObjectName(f"display-room-{i}")
            if i == 1:
                grid.addWidget(self.earlier_head, 2, 0, 1, 2)
            grid.addWidget(n, 1 if i == 0 else 2 + i, 0)
            grid.addWidget(r, 1 if i == 0 else 2 + i, 1)
            self.rows.append((n, r))
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        col.addWidget(calls)
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
        self.rotation = QTimer(self)
        self.rotation.setInterval(int(rotate_s * 1000))
        self.rotation.timeout.connect(self.next_language)
        if len(self.languages) > 1:
            self.rotation.start()
        queue.subscribe(OnGuiThread(self, self._on_queue_event))  # events come from the database thread
        tr.on_change(lambda _lang: self.retranslate())
        if tr.language != self.languages[0]:
            tr.set_language(self.languages[0])  # retranslates
        else:
            self.retranslate()
        self.refresh()
        self._fit()

    # -- languages ------------------------------------------------------------------------
    def next_language(self) -> None:
        """The static texts in the next of the site's languages; the calls stay as they are."""
        i = self.languages.index(self.tr_.language) if self.tr_.language in self.languages else -1
        self.tr_.set_language(self.languages[(i + 1) % len(self.languages)])

    def retranslate(self) -> None:
        t = self.tr_.t
        self.setLayoutDirection(direction(self.tr_.language))
        self.heading.setText(t("queue_display.title"))
        self.number_head.setText(t("queue_display.number"))
        self.room_head.setText(t("queue_display.room"))
        self.earlier_head.setText(t("queue_display.earlier"))
        self.empty.setText(t("queue_display.empty"))
        self.notices_head.setText(t("announcements.heading"))
        self._show_notices()  # a notice is written in several languages: shown in the current one

    # -- sizes ----------------------------------------------------------------------------
    def resizeEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        h = max(self.height(), 1)
        m = max(h // 40, self.metrics.margin_px // 2)
        self._col.setContentsMargins(m * 2, m, m * 2, m)
        self._col.setSpacing(m // 2)
        self.grid.setHorizontalSpacing(m * 4)
        self.grid.setVerticalSpacing(0)
        self.heading.setStyleSheet(f"font-size: {round(h * HEADING_SHARE)}px; font-weight: 700;")
        for w in (self.number_head, self.room_head, self.earlier_head):
            w.setStyleSheet(f"font-size: {round(h * CAPTION_SHARE)}px;")
        # The texts that rotate through the languages keep one height: an Arabic face's line
        # is taller than a Latin one's, and the calls under them must not jump at each turn.
        for w, share in ((self.heading, HEADING_SHARE), (self.number_head, CAPTION_SHARE),
                         (self.room_head, CAPTION_SHARE), (self.earlier_head, CAPTION_SHARE)):
            w.setFixedHeight(round(h * share * 1.7))
        big = big_pixel_size(h)
        for i, (n, r) in enumerate(self.rows):
            size, weight = (big, 800) if i == 0 else (round(h * EARLIER_SHARE), 700)
            for w in (n, r):
                w.setStyleSheet(f"font-size: {size}px; font-weight: {weight};")

    # -- calls ----------------------------------------------------------------------------
    def _show_notices(self) -> None:
        notices = self.announcements.current() if self.announcements is not None else []
        self.notices.show_notices(notices)
        self.notices_head.setVisible(bool(notices))

    def refresh(self) -> None:
        """The notices now, the calls as known now, and the calls read again off the GUI thread."""
        self._show_notices()
        self._draw()
        self._asked += 1
        asked, queue = self._asked, self.queue

        def done(calls, error) -> None:
            if error is not None:
                log.warning("recent calls not read: %s", error)  # the calls shown stay
                return
            if asked == self._asked:
                self._calls = calls
                self._draw()
        self.runner.db(lambda: queue.recent_calls(ROWS), done)

    def _draw(self) -> None:
        # The city's notices take the room of the two oldest calls: the big call stays big.
        calls = self._calls[:ROWS - 2 if self.notices_head.isVisibleTo(self) else ROWS]
        self.empty.setVisible(not calls)
        self.earlier_head.setVisible(len(calls) > 1)
        self.number_head.setVisible(bool(calls))
        self.room_head.setVisible(bool(calls))
        for i, (n, r) in enumerate(self.rows):
            call = calls[i] if i < len(calls) else None
            n.setText(call.label if call else "")
            r.setText((call.room or "") if call else "")
            n.setVisible(call is not None)
            r.setVisible(call is not None)

    def _on_queue_event(self, event: str, ticket: QueueTicket) -> None:
        if event in ("called", "recalled"):
            # At once, from the event: the newest call on top (the read after it confirms).
            self._calls = [ticket, *(c for c in self._calls if c.id != ticket.id)][:ROWS]
        if event in ("called", "recalled", "finished", "no_show", "transferred", "started"):
            self.refresh()
        if event in ("called", "recalled") and self.announcer is not None:
            self.announcer.announce(ticket)


# Shares of the window's height. The newest number and room: their digits' ink at least a
# sixth of the height (issue 17: read from across a waiting room; a 55-inch screen's sixth
# is 11 cm, legible at some 10 m). Digits are about 0.73 of a font's pixel size high.
BIG_SHARE = 1 / 6
HEADING_SHARE = 0.055
CAPTION_SHARE = 0.045
EARLIER_SHARE = 0.075


def big_pixel_size(height: int) -> int:
    return round(height * BIG_SHARE / 0.70)
