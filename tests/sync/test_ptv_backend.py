"""``welfare-backend import-ptv`` against the real backend: the command imports PTV pages
for a site, a kiosk's pull over HTTP gets the services, a re-import changes nothing and a
service PTV no longer publishes is retired with its history kept for the reports."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import uuid
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from sqlalchemy import select

from kiosk.catalogue import ptv
from kiosk.catalogue.service import Catalogue
from sync.catalogue_pull import pull_catalogue
from sync.client import BackendClient
from sync.server.models import CatalogueEntry, Item
from sync.server.reports import feedback_report
from tests.conftest import FIXTURES, REPO
from tests.backend import start_backend

HEALTH = "a1000000-0000-4000-8000-000000000001"
PHYSIO = "a2000000-0000-4000-8000-000000000002"
HOME_CARE = "a4000000-0000-4000-8000-000000000004"


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def backend(request, tmp_path_factory):
    """The reference backend on each database."""
    workdir = tmp_path_factory.mktemp(f"backend-{request.param}")
    if request.param == "sqlite":
        url = f"sqlite:///{workdir / 'backend.db'}"
    else:
        url = request.getfixturevalue("postgres").create_database(f"ptv_{uuid.uuid4().hex[:8]}")
    proc = start_backend(url, workdir)
    yield proc
    proc.stop()


@pytest.fixture
def pages(tmp_path) -> Path:
    target = tmp_path / "ptv"
    shutil.copytree(FIXTURES / "ptv" / "good", target)
    return target


def _import_ptv(backend, pages: Path, site: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "sync.server.cli", "--db", backend.db_url, "import-ptv",
                           str(pages), "--site", site], cwd=REPO, capture_output=True, text=True, timeout=120)


@pytest.fixture
def ptv_site(backend, pages) -> str:
    site = f"ptv-{uuid.uuid4().hex[:8]}"
    done = _import_ptv(backend, pages, site)
    assert done.returncode == 0, done.stderr
    assert "PTV: 3 services" in done.stdout and "left out (1):" in done.stdout
    return site


@pytest.fixture
def client(backend, ptv_site):
    creds = BackendClient(backend.url).enrol(backend.enrolment_code(ptv_site), "ptv-kiosk")
    c = BackendClient(backend.url, credentials=creds)
    c.device_id = creds.device_id
    yield c
    c.close()


def test_a_kiosk_pull_gets_the_ptv_services_with_the_local_additions(db, client):
    pull_catalogue(db, client)
    cat = Catalogue(db)
    assert {s.id for s in cat.all_services()} == {HEALTH, PHYSIO, HOME_CARE}
    health = cat.service(HEALTH)
    assert health.names["sv"] == "Hälsostationens mottagning"
    kinds = {c.id: c.kind for c in health.channels}
    assert kinds[ptv.channel_id("c1000000-0000-4000-8000-000000000001", HEALTH)] == "visit"
    assert kinds["kontula-walk-in"] == "walk_in"  # the local queue line came along
    assert cat.service(PHYSIO).accepts_vouchers
    assert any(p.accepts_vouchers for p in cat.service(PHYSIO).producers)


def test_a_reimport_of_the_same_pages_changes_nothing(backend, pages, ptv_site):
    again = _import_ptv(backend, pages, ptv_site)
    assert again.returncode == 0, again.stderr
    assert f"site {ptv_site}: 0 entries changed, 0 retired" in again.stdout


def test_a_service_gone_from_ptv_is_retired_and_keeps_its_history(db, backend, pages, ptv_site, client):
    pull_catalogue(db, client)
    with backend.sessions.begin() as s:  # a resident's feedback on home care, already received
        now = datetime.now(timezone.utc)
        s.add(Item(id=str(uuid.uuid4()), device_id=client.device_id, site_id=ptv_site, kind="feedback",
                   content_hash="x" * 64, created_at=now, received_at=now,
                   payload={"service_id": HOME_CARE, "smiley": 4}))
    page = json.loads((pages / "service-2.json").read_text(encoding="utf-8"))
    page["itemList"] = [i for i in page["itemList"] if i["id"] != HOME_CARE]
    (pages / "service-2.json").write_text(json.dumps(page, ensure_ascii=False), encoding="utf-8")
    done = _import_ptv(backend, pages, ptv_site)
    assert done.returncode == 0, done.stderr
    # Home care and the city, which now organises nothing else here.
    assert f"site {ptv_site}: 0 entries changed, 2 retired" in done.stdout

    pull_catalogue(db, client)
    assert Catalogue(db).service(HOME_CARE) is None
    assert Catalogue(db).service(HEALTH) is not None
    with backend.sessions() as s:
        row = s.scalar(select(CatalogueEntry).where(CatalogueEntry.site_id == ptv_site,
                                                    CatalogueEntry.kind == "service", CatalogueEntry.id == HOME_CARE))
    assert row.deleted and row.data["names"]["fi"] == "Kotihoito"
    today = datetime.now(timezone.utc).date()
    report = feedback_report(backend.sessions, ptv_site, today - timedelta(days=1), today + timedelta(days=1))
    assert [(g["name"], g["count"]) for g in report["groups"]] == [("Kotihoito", 1)]


def test_bad_pages_are_refused_and_the_site_keeps_its_catalogue(db, backend, pages, ptv_site, client):
    shutil.copy(FIXTURES / "ptv" / "bad" / "service-channel-2.unknown-type.json", pages / "service-channel-2.json")
    done = _import_ptv(backend, pages, ptv_site)
    assert done.returncode == 1
    assert "service-channel-2.json itemList[1]" in done.stderr and "'Chat'" in done.stderr
    pull_catalogue(db, client)
    assert {s.id for s in Catalogue(db).all_services()} == {HEALTH, PHYSIO, HOME_CARE}
