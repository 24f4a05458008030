"""Fixtures for the kiosk under cage (tests/cage/session.py says how and why).

Run them alone with ``-m cage``; they skip with the reason when cage cannot start here.
"""

from __future__ import annotations

import json

import pytest

from tests.cage.session import CageUnavailable, Display, KioskSession, missing_tools


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/cage/" in str(item.fspath).replace("\\", "/"):
            item.add_marker(pytest.mark.cage)


@pytest.fixture(scope="session")
def display():
    missing = missing_tools()
    if missing:
        pytest.skip(f"cage session: missing programs {', '.join(missing)} (packaging/system-deps.sh installs them)")
    try:
        screen = Display(1920, 1080).start()
    except (OSError, CageUnavailable) as exc:
        pytest.skip(f"cage session: no virtual screen: {exc}")
    yield screen
    screen.stop()


def write_device(tmp_path, *, resolution: str = "1920x1080", idle_timeout_s: int = 90,
                 idle_warning_s: int = 20, extra: str = "", backend_url: str = "http://127.0.0.1:9",
                 languages: tuple[str, ...] | None = None):
    """A kiosk device file like /etc/welfare-kiosk/device.toml, with the demo catalogue loaded."""
    from kiosk.storage.db import open_database
    from ui.app import load_demo_catalogue

    data = tmp_path / "data"
    data.mkdir(exist_ok=True)
    db = open_database(data / "kiosk.db")
    load_demo_catalogue(db)
    db.close()
    device = tmp_path / "device.toml"
    device.write_text(
        f'[device]\ndata_dir = "{data.as_posix()}"\n'
        f'[ui]\nfullscreen = true\nresolution = "{resolution}"\n'
        f'idle_timeout_s = {idle_timeout_s}\nidle_warning_s = {idle_warning_s}\n'
        + (f'languages = {json.dumps(list(languages))}\n' if languages else '') +
        # By default nothing listens there: the kiosk is offline, as a test must be.
        f'[backend]\nurl = "{backend_url}"\n{extra}', encoding="utf-8")
    return device


@pytest.fixture
def start_kiosk(display, tmp_path):
    """start_kiosk(size=(w, h), drop_in={unit variables}, **device) -> a running KioskSession;
    stopped after the test."""
    sessions: list[KioskSession] = []

    def start(size=(1920, 1080), notify: bool = False, drop_in: dict[str, str] | None = None,
              **device_options) -> KioskSession:
        device = write_device(tmp_path, resolution=f"{size[0]}x{size[1]}", **device_options)
        session = KioskSession(display=display, tmp=tmp_path, device=device, size=size, drop_in=drop_in or {})
        if notify:
            session.open_notify_socket()
        sessions.append(session)
        try:
            return session.start()
        except CageUnavailable as exc:
            pytest.skip(f"cage cannot start on this machine: {exc}")

    yield start
    for session in sessions:
        session.stop()
