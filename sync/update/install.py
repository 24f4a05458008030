"""Versions installed side by side, and the `current` symlink that picks one.

    <install_root>/versions/1.4.0/      a complete bundle (with its VERSION file)
    <install_root>/versions/1.5.0/
    <install_root>/current  -> versions/1.5.0    what systemd starts
    <install_root>/previous -> versions/1.4.0    what a fall back returns to

A symlink is switched by creating a new one beside it and renaming it over the
old one: rename(2) is atomic, so a power cut leaves either the old or the new
version, never neither.

Unpacking does not trust tarfile's extraction filter: Python 3.11.7's filter="data"
can be walked out of through a chain of symlinks longer than PATH_MAX
(CVE-2025-4517). A release archive holds regular files and folders only
(packaging/update_repository.py writes it so); any link, device, FIFO, absolute
name, ".." or a name twice refuses the whole archive. Every file is created with
O_EXCL|O_NOFOLLOW relative to folder descriptors opened with O_NOFOLLOW, so nothing
is ever written through a link, whatever is on disk.
"""

from __future__ import annotations

import os
import shutil
import stat
import tarfile
import zlib
from pathlib import Path

from sync.update.versions import is_version, parse_version


class InstallFailed(Exception):
    """A verified archive could not be installed (disk, bad layout)."""


class UnsafeArchive(InstallFailed):
    """The archive holds something a release never holds (a link, a device, a way out)."""


MAX_MEMBERS = 200_000
MAX_UNPACKED_BYTES = 8 * 2**30
MAX_NAME_CHARS = 1024  # far below PATH_MAX; bundle paths are short
_DIR_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC
_FILE_FLAGS = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC


def member_parts(name: str) -> tuple[str, ...]:
    """The path components of an archive member, or UnsafeArchive if it could lead out."""
    if not name or "\0" in name or len(name) > MAX_NAME_CHARS:
        raise UnsafeArchive(f"archive member with an unusable name {name[:80]!r}")
    if name.startswith("/"):
        raise UnsafeArchive(f"archive member with an absolute path: {name[:200]!r}")
    parts = tuple(p for p in name.split("/") if p not in ("", "."))
    if not parts or ".." in parts:
        raise UnsafeArchive(f"archive member leads out of the install folder: {name[:200]!r}")
    if any(len(p.encode("utf-8", "surrogateescape")) > 255 for p in parts):
        raise UnsafeArchive(f"archive member with a name part longer than 255 bytes: {name[:80]!r}...")
    return parts


def _kind(member: tarfile.TarInfo) -> str:
    if member.issym():
        return f"a symbolic link (to {member.linkname[:200]!r})"
    if member.islnk():
        return f"a hard link (to {member.linkname[:200]!r})"
    if member.ischr() or member.isblk():
        return "a device file"
    if member.isfifo():
        return "a FIFO"
    return f"an entry of tar type {member.type!r}"


def extract_release(archive: Path, dest: Path) -> None:
    """Unpack ``archive`` into the existing, empty folder ``dest``: regular files and
    folders only, none outside ``dest``, none through a link. Raises UnsafeArchive."""
    dirs: dict[tuple[str, ...], int] = {(): os.open(dest, _DIR_FLAGS)}

    def folder(parts: tuple[str, ...]) -> int:
        if parts in dirs:
            return dirs[parts]
        parent = folder(parts[:-1])
        try:
            os.mkdir(parts[-1], 0o755, dir_fd=parent)
        except FileExistsError:
            pass  # made for an earlier member; opened with O_NOFOLLOW below, so never a link
        try:
            fd = os.open(parts[-1], _DIR_FLAGS, dir_fd=parent)
        except OSError as exc:  # ELOOP (a link) or ENOTDIR (a file of that name)
            raise UnsafeArchive(f"{'/'.join(parts)[:200]} is not a plain folder in the archive ({exc.strerror})") from None
        os.fchmod(fd, 0o755)
        dirs[parts] = fd
        return fd

    unpacked = 0
    try:
        with tarfile.open(archive, "r:gz") as tar:
            for count, member in enumerate(tar, start=1):
                if count > MAX_MEMBERS:
                    raise UnsafeArchive(f"the archive has more than {MAX_MEMBERS} members")
                parts = member_parts(member.name)
                if member.isdir():
                    folder(parts)
                    continue
                if not member.isreg():
                    raise UnsafeArchive(f"{member.name[:200]} is {_kind(member)}; a release holds files and folders only")
                unpacked += member.size
                if unpacked > MAX_UNPACKED_BYTES:
                    raise UnsafeArchive(f"the archive unpacks to more than {MAX_UNPACKED_BYTES} bytes")
                # Owner rwx and everyone's r-x at most: no setuid, setgid, sticky or shared write.
                mode = 0o644 | (0o111 if member.mode & stat.S_IXUSR else 0)
                parent = folder(parts[:-1])
                try:
                    fd = os.open(parts[-1], _FILE_FLAGS, mode, dir_fd=parent)
                except FileExistsError:
                    raise UnsafeArchive(f"{member.name[:200]} is in the archive twice") from None
                except OSError as exc:
                    raise UnsafeArchive(f"{member.name[:200]} cannot be created ({exc.strerror})") from None
                source = tar.extractfile(member)
                with os.fdopen(fd, "wb") as out:
                    os.fchmod(out.fileno(), mode)  # exactly this, whatever the umask
                    if source is not None:
                        shutil.copyfileobj(source, out, 1 << 20)
        os.sync()  # once, before the folder is renamed into place (not one fsync per file)
    finally:
        for fd in dirs.values():
            os.close(fd)


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
            extract_release(archive, partial)
            found = (partial / "VERSION").read_text(encoding="utf-8").strip()
            if found != version:
                raise InstallFailed(f"archive says VERSION {found!r}, expected {version!r}")
            os.replace(partial, final)
        except InstallFailed:
            shutil.rmtree(partial, ignore_errors=True)
            raise
        except (OSError, tarfile.TarError, EOFError, zlib.error) as exc:  # a truncated or damaged gzip too
            shutil.rmtree(partial, ignore_errors=True)
            raise InstallFailed(f"cannot install {version}: {exc}") from exc
        return final

    def _point(self, name: str, version: str) -> None:
        tmp = self.root / f".{name}.new"
        if tmp.is_symlink() or tmp.exists():
            tmp.unlink()
        os.symlink(f"versions/{version}", tmp)
        os.replace(tmp, self.root / name)

    def switch_to(self, version: str, *, keep_previous: bool = False) -> None:
        """Make `version` current; the one it replaces becomes previous, unless
        ``keep_previous`` (the one replaced was never confirmed good: a fall back must
        return past it, to the last version that was)."""
        if not self.path_of(version).is_dir():
            raise InstallFailed(f"version {version} is not installed")
        old = self.current_version()
        if old == version:
            return
        if old is not None and not (keep_previous and self.previous_version() is not None):
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
