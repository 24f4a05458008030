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
import linecache
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


# Shiboken's look at every imported module, without keeping the module's lines.
# Once PySide6 is loaded, its ``__feature__`` support checks each module imported after it
# for the word "PySide6" (a module that uses PySide may switch features such as
# ``snake_case``). It does so with ``inspect.getsource(module)``, which leaves every line of
# every such file in ``linecache`` for the life of the process: at an idle kiosk some 300
# files, 1.6 million characters, 45,000 string objects (the standard library, Babel, our
# screens), and the reading costs start-up CPU. Clearing ``linecache`` afterwards gives
# little back: the lines are spread over Python's memory pools between objects that stay.
#
# ``read_sources_uncached()`` replaces that check with one that gives the same answer
# from the file's bytes, read once and dropped. A module without a plain source file (a
# zip import, a frozen module) goes to shiboken's own check, and its lines are dropped from
# ``linecache`` again when they were not there before. A PySide6 without the check (a
# newer one) is left as it is.


_MARK = b"PySide6"
_installed = False  # read_sources_uncached() done


def _source_path(module) -> str | None:
    """The module's own ``.py`` file when a plain source loader made it, else None."""
    from importlib.machinery import SourceFileLoader

    spec = getattr(module, "__spec__", None)
    path = getattr(module, "__file__", None)
    if spec is None or not isinstance(spec.loader, SourceFileLoader) or not isinstance(path, str):
        return None
    return path if path.endswith(".py") else None


def read_sources_uncached() -> bool:
    """Install the uncached check; True when shiboken's check was found and replaced."""
    global _installed
    if _installed:
        return True
    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if original is None:
        return False

    def mod_uses_pyside(module) -> bool:
        path = _source_path(module)
        if path is not None:
            try:
                with open(path, "rb") as f:
                    return _MARK in f.read()
            except OSError:
                return False  # as shiboken's check: no source, no PySide use
        name = getattr(module, "__file__", None)
        had_lines = isinstance(name, str) and name in linecache.cache
        try:
            return original(module)
        finally:
            if isinstance(name, str) and not had_lines:
                linecache.cache.pop(name, None)

    feature._mod_uses_pyside = mod_uses_pyside
    _installed = True
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
        read_sources_uncached()


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
    core before Qt; read behind Qt that cost about 250 ms CPU and 20 MB at start. What is
    imported after Qt all the same (Babel, the screens) is checked without keeping its
    lines (``read_sources_uncached``), from the moment QtCore is loaded."""
    if _QT_CORE in sys.modules:
        guard_singletons()
        read_sources_uncached()
    elif not any(isinstance(f, _WatchForQtCore) for f in sys.meta_path):
        sys.meta_path.insert(0, _WatchForQtCore())
