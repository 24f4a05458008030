"""One call in the kiosk: a fresh profile, page and view, the timers that can end it,
and the release of all of it afterwards.

Importing this module starts nothing by itself, but it does load Qt WebEngine:
``VideoScreen`` imports it only when a call starts.
"""

from __future__ import annotations

import ctypes
import logging
import time

from PySide6.QtCore import QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtNetwork import QAbstractSocket, QTcpSocket
from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineScript
from PySide6.QtWidgets import QWidget

from kiosk.video import (LOAD_FAILED, NETWORK_LOST, PAGE_CLOSED, PAGE_CRASHED, ROOM_LEFT, TIME_LIMIT,
                         CallLifecycle, CallOutcome, NetworkWatch, VideoCall, origin_of)
from ui.video.page import CallPage, new_call_profile  # first: it sets up the engine
from ui.video.view import CallView

log = logging.getLogger(__name__)

# After a call the web engine has freed the page's memory, but glibc keeps freed heap
# pages for reuse. Handing them back costs a few milliseconds; in benchmarks/video_call.py
# it returned up to ~90 MB in some runs and little in others (Chromium's own allocator
# keeps the rest), so it is cheap insurance, not the whole answer.
TRIM_AFTER_MS = 3000


def return_freed_memory() -> None:
    """Give freed heap pages back to the system (glibc only; elsewhere nothing happens)."""
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):
        pass

# Applies the kiosk's volume to every audio and video element, including those the
# room adds later. Runs in an isolated world: the page can neither see nor change it.
_VOLUME_SCRIPT = """
(function () {
  if (window.__kioskVolume === undefined) { window.__kioskVolume = 1.0; }
  function apply(root) {
    (root.querySelectorAll ? root.querySelectorAll('audio,video') : []).forEach(function (el) {
      el.volume = window.__kioskVolume;
    });
  }
  window.__kioskApplyVolume = function () { apply(document); };
  new MutationObserver(function () { apply(document); })
    .observe(document.documentElement, {childList: true, subtree: true});
  apply(document);
})();
"""


class VideoRoom(QObject):
    """The call view of one call. Signals: ``loaded(seconds from Join)``, ``ended(CallOutcome)``
    (exactly once), ``blocked(kind, detail)`` for every refused escape attempt."""

    loaded = Signal(float)
    ended = Signal(object)
    blocked = Signal(str, str)

    def __init__(self, call: VideoCall, allowed_hosts: tuple[str, ...], *, parent: QObject | None = None,
                 probe_interval_s: float | None = None, clock=time.monotonic) -> None:
        super().__init__(parent)
        self.call = call
        self._clock = clock
        self.lifecycle = CallLifecycle(call, started_at=clock())
        self.lifecycle.on_end(self._on_end)
        self.profile = new_call_profile(allowed_hosts=tuple(allowed_hosts))
        self.page = CallPage(self.profile, allowed_hosts, call.link)
        self.view = CallView()
        self.view.setPage(self.page)
        self._volume = 1.0

        script = QWebEngineScript()
        script.setName("kiosk-volume")
        script.setSourceCode(_VOLUME_SCRIPT)
        script.setInjectionPoint(QWebEngineScript.InjectionPoint.DocumentReady)
        script.setWorldId(QWebEngineScript.ScriptWorldId.ApplicationWorld)
        script.setRunsOnSubFrames(True)
        self.page.scripts().insert(script)

        # Queued: these arrive from inside the engine's own call stack (a navigation
        # decision, a close request); tearing the page down there crashes Chromium.
        queued = Qt.ConnectionType.QueuedConnection
        self.page.blocked.connect(self.blocked)
        self.page.left_room.connect(lambda _url: self.end(ROOM_LEFT), queued)
        self.page.windowCloseRequested.connect(lambda: self.end(PAGE_CLOSED), queued)
        self.page.loadFinished.connect(self._on_load_finished, queued)
        self.page.renderProcessTerminated.connect(self._on_render_terminated, queued)

        self._time_limit = QTimer(self)
        self._time_limit.setSingleShot(True)
        self._time_limit.timeout.connect(lambda: self.end(TIME_LIMIT))

        # Network: a TCP connection to the video host now and then. Only a loss that
        # lasts call.network_lost_s ends the call (see kiosk.video.NetworkWatch).
        origin = origin_of(call.link)
        self._probe_target = (origin[1], origin[2]) if origin else None
        self._network = NetworkWatch(call.network_lost_s, last_ok=clock())
        self._probe = QTcpSocket(self)
        self._probe.connected.connect(self._on_probe_connected)
        self._probe.errorOccurred.connect(self._on_probe_failed)
        self._probe_timer = QTimer(self)
        interval = probe_interval_s if probe_interval_s is not None else min(5.0, call.network_lost_s / 4)
        self._probe_timer.setInterval(int(interval * 1000))
        self._probe_timer.timeout.connect(self._send_probe)
        self._closed = False

    # -- starting --------------------------------------------------------------------------
    def start(self) -> None:
        self.lifecycle.started_at = self._clock()  # Join is now: the benchmark measures from here
        self._network.reached(self._clock())
        self._time_limit.start(int(self.call.max_duration_s * 1000))
        if self._probe_target:
            self._probe_timer.start()
        log.info("video call: joining %s (%s)", self.call.service_id, self.call.source)
        self.page.load(QUrl(self.call.link))

    def _on_load_finished(self, ok: bool) -> None:
        if self.lifecycle.state == "ended":
            return
        if not ok and self.lifecycle.loaded_at is None:
            self.end(LOAD_FAILED)
            return
        if ok and self.page.room_loaded is False:
            self.page.room_loaded = True
            seconds = self.lifecycle.room_loaded(self._clock())
            if seconds is not None:
                log.info("video call: room loaded in %.2f s", seconds)
                self.loaded.emit(seconds)

    def _on_render_terminated(self, status, code: int) -> None:
        if status != QWebEnginePage.RenderProcessTerminationStatus.NormalTerminationStatus:
            log.warning("video call: page process ended (%s, %s)", status.name, code)
            self.end(PAGE_CRASHED)

    # -- network probe -----------------------------------------------------------------------
    def _send_probe(self) -> None:
        if self._probe.state() != QAbstractSocket.SocketState.UnconnectedState:
            self._probe.abort()
            self._on_probe_failed()  # the last probe did not get through within an interval
            if self._closed:
                return
        host, port = self._probe_target
        self._probe.connectToHost(host, port)

    def _on_probe_connected(self) -> None:
        self._network.reached(self._clock())
        self._probe.abort()

    def _on_probe_failed(self, *_args) -> None:
        if self._closed or self.lifecycle.state == "ended":
            return
        if self._network.missed(self._clock()):
            log.warning("video call: %s unreachable for %.0f s", self._probe_target, self.call.network_lost_s)
            self.end(NETWORK_LOST)

    # -- controls ----------------------------------------------------------------------------
    def set_volume(self, fraction: float) -> None:
        """0.0-1.0 for the room's sound; 0 mutes the page altogether."""
        self._volume = max(0.0, min(1.0, float(fraction)))
        self.page.setAudioMuted(self._volume == 0.0)
        self.page.runJavaScript(f"window.__kioskVolume = {self._volume:.3f};"
                                "window.__kioskApplyVolume && window.__kioskApplyVolume();",
                                QWebEngineScript.ScriptWorldId.ApplicationWorld)

    @property
    def volume(self) -> float:
        return self._volume

    def end(self, reason: str) -> CallOutcome | None:
        """End the call for ``reason``; the first reason wins. Releases the web view."""
        return self.lifecycle.end(reason, self._clock())

    def _on_end(self, outcome: CallOutcome) -> None:
        log.info("video call: ended (%s) after %.0f s", outcome.reason, outcome.duration_s)
        self.release()
        self.ended.emit(outcome)

    def release(self) -> None:
        """Stop the page and free the view, page and profile (in that order: a profile
        must outlive its pages). Nothing of the call remains in memory or on disk."""
        if self._closed:
            return
        self._closed = True
        self._time_limit.stop()
        self._probe_timer.stop()
        self._probe.abort()
        self.page.setAudioMuted(True)
        self.page.triggerAction(QWebEnginePage.WebAction.Stop)
        view, page, profile = self.view, self.page, self.profile
        view.hide()
        view.setParent(None)
        view.deleteLater()
        page.deleteLater()
        profile.deleteLater()
        QTimer.singleShot(TRIM_AFTER_MS, return_freed_memory)  # once the engine has let go of the page

    @property
    def widget(self) -> QWidget:
        return self.view
