"""Catalogue rules that the kiosk and the city backend both apply, in one place.

The kiosk's importer and pull (``kiosk/catalogue/importer.py``, ``sync/catalogue_pull.py``)
and the reference backend (``sync/server/store.py``) all validate with
``importer.validate()``, which uses these rules, and all expand weekly slot rules with
``expand_slot_rules()``. So a catalogue the backend accepts is one every kiosk accepts:
if the two disagreed, the backend would store a catalogue that every kiosk then refuses
on each pull (e.g. slot ids made from a long channel id, longer than an id may be).
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime, time, timedelta

from kiosk.catalogue import vocab
from kiosk.catalogue.hours import LOCAL_TZ

ID_MAX = 64
ID = re.compile(r"^[a-z0-9][a-z0-9_.-]{0,%d}$" % (ID_MAX - 1))
ID_WHAT = "an id of lowercase letters, digits, '.', '_' or '-', at most 64 characters"

# A slot made from a rule is "<channel id>.<YYYYMMDD>t<HHMM>" in local time: always a
# valid id, and the same on the backend and on every kiosk.
SLOT_SUFFIX_LEN = len(".20261201t0900")
RULE_CHANNEL_ID_MAX = ID_MAX - SLOT_SUFFIX_LEN
_RULE_SLOT_ID = re.compile(r"^(?P<channel>.+)\.\d{8}t\d{4}$")

# Clock times: "00:00" to "23:59"; "24:00" only as a closing time.
_HHMM = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")

# Characters that change how the text around them is shown rather than being shown:
# embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069) can make a name
# read differently from what it is, so the catalogue never carries them.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def text_problem(value: str, *, multiline: bool = False) -> str | None:
    """What is wrong with a text meant to be shown on the kiosk, or None.

    Refused: control characters (a line break only where ``multiline``), bidi
    embeddings/overrides/isolates, lone surrogates, and a text with nothing visible
    in it (only spaces or zero-width characters such as U+200B).
    """
    visible = False
    for i, ch in enumerate(value):
        cat = unicodedata.category(ch)
        if ch in _BIDI_CONTROLS:
            return f"contains the text-direction control U+{ord(ch):04X} at position {i}"
        if cat == "Cs":
            return f"contains a lone surrogate U+{ord(ch):04X} at position {i}"
        if cat == "Cc" and not (multiline and ch == "\n"):
            return f"contains the control character U+{ord(ch):04X} at position {i}"
        if cat[0] not in "ZC":
            visible = True
    if not visible:
        return "has no visible characters"
    return None


def clock_problem(hhmm: object, *, closing: bool = False) -> str | None:
    """A clock time "HH:MM" from 00:00 to 23:59; a closing time may also be "24:00"."""
    if isinstance(hhmm, str) and (_HHMM.match(hhmm) or closing and hhmm == "24:00"):
        return None
    allowed = "00:00 to 23:59, or 24:00 as a closing time" if closing else "00:00 to 23:59"
    return f"{hhmm!r} is not a clock time {allowed}"


def _minutes(hhmm: str) -> int:
    h, m = hhmm.split(":")
    return int(h) * 60 + int(m)


def opening_ranges_problems(ranges: list) -> list[tuple[int, str]]:
    """Problems with one day's opening ranges, as (index of the range, message).

    A range that closes at or before it opens runs past midnight: ``["16:00", "08:00"]``
    is open from 16:00 until 08:00 the next morning (night services, crisis lines).
    A range that opens and closes at the same time is refused (say ``always_open`` or
    ``["00:00", "24:00"]``), as are ranges of one day that overlap.
    """
    problems: list[tuple[int, str]] = []
    spans = []
    for i, r in enumerate(ranges):
        if not isinstance(r, list) or len(r) != 2:
            problems.append((i, f'expected ["HH:MM", "HH:MM"], got {r!r}'))
            continue
        opens, closes = r
        bad = clock_problem(opens) or clock_problem(closes, closing=True)
        if bad:
            problems.append((i, f'expected ["HH:MM", "HH:MM"]: {bad}'))
            continue
        start, end = _minutes(opens), _minutes(closes)
        if start == end:
            problems.append((i, f"opens and closes at {opens}: for a whole day say [\"00:00\", \"24:00\"]"))
            continue
        spans.append((start, end if end > start else end + 24 * 60, i))
    spans.sort()
    reach = None  # (end, index) of the range that reaches furthest so far
    for start, end, i in spans:
        if reach is not None and start < reach[0]:
            problems.append((i, f"overlaps range [{reach[1]}]"))
        if reach is None or end > reach[0]:
            reach = (end, i)
    return problems


def rule_slot_id(channel_id: str, start: datetime) -> str:
    return f"{channel_id}.{start:%Y%m%dt%H%M}"


def is_rule_slot_id_of(slot_id: str, channel_ids: set[str]) -> str | None:
    """The channel whose rules make ``slot_id``, if ``slot_id`` has that form."""
    m = _RULE_SLOT_ID.match(slot_id)
    return m["channel"] if m and m["channel"] in channel_ids else None


def slot_rule_problems(channel_id: object, rules: list) -> list[tuple[str, str]]:
    """Problems of a channel's (already well-formed) rules as (sub-path, message):
    slot ids that would be too long, and two rules or times giving the same slot."""
    problems: list[tuple[str, str]] = []
    if isinstance(channel_id, str) and len(channel_id) > RULE_CHANNEL_ID_MAX:
        problems.append(("id", f"{len(channel_id)} characters: a channel with slot_rules may have at most "
                               f"{RULE_CHANNEL_ID_MAX}, because its slot ids add {SLOT_SUFFIX_LEN} "
                               f"(<channel id>.YYYYMMDDtHHMM) and an id has at most {ID_MAX}"))
    seen: dict[tuple[str, str], tuple[int, int]] = {}
    for i, rule in enumerate(rules):
        if not isinstance(rule, dict) or not isinstance(rule.get("times"), list) \
                or not isinstance(rule.get("weekdays"), list):
            continue
        for j, t in enumerate(rule["times"]):
            for day in rule["weekdays"]:
                if not isinstance(t, str) or not isinstance(day, str):
                    continue
                first = seen.setdefault((day, t), (i, j))
                if first == (i, j) and rule["weekdays"].count(day) == 1:
                    continue
                if first == (i, j):
                    msg = f"{day} is listed twice in slot_rules[{i}].weekdays"
                else:
                    msg = f"same slot as slot_rules[{first[0]}].times[{first[1]}]"
                problems.append((f"slot_rules[{i}].times[{j}]",
                                 f"{t} on {day}: {msg}; each slot can be made only once"))
                break
    return problems


def expand_slot_rules(channel_id: str, rules: list[dict], today: date) -> list[dict]:
    """Concrete slots from weekly rules, from tomorrow on, so demo data never goes stale."""
    out = []
    for rule in rules:
        weeks = rule.get("weeks_ahead", 4)
        for offset in range(1, weeks * 7 + 1):
            day = today + timedelta(days=offset)
            if vocab.WEEKDAYS[day.weekday()] not in rule["weekdays"]:
                continue
            for hhmm in rule["times"]:
                h, m = map(int, hhmm.split(":"))
                start = datetime.combine(day, time(h, m), LOCAL_TZ)
                out.append({"id": rule_slot_id(channel_id, start), "start": start.isoformat(),
                            "end": (start + timedelta(minutes=rule["duration_min"])).isoformat(),
                            "capacity": rule.get("capacity", 1)})
    return out
