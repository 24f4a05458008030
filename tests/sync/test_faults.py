"""The network misbehaves between kiosk and backend: a real fault-injecting proxy on
127.0.0.1 in front of the real backend. Nothing is lost, nothing arrives twice."""

import random
import threading
import time

import pytest

from kiosk import outbox
from kiosk.storage.models import OutboxItem
from sync.worker import next_delay
from tests.backend import free_port, server_items, some_slot
from tests.sync.faultproxy import FaultProxy


@pytest.fixture
def proxy(backend):
    p = FaultProxy(backend.url, delay_s=2.5)
    yield p
    p.close()


def _record_some(db, backend, site, n=3):
    slot = some_slot(backend, site)
    ids = []
    with db.sessions.begin() as s:
        ids.append(outbox.record(s, "booking", {"slot_id": slot.id, "service_id": slot.service_id}).id)
        for k in range(n - 1):
            ids.append(outbox.record(s, "feedback", {"service_id": slot.service_id, "smiley": 1 + k % 4}).id)
    return ids


def _assert_exactly_once(db, backend, site, ids):
    stored = [i.id for i in server_items(backend, site_id=site)]
    assert sorted(stored) == sorted(ids)  # each once, none missing, none extra
    with db.sessions() as s:
        assert {s.get(OutboxItem, i).state for i in ids} == {"delivered"}


def test_server_down_keeps_items_and_delivers_later(db, backend, site, make_worker):
    ids = _record_some(db, backend, site)
    dead = make_worker(url=f"http://127.0.0.1:{free_port()}")
    status = dead.sync_once()
    assert status.online is False and "cannot reach the backend" in status.last_error
    assert status.pending == 3
    # The worker above already enrolled? No: enrolment itself needs the backend.
    assert not status.enrolled
    status = make_worker().sync_once()
    assert status.last_error is None and status.pending == 0
    _assert_exactly_once(db, backend, site, ids)


@pytest.mark.parametrize("fault,message", [
    ("http_500", "internal problem (HTTP 500)"),
    ("delay", "did not answer within"),
    ("reset_mid_response", "connection"),
    ("drop_after_commit", "connection"),
    ("malformed_json", "not valid JSON"),
    ("wrong_schema", "does not follow the protocol"),
    ("huge", "too large"),
    ("huge_declared", "too large"),
])
def test_push_survives_fault_and_delivers_exactly_once(db, backend, site, make_worker, proxy, fault, message):
    ids = _record_some(db, backend, site)
    worker = make_worker(url=proxy.url, timeout_s=1.0)
    assert worker.sync_once().last_error is None  # enrol and a first clean round trip
    with db.sessions.begin() as s:
        ids.append(outbox.record(s, "staff_audit", {"staff_id": "p", "event": fault}).id)
    proxy.fail("/api/v1/outbox", fault)
    status = worker.sync_once()
    assert status.last_error and message.lower() in status.last_error.lower()
    assert status.pending == 1  # nothing marked delivered on a failed exchange
    status = worker.sync_once()
    assert status.last_error is None and status.pending == 0
    _assert_exactly_once(db, backend, site, ids)


def test_response_lost_after_commit_is_answered_duplicate_on_retry(db, backend, site, make_worker, proxy):
    worker = make_worker(url=proxy.url)
    worker.sync_once()
    ids = _record_some(db, backend, site)
    proxy.fail("/api/v1/outbox", "drop_after_commit")
    worker.sync_once()
    worker.sync_once()
    pushes = [entry for entry in proxy.log if entry[0] == "/api/v1/outbox"]
    import json
    first, retry = json.loads(pushes[-2][3]), json.loads(pushes[-1][3])
    assert {r["status"] for r in first["results"]} == {"accepted"}
    assert {r["status"] for r in retry["results"]} == {"duplicate"}
    _assert_exactly_once(db, backend, site, ids)
    from sqlalchemy import select
    from sync.server.models import Slot
    slot = some_slot(backend, site)
    with backend.sessions() as s:
        assert s.get(Slot, (site, slot.id)).booked == 1  # the retried booking did not take a second place


def test_429_retry_after_is_honoured_by_the_running_worker(db, backend, site, make_worker, proxy):
    _record_some(db, backend, site)
    statuses = []
    seen = threading.Event()

    def on_status(st):
        statuses.append(st)
        if st.next_attempt_in_s is not None:
            seen.set()

    proxy.fail("/api/v1/outbox", "http_429")
    worker = make_worker(url=proxy.url, on_status=on_status, backoff_base_s=0.01)
    worker.start()
    assert seen.wait(20)
    failed = [s for s in statuses if s.last_error and "slow down" in s.last_error]
    assert failed
    assert statuses[-1].next_attempt_in_s >= 7  # Retry-After, although the backoff alone is 10 ms
    started = time.monotonic()
    worker.stop()
    assert time.monotonic() - started < 5  # stop() does not sit out the wait
    assert worker._thread is None


def test_sync_now_wakes_the_worker_before_the_schedule(db, backend, site, make_worker):
    waiting, done = threading.Event(), threading.Event()

    def on_status(st) -> None:
        if st.next_attempt_in_s is not None:  # a round has ended: the worker now waits its hour
            waiting.set()
        if st.pushed:
            done.set()

    worker = make_worker(interval_s=3600, on_status=on_status)
    worker.start()
    assert waiting.wait(20)  # the first sync (nothing to push yet) is over, not just hoped to be
    _record_some(db, backend, site, n=2)
    worker.sync_now()
    assert done.wait(20)


def test_backoff_grows_exponentially_with_jitter_and_a_cap():
    rng = random.Random(1)
    delays = [next_delay(n, None, base_s=1, cap_s=60, interval_s=30, rng=rng) for n in range(1, 10)]
    assert 0.5 <= delays[0] <= 1 and 1 <= delays[1] <= 2 and 2 <= delays[2] <= 4
    assert all(30 <= d <= 60 for d in delays[6:])
    assert len({round(d, 6) for d in delays}) == len(delays)  # jittered, not lock-step
    assert next_delay(0, None, base_s=1, cap_s=60, interval_s=30, rng=rng) == 30
    assert next_delay(1, 120, base_s=1, cap_s=60, interval_s=30, rng=rng) == 120
