"""One update round: settle a pending switch, check, verify, install beside, switch, confirm.

    updater = Updater(settings, is_idle=..., restart_kiosk=...)
    status = updater.run_once()      # from a systemd timer, or run_forever() in a thread

The round never leaves the kiosk without a working version: a new version is
unpacked beside the running one, `current` is switched atomically, and if the new
version does not report healthy (KioskLiveness.ready()) within health_timeout_s
the updater switches back, restarts the kiosk and reports "fell_back".

Healthy once is not healthy: after the first ready() the version stays on probation
(sync/update/probation.py) and every later round judges its starts; a version that
keeps failing is fallen back from in the same way.
"""

from __future__ import annotations

import json
import os
import threading
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

from sync.update.feed import ReleaseFeed, RepositoryUnreachable, VerificationFailed
from sync.update.install import InstallFailed, VersionStore
from sync.update.probation import CONFIRMED, FAILED, judge, read_starts
from sync.update.settings import UpdateSettings
from sync.update.status import UpdateStatus, load_status, write_status
from sync.update.versions import parse_version
from sync.update.watchdog import read_health


def in_window(now: datetime, window) -> bool:
    if window is None:
        return False
    start, end = window
    t = now.time()
    return start <= t < end if start <= end else t >= start or t < end


class Updater:
    def __init__(
        self,
        settings: UpdateSettings,
        *,
        is_idle: Callable[[], bool],
        restart_kiosk: Callable[[], None],
        clock: Callable[[], datetime] = lambda: datetime.now().astimezone(),
        poll_interval_s: float = 0.5,
    ):
        self.settings = settings
        self.is_idle = is_idle
        self.restart_kiosk = restart_kiosk
        self.clock = clock
        self.poll_interval_s = poll_interval_s
        self.store = VersionStore(settings.install_root)
        self._stop = threading.Event()

    # state that must survive the updater being killed mid-switch

    @property
    def _pending_path(self) -> Path:
        return self.settings.state_dir / "pending-switch.json"

    @property
    def _probation_path(self) -> Path:
        return self.settings.state_dir / "probation.json"

    def _probation(self) -> dict | None:
        try:
            data = json.loads(self._probation_path.read_text(encoding="utf-8"))
            return data if isinstance(data, dict) and isinstance(data.get("version"), str) else None
        except (OSError, ValueError):
            return None

    def _status(self, state: str, **fields) -> UpdateStatus:
        previous = load_status(self.settings.state_dir)
        status = UpdateStatus(
            state=state,
            current_version=self.store.current_version(),
            previous_version=self.store.previous_version(),
            checked_at=datetime.now(timezone.utc).isoformat(timespec="seconds"),
            refused_versions=previous.refused_versions,
            watching_health=self._probation() is not None,
            device_group=self.settings.device_group,
            **fields,
        )
        write_status(self.settings.state_dir, status)
        return status

    def may_switch_now(self) -> bool:
        try:
            idle = bool(self.is_idle())
        except Exception:  # noqa: BLE001 - a broken idle probe must not switch under a user
            idle = False
        return idle or in_window(self.clock(), self.settings.night_window)

    def run_once(self) -> UpdateStatus:
        settled = self._settle_pending()
        if settled is not None and settled.state == "fell_back":
            return settled
        watched = self._watch_probation()
        if watched is not None and watched.state == "fell_back":
            return watched
        feed = ReleaseFeed(
            metadata_dir=self.settings.metadata_dir,
            repository_url=self.settings.repository_url,
            download_dir=self.settings.download_dir,
            channel=self.settings.channel,
            device_group=self.settings.device_group,
            metadata_deadline_s=self.settings.metadata_deadline_s,
            download_deadline_s=self.settings.download_deadline_s,
        )
        try:
            release = feed.newest_release()
        except VerificationFailed as exc:
            return self._status("verification_failed", message=str(exc))
        except RepositoryUnreachable as exc:
            return self._status("unreachable", message=str(exc))
        current = self.store.current_version()
        refused = load_status(self.settings.state_dir).refused_versions
        if release is None or (current is not None and parse_version(release.version) <= parse_version(current)):
            # Never downgrade: rolling back means publishing a new, higher version.
            return self._status("up_to_date", available_version=release.version if release else None)
        if release.version in refused:
            return self._status(
                "up_to_date",
                available_version=release.version,
                message=f"{release.version} failed its health check before; waiting for a newer version",
            )
        if not self.store.path_of(release.version).is_dir():  # not already waiting beside
            try:
                archive = feed.download(release)
            except VerificationFailed as exc:
                return self._status("verification_failed", available_version=release.version, message=str(exc))
            except RepositoryUnreachable as exc:
                return self._status("unreachable", available_version=release.version, message=str(exc))
            try:
                self.store.install_release(archive, release.version)
            except InstallFailed as exc:
                return self._status("install_failed", available_version=release.version, message=str(exc))
            finally:
                Path(archive).unlink(missing_ok=True)
        if not self.may_switch_now():
            return self._status(
                "waiting_for_idle",
                available_version=release.version,
                message="installed beside the running version; switching when the kiosk is idle or at night",
            )
        return self._switch(release.version)

    def _switch(self, version: str) -> UpdateStatus:
        switched_at = time.time()
        self.settings.state_dir.mkdir(parents=True, exist_ok=True)
        self._pending_path.write_text(
            json.dumps({"version": version, "deadline": switched_at + self.settings.health_timeout_s,
                        "switched_at": switched_at}),
            encoding="utf-8",
        )
        probation = self._probation()
        # Switching away from a version still on probation keeps the last confirmed one as previous.
        self.store.switch_to(version, keep_previous=probation is not None)
        self._probation_path.unlink(missing_ok=True)
        self._status("awaiting_health", available_version=version)
        self.restart_kiosk()
        deadline = switched_at + self.settings.health_timeout_s
        while time.time() < deadline and not self._stop.is_set():
            if self._is_healthy(version, switched_at):
                break
            time.sleep(self.poll_interval_s)
        return self._settle_pending() or self._status("awaiting_health", available_version=version)

    def _is_healthy(self, version: str, since: float) -> bool:
        health = read_health(self.settings.liveness_dir)
        if not health or health.get("version") != version:
            return False
        try:
            at = datetime.fromisoformat(health["healthy_at"]).timestamp()
        except (KeyError, ValueError):
            return False
        return at >= since - 1.0

    def _settle_pending(self) -> UpdateStatus | None:
        """Finish a switch: healthy -> updated; past the deadline -> fall back."""
        try:
            pending = json.loads(self._pending_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        version = pending["version"]
        if self._is_healthy(version, pending["switched_at"]):
            if self.store.previous_version() is not None:  # something to fall back to: watch on
                self._write_probation(version, pending["switched_at"])
            self._pending_path.unlink(missing_ok=True)
            self.store.remove_old(keep=set())
            message = (f"{version} reported healthy; watching its starts until one has run "
                       f"{self.settings.stable_after_s:g} s" if self._probation() else "")
            return self._status("updated", available_version=version, message=message)
        if time.time() < pending["deadline"]:
            return None
        return self._fall_back(version, self._pending_path,
                               f"{version} did not report healthy within {self.settings.health_timeout_s:g} s")

    def _write_probation(self, version: str, switched_at: float) -> None:
        tmp = self._probation_path.with_name(".probation.json.tmp")
        tmp.write_text(json.dumps({"version": version, "switched_at": switched_at, "healthy_at": time.time()}),
                       encoding="utf-8")
        os.replace(tmp, self._probation_path)

    def _watch_probation(self) -> UpdateStatus | None:
        """Judge the starts of the version on probation: confirm it, or fall back from it."""
        probation = self._probation()
        if probation is None:
            return None
        version = probation["version"]
        if self.store.current_version() != version:  # moved on by hand: nothing to watch
            self._probation_path.unlink(missing_ok=True)
            return None
        since = float(probation.get("switched_at", 0)) - 1.0
        starts = [s for s in read_starts(self.settings.liveness_dir) if s.version == version and s.started_at >= since]
        verdict = judge(starts, now=time.time(), stable_after_s=self.settings.stable_after_s,
                        clean_starts=self.settings.clean_starts, max_failed_starts=self.settings.max_failed_starts,
                        health_timeout_s=self.settings.health_timeout_s)
        if verdict.outcome == CONFIRMED:
            self._probation_path.unlink(missing_ok=True)
            return self._status("updated", available_version=version, message=f"{version} confirmed: {verdict.reason}")
        if verdict.outcome == FAILED:
            return self._fall_back(version, self._probation_path,
                                   f"{version} kept failing after it first reported healthy ({verdict.reason})")
        return None

    def _fall_back(self, version: str, record: Path, reason: str) -> UpdateStatus:
        """Back to the previous version; `version` is refused from now on."""
        try:
            back_to = self.store.fall_back() if self.store.current_version() == version else self.store.current_version()
        except InstallFailed as exc:
            record.unlink(missing_ok=True)
            return self._status("install_failed", available_version=version, message=str(exc))
        record.unlink(missing_ok=True)
        self._probation_path.unlink(missing_ok=True)
        self.restart_kiosk()
        status = load_status(self.settings.state_dir)
        refused = sorted(set(status.refused_versions) | {version}, key=parse_version)
        result = UpdateStatus(
            state="fell_back",
            current_version=back_to,
            previous_version=self.store.previous_version(),
            available_version=version,
            fell_back_from=version,
            message=f"{reason}; back on {back_to}",
            checked_at=datetime.now(timezone.utc).isoformat(timespec="seconds"),
            refused_versions=refused,
            device_group=self.settings.device_group,
        )
        write_status(self.settings.state_dir, result)
        return result

    def run_forever(self) -> None:
        """Check every check_interval_s until stop() (for running inside a long-lived process)."""
        while not self._stop.is_set():
            self.run_once()
            self._stop.wait(self.settings.check_interval_s)

    def stop(self) -> None:
        self._stop.set()


def enroll(settings: UpdateSettings, root_file: Path) -> None:
    """Install the repository's root metadata as this kiosk's trust anchor."""
    data = Path(root_file).read_bytes()
    from tuf.api.metadata import Metadata, Root

    md = Metadata.from_bytes(data)
    if not isinstance(md.signed, Root):
        raise ValueError(f"{root_file} is not root metadata")
    md.signed.verify_delegate("root", md.signed_bytes, md.signatures)
    settings.metadata_dir.mkdir(parents=True, exist_ok=True)
    target = settings.metadata_dir / "root.json"
    tmp = target.with_name(".root.json.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, target)
