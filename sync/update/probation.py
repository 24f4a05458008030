"""Watching a new version after it first reported healthy: one ready() is not enough.

A version that reports ready and then crashes on every start would otherwise stay
installed (systemd restarts it, each start says ready once). The running kiosk records
each start in ``<liveness_dir>/starts.json`` (sync.update.watchdog.KioskLiveness:
``ready()`` adds a start, ``ping()`` refreshes its ``last_seen``, ``stopping()`` marks
a clean end). The updater judges the starts of the new version since the switch:

* confirmed: one start has run ``stable_after_s`` (pinging all the while), or
  ``clean_starts`` starts ended cleanly;
* failed: ``max_failed_starts`` starts ended without a clean stop before running
  ``stable_after_s``, or the last one ended so and nothing came up again within
  ``health_timeout_s``; the updater then falls back to the previous version;
* otherwise: still watching.

A start has ended when a later start exists, its process is gone, or it has not been
seen for ``STALE_AFTER_S`` (a live kiosk pings at least every 15 s).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

STARTS_FILE = "starts.json"
KEEP_STARTS = 20
STALE_AFTER_S = 90.0

CONFIRMED, FAILED, WATCHING = "confirmed", "failed", "watching"


@dataclass(frozen=True)
class Start:
    version: str
    pid: int
    started_at: float
    last_seen: float
    stopped_cleanly: bool = False


@dataclass(frozen=True)
class Verdict:
    outcome: str
    failed: int
    clean: int
    reason: str


def read_starts(liveness_dir: Path) -> list[Start]:
    """Every start the file records, oldest first; an unreadable file records none."""
    try:
        raw = json.loads((Path(liveness_dir) / STARTS_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    starts = []
    for entry in raw if isinstance(raw, list) else []:
        try:
            starts.append(Start(str(entry["version"]), int(entry["pid"]), float(entry["started_at"]),
                                float(entry["last_seen"]), bool(entry.get("stopped_cleanly", False))))
        except (KeyError, TypeError, ValueError):
            continue
    return sorted(starts, key=lambda s: s.started_at)


def process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process: it exists
    except OSError:
        return False
    return True


def judge(starts: list[Start], *, now: float, stable_after_s: float, clean_starts: int, max_failed_starts: int,
          health_timeout_s: float, alive: Callable[[int], bool] = process_alive) -> Verdict:
    """The verdict on the starts of one version since its switch (oldest first)."""
    failed = clean = 0
    last_failed_at: float | None = None
    for i, start in enumerate(starts):
        if start.last_seen - start.started_at >= stable_after_s:
            return Verdict(CONFIRMED, failed, clean, f"one start ran {stable_after_s:g} s")
        if start.stopped_cleanly:
            clean += 1
            continue
        ended = i < len(starts) - 1 or not alive(start.pid) or now - start.last_seen > STALE_AFTER_S
        if ended:
            failed += 1
            last_failed_at = start.last_seen if i == len(starts) - 1 else None
    if failed >= max_failed_starts:
        return Verdict(FAILED, failed, clean, f"{failed} of {len(starts)} starts ended without a clean stop")
    if clean >= clean_starts:
        return Verdict(CONFIRMED, failed, clean, f"{clean} starts ended cleanly")
    if last_failed_at is not None and now - last_failed_at > health_timeout_s:
        return Verdict(FAILED, failed, clean,
                       f"it stopped and did not come up again within {health_timeout_s:g} s")
    return Verdict(WATCHING, failed, clean, f"{len(starts)} start(s) so far, {failed} failed")
