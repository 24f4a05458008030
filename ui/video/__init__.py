"""The video call view: a locked-down Qt WebEngine page for one call at a time.

Nothing in this package file imports Qt WebEngine. The engine (a Chromium with its
own processes, ~100 MB) starts only when the first call starts: ``VideoScreen``
imports ``ui.video.room`` at that moment, and the room's profile, page and view
are released when the call ends.

Two things must happen before that, because Qt and Chromium read them once:
``prepare_application()`` before the ``QApplication`` is created (Qt WebEngine
needs shared OpenGL contexts set up front), and ``configure_engine()`` before
the first profile is made (``ui.video.room`` calls it on import).
"""

from __future__ import annotations

import importlib.util
import logging
import os

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


def configure_engine(environ: dict[str, str] | os._Environ = os.environ) -> None:
    """Chromium's process-wide settings, read when the first web profile is made."""
    # No remote DevTools, whoever set them for this process.
    if environ.pop("QTWEBENGINE_REMOTE_DEBUGGING", None) is not None:
        log.warning("QTWEBENGINE_REMOTE_DEBUGGING was set: removed, the kiosk has no developer tools")
    flags = environ.get("QTWEBENGINE_CHROMIUM_FLAGS", "").split()
    kept = [f for f in flags if not f.startswith(_FORBIDDEN_FLAGS)]
    if len(kept) != len(flags):
        log.warning("removed Chromium flags that open developer tools: %s",
                    " ".join(sorted(set(flags) - set(kept))))
    environ["QTWEBENGINE_CHROMIUM_FLAGS"] = " ".join(kept)
    # Chromium refuses to start its sandbox as root (a container, a test machine).
    # Only there do we switch it off; a real kiosk runs the app as its own user.
    if hasattr(os, "geteuid") and os.geteuid() == 0 and "QTWEBENGINE_DISABLE_SANDBOX" not in environ:
        log.info("running as root: Chromium's sandbox cannot start as root, so it is turned off")
        environ["QTWEBENGINE_DISABLE_SANDBOX"] = "1"


__all__ = ["configure_engine", "prepare_application", "webengine_available"]
