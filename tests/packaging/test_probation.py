"""A version that reports ready once and then keeps crashing does not stay installed.

The updater keeps watching after the first healthy report (sync/update/probation.py):
the kiosk records each start, and a version is confirmed after a stable period or a
number of clean starts, or fallen back from when its starts keep failing.
"""

from __future__ import annotations

import json
import time
from dataclasses import replace

import pytest

from sync.update.install import VersionStore
from sync.update.probation import CONFIRMED, FAILED, STALE_AFTER_S, WATCHING, Start, judge, read_starts
from sync.update.status import read_status
from tests.packaging.conftest import make_updater, publisher

HEAD = """\
from pathlib import Path
from sync.update.watchdog import KioskLiveness
here = Path(__file__).resolve().parent
liveness = KioskLiveness.from_environment()
liveness.version = (here / "VERSION").read_text().strip()
liveness.ready()
"""
READY_THEN_CRASH = HEAD + "raise SystemExit('crashed after ready')\n"
STAYS_UP = HEAD + "import time\nwhile True:\n    liveness.ping(idle=True)\n    time.sleep(0.05)\n"

POLICY = dict(stable_after_s=600.0, clean_starts=3, max_failed_starts=3, health_timeout_s=120.0)
T0 = 1_000_000.0


def _start(i: int, *, ran: float = 1.0, clean: bool = False, pid: int | None = None) -> Start:
    return Start("1.1.0", pid or 1000 + i, T0 + 100 * i, T0 + 100 * i + ran, clean)


# -- the verdict, without processes ---------------------------------------------------------
def test_starts_that_keep_failing_are_a_failure():
    starts = [_start(i) for i in range(4)]  # each ran a second; the last may still run
    v = judge(starts, now=T0 + 301, alive=lambda pid: pid == 1003, **POLICY)
    assert v.outcome == FAILED and v.failed == 3


def test_one_start_that_ran_the_stable_period_confirms_the_version():
    starts = [_start(0), _start(1, ran=600.0)]
    assert judge(starts, now=T0 + 800, alive=lambda pid: True, **POLICY).outcome == CONFIRMED


def test_clean_starts_confirm_the_version():
    starts = [_start(i, clean=True) for i in range(3)]
    assert judge(starts, now=T0 + 300, alive=lambda pid: False, **POLICY).outcome == CONFIRMED


def test_a_running_start_is_watched():
    v = judge([_start(0), _start(1, ran=30.0)], now=T0 + 135, alive=lambda pid: True, **POLICY)
    assert v.outcome == WATCHING and v.failed == 1


def test_a_version_that_went_down_and_never_came_back_is_a_failure():
    starts = [_start(0, ran=5.0)]
    assert judge(starts, now=T0 + 5 + 60, alive=lambda pid: False, **POLICY).outcome == WATCHING
    assert judge(starts, now=T0 + 5 + 121, alive=lambda pid: False, **POLICY).outcome == FAILED


def test_a_clean_quit_is_never_a_failure():
    starts = [_start(0, clean=True)]
    v = judge(starts, now=T0 + 10_000, alive=lambda pid: False, **POLICY)
    assert v.outcome == WATCHING and v.failed == 0


def test_a_hung_start_counts_as_ended_when_it_stops_pinging():
    starts = [_start(0, ran=5.0)]
    now = T0 + 5 + STALE_AFTER_S + 1
    assert judge(starts, now=now, alive=lambda pid: True, **POLICY).failed == 1


# -- the kiosk records its starts ---------------------------------------------------------
def test_the_kiosk_records_each_start_its_pings_and_a_clean_stop(tmp_path):
    from sync.update.watchdog import KioskLiveness

    live = KioskLiveness(notify_socket=None, watchdog_usec=None, liveness_dir=tmp_path, version="1.1.0")
    live.ready()
    first = read_starts(tmp_path)[-1]
    live.ping(idle=True)
    live.stopping()
    [start] = read_starts(tmp_path)
    assert start.version == "1.1.0" and start.started_at == first.started_at
    assert start.last_seen >= first.last_seen and start.stopped_cleanly
    (tmp_path / "starts.json").write_text("not json")  # a damaged file is started afresh
    live.ready()
    assert len(read_starts(tmp_path)) == 1


# -- the updater, with real kiosk processes -------------------------------------------------
@pytest.fixture
def archive_with(tmp_path):
    def make(version: str, script: str):
        folder = tmp_path / "bundles" / version
        folder.mkdir(parents=True)
        (folder / "VERSION").write_text(version + "\n")
        (folder / "kiosk.py").write_text(script)
        archive = tmp_path / "dist" / f"welfare-kiosk-{version}.tar.gz"
        publisher.write_release_archive(folder, archive)
        return archive

    return make


@pytest.fixture
def on_1_0_0(repository, all_signers, archive_with, device, kiosk_processes):
    repository.add_release(archive_with("1.0.0", STAYS_UP), "1.0.0", channel="stable", groups=["*"],
                           signers=all_signers)
    settings = replace(device(health_timeout_s=10.0), stable_after_s=1.0)
    kiosk = kiosk_processes(settings)
    assert make_updater(settings, kiosk).run_once().state == "updated"
    return settings, kiosk


def _publish(repository, all_signers, archive_with, version, script):
    repository.add_release(archive_with(version, script), version, channel="stable", groups=["*"],
                           signers=all_signers)


def _wait_for(condition, timeout_s=20.0):
    deadline = time.monotonic() + timeout_s
    while not condition():
        assert time.monotonic() < deadline, "condition not reached"
        time.sleep(0.05)


def test_a_version_that_crashes_after_ready_is_fallen_back_from(repository, all_signers, archive_with, on_1_0_0):
    settings, kiosk = on_1_0_0
    _publish(repository, all_signers, archive_with, "1.1.0", READY_THEN_CRASH)
    status = make_updater(settings, kiosk).run_once()
    assert status.state == "updated" and status.current_version == "1.1.0"  # it did say ready once
    assert status.watching_health and read_status(settings.state_dir)["watching_health"] is True
    for _ in range(2):  # systemd's Restart=on-failure: each start says ready, then crashes
        kiosk.process.wait(10)
        kiosk.restart()
    kiosk.process.wait(10)

    status = make_updater(settings, kiosk).run_once()

    assert status.state == "fell_back", status
    assert status.fell_back_from == "1.1.0" and status.current_version == "1.0.0"
    assert "kept failing after it first reported healthy" in status.message
    assert VersionStore(settings.install_root).current_version() == "1.0.0"
    assert "1.1.0" in status.refused_versions and not status.watching_health
    # The bad version is not taken again.
    assert make_updater(settings, kiosk).run_once().state == "up_to_date"


def test_a_version_that_stays_up_is_confirmed(repository, all_signers, archive_with, on_1_0_0):
    settings, kiosk = on_1_0_0
    _publish(repository, all_signers, archive_with, "1.1.0", STAYS_UP)
    assert make_updater(settings, kiosk).run_once().watching_health
    _wait_for(lambda: any(s.version == "1.1.0" and s.last_seen - s.started_at >= 1.0
                          for s in read_starts(settings.liveness_dir)))
    status = make_updater(settings, kiosk).run_once()
    assert status.state == "up_to_date" and not status.watching_health, status
    assert json.loads((settings.state_dir / "status.json").read_text())["current_version"] == "1.1.0"
    assert not (settings.state_dir / "probation.json").exists()


def test_switching_on_from_a_version_on_probation_keeps_the_last_good_one_to_fall_back_to(
        repository, all_signers, archive_with, on_1_0_0):
    settings, kiosk = on_1_0_0
    settings = replace(settings, stable_after_s=3600.0)
    _publish(repository, all_signers, archive_with, "1.1.0", STAYS_UP)
    assert make_updater(settings, kiosk).run_once().watching_health
    _publish(repository, all_signers, archive_with, "1.2.0", STAYS_UP)
    status = make_updater(settings, kiosk).run_once()
    assert status.current_version == "1.2.0" and status.previous_version == "1.0.0", status


@pytest.mark.parametrize(("override", "expected"), [
    ({"stable_after_s": "nan"}, "stable_after_s = nan; expected a number > 0"),
    ({"metadata_deadline_s": "0"}, "metadata_deadline_s = 0; expected a number > 0"),
    ({"download_deadline_s": "inf"}, "download_deadline_s = inf; expected a number > 0"),
    ({"clean_starts": "0"}, "clean_starts = 0; expected a whole number from 1 to 100"),
    ({"max_failed_starts": "true"}, "max_failed_starts = True; expected a whole number from 1 to 100"),
    ({"max_failed_starts": "2.5"}, "max_failed_starts = 2.5; expected a whole number from 1 to 100"),
])
def test_bad_probation_and_deadline_settings_name_the_key(tmp_path, override, expected):
    from sync.update.settings import SettingsError, load_update_settings
    from tests.packaging.test_updater_cli import _config

    config = _config(tmp_path, "http://127.0.0.1:1", **override)
    with pytest.raises(SettingsError) as error:
        load_update_settings(config)
    assert expected in str(error.value) and config in str(error.value)


def test_the_example_settings_declare_the_probation_and_deadlines():
    from pathlib import Path

    from sync.update.settings import load_update_settings

    settings = load_update_settings(Path(__file__).resolve().parents[2] / "packaging/systemd/updater.toml")
    assert (settings.stable_after_s, settings.clean_starts, settings.max_failed_starts) == (600.0, 3, 3)
    assert (settings.metadata_deadline_s, settings.download_deadline_s) == (120.0, 3600.0)
