"""The wheel carries everything the kiosk and the backend read at run time (issue 13):
built from this checkout, installed into a folder outside the repository, it starts the
kiosk with ``--demo --exit-when-ready`` and builds a backend database, finding its
translations, demo data, default configuration and migrations as package data."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tomllib
from importlib.metadata import version
from pathlib import Path

import pytest

from tests.conftest import REPO

pytestmark = pytest.mark.slow


def _isolation_flags() -> list[str]:
    """Build with the installed setuptools when it is the pinned one (works offline);
    otherwise let pip fetch the pinned build requirement."""
    wanted = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["build-system"]["requires"]
    pins = dict(r.split("==") for r in wanted)
    try:
        ok = all(version(name) == pin for name, pin in pins.items())
    except Exception:  # noqa: BLE001  (not installed)
        ok = False
    return ["--no-build-isolation"] if ok else []


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """The wheel installed with pip into a folder of its own (its dependencies are the
    test venv's, which the folder is put in front of)."""
    work = tmp_path_factory.mktemp("wheel")
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", *_isolation_flags(), "-q",
                            "-w", str(work / "dist"), str(REPO)], capture_output=True, text=True, timeout=600)
    assert built.returncode == 0, built.stdout + built.stderr
    wheels = list((work / "dist").glob("welfare_kiosk-*.whl"))
    assert len(wheels) == 1
    site = work / "site"
    done = subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(site),
                           str(wheels[0])], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
    return site


def run_installed(site: Path, cwd: Path, *args: str, timeout: float = 120,
                  env_extra: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    # Not from the repository: the working folder is elsewhere and PYTHONPATH names only
    # the installed copy (-P: no script folder or cwd in front of it either).
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "WELFARE_BACKEND_DB")}
    env.update(PYTHONPATH=str(site), QT_QPA_PLATFORM="offscreen", PYTHONDONTWRITEBYTECODE="1")
    env.update(env_extra or {})
    return subprocess.run([sys.executable, "-P", *args], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=timeout)


def test_the_installed_copy_is_the_one_imported_and_has_its_files(installed, tmp_path):
    probe = run_installed(installed, tmp_path, "-c", """if True:
        import json, kiosk, ui, sync
        from kiosk.packaged import asset, default_config
        from kiosk.version import app_version
        from ui.i18n import load_catalogues
        print(json.dumps({"files": [m.__file__ for m in (kiosk, ui, sync)], "version": app_version(),
                          "languages": {k: len(v) for k, v in load_catalogues().items()},
                          "demo": asset("demo", "catalogue.json").is_file(),
                          "phrases": asset("speech", "queue_calls.json").is_file(),
                          "defaults": default_config().is_file()}))""")
    assert probe.returncode == 0, probe.stderr
    found = json.loads(probe.stdout)
    assert all(Path(f).is_relative_to(installed) for f in found["files"]), found["files"]
    assert found["version"] == tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["version"]
    assert {"fi", "sv", "en"} <= set(found["languages"]) and min(found["languages"].values()) > 100
    assert found["demo"] and found["phrases"] and found["defaults"]


def test_the_installed_kiosk_starts_with_the_demo_catalogue(installed, tmp_path):
    device = tmp_path / "device.toml"
    device.write_text(f'[device]\ndata_dir = "{(tmp_path / "data").as_posix()}"\n', encoding="utf-8")
    started = run_installed(installed, tmp_path, "-m", "ui.app", "--config", str(device), "--demo",
                            "--exit-when-ready")
    assert started.returncode == 0, started.stdout + started.stderr
    assert re.search(r"^KIOSK_READY \d+ \d+$", started.stdout, re.M), started.stdout
    assert "not imported" not in started.stderr  # the demo catalogue was found and loaded
    assert (tmp_path / "data").is_dir() and not any(installed.rglob("*.db"))


def test_the_installed_backend_builds_its_database(installed, tmp_path):
    url = f"sqlite:///{tmp_path / 'backend.db'}"
    made = run_installed(installed, tmp_path, "-m", "sync.server.cli", "--db", url, "init-db")
    assert made.returncode == 0, made.stderr
    assert "upgraded from empty" in made.stdout


def test_with_no_place_named_the_installed_copy_keeps_its_data_in_the_state_folder(installed, tmp_path):
    # No device file and no --db: the shipped defaults' relative "../var" must not land in
    # site-packages (read-only for a system install, wiped by an upgrade).
    state = tmp_path / "state"
    env = {"XDG_STATE_HOME": str(state), "HOME": str(tmp_path / "home")}
    started = run_installed(installed, tmp_path, "-m", "ui.app", "--demo", "--exit-when-ready", env_extra=env)
    assert started.returncode == 0, started.stdout + started.stderr
    made = run_installed(installed, tmp_path, "-m", "sync.server.cli", "init-db", env_extra=env)
    assert made.returncode == 0, made.stderr
    kiosk_files = {p.name for p in (state / "welfare-kiosk" / "kiosk").iterdir()}
    assert any(name.endswith(".db") for name in kiosk_files), kiosk_files
    assert (state / "welfare-kiosk" / "backend" / "backend.db").is_file()
    assert not any(installed.rglob("*.db")) and not (installed / "var").exists()
