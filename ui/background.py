"""The one place background work runs: blocking calls (network, printer, speech)
off the GUI thread, with the callback handed back on the GUI thread."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Any, Callable

from PySide6.QtCore import QObject, Signal


class BackgroundCalls(QObject):
    """Runs blocking work off the GUI thread; the callback runs on the GUI thread."""

    _finished = Signal(object, object, object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="login")
        self._finished.connect(lambda cb, result, error: cb(result, error))

    def run(self, work: Callable[[], Any], done: Callable[[Any, BaseException | None], None]) -> None:
        def job() -> None:
            try:
                result, error = work(), None
            except BaseException as exc:  # handed to the GUI thread, never lost
                result, error = None, exc
            self._finished.emit(done, result, error)
        self._pool.submit(job)

    def shutdown(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
