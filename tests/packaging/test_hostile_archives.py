"""Correctly signed but hostile release archives never write outside their folder.

The archive is trusted only as far as its signature goes: a release built to escape
(CVE-2025-4517's symlink chain longer than PATH_MAX, which Python 3.11.7's
filter="data" lets through; plain links, absolute paths, "..", devices) is refused as
a whole, and the version a fall back returns to stays exactly as it was.
"""

from __future__ import annotations

import io
import os
import tarfile
from pathlib import Path

import pytest

from sync.update.install import InstallFailed, UnsafeArchive, VersionStore, extract_release


def _tar(path: Path, members: list[tuple[tarfile.TarInfo, bytes | None]]) -> Path:
    with tarfile.open(path, "w:gz", format=tarfile.PAX_FORMAT) as tar:
        for info, data in members:
            if data is not None:
                info.size = len(data)
                tar.addfile(info, io.BytesIO(data))
            else:
                tar.addfile(info)
    return path


def _file(name: str, data: bytes = b"x", mode: int = 0o644):
    info = tarfile.TarInfo(name)
    info.mode = mode
    return info, data


def _dir(name: str):
    info = tarfile.TarInfo(name)
    info.type = tarfile.DIRTYPE
    info.mode = 0o755
    return info, None


def _link(name: str, target: str, kind=tarfile.SYMTYPE):
    info = tarfile.TarInfo(name)
    info.type = kind
    info.linkname = target
    return info, None


def cve_2025_4517_members(dest: Path, write_as: str) -> list:
    """CPython's own test of the flaw (test_realpath_limit_attack): nested folders reached
    through one-letter links until the resolved path is longer than PATH_MAX, so
    os.path.realpath() stops resolving and the filter sees an "inside" path; then
    "escape" points at the parent of the destination and ``escape/<write_as>`` is written
    there."""
    steps = "abcdefghijklmnop"
    max_path = os.pathconf(dest.parent, "PC_PATH_MAX")
    comp = "d" * ((max_path - len(str(dest)) - 1) // (len(steps) + 1))
    members, path = [], ""
    for step in steps:
        members.append(_dir(os.path.join(path, comp)))
        members.append(_link(os.path.join(path, step), comp))
        path = os.path.join(path, comp)
    linkpath = os.path.join(*steps, "l" * 254)
    members.append(_link(linkpath, os.path.join(*[".."] * len(steps))))
    members.append(_link("escape", os.path.join(linkpath, "..")))
    members.append(_file(f"escape/{write_as}", b"print('owned')\n"))
    return members


@pytest.fixture
def store(tmp_path):
    """An install root with 1.4.0 installed and current: what a fall back returns to."""
    store = VersionStore(tmp_path / "opt")
    previous = store.path_of("1.4.0")
    previous.mkdir(parents=True)
    (previous / "VERSION").write_text("1.4.0\n")
    (previous / "kiosk.py").write_text("print('the good old version')\n")
    store.switch_to("1.4.0")
    return store


def _snapshot(root: Path) -> dict[str, bytes | str]:
    out: dict[str, bytes | str] = {}
    for p in sorted(root.rglob("*")):
        rel = p.relative_to(root).as_posix()
        out[rel] = ("link:" + os.readlink(p)) if p.is_symlink() else (p.read_bytes() if p.is_file() else "dir")
    return out


HOSTILE = {
    # Unpacked into versions/.1.5.0.partial: "escape" is versions/, so this would rewrite 1.4.0.
    "cve_2025_4517_symlink_chain": lambda dest: [_file("VERSION", b"1.5.0\n")]
    + cve_2025_4517_members(dest, "1.4.0/kiosk.py"),
    "symlink_out_then_write_through": lambda dest: [_link("lib", "../1.4.0"), _file("lib/kiosk.py", b"owned"),
                                               _file("VERSION", b"1.5.0\n")],
    "absolute_symlink": lambda dest: [_link("etc", "/etc"), _file("VERSION", b"1.5.0\n")],
    "symlink_inside_only": lambda dest: [_file("VERSION", b"1.5.0\n"), _file("a.so.1"), _link("a.so", "a.so.1")],
    "hardlink_out": lambda dest: [_link("passwd", "/etc/passwd", tarfile.LNKTYPE), _file("VERSION", b"1.5.0\n")],
    "hardlink_to_previous": lambda dest: [_link("k", "../1.4.0/kiosk.py", tarfile.LNKTYPE), _file("VERSION", b"1.5.0\n")],
    "absolute_path": lambda dest: [_file("VERSION", b"1.5.0\n"), _file("/tmp/welfare-kiosk-owned")],
    "dot_dot_path": lambda dest: [_file("VERSION", b"1.5.0\n"), _file("../1.4.0/kiosk.py", b"owned")],
    "dot_dot_inside_then_out": lambda dest: [_file("VERSION", b"1.5.0\n"), _file("a/../../1.4.0/kiosk.py", b"owned")],
    "char_device": lambda dest: [_file("VERSION", b"1.5.0\n"), (_dev("null"), None)],
    "fifo": lambda dest: [_file("VERSION", b"1.5.0\n"), (_typed("pipe", tarfile.FIFOTYPE), None)],
    "same_name_twice": lambda dest: [_file("VERSION", b"1.5.0\n"), _file("kiosk.py", b"a"), _file("kiosk.py", b"b")],
    "file_then_folder_of_that_name": lambda dest: [_file("VERSION", b"1.5.0\n"), _file("lib"), _file("lib/x")],
    "name_longer_than_path_max": lambda dest: [_file("VERSION", b"1.5.0\n"), _file("/".join(["n" * 200] * 30))],
}


def _typed(name: str, kind: bytes) -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.type = kind
    return info


def _dev(name: str) -> tarfile.TarInfo:
    info = _typed(name, tarfile.CHRTYPE)
    info.devmajor, info.devminor = 1, 3
    return info


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_a_hostile_archive_is_refused_and_nothing_outside_changes(tmp_path, store, case):
    archive = _tar(tmp_path / f"{case}.tar.gz", HOSTILE[case](store.versions_dir / ".1.5.0.partial"))
    before = _snapshot(tmp_path / "opt")
    with pytest.raises(InstallFailed) as refused:
        store.install_release(archive, "1.5.0")
    assert isinstance(refused.value, UnsafeArchive), refused.value
    assert _snapshot(tmp_path / "opt") == before  # the partial folder is gone too
    assert not Path("/tmp/welfare-kiosk-owned").exists()
    assert store.current_version() == "1.4.0"
    assert (store.path_of("1.4.0") / "kiosk.py").read_text() == "print('the good old version')\n"


def test_the_cve_chain_fools_the_tarfile_filter_here(tmp_path):
    """Why the filter alone is not trusted: on a Python without the fix, filter="data"
    writes through the chain. (Where the running Python has the fix, this is skipped.)"""
    outside = tmp_path  # "escape" is the destination's parent
    dest = tmp_path / "dest"
    dest.mkdir()
    archive = _tar(tmp_path / "cve.tar.gz", cve_2025_4517_members(dest, "kiosk.py"))
    try:
        with tarfile.open(archive, "r:gz") as tar:
            tar.extractall(dest, filter="data")
    except (tarfile.TarError, OSError):
        pytest.skip("this Python's tarfile filter refuses the chain (it has the CVE-2025-4517 fix)")
    if not (outside / "kiosk.py").exists():
        pytest.skip("this Python's tarfile filter kept the file inside")
    # Our extractor refuses the same archive.
    (outside / "kiosk.py").unlink()
    dest2 = tmp_path / "dest2"
    dest2.mkdir()
    with pytest.raises(UnsafeArchive):
        extract_release(archive, dest2)
    assert not (outside / "kiosk.py").exists()


def test_a_plain_release_unpacks_with_safe_modes(tmp_path, store):
    archive = _tar(tmp_path / "ok.tar.gz", [
        _dir("bin"), _file("VERSION", b"1.5.0\n"), _file("bin/welfare-kiosk", b"#!/bin/sh\n", mode=0o4777),
        _file("lib/deep/data.txt", b"data", mode=0o666), _file("./dotted", b"d"),
    ])
    final = store.install_release(archive, "1.5.0")
    assert (final / "VERSION").read_text() == "1.5.0\n"
    assert (final / "lib/deep/data.txt").read_bytes() == b"data"
    assert (final / "dotted").read_bytes() == b"d"
    assert (final / "bin/welfare-kiosk").stat().st_mode & 0o7777 == 0o755  # no setuid, no shared write
    assert (final / "lib/deep/data.txt").stat().st_mode & 0o7777 == 0o644
    assert not any(p.is_symlink() for p in final.rglob("*"))


def test_extraction_never_follows_a_link_already_on_disk(tmp_path):
    """Even if a link appears in the folder being filled (another process, a bug), the
    extractor does not write through it."""
    outside = tmp_path / "outside"
    outside.mkdir()
    dest = tmp_path / "dest"
    dest.mkdir()
    os.symlink(outside, dest / "lib")
    os.symlink(outside / "f", dest / "f")
    for members in ([_file("lib/x", b"owned")], [_file("f", b"owned")]):
        with pytest.raises(UnsafeArchive):
            extract_release(_tar(tmp_path / "a.tar.gz", members), dest)
    assert list(outside.iterdir()) == []


def test_the_publisher_writes_no_links(tmp_path):
    """IT's side: a bundle with a library symlink and a hard link packs into files only,
    and the kiosk installs it; a link leading out stops the build with its name."""
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "packaging"))
    import update_repository as publisher

    bundle = tmp_path / "bundle"
    (bundle / "lib").mkdir(parents=True)
    (bundle / "VERSION").write_text("1.5.0\n")
    (bundle / "lib/libz.so.1.3").write_bytes(b"library")
    os.symlink("libz.so.1.3", bundle / "lib/libz.so.1")
    os.link(bundle / "lib/libz.so.1.3", bundle / "lib/hard")
    archive = tmp_path / "release.tar.gz"
    publisher.write_release_archive(bundle, archive)
    with tarfile.open(archive) as tar:
        assert all(m.isfile() or m.isdir() for m in tar.getmembers())
    final = VersionStore(tmp_path / "opt").install_release(archive, "1.5.0")
    assert (final / "lib/libz.so.1").read_bytes() == (final / "lib/hard").read_bytes() == b"library"

    os.symlink("/etc/passwd", bundle / "lib/out")
    with pytest.raises(ValueError, match="lib/out"):
        publisher.write_release_archive(bundle, tmp_path / "bad.tar.gz")


@pytest.mark.parametrize("damage", ["truncated", "not_gzip"])
def test_a_damaged_archive_is_an_install_failure_not_a_crash(tmp_path, store, damage):
    good = _tar(tmp_path / "ok.tar.gz", [_file("VERSION", b"1.5.0\n"), _file("big", os.urandom(200_000))])
    data = good.read_bytes()
    bad = tmp_path / "bad.tar.gz"
    bad.write_bytes(data[: len(data) // 2] if damage == "truncated" else b"\x1f\x8b" + b"\0" * 500)
    before = _snapshot(tmp_path / "opt")
    with pytest.raises(InstallFailed):
        store.install_release(bad, "1.5.0")
    assert _snapshot(tmp_path / "opt") == before
