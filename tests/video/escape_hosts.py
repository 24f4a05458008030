"""Listeners that count what reaches a host the call view must never contact.

``CountingServer`` is an HTTP server that counts TCP connections as well as requests
(a preconnect opens a connection without a request); ``UdpCounter`` counts datagrams
(STUN, TURN over UDP, ICE checks to a crafted candidate); ``TcpCounter`` counts
connections to a bare TCP port (TURN over TCP, ICE-TCP). They listen on loopback
addresses only: 127.0.0.2 is "a host off the list", 127.0.0.3 "an address a page names
for WebRTC".
"""

from __future__ import annotations

import http.server
import socket
import threading
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

PAGES = Path(__file__).parent / "pages"
_TYPES = {".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8"}


class CountingServer:
    """Serves tests/video/pages (.html and .js, ELSEWHERE and the other markers filled in),
    ``/redirect?to=URL`` (a 302), and answers anything else with ``escaped <path>`` so a
    page that got through can tell. Counts connections and requests."""

    def __init__(self, host: str, **markers: str) -> None:
        self.host = host
        self.markers = dict(markers)
        self.requests: list[str] = []
        self.connections = 0
        self._lock = threading.Lock()
        outer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *_args):
                pass

            def do_GET(self):
                try:
                    self._answer()
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def _send(self, status: int, body: bytes, content_type: str, **headers: str) -> None:
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.send_header("Access-Control-Allow-Origin", "*")
                self.send_header("Cache-Control", "no-store")
                for name, value in headers.items():
                    self.send_header(name.replace("_", "-"), value)
                self.end_headers()
                self.wfile.write(body)

            def _answer(self):
                with outer._lock:
                    outer.requests.append(self.path)
                parts = urlsplit(self.path)
                if parts.path == "/redirect":
                    target = parse_qs(parts.query).get("to", [""])[0]
                    self._send(302, b"", "text/plain", Location=target)
                    return
                file = PAGES / parts.path.lstrip("/")
                if file.suffix in _TYPES and file.is_file() and file.resolve().parent == PAGES.resolve():
                    text = file.read_text(encoding="utf-8")
                    for marker, value in outer.markers.items():
                        text = text.replace(marker, value)
                    extra = {"Service_Worker_Allowed": "/"} if file.suffix == ".js" else {}
                    self._send(200, text.encode("utf-8"), _TYPES[file.suffix], **extra)
                    return
                self._send(200, f"escaped {parts.path}".encode(), "text/plain")

        class Server(http.server.ThreadingHTTPServer):
            daemon_threads = True

            def verify_request(self, request, client_address):
                with outer._lock:
                    outer.connections += 1
                return True

        self.httpd = Server((host, 0), Handler)
        threading.Thread(target=self.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()

    @property
    def port(self) -> int:
        return self.httpd.server_address[1]

    @property
    def netloc(self) -> str:
        return f"{self.host}:{self.port}"

    @property
    def base(self) -> str:
        return f"http://{self.netloc}"

    def url(self, path: str) -> str:
        return self.base + path

    def stop(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


class UdpCounter:
    """A UDP port that counts every datagram sent to it (and answers none)."""

    def __init__(self, host: str) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.bind((host, 0))
        self.sock.settimeout(0.05)
        self.host, self.port = self.sock.getsockname()
        self.datagrams = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                self.sock.recvfrom(65536)
            except (TimeoutError, socket.timeout):
                continue
            except OSError:
                return
            self.datagrams += 1

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(2)
        self.sock.close()


class TcpCounter:
    """A TCP port that counts connections and closes each at once."""

    def __init__(self, host: str) -> None:
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind((host, 0))
        self.sock.listen(16)
        self.sock.settimeout(0.05)
        self.host, self.port = self.sock.getsockname()
        self.connections = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except (TimeoutError, socket.timeout):
                continue
            except OSError:
                return
            self.connections += 1
            conn.close()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(2)
        self.sock.close()
