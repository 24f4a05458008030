"""The sync thread outlives a round that fails in a way nobody foresaw: the status
says what went wrong (never "syncing" for ever) and the next round runs.

The worker's own loop (``_run``, what its thread runs) is driven here on the test's
thread, each pause cut short through ``sync_now()``: no timed waits, so the test also
runs under libfaketime."""

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

    def on_status(st):
        seen.append(st)
        if st.next_attempt_in_s is not None and not st.syncing:  # a round ended and the next is scheduled
            if len(calls) >= 2:
                worker._stopping.set()
            worker.sync_now()  # do not wait for the schedule

    worker = SyncWorker(db, base_url="http://127.0.0.1:9", data_dir=tmp_path, pull_catalogue=False,
                        interval_s=3600, timeout_s=2.0, on_status=on_status)
    worker.client.credentials = DeviceCredentials(device_id="d1", token="t", site="demo-site")
    try:
        worker._run()  # returns only when stopped: an exception escaping a round would end it here
    finally:
        worker.stop()
    assert len(calls) == 2  # the round after the failure ran
    failed = next(i for i, st in enumerate(seen) if st.last_error and "Invalid timeout nan" in st.last_error)
    assert "unexpected error in sync" in seen[failed].last_error
    assert not seen[failed].syncing or any(not st.syncing for st in seen[failed:])  # not "syncing" for ever
    assert "Invalid timeout nan" not in (worker.status.last_error or "")  # the second round's own outcome
