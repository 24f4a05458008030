"""A small real HTTP proxy on 127.0.0.1 that forwards to the backend and injects faults.

Faults are queued per path prefix and used up one request at a time:
``proxy.fail("/api/v1/outbox", "drop_after_commit")``. Everything goes over real
sockets, so the kiosk's client meets exactly what it would meet on a bad network.
"""

from __future__ import annotations

import http.client
import socket
import struct
import threading
import time
from collections import deque
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

FAULTS = ("http_500", "http_429", "delay", "reset_mid_response", "drop_after_commit", "malformed_json",
          "wrong_schema", "huge", "huge_declared")


class _Abort(Exception):
    pass


class FaultProxy:
    def __init__(self, upstream: str, *, delay_s: float = 3.0, retry_after: int = 7, huge_bytes: int = 9 * 2**20):
        up = urlsplit(upstream)
        self.upstream = (up.hostname, up.port)
        self.delay_s, self.retry_after, self.huge_bytes = delay_s, retry_after, huge_bytes
        self._faults: deque[tuple[str, str]] = deque()
        self._lock = threading.Lock()
        self.log: list[tuple[str, str, int | None, bytes]] = []  # (path, fault, upstream status, upstream body)
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):  # quiet
                pass

            def do_GET(self):
                proxy._handle(self)

            do_POST = do_GET

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._server.handle_error = lambda *a: None
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()

    def fail(self, path_prefix: str, fault: str, times: int = 1) -> None:
        assert fault in FAULTS, fault
        with self._lock:
            self._faults.extend([(path_prefix, fault)] * times)

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def _take_fault(self, path: str) -> str | None:
        with self._lock:
            for i, (prefix, fault) in enumerate(self._faults):
                if path.startswith(prefix):
                    del self._faults[i]
                    return fault
        return None

    def _forward(self, h: BaseHTTPRequestHandler, body: bytes) -> tuple[int, list[tuple[str, str]], bytes]:
        conn = http.client.HTTPConnection(*self.upstream, timeout=30)
        headers = {k: v for k, v in h.headers.items() if k.lower() not in ("host", "connection")}
        conn.request(h.command, h.path, body=body or None, headers=headers)
        resp = conn.getresponse()
        data = resp.read()
        conn.close()
        keep = [(k, v) for k, v in resp.getheaders() if k.lower() not in ("connection", "transfer-encoding",
                                                                          "content-length", "keep-alive")]
        return resp.status, keep, data

    def _reset(self, h: BaseHTTPRequestHandler) -> None:
        """Close with RST, as a dying middlebox or server would."""
        h.wfile.flush()
        h.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        h.close_connection = True
        raise _Abort

    def _send(self, h: BaseHTTPRequestHandler, status: int, body: bytes, headers=(), declared: int | None = None):
        h.send_response(status)
        for k, v in headers:
            h.send_header(k, v)
        h.send_header("Content-Length", str(declared if declared is not None else len(body)))
        h.end_headers()
        h.wfile.write(body)

    def _handle(self, h: BaseHTTPRequestHandler) -> None:
        length = int(h.headers.get("Content-Length") or 0)
        body = h.rfile.read(length) if length else b""
        path = urlsplit(h.path).path
        fault = self._take_fault(path)
        try:
            if fault == "http_500":
                return self._send(h, 500, b'{"error": "internal", "message": "injected"}')
            if fault == "http_429":
                return self._send(h, 429, b'{"error": "rate_limited", "message": "slow down"}',
                                  [("Retry-After", str(self.retry_after))])
            if fault == "delay":
                time.sleep(self.delay_s)
            if fault == "malformed_json":
                return self._send(h, 200, b'{"results": [{"id": ', [("Content-Type", "application/json")])
            if fault == "wrong_schema":
                return self._send(h, 200, b'{"results": "all fine", "cursor": 7}', [("Content-Type", "application/json")])
            if fault in ("huge", "huge_declared"):
                h.send_response(200)
                h.send_header("Content-Type", "application/json")
                if fault == "huge_declared":
                    h.send_header("Content-Length", str(self.huge_bytes))
                else:
                    h.send_header("Transfer-Encoding", "chunked")
                h.end_headers()
                chunk = b" " * 65536
                try:
                    for _ in range(self.huge_bytes // len(chunk)):
                        if fault == "huge":
                            h.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                        else:
                            h.wfile.write(chunk)
                except OSError:
                    pass  # the client hung up once it had seen enough: that is the point
                h.close_connection = True
                return None
            status, headers, data = self._forward(h, body)
            self.log.append((path, fault or "", status, data))
            if fault == "drop_after_commit":
                self._reset(h)  # the backend stored everything; the kiosk never hears of it
            if fault == "reset_mid_response":
                h.send_response(status)
                h.send_header("Content-Length", str(len(data)))
                h.end_headers()
                h.wfile.write(data[: len(data) // 2])
                self._reset(h)
            return self._send(h, status, data, headers)
        except _Abort:
            try:
                h.connection.close()
            except OSError:
                pass
        except (BrokenPipeError, ConnectionResetError):
            h.close_connection = True
