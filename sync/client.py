"""The kiosk's HTTP client for the city backend.

Every answer is size-capped while it is read, parsed, and checked against the protocol
before anything uses it. Failures come out as one of the ``SyncError`` classes, which
tell the worker what to do: wait and retry (``BackendUnavailable``, ``RateLimited``,
``BadResponse``), or stop and tell staff (``DeviceRevoked``, ``NotEnrolled``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import requests

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
    def __init__(self, base_url: str, *, credentials: DeviceCredentials | None = None, timeout_s: float = 10.0,
                 max_response_bytes: int = protocol.MAX_RESPONSE_BYTES):
        self.base_url = base_url.rstrip("/")
        self.credentials = credentials
        self.timeout_s = timeout_s
        self.max_response_bytes = max_response_bytes
        self._http = requests.Session()
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
            with self._http.request(method, url, data=data, params=params, headers=headers,
                                    timeout=self.timeout_s, stream=True, allow_redirects=False) as resp:
                raw = self._read_capped(resp)
                status = resp.status_code
                retry_after = _retry_after(resp.headers.get("Retry-After"))
        except requests.Timeout:
            raise BackendUnavailable(f"the backend did not answer within {self.timeout_s:g} s") from None
        except requests.ConnectionError as exc:
            raise BackendUnavailable(f"cannot reach the backend ({_short(exc)})") from None
        except requests.RequestException as exc:
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

    def _read_capped(self, resp: requests.Response) -> bytes:
        declared = resp.headers.get("Content-Length")
        if declared and declared.isdigit() and int(declared) > self.max_response_bytes:
            raise BadResponse(f"the backend's answer is too large ({int(declared)} bytes, "
                              f"at most {self.max_response_bytes} accepted)")
        chunks, size = [], 0
        for chunk in resp.iter_content(65536):
            size += len(chunk)
            if size > self.max_response_bytes:
                raise BadResponse(f"the backend's answer is too large (more than {self.max_response_bytes} bytes)")
            chunks.append(chunk)
        return b"".join(chunks)

    def _checked(self, check, *args) -> Any:
        try:
            return check(*args)
        except ProtocolError as exc:
            raise BadResponse(f"the backend's answer does not follow the protocol: {exc}") from None

    # -- the protocol ---------------------------------------------------------------
    def enrol(self, code: str, name: str) -> DeviceCredentials:
        data = self._checked(protocol.check_enrolment,
                             self._call("POST", "/enrol", body={"code": code, "name": name}, auth=False))
        return DeviceCredentials(data["device_id"], data["token"], data["site"])

    def push_batch(self, items: list[dict]) -> list[dict]:
        """Send items ({id, kind, created_at, payload}); one checked answer per item."""
        data = self._call("POST", "/outbox", body={"items": items})
        return self._checked(protocol.check_push_results, data, [i["id"] for i in items])

    def catalogue_changes(self, since: str, limit: int = 500) -> dict:
        data = self._call("GET", "/catalogue/changes", params={"since": since, "limit": limit})
        page = self._checked(protocol.check_catalogue_page, data)
        if self.credentials and page["site"] != self.credentials.site:
            raise BadResponse(f"the backend sent the catalogue of site {page['site']!r}, "
                              f"this kiosk belongs to {self.credentials.site!r}")
        return page

    def heartbeat(self, beat: dict) -> dict:
        return self._checked(protocol.check_heartbeat, self._call("POST", "/heartbeat", body=beat))


def _short(exc: Exception) -> str:
    text = str(exc)
    for marker in ("Connection refused", "Connection reset", "Read timed out", "RemoteDisconnected",
                   "IncompleteRead", "Connection aborted"):
        if marker in text:
            return marker
    return type(exc).__name__
