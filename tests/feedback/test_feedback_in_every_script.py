"""A feedback comment in Arabic and in Ukrainian, typed by taps on the kiosk window's own
on-screen keyboard, sent through the outbox to the REAL reference backend (SQLite and
PostgreSQL), and read back from the backend's store and report exactly as typed."""

from __future__ import annotations

import unicodedata
from datetime import datetime, timedelta, timezone

import pytest
import requests

from kiosk.feedback import COMMENT_MAX
from sync.enrolment import load_credentials
from tests.backend import server_items
from tests.ui.conftest import settle
from tests.ui.on_screen_keyboard import tap, type_by_taps

pytestmark = pytest.mark.gui

# Each needs the letters only that language's keyboard has, the Latin letters of a Finnish
# place name, and for Arabic its own comma and digits.
COMMENTS = {
    "ar": "شكرا، الانتظار قصير في kontula ١٢",
    "uk": "дякую, ґанок чистий, їжа є. п'ять зірок",
}


@pytest.fixture
def kiosk(qtbot, tmp_path, db, catalogue, any_backend):
    """The kiosk window with its services, its data enrolled at a new site of the backend."""
    from kiosk.config import load_config
    from ui.app import create_window
    from ui.services import build_services
    from ui.wiring import attach_services

    site = any_backend.new_site()
    data = tmp_path / "data"
    data.mkdir()
    (data / "enrolment-code").write_text(any_backend.enrolment_code(site) + "\n")
    device = tmp_path / "device.toml"
    device.write_text(f'[device]\ndata_dir = "{data.as_posix()}"\n[ui]\nresolution = "1280x800"\n'
                      'languages = ["fi", "sv", "en", "ar", "uk"]\n', encoding="utf-8")
    config = load_config(device)
    services = build_services(config, db, catalogue, sync=False)
    window = create_window(config, catalogue, services=services)
    window.idle_watch.timer.stop()
    attach_services(window, services)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window, site, data


def stored(qtbot) -> None:
    from ui.background import app_runner
    qtbot.waitUntil(app_runner().db_idle, timeout=10000)


def to_comment(qtbot, window, lang: str):
    window.translator.set_language(lang)
    window.flow.go("feedback", service_id="maternity-clinic", context="service_card")
    settle(qtbot)
    screen = window.screen("feedback")
    tap(qtbot, window, screen.smileys[3])
    stored(qtbot)
    qtbot.waitUntil(lambda: screen.comment.isVisible(), timeout=5000)
    return screen


def send_and_sync(qtbot, window, screen, db, data, backend) -> None:
    from sync.worker import SyncWorker

    tap(qtbot, window, screen.send)
    stored(qtbot)
    worker = SyncWorker(db, base_url=backend.url, data_dir=data, device_name="kiosk", timeout_s=10.0,
                        interval_s=3600)
    try:
        status = worker.sync_once()
        assert status.last_error is None, status.last_error
    finally:
        worker.stop()


@pytest.mark.parametrize("lang", sorted(COMMENTS))
def test_a_comment_typed_in_its_own_script_arrives_as_typed(qtbot, kiosk, db, any_backend, lang):
    window, site, data = kiosk
    screen = to_comment(qtbot, window, lang)
    typed = COMMENTS[lang]
    type_by_taps(qtbot, window, screen.keyboard, typed)
    assert screen.comment.text() == typed
    send_and_sync(qtbot, window, screen, db, data, any_backend)

    [details] = server_items(any_backend, site_id=site, kind="feedback_details")
    comment = details.payload["comment"]
    assert comment == typed and unicodedata.is_normalized("NFC", comment)
    creds = load_credentials(data)
    today = datetime.now(timezone.utc).date()
    report = requests.get(f"{any_backend.url}/api/v1/reports/feedback",
                          params={"from": (today - timedelta(days=1)).isoformat(),
                                  "to": (today + timedelta(days=1)).isoformat()},
                          headers={"Authorization": f"Bearer {creds.token}"}, timeout=10).json()
    [group] = [g for g in report["groups"] if g["id"] == "maternity-clinic"]
    assert group["comments"] == [typed]


def test_a_comment_too_long_stops_at_the_limit_and_says_so(qtbot, kiosk, db, any_backend):
    window, site, data = kiosk
    screen = to_comment(qtbot, window, "uk")
    screen.comment.setText("ж" * (COMMENT_MAX - 2))  # most of it typed already
    assert not screen.comment_limit.isVisible()
    type_by_taps(qtbot, window, screen.keyboard, "їжа")
    assert screen.comment.text() == "ж" * (COMMENT_MAX - 2) + "їж"  # the field holds no more
    assert screen.comment_limit.isVisible()
    assert screen.comment_limit.text() == window.translator.t("feedback.comment.limit", n=COMMENT_MAX)
    tap(qtbot, window, screen.keyboard.erase)
    assert not screen.comment_limit.isVisible()
    send_and_sync(qtbot, window, screen, db, data, any_backend)
    [details] = server_items(any_backend, site_id=site, kind="feedback_details")
    assert details.payload["comment"] == "ж" * (COMMENT_MAX - 2) + "ї"  # nothing typed was lost
