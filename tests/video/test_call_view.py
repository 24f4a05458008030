"""The locked-down call view with a real Qt WebEngine (offscreen) and real pages over HTTP.

127.0.0.1 is the allow-listed video host; 127.0.0.2 is a host not on the list.
"""

from __future__ import annotations

import json
import logging

import pytest
from PySide6.QtCore import QPoint, Qt

from kiosk.video import HUNG_UP, LOAD_FAILED, NETWORK_LOST, PAGE_CLOSED, ROOM_LEFT, TIME_LIMIT
from tests.video.conftest import PageServer, make_call, needs_webengine, no_webrtc_under_faketime
from tests.video.turn_relay import relay_fixture

pytestmark = [needs_webengine, pytest.mark.gui]
turn_relay = relay_fixture()


def run_js(qtbot, page, code: str, timeout: int = 5000):
    """The value of ``code`` in the page's main world, waited for on the Qt event loop."""
    box: list = []
    # As JSON: PySide hands JavaScript objects back as empty strings.
    page.runJavaScript(f"JSON.stringify(({code}))", 0, box.append)
    qtbot.waitUntil(lambda: bool(box), timeout=timeout)
    return None if box[0] in ("", None) else json.loads(box[0])


def open_room(qtbot, listed: PageServer, path: str, *, probe: float | None = None, **call):
    from ui.video.room import VideoRoom

    room = VideoRoom(make_call(listed.url(path), **call), (listed.netloc,), probe_interval_s=probe)
    room.view.resize(800, 600)
    room.view.show()
    blocked: list[tuple[str, str]] = []
    room.blocked.connect(lambda kind, detail: blocked.append((kind, detail)))
    with qtbot.waitSignal(room.loaded, timeout=15000):
        room.start()
    return room, blocked


def tap(qtbot, room, element_id: str) -> None:
    """A real mouse click in the middle of the element, so the page sees a user gesture."""
    rect = run_js(qtbot, room.page, f"(function(){{const r=document.getElementById('{element_id}')"
                                    ".getBoundingClientRect(); return [r.x + r.width/2, r.y + r.height/2];})()")
    target = room.view.focusProxy() or room.view
    qtbot.mouseClick(target, Qt.MouseButton.LeftButton, pos=QPoint(int(rect[0]), int(rect[1])))


def end_and_wait(qtbot, room, reason=HUNG_UP):
    with qtbot.waitSignal(room.page.destroyed, timeout=5000):
        room.end(reason)


@no_webrtc_under_faketime
def test_fake_camera_and_microphone_reach_a_connected_webrtc_call(qtbot, servers, turn_relay):
    listed, _ = servers
    # Through the relay on the allow-listed host: the only way WebRTC may leave the kiosk.
    room, blocked = open_room(qtbot, listed, "/call.html#" + turn_relay.hash_param)
    qtbot.waitUntil(lambda: run_js(qtbot, room.page, "window.callState.connection") == "connected", timeout=15000)
    state = run_js(qtbot, room.page, "window.callState")
    assert state["media"] == "audio,video" and state["error"] is None
    assert blocked == []
    assert room.lifecycle.state == "in_room"
    end_and_wait(qtbot, room)


def test_every_escape_attempt_is_blocked_and_logged(qtbot, servers, caplog):
    listed, unlisted = servers
    room, blocked = open_room(qtbot, listed, "/escape.html")
    room_url = room.page.url().toString()

    def wait_blocked(kind: str, count: int = 1) -> None:
        qtbot.waitUntil(lambda: sum(1 for k, _ in blocked if k == kind) >= count, timeout=5000)

    tap(qtbot, room, "open")
    wait_blocked("new window")
    # Chromium hands the page a window object, but the kiosk made no window for it: it is closed.
    qtbot.waitUntil(lambda: run_js(qtbot, room.page, "window.popup === null || window.popup.closed"), timeout=5000)

    tap(qtbot, room, "blank")
    wait_blocked("new window", 2)

    tap(qtbot, room, "file")
    wait_blocked("file picker")

    tap(qtbot, room, "print")
    wait_blocked("print")

    tap(qtbot, room, "download")
    wait_blocked("download")
    assert any(detail.endswith("/download/report.txt") for k, detail in blocked if k == "download")

    tap(qtbot, room, "elsewhere")
    wait_blocked("navigation")
    assert any(detail.startswith(unlisted.base) for k, detail in blocked if k == "navigation")

    qtbot.wait(300)  # give anything that slipped through time to show up
    assert room.page.url().toString() == room_url
    assert unlisted.requests == []               # the host not on the list was never contacted
    assert not any(r.startswith("/call.html") for r in listed.requests)  # no pop-up ever loaded
    assert room.lifecycle.state == "in_room"     # an escape attempt does not end the call
    assert "blocked navigation" in caplog.text and "blocked download" in caplog.text
    end_and_wait(qtbot, room)


def test_a_frame_from_a_host_not_on_the_list_never_loads(qtbot, servers):
    listed, unlisted = servers
    room, blocked = open_room(qtbot, listed, "/frame.html")
    qtbot.waitUntil(lambda: ("navigation", unlisted.url("/call.html")) in blocked, timeout=5000)
    qtbot.wait(300)
    assert unlisted.requests == []
    end_and_wait(qtbot, room)


def test_no_request_of_any_kind_reaches_a_host_not_on_the_list(qtbot, servers):
    listed, unlisted = servers
    room, blocked = open_room(qtbot, listed, "/requests.html")
    qtbot.waitUntil(lambda: run_js(qtbot, room.page, "window.attempts.fetch") != "pending", timeout=5000)
    qtbot.waitUntil(lambda: run_js(qtbot, room.page, "window.attempts.socket") != "pending", timeout=5000)
    assert run_js(qtbot, room.page, "window.attempts") == {"fetch": "blocked", "socket": "blocked"}
    qtbot.waitUntil(lambda: run_js(qtbot, room.page, "window.sameHost") == "reached", timeout=5000)
    qtbot.wait(300)
    assert unlisted.requests == []
    kinds = {detail.rsplit("/", 1)[-1] for kind, detail in blocked if kind == "request"}
    assert {"style.css", "script.js", "pixel.png", "fetch.json", "socket"} <= kinds
    end_and_wait(qtbot, room)


def test_camera_is_denied_to_an_origin_not_on_the_list(qtbot, servers):
    """Defence in depth: even if a page from a host not on the list were loaded, it gets no camera.

    Navigation and the request filter would already stop such a page, so this test opens
    those two doors (a subclass that accepts every navigation, a request filter that lets
    the other origin through) and leaves the permission policy as it is. A third door,
    the engine's network lock, holds host names (kiosk.video.engine_network_flags) and
    cannot be opened per test, so the origin off the list is another port on 127.0.0.1:
    the permission policy, like the request filter, holds exact host:port origins.
    """
    from ui.video.page import CallPage, new_call_profile
    from ui.video.view import CallView

    listed, _ = servers
    unlisted = PageServer("127.0.0.1").start()

    class NavigationOpenPage(CallPage):
        def acceptNavigationRequest(self, url, nav_type, is_main_frame):
            return True

    profile = new_call_profile(allowed_hosts=(listed.netloc,))
    page = NavigationOpenPage(profile, (listed.netloc,), listed.url("/call.html"))
    page.interceptor.allowed_hosts = (listed.netloc, unlisted.netloc)
    view = CallView()
    view.setPage(page)
    view.show()
    blocked: list = []
    page.blocked.connect(lambda kind, detail: blocked.append((kind, detail)))
    with qtbot.waitSignal(page.loadFinished, timeout=15000):
        page.load(unlisted.url("/call.html"))
    qtbot.waitUntil(lambda: run_js(qtbot, page, "window.callState.error") is not None, timeout=10000)
    # Qt WebEngine 6.12 reports a denied media request as AbortError "Invalid state"
    # (Chromium itself says NotAllowedError); either way the page got no camera.
    assert run_js(qtbot, page, "window.callState.error") in ("NotAllowedError", "AbortError")
    assert run_js(qtbot, page, "window.callState.media") is None
    assert [k for k, _ in blocked] == ["permission"]
    assert unlisted.base in blocked[0][1] and "MediaAudioVideoCapture" in blocked[0][1]
    view.deleteLater()
    with qtbot.waitSignal(page.destroyed):
        page.deleteLater()
    profile.deleteLater()
    unlisted.stop()


def test_nothing_survives_the_call(qtbot, servers):
    listed, _ = servers

    def left_behind(room) -> dict:
        qtbot.waitUntil(lambda: run_js(qtbot, room.page, "window.found.idbNew") is not None, timeout=5000)
        found = run_js(qtbot, room.page, "window.found")
        found["cookie"] = sorted(c for c in found["cookie"].split("; ") if c)
        return found

    first, _ = open_room(qtbot, listed, "/storage.html")
    # Only this very page's own Set-Cookie; nothing from before.
    assert left_behind(first) == {"cookie": ["server-test=from-a-call"], "local": None, "session": None,
                                  "idbNew": True}
    # Within the call cookies and storage do work (else the next check would prove nothing).
    assert run_js(qtbot, first.page, "localStorage.getItem('kiosk-test')") == "from-this-call"
    run_js(qtbot, first.page, "fetch('/call.html?again').then(() => true)")
    qtbot.waitUntil(lambda: ("/call.html?again", "server-test=from-a-call; kiosk-test=from-this-call")
                    in listed.cookies_seen, timeout=5000)
    end_and_wait(qtbot, first)

    second, _ = open_room(qtbot, listed, "/storage.html")
    assert left_behind(second) == {"cookie": ["server-test=from-a-call"], "local": None, "session": None,
                                   "idbNew": True}
    # The next call's first request carried no cookie at all.
    assert [c for path, c in listed.cookies_seen if path == "/storage.html"] == [None, None]
    end_and_wait(qtbot, second)


def test_camera_permission_is_asked_again_in_the_next_call(qtbot, servers, caplog):
    caplog.set_level(logging.INFO, logger="ui.video")
    listed, _ = servers
    for _ in range(2):
        caplog.clear()
        room, _ = open_room(qtbot, listed, "/call.html")
        qtbot.waitUntil(lambda: run_js(qtbot, room.page, "window.callState.media") == "audio,video", timeout=10000)
        assert "MediaAudioVideoCapture granted to " + listed.base in caplog.text
        end_and_wait(qtbot, room)


@pytest.mark.parametrize("script, reason", [
    ("location.href = '/close.html'", ROOM_LEFT),  # Jitsi goes to its close page on hang-up
    ("window.close()", PAGE_CLOSED),
])
def test_the_page_ending_the_call_ends_it_in_the_kiosk(qtbot, servers, script, reason):
    listed, _ = servers
    room, _ = open_room(qtbot, listed, "/call.html#nojoin")
    with qtbot.waitSignal(room.ended, timeout=5000) as ended:
        room.page.runJavaScript(script)
    assert ended.args[0].reason == reason and ended.args[0].offer_feedback
    assert "/close.html" not in "".join(listed.requests)  # the close page itself is never shown


def test_the_maximum_duration_ends_the_call(qtbot, servers):
    listed, _ = servers
    room, _ = open_room(qtbot, listed, "/call.html#nojoin", max_duration_s=1.0)
    with qtbot.waitSignal(room.ended, timeout=5000) as ended:
        pass
    assert ended.args[0].reason == TIME_LIMIT and 0.9 <= ended.args[0].duration_s < 4


def test_losing_the_video_host_ends_the_call(qtbot):
    host = PageServer("127.0.0.1").start()
    try:
        room, _ = open_room(qtbot, host, "/call.html#nojoin", network_lost_s=1.0, probe=0.2)
        qtbot.wait(600)
        assert room.lifecycle.state == "in_room"  # the probes get through while the host is up
        host.stop()
        with qtbot.waitSignal(room.ended, timeout=5000) as ended:
            pass
        assert ended.args[0].reason == NETWORK_LOST
    finally:
        host.stop()


def test_a_room_that_does_not_load_ends_the_call(qtbot):
    from ui.video.room import VideoRoom

    gone = PageServer("127.0.0.1").start()
    link = gone.url("/call.html")
    gone.stop()  # nothing listens on that port any more
    room = VideoRoom(make_call(link), (gone.netloc,))
    with qtbot.waitSignal(room.ended, timeout=15000) as ended:
        room.start()
    assert ended.args[0].reason == LOAD_FAILED and not ended.args[0].connected


def test_keys_that_leave_the_room_are_swallowed(qtbot, servers):
    listed, _ = servers
    room, _ = open_room(qtbot, listed, "/call.html#nojoin")
    url = room.page.url().toString()
    target = room.view.focusProxy()
    for key, mods in [(Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier), (Qt.Key.Key_F5, Qt.KeyboardModifier.NoModifier),
                      (Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier), (Qt.Key.Key_F12, Qt.KeyboardModifier.NoModifier),
                      (Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)]:
        qtbot.keyClick(target, key, mods)
    assert len(room.view.blocked_keys) == 5
    qtbot.keyClick(target, Qt.Key.Key_A)  # ordinary typing still reaches the page (chat, names)
    assert len(room.view.blocked_keys) == 5
    assert room.page.url().toString() == url and room.lifecycle.state == "in_room"
    end_and_wait(qtbot, room)


def test_volume_reaches_the_room_sound(qtbot, servers):
    listed, _ = servers
    room, _ = open_room(qtbot, listed, "/call.html#nojoin")
    room.set_volume(0.25)
    # The kiosk's script runs in its own world; the media element is shared with the page.
    qtbot.waitUntil(lambda: abs(run_js(qtbot, room.page, "document.getElementById('remote').volume") - 0.25) < 0.01)
    room.set_volume(0)
    assert room.page.isAudioMuted()
    end_and_wait(qtbot, room)
