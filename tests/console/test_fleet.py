"""The fleet page and /metrics: every device with its heartbeat's figures, stale and stuck
devices standing out, enrolment codes, revocation, versions per rollout group."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime, timedelta, timezone

import requests
from prometheus_client.parser import text_string_to_metric_families
from sqlalchemy import update

from sync.server.console.fleet import devices, rollout
from sync.server.models import Device


def _kiosk(backend, site, name, beat=None, seen_ago=None):
    from sync.server.store import DeviceIdentity, create_enrolment_code, enrol, record_heartbeat

    dev = enrol(backend.sessions, create_enrolment_code(backend.sessions, site), name)
    if beat is not None:
        record_heartbeat(backend.sessions, DeviceIdentity(dev["device_id"], site), beat)
    if seen_ago is not None:
        with backend.sessions.begin() as s:
            s.execute(update(Device).where(Device.id == dev["device_id"])
                      .values(last_seen_at=datetime.now(timezone.utc) - seen_ago))
    return dev


BEAT = {"app_version": "1.4.0", "outbox_depth": 0, "quarantined": 0, "oldest_pending_age_s": None,
        "last_sync_at": None, "last_error": None, "update": {"state": "up_to_date", "current_version": "1.4.0"}}


def test_a_silent_kiosk_and_a_stuck_one_stand_out(console_backend, staff):
    site = console_backend.new_site()
    well = _kiosk(console_backend, site, "lobby-well", BEAT)
    silent = _kiosk(console_backend, site, "lobby-silent", BEAT, seen_ago=timedelta(hours=2))
    stuck = _kiosk(console_backend, site, "lobby-stuck", {**BEAT, "outbox_depth": 7, "quarantined": 2,
                                                          "oldest_pending_age_s": 7200.0,
                                                          "last_error": "backend answered 503"})
    rows = {r.id: r for r in devices(console_backend.sessions)}
    assert rows[well["device_id"]].problems == []
    assert rows[silent["device_id"]].problems == ["problem_stale"]
    assert rows[stuck["device_id"]].problems == ["problem_stuck", "problem_error"]
    it = staff("it")
    page = it.get("/console/fleet?lang=en").text
    row = page.split(f'id="device-{silent["device_id"]}"')[1].split("</tr>")[0]
    assert "silent too long" in row and 'class="problem"' in page.split(f'id="device-{silent["device_id"]}"')[0][-40:]
    assert "backend answered 503" in page and "1.4.0" in page


def test_it_creates_an_enrolment_code_that_a_kiosk_can_use_and_revokes_a_device(console_backend, staff):
    from sync.server.store import authenticate, enrol

    site = console_backend.new_site()
    it = staff("it")
    page = it.post("/console/fleet/enrolment-codes", {"site": site, "csrf": it.csrf("/console/fleet")})
    code = page.text.split('<p class="code">')[1].split("</p>")[0]
    dev = enrol(console_backend.sessions, code, "new-kiosk")
    assert authenticate(console_backend.sessions, dev["token"]).site == site
    bad = it.post("/console/fleet/enrolment-codes", {"site": "no spaces/please", "csrf": it.csrf("/console/fleet")})
    assert bad.status_code == 200 and 'class="notice error"' in bad.text
    gone = it.post(f"/console/fleet/devices/{dev['device_id']}/revoke", {"csrf": it.csrf("/console/fleet")})
    assert gone.status_code == 200
    refused = requests.post(f"{console_backend.url}/api/v1/heartbeat", json=BEAT, timeout=10,
                            headers={"Authorization": f"Bearer {dev['token']}"})
    assert refused.status_code in (401, 403)


def test_versions_per_rollout_group(console_backend):
    site = console_backend.new_site()
    _kiosk(console_backend, site, "a", {**BEAT, "update": {"state": "up_to_date", "current_version": "1.5.0",
                                                           "device_group": "pilot"}})
    _kiosk(console_backend, site, "b", BEAT)
    groups = {(r["group"], r["version"]) for r in rollout(devices(console_backend.sessions))}
    assert {("pilot", "1.5.0"), ("default", "1.4.0")} <= groups


def test_metrics_in_the_prometheus_text_format(console_backend):
    site = console_backend.new_site()
    dev = _kiosk(console_backend, site, "metrics-kiosk", {**BEAT, "outbox_depth": 3}, seen_ago=timedelta(hours=1))
    text = requests.get(f"{console_backend.url}/metrics", timeout=10)
    assert text.status_code == 200 and text.headers["content-type"].startswith("text/plain")
    samples = [s for f in text_string_to_metric_families(text.text) for s in f.samples]
    mine = lambda name: [s for s in samples if s.name == name and s.labels.get("device") == dev["device_id"]]  # noqa: E731
    assert mine("welfare_kiosk_outbox_depth")[0].value == 3
    assert mine("welfare_kiosk_stale")[0].value == 1
    assert mine("welfare_kiosk_last_heartbeat_age_seconds")[0].value >= 3600
    assert mine("welfare_kiosk_version_info")[0].labels["version"] == "1.4.0"


def test_a_real_kiosk_reports_its_rollout_group_with_its_heartbeat(console_backend, staff, make_kiosk, tmp_path,
                                                                     monkeypatch):
    """The updater writes the group into its status; the kiosk's sync worker sends that
    status with its heartbeat, and the fleet page counts the kiosk in its group."""
    from sync.update.settings import UpdateSettings
    from sync.update.status import load_status, write_status
    from sync.update.updater import Updater

    state = tmp_path / "updater-state"
    settings = UpdateSettings(repository_url="http://127.0.0.1:9/none", install_root=tmp_path / "install",
                              state_dir=state, liveness_dir=tmp_path / "live", device_group="pilot-kontula")
    status = Updater(settings, is_idle=lambda: True, restart_kiosk=lambda: None)._status(
        "up_to_date")  # what the updater writes after each round
    assert load_status(state).device_group == "pilot-kontula"
    write_status(state, replace(status, current_version="1.6.0"))
    monkeypatch.setenv("KIOSK_UPDATE_STATE_DIR", str(state))
    site = console_backend.new_site()
    kiosk = make_kiosk(console_backend, site)
    kiosk.sync()
    groups = {(r["group"], r["version"]) for r in rollout(devices(console_backend.sessions))}
    assert ("pilot-kontula", "1.6.0") in groups
    page = staff("it").get("/console/fleet").text
    assert re.search(r"<td>pilot-kontula</td>\s*<td>1\.6\.0</td>", page), page[page.find("h-rollout"):][:1500]
