"""The kiosk refuses at record() what the backend would refuse for its values, so a person
is never told "sent" about an item that the city then sets aside (issue 12: NaN, lone
surrogates, times outside the years a kiosk can mean raised raw errors or went out)."""

import math

import pytest

from kiosk import outbox
from sync.protocol import item_problems


@pytest.mark.parametrize("kind, field, value, expected", [
    ("feedback", "comment", "hyvä \ud800", "lone surrogate"),
    ("walk_in_appointment", "wait_min", math.nan, "not a JSON number"),  # open kinds take extra numbers
    ("walk_in_appointment", "wait_min", -math.inf, "not a JSON number"),
    ("walk_in_appointment", "count", 2**60, "too large"),
])
def test_values_no_store_handles_are_refused_by_name(db, kind, field, value, expected):
    base = {"feedback": {"service_id": "maternity-clinic", "smiley": 3},
            "walk_in_appointment": {"service_id": "maternity-clinic", "outcome": "done",
                                    "started_at": "2026-12-01T09:00:00+02:00"}}[kind]
    with pytest.raises(outbox.OutboxError, match=f"payload.{field}: .*{expected}"):
        with db.sessions.begin() as s:
            outbox.record(s, kind, {**base, field: value})
    with db.sessions() as s:
        assert outbox.summary(s).pending == 0  # nothing half-stored


@pytest.mark.parametrize("value", ["9999-12-31T23:59:59-14:00", "1970-01-01T00:00:00+00:00", "2026-12-01T09:00"])
def test_times_a_kiosk_cannot_mean_are_refused(db, value):
    payload = {"service_id": "maternity-clinic", "started_at": value, "outcome": "done"}
    with pytest.raises(outbox.OutboxError, match="started_at"):
        with db.sessions.begin() as s:
            outbox.record(s, "walk_in_appointment", payload)


def test_an_open_kind_holds_its_extra_fields_to_the_same_rule(db):
    with pytest.raises(outbox.OutboxError, match="ended_soon_at"):
        with db.sessions.begin() as s:
            outbox.record(s, "staff_audit", {"event": "login", "staff_id": "n1",
                                             "ended_soon_at": "10000-01-01T00:00:00+00:00"})


def test_what_the_kiosk_records_the_backend_accepts(db):
    with db.sessions.begin() as s:
        item = outbox.record(s, "walk_in_appointment",
                             {"service_id": "maternity-clinic", "started_at": "2026-12-31T23:59:00+02:00",
                              "ended_at": "2027-01-01T00:10:00+02:00", "outcome": "done", "nps_like": 1.5})
        wire = {"id": item.id, "kind": item.kind, "created_at": item.created_at.isoformat(),
                "payload": item.payload}
    assert item_problems(wire) == []
