"""The kiosk's HTTP client for the city backend, and the one way every HTTP call of the
kiosk gets an overall deadline.

Every answer is size-capped while it is read, parsed, and checked against the protocol
before anything uses it. Failures come out as one of the ``SyncError`` classes, which
tell the worker what to do: wait and retry (``BackendUnavailable``, ``RateLimited``,
``BadResponse``), or stop and tell staff (``DeviceRevoked``, ``NotEnrolled``).

Deadlines: a socket timeout only bounds each read, so an answer trickling in one byte
at a time could keep a call busy for ever. ``CallDeadline`` bounds a whole call
(connect, send, headers, body): sessions made by ``deadline_session()`` register each
socket they use with the deadline active in the calling thread, and when it passes a
timer shuts those sockets down, which ends any read in progress. The backend client,
the phone key (sync/oidc.py) and the updater's TUF fetcher all use it.
"""

from __future__ import annotations

import json
import os
import socket
import threading
import time
from dataclasses import dataclass
from typing import Any, Iterator

import requests
from requests.adapters import HTTPAdapter
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

from sync import protocol
from sync.protocol import ProtocolError


class SyncError(Exception):
    """Something stopped a sync; the message is meant for staff."""

    retry_after: float | None = None


class BackendUnavailable(SyncError):
    """Network down, timeout, connection reset, or a 5xx answer: try again later."""

    def __init__(self, message: str, retry_after: float | None = None):
        super().__init__(message)
        self.retry_after = retry_after


class RateLimited(BackendUnavailable):
    """429: the backend asked us to wait ``retry_after`` seconds."""


class BadResponse(SyncError):
    """An answer that is malformed, of the wrong shape, or too large. Nothing was applied."""


class DeviceRevoked(SyncError):
    """IT revoked this device: it must be enrolled again with a new code."""


class NotEnrolled(SyncError):
    """No credentials, or the backend does not know them."""


class Refused(SyncError):
    """A 4xx the kiosk cannot fix by retrying (e.g. a wrong enrolment code)."""

    def __init__(self, code: str, message: str):
        super().__init__(message)
        self.code = code


@dataclass(frozen=True)
class DeviceCredentials:
    device_id: str
    token: str
    site: str


# -- one deadline for a whole call ----------------------------------------------------
DEADLINE_FACTOR = 3.0  # a call may take this many read timeouts in all (docs/protocol.md)

_active = threading.local()


class DeadlinePassed(Exception):
    """The call's overall deadline passed; whatever was read is incomplete."""


class CallDeadline:
    """An overall time limit for one HTTP call (or a group of calls), on the monotonic clock.

        with CallDeadline(5.0) as deadline:
            resp = session.get(url, timeout=deadline.read_timeout(2.0), stream=True)
            body = read_within(resp, deadline, max_bytes)

    Only sockets opened or used by a ``deadline_session()`` in this thread while the
    deadline is active are watched. A deadline made inside another never outlasts it.
    """

    def __init__(self, seconds: float):
        if not seconds > 0:  # also refuses NaN
            raise ValueError(f"a deadline must be a number of seconds > 0, not {seconds!r}")
        outer = current_deadline()
        self.seconds = float(seconds) if outer is None else min(float(seconds), outer.remaining())
        # The limit to name in messages: the outer one when that is what binds.
        self.limit_s = outer.limit_s if outer is not None and self.seconds < seconds else float(seconds)
        self.expires_at = time.monotonic() + self.seconds
        self.expired = False
        self._sockets: list[tuple[int, int]] = []  # (fd, inode): the inode tells a reused fd apart
        self._lock = threading.Lock()
        self._timer: threading.Timer | None = None

    def remaining(self) -> float:
        return max(0.0, self.expires_at - time.monotonic())

    def read_timeout(self, timeout_s: float) -> float:
        """The socket timeout to use now: the per-read timeout, never past the deadline."""
        return max(0.001, min(timeout_s, self.remaining()))

    def check(self) -> None:
        if self.expired or self.remaining() <= 0:
            self.expired = True
            raise DeadlinePassed(f"no complete answer within {self.limit_s:g} s")

    def watch(self, sock: socket.socket) -> None:
        try:
            fd = sock.fileno()
            ident = (fd, os.fstat(fd).st_ino)
        except OSError:
            return
        with self._lock:
            if ident not in self._sockets:
                self._sockets.append(ident)
            expired = self.expired
        if expired:
            _shut_down(*ident)

    def _expire(self) -> None:
        with self._lock:
            self.expired = True
            sockets = list(self._sockets)
        for ident in sockets:
            _shut_down(*ident)

    def __enter__(self) -> "CallDeadline":
        stack = getattr(_active, "stack", None)
        if stack is None:
            stack = _active.stack = []
        stack.append(self)
        self._timer = threading.Timer(self.remaining(), self._expire)
        self._timer.daemon = True
        self._timer.start()
        return self

    def __exit__(self, *exc) -> None:
        if self._timer is not None:
            self._timer.cancel()
        with self._lock:
            self._sockets.clear()
        _active.stack.remove(self)


def current_deadline() -> CallDeadline | None:
    stack = getattr(_active, "stack", None)
    return stack[-1] if stack else None


def _shut_down(fd: int, inode: int) -> None:
    """Shut down the socket behind ``fd`` if it is still the one registered. Works on a
    duplicate, so the owner's socket object stays valid and is closed by its owner."""
    try:
        dup = os.dup(fd)
    except OSError:
        return
    try:
        if os.fstat(dup).st_ino == inode:
            with socket.socket(fileno=dup) as s:
                dup = -1
                try:
                    s.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass
    finally:
        if dup != -1:
            os.close(dup)


def _watch_current(sock: socket.socket | None) -> None:
    deadline = current_deadline()
    if deadline is not None and sock is not None:
        deadline.watch(sock)


class _WatchedHTTPConnection(HTTPConnection):
    def _new_conn(self) -> socket.socket:
        sock = super()._new_conn()
        _watch_current(sock)  # the TLS layer keeps the same file descriptor
        return sock

    def request(self, *args, **kwargs):
        _watch_current(self.sock)  # a kept-alive connection used again
        return super().request(*args, **kwargs)


class _WatchedHTTPSConnection(HTTPSConnection):
    _new_conn = _WatchedHTTPConnection._new_conn
    request = _WatchedHTTPConnection.request


class _WatchedPool(HTTPConnectionPool):
    ConnectionCls = _WatchedHTTPConnection


class _WatchedTlsPool(HTTPSConnectionPool):
    ConnectionCls = _WatchedHTTPSConnection


class _DeadlineAdapter(HTTPAdapter):
    _pools = {"http": _WatchedPool, "https": _WatchedTlsPool}

    def init_poolmanager(self, *args, **kwargs) -> None:
        super().init_poolmanager(*args, **kwargs)
        self.poolmanager.pool_classes_by_scheme = dict(self._pools)

    def proxy_manager_for(self, proxy, **proxy_kwargs):
        manager = super().proxy_manager_for(proxy, **proxy_kwargs)
        manager.pool_classes_by_scheme = dict(self._pools)
        return manager


def deadline_session() -> requests.Session:
    """A requests session whose calls obey the ``CallDeadline`` active in the calling thread."""
    session = requests.Session()
    adapter = _DeadlineAdapter()
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    return session


def iter_within(resp: requests.Response, deadline: CallDeadline, chunk_size: int = 65536) -> Iterator[bytes]:
    """The body in chunks; raises DeadlinePassed (never a silently cut body) when time is up."""
    try:
        for chunk in resp.iter_content(chunk_size):
            deadline.check()
            yield chunk
    except requests.RequestException:
        deadline.check()  # a read ended by the deadline says so
        raise
    deadline.check()  # a connection shut at the deadline can look like the end of the body


def read_within(resp: requests.Response, deadline: CallDeadline, max_bytes: int) -> bytes:
    """The whole body, at most ``max_bytes``, before the deadline. Raises DeadlinePassed,
    or ValueError when the answer is too large."""
    declared = resp.headers.get("Content-Length")
    if declared and declared.isdigit() and int(declared) > max_bytes:
        raise ValueError(f"answer is too large ({int(declared)} bytes, at most {max_bytes} accepted)")
    chunks, size = [], 0
    for chunk in iter_within(resp, deadline):
        size += len(chunk)
        if size > max_bytes:
            raise ValueError(f"answer is too large (more than {max_bytes} bytes)")
        chunks.append(chunk)
    return b"".join(chunks)


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    try:
        return max(0.0, min(float(value), 3600.0))
    except ValueError:
        from email.utils import parsedate_to_datetime
        from datetime import datetime, timezone
        try:
            return max(0.0, min((parsedate_to_datetime(value) - datetime.now(timezone.utc)).total_seconds(), 3600.0))
        except (TypeError, ValueError):
            return None


class BackendClient:
    """``timeout_s`` bounds each read; ``deadline_s`` (default ``DEADLINE_FACTOR`` x
    ``timeout_s``) bounds each call as a whole, however slowly the answer trickles in."""

    def __init__(self, base_url: str, *, credentials: DeviceCredentials | None = None, timeout_s: float = 10.0,
                 deadline_s: float | None = None, max_response_bytes: int = protocol.MAX_RESPONSE_BYTES):
        self.base_url = base_url.rstrip("/")
        self.credentials = credentials
        self.timeout_s = timeout_s
        self.deadline_s = deadline_s if deadline_s is not None else DEADLINE_FACTOR * timeout_s
        if not self.timeout_s > 0 or not self.deadline_s > 0:
            raise ValueError(f"timeout_s and deadline_s must be > 0 (got {timeout_s!r}, {deadline_s!r})")
        self.max_response_bytes = max_response_bytes
        self._http = deadline_session()
        self._http.headers["User-Agent"] = f"welfare-kiosk-sync/{protocol.PROTOCOL_VERSION}"

    def close(self) -> None:
        self._http.close()

    # -- one request -------------------------------------------------------------------
    def _call(self, method: str, path: str, *, body: Any = None, params: dict | None = None,
              auth: bool = True) -> Any:
        headers = {"Accept": "application/json"}
        if auth:
            if self.credentials is None:
                raise NotEnrolled("this kiosk is not enrolled with the city backend yet")
            headers["Authorization"] = f"Bearer {self.credentials.token}"
        data = None
        if body is not None:
            headers["Content-Type"] = "application/json"
            data = json.dumps(body, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
        url = self.base_url + protocol.API_PREFIX + path
        try:
            with CallDeadline(self.deadline_s) as deadline, \
                    self._http.request(method, url, data=data, params=params, headers=headers,
                                       timeout=deadline.read_timeout(self.timeout_s), stream=True,
                                       allow_redirects=False) as resp:
                raw = self._read_capped(resp, deadline)
                status = resp.status_code
                retry_after = _retry_after(resp.headers.get("Retry-After"))
        except DeadlinePassed:
            raise BackendUnavailable(f"the backend did not answer completely within {self.deadline_s:g} s") from None
        except requests.RequestException as exc:
            if deadline.expired:
                raise BackendUnavailable(f"the backend did not answer completely within {self.deadline_s:g} s") from None
            if isinstance(exc, requests.Timeout):
                raise BackendUnavailable(f"the backend did not answer within {self.timeout_s:g} s") from None
            if isinstance(exc, requests.ConnectionError):
                raise BackendUnavailable(f"cannot reach the backend ({_short(exc)})") from None
            raise BackendUnavailable(f"the connection to the backend failed ({_short(exc)})") from None

        if status == 429:
            raise RateLimited("the backend asked the kiosk to slow down", retry_after)
        if status >= 500:
            raise BackendUnavailable(f"the backend had an internal problem (HTTP {status})", retry_after)
        try:
            parsed = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, ValueError):
            raise BadResponse(f"the backend's answer (HTTP {status}) is not valid JSON") from None
        if status >= 400:
            code = parsed.get("error") if isinstance(parsed, dict) else None
            message = parsed.get("message") if isinstance(parsed, dict) else None
            message = str(message or f"HTTP {status}")[:300]
            if code == "device_revoked":
                raise DeviceRevoked("IT has revoked this kiosk: enrol it again with a new code")
            if status == 401:
                raise NotEnrolled(f"the backend does not accept this kiosk's credentials ({message})")
            raise Refused(str(code or status), message)
        if status != 200:
            raise BadResponse(f"unexpected HTTP {status} from the backend")
        return parsed

    def _read_capped(self, resp: requests.Response, deadline: CallDeadline) -> bytes:
        try:
            return read_within(resp, deadline, self.max_response_bytes)
        except ValueError as exc:
            raise BadResponse(f"the backend's {exc}") from None

    @staticmethod
    def _sendable(shape: protocol.Shape, body: dict) -> dict:
        """The request as the backend would take it, or Refused as the backend's 422 would say,
        naming the field, before anything goes out (the shape is sync/protocol.py's)."""
        problem = protocol.request_problems(shape, body)
        if problem is not None:
            raise Refused("invalid_request", f"not sent, the backend would refuse it: {problem}")
        return body

    def _checked(self, check, *args) -> Any:
        try:
            return check(*args)
        except ProtocolError as exc:
            raise BadResponse(f"the backend's answer does not follow the protocol: {exc}") from None

    # -- the protocol ---------------------------------------------------------------
    def enrol(self, code: str, name: str, request_id: str | None = None) -> DeviceCredentials:
        """Exchange a one-time code for credentials. With the install's ``request_id``
        (sync.enrolment) asking again after a lost answer returns the same credentials."""
        body = {"code": code, "name": name}
        if request_id is not None:
            body["request_id"] = request_id
        body = self._sendable(protocol.ENROL_REQUEST, body)
        data = self._checked(protocol.check_enrolment, self._call("POST", "/enrol", body=body, auth=False))
        return DeviceCredentials(data["device_id"], data["token"], data["site"])

    def push_batch(self, items: list[dict]) -> list[dict]:
        """Send items ({id, kind, created_at, payload}); one checked answer per item."""
        data = self._call("POST", "/outbox", body=self._sendable(protocol.PUSH_REQUEST, {"items": items}))
        return self._checked(protocol.check_push_results, data, [i["id"] for i in items])

    def catalogue_changes(self, since: str, limit: int = 500) -> dict:
        data = self._call("GET", "/catalogue/changes", params={"since": since, "limit": limit})
        page = self._checked(protocol.check_catalogue_page, data)
        if self.credentials and page["site"] != self.credentials.site:
            raise BadResponse(f"the backend sent the catalogue of site {page['site']!r}, "
                              f"this kiosk belongs to {self.credentials.site!r}")
        return page

    def heartbeat(self, beat: dict) -> dict:
        beat = self._sendable(protocol.HEARTBEAT_REQUEST, beat)
        return self._checked(protocol.check_heartbeat, self._call("POST", "/heartbeat", body=beat))


def _short(exc: Exception) -> str:
    text = str(exc)
    for marker in ("Connection refused", "Connection reset", "Read timed out", "RemoteDisconnected",
                   "IncompleteRead", "Connection aborted"):
        if marker in text:
            return marker
    return type(exc).__name__
