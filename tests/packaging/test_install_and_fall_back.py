"""Install beside, switch only when idle or at night, fall back when unhealthy.

The "kiosk" here is a real process started from <install_root>/current/kiosk.py,
standing in for `systemctl restart welfare-kiosk` (systemd cannot run as PID 1 in
this test environment). A healthy version calls KioskLiveness.ready(); a broken
one exits during its self-check.
"""

from __future__ import annotations

from datetime import datetime, time

import pytest

from sync.update.install import InstallFailed, VersionStore
from sync.update.status import read_status
from sync.update.updater import Updater, in_window
from tests.packaging.conftest import make_updater


@pytest.fixture
def running(repository, all_signers, make_archive, device, kiosk_processes):
    repository.add_release(make_archive("1.0.0"), "1.0.0", channel="stable", groups=["*"], signers=all_signers)
    settings = device(health_timeout_s=6.0)
    kiosk = kiosk_processes(settings)
    assert make_updater(settings, kiosk).run_once().state == "updated"
    return settings, kiosk


def test_unhealthy_new_version_is_replaced_by_the_previous_one(repository, all_signers, make_archive, running):
    settings, kiosk = running
    repository.add_release(make_archive("1.1.0", healthy=False), "1.1.0", channel="stable", groups=["*"],
                           signers=all_signers)
    restarts_before = kiosk.restarts

    status = make_updater(settings, kiosk).run_once()

    assert status.state == "fell_back", status
    assert status.fell_back_from == "1.1.0"
    assert status.current_version == "1.0.0"
    store = VersionStore(settings.install_root)
    assert store.current_version() == "1.0.0"
    assert kiosk.restarts == restarts_before + 2  # into 1.1.0, and back into 1.0.0
    heartbeat = read_status(settings.state_dir)
    assert heartbeat["state"] == "fell_back" and "1.1.0 did not report healthy" in heartbeat["message"]
    # The previous version really runs again and reports healthy.
    kiosk.process.wait(timeout=10)
    assert kiosk.process.returncode == 0
    # The bad version is not retried on every check; a newer one is.
    assert make_updater(settings, kiosk).run_once().state == "up_to_date"
    assert store.current_version() == "1.0.0"
    repository.add_release(make_archive("1.1.1"), "1.1.1", channel="stable", groups=["*"], signers=all_signers)
    assert make_updater(settings, kiosk).run_once().state == "updated"
    assert store.current_version() == "1.1.1"


def test_fall_back_also_happens_when_the_updater_was_killed_mid_switch(
    repository, all_signers, make_archive, running
):
    settings, kiosk = running
    repository.add_release(make_archive("1.1.0", healthy=False), "1.1.0", channel="stable", groups=["*"],
                           signers=all_signers)
    updater = make_updater(settings, kiosk)
    updater.stop()  # stops the health wait at once, as if the updater died after switching
    assert updater.run_once().state == "awaiting_health"
    assert VersionStore(settings.install_root).current_version() == "1.1.0"

    import time as _time

    _time.sleep(settings.health_timeout_s + 0.5)
    status = make_updater(settings, kiosk).run_once()  # the next timer run settles it
    assert status.state == "fell_back"
    assert VersionStore(settings.install_root).current_version() == "1.0.0"


def test_new_version_waits_beside_until_the_kiosk_is_idle(repository, all_signers, make_archive, running):
    settings, kiosk = running
    repository.add_release(make_archive("1.1.0"), "1.1.0", channel="stable", groups=["*"], signers=all_signers)
    store = VersionStore(settings.install_root)

    busy = make_updater(settings, kiosk, idle=False).run_once()

    assert busy.state == "waiting_for_idle"
    assert store.current_version() == "1.0.0"
    assert (settings.install_root / "versions" / "1.1.0" / "VERSION").is_file()
    assert make_updater(settings, kiosk, idle=True).run_once().state == "updated"
    assert store.current_version() == "1.1.0"


def test_night_window_allows_switching_while_not_idle(repository, all_signers, make_archive, running):
    from dataclasses import replace

    settings, kiosk = running
    settings = replace(settings, night_window=(time(2, 0), time(5, 0)))
    repository.add_release(make_archive("1.1.0"), "1.1.0", channel="stable", groups=["*"], signers=all_signers)
    day = Updater(settings, is_idle=lambda: False, restart_kiosk=kiosk.restart,
                  clock=lambda: datetime(2026, 11, 25, 14, 0), poll_interval_s=0.1)
    assert day.run_once().state == "waiting_for_idle"
    night = Updater(settings, is_idle=lambda: False, restart_kiosk=kiosk.restart,
                    clock=lambda: datetime(2026, 11, 25, 3, 0), poll_interval_s=0.1)
    assert night.run_once().state == "updated"


def test_night_window_can_wrap_past_midnight():
    window = (time(23, 0), time(4, 0))
    assert in_window(datetime(2026, 1, 1, 23, 30), window)
    assert in_window(datetime(2026, 1, 1, 3, 59), window)
    assert not in_window(datetime(2026, 1, 1, 12, 0), window)
    assert not in_window(datetime(2026, 1, 1, 12, 0), None)


def test_staged_rollout_reaches_only_the_named_groups(repository, all_signers, make_archive, device, kiosk_processes):
    repository.add_release(make_archive("1.0.0"), "1.0.0", channel="stable", groups=["*"], signers=all_signers)
    pilot, other = device(group="pilot", name="pilot"), device(group="default", name="other")
    for settings in (pilot, other):
        assert make_updater(settings, kiosk_processes(settings)).run_once().state == "updated"
    repository.add_release(make_archive("1.1.0"), "1.1.0", channel="stable", groups=["pilot"], signers=all_signers)

    assert make_updater(pilot, kiosk_processes(pilot)).run_once().current_version == "1.1.0"
    assert make_updater(other, kiosk_processes(other)).run_once().current_version == "1.0.0"

    repository.set_rollout("stable", "1.1.0", ["*"], all_signers)
    assert make_updater(other, kiosk_processes(other)).run_once().current_version == "1.1.0"


def test_beta_channel_sees_beta_and_stable_sees_only_stable(
    repository, all_signers, make_archive, device, kiosk_processes
):
    repository.add_release(make_archive("1.0.0"), "1.0.0", channel="stable", groups=["*"], signers=all_signers)
    repository.add_release(make_archive("1.1.0"), "1.1.0", channel="beta", groups=["*"], signers=all_signers)
    beta, stable = device(channel="beta", name="beta"), device(channel="stable", name="stable")
    assert make_updater(beta, kiosk_processes(beta)).run_once().current_version == "1.1.0"
    assert make_updater(stable, kiosk_processes(stable)).run_once().current_version == "1.0.0"


def test_archive_with_path_escape_is_refused(tmp_path):
    import io
    import tarfile

    archive = tmp_path / "evil.tar.gz"
    with tarfile.open(archive, "w:gz") as tar:
        data = b"owned"
        info = tarfile.TarInfo("../../outside.txt")
        info.size = len(data)
        tar.addfile(info, io.BytesIO(data))
    store = VersionStore(tmp_path / "opt")
    with pytest.raises(InstallFailed):
        store.install_release(archive, "9.9.9")
    assert not (tmp_path / "outside.txt").exists()
    assert store.installed_versions() == []


def test_switch_is_a_symlink_rename(tmp_path, make_archive):
    store = VersionStore(tmp_path / "opt")
    store.install_release(make_archive("1.0.0"), "1.0.0")
    store.install_release(make_archive("1.1.0"), "1.1.0")
    store.switch_to("1.0.0")
    store.switch_to("1.1.0")
    current = tmp_path / "opt" / "current"
    assert current.is_symlink() and (current / "VERSION").read_text().strip() == "1.1.0"
    assert store.previous_version() == "1.0.0"
    assert store.fall_back() == "1.0.0"
    assert (current / "VERSION").read_text().strip() == "1.0.0"
    assert not list((tmp_path / "opt").glob(".*.new"))
