"""The kiosk checks the site's bookings answer before it stores any of it (issue 17): a
malformed answer is a ProtocolError, so the old copy stays."""

from __future__ import annotations

import copy

import pytest

from sync.protocol import ProtocolError, check_site_bookings

GOOD = {"site": "kontula", "key": "ab" * 32, "window_start": "2026-12-01T22:00:00+00:00",
        "window_end": "2026-12-03T22:00:00+00:00",
        "bookings": [{"booking_id": "6a3e7f0c-1d2b-4c5d-8e9f-0a1b2c3d4e5f", "ref": "ABCD-EFGH",
                      "service_id": "dental", "channel_id": "dental.visit", "slot_id": "s-1",
                      "start": "2026-12-02T08:00:00+00:00", "end": "2026-12-02T08:30:00+00:00",
                      "state": "confirmed", "subject_mac": "0f" * 32}]}


def spoilt(path: tuple, value):
    data = copy.deepcopy(GOOD)
    target = data
    for step in path[:-1]:
        target = target[step]
    if value is KeyError:
        del target[path[-1]]
    else:
        target[path[-1]] = value
    return data


def test_a_good_answer_passes_and_subject_mac_may_be_missing():
    assert check_site_bookings(copy.deepcopy(GOOD))["bookings"][0]["ref"] == "ABCD-EFGH"
    check_site_bookings(spoilt(("bookings", 0, "subject_mac"), KeyError))


@pytest.mark.parametrize("path, value, words", [
    (("key",), "short", "key"),
    (("bookings", 0, "state"), "denied", "state"),
    (("bookings", 0, "start"), "2026-12-02T08:00:00", "UTC offset"),
    (("bookings", 0, "end"), "tomorrow", "UTC offset"),
    (("bookings", 0, "booking_id"), "not-a-uuid-but-thirty-six-characters", "booking_id"),
    (("bookings", 0, "subject_mac"), "resident-1", "subject_mac"),
    (("bookings", 0, "ref"), KeyError, "ref"),
    (("bookings",), "nothing", "bookings"),
])
def test_a_malformed_answer_is_refused_naming_the_field(path, value, words):
    with pytest.raises(ProtocolError, match=words):
        check_site_bookings(spoilt(path, value))


def test_the_same_booking_twice_is_refused():
    data = copy.deepcopy(GOOD)
    data["bookings"].append(dict(data["bookings"][0]))
    with pytest.raises(ProtocolError, match="twice"):
        check_site_bookings(data)
