"""Real pages over HTTP on 127.0.0.1 (the allow-listed video host) and 127.0.0.2 (a host
not on the list), and a real Qt WebEngine running offscreen.

Chromium is given its fake camera and microphone (--use-fake-device-for-media-stream)
but NOT --use-fake-ui-for-media-stream: that flag would answer every permission
request itself and bypass the policy these tests check.
"""

from __future__ import annotations

import http.server
import os
import threading
from dataclasses import dataclass, field
from pathlib import Path

import pytest

PAGES = Path(__file__).parent / "pages"

# Set before the first web profile exists: Chromium reads its flags once per process.
_flags = os.environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "").split()
if "--use-fake-device-for-media-stream" not in _flags:
    _flags.append("--use-fake-device-for-media-stream")
os.environ["QTWEBENGINE_CHROMIUM_FLAGS"] = " ".join(_flags)

from ui.video import prepare_application, webengine_available  # noqa: E402

# Before pytest-qt makes the QApplication (conftest files are imported at collection).
prepare_application()

# This machine, and CI's, has no GPU: WebEngine says so once when it starts (OpenGL and
# Vulkan probes, then software rendering). Those lines are facts about the machine, not
# faults of the kiosk; every other Qt warning still fails the test.
GPU_PROBE_MESSAGES = [
    r"^QRhiGles2: Failed to create",
    r"^Failed to create RHI for backend",
    r"createPlatformVulkanInstance",
    r"^QVulkanInstance: Failed to initialize Vulkan",
    r"^GBM is not supported",
    r"^GPUInfo not initialized",
    r"^Unable to detect GPU vendor",
    r"^Failed to load vulkan",
    r"^initInstance: No Vulkan library",
    r"^Failed to create platform Vulkan instance",
    r"^GLX: No DRI3 Extension",
]


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.qt_log_ignore(*GPU_PROBE_MESSAGES))


needs_webengine = pytest.mark.skipif(not webengine_available(),
                                     reason="Qt WebEngine (PySide6-WebEngine) is not installed")

# Qt WebEngine's WebRTC does not connect under libfaketime's preload at all, even at an
# offset of +0 (tried): the preload, not the date, breaks it, and a call reads no date.
# A run of the suite under faketime leaves these out.
no_webrtc_under_faketime = pytest.mark.skipif(
    "FAKETIME" in os.environ, reason="WebRTC in Qt WebEngine does not connect under libfaketime, even at +0")


@dataclass
class PageServer:
    """One HTTP server on a loopback address, serving tests/video/pages."""

    host: str
    elsewhere: str = ""  # base URL of the other server, put in place of ELSEWHERE in pages
    requests: list[str] = field(default_factory=list)
    cookies_seen: list[tuple[str, str | None]] = field(default_factory=list)  # (path, Cookie header)
    httpd: http.server.ThreadingHTTPServer | None = None

    @property
    def base(self) -> str:
        return f"http://{self.host}:{self.httpd.server_address[1]}"

    @property
    def netloc(self) -> str:
        return f"{self.host}:{self.httpd.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def start(self) -> "PageServer":
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *_args):  # keep test output clean
                pass

            def do_GET(self):
                try:
                    self._answer()
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the kiosk cancelled it (a refused download): that is the point

            def _answer(self):
                server.requests.append(self.path)
                server.cookies_seen.append((self.path, self.headers.get("Cookie")))
                path = self.path.split("?")[0].split("#")[0]
                if path.startswith("/download/"):
                    body = b"a file that must never reach the kiosk's disk\n"
                    self.send_response(200)
                    self.send_header("Content-Type", "application/octet-stream")
                    self.send_header("Content-Disposition", 'attachment; filename="report.txt"')
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                    return
                file = PAGES / path.lstrip("/")
                if not path.endswith(".html") or not file.is_file():
                    self.send_error(404)
                    return
                body = file.read_text(encoding="utf-8").replace("ELSEWHERE", server.elsewhere).encode("utf-8")
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                if path == "/storage.html":
                    self.send_header("Set-Cookie", "server-test=from-a-call; Max-Age=86400; Path=/")
                self.end_headers()
                self.wfile.write(body)

        self.httpd = http.server.ThreadingHTTPServer((self.host, 0), Handler)
        self.httpd.daemon_threads = True
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        if self.httpd is not None:
            self.httpd.shutdown()
            self.httpd.server_close()


@pytest.fixture
def servers():
    """(room host on the list, a host not on the list)."""
    listed = PageServer("127.0.0.1").start()
    unlisted = PageServer("127.0.0.2").start()
    listed.elsewhere = unlisted.base
    unlisted.elsewhere = listed.base
    yield listed, unlisted
    listed.stop()
    unlisted.stop()


def make_call(link: str, *, service_id: str = "health-video", max_duration_s: float = 600.0,
              network_lost_s: float = 20.0):
    from kiosk.video import EMBEDDED, FROM_ON_DEMAND, VideoCall

    return VideoCall(service_id=service_id, room="test-room", link=link, phone_link=link,
                     source=FROM_ON_DEMAND, mode=EMBEDDED, max_duration_s=max_duration_s,
                     network_lost_s=network_lost_s)


@pytest.fixture(autouse=True)
def gui_thread_guard():
    """Fails the test if the GUI thread connects a socket or writes SQLite (tests/gui_thread_guard.py)."""
    from tests.gui_thread_guard import guard_fixture

    yield from guard_fixture()
