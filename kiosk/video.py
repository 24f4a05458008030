"""Video calls to remote specialists: the rules, without Qt or HTTP.

Which hosts a call may load, how a room link is made from the configured template,
when *Join* is offered for a booked video appointment, and how a call ends. The
call view (``ui/video``) asks these functions on every navigation and permission
request, and tests drive them directly.
"""

from __future__ import annotations

import ipaddress
import re
import secrets
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Callable
from urllib.parse import quote, urlsplit

LANGUAGES = ("fi", "sv", "en")

# Where a call comes from.
FROM_APPOINTMENT = "appointment"  # a booked video appointment carries its own link
FROM_ON_DEMAND = "on_demand"      # "Talk to a nurse now": the backend hands out a room
FROM_SPECIALIST = "specialist"    # a nurse's "Call a specialist" for the person in front of them
SOURCES = (FROM_APPOINTMENT, FROM_ON_DEMAND, FROM_SPECIALIST)

# How a call opens on this device.
EMBEDDED = "embedded"
EXTERNAL_BROWSER = "external_browser"
QR_ONLY = "qr_only"
MODES = (EMBEDDED, EXTERNAL_BROWSER, QR_ONLY)

# Why a call ended. Every one of them returns the kiosk to home.
HUNG_UP = "hung_up"            # the resident pressed the kiosk's own Hang up button
ROOM_LEFT = "room_left"        # the page left the room: either side hung up inside the room
PAGE_CLOSED = "page_closed"    # the page closed itself (window.close())
NETWORK_LOST = "network_lost"  # the video host could not be reached for video.network_lost_s
TIME_LIMIT = "time_limit"      # video.max_duration_min reached
LOAD_FAILED = "load_failed"    # the room never loaded
PAGE_CRASHED = "page_crashed"  # the web engine's page process died
SESSION_ENDED = "session_ended"  # logout or idle reset: nobody is there to ask for feedback
END_REASONS = (HUNG_UP, ROOM_LEFT, PAGE_CLOSED, NETWORK_LOST, TIME_LIMIT, LOAD_FAILED, PAGE_CRASHED,
               SESSION_ENDED)

# Join window of a booked video appointment.
TOO_EARLY = "too_early"
JOIN_OPEN = "open"
JOIN_OVER = "over"

_DEFAULT_PORTS = {"https": 443, "http": 80}
_HOST_ENTRY = re.compile(r"^(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)*[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?"
                         r"(?::[0-9]{1,5})?$")
_ROOM_NAME = re.compile(r"^[a-z0-9][a-z0-9-]{2,63}$")
_PLACEHOLDERS = ("{room}", "{lang}", "{name}")


class VideoLinkError(ValueError):
    """A room link or template that the kiosk refuses to open."""


# -- hosts -------------------------------------------------------------------------------------
def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def origin_of(url: str) -> tuple[str, str, int] | None:
    """(scheme, host, port) of an http(s) URL, or None for anything else or anything odd.

    Odd is: user info (``https://video.example.fi@evil.example/``), no host, a bad port.
    """
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS or not parts.hostname or "@" in parts.netloc:
        return None
    return scheme, parts.hostname.lower().rstrip("."), port or _DEFAULT_PORTS[scheme]


def allowed_host(url: str, allowed_hosts: tuple[str, ...] | list[str]) -> bool:
    """May the call view load ``url`` (or grant it the camera)?

    Only https, except plain http to a loopback address (a test or a local bridge).
    An entry ``host`` allows that host on the scheme's default port; ``host:port``
    allows exactly that port.
    """
    origin = origin_of(url)
    if origin is None:
        return False
    scheme, host, port = origin
    if scheme == "http" and not _is_loopback(host):
        return False
    for entry in allowed_hosts:
        entry = entry.strip().lower()
        if ":" in entry:
            name, _, wanted = entry.rpartition(":")
            if name == host and wanted.isdigit() and int(wanted) == port:
                return True
        elif entry == host and port == _DEFAULT_PORTS[scheme]:
            return True
    return False


def may_navigate(url: str, allowed_hosts: tuple[str, ...] | list[str], *, main_frame: bool) -> bool:
    """Navigation rule of the call view: allow-listed hosts; empty frames only inside a page."""
    if not main_frame and url in ("about:blank", "about:srcdoc"):
        return True
    return allowed_host(url, allowed_hosts)


# -- links ----------------------------------------------------------------------------------
def new_room_name(service_id: str) -> str:
    """A room nobody can guess: the service for the staff's eyes plus 64 random bits."""
    slug = re.sub(r"[^a-z0-9]+", "-", service_id.lower()).strip("-")[:40] or "room"
    return f"{slug}-{secrets.token_hex(8)}"


def clean_display_name(name: str) -> str:
    """A display name as the room shows it: printable, one line, at most 60 characters.

    Jitsi reads hash parameters as JSON, and the template puts the name inside quotes:
    a double quote or backslash in a name would end that string early.
    """
    text = "".join(ch if ch.isprintable() else " " for ch in name).replace('"', "'").replace("\\", " ")
    return " ".join(text.split())[:60]


def room_link(template: str, *, room: str, lang: str, display_name: str = "") -> str:
    """Fill the configured template. Each value is checked or percent-encoded on its own,
    so a name like ``Anna & "Bo"`` can never add parameters to the link."""
    if not _ROOM_NAME.match(room):
        raise VideoLinkError(f"room name {room!r}: expected 3-64 of a-z, 0-9 and '-'")
    if lang not in LANGUAGES:
        raise VideoLinkError(f"language {lang!r}: expected one of {', '.join(LANGUAGES)}")
    if "{room}" not in template:
        raise VideoLinkError("the room link template has no {room}")
    return (template.replace("{room}", room).replace("{lang}", lang)
            .replace("{name}", quote(clean_display_name(display_name), safe="")))


def video_config_problem(video: Any) -> str | None:
    """What is wrong with a [video] configuration, in words for the person who wrote it."""
    for entry in video.allowed_hosts:
        if not _HOST_ENTRY.match(entry.strip().lower()):
            return (f"video.allowed_hosts: {entry!r} is not valid: expected a host name or host:port, "
                    "without https:// or a path")
    template = video.room_url
    if "{room}" not in template:
        return f"video.room_url = {template!r} is not valid: expected a link with {{room}} in it"
    leftover = re.sub(r"\{(room|lang|name)\}", "", template)
    stray = re.search(r"\{[a-z_]+\}", leftover)
    if stray:
        return (f"video.room_url = {template!r} is not valid: unknown placeholder {stray.group(0)}; "
                f"expected only {', '.join(_PLACEHOLDERS)}")
    sample = room_link(template, room="sample-room", lang="fi", display_name="Sample")
    if not allowed_host(sample, video.allowed_hosts):
        return (f"video.room_url = {template!r} is not valid: expected an https:// link to one of "
                f"video.allowed_hosts ({', '.join(video.allowed_hosts) or 'none'})")
    if video.mode == EXTERNAL_BROWSER and "{url}" not in video.external_browser:
        return (f"video.external_browser = {video.external_browser!r} is not valid: expected a command "
                "with {url} in it, because video.mode is 'external_browser'")
    return None


# -- the call -------------------------------------------------------------------------------
@dataclass(frozen=True)
class VideoCall:
    """One call the kiosk is about to open."""

    service_id: str
    room: str
    link: str          # what the kiosk opens: the display name filled in
    phone_link: str    # what the QR code carries: no name, the phone asks for its own
    source: str
    mode: str
    max_duration_s: float
    network_lost_s: float

    def __post_init__(self) -> None:
        if self.source not in SOURCES:
            raise ValueError(f"call source {self.source!r}: expected one of {', '.join(SOURCES)}")
        if self.mode not in MODES:
            raise ValueError(f"call mode {self.mode!r}: expected one of {', '.join(MODES)}")


def choose_mode(configured: str, *, webengine_available: bool, external_browser: str) -> str:
    """What this device can actually do: embedded needs Qt WebEngine; external needs a command."""
    if configured == EMBEDDED and not webengine_available:
        configured = EXTERNAL_BROWSER
    if configured == EXTERNAL_BROWSER and "{url}" not in external_browser:
        configured = QR_ONLY
    return configured


def plan_call(video: Any, *, service_id: str, source: str, lang: str, display_name: str = "",
              room: str | None = None, link: str | None = None, webengine_available: bool = True) -> VideoCall:
    """A call from the configuration (``video`` is ``Config.video``).

    A booked appointment or the backend may hand over a ready ``link``; it must still
    point at an allow-listed host, or the kiosk does not open it at all.
    """
    mode = choose_mode(video.mode, webengine_available=webengine_available,
                       external_browser=video.external_browser)
    if link is None:
        room = room or new_room_name(service_id)
        link = room_link(video.room_url, room=room, lang=lang, display_name=display_name)
        phone = room_link(video.room_url, room=room, lang=lang)
    else:
        phone = link
    if not allowed_host(link, video.allowed_hosts):
        raise VideoLinkError(f"the link's host is not in video.allowed_hosts: {link!r}")
    return VideoCall(service_id=service_id, room=room or "", link=link, phone_link=phone, source=source,
                     mode=mode, max_duration_s=video.max_duration_min * 60.0,
                     network_lost_s=float(video.network_lost_s))


def join_state(starts_at: datetime, ends_at: datetime, now: datetime, *, early_min: int) -> str:
    """Whether *Join* is offered for a booked video appointment right now."""
    if now < starts_at - timedelta(minutes=early_min):
        return TOO_EARLY
    if now >= ends_at:
        return JOIN_OVER
    return JOIN_OPEN


def join_opens_at(starts_at: datetime, *, early_min: int) -> datetime:
    return starts_at - timedelta(minutes=early_min)


def alternatives(modules: Any) -> tuple[str, ...]:
    """What "Talk to a nurse now" offers when no room can be had: a queue number, a booking."""
    return tuple(name for name in ("queue", "booking") if getattr(modules, name, False))


# Endings of a call that took place: someone hung up or the time ran out.
FINISHED_REASONS = (HUNG_UP, ROOM_LEFT, PAGE_CLOSED, TIME_LIMIT)
# Endings that mean the call broke: the resident is told so and offered the next step.
FAILED_REASONS = (LOAD_FAILED, PAGE_CRASHED, NETWORK_LOST)


@dataclass(frozen=True)
class CallOutcome:
    """How a call ended. Feedback is asked only about a call that took place; a call that
    failed says so and offers the next step (``kiosk.flow.after_call``)."""

    service_id: str
    source: str
    reason: str
    duration_s: float
    connected: bool  # the room page loaded (an external browser started)
    mode: str = EMBEDDED

    @property
    def failed(self) -> bool:
        """The call never came about or broke off: not a service the resident received."""
        return self.reason in FAILED_REASONS

    @property
    def offer_feedback(self) -> bool:
        # A QR-only call goes on on the phone: the kiosk cannot see it load, the
        # resident's own Hang up says it is over. Elsewhere the room must have loaded.
        return self.reason in FINISHED_REASONS and (self.connected or self.mode == QR_ONLY)


@dataclass
class CallLifecycle:
    """joining -> in_room -> ended, once. The first reason to end wins; later ones are ignored,
    so a hang-up that also closes the page is reported once."""

    call: VideoCall
    started_at: float  # monotonic seconds
    loaded_at: float | None = None
    outcome: CallOutcome | None = None
    _listeners: list[Callable[[CallOutcome], None]] = field(default_factory=list)

    @property
    def state(self) -> str:
        if self.outcome is not None:
            return "ended"
        return "in_room" if self.loaded_at is not None else "joining"

    @property
    def deadline(self) -> float:
        return self.started_at + self.call.max_duration_s

    def on_end(self, listener: Callable[[CallOutcome], None]) -> None:
        self._listeners.append(listener)

    def room_loaded(self, now: float) -> float | None:
        """Seconds from Join to the room page loaded (first load only)."""
        if self.outcome is not None or self.loaded_at is not None:
            return None
        self.loaded_at = now
        return now - self.started_at

    def end(self, reason: str, now: float) -> CallOutcome | None:
        if reason not in END_REASONS:
            raise ValueError(f"end reason {reason!r}: expected one of {', '.join(END_REASONS)}")
        if self.outcome is not None:
            return None
        self.outcome = CallOutcome(self.call.service_id, self.call.source, reason,
                                   max(0.0, now - self.started_at), self.loaded_at is not None, self.call.mode)
        for listener in list(self._listeners):
            listener(self.outcome)
        return self.outcome


@dataclass
class NetworkWatch:
    """The video host is probed now and then; only a loss that lasts ``lost_after_s`` ends the call
    (a single dropped probe on busy Wi-Fi must not)."""

    lost_after_s: float
    last_ok: float

    def reached(self, now: float) -> None:
        self.last_ok = now

    def missed(self, now: float) -> bool:
        """A probe failed; True when the host has now been out of reach long enough."""
        return now - self.last_ok >= self.lost_after_s


# -- the engine's network lock -----------------------------------------------------------------
# The page's request filter (ui.video.page) sees every URL request, but a browser opens
# connections that are no URL request: <link rel=preconnect>, WebRTC to STUN/TURN servers
# and to candidates in a crafted SDP answer, WebTransport (QUIC). These flags close them
# in Chromium's network stack itself, for the whole web engine of the process:
#
# * every connection goes through a proxy that does not exist (a name that cannot be
#   resolved), except to the allow-listed hosts, which bypass it. ``<-loopback>`` takes
#   away Chromium's own bypass for 127.0.0.0/8 and localhost, so loopback is no exception.
#   Chromium never falls back to a direct connection when a fixed proxy fails.
# * the host resolver answers "not found" for every name but the allow-listed ones, so
#   no DNS query for another name ever leaves the kiosk (dns-prefetch, the proxy's name).
# * WebRTC may not send UDP that does not go through the proxy: it gathers no host or
#   STUN candidates and uses only TURN over TCP/TLS; a TURN relay off the list meets the
#   dead proxy, one on the list (the city's relay, e.g. turns:turn.example.fi:443) is
#   reached directly. Calls therefore need the city's relay, listed in video.allowed_hosts.
NETWORK_LOCK_PROXY = "http://kiosk-no-other-hosts.invalid:1"
WEBRTC_POLICY = "disable_non_proxied_udp"
# Flags that would undo the lock if someone passed them in QTWEBENGINE_CHROMIUM_FLAGS.
NETWORK_FLAG_PREFIXES = ("--proxy-server", "--proxy-bypass-list", "--proxy-pac-url", "--proxy-auto-detect",
                         "--no-proxy-server", "--host-resolver-rules", "--host-rules",
                         "--force-webrtc-ip-handling-policy", "--webrtc-ip-handling-policy",
                         "--enable-quic", "--origin-to-force-quic-on", "--ignore-certificate-errors")


def allowed_host_names(allowed_hosts: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """The host names of the allow-list entries (ports dropped), lower case, valid ones only."""
    names: list[str] = []
    for entry in allowed_hosts:
        entry = entry.strip().lower()
        if not _HOST_ENTRY.match(entry):
            continue  # video_config_problem() stops start-up for these; never widen the lock
        name = entry.rpartition(":")[0] if ":" in entry else entry
        if name not in names:
            names.append(name)
    return tuple(names)


def engine_network_flags(allowed_hosts: tuple[str, ...] | list[str]) -> list[str]:
    """Chromium flags that let the web engine reach the allow-listed hosts and nothing else.

    Ports are not part of the lock (Chromium's bypass and resolver rules are by host); the
    request filter still holds every URL request to its exact ``host:port``.
    """
    names = allowed_host_names(allowed_hosts)
    bypass = ";".join(("<-loopback>",) + names)
    resolver = ",".join(("MAP * ~NOTFOUND",) + tuple(f"EXCLUDE {name}" for name in names))
    return [f"--proxy-server={NETWORK_LOCK_PROXY}", f"--proxy-bypass-list={bypass}",
            f"--host-resolver-rules={resolver}", f"--force-webrtc-ip-handling-policy={WEBRTC_POLICY}"]
