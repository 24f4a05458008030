"""Enrolment is safe to retry: a lost answer never strands the kiosk.

The finding: the backend committed the enrolment, its answer was lost on the way, and
every later try said the code was unknown or used, so the kiosk's items stayed pending
for ever. Now the kiosk sends a secret request id made once per install with the code,
and the same code with the same request id within the window returns the same device.
The network faults are real (tests/sync/faultproxy.py in front of the real backend).
"""

from __future__ import annotations

import stat
import uuid
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from kiosk import outbox
from sync.client import BackendClient, Refused
from sync.enrolment import REQUEST_FILE, EnrolmentRefused, enrol_with_code, enrolment_request_id, load_credentials
from sync.server.models import Device, EnrolmentRetry
from tests.backend import server_items, start_backend
from tests.sync.faultproxy import FaultProxy


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def backend(request, tmp_path_factory):
    """The reference backend on each database (this module's ``site``, ``kiosk_data`` and
    ``make_worker`` use it)."""
    workdir = tmp_path_factory.mktemp(f"backend-{request.param}")
    if request.param == "sqlite":
        url = f"sqlite:///{workdir / 'backend.db'}"
    else:
        url = request.getfixturevalue("postgres").create_database(f"enrol_{uuid.uuid4().hex[:8]}")
    proc = start_backend(url, workdir)
    yield proc
    proc.stop()


@pytest.fixture
def proxy(backend):
    p = FaultProxy(backend.url)
    yield p
    p.close()


def _devices(backend, site) -> int:
    with backend.sessions() as s:
        return s.scalar(select(func.count()).select_from(Device).where(Device.site_id == site))


def _vote(db) -> str:
    with db.sessions.begin() as s:
        return outbox.record(s, "staff_audit", {"staff_id": "p", "event": "o"}).id


def test_a_lost_enrolment_answer_is_retried_into_the_same_device(db, backend, site, kiosk_data, make_worker, proxy):
    item = _vote(db)
    proxy.fail("/api/v1/enrol", "drop_after_commit")
    worker = make_worker(url=proxy.url)

    lost = worker.sync_once()
    assert not lost.enrolled and lost.pending == 1
    assert proxy.log[0][0] == "/api/v1/enrol" and proxy.log[0][2] == 200  # the backend did enrol it
    assert _devices(backend, site) == 1

    status = worker.sync_once()

    assert status.enrolled and status.last_error is None, status.last_error
    assert status.pending == 0 and [i.id for i in server_items(backend, site_id=site)] == [item]
    assert _devices(backend, site) == 1  # the same device, not a second one
    creds = load_credentials(kiosk_data)
    with backend.sessions() as s:
        assert s.get(Device, creds.device_id) is not None
    assert not (kiosk_data / REQUEST_FILE).exists() and not (kiosk_data / "enrolment-code").exists()


def test_a_kiosk_that_died_before_saving_gets_the_same_credentials(backend, site, tmp_path):
    """The answer arrived but was never saved (power cut): the next start asks again."""
    code = backend.enrolment_code(site)
    request_id = enrolment_request_id(tmp_path)
    first = BackendClient(backend.url).enrol(code, "k", request_id)
    again = BackendClient(backend.url).enrol(code, "k", request_id)
    assert again == first
    assert BackendClient(backend.url, credentials=again).heartbeat({"app_version": "t", "outbox_depth": 0})


def test_the_request_id_is_private_stable_and_gone_after_enrolment(backend, site, tmp_path):
    request_id = enrolment_request_id(tmp_path)
    assert enrolment_request_id(tmp_path) == request_id and len(request_id) >= 43
    assert stat.S_IMODE((tmp_path / REQUEST_FILE).stat().st_mode) == 0o600
    (tmp_path / REQUEST_FILE).write_text("damaged\n")
    assert enrolment_request_id(tmp_path) != "damaged"
    enrol_with_code(BackendClient(backend.url), tmp_path, backend.enrolment_code(site), "k")
    assert not (tmp_path / REQUEST_FILE).exists()
    with backend.sessions() as s:  # only hashes are kept on the backend
        assert all(len(r.request_hash) == 64 for r in s.scalars(select(EnrolmentRetry)))


def test_another_kiosk_cannot_take_a_used_code(backend, site, tmp_path):
    code = backend.enrolment_code(site)
    BackendClient(backend.url).enrol(code, "first", enrolment_request_id(tmp_path / "a"))
    with pytest.raises(Refused, match="unknown or already used"):
        BackendClient(backend.url).enrol(code, "second", enrolment_request_id(tmp_path / "b"))
    with pytest.raises(Refused):
        BackendClient(backend.url).enrol(code, "no-request-id")
    assert _devices(backend, site) == 1


def test_a_retry_after_the_window_or_after_revocation_is_refused(backend, site, tmp_path):
    from sync.server.store import ENROL_RETRY_WINDOW, revoke_device

    code, request_id = backend.enrolment_code(site), enrolment_request_id(tmp_path)
    creds = BackendClient(backend.url).enrol(code, "k", request_id)
    with backend.sessions.begin() as s:
        retry = s.scalar(select(EnrolmentRetry).where(EnrolmentRetry.device_id == creds.device_id))
        retry.enrolled_at = retry.enrolled_at - ENROL_RETRY_WINDOW - timedelta(minutes=1)
    with pytest.raises(Refused):
        BackendClient(backend.url).enrol(code, "k", request_id)

    code, request_id = backend.enrolment_code(site), enrolment_request_id(tmp_path / "2")
    creds = BackendClient(backend.url).enrol(code, "k", request_id)
    revoke_device(backend.sessions, creds.device_id)
    with pytest.raises(Refused):
        BackendClient(backend.url).enrol(code, "k", request_id)


def test_a_refused_code_tells_staff_what_to_do(db, backend, site, kiosk_data, make_worker):
    used = backend.enrolment_code(site)
    BackendClient(backend.url).enrol(used, "someone-else")
    (kiosk_data / "enrolment-code").write_text(used + "\n")
    item = _vote(db)

    status = make_worker().sync_once()

    assert status.enrolment_refused and not status.enrolled and status.pending == 1
    assert "IT must make a new code" in status.last_error
    # IT makes a new code: the kiosk enrols with it and delivers what waited.
    (kiosk_data / "enrolment-code").write_text(backend.enrolment_code(site) + "\n")
    status = make_worker().sync_once()
    assert status.enrolled and not status.enrolment_refused and status.pending == 0
    assert [i.id for i in server_items(backend, site_id=site)] == [item]


def test_enrol_with_code_raises_enrolment_refused(backend, site, tmp_path):
    with pytest.raises(EnrolmentRefused, match="IT must make a new code"):
        enrol_with_code(BackendClient(backend.url), tmp_path, "AAAA-BBBB-CCCC", "k")


@pytest.mark.gui
@pytest.mark.parametrize("lang", ["fi", "sv", "en"])
def test_the_staff_status_screen_says_it_in_the_kiosk_language(qtbot, db, lang):
    from sync.worker import SyncStatus
    from ui.i18n import Translator, load_catalogues
    from ui.screens.sync_status import SyncStatusScreen
    from ui.theme import metrics_for

    screen = SyncStatusScreen(tr=Translator(lang), metrics=metrics_for("1920x1080"), review=outbox.OutboxReview(db),
                              sync_now=lambda: None, staff=lambda: "nurse")
    qtbot.addWidget(screen)
    screen.set_status(SyncStatus(online=True, enrolled=False, enrolment_refused=True,
                                 last_error="the city backend refused this kiosk's enrolment code: IT must ..."))
    assert screen.connection.text() == load_catalogues()[lang]["sync.enrolment_refused"]
    assert screen.last_error.isHidden()  # no English detail on a fi or sv screen
