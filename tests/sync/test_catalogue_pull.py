"""Catalogue download: incremental with a cursor, paged, one site's data only, applied
in one transaction; a bad download never replaces the catalogue in use."""

import copy
import json

import pytest
from sqlalchemy import select, update

from kiosk.storage.models import ServiceRecord, SlotRecord, SyncStateRecord
from sync.catalogue_pull import CURSOR_KEY, pull_catalogue
from sync.client import BackendClient, BackendUnavailable, BadResponse
from sync.server.models import CatalogueEntry, Site, Slot
from sync.server.store import import_catalogue
from tests.conftest import FIXTURES
from tests.sync.faultproxy import FaultProxy


def _mini():
    return json.loads((FIXTURES / "mini_catalogue.json").read_text(encoding="utf-8"))


@pytest.fixture
def client(backend, site):
    creds = BackendClient(backend.url).enrol(backend.enrolment_code(site), "puller")
    c = BackendClient(backend.url, credentials=creds)
    yield c
    c.close()


def _local(db):
    with db.sessions() as s:
        services = {r.id: r.names["en"] for r in s.scalars(select(ServiceRecord))}
        slots = set(s.scalars(select(SlotRecord.id)))
        cursor = s.get(SyncStateRecord, CURSOR_KEY)
    return services, slots, cursor.value if cursor else None


def _server_slots(backend, site):
    with backend.sessions() as s:
        return set(s.scalars(select(Slot.id).where(Slot.site_id == site)))


def test_first_pull_brings_the_whole_catalogue_of_this_site_only(db, backend, site, client):
    other = _mini()
    other["services"][1]["channels"][1]["slots"].append(
        {"id": "only-at-the-other-site", "start": "2026-12-01T10:00:00+02:00", "end": "2026-12-01T10:30:00+02:00"})
    other_site = backend.new_site(other)
    assert "only-at-the-other-site" in _server_slots(backend, other_site)

    result = pull_catalogue(db, client, page_size=4)  # several pages
    services, slots, cursor = _local(db)
    assert len(services) == 5 and services["maternity-clinic"] == "Maternity clinic"
    assert slots == _server_slots(backend, site) and "only-at-the-other-site" not in slots
    assert cursor == result.cursor and int(cursor) > 0


def test_later_pulls_bring_only_changes_and_deletions(db, backend, site, client):
    pull_catalogue(db, client)
    before_services, before_slots, cursor = _local(db)
    changed = _mini()
    changed["services"][0]["names"]["en"] = "Maternity clinic (new name)"
    del changed["services"][4]  # family-cafe goes away
    import_catalogue(backend.sessions, changed, site)

    result = pull_catalogue(db, client)
    services, slots, new_cursor = _local(db)
    assert (result.changed, result.deleted) == (1, 1)
    assert services["maternity-clinic"] == "Maternity clinic (new name)" and "family-cafe" not in services
    assert slots == before_slots and int(new_cursor) > int(cursor)
    assert pull_catalogue(db, client).changed == 0  # nothing new, nothing re-sent


def test_pull_keeps_local_booked_counts(db, backend, site, client):
    pull_catalogue(db, client)
    with db.sessions.begin() as s:
        s.execute(update(SlotRecord).values(booked=1))
    changed = _mini()
    changed["services"][0]["names"]["fi"] = "Neuvola"
    import_catalogue(backend.sessions, changed, site)
    pull_catalogue(db, client)
    with db.sessions() as s:
        assert set(s.scalars(select(SlotRecord.booked))) == {1}


def test_invalid_download_is_rejected_and_the_catalogue_in_use_stays(db, backend, site, client):
    pull_catalogue(db, client)
    before = _local(db)
    # The backend serves a service that violates the catalogue format.
    with backend.sessions.begin() as s:
        site_row = s.get(Site, site)
        site_row.catalogue_seq += 1
        entry = s.get(CatalogueEntry, (site, "service", "maternity-clinic"))
        broken = copy.deepcopy(entry.data)
        broken["names"] = {"fi": "Vain suomeksi"}
        entry.data, entry.seq = broken, site_row.catalogue_seq
    with pytest.raises(BadResponse, match=r"rejected .*names.sv: missing.*previous catalogue stays"):
        pull_catalogue(db, client)
    assert _local(db) == before


@pytest.mark.parametrize("fault", ["malformed_json", "wrong_schema", "reset_mid_response", "huge"])
def test_a_broken_page_changes_nothing(db, backend, site, client, fault):
    proxy = FaultProxy(backend.url, delay_s=0.1)
    try:
        client.base_url = proxy.url
        pull_catalogue(db, client)
        before = _local(db)
        changed = _mini()
        for sv in changed["services"]:
            sv["names"]["en"] += " (2)"
        import_catalogue(backend.sessions, changed, site)
        proxy.fail("/api/v1/catalogue", "delay")  # an ordinary slow first page...
        proxy.fail("/api/v1/catalogue", fault)  # ...then the second page breaks
        with pytest.raises(BadResponse if fault != "reset_mid_response" else BackendUnavailable):
            pull_catalogue(db, client, page_size=2)
        assert _local(db) == before  # not half of the pages applied
        pull_catalogue(db, client, page_size=2)
        assert all(name.endswith(" (2)") for name in _local(db)[0].values())
    finally:
        proxy.close()


def test_the_worker_pulls_the_catalogue(db, backend, site, make_worker):
    worker = make_worker()
    status = worker.sync_once()
    assert status.last_error is None and len(_local(db)[0]) == 5
