"""Editing a site's local additions in the console (catalogue editor): voucher acceptance,
a channel's note, extra bookable times. Each reaches a real kiosk at its next sync,
survives a re-import of the catalogue, and shows in "what changed and when"."""

from __future__ import annotations

import json
import re
from datetime import datetime, timedelta, timezone

from sqlalchemy import select

from kiosk.catalogue.hours import LOCAL_TZ
from kiosk.storage.models import CatalogueEntryRecord
from sync.server.models import CatalogueEntry, Slot
from sync.server.store import import_catalogue
from tests.conftest import FIXTURES


def _local(t: datetime) -> str:
    return t.astimezone(LOCAL_TZ).strftime("%Y-%m-%dT%H:%M")


def _backend_entry(backend, site, kind, eid):
    with backend.sessions() as s:
        row = s.get(CatalogueEntry, (site, kind, eid))
        return None if row is None or row.deleted else row.data


def _kiosk_entry(kiosk, kind, eid):
    with kiosk.db.sessions() as s:
        row = s.scalars(select(CatalogueEntryRecord).where(CatalogueEntryRecord.kind == kind,
                                                            CatalogueEntryRecord.id == eid)).first()
        return None if row is None else row.data


def _reimport(backend, site):
    import_catalogue(backend.sessions, json.loads((FIXTURES / "mini_catalogue.json").read_text(encoding="utf-8")), site)


def _walkin(data):
    return next(c for c in data["channels"] if c["id"] == "health-walkin")


def test_voucher_acceptance_and_a_note_reach_the_kiosk_and_survive_a_reimport(console_backend, staff, make_kiosk):
    site = console_backend.new_site()
    kiosk = make_kiosk(console_backend, site)
    kiosk.sync()
    editor = staff("catalogue-editor")
    listing = editor.get(f"/console/catalogue?site={site}")
    assert f'href="/console/catalogue/{site}/provider/city-health"' in listing.text
    page = editor.get(f"/console/catalogue/{site}/provider/city-health")
    assert page.status_code == 200 and 'id="f-accepts"' in page.text
    csrf = editor.csrf(f"/console/catalogue/{site}/provider/city-health")
    assert not _backend_entry(console_backend, site, "provider", "city-health").get("accepts_vouchers")

    saved = editor.post(f"/console/catalogue/{site}/provider/city-health/vouchers", {"csrf": csrf, "accepts": "yes"})
    assert saved.status_code == 200 and "Tallennettu" in saved.text
    assert _backend_entry(console_backend, site, "provider", "city-health")["accepts_vouchers"] is True

    # A note must be in fi, sv and en: a missing one is said beside its field, the rest kept.
    refused = editor.post(f"/console/catalogue/{site}/channel/health-walkin/note",
                          {"csrf": csrf, "note_fi": "Sisäänkäynti pihan puolelta, ei portaita.", "note_en": "Step-free."})
    assert refused.status_code == 422
    m = re.search(r'<p class="field-error" id="e-note_sv">(.*?)</p>', refused.text, re.S)
    assert m and "myös tällä kielellä" in m.group(1)
    assert "Sisäänkäynti pihan puolelta, ei portaita." in refused.text and "Step-free." in refused.text
    assert "accessibility" not in _walkin(_backend_entry(console_backend, site, "service", "health-station"))
    note = {"csrf": csrf, "note_fi": "Sisäänkäynti pihan puolelta, ei portaita.",
            "note_sv": "Ingång från gården, inga trappor.", "note_en": "Entrance from the yard, step-free."}
    assert editor.post(f"/console/catalogue/{site}/channel/health-walkin/note", note).status_code == 200
    assert _walkin(_backend_entry(console_backend, site, "service", "health-station"))["accessibility"]["sv"] == \
        "Ingång från gården, inga trappor."

    kiosk.sync()
    assert _kiosk_entry(kiosk, "provider", "city-health")["accepts_vouchers"] is True
    assert _walkin(_kiosk_entry(kiosk, "service", "health-station"))["accessibility"]["en"] == \
        "Entrance from the yard, step-free."

    _reimport(console_backend, site)  # the same file again: the additions stay
    assert _backend_entry(console_backend, site, "provider", "city-health")["accepts_vouchers"] is True
    assert _walkin(_backend_entry(console_backend, site, "service", "health-station"))["accessibility"]["fi"] == \
        "Sisäänkäynti pihan puolelta, ei portaita."
    kiosk.sync()
    assert _kiosk_entry(kiosk, "provider", "city-health")["accepts_vouchers"] is True

    # Taken back: unticked, and the note emptied.
    editor.post(f"/console/catalogue/{site}/provider/city-health/vouchers", {"csrf": csrf})
    editor.post(f"/console/catalogue/{site}/channel/health-walkin/note", {"csrf": csrf})
    _reimport(console_backend, site)
    assert not _backend_entry(console_backend, site, "provider", "city-health").get("accepts_vouchers")
    assert "accessibility" not in _walkin(_backend_entry(console_backend, site, "service", "health-station"))

    history = editor.get(f"/console/catalogue/history?site={site}")
    assert history.status_code == 200
    body = history.text
    assert "Kaisa Katalogi" in body
    assert "palveluseteli" in body and "huomautus" in body and "tuonti" in body
    exported = editor.get(f"/console/catalogue/history/export.json?site={site}").json()["rows"]
    assert [r["change"] for r in exported if r["actor"] == "catalogue-editor"][:4] == ["note", "vouchers", "note", "vouchers"]
    assert any(r["actor"] == "import" and r["change"] == "new" and r["target"] == "health-station" for r in exported)


def test_an_extra_bookable_time_is_added_checked_and_taken_back(console_backend, staff, make_kiosk):
    site = console_backend.new_site()
    kiosk = make_kiosk(console_backend, site)
    editor = staff("catalogue-editor")
    csrf = editor.csrf(f"/console/catalogue/{site}/service/health-station")
    now = datetime.now(timezone.utc)
    start, end = now + timedelta(days=3), now + timedelta(days=3, minutes=30)
    cases = [
        ({"slot_starts": _local(now - timedelta(hours=2)), "slot_ends": _local(now - timedelta(hours=1))},
         "slot_starts", "Aika on jo mennyt."),
        ({"slot_ends": _local(start - timedelta(hours=1))}, "slot_ends", "Päättymisen pitää olla alkamisen jälkeen."),
        ({"slot_capacity": "many"}, "slot_capacity", "Anna paikkojen määrä"),
        ({"slot_starts": "huomenna"}, "slot_starts", "Anna päivä ja kellonaika."),
    ]
    with console_backend.sessions() as s:
        before = set(s.scalars(select(Slot.id).where(Slot.site_id == site)))
    for change, field, words in cases:
        form = {"csrf": csrf, "slot_starts": _local(start), "slot_ends": _local(end), "slot_capacity": "2", **change}
        page = editor.post(f"/console/catalogue/{site}/channel/health-video/slots", form)
        assert page.status_code == 422, change
        m = re.search(rf'<p class="field-error" id="e-{field}">(.*?)</p>', page.text, re.S)
        assert m and words in m.group(1), (change, m and m.group(1))
        assert f'value="{form["slot_ends"]}"' in page.text  # typed values come back
    with console_backend.sessions() as s:
        assert set(s.scalars(select(Slot.id).where(Slot.site_id == site))) == before

    added = editor.post(f"/console/catalogue/{site}/channel/health-video/slots",
                        {"csrf": csrf, "slot_starts": _local(start), "slot_ends": _local(end), "slot_capacity": "2"})
    assert added.status_code == 200 and "Aika on lisätty" in added.text
    with console_backend.sessions() as s:
        [slot] = [r for r in s.scalars(select(Slot).where(Slot.site_id == site)) if r.id not in before]
        assert slot.capacity == 2 and slot.channel_id == "health-video"
    kiosk.sync()
    assert _kiosk_entry(kiosk, "slot", slot.id)["capacity"] == 2
    _reimport(console_backend, site)
    assert _backend_entry(console_backend, site, "slot", slot.id) is not None  # kept through the re-import
    with console_backend.sessions() as s:
        assert s.get(Slot, (site, slot.id)) is not None

    assert editor.post(f"/console/catalogue/{site}/channel/health-video/slots/hv-1/remove",
                       {"csrf": csrf}).status_code == 409  # the import's own time is not the console's to remove
    gone = editor.post(f"/console/catalogue/{site}/channel/health-video/slots/{slot.id}/remove", {"csrf": csrf})
    assert gone.status_code == 200 and "Aika on poistettu" in gone.text
    assert _backend_entry(console_backend, site, "slot", slot.id) is None
    kiosk.sync()
    assert _kiosk_entry(kiosk, "slot", slot.id) is None
    _reimport(console_backend, site)
    assert _backend_entry(console_backend, site, "slot", slot.id) is None
