"""The resident touch interface (PySide6 Qt Widgets)."""

# Before any screen or bridge emits a signal: PySide6 6.12 leaks a reference to True per
# emit, which aborts a long-running kiosk (see ui/refcount_guard.py).
from ui.refcount_guard import guard_singletons as _guard_singletons

_guard_singletons()
