"""The one place background work runs, app-wide.

Two kinds of work leave the GUI thread (Anki's ``CollectionOp``/``QueryOp``, Home
Assistant's recorder thread):

- **database work** (``BackgroundCalls.db``): one worker thread, so SQLite writes of
  the kiosk happen one after another in the order they were asked for; work on the other
  threads hands its writes to it (``kiosk.storage.writes.on_db_thread``, installed here);
- **blocking calls** (``BackgroundCalls.run``): network, printer, on a small pool;
- **speech** (``BackgroundCalls.speech``): one thread of its own, so a long sentence never
  holds a network thread and utterances never overlap (kiosk/speech.py interrupts it).

The threads belong to one ``AppRunner`` per application, shut down when the
application quits (``aboutToQuit``). A screen holds a ``BackgroundCalls`` handle, a
QObject that is its child: results come back on the GUI thread through a queued
signal, and a handle that died with its screen simply drops late results.

Work functions never touch widgets: they take plain values and return plain values;
``done(result, error)`` runs on the GUI thread. A failure nobody handles (no ``done``)
is logged and reported to the application's failure reporter (the window shows it).
"""

from __future__ import annotations

import itertools
import logging
import threading
import weakref
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Callable

import shiboken6
from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

from kiosk.storage import writes
from ui.collector import collect_on_gui_thread

log = logging.getLogger(__name__)

Done = Callable[[Any, "BaseException | None"], None]

NETWORK_WORKERS = 3


class AppRunner:
    """The application's background threads: one for the database, a few for the network."""

    def __init__(self, *, network_workers: int = NETWORK_WORKERS) -> None:
        self._db = ThreadPoolExecutor(max_workers=1, thread_name_prefix=writes.DB_THREAD_PREFIX)
        self._network = ThreadPoolExecutor(max_workers=network_workers, thread_name_prefix="kiosk-net")
        self._speech = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kiosk-speech")
        self._pending = 0
        self._pending_db = 0
        self._lock = threading.Lock()
        self._closed = False
        # Told about failures that no ``done`` handles; the window shows a message.
        self.report_failure: Callable[[BaseException], None] | None = None
        # Writes asked on other threads (a booking after the backend's answer) come here.
        writes.install(self._db)

    @property
    def pending(self) -> int:
        """Jobs submitted whose result has not been handed back yet (tests wait on 0)."""
        return self._pending

    def idle(self) -> bool:
        return self._pending == 0

    def db_idle(self) -> bool:
        """No database work waiting or running, and every such result handed back."""
        return self._pending_db == 0

    def _submit(self, pool: ThreadPoolExecutor, job: Callable[[], None]) -> bool:
        is_db = pool is self._db
        with self._lock:
            if self._closed:
                return False
            self._pending += 1
            self._pending_db += is_db
        try:
            pool.submit(job)
        except RuntimeError:  # shut down between the check and the submit
            self.settled(is_db)
            return False
        return True

    def hold(self, is_db: bool = False) -> bool:
        """Count a job that will be submitted a little later as pending already (so that
        ``db_idle`` waits for it); False when the runner is shut down. Settled with
        ``settled`` when it is submitted or dropped."""
        with self._lock:
            if self._closed:
                return False
            self._pending += 1
            self._pending_db += is_db
        return True

    def settled(self, is_db: bool = False) -> None:
        with self._lock:
            self._pending = max(0, self._pending - 1)
            self._pending_db = max(0, self._pending_db - is_db)

    def shutdown(self, wait: bool = True) -> None:
        """Stop taking work; let the database thread finish what it holds (a write the
        person was told about must land), drop network calls not yet started."""
        with self._lock:
            self._closed = True
        self._network.shutdown(wait=False, cancel_futures=True)
        self._speech.shutdown(wait=False, cancel_futures=True)
        self._db.shutdown(wait=wait)
        writes.uninstall(self._db)  # a write asked from now on runs where it is asked

    @property
    def closed(self) -> bool:
        return self._closed


_app_runner: AppRunner | None = None


def app_runner() -> AppRunner:
    """The application's runner, made on first use and shut down at ``aboutToQuit``."""
    global _app_runner
    if _app_runner is None or _app_runner.closed:
        _app_runner = AppRunner()
        from PySide6.QtCore import QCoreApplication
        app = QCoreApplication.instance()
        if app is not None:
            runner = _app_runner
            app.aboutToQuit.connect(lambda: runner.shutdown(wait=True))
            # The runner's threads must never be the ones a garbage cycle of Qt objects is
            # freed on (ui/collector.py).
            collect_on_gui_thread(app)
    return _app_runner


def set_app_runner(runner: AppRunner | None) -> AppRunner | None:
    """Install the runner main() built (or None); returns the previous one."""
    global _app_runner
    previous, _app_runner = _app_runner, runner
    return previous


_job_ids = itertools.count()


class _Relay(QObject):
    """Carries results from the pools to the GUI thread. Workers emit on this object, which
    lives as long as the process, never on a screen's handle: a handle can be deleted on the
    GUI thread while a worker emits on it, and PySide then crashes instead of raising
    (seen as a segfault in the fresh-clone run).

    A result travels as a parcel the worker leaves here and the GUI thread takes: the signal
    carries only the job's number. So the last references to ``done``, ``work`` and the
    result (closures that may hold a screen or a window Python owns) are dropped on the GUI
    thread; a pool thread letting go of them last would delete Qt objects on that thread."""

    finished = Signal(object)  # the job number (an int may pass 2**31 in a long run)

    def __init__(self) -> None:
        super().__init__()
        self._parcels: dict[int, tuple] = {}
        self._lock = threading.Lock()
        self.finished.connect(self._deliver)

    def leave(self, job_id: int, parcel: tuple) -> None:
        with self._lock:
            self._parcels[job_id] = parcel

    def take(self, job_id: int) -> tuple | None:
        with self._lock:
            return self._parcels.pop(job_id, None)

    def _deliver(self, job_id: int) -> None:
        parcel = self.take(job_id)
        if parcel is None:
            return
        handle_ref, args = parcel
        handle = handle_ref()
        # A handle that is gone had its undelivered jobs settled when it was destroyed.
        if handle is not None and shiboken6.isValid(handle):
            handle._deliver(*args)


_relay: _Relay | None = None


def _the_relay() -> _Relay:
    global _relay
    if _relay is None:   # made on the GUI thread, by the first handle
        _relay = _Relay()
    return _relay


class BackgroundCalls(QObject):
    """A screen's handle on the app's runner: work off the GUI thread, ``done`` back on it."""

    def __init__(self, parent: QObject | None = None, *, runner: AppRunner | None = None) -> None:
        super().__init__(parent)
        self.runner = runner or app_runner()
        self._relay = _the_relay()
        self._self_ref = weakref.ref(self)
        # Jobs whose result is not handed back yet (id -> is_db). A result queued to a handle
        # that is then deleted with its screen is never delivered: Qt drops the event. Those
        # jobs are settled when the handle goes, or the runner would wait on them for ever
        # (``db_idle``, which tests and the flow benchmark wait on).
        undelivered: dict[int, bool] = {}
        lock = threading.Lock()
        self._undelivered, self._undelivered_lock = undelivered, lock
        runner_ = self.runner

        def settle_undelivered(*_args) -> None:
            with lock:
                left = list(undelivered.values())
                undelivered.clear()
            for is_db in left:
                runner_.settled(is_db)
        self.destroyed.connect(settle_undelivered)

    def run(self, work: Callable[[], Any], done: Done | None = None) -> bool:
        """Blocking calls (network, printer) on the network pool."""
        return self._start(self.runner._network, work, done)

    def speech(self, work: Callable[[], Any], done: Done | None = None) -> bool:
        """Speaking (a process that lasts as long as the sentence) on the speech thread."""
        return self._start(self.runner._speech, work, done)

    def db(self, work: Callable[[], Any], done: Done | None = None) -> bool:
        """Database work, reads and writes, on the one database thread, in order."""
        return self._start(self.runner._db, work, done)

    def db_after_paint(self, widget: QWidget, work: Callable[[], Any], done: Done | None = None) -> bool:
        """``db``, submitted once ``widget`` has been painted (or after ``PAINT_WAIT_MS`` if it
        is not). Work on the database thread runs Python, and the GUI thread needs the GIL
        at every Python call of its paint (event filters, paint events, heights for widths):
        a read started with a screen's switch ran interleaved with that screen's first paint
        and the paint waited for it (take_a_queue_number: 8-9 ms of the database thread's
        CPU in the GUI's longest stall, wall twice the GUI's own CPU; docs/benchmarks.md).
        Counted as pending at once: ``db_idle`` waits for it as for any database work."""
        runner = self.runner
        if not runner.hold(True):
            return False
        state = {"held": True}

        def release() -> bool:
            if not state["held"]:
                return False
            state["held"] = False
            runner.settled(True)
            return True

        watch = _AfterPaint(widget, self)
        # A handle gone with its screen meanwhile takes the watch with it: nothing to read for.
        watch.destroyed.connect(lambda *_: release())

        def submit() -> None:
            if release():
                watch.stop()
                watch.deleteLater()
                self.db(work, done)
        watch.painted.connect(submit)
        QTimer.singleShot(self.PAINT_WAIT_MS, watch, submit)
        return True

    PAINT_WAIT_MS = 50  # a widget that is not painted (hidden, covered) does not hold its read longer

    def _start(self, pool: ThreadPoolExecutor, work: Callable[[], Any], done: Done | None) -> bool:
        is_db = pool is self.runner._db
        undelivered, lock, runner = self._undelivered, self._undelivered_lock, self.runner
        relay, handle_ref = self._relay, self._self_ref
        with lock:
            job_id = next(_job_ids)
            undelivered[job_id] = is_db

        held = [work, done]  # taken by the job: the pool's thread keeps no reference to them

        def job() -> None:
            work_, done_ = held
            held.clear()
            try:
                result, error = work_(), None
            except BaseException as exc:  # handed to the GUI thread, never lost
                result, error = None, exc
            relay.leave(job_id, (handle_ref, (done_, result, error, (work_, is_db, job_id))))
            del work_, done_, result, error
            try:
                relay.finished.emit(job_id)
            except RuntimeError:  # the relay is gone (interpreter shutdown): nobody to tell
                relay.take(job_id)
                with lock:
                    mine = undelivered.pop(job_id, None) is not None
                if mine:
                    runner.settled(is_db)
        if not runner._submit(pool, job):
            with lock:
                undelivered.pop(job_id, None)
            return False
        return True

    def _deliver(self, done: Done | None, result: Any, error: BaseException | None, origin) -> None:
        work, is_db, job_id = origin
        with self._undelivered_lock:
            if self._undelivered.pop(job_id, None) is None:
                return  # settled already
        try:
            if done is not None:
                done(result, error)
            elif error is not None:
                self._report(error, work)
        except Exception as exc:  # a failing callback is reported like failing work
            self._report(exc, done)
        finally:
            self.runner.settled(is_db)

    def _report(self, error: BaseException, where) -> None:
        log.error("background work %s failed", getattr(where, "__qualname__", where),
                  exc_info=(type(error), error, error.__traceback__))
        if self.runner.report_failure is not None:
            self.runner.report_failure(error)

    def shutdown(self) -> None:
        """Kept for callers of the old per-screen pool: the app's runner outlives screens."""


class _AfterPaint(QObject):
    """Tells ``painted`` in the turn after ``widget``'s next paint, once (an event filter on
    that widget only, not on the application: ui/input_tap.py)."""

    painted = Signal()

    def __init__(self, widget: QWidget, parent: QObject) -> None:
        super().__init__(parent)
        self._widget = widget
        widget.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:   # noqa: N802 (Qt's name)
        if event.type() == QEvent.Type.Paint:
            self.stop()
            # Started during the paint, the zero timer fires after it, behind the timers
            # already due: the frame is drawn and shown first.
            QTimer.singleShot(0, self, self.painted.emit)
        return False

    def stop(self) -> None:
        if self._widget is not None and shiboken6.isValid(self._widget):
            self._widget.removeEventFilter(self)
        self._widget = None


class OnGuiThread(QObject):
    """A plain callback safe to call from any thread: it runs ``callback(*args)`` on the GUI
    thread (directly when called there). For core listeners (``WalkInQueue.subscribe``)
    whose events now come from the database thread. Once the owner is gone, calls are dropped."""

    _call = Signal(object)

    def __init__(self, owner: QObject, callback: Callable[..., None]) -> None:
        super().__init__(owner)
        self._call.connect(lambda args: callback(*args))

    def __call__(self, *args) -> None:
        try:
            self._call.emit(args)
        except RuntimeError:  # the owner (a closed screen) is gone
            pass
