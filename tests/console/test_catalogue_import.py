"""PTV pages uploaded in the console (catalogue editor): imported all or nothing as the
command line does, the site's console additions kept through a re-import, a bad page
refused with the file and the item named and the catalogue left as it was."""

from __future__ import annotations

import re
import uuid

from sqlalchemy import select

from sync.server import catalogue_edits
from sync.server.models import CatalogueEntry, CatalogueHistory
from tests.conftest import FIXTURES

GOOD, BAD = FIXTURES / "ptv" / "good", FIXTURES / "ptv" / "bad"
CITY = "1a5b9c4e-0d1f-4b7a-9a10-5f4a3c2b1a01"


def _files(*paths):
    return [("pages", (p.name, p.read_bytes(), "application/json")) for p in paths]


def _entries(backend, site) -> dict:
    with backend.sessions() as s:
        return {(e.kind, e.id): (e.deleted, e.data) for e in s.scalars(
            select(CatalogueEntry).where(CatalogueEntry.site_id == site, CatalogueEntry.kind.in_(("provider", "service"))))}


def test_uploaded_pages_are_imported_and_a_reimport_keeps_the_console_additions(console_backend, staff):
    site = f"ptv-{uuid.uuid4().hex[:8]}"
    editor = staff("catalogue-editor")
    csrf = editor.csrf("/console/catalogue")
    done = editor.post("/console/catalogue/import-ptv", {"csrf": csrf, "site": site}, files=_files(*sorted(GOOD.glob("*.json"))))
    assert done.status_code == 200, done.text[-1500:]
    assert f"Tuotu toimipisteelle {site}" in done.text and "PTV: 3 services" in done.text
    first = _entries(console_backend, site)
    assert ("provider", CITY) in first and first[("provider", "3c7d1e60-2f31-4d9c-9c32-7b6c5e4d3c03")][1]["accepts_vouchers"]
    with console_backend.sessions() as s:
        who = set(s.scalars(select(CatalogueHistory.actor_name).where(CatalogueHistory.site_id == site)))
    assert who == {"Kaisa Katalogi"}

    catalogue_edits.set_vouchers(console_backend.sessions, site, CITY, True, actor="catalogue-editor")
    again = editor.post("/console/catalogue/import-ptv", {"csrf": csrf, "site": site},
                        files=_files(*sorted(GOOD.glob("*.json"))))
    assert again.status_code == 200 and "0 muuttunutta, 0 poistunutta" in again.text
    assert _entries(console_backend, site)[("provider", CITY)][1]["accepts_vouchers"] is True


def test_a_bad_upload_is_refused_naming_the_file_and_changes_nothing(console_backend, staff):
    site = f"ptv-{uuid.uuid4().hex[:8]}"
    editor = staff("catalogue-editor")
    csrf = editor.csrf("/console/catalogue")
    assert editor.post("/console/catalogue/import-ptv", {"csrf": csrf, "site": site},
                       files=_files(*sorted(GOOD.glob("*.json")))).status_code == 200
    before = _entries(console_backend, site)
    for bad in sorted(BAD.glob("*.json")):
        pages = [p for p in sorted(GOOD.glob("*.json")) if p.name.split(".")[0] != bad.name.split(".")[0]]
        page = editor.post("/console/catalogue/import-ptv", {"csrf": csrf, "site": site}, files=_files(*pages, bad))
        assert page.status_code == 422, bad.name
        assert "Mitään ei tuotu" in page.text and bad.name in page.text, (bad.name, page.text[-2000:])
        assert _entries(console_backend, site) == before, bad.name
    odd = editor.post("/console/catalogue/import-ptv", {"csrf": csrf, "site": site},
                      files=[("pages", ("../../etc/passwd", b"root:x:0:0", "text/plain"))])
    assert odd.status_code == 422 and "not a .json page" in odd.text
    nothing = editor.post("/console/catalogue/import-ptv", {"csrf": csrf, "site": site})
    assert nothing.status_code == 422 and "Valitse ainakin yksi PTV-sivu" in nothing.text
    bad_site = editor.post("/console/catalogue/import-ptv", {"csrf": csrf, "site": "no spaces"},
                           files=_files(GOOD / "service-1.json"))
    assert bad_site.status_code == 422 and re.search(r'id="i-site"[^>]*aria-invalid="true"', bad_site.text)
    forged = editor.post("/console/catalogue/import-ptv", {"csrf": "forged", "site": site},
                         files=_files(*sorted(GOOD.glob("*.json"))))
    assert forged.status_code == 403
    assert staff("moderator").post("/console/catalogue/import-ptv", {"csrf": csrf, "site": site},
                                   files=_files(GOOD / "service-1.json")).status_code == 403
    assert _entries(console_backend, site) == before
