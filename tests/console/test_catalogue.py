"""The catalogue page: services and providers of a site, newest change first; a service
that left the catalogue is shown as retired, not gone."""

from __future__ import annotations

import json

from tests.conftest import FIXTURES


def test_a_retired_service_is_listed_as_retired(console_backend, staff):
    from sync.server.store import import_catalogue

    data = json.loads((FIXTURES / "mini_catalogue.json").read_text(encoding="utf-8"))
    site = console_backend.new_site(data)
    data["services"] = [sv for sv in data["services"] if sv["id"] != "family-cafe"]
    import_catalogue(console_backend.sessions, data, site)
    editor = staff("catalogue-editor")
    page = editor.get(f"/console/catalogue?site={site}&lang=en")
    assert page.status_code == 200
    rows = page.text.split("<tbody>")[1].split("</tr>")
    cafe = next(r for r in rows if "family-cafe" in r)
    assert "retired" in cafe
    assert rows.index(cafe) == 0  # the newest change comes first
    assert "in use" in next(r for r in rows if "maternity-clinic" in r)
    assert "City health services" in next(r for r in rows if "maternity-clinic" in r)
