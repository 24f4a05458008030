"""A video call in its own process under cage: its window comes on top of the kiosk, and
when the call ends in any way the kiosk is shown again and answers a touch within a second.

The room is a page on 127.0.0.1 in one colour (pages/room.html); "Talk to a nurse now"
asks a stub city backend on 127.0.0.1 for it, so nothing leaves the machine.
"""

from __future__ import annotations

import http.server
import json
import os
import signal
import threading
import time
from pathlib import Path

import pytest

from tests.cage.session import difference, is_call_process, wait_for
from tests.cage.test_session import keep, settled_screenshot

pytestmark = [pytest.mark.slow, pytest.mark.skipif(
    "FAKETIME" in os.environ, reason="WebRTC in Qt WebEngine does not connect under libfaketime")]

PAGES = Path(__file__).parent / "pages"
SIZE = (1280, 800)
NURSE_TILE = (220, 620)   # "Puhu hoitajan kanssa" on the home screen at 1280x800 (second row since check-in)
SVENSKA = (1031, 48)
SVENSKA_FILL = (970, 20)  # inside the Svenska button, off its text
SUOMI = (873, 48)
SUOMI_FILL = (820, 20)
HOME_BUTTON = (275, 48)   # "Alkuun" in the top bar of every screen but home
ROOM_COLOUR = (255, 0, 255)
HANG_UP_COLOUR = (0xB3, 0x26, 0x1E)  # ui/screens/video.py's Hang up button


class Backend(http.server.ThreadingHTTPServer):
    """Answers the kiosk's room request with the test room; every other call is 503."""

    daemon_threads = True
    room_link = ""
    rooms: list[str] = []


class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *_args):
        pass

    def _answer(self, status: int, body: dict) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        if self.path.startswith("/api/v1/video/rooms"):
            room = f"health-video-{len(self.server.rooms):04d}"
            self.server.rooms.append(room)
            self._answer(200, {"room": room, "link": self.server.room_link, "expires_at": time.time() + 600})
        else:
            self._answer(503, {"error": "unavailable", "message": "test backend"})

    def do_DELETE(self):
        self._answer(200, {"released": True})

    def do_GET(self):
        if self.path.startswith("/room.html"):
            data = (PAGES / "room.html").read_bytes()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
        else:
            self._answer(503, {"error": "unavailable", "message": "test backend"})


@pytest.fixture
def backend():
    server = Backend(("127.0.0.1", 0), Handler)
    server.rooms = []
    port = server.server_address[1]
    server.room_link = f"http://127.0.0.1:{port}/room.html"
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server
    server.shutdown()
    server.server_close()


def share_of(image, colour, step: int = 8) -> float:
    hits = total = 0
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            total += 1
            p = image.pixel(x, y)
            if all(abs(((p >> s) & 255) - c) <= 8 for s, c in ((16, colour[0]), (8, colour[1]), (0, colour[2]))):
                hits += 1
    return hits / total


def centre_of(image, colour, step: int = 4) -> tuple[int, int] | None:
    xs, ys = [], []
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            p = image.pixel(x, y)
            if all(abs(((p >> s) & 255) - c) <= 8 for s, c in ((16, colour[0]), (8, colour[1]), (0, colour[2]))):
                xs.append(x)
                ys.append(y)
    return (sorted(xs)[len(xs) // 2], sorted(ys)[len(ys) // 2]) if xs else None


def test_a_call_window_comes_on_top_and_the_kiosk_comes_back_however_the_call_ends(
        start_kiosk, backend, tmp_path, capsys):
    from sync.client import DeviceCredentials
    from sync.enrolment import save_credentials

    port = backend.server_address[1]
    save_credentials_to = tmp_path / "data"
    save_credentials_to.mkdir(exist_ok=True)
    save_credentials(save_credentials_to, DeviceCredentials("cage-test", "token", "demo-site"))
    session = start_kiosk(size=SIZE, extra=(
        f'[video]\non_demand_service = "health-video"\nseparate_process = true\n'
        f'allowed_hosts = ["127.0.0.1:{port}"]\nroom_url = "http://127.0.0.1:{port}/{{room}}"\n'
        f'network_lost_s = 5\n'), backend_url=f"http://127.0.0.1:{port}")
    home = settled_screenshot(session, tmp_path / "call-home.png")
    results: list[str] = []
    answer_times: list[float] = []

    def call_on_top(name: str):
        session.tap(*NURSE_TILE)
        shot = wait_for(lambda: (lambda s: s if share_of(s, ROOM_COLOUR) > 0.2 else None)(
            session.screenshot(tmp_path / f"call-{name}.png")), 90, interval=0.3,
            what="the call window with the room on top of the kiosk")
        keep(tmp_path / f"call-{name}.png")
        calls = [pid for pid, cmd in session.processes().items() if is_call_process(cmd)]
        assert len(calls) == 1, session.processes()
        return shot, calls[0]

    def language_selected(shot, spot) -> bool:
        """The chosen language's button is filled dark blue; the others are light."""
        p = shot.pixel(*spot)
        return ((p >> 16) & 255) < 60 and ((p >> 8) & 255) < 120 and (p & 255) > 100

    def kiosk_back(name: str, t0: float) -> None:
        """From the end of the call (t0): the call window gone, then a touch answered."""
        captured = []

        def gone():
            # When grim was asked for the frame (the frame is at least that late): the time
            # the check itself takes after it (loading, counting pixels) is not the kiosk's.
            captured.append(time.monotonic())
            return share_of(session.screenshot(tmp_path / f"after-{name}.png"), ROOM_COLOUR) == 0

        wait_for(gone, 10, interval=0.02, what=f"the kiosk after the call ({name})")
        shown = captured[-1] - t0
        keep(tmp_path / f"after-{name}.png")
        session.tap(*SVENSKA)
        wait_for(lambda: language_selected(session.screenshot(tmp_path / f"answer-{name}.png"), SVENSKA_FILL), 10,
                 interval=0.05, what=f"the kiosk to answer a touch after the call ({name})")
        answered = time.monotonic() - t0
        keep(tmp_path / f"answer-{name}.png")
        answer_times.append(answered)
        assert shown < 1.0, f"{name}: the call window stayed {shown:.2f} s after the call ended"
        results.append(f"{name}: call window gone {shown:.2f} s after the end, a touch answered {answered:.2f} s "
                       "after the end")
        wait_for(lambda: not any(is_call_process(c) for c in session.processes().values()), 10,
                 what="the call process to be gone")
        session.tap(*SUOMI)
        wait_for(lambda: language_selected(session.screenshot(tmp_path / "fi.png"), SUOMI_FILL), 10,
                 what="Finnish again")
        session.tap(*HOME_BUTTON)

    def end_by(name: str, how) -> None:
        session.tap(*HOME_BUTTON)
        wait_for(lambda: difference(session.screenshot(tmp_path / "home-again.png"), home) < 0.002, 15,
                 what="the home screen before the next call")
        shot, pid = call_on_top(name)
        t0 = how(shot, pid)
        kiosk_back(name, t0)

    def hang_up(shot, _pid):  # the resident presses the call window's own Hang up
        button = centre_of(shot, HANG_UP_COLOUR)
        assert button is not None, "no Hang up button in the call window"
        session.tap(*button)
        return time.monotonic()

    def killed(_shot, pid):
        os.kill(pid, signal.SIGKILL)
        return time.monotonic()

    def crashed(_shot, pid):
        os.kill(pid, signal.SIGSEGV)
        return time.monotonic()

    def network_lost(_shot, _pid):  # the video host goes away: the call ends network_lost_s later
        backend.shutdown()
        backend.server_close()
        wait_for(lambda: share_of(session.screenshot(tmp_path / "lost.png"), ROOM_COLOUR) == 0
                 or None, 30, interval=0.05, what="the call to end after the network was lost")
        return time.monotonic() - 0.05  # the end is within the last poll

    for name, how in (("hang-up", hang_up), ("killed", killed), ("crashed", crashed), ("network-lost", network_lost)):
        end_by(name, how)
    with capsys.disabled():
        print("\ncage session, video calls in their own process:\n  " + "\n  ".join(results))
    slow = [r for r, t in zip(results, answer_times) if t > 1.0]
    # The feedback screen after a call used to make its whole service list on the GUI thread
    # (0.5-7 s here); lists now make what is on screen and the rest in slices (ui/widgets/service_list.py).
    assert not slow, "the kiosk answered a touch later than 1 s after the call ended: " + "; ".join(slow)
