"""The kiosk's side of a call run in its own process (``ui/video/call_process.py``).

Same signals as ``VideoRoom`` and ``ExternalCall``, so ``VideoScreen`` treats it like
any call; nothing of Qt WebEngine is loaded in the kiosk process.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import sys
import time

from PySide6.QtCore import QCoreApplication, QObject, QProcess, QTimer, Signal

from kiosk.video import END_REASONS, HUNG_UP, PAGE_CRASHED, CallLifecycle, CallOutcome, VideoCall

log = logging.getLogger(__name__)


class CallProcessRoom(QObject):
    loaded = Signal(float)
    ended = Signal(object)
    blocked = Signal(str, str)  # the call process logs blocked navigations itself
    failed_to_start = Signal(str)
    spoken = Signal(list, bool)   # [[text, lang, private], ...], remember: speech from the call window
    speech_key = Signal(str, list)   # "toggle", "louder", "softer" pressed in the call window; its scene

    def __init__(self, call: VideoCall, *, config_path: str | None, language: str, fullscreen: bool = True,
                 speech: bool = False, parent: QObject | None = None, clock=time.monotonic) -> None:
        super().__init__(parent)
        self.call = call
        self.config_path = config_path
        self.language = language
        self.fullscreen = fullscreen
        self.speech = speech   # the call window sends what to say and the speech keys
        self._clock = clock
        self.lifecycle = CallLifecycle(call, started_at=clock())
        self.lifecycle.on_end(self._on_end)
        self.widget = None                       # the call is in its own window
        self.command = "separate process"        # VideoScreen: "the call opened in its own window"
        self.process: QProcess | None = None
        self._buffer = b""
        self._volume = 1.0

    def start(self) -> None:
        self.lifecycle.started_at = self._clock()
        args = ["-m", "ui.video.call_process", "--call", json.dumps(dataclasses.asdict(self.call)),
                "--lang", self.language]
        if self.config_path:
            args += ["--config", self.config_path]
        if self.fullscreen:
            args.append("--fullscreen")
        if self.speech:
            args.append("--speech")
        self.process = QProcess(self)
        self.process.setProcessChannelMode(QProcess.ProcessChannelMode.SeparateChannels)
        self.process.readyReadStandardOutput.connect(self._read)
        self.process.readyReadStandardError.connect(self._log_stderr)
        self.process.finished.connect(self._on_finished)
        self.process.errorOccurred.connect(self._on_error)
        log.info("video call: starting the call process for %s", self.call.service_id)
        self.process.start(sys.executable, args)

    def _read(self) -> None:
        self._buffer += bytes(self.process.readAllStandardOutput())
        *lines, self._buffer = self._buffer.split(b"\n")
        for raw in lines:
            try:
                message = json.loads(raw)
            except ValueError:
                continue  # not one of ours (a library printing): ignore
            if message.get("event") == "loaded":
                seconds = self.lifecycle.room_loaded(self._clock())
                if seconds is not None:
                    self.loaded.emit(seconds)
            elif message.get("event") == "say":
                said = [line for line in message.get("lines") or ()
                        if isinstance(line, list) and len(line) == 3 and isinstance(line[0], str)]
                if said:
                    self.spoken.emit(said, bool(message.get("remember")))
            elif message.get("event") == "speech_key" and message.get("key") in ("toggle", "louder", "softer"):
                scene = [line for line in message.get("lines") or ()
                         if isinstance(line, list) and len(line) == 3 and isinstance(line[0], str)]
                self.speech_key.emit(message["key"], scene)
            elif message.get("event") == "ended":
                reason = message.get("reason")
                self.lifecycle.end(reason if reason in END_REASONS else PAGE_CRASHED, self._clock())

    def _log_stderr(self) -> None:
        for line in bytes(self.process.readAllStandardError()).decode("utf-8", "replace").splitlines():
            if line.strip():
                log.info("call process: %s", line)

    def _on_finished(self, *_args) -> None:
        self._read()
        # A process that ends without saying how the call ended has crashed.
        self.lifecycle.end(PAGE_CRASHED, self._clock())

    def _on_error(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart and self.lifecycle.state != "ended":
            log.warning("video call: the call process did not start")
            self.failed_to_start.emit(error.name)
            self.lifecycle.end(PAGE_CRASHED, self._clock())

    def _send(self, line: str) -> None:
        if self.process is not None and self.process.state() == QProcess.ProcessState.Running:
            self.process.write((line + "\n").encode())

    def set_volume(self, fraction: float) -> None:
        self._volume = max(0.0, min(1.0, fraction))
        self._send(f"volume {self._volume:.2f}")

    @property
    def volume(self) -> float:
        return self._volume

    def end(self, reason: str = HUNG_UP) -> CallOutcome | None:
        if self.process is not None and self.process.state() == QProcess.ProcessState.Running:
            self._send(f"end {reason}")
            self._read()  # whatever it said already (a report that came in just before)
            # Not waitForFinished: that held the GUI thread for the seconds Chromium takes to
            # shut down (up to 5 s), e.g. when the idle reset ends a call. _on_end lets the
            # process go on its own, and terminates and kills it if it lingers.
        return self.lifecycle.end(reason, self._clock())

    def _on_end(self, outcome: CallOutcome) -> None:
        if self.process is not None and self.process.state() != QProcess.ProcessState.NotRunning:
            # Not waitForFinished here: the call process takes seconds to shut Chromium down,
            # and the kiosk must answer the next touch at once (tests/cage/test_video_call.py).
            # The process outlives this room (a QProcess destroyed while running blocks until
            # it has ended): the application keeps it until it has finished.
            process = self.process
            process.finished.disconnect()
            process.setParent(QCoreApplication.instance())
            process.finished.connect(process.deleteLater)
            process.terminate()
            QTimer.singleShot(3000, process, lambda: process.state() != QProcess.ProcessState.NotRunning
                              and process.kill())
        log.info("video call: ended (%s) after %.0f s", outcome.reason, outcome.duration_s)
        self.ended.emit(outcome)

    def release(self) -> None:
        if self.lifecycle.state != "ended":
            self.end(HUNG_UP)
