"""The bundle: manifest and compare (fast, on small folders) and `make bundle` for real (slow)."""

from __future__ import annotations

import os
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

from tests.packaging.conftest import REPO

sys.path.insert(0, str(REPO / "packaging"))
import bundle  # noqa: E402


def _tree(root: Path, files: dict[str, bytes]) -> Path:
    for rel, data in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_bytes(data)
    return root


def test_compare_reports_every_differing_file(tmp_path):
    a = _tree(tmp_path / "a", {"VERSION": b"1.0.0\n", "_internal/lib.so": b"x", "only-a.txt": b"a"})
    b = _tree(tmp_path / "b", {"VERSION": b"1.0.0\n", "_internal/lib.so": b"y", "only-b.txt": b"b"})
    assert bundle.compare(a, b) == [
        "differs: _internal/lib.so",
        f"only in {a}: only-a.txt",
        f"only in {b}: only-b.txt",
    ]
    assert bundle.compare(a, a) == []
    cli = subprocess.run([sys.executable, str(REPO / "packaging" / "bundle.py"), "compare", str(a), str(b)],
                         capture_output=True, text=True)
    assert cli.returncode == 1 and "differs: _internal/lib.so" in cli.stdout


def test_a_bundle_is_checked_against_its_own_manifest(tmp_path):
    a = _tree(tmp_path / "a", {"VERSION": b"1.0.0\n", "app": b"code"})
    (a / bundle.MANIFEST).write_text("\n".join(bundle.manifest_lines(a)) + "\n")
    assert bundle.compare(a / bundle.MANIFEST, a) == []
    (a / "app").write_bytes(b"changed after the build")
    assert bundle.compare(a / bundle.MANIFEST, a) == ["differs: app"]


def test_release_archive_is_byte_identical_for_identical_input(tmp_path):
    from update_repository import write_release_archive

    src = _tree(tmp_path / "src", {"VERSION": b"1.0.0\n", "x/y": b"data"})
    write_release_archive(src, tmp_path / "one.tar.gz", mtime=1700000000)
    os.utime(src / "x" / "y", (1, 1))  # file times on the build machine must not matter
    write_release_archive(src, tmp_path / "two.tar.gz", mtime=1700000000)
    assert (tmp_path / "one.tar.gz").read_bytes() == (tmp_path / "two.tar.gz").read_bytes()


@pytest.mark.slow
def test_make_bundle_builds_a_kiosk_that_starts(tmp_path):
    """`make bundle` for real (about 2 minutes on 2 cores): PyInstaller, manifest, archive."""
    result = subprocess.run(["make", "-s", "bundle"], cwd=REPO, capture_output=True, text=True, timeout=1500,
                            stdin=subprocess.DEVNULL)
    assert result.returncode == 0, result.stderr[-4000:]
    folder = REPO / "dist" / "welfare-kiosk"
    version = (folder / "VERSION").read_text().strip()
    exe = folder / "welfare-kiosk"
    assert subprocess.run([str(exe), "--version"], capture_output=True, text=True, timeout=60).stdout.strip() \
        == f"welfare-kiosk {version}"
    for shipped in ("_internal/kiosk/defaults/default.toml", "_internal/kiosk/storage/migrations/env.py",
                    "_internal/kiosk/assets/translations/fi.json"):
        assert (folder / shipped).exists(), shipped
    assert bundle.compare(folder / bundle.MANIFEST, folder) == []
    with tarfile.open(REPO / "dist" / f"welfare-kiosk-{version}.tar.gz") as tar:
        assert tar.extractfile("VERSION").read().decode().strip() == version
    # The bundled app opens its database (Alembic migrations from the bundle) and
    # shows home, offscreen; the updater entry point answers too.
    device = tmp_path / "device.toml"
    device.write_text(f'[device]\ndata_dir = "{(tmp_path / "data").as_posix()}"\n')
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    ready = subprocess.run([str(exe), "--config", str(device), "--demo", "--exit-when-ready"],
                           capture_output=True, text=True, timeout=180, env=env)
    assert ready.returncode == 0 and "KIOSK_READY" in ready.stdout, ready.stderr[-3000:]
    updater = subprocess.run([str(exe), "updater", "--help"], capture_output=True, text=True, timeout=60)
    assert updater.returncode == 0 and "enroll" in updater.stdout
