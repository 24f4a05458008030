"""Versions installed side by side, and the `current` symlink that picks one.

    <install_root>/versions/1.4.0/      a complete bundle (with its VERSION file)
    <install_root>/versions/1.5.0/
    <install_root>/current  -> versions/1.5.0    what systemd starts
    <install_root>/previous -> versions/1.4.0    what a fall back returns to

A symlink is switched by creating a new one beside it and renaming it over the
old one: rename(2) is atomic, so a power cut leaves either the old or the new
version, never neither.
"""

from __future__ import annotations

import os
import shutil
import tarfile
from pathlib import Path

from sync.update.versions import is_version, parse_version


class InstallFailed(Exception):
    """A verified archive could not be installed (disk, bad layout)."""


class VersionStore:
    def __init__(self, install_root: Path):
        self.root = Path(install_root)
        self.versions_dir = self.root / "versions"

    def installed_versions(self) -> list[str]:
        if not self.versions_dir.is_dir():
            return []
        found = [p.name for p in self.versions_dir.iterdir() if p.is_dir() and is_version(p.name)]
        return sorted(found, key=parse_version)

    def _link_version(self, name: str) -> str | None:
        link = self.root / name
        if not link.is_symlink():
            return None
        target = Path(os.readlink(link)).name
        return target if is_version(target) else None

    def current_version(self) -> str | None:
        return self._link_version("current")

    def previous_version(self) -> str | None:
        return self._link_version("previous")

    def path_of(self, version: str) -> Path:
        return self.versions_dir / version

    def install_release(self, archive: Path, version: str) -> Path:
        """Unpack a verified archive into versions/<version>/ beside the running one."""
        parse_version(version)
        final = self.path_of(version)
        if final.is_dir():
            return final
        partial = self.versions_dir / f".{version}.partial"
        shutil.rmtree(partial, ignore_errors=True)
        partial.mkdir(parents=True)
        try:
            with tarfile.open(archive, "r:gz") as tar:
                # The "data" filter refuses absolute paths, .. and device files.
                tar.extractall(partial, filter="data")
            found = (partial / "VERSION").read_text(encoding="utf-8").strip()
            if found != version:
                raise InstallFailed(f"archive says VERSION {found!r}, expected {version!r}")
            os.replace(partial, final)
        except InstallFailed:
            shutil.rmtree(partial, ignore_errors=True)
            raise
        except (OSError, tarfile.TarError) as exc:
            shutil.rmtree(partial, ignore_errors=True)
            raise InstallFailed(f"cannot install {version}: {exc}") from exc
        return final

    def _point(self, name: str, version: str) -> None:
        tmp = self.root / f".{name}.new"
        if tmp.is_symlink() or tmp.exists():
            tmp.unlink()
        os.symlink(f"versions/{version}", tmp)
        os.replace(tmp, self.root / name)

    def switch_to(self, version: str) -> None:
        """Make `version` current; the one it replaces becomes previous."""
        if not self.path_of(version).is_dir():
            raise InstallFailed(f"version {version} is not installed")
        old = self.current_version()
        if old == version:
            return
        if old is not None:
            self._point("previous", old)
        self._point("current", version)

    def fall_back(self) -> str:
        """Return to the previous version; the failed one stays on disk for inspection."""
        previous = self.previous_version()
        if previous is None or not self.path_of(previous).is_dir():
            raise InstallFailed("no previous version to fall back to")
        failed = self.current_version()
        self._point("current", previous)
        if failed is not None:
            (self.root / "previous").unlink()
        return previous

    def remove_old(self, keep: set[str]) -> None:
        """Delete versions other than current, previous and `keep`."""
        wanted = {v for v in (self.current_version(), self.previous_version()) if v} | keep
        for version in self.installed_versions():
            if version not in wanted:
                shutil.rmtree(self.path_of(version), ignore_errors=True)
