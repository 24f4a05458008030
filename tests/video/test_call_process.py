"""Calls in their own process: the real child process runs the real call view against
the test pages on 127.0.0.1; the kiosk process never loads Qt WebEngine."""

import subprocess
import sys

import pytest

from tests.video.conftest import make_call

pytestmark = pytest.mark.gui


@pytest.fixture
def device(tmp_path, servers):
    listed, _ = servers
    path = tmp_path / "device.toml"
    path.write_text(f'[device]\ndata_dir = "{(tmp_path / "data").as_posix()}"\n'
                    f'[video]\nallowed_hosts = ["{listed.netloc}"]\n'
                    f'room_url = "https://{listed.netloc}/{{room}}"\n', encoding="utf-8")
    return str(path)


def test_a_call_in_its_own_process_loads_and_hangs_up(qtbot, servers, device):
    from ui.video.process_room import CallProcessRoom

    listed, _ = servers
    room = CallProcessRoom(make_call(listed.url("/call.html")), config_path=device, language="sv",
                           fullscreen=False)
    with qtbot.waitSignal(room.loaded, timeout=90000):
        room.start()
    assert any(r.startswith("/call.html") for r in listed.requests)
    with qtbot.waitSignal(room.ended, timeout=15000) as ended:
        room.end("hung_up")
    assert ended.args[0].reason == "hung_up"
    assert room.process.state().name == "NotRunning"


def test_a_call_process_that_dies_is_a_crashed_call(qtbot, servers, device):
    from ui.video.process_room import CallProcessRoom

    listed, _ = servers
    room = CallProcessRoom(make_call(listed.url("/call.html")), config_path=device, language="fi",
                           fullscreen=False)
    with qtbot.waitSignal(room.loaded, timeout=90000):
        room.start()
    with qtbot.waitSignal(room.ended, timeout=15000) as ended:
        room.process.kill()
    assert ended.args[0].reason == "page_crashed"


def test_the_kiosk_side_of_a_process_call_never_loads_webengine():
    code = ("import sys, ui.wiring, ui.screens.video, ui.video.process_room; "
            "sys.exit(1 if any(m.startswith('PySide6.QtWebEngine') for m in sys.modules) else 0)")
    assert subprocess.run([sys.executable, "-c", code], timeout=120).returncode == 0
