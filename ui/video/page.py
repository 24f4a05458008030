"""The call's web profile and page: what a room page may and may not do.

Every refusal is logged and announced on ``blocked(kind, detail)`` so staff logs
and tests see it. Imports Qt WebEngine: only ``ui.video.room`` imports this module.
"""

from __future__ import annotations

import logging
from ui.video import configure_engine

configure_engine()  # before the first profile: Chromium reads its settings once

from PySide6.QtCore import QObject, QUrl, Signal  # noqa: E402
from PySide6.QtGui import QClipboard, QGuiApplication  # noqa: E402
from PySide6.QtWebEngineCore import (QWebEngineDownloadRequest, QWebEnginePage, QWebEnginePermission,  # noqa: E402
                                     QWebEngineProfile, QWebEngineSettings, QWebEngineUrlRequestInfo,
                                     QWebEngineUrlRequestInterceptor)

from kiosk.video import allowed_host, allowed_host_names, may_navigate  # noqa: E402

log = logging.getLogger(__name__)

_MEDIA = {
    QWebEnginePermission.PermissionType.MediaAudioCapture,
    QWebEnginePermission.PermissionType.MediaVideoCapture,
    QWebEnginePermission.PermissionType.MediaAudioVideoCapture,
}

_SETTINGS_OFF = (
    "JavascriptCanOpenWindows", "JavascriptCanAccessClipboard", "JavascriptCanPaste",
    "LocalContentCanAccessRemoteUrls", "LocalContentCanAccessFileUrls", "PluginsEnabled",
    "PdfViewerEnabled", "ScreenCaptureEnabled", "FullScreenSupportEnabled", "DnsPrefetchEnabled",
    "NavigateOnDropEnabled", "AllowWindowActivationFromJavaScript", "HyperlinkAuditingEnabled",
    "AllowRunningInsecureContent", "AllowGeolocationOnInsecureOrigins", "SpatialNavigationEnabled",
    "LinksIncludedInFocusChain",
    # Nobody reads the page's own error page; the call ends and the kiosk says so itself.
    "ErrorPageEnabled",
    # The other side must be heard without a tap inside the page.
    "PlaybackRequiresUserGesture",
)


_WS_AS_HTTP = {"ws": "http", "wss": "https"}

# A service worker outlives the page that registered it and answers the page's requests
# with whatever it fetched; a shared worker belongs to no page either. A call needs
# neither: their scripts are refused (dedicated workers stay: rooms use them, and what
# they fetch passes the same filter).
_REFUSED_WORKERS = {
    QWebEngineUrlRequestInfo.ResourceType.ResourceTypeServiceWorker: "service worker",
    QWebEngineUrlRequestInfo.ResourceType.ResourceTypeSharedWorker: "shared worker",
}


class AllowListInterceptor(QWebEngineUrlRequestInterceptor):
    """Every request of the page, not only navigations: images, scripts, fetch, WebSockets.
    Anything to a host off the list is blocked before it leaves the kiosk."""

    blocked = Signal(str, str)

    def __init__(self, allowed_hosts: tuple[str, ...], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.allowed_hosts = tuple(allowed_hosts)

    def interceptRequest(self, info: QWebEngineUrlRequestInfo) -> None:
        # Runs on the engine's IO thread: only plain Python checks here, and a queued signal.
        url = info.requestUrl()
        worker = _REFUSED_WORKERS.get(info.resourceType())
        if worker is not None:
            info.block(True)
            log.warning("video call: blocked %s: %s", worker, url.toString())
            self.blocked.emit("worker", url.toString())
            return
        scheme = url.scheme()
        if scheme in ("blob", "data", "about"):
            return  # made inside the page itself; nothing leaves the kiosk
        checked = url.toString()
        if scheme in _WS_AS_HTTP:
            checked = _WS_AS_HTTP[scheme] + checked[len(scheme):]
        if not allowed_host(checked, self.allowed_hosts):
            info.block(True)
            log.warning("video call: blocked request: %s", url.toString())
            self.blocked.emit("request", url.toString())


_engine_lock: tuple[str, ...] | None = None  # the host names the engine's network is locked to


class ClipboardGuard(QObject):
    """Empties the kiosk's clipboard (and X11 selection) whenever it changes during a call.

    Chromium always lets a page write the clipboard from a tap (``execCommand('copy')``,
    a ``copy`` handler that sets its own data), whatever JavascriptCanAccessClipboard
    says; the next person at the kiosk would paste it. Nothing on the kiosk copies during
    a call, so every change is the page's (or a drag-selection in it), and is undone."""

    cleared = Signal(str)  # the clipboard mode's name

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._clipboard = QGuiApplication.clipboard()
        self._clipboard.changed.connect(self._on_changed)

    def _on_changed(self, mode: QClipboard.Mode) -> None:
        data = self._clipboard.mimeData(mode)
        if data is None or not data.formats():
            return  # our own clear() arriving, or nothing at all
        self._clipboard.clear(mode)
        self.cleared.emit(mode.name)

    def stop(self) -> None:
        try:
            self._clipboard.changed.disconnect(self._on_changed)
        except (RuntimeError, TypeError):
            pass


def new_call_profile(parent: QObject | None = None, *, allowed_hosts: tuple[str, ...] = ()) -> QWebEngineProfile:
    """A fresh off-the-record profile: cookies, storage, cache and permissions live in
    memory for this call only, and die with the profile when the call ends.

    The first profile of the process also starts the engine, locked to ``allowed_hosts``
    (Chromium reads its flags then, once). Later calls to other hosts are not widened:
    what is not in the first lock stays unreachable."""
    global _engine_lock
    names = allowed_host_names(allowed_hosts)
    if _engine_lock is None:
        configure_engine(allowed_hosts=allowed_hosts)
        _engine_lock = names
    elif not set(names) <= set(_engine_lock):
        log.warning("video call: the web engine was locked to %s when it started; %s stay unreachable",
                    ", ".join(_engine_lock) or "no host", ", ".join(sorted(set(names) - set(_engine_lock))))
    profile = QWebEngineProfile(parent)  # no storage name = off the record
    assert profile.isOffTheRecord()
    profile.setHttpCacheType(QWebEngineProfile.HttpCacheType.MemoryHttpCache)
    profile.setPersistentCookiesPolicy(QWebEngineProfile.PersistentCookiesPolicy.NoPersistentCookies)
    # Decide every camera/microphone request afresh; nothing is remembered, even in memory.
    profile.setPersistentPermissionsPolicy(QWebEngineProfile.PersistentPermissionsPolicy.AskEveryTime)
    profile.setSpellCheckEnabled(False)
    profile.setPushServiceEnabled(False)
    settings = profile.settings()
    for name in _SETTINGS_OFF:
        settings.setAttribute(getattr(QWebEngineSettings.WebAttribute, name), False)
    return profile


class CallPage(QWebEnginePage):
    """A page that only goes to allow-listed hosts and only gives them the camera and microphone."""

    blocked = Signal(str, str)  # kind, detail (a URL or what was asked)
    left_room = Signal(str)     # the main frame tried to leave the room for another page on the host
    print_requested = Signal()

    def __init__(self, profile: QWebEngineProfile, allowed_hosts: tuple[str, ...], room_url: str,
                 parent: QObject | None = None) -> None:
        super().__init__(profile, parent)
        self.allowed_hosts = tuple(allowed_hosts)
        self.room_url = QUrl(room_url)
        self.room_loaded = False
        self.permissionRequested.connect(self._on_permission)
        self.printRequested.connect(lambda: self._refuse("print", self.url().toString()))
        self.printRequestedByFrame.connect(lambda _frame: self._refuse("print", self.url().toString()))
        self.fileSystemAccessRequested.connect(self._on_file_system)
        self.registerProtocolHandlerRequested.connect(self._on_protocol_handler)
        self.fullScreenRequested.connect(self._on_full_screen)
        self.certificateError.connect(self._on_certificate_error)
        self.desktopMediaRequested.connect(self._on_desktop_media)
        profile.downloadRequested.connect(self._on_download)
        self.clipboard_guard = ClipboardGuard(self)
        self.clipboard_guard.cleared.connect(lambda mode: self._refuse("clipboard", mode))
        self.destroyed.connect(self.clipboard_guard.stop)
        self.interceptor = AllowListInterceptor(self.allowed_hosts, self)
        self.interceptor.blocked.connect(self.blocked)
        # On the profile, not the page: a page's interceptor never sees what its service
        # and shared workers fetch (they belong to no page). One profile per call.
        profile.setUrlRequestInterceptor(self.interceptor)

    def _refuse(self, kind: str, detail: str) -> None:
        log.warning("video call: blocked %s: %s", kind, detail)
        self.blocked.emit(kind, detail)

    # -- navigation ---------------------------------------------------------------------
    def acceptNavigationRequest(self, url: QUrl, nav_type: QWebEnginePage.NavigationType,
                                is_main_frame: bool) -> bool:
        text = url.toString()
        if not may_navigate(text, self.allowed_hosts, main_frame=is_main_frame):
            self._refuse("navigation", text)
            return False
        if is_main_frame and nav_type == QWebEnginePage.NavigationType.NavigationTypeBackForward:
            self._refuse("history", text)  # the room is the only page of the call
            return False
        if is_main_frame and self.room_loaded and not self._same_room(url):
            # Jitsi leaves the room for its close or welcome page when either side hangs up.
            log.info("video call: the page left the room for %s", text)
            self.left_room.emit(text)
            return False
        return True

    def _same_room(self, url: QUrl) -> bool:
        return (url.scheme(), url.host(), url.port(), url.path()) == (
            self.room_url.scheme(), self.room_url.host(), self.room_url.port(), self.room_url.path())

    def createWindow(self, _type: QWebEnginePage.WebWindowType) -> None:
        self._refuse("new window", self.url().toString())
        return None

    def chooseFiles(self, _mode, _old_files, _accepted_types) -> list[str]:
        self._refuse("file picker", self.url().toString())
        return []

    # -- JavaScript dialogs would be modal Qt dialogs over the kiosk: answer them here -------
    def javaScriptAlert(self, _origin: QUrl, msg: str) -> None:
        log.info("video call: page alert ignored: %.200s", msg)

    def javaScriptConfirm(self, _origin: QUrl, msg: str) -> bool:
        log.info("video call: page confirm answered no: %.200s", msg)
        return False

    def javaScriptPrompt(self, _origin: QUrl, msg: str, _default: str) -> tuple[bool, str]:
        log.info("video call: page prompt cancelled: %.200s", msg)
        return False, ""

    def javaScriptConsoleMessage(self, level, message: str, line: int, source: str) -> None:
        # The page's console goes to our log, never to Qt's warning channel.
        log.debug("video page console [%s] %s:%s %.300s", getattr(level, "name", level), source, line, message)

    # -- permissions and requests -----------------------------------------------------------
    def _on_permission(self, permission: QWebEnginePermission) -> None:
        origin = permission.origin().toString()
        kind = permission.permissionType()
        if kind in _MEDIA and allowed_host(origin, self.allowed_hosts):
            log.info("video call: %s granted to %s", kind.name, origin)
            permission.grant()
            return
        permission.deny()
        self._refuse("permission", f"{kind.name} for {origin}")

    def _on_file_system(self, request) -> None:
        request.reject()
        self._refuse("file system", request.origin().toString())

    def _on_protocol_handler(self, request) -> None:
        request.reject()
        self._refuse("protocol handler", request.origin().toString())

    def _on_full_screen(self, request) -> None:
        request.reject()  # the kiosk is full screen already; the page must not cover the controls

    def _on_certificate_error(self, error) -> None:
        error.rejectCertificate()
        self._refuse("certificate", f"{error.url().toString()}: {error.description()}")

    def _on_desktop_media(self, request) -> None:
        request.cancel()
        self._refuse("screen sharing", self.url().toString())

    def _on_download(self, download: QWebEngineDownloadRequest) -> None:
        url = download.url().toString()
        download.cancel()
        self._refuse("download", url)
