"""The kiosk-side updater: verify releases with TUF, install beside, switch, fall back.

Qt-free on purpose (the UI only calls `sync.update.watchdog.KioskLiveness`).
"""

from sync.update.feed import AvailableRelease, ReleaseFeed, RepositoryUnreachable, VerificationFailed
from sync.update.install import VersionStore
from sync.update.settings import UpdateSettings, load_update_settings
from sync.update.status import UpdateStatus, read_status
from sync.update.updater import Updater

__all__ = [
    "AvailableRelease",
    "ReleaseFeed",
    "RepositoryUnreachable",
    "UpdateSettings",
    "UpdateStatus",
    "Updater",
    "VerificationFailed",
    "VersionStore",
    "load_update_settings",
    "read_status",
]
