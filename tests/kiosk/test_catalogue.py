from datetime import datetime

from kiosk.catalogue.hours import LOCAL_TZ, status
from kiosk.catalogue.service import CatalogueFilter

# A Tuesday in a normal week, and Christmas Eve (a Thursday) that the data closes.
TUESDAY_11 = datetime(2026, 12, 1, 11, 0, tzinfo=LOCAL_TZ)
TUESDAY_20 = datetime(2026, 12, 1, 20, 0, tzinfo=LOCAL_TZ)


def ids(services):
    return [s.id for s in services]


def test_browse_by_life_event_and_target_group(catalogue):
    assert ids(catalogue.services(CatalogueFilter(life_event="expecting_a_baby"))) == ["maternity-clinic"]
    fam = ids(catalogue.services(CatalogueFilter(target_group="families_with_children"), lang="en"))
    assert fam == ["family-cafe", "maternity-clinic"]  # sorted by English name
    counts = catalogue.counts("life_events")
    assert counts["health_and_illness"] == 2


def test_filter_by_sector_language_voucher(catalogue):
    third = ids(catalogue.services(CatalogueFilter(sectors=frozenset({"third_sector"}))))
    assert sorted(third) == ["family-cafe", "peer-group"]
    # A service produced by a private company counts as private even if the city is responsible.
    assert "physiotherapy-voucher" in ids(catalogue.services(CatalogueFilter(sectors=frozenset({"private"}))))
    assert ids(catalogue.services(CatalogueFilter(voucher=True))) == ["physiotherapy-voucher"]
    assert sorted(ids(catalogue.services(CatalogueFilter(language="sv")))) == [
        "family-cafe", "health-station", "maternity-clinic"]


def test_open_now(catalogue):
    at_11 = ids(catalogue.services(CatalogueFilter(open_now=True), now=TUESDAY_11))
    assert "family-cafe" in at_11 and "health-station" in at_11
    at_20 = ids(catalogue.services(CatalogueFilter(open_now=True), now=TUESDAY_20))
    assert at_20 == []  # the web-only peer group is not "open" in the sense of someone to meet


def test_opening_status_and_exceptions(catalogue):
    visit = catalogue.service("maternity-clinic").channels[0]
    st = status(visit.opening_hours, TUESDAY_20)
    assert not st.open_now and st.opens_at == datetime(2026, 12, 2, 8, 0, tzinfo=LOCAL_TZ)
    christmas_eve = datetime(2026, 12, 24, 9, 0, tzinfo=LOCAL_TZ)
    st = status(visit.opening_hours, christmas_eve)
    assert not st.open_now and st.opens_at == datetime(2026, 12, 25, 8, 0, tzinfo=LOCAL_TZ)
    st = status(visit.opening_hours, TUESDAY_11)
    assert st.open_now and st.closes_at == datetime(2026, 12, 1, 16, 0, tzinfo=LOCAL_TZ)
    assert status(catalogue.service("peer-group").channels[0].opening_hours, TUESDAY_20).open_now


def test_services_carry_provider_and_sector(catalogue):
    s = catalogue.service("physiotherapy-voucher")
    assert s.responsible_provider.sector == "public"
    assert [p.id for p in s.producers] == ["physio-oy"]
    assert s.accepts_vouchers


def test_free_slots_are_in_the_future_and_ordered(catalogue):
    slots = catalogue.free_slots("maternity-visit")
    assert len(slots) == 2 * 2 * 2  # two weeks, Mon+Wed, two times a day
    assert slots == sorted(slots, key=lambda s: s.starts_at)
    assert all(s.starts_at.tzinfo is not None for s in slots)
