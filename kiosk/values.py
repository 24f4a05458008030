"""Which JSON values a kiosk may record and the backend may store: the one rule both ends
apply, so an item the kiosk accepted at ``record()`` is never refused for its values later.

Plain Python, no Qt or HTTP: ``kiosk/outbox.py`` checks payloads with it and
``sync/protocol.py`` checks whole requests with it.
"""

from __future__ import annotations

import math
import re
from datetime import datetime, timezone
from typing import Any

MAX_JSON_INTEGER = 2**53 - 1  # larger integers do not survive every JSON reader (nor a 64-bit column)
# Times a kiosk may send: anything outside is a broken clock or a forged item, and would
# overflow date arithmetic (9999-12-31T23:59:59-14:00 is in the year 10000 in UTC).
EARLIEST_TIME = datetime(2000, 1, 1, tzinfo=timezone.utc)
LATEST_TIME = datetime(2100, 1, 1, tzinfo=timezone.utc)

_SURROGATE = re.compile("[\ud800-\udfff]")


def json_value_problems(value: Any, where: str = "") -> list[str]:
    """Values that parse as JSON (Python's reader is lenient) but that no store or client
    handles: texts with a lone UTF-16 surrogate (not Unicode), NaN and ±Infinity (not
    JSON), integers beyond MAX_JSON_INTEGER. Empty means every value is fine."""
    problems: list[str] = []
    stack = [(where or "body", value)]
    while stack and len(problems) < 5:
        path, v = stack.pop()
        if isinstance(v, str):
            if _SURROGATE.search(v):
                problems.append(f"{path}: text with a lone surrogate (\\ud800-\\udfff), not valid Unicode")
        elif isinstance(v, bool) or v is None:
            continue
        elif isinstance(v, float):
            if not math.isfinite(v):
                problems.append(f"{path}: {v!r} is not a JSON number")
        elif isinstance(v, int):
            if abs(v) > MAX_JSON_INTEGER:
                problems.append(f"{path}: the number is too large")
        elif isinstance(v, dict):
            for k, x in v.items():
                if isinstance(k, str) and _SURROGATE.search(k):
                    problems.append(f"{path}: a field name with a lone surrogate, not valid Unicode")
                    continue
                stack.append((f"{path}.{k}", x))
        elif isinstance(v, list):
            stack.extend((f"{path}[{i}]", x) for i, x in enumerate(v))
    return problems


def time_problem(key: str, value: Any) -> str | None:
    """None when ``value`` is an ISO 8601 time with a UTC offset in the years a kiosk can
    mean (EARLIEST_TIME to LATEST_TIME), else what is wrong with it."""
    try:
        if not isinstance(value, str) or len(value) > 40:
            raise ValueError
        t = datetime.fromisoformat(value)
    except ValueError:
        return f"{key}: expected a time with a UTC offset, like 2026-12-01T09:00:00+02:00"
    if t.tzinfo is None:
        return f"{key}: {value!r} has no UTC offset"
    try:
        in_range = EARLIEST_TIME <= t.astimezone(timezone.utc) < LATEST_TIME
    except OverflowError:
        in_range = False
    if not in_range:
        return f"{key}: {value!r} is not between {EARLIEST_TIME.year} and {LATEST_TIME.year}"
    return None


def is_time_field(key: str) -> bool:
    """Payload fields that hold a time: ``at`` and every ``*_at``."""
    return key == "at" or key.endswith("_at")
