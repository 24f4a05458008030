"""A guard for GUI tests: the GUI thread must not open a network connection or write SQLite,
and the runner's other threads must not write SQLite either: the kiosk's writes are made by
the one database thread (``kiosk-db``), one after another in the order they were asked for.

Active for tests/ui and tests/video (their conftest's autouse fixture). It fails a test in
which the main (GUI) thread, while running kiosk UI code, connects a socket (HTTP, a
datagram to systemd) or sends an INSERT/UPDATE/DELETE through SQLAlchemy. "Running UI
code" means a frame of the ``ui`` package is on the stack: the test body itself may set
up data directly (``queue.take_number`` in a test is the test's own business), but a
click that makes a screen write on the GUI thread is caught.

A write from one of the runner's network or speech threads (``kiosk-net-*``,
``kiosk-speech``) is a violation wherever it comes from: the work there hands its writes to
the database thread (``kiosk.storage.writes.on_db_thread``). The sync worker's own thread
writes the outbox's delivery states by design and is not counted.

Not counted as UI code: ``ui/services.py`` and ``ui/app.py`` (the composition root and
start-up run before the event loop: the demo import and the catalogue load happen
there, with no window yet) and ``ui/screenshots.py`` (a tool that drives the kiosk
like a test does). Reads are allowed: a screen's first paint reads the in-memory
catalogue, and the few SQLite reads left on the GUI thread are listed in
docs/architecture.md.
"""

from __future__ import annotations

import socket
import sys
import threading
from contextlib import contextmanager
from pathlib import Path

UI_DIR = (Path(__file__).resolve().parent.parent / "ui").as_posix() + "/"
NOT_GUI_CODE = ("services.py", "app.py", "screenshots.py")
WRITES = ("insert", "update", "delete", "replace")
# The runner's threads that must hand their writes to the database thread (ui/background.py).
NOT_WRITERS = ("kiosk-net", "kiosk-speech")


def _ui_frame() -> str | None:
    """``ui/<file>:<line> <function>`` of the innermost kiosk UI frame on this stack, if any."""
    frame = sys._getframe(2)
    while frame is not None:
        path = frame.f_code.co_filename.replace("\\", "/")
        if path.startswith(UI_DIR):
            rel = path[len(UI_DIR):]
            if rel not in NOT_GUI_CODE:
                return f"ui/{rel}:{frame.f_lineno} {frame.f_code.co_name}"
        frame = frame.f_back
    return None


def _caller() -> str:
    """``path:line function`` of the innermost frame of the kiosk's own code (kiosk, ui, sync)."""
    root = Path(__file__).resolve().parent.parent.as_posix() + "/"
    frame = sys._getframe(2)
    while frame is not None:
        path = frame.f_code.co_filename.replace("\\", "/")
        if path.startswith(root) and path[len(root):].split("/", 1)[0] in ("kiosk", "ui", "sync"):
            return f"{path[len(root):]}:{frame.f_lineno} {frame.f_code.co_name}"
        frame = frame.f_back
    return "?"


class GuiThreadGuard:
    def __init__(self) -> None:
        self.violations: list[str] = []

    def _check(self, what: str) -> None:
        if threading.current_thread() is not threading.main_thread():
            return
        where = _ui_frame()
        if where is not None:
            self.violations.append(f"{what} on the GUI thread, from {where}")

    def _check_writer(self, what: str) -> None:
        name = threading.current_thread().name
        if name.startswith(NOT_WRITERS):
            self.violations.append(f"{what} on {name}, not the database thread, from {_caller()}")

    # -- SQLAlchemy ------------------------------------------------------------------------
    def before_cursor_execute(self, conn, cursor, statement, parameters, context, executemany) -> None:
        first = statement.lstrip().split(None, 1)[0].lower() if statement.strip() else ""
        if first in WRITES:
            self._check(f"SQLite write {statement.strip()[:60]!r}")
            self._check_writer(f"SQLite write {statement.strip()[:60]!r}")

    @contextmanager
    def watching(self):
        from sqlalchemy import event
        from sqlalchemy.engine import Engine

        originals = {name: getattr(socket.socket, name) for name in ("connect", "connect_ex", "sendto")}
        guard = self

        def wrap(name):
            original = originals[name]

            def checked(sock, *args, **kwargs):
                guard._check(f"socket.{name}{_address(args)}")
                return original(sock, *args, **kwargs)
            return checked

        for name in originals:
            setattr(socket.socket, name, wrap(name))
        event.listen(Engine, "before_cursor_execute", self.before_cursor_execute)
        try:
            yield self
        finally:
            event.remove(Engine, "before_cursor_execute", self.before_cursor_execute)
            for name, original in originals.items():
                setattr(socket.socket, name, original)


def _address(args) -> str:
    for a in args:
        if isinstance(a, (tuple, str, bytes)):
            return f" to {a!r}"
    return ""


def guard_fixture():
    """The body of the autouse fixture in tests/ui/conftest.py and tests/video/conftest.py."""
    import pytest

    guard = GuiThreadGuard()
    with guard.watching():
        yield guard
    report = __import__("os").environ.get("GUI_GUARD_REPORT")
    if guard.violations and report:  # survey mode: list, do not fail
        with open(report, "a", encoding="utf-8") as f:
            for v in dict.fromkeys(guard.violations):
                f.write(v + "\n")
        return
    if guard.violations:
        seen = list(dict.fromkeys(guard.violations))
        pytest.fail("the GUI thread blocked (tests/gui_thread_guard.py):\n  " + "\n  ".join(seen[:20]),
                    pytrace=False)
