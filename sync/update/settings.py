"""The updater's settings: one `[update]` table in a TOML file, every key checked."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from datetime import time
from pathlib import Path

DEFAULT_CONFIG = Path("/etc/welfare-kiosk/updater.toml")
_WINDOW = re.compile(r"^(\d{2}):(\d{2})-(\d{2}):(\d{2})$")


class SettingsError(Exception):
    pass


@dataclass(frozen=True)
class UpdateSettings:
    repository_url: str
    install_root: Path
    state_dir: Path
    liveness_dir: Path
    channel: str = "stable"
    device_group: str = "default"
    health_timeout_s: float = 120.0
    night_window: tuple[time, time] | None = (time(2, 0), time(5, 0))
    restart_command: tuple[str, ...] = ("systemctl", "restart", "welfare-kiosk.service")
    check_interval_s: float = 900.0
    # The whole metadata refresh, and the whole release download, however slow the server.
    metadata_deadline_s: float = 120.0
    download_deadline_s: float = 3600.0
    # After the first healthy start a new version stays on probation (docs/deploy.md):
    # confirmed once one start has run stable_after_s, or clean_starts starts ended
    # cleanly; back to the previous version once max_failed_starts starts failed.
    stable_after_s: float = 600.0
    clean_starts: int = 3
    max_failed_starts: int = 3

    @property
    def metadata_dir(self) -> Path:
        return self.state_dir / "metadata"

    @property
    def download_dir(self) -> Path:
        return self.state_dir / "downloads"


def parse_window(text: str) -> tuple[time, time]:
    match = _WINDOW.match(text)
    if not match:
        raise ValueError("expected HH:MM-HH:MM, for example 02:00-05:00")
    h1, m1, h2, m2 = (int(x) for x in match.groups())
    return time(h1, m1), time(h2, m2)


def load_update_settings(path: Path = DEFAULT_CONFIG) -> UpdateSettings:
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise SettingsError(f"{path}: cannot read updater settings: {exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise SettingsError(f"{path}: not valid TOML: {exc}") from exc
    table = data.get("update")
    if not isinstance(table, dict):
        raise SettingsError(f"{path}: missing the [update] table")
    base = path.parent

    def need(key: str, kind: type, what: str):
        if key not in table:
            raise SettingsError(f"{path}: [update] {key} is missing; expected {what}")
        value = table[key]
        if not isinstance(value, kind) or isinstance(value, bool) and kind is not bool:
            raise SettingsError(f"{path}: [update] {key} = {value!r}; expected {what}")
        return value

    def optional(key: str, kind, what: str, default):
        return need(key, kind, what) if key in table else default

    known = {
        "repository_url", "install_root", "state_dir", "liveness_dir", "channel", "device_group",
        "health_timeout_s", "night_window", "restart_command", "check_interval_s",
        "metadata_deadline_s", "download_deadline_s", "stable_after_s", "clean_starts", "max_failed_starts",
    }
    unknown = sorted(set(table) - known)
    if unknown:
        raise SettingsError(f"{path}: [update] has unknown key(s) {', '.join(unknown)}; known: {', '.join(sorted(known))}")
    url = need("repository_url", str, "an http(s) URL")
    if not url.startswith(("http://", "https://")):
        raise SettingsError(f"{path}: [update] repository_url = {url!r}; expected an http(s) URL")
    channel = optional("channel", str, '"stable" or "beta"', "stable")
    if channel not in ("stable", "beta"):
        raise SettingsError(f'{path}: [update] channel = {channel!r}; expected "stable" or "beta"')
    window_text = optional("night_window", str, 'HH:MM-HH:MM or ""', "02:00-05:00")
    try:
        window = parse_window(window_text) if window_text else None
    except ValueError as exc:
        raise SettingsError(f"{path}: [update] night_window = {window_text!r}; {exc}") from exc
    timeout = optional("health_timeout_s", (int, float), "seconds (a number > 0)", 120.0)
    interval = optional("check_interval_s", (int, float), "seconds (a number > 0)", 900.0)
    seconds = {"health_timeout_s": timeout, "check_interval_s": interval}
    for key, default in (("metadata_deadline_s", 120.0), ("download_deadline_s", 3600.0), ("stable_after_s", 600.0)):
        seconds[key] = optional(key, (int, float), "seconds (a number > 0)", default)
    for key, value in seconds.items():
        if not value > 0 or value == float("inf"):  # also NaN
            raise SettingsError(f"{path}: [update] {key} = {value!r}; expected a number > 0")
    counts = {}
    for key, default in (("clean_starts", 3), ("max_failed_starts", 3)):
        counts[key] = optional(key, int, "a whole number from 1 to 100", default)
        if not 1 <= counts[key] <= 100:
            raise SettingsError(f"{path}: [update] {key} = {counts[key]!r}; expected a whole number from 1 to 100")
    command = optional("restart_command", list, "a list of strings", ["systemctl", "restart", "welfare-kiosk.service"])
    if not command or not all(isinstance(part, str) for part in command):
        raise SettingsError(f"{path}: [update] restart_command = {command!r}; expected a list of strings")
    return UpdateSettings(
        repository_url=url,
        install_root=base / need("install_root", str, "a folder path"),
        state_dir=base / need("state_dir", str, "a folder path"),
        liveness_dir=base / need("liveness_dir", str, "a folder path"),
        channel=channel,
        device_group=optional("device_group", str, "a group name", "default"),
        health_timeout_s=float(timeout),
        night_window=window,
        restart_command=tuple(command),
        check_interval_s=float(interval),
        metadata_deadline_s=float(seconds["metadata_deadline_s"]),
        download_deadline_s=float(seconds["download_deadline_s"]),
        stable_after_s=float(seconds["stable_after_s"]),
        clean_starts=counts["clean_starts"],
        max_failed_starts=counts["max_failed_starts"],
    )
