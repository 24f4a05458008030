#!/usr/bin/env python3
"""Build the kiosk bundle, write its manifest of file hashes, compare two builds.

    python packaging/bundle.py build [--out dist] [--commit REV]   # what `make bundle` runs
    python packaging/bundle.py manifest DIR           # print DIR's manifest
    python packaging/bundle.py compare A B            # A, B: bundle folders or MANIFEST files
    (compare DIR/MANIFEST.sha256 DIR checks a bundle against its own manifest)

A build exports the committed tree (git archive HEAD) to build/src, so local edits
never leak into a bundle, and sets SOURCE_DATE_EPOCH to the commit's time and
PYTHONHASHSEED=0 so two builds of one commit can be compared file by file.
Output: dist/welfare-kiosk/ (VERSION, MANIFEST.sha256, the executable, _internal/)
and dist/welfare-kiosk-<version>.tar.gz, the archive `make publish` signs.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import tarfile
import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
MANIFEST = "MANIFEST.sha256"
sys.path.insert(0, str(Path(__file__).resolve().parent))
from update_repository import write_release_archive  # noqa: E402


def manifest_lines(folder: Path) -> list[str]:
    """`<sha256>  <relative path>` for every file (symlinks by their target), sorted."""
    lines = []
    for path in sorted(Path(folder).rglob("*")):
        rel = path.relative_to(folder).as_posix()
        if rel == MANIFEST:
            continue
        if path.is_symlink():
            digest = "symlink:" + os.readlink(path)
        elif path.is_file():
            digest = hashlib.sha256(path.read_bytes()).hexdigest()
        else:
            continue
        lines.append(f"{digest}  {rel}")
    return lines


def read_manifest(source: Path) -> dict[str, str]:
    source = Path(source)
    if source.is_dir():
        lines = manifest_lines(source)  # what is on disk now, not what was recorded
    else:
        lines = source.read_text().splitlines()
    entries = {}
    for line in lines:
        digest, _, rel = line.partition("  ")
        entries[rel] = digest
    return entries


def compare(a: Path, b: Path) -> list[str]:
    """Human-readable differences between two bundles (empty: identical)."""
    left, right = read_manifest(a), read_manifest(b)
    report = []
    for rel in sorted(set(left) | set(right)):
        if rel not in right:
            report.append(f"only in {a}: {rel}")
        elif rel not in left:
            report.append(f"only in {b}: {rel}")
        elif left[rel] != right[rel]:
            report.append(f"differs: {rel}")
    return report


def git(*args: str) -> str:
    return subprocess.run(["git", *args], cwd=REPO, check=True, capture_output=True, text=True).stdout.strip()


def build(out: Path, rev: str = "HEAD") -> Path:
    commit = git("rev-parse", "--verify", f"{rev}^{{commit}}")
    epoch = git("log", "-1", "--format=%ct", commit)
    if rev == "HEAD" and git("status", "--porcelain", "--untracked-files=no"):
        print("bundle: note: the working tree has uncommitted changes; building the commit", commit[:12],
              "without them", file=sys.stderr)
    out = Path(out).resolve()
    # One work folder per output folder, so two builds can run side by side.
    work = REPO / "build" / f"bundle-{hashlib.sha256(str(out).encode()).hexdigest()[:10]}"
    src = work / "src"
    shutil.rmtree(work, ignore_errors=True)
    src.mkdir(parents=True)
    version = tomllib.loads(git("show", f"{commit}:pyproject.toml"))["project"]["version"]
    archive = subprocess.run(["git", "archive", "--format=tar", commit], cwd=REPO, check=True, capture_output=True).stdout
    with tarfile.open(fileobj=__import__("io").BytesIO(archive)) as tar:
        tar.extractall(src, filter="data")
    env = {**os.environ, "SOURCE_DATE_EPOCH": epoch, "PYTHONHASHSEED": "0", "KIOSK_BUNDLE_SRC": str(src)}
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level=WARN",
         "--distpath", str(work / "dist"), "--workpath", str(work / "pyinstaller"),
         str(src / "packaging" / "welfare-kiosk.spec")],
        cwd=src, env=env, check=True,
    )
    bundle = work / "dist" / "welfare-kiosk"
    (bundle / "VERSION").write_text(version + "\n")
    (bundle / "COMMIT").write_text(commit + "\n")
    (bundle / MANIFEST).write_text("\n".join(manifest_lines(bundle)) + "\n")
    final = out / "welfare-kiosk"
    shutil.rmtree(final, ignore_errors=True)
    out.mkdir(parents=True, exist_ok=True)
    shutil.move(str(bundle), final)
    tarball = out / f"welfare-kiosk-{version}.tar.gz"
    write_release_archive(final, tarball, mtime=int(epoch))
    print(f"bundle: {final} ({version}, commit {commit[:12]})")
    print(f"bundle: {tarball}  sha256 {hashlib.sha256(tarball.read_bytes()).hexdigest()}")
    return final


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bundle.py")
    sub = parser.add_subparsers(dest="command", required=True)
    b = sub.add_parser("build")
    b.add_argument("--out", type=Path, default=REPO / "dist")
    b.add_argument("--commit", default="HEAD", help="the commit to build (default HEAD)")
    m = sub.add_parser("manifest")
    m.add_argument("folder", type=Path)
    c = sub.add_parser("compare")
    c.add_argument("a", type=Path)
    c.add_argument("b", type=Path)
    args = parser.parse_args(argv)
    if args.command == "build":
        build(args.out, args.commit)
    elif args.command == "manifest":
        print("\n".join(manifest_lines(args.folder)))
    elif args.command == "compare":
        for source in (args.a, args.b):
            if not source.exists():
                print(f"bundle: {source} does not exist", file=sys.stderr)
                return 2
        report = compare(args.a, args.b)
        print("\n".join(report) if report else "identical")
        return 1 if report else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
