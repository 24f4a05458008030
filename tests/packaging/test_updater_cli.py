"""The updater as the systemd timer runs it: settings file, enroll, check, status."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from sync.update.settings import SettingsError, load_update_settings
from tests.packaging.conftest import REPO


def _config(tmp_path, server, **overrides) -> str:
    values = {
        "repository_url": f'"{server}"',
        "install_root": '"opt"',
        "state_dir": '"state"',
        "liveness_dir": '"run"',
        "night_window": '""',
        "health_timeout_s": "5",
        "restart_command": '["true"]',
        **overrides,
    }
    path = tmp_path / "updater.toml"
    path.write_text("[update]\n" + "".join(f"{k} = {v}\n" for k, v in values.items()))
    return str(path)


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "sync.update", *args], cwd=REPO, capture_output=True, text=True,
                          timeout=120)


def test_check_installs_beside_and_waits_for_idle_and_reports_status(
    tmp_path, repository, all_signers, make_archive, server
):
    repository.add_release(make_archive("1.0.0"), "1.0.0", channel="stable", groups=["*"], signers=all_signers)
    config = _config(tmp_path, server)
    enrolled = _cli("--config", config, "enroll", "--root", str(repository.metadata_dir / "root.json"))
    assert enrolled.returncode == 0, enrolled.stderr

    check = _cli("--config", config, "check")

    # No kiosk has said "idle" (no activity.json) and there is no night window.
    assert check.returncode == 0, check.stderr
    assert json.loads(check.stdout)["state"] == "waiting_for_idle"
    assert (tmp_path / "opt" / "versions" / "1.0.0" / "VERSION").is_file()
    status = json.loads(_cli("--config", config, "status").stdout)
    assert status["state"] == "waiting_for_idle" and status["available_version"] == "1.0.0"


def test_check_exits_3_on_a_verification_failure(tmp_path, repository, server):
    config = _config(tmp_path, server)
    assert _cli("--config", config, "enroll", "--root", str(repository.metadata_dir / "root.json")).returncode == 0
    path = repository.metadata_dir / "timestamp.json"
    doc = json.loads(path.read_text())
    doc["signatures"] = []
    path.write_text(json.dumps(doc))
    check = _cli("--config", config, "check")
    assert check.returncode == 3
    assert json.loads(check.stdout)["state"] == "verification_failed"


def test_enroll_refuses_a_root_that_does_not_verify(tmp_path, repository, server):
    doc = json.loads((repository.metadata_dir / "root.json").read_text())
    doc["signed"]["version"] = 7
    bad = tmp_path / "bad-root.json"
    bad.write_text(json.dumps(doc))
    result = _cli("--config", _config(tmp_path, server), "enroll", "--root", str(bad))
    assert result.returncode == 2 and "cannot enrol" in result.stderr
    assert not (tmp_path / "state" / "metadata" / "root.json").exists()


@pytest.mark.parametrize(
    ("override", "expected"),
    [
        ({"channel": '"nightly"'}, 'channel = \'nightly\'; expected "stable" or "beta"'),
        ({"night_window": '"2-5"'}, "night_window = '2-5'; expected HH:MM-HH:MM"),
        ({"health_timeout_s": "0"}, "health_timeout_s = 0; expected a number > 0"),
        ({"repository_url": '"ftp://x"'}, "repository_url = 'ftp://x'; expected an http(s) URL"),
        ({"healthtimeout": "5"}, "unknown key(s) healthtimeout"),
    ],
)
def test_bad_settings_name_the_key_and_the_file(tmp_path, override, expected):
    config = _config(tmp_path, "http://127.0.0.1:1", **override)
    with pytest.raises(SettingsError) as error:
        load_update_settings(config)
    assert expected in str(error.value) and config in str(error.value)


def test_example_settings_file_loads():
    settings = load_update_settings(REPO / "packaging" / "systemd" / "updater.toml")
    assert settings.channel == "stable" and settings.night_window is not None
    assert str(settings.install_root) == "/opt/welfare-kiosk"


def test_updater_never_imports_qt():
    code = (
        "import sys, sync.update, sync.update.__main__, sync.update.watchdog; "
        "sys.exit(1 if any(m.startswith('PySide6') for m in sys.modules) else 0)"
    )
    assert subprocess.run([sys.executable, "-c", code], cwd=REPO, timeout=60).returncode == 0


def test_heartbeat_status_is_read_from_the_environment(tmp_path, monkeypatch):
    from sync.update.status import UpdateStatus, read_status, write_status

    monkeypatch.setenv("KIOSK_UPDATE_STATE_DIR", str(tmp_path))
    assert read_status()["state"] == "not_checked"
    write_status(tmp_path, UpdateStatus(state="fell_back", current_version="1.0.0", fell_back_from="1.1.0"))
    beat = read_status()
    assert beat["state"] == "fell_back" and beat["fell_back_from"] == "1.1.0"
    (tmp_path / "status.json").write_text("{not json")
    assert read_status()["state"] == "not_checked"  # a damaged file never breaks the heartbeat
