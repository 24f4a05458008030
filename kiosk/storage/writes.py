"""The kiosk's SQLite writes are made by one thread, one after another.

The application's runner (``ui/background.py``) installs its database thread here. Work
that runs elsewhere and ends in a write (a booking stored after the backend answered, the
staff PIN check's lockout and audit rows, a vote or an idea) hands the write over with
``on_db_thread(write)`` and waits for it: its network call or slow hash stays on its own
thread, and the write takes its turn behind the queue numbers and the nurse's desk, in the
order asked (Home Assistant's recorder keeps one database thread the same way).

Without an installed thread (the core's own tests, command-line tools, start-up before the
runner exists) a write runs where it is asked. A write asked on the database thread itself
runs at once (waiting for its own thread would never end). Code running on the database
thread must therefore never wait for a lock that a caller of ``on_db_thread`` may hold (the
booking desk's lock: desk methods are not called on the database thread).
"""

from __future__ import annotations

import threading
from concurrent.futures import Executor
from typing import Callable, TypeVar

T = TypeVar("T")

# ThreadPoolExecutor names its threads "<prefix>_<n>" (ui/background.py uses this prefix).
DB_THREAD_PREFIX = "kiosk-db"

# The installed database threads, newest last: the newest is the one used. A second runner
# (a tool, a test's own) that starts and stops must give the thread back to the one before
# it, not leave every later write to run where it is asked.
_installed: list[Executor] = []
_lock = threading.Lock()


def install(executor: Executor) -> None:
    """The application's database thread (a single-worker executor named ``kiosk-db``)."""
    with _lock:
        if executor in _installed:
            _installed.remove(executor)
        _installed.append(executor)


def uninstall(executor: Executor) -> None:
    """Forget ``executor`` (a runner shutting down); the one installed before it is used again."""
    with _lock:
        if executor in _installed:
            _installed.remove(executor)


def _current() -> Executor | None:
    with _lock:
        return _installed[-1] if _installed else None


def on_database_thread() -> bool:
    return threading.current_thread().name.startswith(DB_THREAD_PREFIX)


def on_db_thread(write: Callable[[], T]) -> T:
    """Run ``write`` on the database thread and return its result (or raise its error)."""
    executor = _current()
    if executor is None or on_database_thread():
        return write()
    try:
        future = executor.submit(write)
    except RuntimeError:
        # Shut down (the kiosk is quitting) after the call began: the write the person is
        # about to be told about must still land, so it is made here.
        return write()
    return future.result()
