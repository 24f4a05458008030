"""Keeps PySide6 6.12's reference-count leaks from crashing a kiosk that runs for weeks.

PySide6 6.12.0 returns ``True`` from ``SignalInstance.emit()`` without taking a reference
to it, and ``QCoreApplication.processEvents()`` / ``QTest.qWait()`` do the same with
``None``. Every emit therefore takes one reference away from ``True``. A fresh process
holds about 600, so after some hundreds of emits (sync statuses, button clicks, the
background runner's results) the interpreter frees ``True`` itself and aborts with
``Fatal Python error: bool_dealloc`` (benchmarks/sync_drain.py at 50,000 items did, at
shutdown). No code of ours can stop the bindings from dropping those references, and
there are emits in every screen, so instead the three singletons get a reserve of 2**40
extra references at start: the same thing Python 3.12 does for them ("immortal
objects"). At one leaked reference per emit the reserve outlasts any kiosk.

The reserve is only added when a probe shows the leak, so a fixed PySide6 changes nothing.
"""

from __future__ import annotations

import ctypes
import sys

_RESERVE = 1 << 40
_guarded = False


def emit_leaks_true() -> bool:
    """True when ``Signal.emit()`` drops a reference to ``True`` (measured, not assumed)."""
    from PySide6.QtCore import QObject, Signal

    class _Probe(QObject):
        fired = Signal()

    probe = _Probe()
    before = sys.getrefcount(True)
    for _ in range(8):
        probe.fired.emit()
    return sys.getrefcount(True) < before


def guard_singletons() -> bool:
    """Give True, False and None their reserve if this PySide6 leaks; returns whether it did."""
    global _guarded
    if _guarded:
        return True
    if sys.version_info >= (3, 12) or not emit_leaks_true():
        return False  # 3.12+: these objects are immortal already
    for obj in (True, False, None):
        # ob_refcnt is the first field of every object in CPython 3.11.
        ctypes.c_ssize_t.from_address(id(obj)).value += _RESERVE
    _guarded = True
    return True


_QT_CORE = "PySide6.QtCore"


class _GuardOnLoad:  # an importlib Loader (importlib.abc would import importlib.resources here)
    """Runs QtCore's own loader, then the guard: no signal can exist before QtCore does."""

    def __init__(self, loader) -> None:
        self._loader = loader

    def create_module(self, spec):
        return self._loader.create_module(spec)

    def exec_module(self, module) -> None:
        self._loader.exec_module(module)
        module.__loader__ = module.__spec__.loader = self._loader  # the module looks as if we were never here
        guard_singletons()


class _WatchForQtCore:  # a meta path finder
    def find_spec(self, fullname, path, target=None):
        if fullname != _QT_CORE:
            return None
        sys.meta_path.remove(self)  # once is enough
        for finder in sys.meta_path:
            spec = finder.find_spec(fullname, path, target) if hasattr(finder, "find_spec") else None
            if spec is not None:
                if spec.loader is not None:
                    spec.loader = _GuardOnLoad(spec.loader)
                return spec
        return None


def guard_when_qt_loads() -> None:
    """The guard as soon as PySide6's QtCore is imported, not before.

    Importing ``ui`` must not import Qt itself: once shiboken is loaded, it reads the source
    of every module imported after it (looking for "PySide6", its ``__feature__`` switch),
    and keeps those lines in ``linecache``. The kiosk's start imports SQLAlchemy and its own
    core before Qt; read behind Qt that cost about 250 ms CPU and 20 MB at start."""
    if _QT_CORE in sys.modules:
        guard_singletons()
    elif not any(isinstance(f, _WatchForQtCore) for f in sys.meta_path):
        sys.meta_path.insert(0, _WatchForQtCore())
