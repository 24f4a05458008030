"""Bad catalogue input: refused with an error naming the item, the same way on the kiosk
and on the backend (kiosk/catalogue/rules.py), and never half-applied."""

import copy
import json
from datetime import date, datetime

import pytest
from sqlalchemy import func, select

from kiosk.catalogue.domain import OpeningHours, TimeRange
from kiosk.catalogue.hours import LOCAL_TZ, status
from kiosk.catalogue.importer import CatalogueError, import_catalogue, load_file, validate
from kiosk.catalogue.service import Catalogue
from kiosk.storage.models import SlotRecord

RULES = "services[0].channels[0].slot_rules"


@pytest.fixture
def data(mini_catalogue_data):
    return copy.deepcopy(mini_catalogue_data)


def _rules(data) -> list:
    return data["services"][0]["channels"][0]["slot_rules"]


@pytest.fixture
def refused(db, mini_catalogue_data):
    """Import ``data`` over a good catalogue: it fails with a catalogue error that
    contains ``expected``, and the good catalogue stays as it was."""
    def check(data, expected: str) -> str:
        import_catalogue(db, mini_catalogue_data)
        with db.sessions() as s:
            before = s.scalar(select(func.count()).select_from(SlotRecord))
        with pytest.raises(CatalogueError) as exc:
            import_catalogue(db, data, today=date(2026, 12, 5))
        assert expected in str(exc.value), str(exc.value)
        with db.sessions() as s:
            assert s.scalar(select(func.count()).select_from(SlotRecord)) == before
        assert len(Catalogue(db)) == 5
        return str(exc.value)
    return check


def test_the_same_time_twice_in_a_rule_is_a_catalogue_error(refused, data):
    _rules(data)[0]["times"] = ["09:00", "10:00", "09:00"]
    refused(data, f"{RULES}[0].times[2]: 09:00 on mon")


def test_two_rules_making_the_same_slot_are_a_catalogue_error(refused, data):
    _rules(data).append({"weekdays": ["wed", "fri"], "times": ["10:00"], "duration_min": 30})
    msg = refused(data, f"{RULES}[1].times[0]: 10:00 on wed: same slot as slot_rules[0].times[1]")
    assert "IntegrityError" not in msg


def test_a_weekday_listed_twice_is_a_catalogue_error(refused, data):
    _rules(data)[0]["weekdays"] = ["mon", "mon"]
    refused(data, "mon is listed twice")


def test_midnight_spelled_24_00_is_not_a_slot_time(refused, data):
    _rules(data)[0]["times"] = ["00:00", "24:00"]
    refused(data, f"{RULES}[0].times[1]: '24:00' is not a clock time 00:00 to 23:59")


def test_a_long_channel_id_with_slot_rules_is_refused_where_its_slot_ids_would_be_too_long(db, refused, data):
    ch = data["services"][0]["channels"][0]
    ch["id"] = "c" * 56
    msg = refused(data, "services[0].channels[0].id: 56 characters: a channel with slot_rules may have at most 50")
    assert "slot" in msg
    ch["id"] = "c" * 50  # the longest that fits: every slot id made from it is a valid id
    assert validate(data) == []
    import_catalogue(db, data, today=date(2026, 12, 5))
    with db.sessions() as s:
        ids = list(s.scalars(select(SlotRecord.id).where(SlotRecord.channel_id == "c" * 50)))
    assert ids and all(len(i) <= 64 for i in ids)


def test_an_explicit_slot_may_not_take_an_id_of_the_rule_form(refused, data):
    ch = data["services"][0]["channels"][0]
    ch["slots"] = [{"id": "maternity-visit.20261207t0900", "start": "2026-12-07T09:00:00+02:00",
                    "end": "2026-12-07T09:45:00+02:00"}]
    refused(data, "services[0].channels[0].slots[0].id: 'maternity-visit.20261207t0900' has the form")


@pytest.mark.parametrize("bad, what", [
    ("Neuvola\u202ealoveun", "text-direction control U+202E"),
    ("Neu\u2066vola", "text-direction control U+2066"),
    ("Neu\x07vola", "control character U+0007"),
    ("Neuvola\nrivi", "control character U+000A"),
    ("\u200b", "no visible characters"),
    ("\u200b \u2060", "no visible characters"),
    ("Neu\ud800vola", "lone surrogate U+D800"),
])
def test_names_that_would_not_show_as_written_are_refused(refused, data, bad, what):
    data["services"][0]["names"]["sv"] = bad
    msg = refused(data, "services[0].names.sv: ")
    assert what in msg


def test_other_texts_and_ids_get_the_same_rule(data):
    data["providers"][0]["contact"] = {"phone": "09\u202e123"}
    data["services"][1]["keywords"] = {"fi": ["ok", "\u200b"]}
    data["services"][0]["descriptions"]["fi"] = "Kaksi\nriviä on sallittu kuvauksessa."
    errors = validate(data)
    assert any(e.startswith("providers[0].contact.phone: contains the text-direction control") for e in errors)
    assert any(e.startswith("services[1].keywords.fi[1]: has no visible characters") for e in errors)
    assert not any(e.startswith("services[0].descriptions") for e in errors), errors


def test_ordinary_text_in_many_scripts_is_accepted(data):
    data["services"][0]["names"]["fi"] = "Äitiysneuvola – perheet \U0001F469\u200d\U0001F467"  # a ZWJ emoji
    data["services"][0]["names"]["en"] = "Maternity clinic (\u0639\u064a\u0627\u062f\u0629)"  # Arabic
    assert validate(data) == []


HOURS = "services[0].channels[0].opening_hours.regular.mon"


def _hours(data) -> dict:
    return data["services"][0]["channels"][0]["opening_hours"]["regular"]


@pytest.mark.parametrize("ranges, expected", [
    ([["08:00", "24:30"]], f"{HOURS}[0]: expected [\"HH:MM\", \"HH:MM\"]: '24:30' is not a clock time"),
    ([["24:00", "08:00"]], f"{HOURS}[0]: expected [\"HH:MM\", \"HH:MM\"]: '24:00' is not a clock time 00:00 to 23:59"),
    ([["08:00", "08:00"]], f"{HOURS}[0]: opens and closes at 08:00"),
    ([["08:00", "12:00"], ["11:00", "16:00"]], f"{HOURS}[1]: overlaps range [0]"),
    ([["16:00", "08:00"], ["20:00", "22:00"]], f"{HOURS}[1]: overlaps range [0]"),
])
def test_opening_hours_that_mean_nothing_are_refused(refused, data, ranges, expected):
    _hours(data)["mon"] = ranges
    refused(data, expected)


def test_hours_past_midnight_mean_open_until_the_next_morning(data):
    """A night service (e.g. a crisis line 16:00-08:00) is what a city needs: accepted
    and documented in docs/catalogue-format.md, and the open status follows it."""
    _hours(data)["mon"] = [["16:00", "08:00"]]
    assert validate(data) == []
    hours = OpeningHours(regular={"mon": (TimeRange("16:00", "08:00"),)})
    monday = date(2026, 12, 7)
    at = lambda d, h, m: datetime(d.year, d.month, d.day, h, m, tzinfo=LOCAL_TZ)  # noqa: E731
    late = status(hours, at(monday, 23, 40))
    assert late.open_now and late.closes_at == at(date(2026, 12, 8), 8, 0)
    assert status(hours, at(date(2026, 12, 8), 2, 0)).open_now
    noon = status(hours, at(monday, 12, 0))
    assert not noon.open_now and noon.opens_at == at(monday, 16, 0)
    assert not status(hours, at(date(2026, 12, 8), 8, 0)).open_now


def test_a_file_nested_too_deeply_is_a_catalogue_error(tmp_path):
    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    with pytest.raises(CatalogueError) as exc:
        load_file(path)
    assert f"{path}: nested too deeply" in str(exc.value)


def test_what_the_backend_accepts_every_kiosk_accepts(tmp_path, data):
    """The backend stores slots made from rules under the ids kiosks use, and refuses what
    kiosks would refuse (a 56-character channel id with slot rules)."""
    from sync.catalogue_pull import build_document
    from sync.server.store import catalogue_changes, import_catalogue as backend_import, open_store

    sessions = open_store(f"sqlite:///{tmp_path / 'backend.db'}")
    long_id = copy.deepcopy(data)
    long_id["services"][0]["channels"][0]["id"] = "c" * 56
    with pytest.raises(CatalogueError) as exc:
        backend_import(sessions, long_id, "site-a")
    assert "services[0].channels[0].id: 56 characters" in str(exc.value)

    data["services"][0]["channels"][0]["id"] = "c" * 50
    backend_import(sessions, data, "site-a")
    page = catalogue_changes(sessions, "site-a", 0, 10_000)
    entries = {(c["kind"], c["id"]): c["data"] for c in page["changes"]}
    assert any(k == "slot" and i.startswith("c" * 50 + ".") for k, i in entries)
    assert validate(build_document(entries)) == []


def test_a_slot_time_past_the_end_of_the_calendar_in_utc_is_a_catalogue_error(refused, data):
    data["services"][1]["channels"][1]["slots"][0].update(start="9999-12-31T22:00:00-14:00",
                                                           end="9999-12-31T23:59:59-14:00")
    refused(data, "services[1].channels[1].slots[0].start: '9999-12-31T22:00:00-14:00' is outside the range")
