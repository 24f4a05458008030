"""Which programs the kiosk may start: its own Python, the call view's Chromium helper and
the speech synthesiser; the kernel refuses every other (Linux Landlock, no root needed).

Why: cage shows the newest window. Anything the kiosk's process tree started that opens a
window (a browser through xdg-open, a terminal, a helper a library spawns) would be shown
over the kiosk, in front of a resident. With this in place such a program cannot start
at all: ``execve`` fails with EACCES. The rule is inherited by every child (the call
process, Chromium's processes) and cannot be undone by them.

``welfare-kiosk.service`` turns it on (``KIOSK_LOCKDOWN=1``); development and the tests
run without it unless they ask. On a kernel without Landlock the kiosk still starts and
says so in the log (the unit's single-user session still holds, docs/deploy.md).
"""

from __future__ import annotations

import ctypes
import glob
import logging
import os
import shutil
import sys
from pathlib import Path

log = logging.getLogger(__name__)

ENV_SWITCH = "KIOSK_LOCKDOWN"

# Linux's generic syscall numbers (the same on x86_64 and arm64) and constants.
_SYS_CREATE_RULESET, _SYS_ADD_RULE, _SYS_RESTRICT_SELF = 444, 445, 446
_CREATE_RULESET_VERSION = 1
_ACCESS_FS_EXECUTE = 1
_RULE_PATH_BENEATH = 1
_PR_SET_NO_NEW_PRIVS = 38


class _RulesetAttr(ctypes.Structure):
    _fields_ = [("handled_access_fs", ctypes.c_uint64)]


class _PathBeneathAttr(ctypes.Structure):
    _pack_ = 1
    _fields_ = [("allowed_access", ctypes.c_uint64), ("parent_fd", ctypes.c_int32)]


def allowed_programs() -> list[str]:
    """The kiosk's own programs: this Python, the dynamic loader it needs, Qt WebEngine's
    helper process and espeak-ng (queue calls, kiosk/announce.py)."""
    found = [sys.executable]
    found += glob.glob("/lib64/ld-linux*.so*") + glob.glob("/lib/ld-linux*.so*") + glob.glob("/lib/*/ld-linux*.so*")
    try:
        import importlib.util
        spec = importlib.util.find_spec("PySide6")
        if spec is not None and spec.origin:
            found += glob.glob(str(Path(spec.origin).parent / "Qt" / "libexec" / "QtWebEngineProcess"))
    except (ImportError, ValueError):
        pass
    speech = shutil.which("espeak-ng")
    if speech:
        found.append(speech)
    return sorted({os.path.realpath(p) for p in found if os.path.isfile(p)})


def landlock_abi() -> int:
    """The kernel's Landlock ABI version; 0 when the kernel has none (or it is switched off)."""
    if not sys.platform.startswith("linux"):
        return 0
    libc = ctypes.CDLL(None, use_errno=True)
    libc.syscall.restype = ctypes.c_long
    abi = libc.syscall(ctypes.c_long(_SYS_CREATE_RULESET), None, ctypes.c_size_t(0),
                       ctypes.c_uint32(_CREATE_RULESET_VERSION))
    return max(0, int(abi))


def only_these_programs(programs: list[str]) -> bool:
    """From now on this process and its children may execute only ``programs`` (files).

    Returns False, changing nothing, when the kernel has no Landlock. Raises OSError when
    Landlock is there but refuses the rules (that is a fault to see, not to hide).
    """
    if landlock_abi() < 1:
        return False
    libc = ctypes.CDLL(None, use_errno=True)
    libc.syscall.restype = ctypes.c_long
    attr = _RulesetAttr(_ACCESS_FS_EXECUTE)
    ruleset = libc.syscall(ctypes.c_long(_SYS_CREATE_RULESET), ctypes.byref(attr), ctypes.c_size_t(ctypes.sizeof(attr)),
                           ctypes.c_uint32(0))
    if ruleset < 0:
        raise OSError(ctypes.get_errno(), "landlock_create_ruleset: " + os.strerror(ctypes.get_errno()))
    try:
        for program in programs:
            fd = os.open(program, os.O_PATH | os.O_CLOEXEC)
            try:
                rule = _PathBeneathAttr(_ACCESS_FS_EXECUTE, fd)
                if libc.syscall(ctypes.c_long(_SYS_ADD_RULE), ctypes.c_int(ruleset), ctypes.c_int(_RULE_PATH_BENEATH),
                                ctypes.byref(rule), ctypes.c_uint32(0)) < 0:
                    raise OSError(ctypes.get_errno(), f"landlock_add_rule {program}: {os.strerror(ctypes.get_errno())}")
            finally:
                os.close(fd)
        if libc.prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_SET_NO_NEW_PRIVS): " + os.strerror(ctypes.get_errno()))
        if libc.syscall(ctypes.c_long(_SYS_RESTRICT_SELF), ctypes.c_int(ruleset), ctypes.c_uint32(0)) < 0:
            raise OSError(ctypes.get_errno(), "landlock_restrict_self: " + os.strerror(ctypes.get_errno()))
    finally:
        os.close(ruleset)
    return True


def apply_from_environment(environ=os.environ) -> bool:
    """What ``ui.app.main`` calls first: with KIOSK_LOCKDOWN=1, no X11 for children (cage's
    Xwayland would show an X client's window) and no program but the kiosk's own."""
    if environ.get(ENV_SWITCH) != "1":
        return False
    environ.pop("DISPLAY", None)
    programs = allowed_programs()
    if only_these_programs(programs):
        log.info("lockdown: this kiosk may start only %s", ", ".join(programs))
        return True
    log.warning("lockdown: the kernel has no Landlock; other programs are not refused by the kernel")
    return False
