"""kiosk.video without Qt: which hosts, which links, when Join, how a call ends."""

from __future__ import annotations

import dataclasses
from datetime import datetime, timedelta, timezone
from urllib.parse import unquote

import pytest

from kiosk.config import ConfigError, load_config
from kiosk.video import (EMBEDDED, EXTERNAL_BROWSER, FROM_SPECIALIST, HUNG_UP, JOIN_OPEN, JOIN_OVER, NETWORK_LOST,
                         QR_ONLY, SESSION_ENDED, TIME_LIMIT, TOO_EARLY, CallLifecycle, NetworkWatch, VideoLinkError,
                         allowed_host, choose_mode, clean_display_name, join_opens_at, join_state, may_navigate,
                         new_room_name, plan_call, room_link)
from sync.server.video import OnDemandDesk
from sync.server.store import BackendError

HOSTS = ("video.example.fi", "127.0.0.1:8443")


@pytest.mark.parametrize("url, ok", [
    ("https://video.example.fi/room-abc", True),
    ("https://VIDEO.example.fi./room-abc", True),                 # case and trailing dot
    ("https://video.example.fi:443/room", True),
    ("https://video.example.fi:8443/room", False),                # another port is another origin
    ("http://video.example.fi/room", False),                      # plain http only on loopback
    ("https://video.example.fi@evil.example/room", False),       # user info trick
    ("https://evil.example/?https://video.example.fi/", False),
    ("https://video.example.fi.evil.example/room", False),
    ("https://sub.video.example.fi/room", False),                 # sub-domains are not the host
    ("http://127.0.0.1:8443/call.html", True),
    ("http://127.0.0.1:8444/call.html", False),
    ("http://127.0.0.2:8443/call.html", False),
    ("file:///etc/passwd", False),
    ("data:text/html,<h1>hi</h1>", False),
    ("javascript:alert(1)", False),
    ("https://video.example.fi:99999/", False),                   # bad port
    ("", False),
])
def test_allowed_host(url, ok):
    assert allowed_host(url, HOSTS) is ok


def test_frames_may_be_empty_but_the_page_may_not():
    assert may_navigate("about:blank", HOSTS, main_frame=False)
    assert not may_navigate("about:blank", HOSTS, main_frame=True)
    assert not may_navigate("https://evil.example/", HOSTS, main_frame=False)


def test_room_link_encodes_each_value_on_its_own():
    template = load_config().video.room_url
    link = room_link(template, room="health-video-0011223344556677", lang="sv",
                     display_name='Anna "Bo" & Co\n#config.startWithVideoMuted=true')
    assert link.startswith("https://video.example.fi/health-video-0011223344556677#config.prejoinConfig.enabled=false"
                           "&config.defaultLanguage=sv&userInfo.displayName=%22")
    name_part = link.split("userInfo.displayName=")[1]
    assert "#" not in name_part and "&" not in name_part and "\n" not in name_part
    assert unquote(name_part) == "\"Anna 'Bo' & Co #config.startWithVideoMuted=true\""
    with pytest.raises(VideoLinkError):
        room_link(template, room="../admin", lang="fi")
    with pytest.raises(VideoLinkError):
        room_link(template, room="good-room", lang="de")


def test_display_names_are_one_short_printable_line():
    assert clean_display_name("  Anna\t\x00Virtanen \u202e ") == "Anna Virtanen"
    assert len(clean_display_name("x" * 500)) == 60


def test_room_names_cannot_be_guessed():
    names = {new_room_name("Health Video!") for _ in range(200)}
    assert len(names) == 200
    assert all(n.startswith("health-video-") and len(n) == len("health-video-") + 16 for n in names)


def test_join_is_offered_from_a_few_minutes_before_until_the_end():
    starts = datetime(2026, 11, 25, 10, 0, tzinfo=timezone.utc)
    ends = starts + timedelta(minutes=30)
    assert join_state(starts, ends, starts - timedelta(minutes=11), early_min=10) == TOO_EARLY
    assert join_state(starts, ends, starts - timedelta(minutes=10), early_min=10) == JOIN_OPEN
    assert join_state(starts, ends, starts + timedelta(minutes=29), early_min=10) == JOIN_OPEN
    assert join_state(starts, ends, ends, early_min=10) == JOIN_OVER
    assert join_opens_at(starts, early_min=10) == starts - timedelta(minutes=10)


def test_mode_falls_back_to_what_the_device_can_do():
    assert choose_mode(EMBEDDED, webengine_available=True, external_browser="") == EMBEDDED
    assert choose_mode(EMBEDDED, webengine_available=False, external_browser="chromium --app={url}") == EXTERNAL_BROWSER
    assert choose_mode(EMBEDDED, webengine_available=False, external_browser="") == QR_ONLY
    assert choose_mode(QR_ONLY, webengine_available=True, external_browser="x {url}") == QR_ONLY


def test_plan_call_refuses_links_off_the_list():
    video = load_config().video
    call = plan_call(video, service_id="health-video", source=FROM_SPECIALIST, lang="en", display_name="Nurse Aino")
    assert call.max_duration_s == 3600 and call.network_lost_s == 20 and "Aino" in call.link
    assert "Aino" not in call.phone_link
    with pytest.raises(VideoLinkError):
        plan_call(video, service_id="s", source=FROM_SPECIALIST, lang="en", link="https://meet.jit.si/abc")


@pytest.mark.parametrize("toml, message", [
    ('allowed_hosts = ["https://video.example.fi"]', "video.allowed_hosts: 'https://video.example.fi' is not valid"),
    ('room_url = "https://video.example.fi/fixed-room"', "expected a link with {room}"),
    ('room_url = "https://other.example/{room}"', "expected an https:// link to one of video.allowed_hosts"),
    ('room_url = "http://video.example.fi/{room}"', "expected an https:// link"),
    ('room_url = "https://video.example.fi/{room}?u={user}"', "unknown placeholder {user}"),
    ('mode = "external_browser"', "video.external_browser = '' is not valid"),
    ('max_duration_min = 0', "video.max_duration_min = 0 is not valid"),
    ('mode = "popup"', "video.mode = 'popup' is not valid"),
])
def test_bad_video_configuration_stops_start_up_with_the_key(tmp_path, toml, message):
    device = tmp_path / "device.toml"
    device.write_text("[video]\n" + toml + "\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=message.replace("{", r"\{").replace("(", r"\(").replace("?", r"\?")) as err:
        load_config(device)
    assert str(device) in str(err.value) or "default.toml" in str(err.value)


def test_lifecycle_ends_once_with_the_first_reason():
    video = load_config().video
    call = plan_call(video, service_id="health-video", source=FROM_SPECIALIST, lang="fi")
    life = CallLifecycle(call, started_at=100.0)
    ended = []
    life.on_end(ended.append)
    assert life.state == "joining" and life.deadline == 100.0 + 3600
    assert life.room_loaded(101.5) == 1.5 and life.room_loaded(102) is None and life.state == "in_room"
    first = life.end(HUNG_UP, 160.0)
    assert life.end(TIME_LIMIT, 161.0) is None  # a hang-up that also closes the page: reported once
    assert ended == [first] and first.reason == HUNG_UP and first.duration_s == 60.0 and first.connected
    assert first.offer_feedback
    assert not CallLifecycle(call, 0).end(SESSION_ENDED, 1).offer_feedback
    with pytest.raises(ValueError):
        CallLifecycle(call, 0).end("bored", 1)


def test_a_short_drop_does_not_end_the_call_a_long_one_does():
    watch = NetworkWatch(lost_after_s=20, last_ok=0)
    assert not watch.missed(5) and not watch.missed(19.9)
    watch.reached(21)
    assert not watch.missed(40) and watch.missed(41)
    assert NETWORK_LOST  # the reason the call view gives for it


def test_desk_gives_each_free_specialist_one_room_and_takes_expired_rooms_back():
    now = [1000.0]
    desk = OnDemandDesk(room_url="https://video.example.fi/{room}#lang={lang}", room_minutes=1, clock=lambda: now[0])
    desk.set_on_duty("health-video", 1)
    room = desk.take("health-video", "site-a", "fi")
    assert room["link"].endswith("#lang=fi") and room["expires_at"] == 1060.0
    with pytest.raises(BackendError) as busy:
        desk.take("health-video", "site-b", "fi")
    assert (busy.value.code, busy.value.status) == ("no_one_available", 409)
    now[0] = 1061.0  # the room expired: the specialist is free again
    assert desk.take("health-video", "site-b", "sv")["room"] != room["room"]
    with pytest.raises(BackendError):
        desk.take("nobody-on-duty", "site-a", "fi")


def test_the_default_configuration_is_valid_and_documented():
    video = load_config().video
    assert video.mode == EMBEDDED and video.allowed_hosts == ("video.example.fi",)
    dataclasses.replace(video)  # frozen, typed
