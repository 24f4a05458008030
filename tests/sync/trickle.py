"""A real HTTP server on 127.0.0.1 that answers one byte at a time: the slowest answer a
socket timeout never notices. Used by the deadline tests of the sync client, the phone
key and the updater.

    with TrickleServer(body=b'{"ok": true}', interval_s=0.2) as server:
        requests.get(server.url + "/anything")   # every byte arrives 0.2 s after the last

``headers_too=True`` trickles the status line and headers as well; ``declare_length=False``
sends no Content-Length (the body ends when the connection closes).
"""

from __future__ import annotations

import socket
import threading


class TrickleServer:
    def __init__(self, *, body: bytes = b'{"ok": true}', status: str = "200 OK", interval_s: float = 0.2,
                 headers_too: bool = False, declare_length: bool = True,
                 content_type: str = "application/json"):
        self.body, self.status, self.interval_s = body, status, interval_s
        self.headers_too, self.declare_length, self.content_type = headers_too, declare_length, content_type
        self._sock = socket.create_server(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self._sock.getsockname()[1]}"
        self._stop = threading.Event()
        self.requests: list[bytes] = []  # the request line of each request served
        self.hung_up = threading.Event()  # a client closed its end while bytes were still coming
        self._threads: list[threading.Thread] = []
        accept = threading.Thread(target=self._accept, daemon=True)
        accept.start()
        self._threads.append(accept)

    def __enter__(self) -> "TrickleServer":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self._stop.set()
        self._sock.close()
        for t in self._threads[1:]:
            t.join(5)

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                conn, _ = self._sock.accept()
            except OSError:
                return
            t = threading.Thread(target=self._serve, args=(conn,), daemon=True)
            t.start()
            self._threads.append(t)

    def _serve(self, conn: socket.socket) -> None:
        with conn:
            conn.settimeout(5)
            data = b""
            try:
                while b"\r\n\r\n" not in data:
                    chunk = conn.recv(65536)
                    if not chunk:
                        return
                    data += chunk
                head, _, rest = data.partition(b"\r\n\r\n")
                length = 0
                for line in head.split(b"\r\n")[1:]:
                    name, _, value = line.partition(b":")
                    if name.strip().lower() == b"content-length":
                        length = int(value.strip())
                while len(rest) < length:
                    chunk = conn.recv(65536)
                    if not chunk:
                        return
                    rest += chunk
            except OSError:
                return
            self.requests.append(head.split(b"\r\n")[0])
            headers = f"HTTP/1.1 {self.status}\r\nContent-Type: {self.content_type}\r\nConnection: close\r\n"
            if self.declare_length:
                headers += f"Content-Length: {len(self.body)}\r\n"
            head_bytes = (headers + "\r\n").encode()
            try:
                if not self.headers_too:
                    conn.sendall(head_bytes)
                    slow = self.body
                else:
                    slow = head_bytes + self.body
                for i in range(len(slow)):
                    if self._stop.wait(self.interval_s):
                        return
                    conn.sendall(slow[i:i + 1])
            except OSError:
                self.hung_up.set()
