"""Shared fixtures: a fresh SQLite file per test, the mini catalogue, a device config."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


FAKETIME_SHIM = Path(__file__).resolve().parent / "faketime"


def faketime_env(env: dict[str, str]) -> dict[str, str]:
    """``env`` made fit for a test run under libfaketime (``faketime -f '@...'``).

    libfaketime 0.9.10 also fakes CLOCK_MONOTONIC by default; every timed wait in Python
    (Event.wait, Lock.acquire(timeout=), queue.get(timeout=)) then never returns and the
    run hangs in the first test with a background thread. Only the wall clock is what
    the tests move, so the monotonic clock stays real, and tests/faketime/sitecustomize.py
    mends time.sleep, which that combination breaks. With the "start at" form each child
    process (backend, OpenID provider) would start at that instant again, a minute in
    the past of a test a minute into the run: FAKETIME_DONT_RESET keeps one clock.
    """
    path = [str(FAKETIME_SHIM), str(REPO), *filter(None, env.get("PYTHONPATH", "").split(os.pathsep))]
    return {**env, "FAKETIME_DONT_FAKE_MONOTONIC": "1", "FAKETIME_DONT_RESET": "1",
            "PYTHONPATH": os.pathsep.join(dict.fromkeys(path))}


def pytest_configure(config) -> None:
    """Make ``faketime -f '@2026-12-05 21:40:00' python -m pytest ...`` work as typed:
    a run started under libfaketime restarts itself once with ``faketime_env``."""
    if "FAKETIME" not in os.environ or os.environ.get("FAKETIME_DONT_FAKE_MONOTONIC") == "1":
        return
    capture = config.pluginmanager.getplugin("capturemanager")
    if capture is not None:
        capture.suspend_global_capture(in_=True)  # give the restarted run the real stdout
    sys.stdout.flush()
    sys.stderr.flush()
    os.execve(sys.executable, [sys.executable, *sys.orig_argv[1:]], faketime_env(dict(os.environ)))

FIXTURES = Path(__file__).parent / "fixtures"
REPO = Path(__file__).resolve().parent.parent


@pytest.fixture
def mini_catalogue_data() -> dict:
    return json.loads((FIXTURES / "mini_catalogue.json").read_text(encoding="utf-8"))


@pytest.fixture
def db(tmp_path):
    from kiosk.storage.db import open_database

    database = open_database(tmp_path / "kiosk.db")
    yield database
    database.close()


@pytest.fixture
def catalogue(db, mini_catalogue_data):
    from kiosk.catalogue.importer import import_catalogue
    from kiosk.catalogue.service import Catalogue

    import_catalogue(db, mini_catalogue_data)
    return Catalogue(db)


@pytest.fixture
def device_config(tmp_path) -> Path:
    """A device file that keeps all data inside the test's own folder."""
    path = tmp_path / "device.toml"
    path.write_text(f'[device]\ndata_dir = "{(tmp_path / "data").as_posix()}"\n', encoding="utf-8")
    return path
