"""A call outside the kiosk's own web view: an external browser in app mode, or only a QR
code for the resident's phone. Same signals as ``VideoRoom``, no Qt WebEngine.

Used where Qt WebEngine is missing, or where IT chose it (``video.mode``).
"""

from __future__ import annotations

import logging
import shlex
import time

from PySide6.QtCore import QObject, QProcess, QTimer, Signal

from kiosk.video import HUNG_UP, PAGE_CLOSED, TIME_LIMIT, CallLifecycle, CallOutcome, VideoCall

log = logging.getLogger(__name__)


class ExternalCall(QObject):
    """``command`` (with ``{url}``) starts the browser; ``None`` means the QR code only, and the
    call on the kiosk ends when the resident taps Done (or the time limit passes)."""

    loaded = Signal(float)
    ended = Signal(object)
    blocked = Signal(str, str)  # never emitted: the kiosk cannot police another program
    failed_to_start = Signal(str)

    def __init__(self, call: VideoCall, command: str | None, *, parent: QObject | None = None,
                 clock=time.monotonic) -> None:
        super().__init__(parent)
        self.call = call
        self.command = command
        self._clock = clock
        self.lifecycle = CallLifecycle(call, started_at=clock())
        self.lifecycle.on_end(self._on_end)
        self.process: QProcess | None = None
        self._time_limit = QTimer(self)
        self._time_limit.setSingleShot(True)
        self._time_limit.timeout.connect(lambda: self.end(TIME_LIMIT))
        self.widget = None  # nothing to embed: the screen shows the QR code

    def start(self) -> None:
        self.lifecycle.started_at = self._clock()
        self._time_limit.start(int(self.call.max_duration_s * 1000))
        if not self.command:
            return
        # Split first, then put the link in as one argument: a link can never add arguments.
        args = [self.call.link if a == "{url}" else a.replace("{url}", self.call.link)
                for a in shlex.split(self.command)]
        self.process = QProcess(self)
        self.process.started.connect(self._on_started)
        self.process.finished.connect(lambda *_: self.end(PAGE_CLOSED))
        self.process.errorOccurred.connect(self._on_error)
        log.info("video call: opening %s in %s", self.call.service_id, args[0])
        self.process.start(args[0], args[1:])

    def _on_started(self) -> None:
        seconds = self.lifecycle.room_loaded(self._clock())
        if seconds is not None:
            self.loaded.emit(seconds)

    def _on_error(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart and self.lifecycle.state != "ended":
            log.warning("video call: the external browser did not start (%s)", self.command)
            self.process = None
            self.command = None  # go on as QR only: the resident can still use a phone
            self.failed_to_start.emit(error.name)

    def set_volume(self, fraction: float) -> None:
        """The external browser plays through the system mixer; the kiosk does not reach it."""

    def end(self, reason: str = HUNG_UP) -> CallOutcome | None:
        return self.lifecycle.end(reason, self._clock())

    def _on_end(self, outcome: CallOutcome) -> None:
        self._time_limit.stop()
        if self.process is not None and self.process.state() != QProcess.ProcessState.NotRunning:
            self.process.finished.disconnect()
            self.process.terminate()
            if not self.process.waitForFinished(3000):
                self.process.kill()
                self.process.waitForFinished(1000)
        log.info("video call: ended (%s) after %.0f s", outcome.reason, outcome.duration_s)
        self.ended.emit(outcome)

    def release(self) -> None:
        if self.lifecycle.state != "ended":
            self.end(HUNG_UP)
