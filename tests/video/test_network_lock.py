"""The web engine's network lock as flags (Qt-free) and how configure_engine applies them.
The pages in test_call_view_channels.py prove that the flags hold in the real engine."""

from __future__ import annotations

import shlex

from kiosk.video import NETWORK_LOCK_PROXY, WEBRTC_POLICY, allowed_host_names, engine_network_flags
from ui.video import configure_engine


def flag(flags: list[str], name: str) -> str:
    values = [f.split("=", 1)[1] for f in flags if f.startswith(name + "=")]
    assert len(values) == 1, flags
    return values[0]


def test_only_the_listed_hosts_bypass_the_dead_proxy_and_resolve():
    flags = engine_network_flags(["video.example.fi", "turn.example.fi:443", "127.0.0.1:8443", "VIDEO.example.fi"])
    assert allowed_host_names(["video.example.fi", "127.0.0.1:8443"]) == ("video.example.fi", "127.0.0.1")
    assert flag(flags, "--proxy-server") == NETWORK_LOCK_PROXY
    # Loopback loses Chromium's own bypass: 127.0.0.2 is as far away as any other host.
    assert flag(flags, "--proxy-bypass-list") == "<-loopback>;video.example.fi;turn.example.fi;127.0.0.1"
    assert flag(flags, "--host-resolver-rules") == (
        "MAP * ~NOTFOUND,EXCLUDE video.example.fi,EXCLUDE turn.example.fi,EXCLUDE 127.0.0.1")
    assert flag(flags, "--force-webrtc-ip-handling-policy") == WEBRTC_POLICY == "disable_non_proxied_udp"


def test_an_entry_that_is_not_a_host_never_widens_the_lock():
    flags = engine_network_flags(["*", "evil.example;*", "a b", ""])
    assert flag(flags, "--proxy-bypass-list") == "<-loopback>"
    assert flag(flags, "--host-resolver-rules") == "MAP * ~NOTFOUND"


def test_configure_engine_replaces_network_flags_from_outside_and_quotes_spaces():
    env = {"QTWEBENGINE_CHROMIUM_FLAGS": "--use-fake-device-for-media-stream --no-proxy-server "
                                         "--host-resolver-rules=\"MAP * 127.0.0.2\" --remote-debugging-port=9222 "
                                         "--force-webrtc-ip-handling-policy=default"}
    configure_engine(env, allowed_hosts=("127.0.0.1:8443",))
    text = env["QTWEBENGINE_CHROMIUM_FLAGS"]
    parsed = shlex.split(text)          # Qt splits the variable the same way (double quotes group)
    assert parsed[0] == "--use-fake-device-for-media-stream"
    assert parsed[1:] == engine_network_flags(("127.0.0.1:8443",))
    assert '--host-resolver-rules="MAP * ~NOTFOUND,EXCLUDE 127.0.0.1"' in text
    # Applying it again (the page module does at import) changes nothing.
    configure_engine(env, allowed_hosts=("127.0.0.1:8443",))
    assert env["QTWEBENGINE_CHROMIUM_FLAGS"] == text
    configure_engine(env)               # without hosts: the lock already set stays
    assert shlex.split(env["QTWEBENGINE_CHROMIUM_FLAGS"]) == parsed
