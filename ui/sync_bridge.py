"""Hands the sync worker's plain callbacks to the GUI thread as a Qt signal.

The worker (sync/worker.py) runs in its own thread and knows nothing of Qt; it calls
``bridge.on_status(status)``. The signal is emitted from that thread, so Qt queues it
to receivers living in the GUI thread: slots never run on the worker's thread.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

# The sync thread shares the interpreter with the GUI thread: the switch interval that keeps
# the GUI's waits short is set once on the start path (ui/app.py set_gui_switch_interval).


class SyncBridge(QObject):
    status_changed = Signal(object)  # sync.worker.SyncStatus

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.last_status = None

    def on_status(self, status) -> None:
        """Pass as ``SyncWorker(on_status=bridge.on_status)``; safe from any thread."""
        self.last_status = status
        self.status_changed.emit(status)
