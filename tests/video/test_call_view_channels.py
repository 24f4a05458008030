"""Side channels out of the call view: workers, the clipboard, WebRTC, connection hints and
redirects. Real pages on 127.0.0.1 (the allow-listed host), listeners on 127.0.0.2 (a host
off the list) and 127.0.0.3 (addresses a page names for WebRTC) that count every
connection and datagram. Each test prints its attempts and escapes."""

from __future__ import annotations

import pytest

from tests.video.conftest import make_call, needs_webengine
from tests.video.escape_hosts import CountingServer, TcpCounter, UdpCounter
from tests.video.test_call_view import end_and_wait, run_js

pytestmark = [needs_webengine, pytest.mark.gui]


@pytest.fixture
def hosts():
    unlisted = CountingServer("127.0.0.2")
    listed = CountingServer("127.0.0.1", ELSEWHERE=unlisted.base)
    yield listed, unlisted
    listed.stop()
    unlisted.stop()


def open_room(qtbot, listed, path):
    from ui.video.room import VideoRoom

    room = VideoRoom(make_call(listed.url(path)), (listed.netloc,))
    room.view.resize(800, 600)
    room.view.show()
    blocked: list[tuple[str, str]] = []
    room.blocked.connect(lambda kind, detail: blocked.append((kind, detail)))
    with qtbot.waitSignal(room.loaded, timeout=15000):
        room.start()
    return room, blocked


def test_workers_never_fetch_from_a_host_off_the_list(qtbot, hosts):
    listed, unlisted = hosts
    room, blocked = open_room(qtbot, listed, "/workers.html")
    qtbot.waitUntil(lambda: "pending" not in run_js(qtbot, room.page, "Object.values(window.attempts)"), timeout=10000)
    qtbot.wait(300)  # what a worker fetched in the background would arrive by now
    attempts = run_js(qtbot, room.page, "window.attempts")
    escaped = [k for k, v in attempts.items() if v.startswith("escaped")]
    print(f"workers: {len(attempts)} attempts {attempts}, {len(escaped)} escaped, "
          f"{unlisted.connections} connections and {len(unlisted.requests)} requests off the list {unlisted.requests}")
    assert escaped == []
    # Service and shared workers never start; a dedicated worker runs, its fetch is filtered.
    assert attempts == {"worker": "blocked", "shared": "refused", "service": "refused"}
    refused = {detail.split("?")[0].rsplit("/", 1)[-1] for kind, detail in blocked if kind == "worker"}
    assert refused == {"sw.js", "shared.js"}
    assert unlisted.requests == [] and unlisted.connections == 0
    end_and_wait(qtbot, room)


def test_connection_hints_and_redirects_open_nothing_off_the_list(qtbot, hosts):
    listed, unlisted = hosts
    room, blocked = open_room(qtbot, listed, "/channels.html")
    qtbot.waitUntil(lambda: run_js(qtbot, room.page, "window.attempts.redirect") != "pending", timeout=10000)
    # The page did try: its redirects were asked for on the listed host and refused on the way.
    redirected = {unlisted.url(p) for p in ("/redirected.png", "/redirected.json")}
    qtbot.waitUntil(lambda: redirected <= {detail for kind, detail in blocked if kind == "request"}, timeout=5000)
    qtbot.wait(500)  # a preconnect or a followed redirect would have connected by now
    attempts = run_js(qtbot, room.page, "window.attempts")
    tried = 6  # preconnect, dns-prefetch, prefetch, preload via redirect, speculation rules, image via redirect
    print(f"channels: {tried + 2} attempts ({attempts}), {unlisted.connections} connections and "
          f"{len(unlisted.requests)} requests reached the host off the list {unlisted.requests}")
    assert attempts["redirect"] == "blocked"
    assert unlisted.requests == [] and unlisted.connections == 0
    end_and_wait(qtbot, room)


def test_webrtc_sends_nothing_to_addresses_off_the_list(qtbot, hosts):
    listed, _ = hosts
    stun, turn_udp, cand_udp = UdpCounter("127.0.0.3"), UdpCounter("127.0.0.3"), UdpCounter("127.0.0.3")
    turn_tcp, cand_tcp = TcpCounter("127.0.0.3"), TcpCounter("127.0.0.3")
    quic = UdpCounter("127.0.0.3")
    try:
        listed.markers.update(STUN_UDP=f"{stun.host}:{stun.port}", TURN_UDP=f"{turn_udp.host}:{turn_udp.port}",
                              TURN_TCP=f"{turn_tcp.host}:{turn_tcp.port}",
                              CANDIDATE_UDP=f"{cand_udp.host}:{cand_udp.port}",
                              CANDIDATE_TCP=f"{cand_tcp.host}:{cand_tcp.port}",
                              WEBTRANSPORT_UDP=f"{quic.host}:{quic.port}")
        room, blocked = open_room(qtbot, listed, "/webrtc.html")
        qtbot.waitUntil(lambda: run_js(qtbot, room.page, "window.attempts.crafted || window.attempts.error"),
                        timeout=10000)
        qtbot.waitUntil(lambda: run_js(qtbot, room.page, "window.attempts.webtransport") != "pending", timeout=10000)
        # Without the lock, STUN, TURN and the checks to the crafted candidates all arrive
        # within the first second (65 datagrams and connections in 3 s here).
        qtbot.wait(1500)
        attempts = run_js(qtbot, room.page, "window.attempts")
        counts = {"stun udp": stun.datagrams, "turn udp": turn_udp.datagrams, "turn tcp": turn_tcp.connections,
                  "candidate udp": cand_udp.datagrams, "candidate tcp": cand_tcp.connections,
                  "webtransport udp": quic.datagrams}
        print(f"webrtc: {len(counts)} attempts ({attempts}); reached {counts}")
        assert attempts["error"] is None and attempts["crafted"] is True
        assert attempts["gathered"] == []   # no host or STUN candidate: only a relay on the list may be used
        assert sum(counts.values()) == 0
        end_and_wait(qtbot, room)
    finally:
        for listener in (stun, turn_udp, cand_udp, turn_tcp, cand_tcp, quic):
            listener.stop()


def test_the_call_page_cannot_leave_anything_on_the_kiosk_clipboard(qtbot, hosts):
    from PySide6.QtGui import QClipboard, QGuiApplication

    from tests.video.test_call_view import tap

    listed, _ = hosts
    clipboard = QGuiApplication.clipboard()
    clipboard.clear()
    room, blocked = open_room(qtbot, listed, "/clipboard.html")
    tap(qtbot, room, "copy")
    qtbot.waitUntil(lambda: run_js(qtbot, room.page, "window.attempts.execCommand") is not None, timeout=5000)
    tap(qtbot, room, "write")
    qtbot.waitUntil(lambda: run_js(qtbot, room.page, "window.attempts.api") is not None, timeout=5000)
    attempts = run_js(qtbot, room.page, "window.attempts")
    qtbot.wait(300)   # let the clipboard's change signals arrive
    modes = [QClipboard.Mode.Clipboard] + ([QClipboard.Mode.Selection] if clipboard.supportsSelection() else [])
    left = {m.name: clipboard.text(m) for m in modes if clipboard.text(m)}
    print(f"clipboard: attempts {attempts}; left on the kiosk clipboard: {left}; blocked {blocked}")
    assert attempts["execCommand"] is True     # the page did copy ...
    assert left == {}                          # ... and the kiosk's clipboard holds nothing of it
    assert ("clipboard", "Clipboard") in blocked
    end_and_wait(qtbot, room)


def test_a_call_in_its_own_process_is_locked_the_same_way(qtbot, hosts, tmp_path):
    """The kiosk's default: the call view runs in ui/video/call_process.py, which starts
    its own engine and so its own lock, from the device file's video.allowed_hosts."""
    from ui.video.process_room import CallProcessRoom

    listed, unlisted = hosts
    device = tmp_path / "device.toml"
    device.write_text(f'[device]\ndata_dir = "{(tmp_path / "data").as_posix()}"\n'
                      f'[video]\nallowed_hosts = ["{listed.netloc}"]\n'
                      f'room_url = "https://{listed.netloc}/{{room}}"\n', encoding="utf-8")
    room = CallProcessRoom(make_call(listed.url("/channels.html")), config_path=str(device), language="fi",
                           fullscreen=False)
    with qtbot.waitSignal(room.loaded, timeout=90000):
        room.start()
    # The page ran: its redirects were asked for on the listed host.
    qtbot.waitUntil(lambda: sum(r.startswith("/redirect") for r in listed.requests) >= 3, timeout=15000)
    qtbot.wait(500)  # a preconnect or a followed redirect would have connected by now
    print(f"call process: {unlisted.connections} connections and {len(unlisted.requests)} requests reached "
          f"the host off the list")
    assert unlisted.requests == [] and unlisted.connections == 0
    with qtbot.waitSignal(room.ended, timeout=15000):
        room.end("hung_up")
