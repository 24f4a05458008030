"""Device configuration: declared once here, defaults in ``config/default.toml``.

A device file only overrides what differs. Every value is checked at start-up; a
bad value stops start-up with one message naming the file, the key, the value and
what was expected.
"""

from __future__ import annotations

import dataclasses
import math
import os
import tomllib
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, get_args, get_origin, get_type_hints
from urllib.parse import urlsplit

from kiosk.packaged import default_config

# The checkout (development: var/ for data); an installed kiosk reads its files through
# kiosk.packaged instead.
REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_CONFIG_PATH = default_config()  # config/default.toml, shipped in the package


def in_checkout() -> bool:
    """Running from the repository (make run, tests), not from an installed wheel."""
    return (REPO_ROOT / "pyproject.toml").is_file() and (REPO_ROOT / "kiosk" / "config.py").is_file()


def state_root() -> Path:
    """Where data lives when nothing names a place: var/ in a checkout; for an installed
    copy the user's state folder (XDG), never the site-packages folder the code sits in,
    which may be read-only and is wiped by the next upgrade."""
    if in_checkout():
        return REPO_ROOT / "var"
    xdg = os.environ.get("XDG_STATE_HOME", "").strip()
    base = Path(xdg) if xdg and Path(xdg).is_absolute() else Path.home() / ".local" / "state"
    return base / "welfare-kiosk"

# The languages the kiosk's screens can be shown in (catalogue data itself comes in
# fi/sv/en only: kiosk.catalogue.importer.REQUIRED_LANGUAGES).
LANGUAGES = ("fi", "sv", "en", "et", "ru", "uk", "so", "ar")


class ConfigError(Exception):
    """A configuration problem, with a message meant for the person who wrote the file."""


def _opt(*, choices: tuple | None = None, min: float | None = None, max: float | None = None,
         items: tuple | None = None, allow_empty: bool = False, doc: str = "") -> Any:
    return field(metadata={"choices": choices, "min": min, "max": max, "items": items,
                           "allow_empty": allow_empty, "doc": doc})


@dataclass(frozen=True)
class DeviceConfig:
    site: str = _opt(doc="site id, as the city backend knows it")
    name: str = _opt(doc="a name IT recognises, e.g. 'kontula-lobby-1'")
    data_dir: str = _opt(doc="where the kiosk keeps its database; relative paths are from the config file")


@dataclass(frozen=True)
class UiConfig:
    languages: tuple[str, ...] = _opt(items=LANGUAGES, doc="languages offered, in button order")
    default_language: str = _opt(choices=LANGUAGES)
    resolution: str = _opt(choices=("1920x1080", "1280x800"))
    fullscreen: bool = _opt(doc="kiosk mode: full screen, no window decorations")
    theme: str = _opt(choices=("light", "dark"))
    idle_timeout_s: int = _opt(min=20, max=3600, doc="no touch for this long returns home")
    idle_warning_s: int = _opt(min=5, max=120, doc="countdown shown this long before returning home")
    double_press_ms: int = _opt(min=0, max=2000, doc="a second press of the same button within this many "
                                                     "milliseconds is ignored (0 = off)")


@dataclass(frozen=True)
class BackendConfig:
    url: str = _opt(doc="the city backend, e.g. https://kiosk-api.example.fi")
    timeout_s: float = _opt(min=0.5, max=120)
    sync_interval_s: int = _opt(min=5, max=86400)


@dataclass(frozen=True)
class ModulesConfig:
    booking: bool = _opt()
    queue: bool = _opt()
    video: bool = _opt()
    feedback: bool = _opt()
    participation: bool = _opt()


@dataclass(frozen=True)
class QueueConfig:
    lines: tuple[str, ...] = _opt(allow_empty=True,
                                  doc="walk-in channel ids from the catalogue, lettered A, B, C...; "
                                      "empty = every walk-in channel")
    default_service_min: float = _opt(min=1, max=120, doc="minutes per person until the day's own figures exist")
    printer: str = _opt(allow_empty=True, doc="'' for none, a device or file path, or tcp://host:9100")
    rooms: tuple[str, ...] = _opt(doc="rooms a nurse can call people to from this kiosk")
    display: bool = _opt(doc="open the queue display as a second window (e.g. on a second screen)")
    display_languages: tuple[str, ...] = _opt(items=LANGUAGES, allow_empty=True,
                                              doc="languages the queue display's texts take in turn, and calls are "
                                                  "spoken in; empty = ui.languages")
    display_rotate_s: int = _opt(min=3, max=300, doc="seconds the queue display stays in one language")
    places: tuple[str, ...] = _opt(allow_empty=True, doc="where each line is served, printed on the ticket: "
                                                         "'line id: room, floor', e.g. 'laboratory.walk-in: Lab 2, 1'")
    appointments_first: tuple[str, ...] = _opt(allow_empty=True, doc="lines that call appointments at their time "
                                                                     "ahead of walk-ins; the others interleave them")
    appointment_head_start_min: int = _opt(min=0, max=240, doc="on those lines, how many minutes an appointment "
                                                               "goes ahead of walk-ins who came earlier")
    priority_head_start_min: int = _opt(min=0, max=240, doc="how many minutes a priority number (family with an "
                                                            "infant, needs help) goes ahead; after that it ages out")
    urgent_head_start_min: int = _opt(min=0, max=240, doc="the same for an urgent number")
    checkin_early_min: int = _opt(min=0, max=240, doc="check-in for a booked time opens this many minutes before it")
    checkin_late_min: int = _opt(min=0, max=120, doc="after this many minutes past the time the nurse decides")
    priority_questions: tuple[str, ...] = _opt(allow_empty=True,
                                               doc="lines whose new tickets ask the resident one or two yes/no "
                                                   "questions that give a priority class; '*' = every line")


@dataclass(frozen=True)
class VideoConfig:
    mode: str = _opt(choices=("embedded", "external_browser", "qr_only"),
                     doc="how a call opens: in the kiosk's locked-down web view, an external browser, or a QR code only")
    allowed_hosts: tuple[str, ...] = _opt(doc="hosts (host or host:port) the call view may load; nothing else loads "
                                              "or gets the camera. List the city's TURN relay too: call media "
                                              "leaves the kiosk only through it (docs/video.md)")
    room_url: str = _opt(doc="link template with {room}, {lang} and {name}, e.g. a Jitsi room on the city's server")
    on_demand_service: str = _opt(allow_empty=True, doc="catalogue service that 'Talk to a nurse now' asks the "
                                                         "backend a room for; empty = no on-demand calls")
    separate_process: bool = _opt(doc="run each embedded call in a process of its own, so the kiosk's memory "
                                      "returns to where it was when the call ends")
    join_early_min: int = _opt(min=0, max=60, doc="Join is offered this many minutes before a booked video time")
    max_duration_min: int = _opt(min=5, max=240, doc="a call ends by itself after this long")
    network_lost_s: int = _opt(min=5, max=300, doc="no connection to the video host for this long ends the call")
    external_browser: str = _opt(allow_empty=True,
                                 doc="command for mode external_browser, {url} replaced, e.g. chromium --app={url}")


@dataclass(frozen=True)
class IdentityConfig:
    phone: bool = _opt(doc="resident phone key: QR code and sign-in on the phone (OpenID device flow)")
    card: bool = _opt(doc="resident card + PIN, verified by the backend")
    staff: bool = _opt(doc="staff card + PIN, verified on the kiosk (works offline)")
    resident_timeout_s: int = _opt(min=30, max=900, doc="a resident's session ends after this long without a touch")
    staff_timeout_s: int = _opt(min=60, max=3600, doc="a nurse's or admin's session ends after this long without a touch")
    warning_s: int = _opt(min=20, max=120, doc="countdown and sound this long before a session ends")
    max_extensions: int = _opt(min=10, max=100, doc="how many times 'more time' may extend one session")
    staff_max_failures: int = _opt(min=3, max=10, doc="wrong staff PINs in a row before the card is locked")
    staff_lockout_s: int = _opt(min=30, max=86400, doc="first staff card lockout; each further one doubles")


@dataclass(frozen=True)
class FeedbackConfig:
    repeat_interval_s: float = _opt(min=0, max=60, doc="a feedback press this soon after the last one is not "
                                                        "counted again (a drumming finger)")


@dataclass(frozen=True)
class SpeechConfig:
    on_at_start: bool = _opt(doc="speak from the start (otherwise a 3 s press or the speech key turns it on)")
    engine: str = _opt(choices=("auto", "spd-say", "espeak-ng"), doc="auto: speech-dispatcher, else espeak-ng")
    default_volume: int = _opt(min=10, max=100, doc="volume each session starts at, in per cent")
    headphones: str = _opt(choices=("detect", "connected", "absent"),
                           doc="detect: ask PulseAudio/PipeWire; private texts are spoken only to headphones")
    long_press_s: float = _opt(min=1, max=10, doc="holding a finger this long anywhere turns speech on or off")


@dataclass(frozen=True)
class Config:
    device: DeviceConfig
    ui: UiConfig
    backend: BackendConfig
    modules: ModulesConfig
    queue: QueueConfig
    video: VideoConfig
    identity: IdentityConfig
    feedback: FeedbackConfig
    speech: SpeechConfig = SpeechConfig(False, "auto", 70, "detect", 3.0)
    source: tuple[str, ...] = ()  # files read, for messages and the admin screen

    @property
    def data_dir(self) -> Path:
        return Path(self.device.data_dir)

    @property
    def window_size(self) -> tuple[int, int]:
        w, h = self.ui.resolution.split("x")
        return int(w), int(h)


_SECTIONS: dict[str, type] = {
    "device": DeviceConfig,
    "ui": UiConfig,
    "backend": BackendConfig,
    "modules": ModulesConfig,
    "queue": QueueConfig,
    "video": VideoConfig,
    "identity": IdentityConfig,
    "feedback": FeedbackConfig,
    "speech": SpeechConfig,
}


def _type_name(tp: Any) -> str:
    if get_origin(tp) is tuple:
        return f"a list of {_type_name(get_args(tp)[0])}"
    return {bool: "true or false", int: "a whole number", float: "a number", str: "a text in quotes"}.get(tp, str(tp))


def _control_character(value: str) -> str | None:
    """The first control character in a text (e.g. a NUL from "\\u0000"), as U+XXXX."""
    for ch in value:
        if unicodedata.category(ch) in ("Cc", "Cs"):
            return f"U+{ord(ch):04X}"
    return None


def _check_value(file: str, key: str, value: Any, tp: Any, meta: dict) -> Any:
    written = value  # quote what the person wrote, not a converted form

    def fail(expected: str) -> ConfigError:
        return ConfigError(f"{file}: {key} = {written!r} is not valid: expected {expected}")

    if get_origin(tp) is tuple:
        if not isinstance(value, list):
            raise fail(_type_name(tp))
        inner = get_args(tp)[0]
        out = []
        for v in value:
            if not isinstance(v, inner) or isinstance(v, bool) and inner is not bool:
                raise fail(_type_name(tp))
            if isinstance(v, str) and (bad := _control_character(v)):
                raise fail(f"texts without control characters (found {bad})")
            if meta.get("items") and v not in meta["items"]:
                raise fail("items from " + ", ".join(meta["items"]))
            out.append(v)
        if not out and not meta.get("allow_empty"):
            raise fail("at least one item")
        if len(set(out)) != len(out):
            raise fail("each item once")
        return tuple(out)
    if tp is float and isinstance(value, int) and not isinstance(value, bool):
        value = float(value)
    if tp is bool and not isinstance(value, bool) or tp is not bool and (isinstance(value, bool) or not isinstance(value, tp)):
        raise fail(_type_name(tp))
    if tp is float and not math.isfinite(value):  # nan slips through every comparison below
        lo, hi = meta.get("min"), meta.get("max")
        raise fail("a finite number" + (f" from {lo:g} to {hi:g}" if lo is not None and hi is not None else ""))
    if tp is str and (bad := _control_character(value)):
        raise fail(f"a text without control characters (found {bad})")
    if meta.get("choices") and value not in meta["choices"]:
        raise fail("one of " + ", ".join(repr(c) for c in meta["choices"]))
    lo, hi = meta.get("min"), meta.get("max")
    if lo is not None and value < lo or hi is not None and value > hi:
        raise fail(f"{_type_name(tp)} from {lo:g} to {hi:g}")
    if tp is str and not value.strip() and not meta.get("allow_empty"):
        raise fail("a non-empty text")
    return value


def _read_toml(path: Path) -> dict:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        raise ConfigError(f"{path}: file not found") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not UTF-8 text (byte {exc.start} is {exc.object[exc.start]:#04x}); "
                          "save the file as UTF-8") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    except RecursionError:
        raise ConfigError(f"{path}: not valid TOML: nested too deeply") from None


def _merge(file: str, base: dict, override: dict) -> None:
    for section, values in override.items():
        if section not in _SECTIONS:
            raise ConfigError(f"{file}: unknown section [{section}]: expected one of "
                              + ", ".join(f"[{s}]" for s in _SECTIONS))
        if not isinstance(values, dict):
            raise ConfigError(f"{file}: {section} must be a table [{section}]")
        known = {f.name for f in dataclasses.fields(_SECTIONS[section])}
        for key, value in values.items():
            if key not in known:
                raise ConfigError(f"{file}: unknown key {section}.{key}: expected one of "
                                  + ", ".join(sorted(known)))
            base.setdefault(section, {})[key] = (file, value)


def load_config(path: str | Path | None = None, *, default_path: Path = DEFAULT_CONFIG_PATH) -> Config:
    """Read the defaults, then the device file over them, and check every value."""
    layered: dict[str, dict[str, tuple[str, Any]]] = {}
    files = [default_path] + ([Path(path)] if path is not None else [])
    for f in files:
        _merge(str(f), layered, _read_toml(f))

    sections: dict[str, Any] = {}
    for section, cls in _SECTIONS.items():
        hints = get_type_hints(cls)
        kwargs = {}
        for f in dataclasses.fields(cls):
            entry = layered.get(section, {}).get(f.name)
            if entry is None:
                raise ConfigError(f"{default_path}: missing key {section}.{f.name}")
            file, value = entry
            kwargs[f.name] = _check_value(file, f"{section}.{f.name}", value, hints[f.name], f.metadata)
        sections[section] = cls(**kwargs)

    ui: UiConfig = sections["ui"]
    ui_file = layered["ui"]["default_language"][0]
    if ui.default_language not in ui.languages:
        raise ConfigError(f"{ui_file}: ui.default_language = {ui.default_language!r} is not valid: "
                          f"expected one of ui.languages ({', '.join(ui.languages)})")
    if ui.idle_warning_s >= ui.idle_timeout_s:
        raise ConfigError(f"{layered['ui']['idle_warning_s'][0]}: ui.idle_warning_s = {ui.idle_warning_s} "
                          f"is not valid: expected less than ui.idle_timeout_s ({ui.idle_timeout_s})")
    ident: IdentityConfig = sections["identity"]
    for key in ("resident_timeout_s", "staff_timeout_s"):
        if ident.warning_s >= getattr(ident, key):
            raise ConfigError(f"{layered['identity']['warning_s'][0]}: identity.warning_s = {ident.warning_s} "
                              f"is not valid: expected less than identity.{key} ({getattr(ident, key)})")
    url = sections["backend"].url
    if not url.startswith(("http://", "https://")) or not _url_has_host(url):
        raise ConfigError(f"{layered['backend']['url'][0]}: backend.url = {url!r} is not valid: "
                          "expected an address starting with https:// (or http:// for 127.0.0.1), "
                          "a host and at most a port, e.g. https://kiosk-api.example.fi")
    printer_problem = _printer_problem(sections["queue"].printer)
    if printer_problem:
        raise ConfigError(f"{layered['queue']['printer'][0]}: queue.printer = {sections['queue'].printer!r} "
                          f"is not valid: {printer_problem}")

    from kiosk.video import video_config_problem  # the link rules live with the rest of the video policy

    video_problem = video_config_problem(sections["video"])
    if video_problem:
        raise ConfigError(f"{layered['video']['room_url'][0]}: {video_problem}")

    # A relative data directory is relative to the file that set it, not to the
    # directory the kiosk happened to be started from.
    data_file, data_dir = layered["device"]["data_dir"]
    dd = Path(data_dir)
    if not dd.is_absolute() and not in_checkout() and Path(data_file).resolve().parent == DEFAULT_CONFIG_PATH.parent:
        # The shipped defaults' "../var/kiosk" would point into the installed package.
        dd = state_root() / "kiosk"
    elif not dd.is_absolute():
        dd = (Path(data_file).resolve().parent / dd).resolve()
    problem = _data_dir_problem(dd)
    if problem:
        raise ConfigError(f"{data_file}: device.data_dir = {data_dir!r} is not valid: {problem}")
    sections["device"] = dataclasses.replace(sections["device"], data_dir=str(dd))
    return Config(**sections, source=tuple(str(f) for f in files))


def _url_has_host(url: str) -> bool:
    try:
        parts = urlsplit(url)
        parts.port  # raises ValueError for a port that is not a number from 0 to 65535
    except ValueError:
        return False
    return bool(parts.hostname) and not any(c.isspace() for c in url)


def _printer_problem(printer: str) -> str | None:
    if not printer:
        return None
    if printer.startswith("tcp://"):
        if not _url_has_host(printer) or urlsplit(printer).port is None or urlsplit(printer).path not in ("", "/"):
            return "expected tcp://host:port, e.g. tcp://10.0.0.5:9100"
        return None
    if Path(printer).is_dir():
        return "it is a directory: expected a device or file path (e.g. /dev/usb/lp0) or tcp://host:port"
    return None


def _data_dir_problem(path: Path) -> str | None:
    """Why the kiosk could not keep its database in ``path`` (made at start-up if missing)."""
    if path.exists():
        if not path.is_dir():
            return f"{path} is a file: expected a directory (or a path where one can be made)"
        if not os.access(path, os.W_OK | os.X_OK):
            return f"the directory {path} is not writable by this user: expected a directory the kiosk can write"
        return None
    parent = path.parent
    while not parent.exists() and parent != parent.parent:
        parent = parent.parent
    if not parent.is_dir():
        return f"{parent} is a file, so no directory can be made at {path}: expected a directory path"
    if not os.access(parent, os.W_OK | os.X_OK):
        return f"{path} does not exist and {parent} is not writable: expected a directory the kiosk can make"
    return None


def describe_options() -> list[tuple[str, str, str]]:
    """(key, type, doc) for every option: used by docs/configuration.md and its test."""
    rows = []
    for section, cls in _SECTIONS.items():
        hints = get_type_hints(cls)
        for f in dataclasses.fields(cls):
            rows.append((f"{section}.{f.name}", _type_name(hints[f.name]), f.metadata.get("doc", "")))
    return rows
