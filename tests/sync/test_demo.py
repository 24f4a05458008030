"""`make run`'s backend: `welfare-backend demo` serves demo data on 127.0.0.1 and the
local kiosk enrols itself from the code it leaves, then pulls the catalogue."""

import subprocess
import sys
import time
from datetime import datetime, timedelta, timezone

import requests

from kiosk.catalogue.service import Catalogue
from tests.conftest import REPO
from tests.backend import free_port


def start_demo_backend(tmp_path, data, port):
    """`welfare-backend demo` as `make run` starts it, answering on ``port``."""
    proc = subprocess.Popen([sys.executable, "-m", "sync.server.cli", "--db", f"sqlite:///{tmp_path / 'demo.db'}",
                             "demo", "--port", str(port), "--code-file", str(data / "enrolment-code")],
                            cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 60
    while True:
        try:
            requests.get(f"http://127.0.0.1:{port}/api/v1/health", timeout=1)
            return proc
        except requests.RequestException:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                raise AssertionError(proc.stdout.read().decode()) from None
            time.sleep(0.2)


def test_the_demo_is_bookable_on_the_day_make_run_starts_whatever_day_that_is(tmp_path, db):
    # tests/test_hard_instants.py also runs this under faketime far from the day the
    # catalogue file was written (2027-06-15): slots come from weekly rules expanded
    # from the day the backend imports them, so the demo never goes stale.
    from kiosk.booking import CONFIRMED, BookingDesk
    from sync.booking_client import BookingRemote
    from sync.worker import SyncWorker

    port, data = free_port(), tmp_path / "data"
    proc = start_demo_backend(tmp_path, data, port)
    url = f"http://127.0.0.1:{port}"
    remote = None
    try:
        worker = SyncWorker(db, base_url=url, data_dir=data, device_name="demo-kiosk")
        assert worker.sync_once().last_error is None
        worker.stop()
        catalogue, now = Catalogue(db), datetime.now(timezone.utc)
        channel = next(ch for ch in catalogue.service("maternity-clinic").channels if ch.kind == "visit")
        slots = catalogue.free_slots(channel.id, after=now)
        assert slots and slots[0].starts_at < now + timedelta(days=8), f"no demo slot in the coming week of {now}"
        remote = BookingRemote(url, data_dir=data, timeout_s=5.0)
        desk = BookingDesk(db, catalogue, remote=remote, status_url=remote.status_url())
        booking = desk.book(subject="demo-resident-1", service_id="maternity-clinic", channel_id=channel.id,
                            slot_id=slots[0].id, language="fi")
        assert booking.state == CONFIRMED
    finally:
        if remote is not None:
            remote.close()
        proc.terminate()
        proc.wait(10)


def test_the_kiosks_own_demo_import_is_bookable_from_today(db):
    # `welfare-kiosk --demo` with no backend reachable imports the same file itself.
    from ui.app import load_demo_catalogue

    assert load_demo_catalogue(db) == "catalogue.json"
    now = datetime.now(timezone.utc)
    slots = Catalogue(db).free_slots("maternity-clinic.visit", after=now)
    assert slots and slots[0].starts_at < now + timedelta(days=8), f"no demo slot in the coming week of {now}"


def test_demo_backend_enrols_the_local_kiosk(tmp_path, db):
    from sync.worker import SyncWorker

    port = free_port()
    data = tmp_path / "data"
    proc = subprocess.Popen([sys.executable, "-m", "sync.server.cli", "--db", f"sqlite:///{tmp_path / 'demo.db'}",
                             "demo", "--port", str(port), "--code-file", str(data / "enrolment-code")],
                            cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                requests.get(f"http://127.0.0.1:{port}/api/v1/health", timeout=1)
                break
            except requests.RequestException:
                assert proc.poll() is None and time.monotonic() < deadline, proc.stdout.read().decode()
                time.sleep(0.2)
        assert (data / "enrolment-code").exists()
        worker = SyncWorker(db, base_url=f"http://127.0.0.1:{port}", data_dir=data, device_name="demo-kiosk")
        status = worker.sync_once()
        worker.stop()
        assert status.last_error is None and status.enrolled
        assert (data / "device.json").exists() and not (data / "enrolment-code").exists()
        assert len(Catalogue(db)) > 0
    finally:
        proc.terminate()
        proc.wait(10)
