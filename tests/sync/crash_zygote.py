"""Starts kiosk sync processes quickly for the crash test, so it can kill many of them.

Imports the sync worker once, then for every line "go" on stdin forks a child that runs
``python -m sync.worker ARGS`` (the same ``main()``) in a process of its own, and prints
``pid <n>``; when that child ends (by itself or by the test's SIGKILL) it prints
``exit <status>``. A fork costs milliseconds where a fresh interpreter costs a second,
and the child is as real a process as any: SIGKILL ends it with no clean-up at all.

    python -m tests.sync.crash_zygote --config device.toml --once ...
"""

from __future__ import annotations

import os
import sys

import alembic.command  # noqa: F401  (imported here once instead of in every child)
import alembic.config  # noqa: F401
import sqlalchemy.dialects.sqlite  # noqa: F401

from sync import worker


def main() -> int:
    args = sys.argv[1:]
    for line in sys.stdin:
        if line.strip() != "go":
            continue
        pid = os.fork()
        if pid == 0:
            code = 1
            try:
                sys.stdin.close()
                devnull = os.open(os.devnull, os.O_WRONLY)
                os.dup2(devnull, 1)
                os.dup2(devnull, 2)
                code = worker.main(args)
            finally:
                os._exit(code)
        print(f"pid {pid}", flush=True)
        _, status = os.waitpid(pid, 0)
        print(f"exit {status}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
