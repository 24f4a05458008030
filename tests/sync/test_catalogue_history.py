"""The catalogue's history (the console's "what changed") names what people changed.

Weekly slot rules make a rolling window of slots: each day's import adds a day's slots and
retires the past day's. One row per channel says how many, instead of a row per slot every
day (the history filled with slots and pushed the people's changes out of its last 500)."""

import json
from datetime import datetime

from sync.server import catalogue_edits, store
from tests.conftest import FIXTURES


def _on(day: datetime):
    class Fixed(datetime):
        @classmethod
        def now(cls, tz=None):
            return day if tz is None else day.astimezone(tz)
    return Fixed


def test_a_days_rolling_rule_slots_are_one_row_per_channel_and_a_hand_made_slot_keeps_its_own(tmp_path, monkeypatch):
    from kiosk.catalogue.hours import LOCAL_TZ

    sessions = store.open_store(f"sqlite:///{tmp_path / 'backend.db'}")
    data = json.loads((FIXTURES / "mini_catalogue.json").read_text(encoding="utf-8"))
    ruled = [ch for sv in data["services"] for ch in sv["channels"] if ch.get("slot_rules")]
    assert ruled, "the fixture has a channel with weekly rules"
    hand_made = [(ch, slot) for sv in data["services"] for ch in sv["channels"] for slot in ch.get("slots") or []]
    assert hand_made, "the fixture has a slot given by hand"

    monkeypatch.setattr(store, "datetime", _on(datetime(2026, 12, 6, 12, 0, tzinfo=LOCAL_TZ)))   # a Sunday
    store.import_catalogue(sessions, data, "site-1")
    first = catalogue_edits.history_rows(sessions, "site-1")
    assert not [r for r in first if r["kind"] == "slot" and r["change"] == "new"
                and any(r["target"].startswith(ch["id"] + ".2") for ch in ruled)]
    rolled = {r["target"]: r["detail"] for r in first if r["change"] == "rule_slots"}
    assert set(rolled) == {ch["id"] for ch in ruled}
    assert all(d.startswith("+") and d.endswith("/ -0") and d != "+0 / -0" for d in rolled.values()), rolled

    # The next day (a Monday): Monday's slots leave the window, four weeks on from it come in.
    monkeypatch.setattr(store, "datetime", _on(datetime(2026, 12, 7, 12, 0, tzinfo=LOCAL_TZ)))
    ch, slot = hand_made[0]
    ch["slots"].remove(slot)                  # and one slot given by hand is taken out
    store.import_catalogue(sessions, data, "site-1")
    every = catalogue_edits.history_rows(sessions, "site-1")   # newest first
    second = every[: len(every) - len(first)]
    assert {(r["kind"], r["target"], r["change"]) for r in second if r["kind"] == "slot"} == {
        ("slot", slot["id"], "retired")}
    monday = [ch for ch in ruled if any("mon" in r["weekdays"] for r in ch["slot_rules"])]
    for ch in monday:
        times = sum(len(r["times"]) for r in ch["slot_rules"] if "mon" in r["weekdays"])
        row = next(r for r in second if r["change"] == "rule_slots" and r["target"] == ch["id"])
        assert row["kind"] == "channel" and row["detail"] == f"+{times} / -{times}", row
