"""The video call view: a locked-down Qt WebEngine page for one call at a time.

Nothing in this package file imports Qt WebEngine. The engine (a Chromium with its
own processes, ~100 MB) starts only when the first call starts: ``VideoScreen``
imports ``ui.video.room`` at that moment, and the room's profile, page and view
are released when the call ends.

Two things must happen before that, because Qt and Chromium read them once:
``prepare_application()`` before the ``QApplication`` is created (Qt WebEngine
needs shared OpenGL contexts set up front), and ``configure_engine(allowed_hosts=...)``
before the first profile is made (``ui.video.page.new_call_profile()`` does it). The
second one also locks the engine's network to the allow-listed hosts
(``kiosk.video.engine_network_flags``): Chromium reads those flags once per process, so
the first call's hosts hold for the life of the process (a call process lives for one
call; an in-process kiosk has one ``video.allowed_hosts``).
"""

from __future__ import annotations

import importlib.util
import logging
import os
import shlex

log = logging.getLogger(__name__)

# Flags that would open a way out of the kiosk: a DevTools endpoint anyone on the
# network (or a local program) could attach to.
_FORBIDDEN_FLAGS = ("--remote-debugging-port", "--remote-debugging-pipe", "--auto-open-devtools-for-tabs")


def webengine_available() -> bool:
    """Is Qt WebEngine installed? Looks for the module without loading it."""
    try:
        return importlib.util.find_spec("PySide6.QtWebEngineWidgets") is not None
    except (ImportError, ValueError):
        return False


def prepare_application() -> None:
    """Call before ``QApplication(...)`` is created, on every kiosk start.

    Cheap: it sets one attribute and loads nothing; without it the later, lazy
    import of Qt WebEngine fails ("must be imported or Qt::AA_ShareOpenGLContexts
    must be set before a QCoreApplication instance is created").
    """
    from PySide6.QtCore import QCoreApplication, Qt

    QCoreApplication.setAttribute(Qt.ApplicationAttribute.AA_ShareOpenGLContexts)


def _split_flags(text: str) -> list[str]:
    # Qt splits QTWEBENGINE_CHROMIUM_FLAGS like a shell command line (double quotes group).
    try:
        return shlex.split(text)
    except ValueError:
        return text.split()


def _join_flags(flags: list[str]) -> str:
    out = []
    for flag in flags:
        if any(c.isspace() for c in flag):
            name, eq, value = flag.partition("=")
            flag = f'{name}="{value}"' if eq else f'"{flag}"'
        out.append(flag)
    return " ".join(out)


def configure_engine(environ: dict[str, str] | os._Environ = os.environ, *,
                     allowed_hosts: tuple[str, ...] | list[str] | None = None) -> None:
    """Chromium's process-wide settings, read when the first web profile is made.

    With ``allowed_hosts`` the engine's network is locked to those hosts (see
    ``kiosk.video.engine_network_flags``); any network flag from outside is dropped, so
    the lock cannot be loosened through the environment.
    """
    from kiosk.video import NETWORK_FLAG_PREFIXES, engine_network_flags

    # No remote DevTools, whoever set them for this process.
    if environ.pop("QTWEBENGINE_REMOTE_DEBUGGING", None) is not None:
        log.warning("QTWEBENGINE_REMOTE_DEBUGGING was set: removed, the kiosk has no developer tools")
    flags = _split_flags(environ.get("QTWEBENGINE_CHROMIUM_FLAGS", ""))
    kept = [f for f in flags if not f.startswith(_FORBIDDEN_FLAGS)]
    if len(kept) != len(flags):
        log.warning("removed Chromium flags that open developer tools: %s",
                    " ".join(sorted(set(flags) - set(kept))))
    if allowed_hosts is not None:
        lock = engine_network_flags(allowed_hosts)
        foreign = [f for f in kept if f.startswith(NETWORK_FLAG_PREFIXES) and f not in lock]
        if foreign:
            log.warning("removed Chromium network flags that would loosen the call view's lock: %s",
                        " ".join(foreign))
        kept = [f for f in kept if not f.startswith(NETWORK_FLAG_PREFIXES)] + lock
    environ["QTWEBENGINE_CHROMIUM_FLAGS"] = _join_flags(kept)
    # Chromium refuses to start its sandbox as root (a container, a test machine).
    # Only there do we switch it off; a real kiosk runs the app as its own user.
    if hasattr(os, "geteuid") and os.geteuid() == 0 and "QTWEBENGINE_DISABLE_SANDBOX" not in environ:
        log.info("running as root: Chromium's sandbox cannot start as root, so it is turned off")
        environ["QTWEBENGINE_DISABLE_SANDBOX"] = "1"


__all__ = ["configure_engine", "prepare_application", "webengine_available"]
