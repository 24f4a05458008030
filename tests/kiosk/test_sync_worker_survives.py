"""The sync thread outlives a round that fails in a way nobody foresaw: the status
says what went wrong (never "syncing" for ever) and the next round runs."""

import threading

from kiosk import outbox
from sync.client import DeviceCredentials
from sync.worker import SyncWorker


def test_an_unexpected_error_in_a_round_is_reported_and_the_next_round_runs(db, tmp_path, monkeypatch):
    calls = []
    real = outbox.pending_for_sending

    def breaks_once(*args, **kw):
        calls.append(1)
        if len(calls) == 1:
            raise ValueError("Invalid timeout nan")  # e.g. what a nan timeout raises deep in the HTTP stack
        return real(*args, **kw)

    monkeypatch.setattr(outbox, "pending_for_sending", breaks_once)
    seen = []
    changed = threading.Condition()

    def on_status(st):
        with changed:
            seen.append(st)
            changed.notify_all()

    worker = SyncWorker(db, base_url="http://127.0.0.1:9", data_dir=tmp_path, pull_catalogue=False,
                        interval_s=3600, backoff_base_s=0.01, backoff_cap_s=0.02, timeout_s=2.0, on_status=on_status)
    worker.client.credentials = DeviceCredentials(device_id="d1", token="t", site="demo-site")
    try:
        worker.start()
        with changed:
            assert changed.wait_for(lambda: len(calls) >= 2 and not seen[-1].syncing
                                    and seen[-1].next_attempt_in_s is not None, timeout=30)
        first_failure = next(st for st in seen if st.last_error and "Invalid timeout nan" in st.last_error)
        assert "unexpected" in first_failure.last_error
        after = seen[seen.index(first_failure):]
        assert any(not st.syncing for st in after)  # the round ended: not "syncing" for ever
        assert worker._thread is not None and worker._thread.is_alive()
        assert "Invalid timeout nan" not in worker.status.last_error  # the second round's own outcome
    finally:
        worker.stop()
