"""Every call to the network has an overall deadline, not only a timeout per read.

A server that answers one byte at a time never trips a socket timeout; before the
deadline, one such answer kept a sync busy for as long as the server liked. These tests
meet real sockets (tests/sync/trickle.py) and measure on the monotonic clock.
"""

from __future__ import annotations

import json
import math
import threading
import time

from pathlib import Path

import pytest

from kiosk.identity.keys import KeyRefused
from sync.client import (BackendClient, BackendUnavailable, CallDeadline, DeadlinePassed, DeviceCredentials,
                         deadline_session, read_within)
from tests.sync.trickle import TrickleServer

CREDS = DeviceCredentials("00000000-0000-4000-8000-000000000000", "t" * 43, "site-x")
BODY = json.dumps({"outcome": "ok", "subject": "s", "name": "n"}).encode() + b" " * 200  # 40+ s at 0.2 s a byte
TIMEOUT_S = 0.5  # the smallest backend.timeout_s the configuration accepts
DEADLINE_S = 1.5  # DEADLINE_FACTOR x TIMEOUT_S
SLACK_S = 2.0  # a shared, busy machine: the deadline plus this is the most a call may take


def _elapsed(fn) -> tuple[float, BaseException | None]:
    start = time.monotonic()
    try:
        fn()
    except BaseException as exc:  # noqa: BLE001 - the test looks at what came out
        return time.monotonic() - start, exc
    return time.monotonic() - start, None


@pytest.fixture
def trickle():
    with TrickleServer(body=BODY, interval_s=0.2) as server:
        yield server


def _client(url: str) -> BackendClient:
    return BackendClient(url, credentials=CREDS, timeout_s=TIMEOUT_S)


def _calls():
    """Every kind of call the kiosk makes to the backend, by what the resident or staff do."""
    from sync.booking_client import BookingRemote
    from sync.identity import CardKey, fetch_oidc_provider, sync_staff_verifiers
    from sync.video_rooms import request_room

    def booking(url):
        remote = BookingRemote(url, data_dir=Path("/nonexistent"), timeout_s=TIMEOUT_S)
        remote.client.credentials = CREDS
        return remote.availability("ch-1")

    return {
        "push": lambda url: _client(url).push_batch([{"id": "x", "kind": "feedback", "created_at": "", "payload": {}}]),
        "pull": lambda url: _client(url).catalogue_changes("0"),
        "heartbeat": lambda url: _client(url).heartbeat({"app_version": "0.1.0", "outbox_depth": 0}),
        "enrol": lambda url: _client(url).enrol("ABCD-EFGH-JKLM", "kiosk"),
        "card_login": lambda url: CardKey(_client(url)).login("1234567890123456", "1234"),
        "oidc_setting": lambda url: fetch_oidc_provider(_client(url)),
        "staff_verifiers": lambda url: sync_staff_verifiers(_client(url), None),
        "video_room": lambda url: request_room(_client(url), service_id="svc", language="fi"),
        "booking": booking,
    }


@pytest.mark.parametrize("call", sorted(_calls()))
def test_every_backend_call_ends_by_its_deadline(trickle, call):
    from kiosk.booking import BackendUnreachable

    took, exc = _elapsed(lambda: _calls()[call](trickle.url))
    assert took < DEADLINE_S + SLACK_S, f"{call} took {took:.1f} s with a {DEADLINE_S:g} s deadline"
    # A cut answer is never taken for a whole one (no Content-Length: the end looks like EOF).
    assert isinstance(exc, (BackendUnavailable, KeyRefused, BackendUnreachable)), repr(exc)
    assert "within 1.5 s" in str(exc) or getattr(exc, "reason", None) == "offline", str(exc)


@pytest.mark.parametrize("mode", ["body", "headers", "no_length"])
def test_every_slow_answer_ends_by_the_deadline_and_hangs_up(mode):
    """A slow body, slow status line and headers, and a body that ends only when the
    connection closes (where a cut answer would look whole: it must not be used)."""
    padded = b'{"whole": true}' + b" " * 200
    with TrickleServer(body=padded, interval_s=0.2, headers_too=mode == "headers",
                       declare_length=mode != "no_length") as server:
        took, exc = _elapsed(lambda: _client(server.url)._call("GET", "/anything"))
        assert took < DEADLINE_S + SLACK_S, f"{mode}: {took:.1f} s"
        assert isinstance(exc, BackendUnavailable) and "did not answer completely within 1.5 s" in str(exc), exc
        assert server.hung_up.wait(10), "the kiosk kept the connection open after its deadline"


def test_a_sync_with_timeout_1s_is_not_kept_busy(tmp_path, db):
    """The finding: timeout_s = 1 and one trickling answer kept one sync busy for 20 s
    (here with the smallest timeout_s, 0.5 s)."""
    from sync.enrolment import save_credentials
    from sync.worker import SyncWorker

    save_credentials(tmp_path, CREDS)
    with TrickleServer(body=BODY, interval_s=0.2) as server:
        worker = SyncWorker(db, base_url=server.url, data_dir=tmp_path, timeout_s=TIMEOUT_S, interval_s=3600)
        try:
            start = time.monotonic()
            status = worker.sync_once()
            took = time.monotonic() - start
        finally:
            worker.stop()
    assert took < DEADLINE_S + SLACK_S, f"one sync took {took:.1f} s"
    assert status.online is False and "within 1.5 s" in status.last_error


@pytest.mark.parametrize("mode", ["body", "headers"])
def test_phone_key_requests_end_by_their_deadline(mode):
    from sync.oidc import PhoneKey

    with TrickleServer(body=BODY, interval_s=0.2, headers_too=mode == "headers") as server:
        key = PhoneKey(issuer=server.url, client_id="kiosk", timeout_s=TIMEOUT_S)
        took, exc = _elapsed(key.start)
    assert took < DEADLINE_S + SLACK_S, f"the device flow request took {took:.1f} s"
    assert isinstance(exc, KeyRefused) and exc.reason == "offline"


def test_an_answer_within_the_deadline_is_read_whole():
    body = json.dumps({"fine": True}).encode()
    with TrickleServer(body=body, interval_s=0.01) as server:
        assert _client(server.url)._call("GET", "/anything") == {"fine": True}
        assert _client(server.url)._call("GET", "/again") == {"fine": True}  # a fresh connection, fresh deadline


def test_a_kept_alive_connection_is_watched_on_its_next_call():
    """The second call on a reused connection registers its socket too."""
    session = deadline_session()
    with TrickleServer(body=b"x" * 100, interval_s=0.1, declare_length=True) as server:
        for _ in range(2):
            with CallDeadline(0.5) as deadline:
                start = time.monotonic()
                with pytest.raises(DeadlinePassed):
                    with session.get(server.url, stream=True, timeout=deadline.read_timeout(5)) as resp:
                        read_within(resp, deadline, 1000)
                assert time.monotonic() - start < 0.5 + SLACK_S


def test_an_inner_deadline_never_outlasts_the_outer_one():
    with CallDeadline(1.0):
        inner = CallDeadline(100.0)
        assert inner.seconds <= 1.0


@pytest.mark.parametrize("bad", [0, -1, math.nan])
def test_a_deadline_must_be_a_positive_number(bad):
    with pytest.raises(ValueError):
        CallDeadline(bad)
    with pytest.raises(ValueError):
        BackendClient("http://127.0.0.1:9", timeout_s=bad)


def test_deadlines_are_per_thread():
    """A deadline active in one thread does not cut another thread's call."""
    results = {}
    with TrickleServer(body=b'{"ok": 1}', interval_s=0.05) as server:
        def other():
            results["other"] = _client(server.url)._call("GET", "/other")
        with CallDeadline(0.01):
            t = threading.Thread(target=other)
            t.start()
            t.join(20)
    assert results["other"] == {"ok": 1}
