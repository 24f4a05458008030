"""Python's cyclic garbage collector runs on the GUI thread, never on a worker's.

CPython starts a collection on whichever thread happens to allocate past the threshold:
the runner's database or network threads, the sync worker. A Qt object that Python owns
(a window without a parent, a widget taken out with ``setParent(None)``, a parentless
timer) and that sits in a reference cycle is then destroyed on that thread, and a
``QWidget`` destroyed off the GUI thread corrupts Qt's state: it hangs waiting for the
GUI thread (seen here: ``~QWidget`` -> ``QWindow::close`` ->
``flushWindowSystemEvents``) or frees memory the GUI thread is using (the rare
"Fatal Python error" / heap corruption of the GUI tests). Anki does the same for the same
reason (``aqt.GarbageCollector``): automatic collection off, and a GUI-thread timer that
collects the generations Python would have collected by now, with Python's own thresholds.
"""

from __future__ import annotations

import gc
import threading

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QTimer

CHECK_EVERY_MS = 250  # a young collection takes well under 2 ms (docs/benchmarks.md)

_installed: "GuiThreadCollector | None" = None


class GuiThreadCollector(QObject):
    """Automatic collection off; ``collect_due()`` on the GUI thread does what Python would."""

    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)  # lives as long as the application
        self.setObjectName("gui-thread-collector")
        self.thresholds = gc.get_threshold()
        self.timer = QTimer(self)
        self.timer.setInterval(CHECK_EVERY_MS)
        self.timer.timeout.connect(self.collect_due)
        self.timer.start()
        gc.disable()

    def collect_due(self) -> int | None:
        """The generation Python's own rule would collect now (None if none), collected here."""
        counts, limits = gc.get_count(), self.thresholds
        if not limits[0] or counts[0] < limits[0]:
            return None
        generation = 0
        while generation < 2 and counts[generation + 1] >= limits[generation + 1]:
            generation += 1
        gc.collect(generation)
        return generation


def collect_on_gui_thread(app: QCoreApplication | None = None) -> GuiThreadCollector | None:
    """Install the GUI-thread collector for the application (once; later calls return it).
    Does nothing without an application or off the main thread."""
    global _installed
    app = app or QCoreApplication.instance()
    if app is None or threading.current_thread() is not threading.main_thread():
        return None
    if _installed is not None and shiboken6.isValid(_installed) and _installed.parent() is app:
        gc.disable()  # in case something turned it back on
        return _installed
    _installed = GuiThreadCollector(app)
    return _installed


def installed() -> GuiThreadCollector | None:
    return _installed
