"""Starting the kiosk as a process: version, bad configuration, empty and corrupt databases."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def run_kiosk(*args: str, timeout: float = 60) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONDONTWRITEBYTECODE="1")
    return subprocess.run([sys.executable, "-m", "ui.app", *args], cwd=REPO, env=env, capture_output=True,
                          text=True, timeout=timeout)


def test_version():
    from ui.app import version

    done = run_kiosk("--version")
    assert done.returncode == 0
    assert done.stdout.strip() == f"welfare-kiosk {version()}"
    assert re.fullmatch(r"\d+\.\d+\.\d+.*", version())


def test_bad_config_exits_2_with_the_message_and_no_traceback(tmp_path):
    device = tmp_path / "device.toml"
    device.write_text('[ui]\nidle_timeout_s = 5\n', encoding="utf-8")
    done = run_kiosk("--config", str(device))
    assert done.returncode == 2
    assert f"{device}: ui.idle_timeout_s = 5 is not valid" in done.stderr
    assert "Traceback" not in done.stderr


def _device(tmp_path: Path) -> Path:
    device = tmp_path / "device.toml"
    device.write_text(f'[device]\ndata_dir = "{(tmp_path / "data").as_posix()}"\n', encoding="utf-8")
    return device


def _ready(done: subprocess.CompletedProcess) -> tuple[int, int]:
    assert done.returncode == 0, done.stderr
    match = re.search(r"^KIOSK_READY (\d+) (\d+)$", done.stdout, re.M)
    assert match, done.stdout
    return int(match[1]), int(match[2])


@pytest.mark.slow
def test_starts_with_an_empty_database_file(tmp_path):
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "kiosk.db").write_bytes(b"")
    ms, rss = _ready(run_kiosk("--config", str(_device(tmp_path)), "--exit-when-ready"))
    assert ms > 0 and rss > 10_000  # a Qt process takes more than 10 MB


@pytest.mark.slow
def test_a_corrupt_database_is_moved_aside_reported_and_the_kiosk_starts(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    garbage = b"this is not a database, a power cut ate it " * 100
    (data / "kiosk.db").write_bytes(garbage)
    done = run_kiosk("--config", str(_device(tmp_path)), "--demo", "--exit-when-ready")
    _ready(done)
    aside = list(data.glob("kiosk.db.corrupt-*"))
    assert len(aside) == 1 and aside[0].read_bytes() == garbage  # kept for IT, not deleted
    assert "The local database was damaged" in done.stderr  # in the log
    assert (data / "kiosk.db").read_bytes().startswith(b"SQLite format 3")


@pytest.mark.gui
def test_corrupt_database_notice_is_on_the_staff_screen(qtbot, make_window, tmp_path, mini_catalogue_data):
    from PySide6.QtWidgets import QLabel

    from kiosk.catalogue.importer import import_catalogue
    from kiosk.catalogue.service import Catalogue
    from kiosk.storage.db import open_database

    path = tmp_path / "broken" / "kiosk.db"
    path.parent.mkdir()
    path.write_bytes(b"garbage" * 500)
    db = open_database(path)
    try:
        assert db.notices
        import_catalogue(db, mini_catalogue_data)
        window = make_window(notices=tuple(db.notices), cat=Catalogue(db))
        window.translator.set_language("en")
        window.guard_staff_places(role=lambda: "admin", ask_staff_key=None)  # IT has signed in
        window.flow.go("staff")
        shown = [lab.text() for lab in window.current_screen().findChildren(QLabel)
                 if lab.isVisibleTo(window.current_screen())]
        assert db.notices[0] in shown
        assert "No notices. Everything is in order." not in shown
    finally:
        db.close()


@pytest.mark.slow
def test_demo_flag_loads_a_catalogue_into_an_empty_kiosk(tmp_path):
    _ready(run_kiosk("--config", str(_device(tmp_path)), "--demo", "--exit-when-ready"))
    import sqlite3
    conn = sqlite3.connect(tmp_path / "data" / "kiosk.db")
    try:
        assert conn.execute("select count(*) from services").fetchone()[0] >= 5
    finally:
        conn.close()
