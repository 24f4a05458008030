"""What the updater last did, as a plain record the sync heartbeat can include.

`read_status(state_dir)` returns a dict such as

    {"state": "fell_back", "current_version": "1.4.0", "available_version": "1.5.0",
     "fell_back_from": "1.5.0", "message": "1.5.0 did not report healthy within 120 s",
     "checked_at": "2026-11-25T02:10:00+00:00", ...}
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path

# Every state the updater reports. A failed verification is never "up_to_date".
STATES = (
    "not_checked",
    "up_to_date",
    "waiting_for_idle",  # a verified version is installed beside, switching when idle / at night
    "awaiting_health",  # switched; waiting for the new version to report healthy
    "updated",  # switched and the new version reported healthy
    "fell_back",  # the new version did not come up healthy; the previous one runs again
    "verification_failed",  # the repository served something that did not verify (attack or bug)
    "unreachable",  # the repository could not be reached; trying again next time
    "install_failed",
)


@dataclass
class UpdateStatus:
    state: str = "not_checked"
    current_version: str | None = None
    previous_version: str | None = None
    available_version: str | None = None
    fell_back_from: str | None = None
    message: str = ""
    checked_at: str | None = None
    refused_versions: list[str] = field(default_factory=list)
    # The current version reported healthy but is still on probation (sync/update/probation.py).
    watching_health: bool = False
    # The rollout group this kiosk takes updates as (UpdateSettings.device_group): the
    # heartbeat carries it so the console can say which version each group runs.
    device_group: str = "default"

    def __post_init__(self) -> None:
        if self.state not in STATES:
            raise ValueError(f"unknown update state {self.state!r}")

    def as_heartbeat(self) -> dict:
        return asdict(self)


def status_path(state_dir: Path) -> Path:
    return Path(state_dir) / "status.json"


def write_status(state_dir: Path, status: UpdateStatus) -> None:
    path = status_path(state_dir)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(".status.json.tmp")
    tmp.write_text(json.dumps(status.as_heartbeat(), indent=2, sort_keys=True), encoding="utf-8")
    os.replace(tmp, path)


def load_status(state_dir: Path) -> UpdateStatus:
    try:
        data = json.loads(status_path(state_dir).read_text(encoding="utf-8"))
        return UpdateStatus(**data)
    except (OSError, ValueError, TypeError):
        return UpdateStatus()


# Where the updater service keeps its state (StateDirectory= of its unit); the kiosk
# unit passes the same path to the app as $KIOSK_UPDATE_STATE_DIR.
DEFAULT_STATE_DIR = Path("/var/lib/welfare-kiosk-updater")


def read_status(state_dir: Path | None = None) -> dict:
    """The heartbeat's view: a plain dict (never raises; "not_checked" if none yet).

    Without an argument it reads $KIOSK_UPDATE_STATE_DIR, else /var/lib/welfare-kiosk-updater.
    """
    if state_dir is None:
        state_dir = Path(os.environ.get("KIOSK_UPDATE_STATE_DIR") or DEFAULT_STATE_DIR)
    return load_status(state_dir).as_heartbeat()
