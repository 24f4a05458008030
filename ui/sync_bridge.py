"""Hands the sync worker's plain callbacks to the GUI thread as a Qt signal.

The worker (sync/worker.py) runs in its own thread and knows nothing of Qt; it calls
``bridge.on_status(status)``. The signal is emitted from that thread, so Qt queues it
to receivers living in the GUI thread: slots never run on the worker's thread.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Signal

# The sync thread and the GUI thread share one interpreter. With Python's default 5 ms
# switch interval a busy sync thread makes the GUI wait up to that long at every
# hand-over, several times per frame; 1 ms keeps the longest GUI stall during a
# 10,000-item drain within a frame (benchmarks/sync_drain.py, docs/benchmarks.md).
GUI_SWITCH_INTERVAL_S = 0.001


class SyncBridge(QObject):
    status_changed = Signal(object)  # sync.worker.SyncStatus

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.last_status = None
        if sys.getswitchinterval() > GUI_SWITCH_INTERVAL_S:
            sys.setswitchinterval(GUI_SWITCH_INTERVAL_S)

    def on_status(self, status) -> None:
        """Pass as ``SyncWorker(on_status=bridge.on_status)``; safe from any thread."""
        self.last_status = status
        self.status_changed.emit(status)
