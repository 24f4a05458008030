"""`make run`'s backend: `welfare-backend demo` serves demo data on 127.0.0.1 and the
local kiosk enrols itself from the code it leaves, then pulls the catalogue."""

import subprocess
import sys
import time

import requests

from kiosk.catalogue.service import Catalogue
from tests.conftest import REPO
from tests.sync.conftest import free_port


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
