"""The resident touch interface (PySide6 Qt Widgets)."""

# Before any screen or bridge emits a signal: PySide6 6.12 leaks a reference to True per
# emit, which aborts a long-running kiosk (see ui/refcount_guard.py). The guard waits for
# QtCore's import, so that importing ``ui`` does not load Qt ahead of the kiosk's core.
from ui.refcount_guard import guard_when_qt_loads as _guard_when_qt_loads

_guard_when_qt_loads()
