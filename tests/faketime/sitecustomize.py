"""Loaded by every Python process of a test run under libfaketime (tests/conftest.py puts
this folder on PYTHONPATH): the test process, the reference backend, helper processes.

Such a run keeps CLOCK_MONOTONIC real, because libfaketime 0.9.10 fakes it otherwise
and Python's timed waits (Event.wait, Lock.acquire(timeout=), queue.get(timeout=))
then never return. But with a real monotonic clock libfaketime turns the absolute
monotonic deadline of Python's time.sleep (clock_nanosleep TIMER_ABSTIME) into an
invalid one, and time.sleep fails with EINVAL. So here time.sleep waits in select(),
whose timeout is relative and passes libfaketime unchanged. Nothing else is touched.
"""

import os

if os.environ.get("FAKETIME") and os.environ.get("FAKETIME_DONT_FAKE_MONOTONIC") == "1":
    import select
    import time

    def _sleep(seconds: float) -> None:
        if seconds < 0:
            raise ValueError("sleep length must be non-negative")
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            select.select([], [], [], left)

    _sleep.__doc__ = time.sleep.__doc__
    time.sleep = _sleep
